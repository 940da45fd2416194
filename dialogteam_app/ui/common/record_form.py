"""A form for one record (a dataclass): every edit is validated, valid values are
autosaved, an invalid value stays on screen with its Swedish error beside it."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.coded import UNKNOWN_VALUE
from ...domain.errors import FieldError
from ...domain.fields import parse_int
from .autosave import Autosaver
from .checklist import Checklist
from .theme import themed
from .widgets import GrowingTextEdit, field_label, section_title

LINE, TEXT, COMBO, INT, DATE, CHECK, READONLY = "line", "text", "combo", "int", "date", "check", "readonly"
CHECKLIST = "checklist"  # a list of ids, ticked from choices given with set_choices()
SECTION = "section"      # a heading between fields; `name` only identifies it


@dataclass
class FieldSpec:
    """One field of a record form: its column, label and kind of editor."""
    name: str
    label: str
    kind: str = LINE
    choices: Sequence[tuple[Any, str]] = ()
    placeholder: str = ""
    tooltip: str = ""


class ErrorLabel(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        themed(self, "fieldError")  # coloured by theme.stylesheet()
        self.setWordWrap(True)
        self.hide()

    def show_message(self, message: str | None) -> None:
        self.setText(message or "")
        self.setVisible(bool(message))


class RecordForm(QWidget):
    record_saved = Signal(object)

    def __init__(self, specs: Sequence[FieldSpec],
                 validate: Callable[[Any], list[FieldError]],
                 save: Callable[[Any], None],
                 autosaver: Autosaver, key_prefix: str,
                 parent: QWidget | None = None, *, labels_above: bool = False):
        super().__init__(parent)
        self.specs = {s.name: s for s in specs}
        self._validate = validate
        self._save = save
        self._autosaver = autosaver
        self._key_prefix = key_prefix
        self._record = None
        self._loading = False
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        # Combo values by index: Qt item data would turn str-enums into plain str.
        self._choices: dict[str, list] = {}

        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        if labels_above:  # long labels and long texts: each field gets the full width
            layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
            layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        if not labels_above:
            layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        mnemonics: set[str] = set()
        for spec in specs:
            if spec.kind == SECTION:
                heading = section_title(spec.label, self)
                layout.addRow(heading)
                self.widgets[spec.name] = heading
                continue
            widget = self._make_widget(spec)
            widget.setObjectName(f"field_{spec.name}")
            if spec.tooltip:
                widget.setToolTip(spec.tooltip)
            error = ErrorLabel(self)
            cell = QWidget(self)
            box = QVBoxLayout(cell)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(2)
            box.addWidget(widget)
            box.addWidget(error)
            label = field_label(spec.label, widget, mnemonics, self,
                                spec.tooltip or spec.placeholder)
            layout.addRow(label, cell)
            self.widgets[spec.name] = widget
            self.errors[spec.name] = error

    # -- building -------------------------------------------------------------------
    def _make_widget(self, spec: FieldSpec) -> QWidget:
        name = spec.name
        if spec.kind == TEXT:
            w = GrowingTextEdit(self)
            w.setPlaceholderText(spec.placeholder)
            w.textChanged.connect(lambda: self._edited(name))
        elif spec.kind == COMBO:
            w = QComboBox(self)
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            w.setMinimumWidth(160)
            self._fill_combo(w, spec.name, spec.choices)
            w.currentIndexChanged.connect(lambda _i: self._edited(name))
        elif spec.kind == CHECK:
            from PySide6.QtWidgets import QCheckBox  # its type built with the first one
            w = QCheckBox(self)
            w.toggled.connect(lambda _c: self._edited(name))
        elif spec.kind == READONLY:
            w = QLabel(self)
            w.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        elif spec.kind == CHECKLIST:
            w = Checklist(spec.placeholder, self)
            w.changed.connect(lambda _ids: self._edited(name))
        else:
            w = QLineEdit(self)
            w.setPlaceholderText(spec.placeholder or ("ÅÅÅÅ-MM-DD" if spec.kind == DATE else ""))
            w.textChanged.connect(lambda _t: self._edited(name))
        return w

    def set_choices(self, name: str, choices: Sequence[tuple[Any, str]]) -> None:
        """New choices for a COMBO or CHECKLIST field, keeping the record's value."""
        widget = self.widgets[name]
        self._loading = True
        try:
            if self.specs[name].kind == CHECKLIST:
                current: list[str] = (getattr(self._record, name)
                                      if self._record is not None else [])
                widget.set_items(list(choices), current)
                return
            self._fill_combo(widget, name, choices)
            if self._record is not None:
                self._select(widget, name, getattr(self._record, name))
        finally:
            self._loading = False

    def _fill_combo(self, combo: QComboBox, name: str, choices) -> None:
        combo.clear()
        self._choices[name] = [value for value, _label in choices]
        for _value, label in choices:
            combo.addItem(label)

    def _select(self, combo: QComboBox, name: str, value) -> None:
        values = self._choices[name]
        if value not in values and value not in (None, ""):
            # A stored value outside the program's list (domain/coded.py): shown as it
            # is, not as the first choice; the field rules refuse to save it.
            values.append(value)
            combo.addItem(f"{UNKNOWN_VALUE} ({str(getattr(value, 'value', value))[:40]})")
        combo.setCurrentIndex(values.index(value) if value in values else 0)

    # -- loading ----------------------------------------------------------------------
    def set_record(self, record) -> None:
        self._loading = True
        try:
            self._record = record
            for name, spec in self.specs.items():
                if spec.kind == SECTION:
                    continue
                self._show_value(self.widgets[name], spec, getattr(record, name))
                self.errors[name].show_message(None)
        finally:
            self._loading = False

    def record(self):
        return self._record

    def focus_field(self, name: str) -> QWidget | None:
        """Put the cursor in a field (the röd tråd check sends the user here)."""
        widget = self.widgets.get(name)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    def _show_value(self, w: QWidget, spec: FieldSpec, value) -> None:
        if spec.kind == TEXT:
            w.setPlainText(value or "")
        elif spec.kind == COMBO:
            self._select(w, spec.name, value)
        elif spec.kind == CHECK:
            w.setChecked(bool(value))
        elif spec.kind == READONLY:
            w.setText(str(value or ""))
        elif spec.kind == CHECKLIST:
            items = [(w.item(i).data(Qt.ItemDataRole.UserRole), w.item(i).text()) for i in range(w.count())
                     if w.item(i).data(Qt.ItemDataRole.UserRole)]
            w.set_items(items, list(value or []))
        elif spec.kind == INT:
            w.setText("" if value is None else str(value))
        else:
            w.setText(value or "")

    def _read_value(self, name: str):
        spec, w = self.specs[name], self.widgets[name]
        if spec.kind == TEXT:
            return w.toPlainText()
        if spec.kind == COMBO:
            values = self._choices[name]
            return values[w.currentIndex()] if 0 <= w.currentIndex() < len(values) else None
        if spec.kind == CHECK:
            return w.isChecked()
        if spec.kind == CHECKLIST:
            return w.checked_ids()
        if spec.kind == INT:
            text = w.text().strip()
            if not text:
                return None
            number = parse_int(text)
            return text if number is None else number  # text fails validation below
        return w.text()

    # -- editing ----------------------------------------------------------------------
    def apply(self, **changes) -> None:
        """Change record fields that have no widget here (e.g. a checklist beside the form)."""
        assert self._record is not None, "update_record() before set_record()"
        self._record = dataclasses.replace(self._record, **changes)
        self._edited(next(iter(changes)))

    def _edited(self, name: str) -> None:
        if self._loading or self._record is None:
            return
        # The whole screen is the candidate, so what is shown is either saved or flagged.
        candidate = dataclasses.replace(self._record, **{
            n: self._read_value(n) for n, spec in self.specs.items()
            if spec.kind not in (READONLY, SECTION)})
        problems = {e.field: e.message for e in self._validate(candidate)}
        for n, spec in self.specs.items():
            if spec.kind == INT and isinstance(getattr(candidate, n), str):
                problems[n] = f"{spec.label} måste vara ett heltal."
        for field, label in self.errors.items():
            label.show_message(problems.get(field))
        # A record without an id (a value object inside another) is keyed by the form.
        key = (self._key_prefix, getattr(self._record, "id", ""))
        if problems:
            # Nothing is written while any field is invalid; the status line says so.
            self._autosaver.mark_invalid(key, problems.get(name) or next(iter(problems.values())))
            return
        self._record = candidate
        self._autosaver.schedule(key, lambda: self._save(candidate))
        self.record_saved.emit(candidate)
