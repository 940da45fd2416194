"""An editable table of records (dataclasses) with add and delete buttons.

A cell edit that would make the record invalid is refused and its Swedish
reason shown under the table; a valid edit is autosaved at once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import FieldError
from ...domain.fields import parse_int
from .record_form import CHECK, COMBO, INT, LINE, READONLY, ErrorLabel
from .theme import themed
from .widgets import add_shortcut


@dataclass
class Column:
    name: str
    header: str
    kind: str = LINE
    choices: Sequence[tuple[Any, str]] = ()
    exclusive: bool = False  # CHECK only: at most one row may be checked
    stretch: bool = False
    # For values that are not plain text (decimal numbers, computed columns):
    # record -> text shown (and edited); typed text -> value, raising ValueError
    # with the Swedish reason to refuse it; record -> text colour; alignment.
    display: Callable[[Any], str] | None = None
    parse: Callable[[str], Any] | None = None
    colour: Callable[[Any], str | None] | None = None
    align: Qt.AlignmentFlag | None = None


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_EDIT = int(Qt.ItemDataRole.EditRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_CHECK_STATE = int(Qt.ItemDataRole.CheckStateRole)
_SHOWN = frozenset((_DISPLAY, _EDIT, _TOOLTIP))
_ANSWERED = _SHOWN | {_FOREGROUND, _ALIGN, _CHECK_STATE}


def _flags(col: Column) -> Qt.ItemFlag:
    base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if col.kind == READONLY:
        return base
    return base | (Qt.ItemFlag.ItemIsUserCheckable if col.kind == CHECK else Qt.ItemFlag.ItemIsEditable)


class RecordTableModel(QAbstractTableModel):
    rejected = Signal(str)
    accepted = Signal(object)

    def __init__(self, columns: Sequence[Column], validate: Callable[[Any], list[FieldError]],
                 save: Callable[[Any], None], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._flags = [_flags(col) for col in self.columns]  # asked for on every paint
        self._validate = validate
        self._save = save
        self._rows: list = []

    # -- contents -----------------------------------------------------------------------
    def set_records(self, records: list) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def records(self) -> list:
        return list(self._rows)

    def record(self, row: int):
        return self._rows[row]

    def append(self, record) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(record)
        self.endInsertRows()
        return row

    def replace(self, row: int, record) -> None:
        """A record changed outside the table (a checklist beside it)."""
        self._rows[row] = record
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    # -- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.columns[section].header
        return None

    def flags(self, index):
        return self._flags[index.column()]

    def data(self, index, role=_DISPLAY):
        # Asked for every role of every cell on each layout and paint (~3 000 calls when a
        # page with three tables opens): the roles not answered leave at once.
        if role not in _ANSWERED or not index.isValid():
            return None
        col = self.columns[index.column()]
        record = self._rows[index.row()]
        if col.display is not None and role in _SHOWN:
            return col.display(record)
        if role == _FOREGROUND:
            colour = col.colour(record) if col.colour is not None else None
            return QColor(colour) if colour else None
        if role == _ALIGN:
            return int(col.align | Qt.AlignmentFlag.AlignVCenter) if col.align is not None else None
        value = getattr(record, col.name)
        if col.kind == CHECK:
            if role == _CHECK_STATE:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == _DISPLAY:
            if col.kind == COMBO:
                return dict((v, label) for v, label in col.choices).get(
                    value, getattr(value, "label", str(value or "")))  # "okänt värde"
            return "" if value is None else str(value)
        if role == _EDIT:
            return value
        if role == _TOOLTIP and col.kind == LINE and value:
            return str(value)  # a long text in a narrow cell can be read whole
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):
        if not index.isValid():
            return False
        col = self.columns[index.column()]
        if col.kind == CHECK:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif col.parse is not None:
            try:
                value = col.parse(str(value or ""))
            except ValueError as exc:
                self.rejected.emit(str(exc))
                return False
        elif col.kind == INT:
            text = str(value or "").strip()
            value = None if not text else parse_int(text)
            if text and value is None:
                self.rejected.emit(f"{col.header} måste vara ett heltal.")
                return False
        record = self._rows[index.row()]
        candidate = dataclasses.replace(record, **{col.name: value})
        problems = self._validate(candidate)
        if problems:
            mine = next((e.message for e in problems if e.field == col.name), problems[0].message)
            self.rejected.emit(mine)
            return False
        self._rows[index.row()] = candidate
        self._save(candidate)
        if col.kind == CHECK and col.exclusive and value:
            self._uncheck_others(index.row(), col.name)
        self.dataChanged.emit(index, index)
        self.accepted.emit(candidate)
        return True

    def _uncheck_others(self, keep: int, name: str) -> None:
        for row, rec in enumerate(self._rows):
            if row != keep and getattr(rec, name):
                self._rows[row] = dataclasses.replace(rec, **{name: False})
        c = next(i for i, col in enumerate(self.columns) if col.name == name)
        self.dataChanged.emit(self.index(0, c), self.index(len(self._rows) - 1, c))


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down editor for COMBO columns."""

    def __init__(self, choices: Sequence[tuple[Any, str]], parent=None):
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(self, parent, option, index):
        combo = QComboBox(parent)
        for _value, label in self.choices:
            combo.addItem(label)
        return combo

    def setEditorData(self, editor, index):
        # Values by index: Qt item data would turn str-enums into plain str.
        values = [v for v, _label in self.choices]
        current = index.data(Qt.ItemDataRole.EditRole)
        editor.setCurrentIndex(values.index(current) if current in values else 0)

    def setModelData(self, editor, model, index):
        if 0 <= editor.currentIndex() < len(self.choices):
            model.setData(index, self.choices[editor.currentIndex()][0], Qt.ItemDataRole.EditRole)


