"""Tillägg och ändringar: a tillägg's own changes (each names a part of the agreement
it amends and the part's new value), and for every agreement the text as it stands
after its signed tillägg, with what each of them changed."""

from __future__ import annotations

import dataclasses
from html import escape

from PySide6.QtWidgets import QTextBrowser

from ...domain.agreement import Agreement
from ...domain.agreement_amendments import AgreementChange, ChangeTarget, validate_change
from ...domain.agreement_effective import EffectiveAgreement, effective_agreement, parts_of
from ...domain.agreement_kinds import AgreementKind
from ...domain.agreement_money import funder_totals
from ...domain.errors import FieldError
from ...domain.money import format_kr
from ..common.dialogs import confirm_delete
from ..common.record_form import COMBO
from ..common.record_table import Column, RecordTable
from ..common.theme import colours
from ..common.widgets import PageHeader, ScrollPage, hint, section_title
from .columns import set_column_choices
from .commands import undo_here
from .state import AgreementState

COLUMNS = [
    Column("target", "Vad ändras", COMBO, [(t, t.label) for t in ChangeTarget]),
    Column("target_id", "Del", COMBO),
    Column("value", "Nytt värde"),
    Column("note", "Motivering", stretch=True),
]


def summary_html(result: EffectiveAgreement) -> str:
    a = result.agreement
    out = [f"<p><b>Period:</b> {escape(a.period_start or '–')} – {escape(a.period_end or '–')}"
           f"</p>"]
    for t in a.terms:
        changed = " <i>(ändrad genom tillägg)</i>" if result.changed(t.id) or any(
            result.changed(f.id) for f in t.funding) else ""
        lines = "".join(f"<li>{escape(f.sentence)}</li>" for f in t.funding)
        out.append(f"<p><b>{escape(t.title)}</b> {escape(t.start)} – {escape(t.end)}{changed}"
                   f"</p><ul>{lines}</ul>")
    granted = funder_totals(a.terms).granted_kr
    if granted or a.payments:
        out.append(f"<p><b>Beviljat:</b> {format_kr(granted)}; <b>utbetalningsplan:</b> "
                   f"{format_kr(sum(p.amount_kr for p in a.payments))}</p>")
    out.append("<p><b>Redovisningar:</b> " + (", ".join(
        escape(r.label) for r in sorted(a.reports, key=lambda r: r.due_date)) or "–") + "</p>")
    if result.applied:
        out.append("<p><b>Ändringar genom tillägg:</b></p><ul>" + "".join(
            f"<li>{escape(c.amendment)}: {escape(c.change.target.label)} "
            f"{escape(str(c.old_value or '–'))} → {escape(str(c.new_value))}</li>"
            for c in result.applied) + "</ul>")
    if result.not_applied:
        out.append("<p><i>Ej undertecknade tillägg (gäller inte ännu): "
                   + escape(", ".join(x.name for x in result.not_applied)) + "</i></p>")
    if result.unresolved:
        out.append(f"<p style='color:{colours().error}'>⚠ {len(result.unresolved)} ändring(ar) pekar på "
                   "en del som inte längre finns eller har ett ogiltigt värde.</p>")
    return "".join(out)


class ChangesPage(ScrollPage):
    def __init__(self, state: AgreementState, parent=None):
        super().__init__(parent)
        self.state = state
        self.kinds: dict[str, str] = {}
        repo = state.ctx.store.agreements
        self.header = PageHeader(self)
        self.table = RecordTable(
            COLUMNS, validate=self._validate,
            save=lambda c: state.ctx.autosaver.schedule(
                ("change", c.id), lambda: repo.save_change(c, wait=False)),
            create=self._new, delete=self._delete, add_label="Ny ändring",
            empty_text="Tillägget ändrar inget ännu. Nya insatser, utbetalningar och "
                       "redovisningar läggs till på respektive sida.", parent=self)
        self.table.changed.connect(self._show_summary)
        undo_here(state.stack, self.table.view)
        self.changes_title = section_title("Tilläggets ändringar", self)
        self.changes_hint = hint("Datum skrivs ÅÅÅÅ-MM-DD och belopp i hela kronor.", self)
        self.summary_title = section_title("", self)
        self.summary = QTextBrowser(self)
        self.summary.setObjectName("effectiveAgreement")
        self.summary.setAccessibleName("Gällande lydelse")
        self.summary.setMinimumHeight(260)
        b = self.body
        b.addWidget(self.header)
        b.addWidget(self.changes_title)
        b.addWidget(self.changes_hint)
        b.addWidget(self.table)
        b.addWidget(self.summary_title)
        b.addWidget(self.summary)

    def _amended(self) -> Agreement | None:
        a = self.state.agreement
        if a is None or a.kind is not AgreementKind.AMENDMENT:
            return None
        return next((s for s in self.state.siblings if s.id == a.amends_id), None)

    def show_agreement(self) -> None:
        a = self.state.agreement
        assert a is not None
        amended = self._amended()
        is_amendment = a.kind is AgreementKind.AMENDMENT
        for w in (self.changes_title, self.changes_hint, self.table):
            w.setVisible(is_amendment)
        if is_amendment:
            self.header.set_text("Ändringar", f"Tillägget ändrar {amended.name}" if amended
                                 else "Välj vilken överenskommelse tillägget ändrar "
                                      "(under Överenskommelse).")
            parts = parts_of(amended) if amended else []
            self.kinds = {pid: kind for kind, pid, _ in parts}
            set_column_choices(self.table, "target_id", [(pid, label) for _, pid, label in parts])
            self.table.set_records(a.changes)
        else:
            self.header.set_text("Gällande lydelse", "Överenskommelsen som den gäller efter "
                                 "sina undertecknade tillägg.")
        self._show_summary()

    def _show_summary(self) -> None:
        a = self.state.agreement
        if a is None:
            return
        base = self._amended() if a.kind is AgreementKind.AMENDMENT else a
        if base is None:
            self.summary_title.setText("")
            self.summary.setHtml("")
            return
        self.summary_title.setText(f"Så gäller {base.name} nu")
        if a.kind is AgreementKind.AMENDMENT:   # with the changes as edited, not yet saved
            a = dataclasses.replace(a, changes=self.table.model.records())
        agreements = [a if s.id == a.id else s for s in self.state.siblings]
        self.summary.setHtml(summary_html(effective_agreement(base, agreements)))

    def _validate(self, c: AgreementChange) -> list[FieldError]:
        errors = validate_change(c)
        kind = self.kinds.get(c.target_id)
        if isinstance(c.target, ChangeTarget) and kind is not None and kind != c.target.part:
            errors.append(FieldError("target_id", f"Välj en del som har "
                                                  f"{c.target.label.lower()}."))
        return errors

    def _new(self) -> AgreementChange | None:
        a, amended = self.state.agreement, self._amended()
        if a is None or amended is None:
            return None
        c = AgreementChange(agreement_id=a.id, target=ChangeTarget.PERIOD_END,
                            target_id=amended.id, value=amended.period_end or "2030-12-31",
                            position=len(self.table.model.records()))
        self.state.ctx.store.agreements.save_change(c)
        return c

    def _delete(self, c: AgreementChange) -> bool:
        what = f"ändringen av {c.target.label.lower()}"
        if not confirm_delete(self, "Ta bort ändring", f"Ta bort {what}?", undoable=True):
            return False
        self.state.delete_part("changes", "agreement_changes", c.id, f"ta bort {what}")
        return True
