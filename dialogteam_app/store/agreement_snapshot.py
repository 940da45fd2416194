"""Everything the agreement PDF needs, read from the store: the agreement as it
stands after its signed tillägg, resolved to text, and the åtgärdsplan version
attached as Bilaga 1 (an ÖK 2 without one gets the plan as it stands, frozen as a
new version once the PDF is written, as the plan's own export does)."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.agreement import Agreement
from ..domain.agreement_document import AgreementContext, AgreementDocument, DocParty
from ..domain.agreement_document import agreement_document as make_document
from ..domain.agreement_effective import effective_agreement
from ..domain.agreement_kinds import AgreementKind
from ..domain.engagement import KeyDateKind
from ..domain.plan_document import PlanDocument, PlanVersion
from .plan_snapshot import build_plan_document, recipient_text
from .store import Store


@dataclass
class AgreementExport:
    agreement: Agreement
    document: AgreementDocument
    plan: PlanDocument | None          # Bilaga 1
    plan_is_new: bool                  # to be frozen (and attached) once the file is written


def plan_title(plan: PlanDocument) -> str:
    return f"Åtgärdsplan {plan.organiser_name}, version {plan.version}" + \
        (f" ({plan.date})" if plan.date else "")


def prepare_agreement_export(store: Store, agreement_id: str) -> AgreementExport:
    agreement = store.agreements.get(agreement_id)
    assert agreement is not None, f"no agreement {agreement_id}"  # callers pass a listed one
    engagement = store.engagements.get(agreement.engagement_id)
    assert engagement is not None  # agreements.engagement_id is a NOT NULL foreign key
    organiser = store.organisers.get(engagement.organiser_id)
    assert organiser is not None
    siblings = store.agreements.list(agreement.engagement_id)
    plan, is_new = _bilaga(store, agreement)
    submitted = [d.date for d in store.engagements.key_dates(engagement.id)
                 if d.kind is KeyDateKind.PLAN_SUBMITTED]
    phone = organiser.phone.strip()
    ctx = AgreementContext(
        skolverket=store.agreements.skolverket(),
        organiser=DocParty(organiser.name, organiser.address,
                           f"{phone} (vx)" if phone and "vx" not in phone else phone,
                           organiser.org_number),
        unit_names={u.id: u.display_name for u in store.organisers.units(organiser.id)},
        ok1=next((a for a in siblings if a.kind is AgreementKind.OK1), None),
        plan_submitted=min(submitted, default=""),
        plan_title=plan_title(plan) if plan else "",
        amended=next((a for a in siblings if a.id == agreement.amends_id), None))
    effective = effective_agreement(agreement, siblings)
    return AgreementExport(agreement, make_document(effective, ctx), plan, is_new)


def _bilaga(store: Store, agreement: Agreement) -> tuple[PlanDocument | None, bool]:
    if agreement.kind is not AgreementKind.OK2:
        return None, False
    if agreement.plan_version_id:
        found = next((v for v in store.plan_versions.list(agreement.engagement_id)
                      if v.id == agreement.plan_version_id), None)
        if found is not None:
            return found.document, False
    if not store.plans.load(agreement.engagement_id).areas:
        return None, False
    engagement = store.engagements.get(agreement.engagement_id)
    assert engagement is not None
    contact = store.organisers.primary_contact(engagement.organiser_id)
    recipient = recipient_text(contact.name, contact.email) if contact else ""
    return build_plan_document(store, agreement.engagement_id, recipient=recipient), True


def attach_new_plan_version(store: Store, export: AgreementExport, file_name: str) -> PlanVersion:
    """Freeze the plan that was rendered as Bilaga 1 and make it the agreement's."""
    assert export.plan is not None and export.plan_is_new
    version = store.plan_versions.freeze(export.agreement.engagement_id, export.plan,
                                         export.plan.recipient, file_name)
    export.agreement.plan_version_id = version.id
    store.agreements.link_plan_version(export.agreement.id, version.id)
    return version
