"""Table columns shared by the agreement's pages: amounts typed the Swedish way."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ...domain.agreement_money import parse_amount
from ...domain.money import format_kr
from ..common.record_form import LINE
from ..common.record_table import Column, RecordTable


def parse_kr(text: str) -> int | None:
    value, error = parse_amount(text)
    if error:
        raise ValueError(error)
    return value


def amount_column(name: str = "amount_kr", header: str = "Belopp") -> Column:
    def shown(record: object) -> str:
        value = getattr(record, name)
        return "" if value is None else format_kr(value)
    return Column(name, header, LINE, display=shown, parse=parse_kr,
                  align=Qt.AlignmentFlag.AlignRight)


def set_column_choices(table: RecordTable, name: str, choices: list) -> None:
    """New choices for a COMBO column (they depend on the agreement shown)."""
    index = next(i for i, c in enumerate(table.model.columns) if c.name == name)
    table.model.columns[index].choices = choices
    table.view.itemDelegateForColumn(index).choices = list(choices)
