"""Agreements to rows and back: one function per part, used by the repository."""

from __future__ import annotations

import json

from ..domain.agreement import Agreement, Signatory
from ..domain.agreement_amendments import AgreementChange, ChangeTarget
from ..domain.agreement_kinds import (
    AccountKind,
    AgreementKind,
    AgreementStatus,
    FundingKind,
    Party,
    ProviderKind,
    ReportKind,
    SignatoryRole,
)
from ..domain.agreement_money import PaymentRow, Rekvisition, Repayment
from ..domain.agreement_reports import ReportObligation
from ..domain.agreement_terms import FundingLine, InterventionTerms, ParticipantCount, RoleDuty
from .connection import sqlite3
from .rows import Values, stored_int, stored_optional_int


def agreement_values(a: Agreement) -> Values:
    return dict(
        id=a.id, engagement_id=a.engagement_id, kind=a.kind.value, amends_id=a.amends_id,
        dnr=a.dnr.strip(), decision_date=a.decision_date, decision_dnr=a.decision_dnr.strip(),
        decision_text=a.decision_text, background=a.background,
        documents=json.dumps(a.documents, ensure_ascii=False),
        period_start=a.period_start, period_end=a.period_end, status=a.status.value,
        sent_date=a.sent_date, signed_date=a.signed_date, plan_version_id=a.plan_version_id,
        rekvisition_orgnr=a.rekvisition.orgnr.strip(),
        rekvisition_amount_kr=a.rekvisition.amount_kr,
        rekvisition_account_kind=a.rekvisition.account_kind.value,
        rekvisition_account=a.rekvisition.account.strip(),
        rekvisition_reference=a.rekvisition.reference,
        repayment_unit_number=a.repayment.unit_number.strip(), repayment_days=a.repayment.days,
        breach_text=a.breach_text, reclaim_text=a.reclaim_text,
        evaluation_text=a.evaluation_text, changes_text=a.changes_text)


def agreement_from(r: sqlite3.Row) -> Agreement:
    return Agreement(
        id=r["id"], engagement_id=r["engagement_id"], kind=AgreementKind(r["kind"]),
        amends_id=r["amends_id"], dnr=r["dnr"], decision_date=r["decision_date"],
        decision_dnr=r["decision_dnr"], decision_text=r["decision_text"],
        background=r["background"], documents=json.loads(r["documents"]),
        period_start=r["period_start"], period_end=r["period_end"],
        status=AgreementStatus(r["status"]), sent_date=r["sent_date"],
        signed_date=r["signed_date"], plan_version_id=r["plan_version_id"],
        rekvisition=Rekvisition(orgnr=r["rekvisition_orgnr"],
                                amount_kr=stored_optional_int(r["rekvisition_amount_kr"]),
                                account_kind=AccountKind(r["rekvisition_account_kind"]),
                                account=r["rekvisition_account"],
                                reference=r["rekvisition_reference"]),
        repayment=Repayment(unit_number=r["repayment_unit_number"],
                            days=stored_int(r["repayment_days"])),
        breach_text=r["breach_text"], reclaim_text=r["reclaim_text"],
        evaluation_text=r["evaluation_text"], changes_text=r["changes_text"])


def signatory_values(s: Signatory) -> Values:
    return dict(id=s.id, agreement_id=s.agreement_id, party=s.party.value, role=s.role.value,
                name=s.name.strip(), title=s.title.strip(), place=s.place.strip(), date=s.date,
                position=s.position)


def signatory_from(r: sqlite3.Row) -> Signatory:
    return Signatory(id=r["id"], agreement_id=r["agreement_id"], party=Party(r["party"]),
                     role=SignatoryRole(r["role"]), name=r["name"], title=r["title"],
                     place=r["place"], date=r["date"], position=stored_int(r["position"]))


def terms_values(t: InterventionTerms) -> Values:
    return dict(
        id=t.id, agreement_id=t.agreement_id, intervention_id=t.intervention_id,
        area_title=t.area_title.strip(), title=t.title.strip(), description=t.description,
        scope=t.scope.strip(), period_start=t.start, period_end=t.end,
        organiser_duties=_json_lines(t.organiser_duties),
        skolverket_duties=_json_lines(t.skolverket_duties),
        role_duties=json.dumps([{"role": d.role.strip(), "duty": d.duty.strip()}
                                for d in t.role_duties], ensure_ascii=False),
        position=t.position)


