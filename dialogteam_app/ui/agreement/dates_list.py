"""The agreements' dates (beslut, signing, period, every report due) in the
samverkan's overview, as they stand after signed tillägg; activating one opens its
agreement."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ..common.widgets import fit_list_height

if TYPE_CHECKING:
    from ...domain.agreement import Agreement


def agreement_dates_list(parent: QWidget, open_agreement: Callable[[str], None]) -> QListWidget:
    widget = QListWidget(parent)
    widget.setObjectName("agreementDates")
    widget.setAccessibleName("Datum i överenskommelserna")
    widget.itemActivated.connect(
        lambda item: item.data(Qt.ItemDataRole.UserRole)
        and open_agreement(item.data(Qt.ItemDataRole.UserRole)))
    return widget


def show_agreement_dates(widget: QListWidget, agreements: list[Agreement]) -> None:
    from ...domain.agreement_dates import agreement_dates  # the model only once it is read
    widget.clear()
    for d in agreement_dates(agreements):
        item = QListWidgetItem(f"{d.date}  {d.label}")
        item.setData(Qt.ItemDataRole.UserRole, d.agreement_id)
        widget.addItem(item)
    if not widget.count():
        widget.addItem(QListWidgetItem("Inga överenskommelser ännu (fliken Överenskommelser)."))
    fit_list_height(widget)
