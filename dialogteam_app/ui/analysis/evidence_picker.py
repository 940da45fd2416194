"""Choose what a piece of evidence points at: a note from the meetings (searchable),
a key figure, a source, one of Skolinspektionen's findings — or a text of its own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.analysis import Evidence
from ...domain.analysis_snapshot import finding_label, key_figure_label, note_label, source_label
from ...domain.key_figures import sorted_figures
from ...domain.notes import Note, Tag, tag_label
from ...domain.sorting import swedish_key
from ...store.store import Store
from ..common.record_form import ErrorLabel
from ..common.tab_bar import roomy_tabs
from ..common.widgets import GrowingTextEdit, accept_reject_buttons, fit_to_screen, hint

TARGET_ROLE = Qt.ItemDataRole.UserRole
NOTES, KEY_FIGURES, SOURCES, FINDINGS, TEXT = range(5)
_FIELDS = {NOTES: "note_id", KEY_FIGURES: "key_figure_id", SOURCES: "source_id",
           FINDINGS: "finding_id"}


def _tags(n: Note) -> str:
    return f"   [{', '.join(tag_label(t) for t in n.tags)}]" if n.tags else ""


def _list(parent, rows: list[tuple[str, str]], empty: str) -> QListWidget:
    widget = QListWidget(parent)
    widget.setWordWrap(True)
    widget.setAlternatingRowColors(True)
    for record_id, text in rows:
        item = QListWidgetItem(text)
        item.setData(TARGET_ROLE, record_id)
        widget.addItem(item)
    if not rows:
        item = QListWidgetItem(empty)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)
    return widget


class EvidencePicker(QDialog):
    def __init__(self, store: Store, engagement_id: str, current: Evidence | None = None,
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle("Välj belägg")
        fit_to_screen(self, 780, 540)
        e = store.engagements.get(engagement_id)
        units = {u.id: u.display_name for u in store.organisers.units(e.organiser_id)}

        def unit(unit_id):
            return units.get(unit_id, "huvudmannen")

        meetings = {m.id: m.display_name for m in store.meetings.list(engagement_id)}
        self._notes = store.notes.list_for_engagement(engagement_id)
        note_rows = [(n.id, f"{meetings.get(n.meeting_id, '')}\n{note_label(n, 400)}" + _tags(n))
                     for n in self._notes]
        state = store.current_state
        self.search = QLineEdit(self)
        self.search.setAccessibleName("Sök i anteckningarna")
        self.search.setPlaceholderText("Sök i anteckningarna …")
        self.search.setClearButtonEnabled(True)
        self.only_evidence = QCheckBox("Bara anteckningar taggade belägg", self)
        self.notes = _list(self, note_rows, "Inga anteckningar i samverkans möten ännu.")
        self.notes.setAccessibleName("Anteckningar")
        self.key_figures = _list(self, [
            (k.id, key_figure_label(k, unit(k.school_unit_id)))
            for k in sorted(sorted_figures(state.key_figures(engagement_id)),
                            key=lambda k: swedish_key(unit(k.school_unit_id)))],
            "Inga nyckeltal ännu: lägg till dem under Nulägesbeskrivning.")
        self.sources = _list(self, [(s.id, source_label(s)) for s in state.sources(engagement_id)],
                             "Inga underlag ännu: lägg till dem under Nulägesbeskrivning.")
        self.findings = _list(self, [(f.id, finding_label(f, unit(f.school_unit_id)))
                                     for f in state.findings(engagement_id)],
                              "Inga beslut från Skolinspektionen ännu.")
        self.key_figures.setAccessibleName("Nyckeltal")
        self.sources.setAccessibleName("Underlag")
        self.findings.setAccessibleName("Beslut från Skolinspektionen")
        self.text = GrowingTextEdit(self, min_lines=5)
        self.text.setAccessibleName("Eget belägg")
        self.text.setPlaceholderText("Till exempel forskning eller beprövad erfarenhet: "
                                     "Timperley (2011) visar att …")

        notes_page = QWidget(self)
        box = QVBoxLayout(notes_page)
        box.addWidget(self.search)
        box.addWidget(self.only_evidence)
        box.addWidget(self.notes)
        text_page = QWidget(self)
        box = QVBoxLayout(text_page)
        box.addWidget(hint("Ett belägg som inte finns bland anteckningar och underlag.", self))
        box.addWidget(self.text)
        box.addStretch(1)
        self.tabs = roomy_tabs(QTabWidget(self))
        for page, title in ((notes_page, "Anteckningar"), (self.key_figures, "Nyckeltal"),
                            (self.sources, "Underlag"), (self.findings, "Skolinspektionen"),
                            (text_page, "Egen text")):
            self.tabs.addTab(page, title)

        self.error = ErrorLabel(self)
        buttons, _ = accept_reject_buttons(self, "Välj")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

        self.search.textChanged.connect(self._filter)
        self.only_evidence.toggled.connect(self._filter)
        self.search.returnPressed.connect(self._to_first_match)
        for widget in self._lists().values():
            widget.itemActivated.connect(lambda _item: self.accept())
        self._preselect(current)
        self.target: dict | None = None

    def _lists(self) -> dict[int, QListWidget]:
        return {NOTES: self.notes, KEY_FIGURES: self.key_figures, SOURCES: self.sources,
                FINDINGS: self.findings}

    def _preselect(self, current: Evidence | None) -> None:
        if current is None:
            self.search.setFocus()
            return
        for tab, name in _FIELDS.items():
            wanted = getattr(current, name)
            if wanted:
                self.tabs.setCurrentIndex(tab)
                widget = self._lists()[tab]
                for i in range(widget.count()):
                    if widget.item(i).data(TARGET_ROLE) == wanted:
                        widget.setCurrentRow(i)
                return
        self.tabs.setCurrentIndex(TEXT)
        self.text.setPlainText(current.text)

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        only = self.only_evidence.isChecked()
        for i, n in enumerate(self._notes):
            text = n.body.casefold()
            visible = all(w in text for w in words) and (not only or Tag.EVIDENCE.value in n.tags)
            self.notes.item(i).setHidden(not visible)

    def _to_first_match(self) -> None:
        for i in range(self.notes.count()):
            if not self.notes.item(i).isHidden():
                self.notes.setCurrentRow(i)
                self.notes.setFocus()
                return

    def accept(self) -> None:
        tab = self.tabs.currentIndex()
        if tab == TEXT:
            if not self.text.toPlainText().strip():
                self.error.show_message("Skriv belägget, eller välj det i en av listorna.")
                return
            self.target = {"text": self.text.toPlainText().strip()}
        else:
            item = self._lists()[tab].currentItem()
            if item is None or item.isHidden() or not item.data(TARGET_ROLE):
                self.error.show_message("Välj en rad i listan.")
                return
            self.target = {_FIELDS[tab]: item.data(TARGET_ROLE)}
        super().accept()


def with_target(target: dict) -> dict:
    """The fields to change so that a piece of evidence points at target and nothing else."""
    return {**{name: None for name in _FIELDS.values()}, **target}