def terms_from(r: sqlite3.Row) -> InterventionTerms:
    return InterventionTerms(
        id=r["id"], agreement_id=r["agreement_id"], intervention_id=r["intervention_id"],
        area_title=r["area_title"], title=r["title"], description=r["description"],
        scope=r["scope"], start=r["period_start"], end=r["period_end"],
        organiser_duties=json.loads(r["organiser_duties"]),
        skolverket_duties=json.loads(r["skolverket_duties"]),
        role_duties=[RoleDuty(d["role"], d["duty"]) for d in json.loads(r["role_duties"])],
        position=stored_int(r["position"]))


def participant_values(p: ParticipantCount) -> Values:
    return dict(id=p.id, terms_id=p.terms_id, participant_group=p.group.strip(), count=p.count,
                approximate=int(p.approximate), school_unit_id=p.school_unit_id,
                position=p.position)


def participant_from(r: sqlite3.Row) -> ParticipantCount:
    return ParticipantCount(id=r["id"], terms_id=r["terms_id"], group=r["participant_group"],
                            count=stored_int(r["count"]), approximate=bool(r["approximate"]),
                            school_unit_id=r["school_unit_id"],
                            position=stored_int(r["position"]))


def funding_values(f: FundingLine) -> Values:
    return dict(id=f.id, terms_id=f.terms_id, kind=f.kind.value, amount_kr=f.amount_kr,
                year=f.year, provider_kind=f.provider_kind.value if f.provider_kind else None,
                provider_name=f.provider_name.strip(), text=f.text.strip(), position=f.position)


def funding_from(r: sqlite3.Row) -> FundingLine:
    return FundingLine(id=r["id"], terms_id=r["terms_id"], kind=FundingKind(r["kind"]),
                       amount_kr=stored_optional_int(r["amount_kr"]),
                       year=stored_optional_int(r["year"]),
                       provider_kind=ProviderKind(r["provider_kind"]) if r["provider_kind"]
                       else None, provider_name=r["provider_name"], text=r["text"],
                       position=stored_int(r["position"]))


def payment_values(p: PaymentRow) -> Values:
    return dict(id=p.id, agreement_id=p.agreement_id, due_date=p.due_date,
                amount_kr=p.amount_kr, on_requisition=int(p.on_requisition), position=p.position)


def payment_from(r: sqlite3.Row) -> PaymentRow:
    return PaymentRow(id=r["id"], agreement_id=r["agreement_id"], due_date=r["due_date"],
                      amount_kr=stored_int(r["amount_kr"]),
                      on_requisition=bool(r["on_requisition"]),
                      position=stored_int(r["position"]))


def report_values(r: ReportObligation) -> Values:
    return dict(id=r.id, agreement_id=r.agreement_id, kind=r.kind.value, due_date=r.due_date,
                content_points=_json_lines(r.content_points), text=r.text, position=r.position)


def report_from(r: sqlite3.Row) -> ReportObligation:
    return ReportObligation(id=r["id"], agreement_id=r["agreement_id"],
                            kind=ReportKind(r["kind"]), due_date=r["due_date"],
                            content_points=json.loads(r["content_points"]), text=r["text"],
                            position=stored_int(r["position"]))


def change_values(c: AgreementChange) -> Values:
    return dict(id=c.id, agreement_id=c.agreement_id, target=c.target.value,
                target_id=c.target_id, value=c.value.strip(), note=c.note, position=c.position)


def change_from(r: sqlite3.Row) -> AgreementChange:
    return AgreementChange(id=r["id"], agreement_id=r["agreement_id"],
                           target=ChangeTarget(r["target"]), target_id=r["target_id"],
                           value=r["value"], note=r["note"], position=stored_int(r["position"]))


def _json_lines(lines: list[str]) -> str:
    """Sentences as typed, blank ones dropped."""
    return json.dumps([line.strip() for line in lines if line.strip()], ensure_ascii=False)
