"""A small engagement to build analyses in: one huvudman, two skolenheter, one
meeting with tagged notes, a key figure, a source and a finding."""

from dataclasses import dataclass

from dialogteam_app.domain.analysis import (
    DecisionType,
    InspectionFinding,
    KeyFigure,
    Measure,
    Source,
    SourceKind,
)
from dialogteam_app.domain.engagement import Engagement
from dialogteam_app.domain.meetings import Meeting
from dialogteam_app.domain.notes import Note
from dialogteam_app.domain.organisations import Organiser, SchoolUnit


@dataclass
class World:
    engagement: Engagement
    units: list[SchoolUnit]
    meeting: Meeting
    notes: dict[str, Note]        # by tag
    key_figure: KeyFigure
    source: Source
    finding: InspectionFinding


def make_world(store, name="Timrå kommun") -> World:
    o = Organiser(name=name)
    store.organisers.save(o)
    units = [SchoolUnit(organiser_id=o.id, name="Sörbergeskolan", grade_span="7-9",
                        unit_code="12345678"),
             SchoolUnit(organiser_id=o.id, name="Böle skola", grade_span="F-6", position=1)]
    for u in units:
        store.organisers.save_unit(u)
    e = Engagement(organiser_id=o.id, title="Samverkan", school_unit_ids=[u.id for u in units])
    store.engagements.save(e)
    m = Meeting(engagement_id=e.id, date="2026-09-08", title="Dialogmöte")
    store.meetings.save(m)
    notes = {}
    for i, (tag, body) in enumerate([
            ("problem", "Meritvärdet har sjunkit tre år i rad. #resultat"),
            ("orsak", "Lärarna planerar var för sig."),
            ("belagg", "14 av 16 arbetslagsmöten handlade om elevärenden."),
            ("ide", "Kollegialt lärande i matematik med Matematiklyftet.")]):
        n = Note(meeting_id=m.id, engagement_id=e.id, body=body, tags=[tag],
                 taken_at=f"2026-09-08T09:0{i}:00.000+02:00")
        store.notes.save(n)
        notes[tag] = n
    k = KeyFigure(engagement_id=e.id, school_unit_id=units[0].id, measure=Measure.MERIT_9,
                  year="2025", value=197.5, national_value=229.0, source="SIRIS")
    store.current_state.save_key_figure(k)
    s = Source(engagement_id=e.id, kind=SourceKind.SURVEY, title="Elevenkät ht 2025")
    store.current_state.save_source(s)
    f = InspectionFinding(engagement_id=e.id, school_unit_id=units[0].id, date="2025-04-02",
                          decision_type=DecisionType.INJUNCTION_FINE, areas="Extra anpassningar")
    store.current_state.save_finding(f)
    return World(e, units, m, notes, k, s, f)


def dump(store):
    """Everything in the database, to prove a refused write changed nothing."""
    conn = store.db.conn
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'notes_fts%'")]
    return {t: sorted((tuple(r) for r in conn.execute(f"SELECT * FROM {t}")), key=repr)
            for t in tables}


def dangling_links(store) -> list:
    return [tuple(r) for r in store.db.conn.execute("PRAGMA foreign_key_check")]
