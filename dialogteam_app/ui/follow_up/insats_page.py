"""One insats over time: status history, progress log (a meeting note can be brought
in), participants reached, money used against money granted, and the goals judged.

Each part is an editable table: an edit that breaks a rule is refused with its
Swedish reason under the table; a valid edit saves itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ...domain.follow_up import (
    CostKind,
    GoalFollowUp,
    GoalHorizon,
    InterventionStatus,
    Judgement,
    LogEntry,
    Reached,
    Spending,
    StatusEntry,
    validate_goal,
    validate_log,
    validate_reached,
    validate_spending,
    validate_status,
)
from ...domain.follow_up_snapshot import FollowUpSnapshot, InsatsFollowUp, spending_warnings
from ...domain.key_figures import parse_decimal
from ...domain.money import format_kr
from ..common.context import AppContext
from ..common.dialogs import confirm_delete
from ..common.record_form import COMBO, INT, READONLY, ErrorLabel
from ..common.record_table import Column, RecordTable
from ..common.widgets import PageHeader, ScrollPage, add_shortcut, hint, section_title

_STATUSES = [(s, s.label) for s in InterventionStatus]
_JUDGEMENTS: list[tuple[Any, str]] = [(None, "Ej bedömt"), *((j, j.label) for j in Judgement)]


def _kr(text: str) -> int:
    value = parse_decimal(text.replace("kr", ""))
    if value is None or value != int(value):
        raise ValueError("Beloppet ska vara ett heltal i kronor, till exempel 120 000.")
    return int(value)


class InsatsPage(ScrollPage):
    changed = Signal()
    pick_note = Signal(str)   # terms id: bring a meeting note into the log

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.snap: FollowUpSnapshot | None = None
        self.insats: InsatsFollowUp | None = None
        self.header = PageHeader(self)
        self.terms_text = hint("", self)
        self.body.addWidget(self.header)
        self.body.addWidget(self.terms_text)
        self.statuses = self._table("Status", [
            Column("status", "Status", COMBO, _STATUSES),
            Column("date", "Datum"), Column("comment", "Kommentar", stretch=True)],
            lambda s: validate_status(s, self._today()), self._new_status, "Ny status",
            "Ingen status angiven: insatsen räknas som ej påbörjad.")
        self.log = self._table("Logg: vad som gjorts", [
            Column("date", "Datum"), Column("text", "Vad som gjorts", stretch=True),
            Column("note_id", "Källa", READONLY,
                   display=lambda e: "Mötesanteckning" if e.note_id else "")],
            lambda e: validate_log(e, self._today()), self._new_log, "Ny rad i loggen",
            "Inget har förts in i loggen ännu.")
        from_note = QPushButton("Från mötesanteckning…", self)
        from_note.setToolTip("Hämta en anteckning från ett möte till loggen (Ctrl+Skift+L)")
        from_note.clicked.connect(self._pick_note)
        add_shortcut("Ctrl+Shift+L", self, self._pick_note,
                     context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
                     what="Insats: hämta en mötesanteckning till loggen")
        # Beside the log's own buttons: a RecordTable's last row holds them.
        buttons = self.log.layout().itemAt(self.log.layout().count() - 1).layout()
        buttons.insertWidget(buttons.indexOf(self.log.remove_button) + 1, from_note)
        self.reached = self._table("Deltagare som nåtts", [
            Column("year", "År", INT), Column("group", "Deltagargrupp", stretch=True),
            Column("count", "Antal", INT), Column("school_unit_id", "Skolenhet", COMBO)],
            lambda r: validate_reached(r, self._years()), self._new_reached, "Nya deltagare",
            "Inga deltagare registrerade ännu.")
        self.money_summary = QLabel(self)
        self.money_summary.setWordWrap(True)
        self.money_warning = ErrorLabel(self)
        self.spending = self._table("Använda medel (utfall mot beviljat)", [
            Column("year", "År", INT),
            Column("cost_kind", "Kostnadsslag", COMBO, [(k, k.label) for k in CostKind]),
            Column("used_kr", "Använt", display=lambda s: format_kr(s.used_kr), parse=_kr,
                   align=Qt.AlignmentFlag.AlignRight),
            Column("comment", "Kommentar", stretch=True)],
            lambda s: validate_spending(s, self._years()), self._new_spending, "Nytt utfall",
            "Inga använda medel registrerade ännu.")
        self.body.addWidget(self.money_summary)
        self.body.addWidget(self.money_warning)
        self.goals = self._table("Mål och bedömning", [
            Column("horizon", "Mål", COMBO, [(h, h.label) for h in GoalHorizon]),
            Column("goal", "Målet", stretch=True),
            Column("judgement", "Bedömning", COMBO, _JUDGEMENTS),
            Column("evidence", "Belägg", stretch=True), Column("judged_date", "Bedömt")],
            lambda g: validate_goal(g, self._today()), self._new_goal, "Nytt mål",
            "Inga mål att följa. Lägg till insatsens kort- och långsiktiga mål.")

    # -- building ------------------------------------------------------------------------
    def _table(self, title: str, columns: list[Column], validate: Callable[[Any], list],
               create: Callable[[], Any], add_label: str, empty: str) -> RecordTable:
        table = RecordTable(columns, validate=validate, save=self._save, create=create,
                            delete=self._delete, add_label=add_label, empty_text=empty,
                            parent=self)
        table.changed.connect(self._after_change)
        table.set_records([])   # its real height from the start, not a default view's
        self.body.addWidget(section_title(title, self))
        self.body.addWidget(table)
        return table

    def _pick_note(self) -> None:
        if self.insats is not None:
            self.pick_note.emit(self.insats.terms.id)

    def _today(self) -> date:
        return self.ctx.store.follow_up.today()

    def _years(self) -> tuple[int, int] | None:
        return self.snap.years if self.snap else None

    # -- showing -------------------------------------------------------------------------
    def show_insats(self, snap: FollowUpSnapshot, terms_id: str) -> None:
        self.snap, self.insats = snap, snap.insats(terms_id)
        if self.insats is None:
            return
        t = self.insats.terms
        self.header.set_text(t.title, f"{t.area_title} · {self.insats.status.label}"
                             + (f" sedan {self.insats.status_date}" if self.insats.status_date
                                else ""))
        agreed = ", ".join(p.phrase + (f" ({snap.unit_names[p.school_unit_id]})"
                                       if p.school_unit_id in snap.unit_names else "")
                           for p in t.participants)
        self.terms_text.setText(
            (f"Enligt överenskommelsen: {agreed}. " if agreed else "")
            + (f"Omfattning {t.scope}. " if t.scope else "")
            + (f"Period {t.start} – {t.end}." if t.start or t.end else ""))
        units = [(None, "Hela huvudmannen"), *snap.unit_names.items()]
        self.reached.model.columns[3].choices = units
        self.reached.view.itemDelegateForColumn(3).choices = units
        self.statuses.set_records(list(self.insats.statuses))
        self.log.set_records(list(self.insats.log))
        self.reached.set_records(list(self.insats.reached))
        self.spending.set_records(list(self.insats.spending))
        self.goals.set_records(list(self.insats.goals))
        self._show_money()

    def _after_change(self) -> None:
        if self.insats is None:
            return
        self.insats.statuses = self.statuses.model.records()
        self.insats.log = self.log.model.records()
        self.insats.reached = self.reached.model.records()
        self.insats.spending = self.spending.model.records()
        self.insats.goals = self.goals.model.records()
        self.header.subtitle.setText(
            f"{self.insats.terms.area_title} · {self.insats.status.label}"
            + (f" sedan {self.insats.status_date}" if self.insats.status_date else ""))
        self._show_money()
        self.changed.emit()

    def _show_money(self) -> None:
        i = self.insats
        assert i is not None
        by_year = ", ".join(f"{y or 'utan år'}: {format_kr(kr)}"
                            for y, kr in sorted(i.granted_by_year.items(), key=lambda kv: kv[0] or 0))
        self.money_summary.setText(
            f"Beviljat {format_kr(i.granted_kr)}" + (f" ({by_year})" if by_year else "")
            + f" · använt {format_kr(i.used_kr)} · ej använt {format_kr(i.unspent_kr)}")
        warnings = spending_warnings(i)
        self.money_warning.show_message("⚠ " + " ".join(warnings) if warnings else None)

    # -- records -------------------------------------------------------------------------
    def _terms_id(self) -> str:
        assert self.insats is not None
        return self.insats.terms.id

    def _year(self) -> int:
        today = self._today().year
        years = self._years()
        return min(max(today, years[0]), years[1]) if years else today

    def _new_status(self) -> StatusEntry:
        current = self.insats.status if self.insats else InterventionStatus.NOT_STARTED
        following = {InterventionStatus.NOT_STARTED: InterventionStatus.ONGOING,
                     InterventionStatus.ONGOING: InterventionStatus.DONE}.get(current, current)
        s = StatusEntry(self._terms_id(), following, self._today().isoformat())
        self.ctx.store.follow_up.save_status(s)
        return s

    def _new_log(self) -> LogEntry:
        e = LogEntry(self._terms_id(), self._today().isoformat(), "Ny händelse")
        self.ctx.store.follow_up.save_log(e)
        return e

    def _new_reached(self) -> Reached:
        r = Reached(self._terms_id(), self._year(), "lärare", 0)
        self.ctx.store.follow_up.save_reached(r)
        return r

    def _new_spending(self) -> Spending:
        s = Spending(self._terms_id(), self._year(), 0)
        self.ctx.store.follow_up.save_spending(s)
        return s

    def _new_goal(self) -> GoalFollowUp:
        g = GoalFollowUp(self._terms_id(), "Nytt mål", position=len(self.goals.model.records()))
        self.ctx.store.follow_up.save_goal(g)
        return g

    def _save(self, record: object) -> None:
        fu = self.ctx.store.follow_up
        save: Callable[..., None] = {
            StatusEntry: fu.save_status, LogEntry: fu.save_log, Reached: fu.save_reached,
            Spending: fu.save_spending, GoalFollowUp: fu.save_goal}[type(record)]
        self.ctx.autosaver.schedule((type(record).__name__, record.id),  # type: ignore[attr-defined]
                                    lambda: save(record, wait=False))

    def _delete(self, record: object) -> bool:
        table = {StatusEntry: "follow_up_statuses", LogEntry: "follow_up_log",
                 Reached: "follow_up_reached", Spending: "follow_up_spending",
                 GoalFollowUp: "follow_up_goals"}[type(record)]
        if not confirm_delete(self, "Ta bort", "Ta bort raden?"):
            return False
        self.ctx.autosaver.flush()
        self.ctx.store.follow_up.delete(table, record.id)  # type: ignore[attr-defined]
        return True

