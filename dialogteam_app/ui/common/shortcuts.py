"""Keyboard shortcuts that keep their context.

PySide6 6.11 drops `context=` when QShortcut is given a slot in its constructor: the
shortcut silently becomes a WindowShortcut, so two lists' Delete keys (or two views'
Ctrl+E) in one window are ambiguous and neither fires. The context is set after."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


def scoped_shortcut(key: QKeySequence | QKeySequence.StandardKey | str, parent: QWidget,
                    slot: Callable[[], object],
                    context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetShortcut
                    ) -> QShortcut:
    """`key` calls `slot` while the focus is in `parent` (WidgetShortcut) or in it or
    its children (WidgetWithChildrenShortcut)."""
    shortcut = QShortcut(QKeySequence(key), parent)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    return shortcut
