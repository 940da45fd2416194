"""Answering real modal dialogs from tests."""

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def answer_next_dialog(button_text: str, seen: list | None = None) -> None:
    """Click the button with this text in the next modal message box."""
    def click():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        if seen is not None:
            seen.append(box.text() + "\n" + box.informativeText())
        for b in box.buttons():
            if b.text().replace("&", "") == button_text:
                b.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")
    QTimer.singleShot(0, click)


def type_text(widget, text: str) -> None:
    """Type like a keyboard, one key event per character.

    QTest.keyClicks asserts on characters outside its ASCII table (ä, ö, é, –),
    so the events carry the text themselves, as a real keyboard's do.
    """
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    for ch in text:
        key = Qt.Key_Return if ch == "\n" else Qt.Key_unknown
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.NoModifier, ch))
