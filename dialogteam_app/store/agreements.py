"""The agreements of an engagement, each part saved on its own (autosave while
typing) or an agreement with all its parts at once (sample data, undo, tests).

Rules that span records are checked here with the stored data they need: a
signatory's date against the beslut, a report's due date against the period, a
payment against the period's end, a skolenhet against the huvudman.
"""

from __future__ import annotations

import builtins
from collections import Counter
from collections.abc import Callable
from dataclasses import fields
from typing import Any

from ..domain.agreement import Agreement, Signatory, check_agreement, check_signatory
from ..domain.agreement_amendments import AgreementChange, check_change
from ..domain.agreement_kinds import AgreementKind
from ..domain.agreement_money import PaymentRow, check_payment
from ..domain.agreement_party import SETTING_PREFIX, SkolverketParty, validate_party
from ..domain.agreement_reports import ReportObligation, check_report
from ..domain.agreement_terms import (
    FundingLine,
    InterventionTerms,
    ParticipantCount,
    check_funding,
    check_participants,
    check_terms,
)
from ..domain.errors import FieldError, ValidationError, raise_if
from ..domain.ids import utc_now
from . import agreement_rows as ar
from . import rows
from .cascade import cascade_counts
from .connection import sqlite3
from .database import Database
from .settings import Settings

_ORDER = "CASE kind WHEN 'ok1' THEN 0 WHEN 'ok2' THEN 1 ELSE 2 END, signed_date, decision_date"


def _save_agreement(conn: sqlite3.Connection, a: Agreement) -> None:
    if a.amends_id is not None:
        amended = conn.execute("SELECT engagement_id, kind FROM agreements WHERE id = ?",
                               (a.amends_id,)).fetchone()
        if amended is None or amended["engagement_id"] != a.engagement_id:
            raise ValidationError(FieldError(
                "amends_id", "Tillägget måste ändra en överenskommelse i samma samverkan."))
    rows.upsert(conn, "agreements", ar.agreement_values(a))


def _save_terms(conn: sqlite3.Connection, t: InterventionTerms, with_children: bool) -> None:
    rows.upsert(conn, "agreement_terms", ar.terms_values(t))
    if with_children:
        for p in t.participants:
            _save_participant(conn, p)
        for f in t.funding:
            rows.upsert(conn, "agreement_funding", ar.funding_values(f))


def _save_participant(conn: sqlite3.Connection, p: ParticipantCount) -> None:
    if p.school_unit_id is not None:
        organiser = conn.execute(
            "SELECT e.organiser_id FROM agreement_terms t JOIN agreements a ON a.id = t.agreement_id "
            "JOIN engagements e ON e.id = a.engagement_id WHERE t.id = ?",
            (p.terms_id,)).fetchone()
        if organiser is not None:
            rows.check_units_belong(conn, [p.school_unit_id], organiser[0])
    rows.upsert(conn, "agreement_participants", ar.participant_values(p))


def _save_report(conn: sqlite3.Connection, r: ReportObligation) -> None:
    rows.upsert(conn, "agreement_reports", ar.report_values(r))
    if r.terms_ids:
        marks = ",".join("?" * len(r.terms_ids))
        own = conn.execute(f"SELECT count(*) FROM agreement_terms WHERE id IN ({marks}) "
                           "AND agreement_id = ?", (*r.terms_ids, r.agreement_id)).fetchone()[0]
        if own != len(set(r.terms_ids)):
            raise ValidationError(FieldError(
                "terms_ids", "Redovisningen kan bara omfatta insatser i samma överenskommelse."))
    rows.replace_links(conn, "agreement_report_terms", "report_id", "terms_id", r.id, r.terms_ids)


def _save_whole(conn: sqlite3.Connection, a: Agreement) -> None:
    _save_agreement(conn, a)
    for s in a.signatories:
        rows.upsert(conn, "agreement_signatories", ar.signatory_values(s))
    for t in a.terms:
        _save_terms(conn, t, with_children=True)
    for p in a.payments:
        rows.upsert(conn, "agreement_payments", ar.payment_values(p))
    for r in a.reports:
        _save_report(conn, r)
    for c in a.changes:
        rows.upsert(conn, "agreement_changes", ar.change_values(c))


