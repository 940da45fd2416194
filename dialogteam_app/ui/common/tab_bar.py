"""Tabs whose labels keep the dots of Ö and the ring of Å."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QTabBar, QTabWidget


class RoomyTabBar(QTabBar):
    """Fusion's tab is as tall as the font's line and shifts an unselected tab's label
    down, so its top was cut off ("Oversikt"): each tab a little taller. On the tab bar
    rather than the application's style, where a Python override ran for every size
    asked of the style (~5 ms of every start)."""

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802
        size = super().tabSizeHint(index)
        return QSize(size.width(), size.height() + 4)

    def minimumTabSizeHint(self, index: int) -> QSize:  # noqa: N802
        size = super().minimumTabSizeHint(index)
        return QSize(size.width(), size.height() + 4)


def roomy_tabs(tabs: QTabWidget) -> QTabWidget:
    tabs.setTabBar(RoomyTabBar(tabs))
    return tabs