def one_tab_stop(view: QAbstractItemView, name: str, description: str = "") -> None:
    """A table is one stop in the Tab order (arrows move between cells, Tab moves on to
    the next control) and has a name a screen reader says on arriving."""
    view.setTabKeyNavigation(False)
    view.setAccessibleName(name)
    view.setAccessibleDescription(description or "Piltangenterna flyttar mellan raderna, "
                                                 "Tabb går vidare.")


class CellTable(QTableView):
    """A table that is one stop in the Tab order: arrows move between cells, F2 or
    Enter edits the current cell, Tab and Shift+Tab move on to the next control."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabKeyNavigation(False)

    def keyPressEvent(self, event) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        index = self.currentIndex()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not editing
                and index.isValid() and index.flags() & Qt.ItemFlag.ItemIsEditable):
            self.edit(index)
            return
        super().keyPressEvent(event)


class RecordTable(QWidget):
    """Table + "Lägg till" / "Ta bort" buttons + the reason for a refused edit."""

    changed = Signal()

    def __init__(self, columns: Sequence[Column], *,
                 validate: Callable[[Any], list[FieldError]],
                 save: Callable[[Any], None],
                 create: Callable[[], Any | None],
                 delete: Callable[[Any], bool],
                 add_label: str = "Lägg till", empty_text: str = "",
                 name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._create = create
        self._delete = delete
        self.model = RecordTableModel(columns, validate, save, self)
        self.view = CellTable(self)
        self.view.setModel(self.model)
        # What a screen reader says on arriving: the table's name, or its columns.
        one_tab_stop(self.view, name or "Tabell: " + ", ".join(c.header for c in columns),
                     "Piltangenterna flyttar mellan cellerna, F2 eller Enter redigerar, "
                     "Tabb går vidare.")
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        # Stretched columns never narrower than their heading ("rganisatio"); the others
        # are sized to their contents and heading anyway.
        stretched = [c.header for c in columns if c.stretch] or [""]
        header.setMinimumSectionSize(max(header.fontMetrics().horizontalAdvance(text)
                                         for text in stretched) + 24)
        for i, col in enumerate(columns):
            if col.kind == COMBO:
                self.view.setItemDelegateForColumn(i, ChoiceDelegate(col.choices, self.view))
            header.setSectionResizeMode(
                i, QHeaderView.ResizeMode.Stretch if col.stretch else QHeaderView.ResizeMode.ResizeToContents)
        # No column to stretch (the payment plan): the last fills the row, no empty box beside it.
        header.setStretchLastSection(not any(c.stretch for c in columns))
        self.error = ErrorLabel(self)
        self.model.rejected.connect(self.error.show_message)
        self.model.accepted.connect(lambda _r: (self.error.show_message(None), self.changed.emit()))

        self.add_button = QPushButton(add_label, self)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton("Ta bort", self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        self.view.selectionModel().selectionChanged.connect(
            lambda *_: self.remove_button.setEnabled(self.view.currentIndex().isValid()))
        add_shortcut(QKeySequence.StandardKey.Delete, self.view, self.remove_selected,
                  what="Tabeller: ta bort den valda raden",
                  context=Qt.ShortcutContext.WidgetShortcut)

        self.empty_hint = ErrorLabel(self)
        themed(self.empty_hint, "emptyHint")
        self._empty_text = empty_text

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

    def set_records(self, records: list) -> None:
        self.model.set_records(records)
        self.error.show_message(None)
        self._update_height()

    def _update_height(self) -> None:
        rows = self.model.rowCount()
        self.empty_hint.show_message(self._empty_text if rows == 0 else None)
        row_h = self.view.verticalHeader().defaultSectionSize()
        header_h = self.view.horizontalHeader().sizeHint().height()
        scroll = self.view.horizontalScrollBar()
        scroll_h = scroll.sizeHint().height() if scroll.maximum() > 0 else 0
        self.view.setFixedHeight(header_h + row_h * max(rows, 1) + 2 * self.view.frameWidth() + 2
                                 + scroll_h)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_height()  # a narrow pane may need room for the sideways scroll bar

    def add(self) -> None:
        record = self._create()
        if record is None:
            return
        row = self.model.append(record)
        self._update_height()
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.edit(index)
        self.changed.emit()

    def remove_selected(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        if self._delete(self.model.record(index.row())):
            self.model.remove(index.row())
            self._update_height()
            self.changed.emit()
