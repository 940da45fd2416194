"""Arkiv → Konflikter…: one record at a time, my version and the colleague's side by
side, field by field; the choice is applied in one transaction."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.record_names import counted
from ...exchange.conflict_view import ConflictView
from ...exchange.conflicts import MINE, THEIRS
from ...exchange.facade import open_conflicts, settle_conflict
from ...store.errors import StoreConstraintError
from ..common.dialogs import show_error
from ..common.theme import colours, themed
from ..common.widgets import fit_to_screen, hint, section_title


def cell_style() -> str:
    c = colours()
    return f"""
QFrame#choice {{ border: 1px solid {c.border}; border-radius: 4px; background: {c.page}; }}
QFrame#choice[chosen="true"] {{ border: 2px solid {c.accent}; }}
QFrame#same {{ border: none; }}
"""


class _Choice(QFrame):
    """One side of one field: a radio button and the value, the whole cell clickable."""

    picked = Signal()

    def __init__(self, text: str, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("choice")
        self.radio = QRadioButton(self)
        self.value = QLabel(text, self)
        self.value.setWordWrap(True)   # not selectable: a click on the text chooses the cell
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.radio, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.value, 1)
        self.radio.toggled.connect(self._show_chosen)

    def mousePressEvent(self, event) -> None:
        self.radio.setChecked(True)
        super().mousePressEvent(event)

    def _show_chosen(self, on: bool) -> None:
        self.setProperty("chosen", on)
        self.style().unpolish(self)
        self.style().polish(self)


class ConflictPanel(QWidget):
    """The two versions of one record and the buttons that settle it."""

    settle = Signal(object)   # MINE, THEIRS or {field: side}

    def __init__(self, view: ConflictView, parent: QWidget):
        super().__init__(parent)
        self.view = view
        self.choices: dict[str, tuple[_Choice, _Choice]] = {}
        title = QLabel(view.title[:1].upper() + view.title[1:], self)
        themed(title, "pageTitle")
        title.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        who = f"{view.source}s" if view.source else "kollegans"
        layout.addWidget(hint(f"{view.kind_text[:1].upper()}{view.kind_text[1:]}. Din version "
                              f"gäller tills du väljer. Från {who} paket, "
                              f"{view.detected_at[:16].replace('T', ' ')}.", self))
        layout.addWidget(self._grid(), 1)
        warning = self._warning()
        if warning:
            layout.addWidget(hint(warning, self))
        layout.addLayout(self._buttons())

    def _grid(self) -> QScrollArea:
        v = self.view
        both = v.mine_exists and v.theirs_exists
        inner = QWidget(self)
        grid = QGridLayout(inner)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.addWidget(section_title("Fält", inner), 0, 0)
        grid.addWidget(section_title("Din version" if v.mine_exists
                                     else "Din version: borttagen", inner), 0, 1)
        grid.addWidget(section_title("Kollegans version" if v.theirs_exists
                                     else "Kollegans version: borttagen", inner), 0, 2)
        row = 1
        for f in v.fields:
            if both and not f.differs:
                continue
            label = QLabel(f.label, inner)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(label, row, 0)
            if both:
                mine, theirs = _Choice(f.mine, inner), _Choice(f.theirs, inner)
                group = QButtonGroup(inner)
                group.addButton(mine.radio)
                group.addButton(theirs.radio)
                (theirs if f.suggested == THEIRS else mine).radio.setChecked(True)
                self.choices[f.key] = (mine, theirs)
                grid.addWidget(mine, row, 1)
                grid.addWidget(theirs, row, 2)
            else:
                for column, text in ((1, f.mine), (2, f.theirs)):
                    cell = QLabel(text, inner)
                    cell.setWordWrap(True)
                    grid.addWidget(cell, row, column)
            row += 1
        same = [f.label for f in v.fields if both and not f.differs]
        if same:
            grid.addWidget(hint("Lika i båda: " + ", ".join(same) + ".", inner), row, 0, 1, 3)
            row += 1
        grid.setRowStretch(row, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll

    def _warning(self) -> str:
        v = self.view
        parts = []
        if v.kind in ("deleted_there", "twin") and v.deletion_takes:
            parts.append(f"Tas din version bort följer också {counted(v.deletion_takes)} med.")
        if v.waiting:
            what = "en post" if v.waiting == 1 else f"{v.waiting} poster"
            parts.append(f"Kollegan har lagt till {what} under den, som kommer med om du tar "
                         "kollegans version.")
        return " ".join(parts)

    def _buttons(self) -> QHBoxLayout:
        v = self.view
        row = QHBoxLayout()
        row.addStretch(1)
        if v.kind == "deleted_here":
            texts = ("Låt den vara borttagen", "Återställ kollegans version")
        elif v.kind == "deleted_there":
            texts = ("Behåll min version", "Ta bort den, som kollegan")
        else:
            texts = ("Behåll min version", "Ta kollegans version")
        self.mine_button = QPushButton(texts[0], self)
        self.theirs_button = QPushButton(texts[1], self)
        self.mine_button.clicked.connect(lambda: self.settle.emit(MINE))
        self.theirs_button.clicked.connect(lambda: self.settle.emit(THEIRS))
        self.fields_button = None
        if self.choices:
            self.fields_button = QPushButton("Använd de valda fälten", self)
            self.fields_button.setDefault(True)
            self.fields_button.clicked.connect(lambda: self.settle.emit(self.chosen_fields()))
            row.addWidget(self.fields_button)
        row.addWidget(self.mine_button)
        row.addWidget(self.theirs_button)
        return row

    def chosen_fields(self) -> dict[str, str]:
        return {key: THEIRS if theirs.radio.isChecked() else MINE
                for key, (_, theirs) in self.choices.items()}


class ConflictsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.store = window.ctx.store
        self.settled = 0
        self.setWindowTitle("Konflikter")
        self.setStyleSheet(cell_style())
        self.list = QListWidget(self)
        self.list.setAccessibleName("Konflikter att avgöra")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSpacing(2)
        self.list.currentRowChanged.connect(self._show)
        self.panel_holder = QVBoxLayout()
        right = QWidget(self)
        right.setLayout(self.panel_holder)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 760])
        close = QPushButton("Stäng", self)
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(hint("Det du inte väljer nu finns kvar till nästa gång.", self), 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)
        fit_to_screen(self, 1040, 620)
        self.panel: QWidget | None = None     # a ConflictPanel, or a note that none are left
        self._reload()

    def _reload(self, row: int = 0) -> None:
        self.views = open_conflicts(self.store)
        self.list.blockSignals(True)
        self.list.clear()
        for v in self.views:
            item = QListWidgetItem(f"{v.title[:1].upper()}{v.title[1:]}\n{v.kind_text}")
            item.setToolTip(v.title)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.views:
            self.list.setCurrentRow(min(row, len(self.views) - 1))
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        if self.panel is not None:
            self.panel_holder.removeWidget(self.panel)
            self.panel.hide()
            self.panel.deleteLater()
        if row < 0:
            self.panel = QLabel("Inga olösta konflikter.", self)
            themed(self.panel, "pageSubtitle")
            self.panel_holder.addWidget(self.panel, 0, Qt.AlignmentFlag.AlignCenter)
            return
        self.panel = ConflictPanel(self.views[row], self)
        self.panel.settle.connect(self._settle)
        self.panel_holder.addWidget(self.panel)

    def _settle(self, choice) -> None:
        v = self.panel.view
        try:
            settle_conflict(self.store, v, choice)
        except StoreConstraintError:
            # Say, their version belongs to a meeting deleted here since the import.
            show_error(self, "Valet kunde inte genomföras",
                       "Kollegans version hänger ihop med något som inte finns här längre. "
                       "Välj en annan version.")
            return
        self.settled += 1
        self._reload(self.list.currentRow())
