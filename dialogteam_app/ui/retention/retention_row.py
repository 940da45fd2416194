"""The samverkan page's line about gallring, with the button to its dialog. Apart from
the dialog so that opening a samverkan does not import the dialog and its rules."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from ..common.widgets import hint


def retention_row(page: QWidget, engagement_id: Callable[[], str]) -> QWidget:
    """What gallring is, and the button to the dialog."""
    row = QWidget(page)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(hint("När samverkan är avslutad tas personuppgifterna i anteckningarna "
                          "bort efter en tid du väljer; planen, analysen och "
                          "överenskommelsen står kvar.", row), 1)
    button = QPushButton("Gallra personuppgifter…", row)
    button.clicked.connect(lambda: _open_dialog(page, engagement_id()))
    layout.addWidget(button)
    return row


def _open_dialog(page: QWidget, engagement_id: str) -> None:
    from .retention_dialog import gallra_from_window
    gallra_from_window(page.window(), engagement_id)
