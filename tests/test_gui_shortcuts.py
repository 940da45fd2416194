"""Two lists in one window each with a Delete key: each list's Delete acts on that
list only. (PySide6 6.11 drops QShortcut's `context=` when a slot is passed, which
made them all window-wide and ambiguous, so none fired.)"""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QVBoxLayout, QWidget

from dialogteam_app.ui.common.widgets import add_shortcut


def test_each_lists_delete_key_acts_in_that_list(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    pressed: list[str] = []
    lists = {}
    for name in ("vänster", "höger"):
        lists[name] = QListWidget(window)
        layout.addWidget(lists[name])
        shortcut = add_shortcut(Qt.Key.Key_Delete, lists[name],
                                lambda n=name: pressed.append(n), what=f"ta bort i {name}",
                                context=Qt.ShortcutContext.WidgetShortcut)
        assert shortcut.context() is Qt.ShortcutContext.WidgetShortcut
    window.show()
    window.activateWindow()
    QApplication.processEvents()
    for name in ("höger", "vänster"):
        lists[name].setFocus()
        QTest.keyClick(lists[name], Qt.Key.Key_Delete)
    assert pressed == ["höger", "vänster"]
