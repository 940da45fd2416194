"""Questions and messages in Swedish, with Swedish button texts.

QMessageBox is imported where a box is shown: PySide builds a class's Python type and
enums at its first use (~1 ms for this one), and no box is shown on the way to a
usable window."""

from __future__ import annotations

import logging
import sys
from collections import Counter

from PySide6.QtWidgets import QWidget

from ...domain.record_names import counted

log = logging.getLogger(__name__)


def describe_impact(counts: Counter) -> str:
    listed = counted(counts)
    return f"Det tar också bort {listed}." if listed else ""


def confirm_delete(parent: QWidget | None, title: str, text: str,
                   impact: Counter | None = None, undoable: bool = False) -> bool:
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    details = describe_impact(impact or Counter())
    after = "Du kan ångra med Ctrl+Z." if undoable else "Detta kan inte ångras."
    box.setInformativeText((details + "\n\n" if details else "") + after)
    delete = box.addButton("Ta bort", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Avbryt", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def confirm_close_unsaved(parent: QWidget | None, invalid: list[str]) -> bool:
    """Closing with changes that were not saved because they hold errors: close anyway?"""
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Icon.Warning, "Osparade ändringar",
                      "Några ändringar har inte sparats eftersom de innehåller fel:\n\n"
                      + "\n".join(f"• {m}" for m in invalid), parent=parent)
    close = box.addButton("Stäng ändå", QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton("Gå tillbaka och rätta", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(stay)
    box.exec()
    return box.clickedButton() is close


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    """The title goes to the log (the text may hold the user's words), with the
    traceback of the exception being handled, if any."""
    log.warning("error shown: %s", title, exc_info=sys.exc_info()[1] is not None)
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.addButton("OK", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
