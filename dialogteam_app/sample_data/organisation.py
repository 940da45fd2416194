"""The sample huvudman, its skolenheter, contacts, team and engagement."""

from __future__ import annotations

from ..domain.engagement import Engagement, KeyDate, KeyDateKind, Phase
from ..domain.organisations import ContactPerson, Organiser, OrganiserKind, SchoolUnit
from ..domain.team import Supporter
from ..store.store import Store
from .ids import SAMPLE_ORGANISER_NAME, sample_id


def load_organisation(store: Store) -> Engagement:
    """Write the sample huvudman and its engagement; returns the engagement."""
    organiser_id = sample_id("organiser")

    lena = Supporter(id=sample_id("supporter-lena"), name="Lena Ström", team="Dialogteam Mitt",
                     email="lena.strom@skolverket.example.se", phone="08-527 330 00")
    petter = Supporter(id=sample_id("supporter-petter"), name="Petter Alm",
                       team="Dialogteam Mitt", email="petter.alm@skolverket.example.se")
    for s in (lena, petter):
        if store.supporters.get(s.id) is None:
            store.supporters.save(s)

    store.organisers.save(Organiser(
        id=organiser_id, name=SAMPLE_ORGANISER_NAME, kind=OrganiserKind.KOMMUN,
        org_number="212000-9986", address="Box 1001, 999 01 Norrvik",
        phone="0123-45 60 00", email="barn.utbildning@norrvik.example.se",
        notes="Barn- och utbildningsförvaltningen. Fyra grundskolor och en gymnasieskola; "
              "två enheter fick föreläggande vid Skolinspektionens tillsyn 2025."))

    contacts = [
        ("contact-eva", "Eva Lindqvist", "Förvaltningschef",
         "eva.lindqvist@norrvik.example.se", "0123-45 61 10", True),
        ("contact-anders", "Anders Holm", "Nämndordförande",
         "anders.holm@norrvik.example.se", "070-123 45 67", False),
        ("contact-sara", "Sara Nyberg", "Kvalitetsutvecklare",
         "sara.nyberg@norrvik.example.se", "0123-45 61 25", False),
    ]
    for pos, (key, name, role, email, phone, primary) in enumerate(contacts):
        store.organisers.save_contact(ContactPerson(
            id=sample_id(key), organiser_id=organiser_id, name=name, role=role,
            email=email, phone=phone, primary=primary, position=pos))

    units = [
        ("unit-bjorkdal", "Björkdalsskolan", "7-9", "Johan Ek", 412, "81234567"),
        ("unit-alviken", "Alvikens skola", "F-6", "Maria Sund", 236, "81234568"),
        ("unit-strandang", "Strandängsskolan", "4-9", "Karim Haddad", 318, "81234569"),
    ]
    for pos, (key, name, span, principal, count, code) in enumerate(units):
        store.organisers.save_unit(SchoolUnit(
            id=sample_id(key), organiser_id=organiser_id, name=name, grade_span=span,
            principal=principal, student_count=count, unit_code=code, position=pos))

    engagement = Engagement(
        id=sample_id("engagement"), organiser_id=organiser_id,
        title="Samverkan för bästa skola 2026–2029", dnr="2026:412", phase=Phase.DIALOGUE,
        responsible_id=lena.id,
        school_unit_ids=[sample_id("unit-bjorkdal"), sample_id("unit-alviken")],
        notes="Urval efter Skolinspektionens förelägganden för Björkdalsskolan (med vite) "
              "och Alvikens skola. Dialogmöten hösten 2026; åtgärdsplanen lämnas i december.")
    store.engagements.save(engagement)

    dates = [
        (KeyDateKind.SELECTION_DECISION, "2026-05-12", ""),
        (KeyDateKind.AGREEMENT_1, "2026-06-18", "Undertecknad av förvaltningschefen"),
        (KeyDateKind.PLAN_SUBMITTED, "2026-12-15", "Planerat datum"),
        (KeyDateKind.PERIOD_START, "2027-02-01", "Preliminärt"),
        (KeyDateKind.PERIOD_END, "2029-06-30", "Preliminärt"),
    ]
    for kind, day, note in dates:
        store.engagements.save_key_date(KeyDate(
            id=sample_id(f"date-{kind.value}"), engagement_id=engagement.id, kind=kind,
            date=day, note=note))
    return engagement
