
import pytest

from dialogteam_app.domain.engagement import Engagement, KeyDate, KeyDateKind, Phase
from dialogteam_app.domain.errors import ValidationError
from dialogteam_app.domain.organisations import ContactPerson, Organiser, OrganiserKind, SchoolUnit
from dialogteam_app.domain.team import Supporter
from dialogteam_app.store.connection import sqlite3
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store


def _dump(store):
    """Everything in the database, to prove a refused write changed nothing."""
    conn = store.db.conn
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    return {t: sorted((tuple(r) for r in conn.execute(f"SELECT * FROM {t}")), key=repr)
            for t in tables}


@pytest.fixture
def timra(store):
    o = Organiser(name="Timrå kommun", org_number="2120002403", address="Box 1, 861 00 Timrå")
    store.organisers.save(o)
    return o


def test_organiser_round_trip(store, timra):
    got = store.organisers.get(timra.id)
    assert got.name == "Timrå kommun"
    assert got.org_number == "212000-2403"  # normalised on the way in
    assert got.kind is OrganiserKind.KOMMUN
    got.kind = OrganiserKind.ENSKILD
    got.name = "Timrå skolor AB"
    store.organisers.save(got)
    assert store.organisers.get(timra.id) == got


def test_data_survives_reopening_the_file(data_paths, timra, store):
    store.close()
    with Database(data_paths.database) as db:
        assert Store(db).organisers.get(timra.id).name == "Timrå kommun"


def test_invalid_organiser_is_refused_and_changes_nothing(store, timra):
    before = _dump(store)
    bad = Organiser(id=timra.id, name="Timrå kommun", org_number="212000-0143")
    with pytest.raises(ValidationError, match="kontrollsiffran"):
        store.organisers.save(bad)
    with pytest.raises(ValidationError, match="för lång"):
        store.organisers.save(Organiser(name="x" * 10_000))
    assert _dump(store) == before


def test_only_one_primary_contact(store, timra):
    a = ContactPerson(organiser_id=timra.id, name="A", email="a@timra.se", primary=True)
    b = ContactPerson(organiser_id=timra.id, name="B", email="b@timra.se", position=1)
    store.organisers.save_contact(a)
    store.organisers.save_contact(b)
    assert store.organisers.primary_contact(timra.id).name == "A"
    b.primary = True
    store.organisers.save_contact(b)
    contacts = store.organisers.contacts(timra.id)
    assert [c.primary for c in contacts] == [False, True]
    assert store.organisers.primary_contact(timra.id).name == "B"


def test_units_and_engagement_round_trip(store, timra):
    units = [SchoolUnit(organiser_id=timra.id, name=n, grade_span=g, position=i, student_count=s)
             for i, (n, g, s) in enumerate([("Böle skola", "F-6", 210), ("Sörberge skola", "7-9", 300)])]
    for u in units:
        store.organisers.save_unit(u)
    lena = Supporter(name="Lena", team="Dialogteam Norr")
    store.supporters.save(lena)
    e = Engagement(organiser_id=timra.id, dnr="7.4.2-2019:830", phase=Phase.DIALOGUE,
                   responsible_id=lena.id, school_unit_ids=[units[1].id, units[0].id])
    store.engagements.save(e)
    got = store.engagements.get(e.id)
    assert got.dnr == "7.4.2-2019:830"
    assert got.responsible_id == lena.id
    assert got.school_unit_ids == [units[0].id, units[1].id]  # in the units' own order
    store.engagements.save_key_date(KeyDate(engagement_id=e.id, kind=KeyDateKind.INTERIM_REPORT,
                                            date="2021-04-15"))
    assert [d.date for d in store.engagements.key_dates(e.id)] == ["2021-04-15"]
    assert store.engagements.find(e.id[:8]).id == e.id

    store.supporters.delete(lena.id)  # the engagement stays, without a responsible
    assert store.engagements.get(e.id).responsible_id is None


def test_unit_of_another_organiser_is_refused(store, timra):
    other = Organiser(name="Sundsvalls kommun")
    store.organisers.save(other)
    foreign = SchoolUnit(organiser_id=other.id, name="Annan skola")
    store.organisers.save_unit(foreign)
    e = Engagement(organiser_id=timra.id)
    store.engagements.save(e)
    before = _dump(store)
    e.school_unit_ids = [foreign.id]
    e.dnr = "ändrat"
    with pytest.raises(ValidationError, match="annan huvudman"):
        store.engagements.save(e)
    assert _dump(store) == before


def test_impossible_key_date_is_refused(store, timra):
    e = Engagement(organiser_id=timra.id)
    store.engagements.save(e)
    with pytest.raises(ValidationError, match="inget giltigt datum"):
        store.engagements.save_key_date(KeyDate(engagement_id=e.id, kind=KeyDateKind.OTHER,
                                                date="2026-02-30"))
    assert store.engagements.key_dates(e.id) == []


def test_negative_student_count_is_refused_by_domain_and_schema(store, timra):
    with pytest.raises(ValidationError, match="negativt"):
        store.organisers.save_unit(SchoolUnit(organiser_id=timra.id, name="X", student_count=-1))
    with pytest.raises(sqlite3.IntegrityError):  # the schema refuses it too
        store.db.conn.execute("INSERT INTO school_units (id, organiser_id, name, student_count, "
                              "updated_at) VALUES ('x', ?, 'X', -1, '')", (timra.id,))


def test_deleting_an_organiser_takes_its_records_and_says_what(store, timra):
    u = SchoolUnit(organiser_id=timra.id, name="Böle skola")
    store.organisers.save_unit(u)
    store.organisers.save_contact(ContactPerson(organiser_id=timra.id, name="A"))
    e = Engagement(organiser_id=timra.id, school_unit_ids=[u.id])
    store.engagements.save(e)
    store.engagements.save_key_date(KeyDate(engagement_id=e.id, kind=KeyDateKind.OTHER,
                                            date="2026-01-01"))
    impact = store.organisers.deletion_impact(timra.id)
    assert impact == {"school_units": 1, "contact_persons": 1, "engagements": 1, "key_dates": 1}
    store.organisers.delete(timra.id)
    counts = {t: n for t, rows in _dump(store).items() for n in [len(rows)]}
    assert counts["engagements"] == counts["school_units"] == counts["key_dates"] == 0
    assert counts["engagement_units"] == 0


def test_database_pragmas(store):
    conn = store.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_threaded_database_writes_and_coalesces(data_paths):
    pending = []
    with Database(data_paths.database, threaded=True, on_pending=pending.append) as db:
        s = Store(db)
        o = Organiser(name="A")
        s.organisers.save(o)
        for i in range(50):  # typing: each keystroke queues a save of the same record
            o = Organiser(id=o.id, name=f"A{i}")
            s.organisers.save(o, wait=False)
        db.flush()
        assert s.organisers.get(o.id).name == "A49"
        assert db.pending() == 0
    assert pending[-1] == 0


def test_bulk_is_one_transaction_all_or_nothing(data_paths):
    with Database(data_paths.database, threaded=True) as db:
        s = Store(db)
        with pytest.raises(ValidationError):
            with db.bulk():
                s.organisers.save(Organiser(name="Första"))
                assert [o.name for o in s.organisers.list()] == ["Första"]  # reads see it
                s.organisers.save(Organiser(name=""))
        assert s.organisers.list() == []
        with db.bulk():
            s.organisers.save(Organiser(name="Andra"), wait=False)
        assert [o.name for o in s.organisers.list()] == ["Andra"]