def _replace_payments(conn: sqlite3.Connection, agreement_id: str,
                      payments: list[PaymentRow]) -> None:
    conn.execute("DELETE FROM agreement_payments WHERE agreement_id = ?", (agreement_id,))
    for p in payments:
        rows.upsert(conn, "agreement_payments", ar.payment_values(p))


def check_whole(a: Agreement) -> None:
    """Every part of an agreement, with the rules that span parts."""
    check_agreement(a)
    for s in a.signatories:
        check_signatory(s, a.decision_date)
    for t in a.terms:
        check_terms(t)
        for count in t.participants:
            check_participants(count)
        for f in t.funding:
            check_funding(f)
    for p in a.payments:
        check_payment(p, a.period_end)
    for r in a.reports:
        check_report(r, a.period_start)
    for c in a.changes:
        check_change(c)


class Agreements:
    def __init__(self, db: Database):
        self.db = db

    # -- reading ---------------------------------------------------------------------------------
    def list(self, engagement_id: str) -> builtins.list[Agreement]:
        """ÖK 1, ÖK 2, then tillägg in the order they were signed; every part loaded."""
        found = [ar.agreement_from(r) for r in self.db.query(
            f"SELECT * FROM agreements WHERE engagement_id = ? ORDER BY {_ORDER}",
            (engagement_id,))]
        self._fill(found)
        return found

    def get(self, agreement_id: str) -> Agreement | None:
        r = self.db.conn.execute("SELECT * FROM agreements WHERE id = ?",
                                 (agreement_id,)).fetchone()
        if r is None:
            return None
        agreement = ar.agreement_from(r)
        self._fill([agreement])
        return agreement

    def _fill(self, agreements: builtins.list[Agreement]) -> None:
        if not agreements:
            return
        by_id = {a.id: a for a in agreements}
        ids = builtins.list(by_id)
        marks = ",".join("?" * len(ids))

        def children(table: str, owner: str = "agreement_id",
                     order: str = "position") -> builtins.list[sqlite3.Row]:
            return self.db.query(f"SELECT * FROM {table} WHERE {owner} IN ({marks}) "
                                 f"ORDER BY {order}", tuple(ids))

        for r in children("agreement_signatories"):
            by_id[r["agreement_id"]].signatories.append(ar.signatory_from(r))
        terms: dict[str, InterventionTerms] = {}
        for r in children("agreement_terms"):
            t = ar.terms_from(r)
            terms[t.id] = t
            by_id[t.agreement_id].terms.append(t)
        for r in children("agreement_payments", order="due_date, position"):
            by_id[r["agreement_id"]].payments.append(ar.payment_from(r))
        reports: dict[str, ReportObligation] = {}
        for r in children("agreement_reports", order="due_date, position"):
            report = ar.report_from(r)
            reports[report.id] = report
            by_id[report.agreement_id].reports.append(report)
        for r in children("agreement_changes"):
            by_id[r["agreement_id"]].changes.append(ar.change_from(r))
        in_terms = (f"JOIN agreement_terms t ON t.id = x.terms_id "
                    f"WHERE t.agreement_id IN ({marks})")
        for r in self.db.query(f"SELECT x.* FROM agreement_participants x {in_terms} "
                               "ORDER BY x.position", tuple(ids)):
            terms[r["terms_id"]].participants.append(ar.participant_from(r))
        for r in self.db.query(f"SELECT x.* FROM agreement_funding x {in_terms} "
                               "ORDER BY x.position", tuple(ids)):
            terms[r["terms_id"]].funding.append(ar.funding_from(r))
        for r in self.db.query(f"SELECT x.* FROM agreement_report_terms x {in_terms} "
                               "ORDER BY t.position", tuple(ids)):
            reports[r["report_id"]].terms_ids.append(r["terms_id"])

    def _period(self, agreement_id: str) -> sqlite3.Row:
        r: sqlite3.Row | None = self.db.conn.execute(
            "SELECT period_start, period_end, decision_date FROM agreements WHERE id = ?",
            (agreement_id,)).fetchone()
        if r is None:
            raise ValidationError(FieldError("agreement_id", "Överenskommelsen finns inte längre."))
        return r

    # -- writing ---------------------------------------------------------------------------------
    def _write(self, key: tuple[str, str], wait: bool, fn: Callable[..., None],
               *args: Any) -> None:
        if wait:
            self.db.write(fn, *args)
        else:
            self.db.submit(key, fn, *args)

    def save(self, a: Agreement, *, wait: bool = True) -> None:
        """The agreement's own fields (not its parts)."""
        check_agreement(a)
        self._write(("agreements", a.id), wait, _save_agreement, a)

    def link_plan_version(self, agreement_id: str, version_id: str) -> None:
        """Make a frozen plan version the agreement's Bilaga 1, touching no other field:
        an export must not be refused for a bad value stored elsewhere in it."""
        def write(conn: sqlite3.Connection) -> None:
            rows.check_row("agreements", {"plan_version_id": version_id})
            conn.execute("UPDATE agreements SET plan_version_id = ?, updated_at = ? "
                         "WHERE id = ?", (version_id, utc_now(), agreement_id))
        self.db.write(write)

    def save_whole(self, a: Agreement) -> None:
        """The agreement with every part, in one transaction (all or nothing)."""
        check_whole(a)
        self.db.write(_save_whole, a)

    def delete(self, agreement_id: str) -> None:
        self.db.delete("agreements", agreement_id)

    def deleted_with(self, agreement_id: str) -> builtins.list[Agreement]:
        """The agreement and the tillägg that amend it (deleting it deletes them), as
        stored, the amended one first: what `restore` needs to undo the deletion."""
        first = self.get(agreement_id)
        if first is None:
            return []
        found = [first]
        siblings = self.list(first.engagement_id)
        for a in found:  # grows while it is read: tillägg of tillägg too
            found += [s for s in siblings if s.amends_id == a.id]
        return found

    def restore(self, agreements: builtins.list[Agreement]) -> None:
        """Put deleted agreements back with every part exactly as they were stored
        (undo), in one transaction. Not checked again: they passed the checks when
        saved, and undo must give back what was there even if a rule spanning
        records (a period changed since) would refuse it as a new edit."""
        def write(conn: sqlite3.Connection) -> None:
            for a in agreements:
                _save_whole(conn, a)
        self.db.write(write)

    def deletion_impact(self, agreement_id: str) -> Counter[str]:
        return cascade_counts(self.db.conn, "agreements", agreement_id)

    def save_signatory(self, s: Signatory, *, wait: bool = True) -> None:
        check_signatory(s, self._period(s.agreement_id)["decision_date"])
        self._write(("agreement_signatories", s.id), wait, rows.upsert, "agreement_signatories",
                    ar.signatory_values(s))

    def save_terms(self, t: InterventionTerms, *, wait: bool = True) -> None:
        check_terms(t)
        self._write(("agreement_terms", t.id), wait, _save_terms, t, False)

    def restore_terms(self, t: InterventionTerms) -> None:
        """Terms with their participants and funding (undo of a delete, copying)."""
        check_terms(t)
        for p in t.participants:
            check_participants(p)
        for f in t.funding:
            check_funding(f)
        self.db.write(_save_terms, t, True)

    def save_participant(self, p: ParticipantCount, *, wait: bool = True) -> None:
        check_participants(p)
        self._write(("agreement_participants", p.id), wait, _save_participant, p)

    def save_funding(self, f: FundingLine, *, wait: bool = True) -> None:
        check_funding(f)
        self._write(("agreement_funding", f.id), wait, rows.upsert, "agreement_funding",
                    ar.funding_values(f))

    def save_payment(self, p: PaymentRow, *, wait: bool = True) -> None:
        check_payment(p, self._period(p.agreement_id)["period_end"])
        self._write(("agreement_payments", p.id), wait, rows.upsert, "agreement_payments",
                    ar.payment_values(p))

    def replace_payments(self, agreement_id: str, payments: builtins.list[PaymentRow]) -> None:
        """A new utbetalningsplan in place of the old one (a drafted plan)."""
        end = self._period(agreement_id)["period_end"]
        for p in payments:
            check_payment(p, end)
        self.db.write(_replace_payments, agreement_id, payments)

    def save_report(self, r: ReportObligation, *, wait: bool = True) -> None:
        check_report(r, self._period(r.agreement_id)["period_start"])
        self._write(("agreement_reports", r.id), wait, _save_report, r)

    def save_change(self, c: AgreementChange, *, wait: bool = True) -> None:
        check_change(c)
        kind = self.db.conn.execute("SELECT kind FROM agreements WHERE id = ?",
                                    (c.agreement_id,)).fetchone()
        if kind is None or kind[0] != AgreementKind.AMENDMENT.value:
            raise ValidationError(FieldError("target", "Bara ett tillägg kan ändra delar av "
                                                       "en överenskommelse."))
        self._write(("agreement_changes", c.id), wait, rows.upsert, "agreement_changes",
                    ar.change_values(c))

    def delete_part(self, table: str, record_id: str) -> None:
        """Delete one part: a signatory, terms, participant, funding line, payment,
        report or change."""
        assert table in _PART_TABLES
        self.db.delete(table, record_id)

    def deleted_with_part(self, table: str, record_id: str) -> builtins.list[Part]:
        """The part as stored and, for an insats, the reports whose coverage names it
        (their links go with it): what `restore_parts` needs to undo the deletion."""
        assert table in _PART_TABLES
        owner = ("SELECT t.agreement_id FROM {0} x JOIN agreement_terms t ON t.id = x.terms_id "
                 "WHERE x.id = ?" if table in ("agreement_participants", "agreement_funding")
                 else "SELECT agreement_id FROM {0} WHERE id = ?").format(table)
        r = self.db.conn.execute(owner, (record_id,)).fetchone()
        a = self.get(r[0]) if r is not None else None
        if a is None:
            return []
        parts: builtins.list[Part]
        if table == "agreement_terms":
            parts = [t for t in a.terms if t.id == record_id]
            return parts + [rep for rep in a.reports if record_id in rep.terms_ids] \
                if parts else []
        parts = [*a.signatories, *a.payments, *a.reports, *a.changes]
        for t in a.terms:
            parts += [*t.participants, *t.funding]
        return [p for p in parts if p.id == record_id]

    def restore_parts(self, parts: builtins.list[Part]) -> None:
        """Put deleted parts back as they were stored (undo), in one transaction; not
        checked again, as `restore`."""
        def write(conn: sqlite3.Connection) -> None:
            for part in parts:
                _restore_part(conn, part)
        self.db.write(write)

    def part_deletion_impact(self, table: str, record_id: str) -> Counter[str]:
        assert table in _PART_TABLES
        return cascade_counts(self.db.conn, table, record_id)

    def reorder(self, table: str, ids: builtins.list[str]) -> None:
        assert table in _PART_TABLES
        self.db.write(rows.reorder, table, ids)

    def next_position(self, table: str, owner_column: str, owner_id: str) -> int:
        assert table in _PART_TABLES and owner_column in ("agreement_id", "terms_id")
        position: int = self.db.conn.execute(
            f"SELECT coalesce(max(position) + 1, 0) FROM {table} WHERE {owner_column} = ?",
            (owner_id,)).fetchone()[0]
        return position

    # -- Skolverket's party data (a setting of this laptop) ---------------------------------
    def skolverket(self) -> SkolverketParty:
        defaults, settings = SkolverketParty(), Settings(self.db)
        values = {f.name: settings.get(SETTING_PREFIX + f.name) for f in fields(SkolverketParty)}
        return SkolverketParty(**{name: value if value is not None else getattr(defaults, name)
                                  for name, value in values.items()})

    def save_skolverket(self, party: SkolverketParty) -> None:
        raise_if(validate_party(party))
        Settings(self.db).set_many({SETTING_PREFIX + f.name: str(getattr(party, f.name))
                                    for f in fields(SkolverketParty)})


Part = (Signatory | InterventionTerms | ParticipantCount | FundingLine | PaymentRow
        | ReportObligation | AgreementChange)


def _restore_part(conn: sqlite3.Connection, part: Part) -> None:
    if isinstance(part, InterventionTerms):
        _save_terms(conn, part, with_children=True)
    elif isinstance(part, ParticipantCount):
        _save_participant(conn, part)
    elif isinstance(part, ReportObligation):
        _save_report(conn, part)
    elif isinstance(part, Signatory):
        rows.upsert(conn, "agreement_signatories", ar.signatory_values(part))
    elif isinstance(part, FundingLine):
        rows.upsert(conn, "agreement_funding", ar.funding_values(part))
    elif isinstance(part, PaymentRow):
        rows.upsert(conn, "agreement_payments", ar.payment_values(part))
    else:
        rows.upsert(conn, "agreement_changes", ar.change_values(part))


_PART_TABLES = ("agreement_signatories", "agreement_terms", "agreement_participants",
                "agreement_funding", "agreement_payments", "agreement_reports",
                "agreement_changes")
