"""Hostile and broken packages are refused with a Swedish message, changing nothing."""

import json
import struct
import zipfile
from dataclasses import replace

import pytest
from helpers.crafted_packages import Crafted
from helpers.exchange_helpers import everything, laptop

from dialogteam_app.domain.notes import Note
from dialogteam_app.exchange import PackageError, export_package, import_package
from dialogteam_app.exchange.package_format import DEFAULT_LIMITS, table_member
from dialogteam_app.sample_data import load_sample, sample_id


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """A real package from Anna that would add a note and change another at Bo's."""
    tmp = tmp_path_factory.mktemp("hostile")
    anna, bo = laptop(tmp, "anna"), laptop(tmp, "bo")
    engagement = load_sample(anna)
    first = tmp / "första.dialogteam.zip"
    export_package(anna.db, first)
    import_package(bo.db, first)
    anna.notes.save(Note(meeting_id=sample_id("meeting-m1"), engagement_id=engagement.id,
                         body="Ny anteckning"))
    n = anna.notes.get(sample_id("note-m1-1"))
    anna.notes.save(replace(n, body="Ändrad"))
    path = tmp / "paket.dialogteam.zip"
    export_package(anna.db, path, engagement_id=engagement.id)
    # Everything, so that the samverkan in genomförande brings rows of every table
    # the value checks below change.
    export_package(anna.db, tmp / "allt.dialogteam.zip")
    anna.close()
    bo.close()
    return tmp / "bo", path


@pytest.fixture
def bo(exported, tmp_path):
    """A fresh copy of Bo's laptop for each test."""
    import shutil
    folder, _ = exported
    shutil.copytree(folder, tmp_path / "bo")
    from dialogteam_app.store.database import Database
    from dialogteam_app.store.store import Store
    store = Store(Database(tmp_path / "bo" / "dialogteam.sqlite"))
    yield store
    store.close()


@pytest.fixture
def crafted(exported):
    return Crafted(exported[1])


@pytest.fixture
def crafted_all(exported):
    """The package of every samverkan: rows in every table the sample fills."""
    return Crafted(exported[1].with_name("allt.dialogteam.zip"))


def refused(store, path, *words, limits=DEFAULT_LIMITS):
    before = everything(store)
    with pytest.raises(PackageError) as caught:
        import_package(store.db, path, limits=limits)
    message = str(caught.value)
    for word in words:
        assert word in message, message
    assert everything(store) == before
    return message


def test_the_untouched_package_is_accepted(bo, exported):
    report = import_package(bo.db, exported[1])
    assert report.added == {"notes": 1} and report.changed == {"notes": 1}


@pytest.mark.parametrize("name, words", [
    ("../utanför.json", ["otillåtet filnamn", "..”"]),
    ("tabeller/../../etc/passwd", ["otillåtet filnamn"]),
    ("/etc/passwd", ["absolut sökväg"]),
    ("C:/Windows/evil.json", ["absolut sökväg"]),
    ("tabeller\\notes.json", ["omvänt snedstreck"]),
])
def test_dangerous_member_names(bo, crafted, tmp_path, name, words):
    crafted.members[name] = b"[]"
    refused(bo, crafted.write(tmp_path / "p.zip"), *words)


def test_zip_bomb_is_refused_by_its_ratio(bo, crafted, tmp_path):
    crafted.members[table_member("notes")] = b" " * (8 * 2**20)   # ~8 KB compressed
    refused(bo, crafted.write(tmp_path / "p.zip"), "zip-bomb")


def test_a_bomb_whose_header_lies_about_its_size_is_caught_while_reading(bo, crafted, tmp_path):
    crafted.members[table_member("notes")] = b" " * (8 * 2**20)
    path = crafted.write(tmp_path / "p.zip")
    _patch_sizes(path, table_member("notes"), 100)
    refused(bo, path, "notes.json")


def _patch_sizes(path, name, size):
    """Write a smaller uncompressed size into the member's local and central headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        info = z.getinfo(name)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    for pos in _find_all(data, b"PK\x01\x02"):
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46:pos + 46 + name_len]) == name.encode():
            struct.pack_into("<I", data, pos + 24, size)
    path.write_bytes(bytes(data))


def _find_all(data, needle):
    pos = data.find(needle)
    while pos != -1:
        yield pos
        pos = data.find(needle, pos + 1)


def test_oversize_member(bo, crafted, tmp_path):
    # One long note makes notes.json far bigger than the limit, and the manifest (which
    # grows with every exchanged table) stays well below it.
    notes = crafted.rows("notes")
    notes[0]["body"] = "lång anteckning " * 4000
    crafted.set_rows("notes", notes)
    small = replace(DEFAULT_LIMITS, max_member_bytes=40_000)
    refused(bo, crafted.write(tmp_path / "p.zip"), "notes.json", "för stor", limits=small)


def test_oversize_member_stored_without_compression(bo, crafted, tmp_path):
    crafted.members[table_member("notes")] = b"[" + b" " * 300_000 + b"]"
    small = replace(DEFAULT_LIMITS, max_member_bytes=200_000)
    refused(bo, crafted.write(tmp_path / "p.zip", compression=zipfile.ZIP_STORED), "för stor",
            limits=small)


def test_too_many_members(bo, crafted, tmp_path):
    for i in range(DEFAULT_LIMITS.max_members):
        crafted.members[f"extra/{i}.json"] = b"[]"
    refused(bo, crafted.write(tmp_path / "p.zip"), "högst 200")


def test_truncated_zip(bo, exported, tmp_path):
    data = exported[1].read_bytes()
    path = tmp_path / "avkortat.dialogteam.zip"
    path.write_bytes(data[:len(data) // 2])
    refused(bo, path, "trasigt eller ofullständigt")


def test_not_a_zip(bo, tmp_path):
    path = tmp_path / "anteckningar.dialogteam.zip"
    path.write_text("Det här är bara text.\n")
    refused(bo, path, "ingen zip-fil")


def test_missing_manifest(bo, crafted, tmp_path):
    refused(bo, crafted.write(tmp_path / "p.zip", manifest=False), "saknar manifest.json")


def test_wrong_format_name(bo, crafted, tmp_path):
    crafted.manifest["format"] = "något-annat"
    refused(bo, crafted.write(tmp_path / "p.zip"), "inget Dialogteam-paket", "något-annat")


def test_future_format_version(bo, crafted, tmp_path):
    crafted.manifest["format_version"] = 2
    refused(bo, crafted.write(tmp_path / "p.zip"), "formatversion 2", "Uppdatera programmet")


def test_package_from_a_newer_schema(bo, crafted, tmp_path):
    crafted.manifest["schema_version"] += 1
    refused(bo, crafted.write(tmp_path / "p.zip"), "nyare version av Dialogteam")


def test_checksum_mismatch(bo, crafted, tmp_path):
    rows = crafted.rows("notes")
    rows[0]["body"] = "Ändrad i smyg"
    crafted.members[table_member("notes")] = json.dumps(rows).encode()
    refused(bo, crafted.write(tmp_path / "p.zip", checksums=False), "kontrollsumma")


def test_unlisted_member(bo, crafted, tmp_path):
    crafted.write(tmp_path / "p.zip")
    with zipfile.ZipFile(tmp_path / "p.zip", "a") as z:
        z.writestr("gömd.json", "[]")
    refused(bo, tmp_path / "p.zip", "gömd.json", "manifest")


@pytest.mark.parametrize("data, words", [
    (b"[{", ["ingen giltig JSON"]),
    (b'[{"id": NaN}]', ["ingen giltig JSON"]),
    (b'[{"id": "a", "id": "b"}]', ["två gånger"]),
    (b"\xff\xfe[]", ["inte UTF-8"]),
    (b"[" * 100_000, ["för djupt nästlad"]),
    (b'{"rows": []}', ["ingen lista av rader"]),
])
def test_bad_json(bo, crafted, tmp_path, data, words):
    crafted.members[table_member("notes")] = data
    refused(bo, crafted.write(tmp_path / "p.zip"), *words)


def _change_note(crafted, **changes):
    rows = crafted.rows("notes")
    rows[0].update(changes)
    crafted.set_rows("notes", rows)


@pytest.mark.parametrize("changes, words", [
    ({"body": 42}, ["kolumnen body", "ingen text"]),
    ({"body": None}, ["kolumnen body", "värde saknas"]),
    ({"meeting_id": "../../etc"}, ["inget giltigt id"]),
    ({"extra": "x"}, ["okänd kolumn", "extra"]),
    ({"body": "Pling\x07"}, ["otillåtna styrtecken"]),
    ({"body": "x" * (DEFAULT_LIMITS.max_text_chars + 1)}, ["för lång"]),
])
def test_bad_rows(bo, crafted, tmp_path, changes, words):
    _change_note(crafted, **changes)
    refused(bo, crafted.write(tmp_path / "p.zip"), "notes", *words)


def test_missing_column(bo, crafted, tmp_path):
    rows = crafted.rows("notes")
    del rows[0]["speaker_role"]
    crafted.set_rows("notes", rows)
    refused(bo, crafted.write(tmp_path / "p.zip"), "speaker_role saknas")


def test_wrong_number_type(bo, crafted, tmp_path):
    rows = crafted.rows("school_units")
    rows[0]["student_count"] = "många"
    crafted.set_rows("school_units", rows)
    refused(bo, crafted.write(tmp_path / "p.zip"), "student_count", "inget heltal")


def test_unknown_table(bo, crafted, tmp_path):
    crafted.set_rows("hemligheter", [{"id": "0" * 32}])
    refused(bo, crafted.write(tmp_path / "p.zip"), "hemligheter", "inte känner till")


def test_dangling_reference(bo, crafted, tmp_path):
    _change_note(crafted, meeting_id="f" * 32)
    refused(bo, crafted.write(tmp_path / "p.zip"), "ffffffff", "varken finns i paketet eller här")


def test_duplicate_rows(bo, crafted, tmp_path):
    rows = crafted.rows("notes")
    crafted.set_rows("notes", rows + rows[:1])
    refused(bo, crafted.write(tmp_path / "p.zip"), "två gånger")


def test_row_count_must_match_the_manifest(bo, crafted, tmp_path):
    rows = crafted.rows("notes")
    crafted.members[table_member("notes")] = json.dumps(rows[:-1]).encode()
    refused(bo, crafted.write(tmp_path / "p.zip"), "rader")


def test_a_row_outside_the_rules_is_refused_before_the_database_sees_it(bo, crafted, tmp_path):
    rows = crafted.rows("organisers")
    rows.append({**rows[0], "id": "e" * 32, "kind": "landsting"})   # a new huvudman
    crafted.set_rows("organisers", rows)
    refused(bo, crafted.write(tmp_path / "p.zip"), "organisers", "kind", "landsting")


def test_deleted_and_present_at_once(bo, crafted, tmp_path):
    note = crafted.rows("notes")[0]
    crafted.members["utbyte/borttagna.json"] = json.dumps([
        {"table": "notes", "id": note["id"], "deleted_at": "2026-01-01", "version": "1" * 32,
         "known": []}]).encode()
    refused(bo, crafted.write(tmp_path / "p.zip"), "både borttagen och med i paketet")


def test_versions_for_records_not_in_the_package(bo, crafted, tmp_path):
    crafted.members["utbyte/versioner.json"] = json.dumps(
        {"notes": {"a" * 32: ["b" * 32]}}).encode()
    refused(bo, crafted.write(tmp_path / "p.zip"), "versioner.json", "aaaaaaaa")


def _columns_of_kind(*kinds):
    from dialogteam_app.domain.rule_registry import TABLE_RULES
    return [(t.table, c) for t in TABLE_RULES.values() for c, r in t.columns.items()
            if r.kind in kinds and t.table != "plan_versions"]    # no version in the package


def _set_value(crafted, table, column, value):
    rows = crafted.rows(table)
    if not rows:
        pytest.skip(f"the sample has no {table} to change")
    rows[0][column] = value
    crafted.set_rows(table, rows)


@pytest.mark.parametrize("table, column", _columns_of_kind("choice"))
def test_a_value_outside_the_programs_list_is_refused(bo, crafted_all, tmp_path, table, column):
    _set_value(crafted_all, table, column, "hackad")
    refused(bo, crafted_all.write(tmp_path / "p.zip"), table, column, "hackad")


@pytest.mark.parametrize("table, column", _columns_of_kind("date"))
@pytest.mark.parametrize("value, words", [("igår", ["ÅÅÅÅ-MM-DD"]),
                                          ("2026-02-30", ["inget giltigt datum"]),
                                          ("1066-10-14", ["orimligt"])])
def test_an_impossible_date_is_refused(bo, crafted_all, tmp_path, table, column, value, words):
    _set_value(crafted_all, table, column, value)
    refused(bo, crafted_all.write(tmp_path / "p.zip"), table, column, *words)


def test_the_windows_length_limit_holds_in_an_import(bo, crafted, tmp_path):
    _set_value(crafted, "organisers", "name", "H" * 301)
    refused(bo, crafted.write(tmp_path / "p.zip"), "organisers", "name", "högst 300")


def test_a_huge_name_is_refused(bo, crafted, tmp_path):
    _set_value(crafted, "organisers", "name", "H" * 999_999)
    refused(bo, crafted.write(tmp_path / "p.zip"), "organisers", "name", "för lång")


@pytest.mark.parametrize("table, column", [("school_units", "student_count"),
                                           ("plan_costs", "amount_kr"),
                                           ("plan_costs", "year"), ("tasks", "done")])
def test_an_integer_out_of_range_is_refused(bo, crafted_all, tmp_path, table, column):
    _set_value(crafted_all, table, column, 10**30)
    refused(bo, crafted_all.write(tmp_path / "p.zip"), table, column)


def test_1e400_is_refused_in_swedish(bo, crafted, tmp_path):
    _set_value(crafted, "key_figures", "value", "__STOR__")
    member = table_member("key_figures")
    crafted.members[member] = crafted.members[member].replace(b'"__STOR__"', b"1e400")
    refused(bo, crafted.write(tmp_path / "p.zip"), "key_figures", "value", "rimligt tal")


@pytest.mark.parametrize("table, column, value", [
    ("notes", "taken_at", "i morse"), ("organisers", "email", "inte en adress"),
    ("meetings", "start_time", "25:99"), ("candidates", "factors", '["hattie"]'),
    ("note_tags", "tag", "två ord"), ("key_figures", "year", "förra året"),
])
def test_other_value_kinds_are_checked(bo, crafted_all, tmp_path, table, column, value):
    _set_value(crafted_all, table, column, value)
    refused(bo, crafted_all.write(tmp_path / "p.zip"), table, column)


def test_a_million_tags_on_one_note_are_refused_by_the_limit_per_note(bo, crafted, tmp_path):
    note = crafted.rows("notes")[0]["id"]
    crafted.set_rows("note_tags", [{"note_id": note, "tag": f"t{i}"} for i in range(51)])
    refused(bo, crafted.write(tmp_path / "p.zip"), "note_tags", "högst 50")


def _second_engagement(crafted):
    """Engagement B of the same huvudman, added to the package beside A."""
    engagements = crafted.rows("engagements")
    b = {**engagements[0], "id": "b" * 32, "title": "Samverkan B"}
    crafted.set_rows("engagements", engagements + [b])
    return b["id"]


def test_a_note_whose_meeting_belongs_to_another_engagement_is_refused(bo, crafted, tmp_path):
    crafted.manifest["scope"] = {"kind": "allt"}
    other = _second_engagement(crafted)
    _change_note(crafted, engagement_id=other)       # A's meeting, B's engagement
    refused(bo, crafted.write(tmp_path / "p.zip"), "notes", "två olika samverkan")


def test_evidence_pointing_at_a_note_of_another_engagement_is_refused(bo, crafted, tmp_path):
    crafted.manifest["scope"] = {"kind": "allt"}
    other = _second_engagement(crafted)
    meetings = crafted.rows("meetings")
    crafted.set_rows("meetings", meetings + [{**meetings[0], "id": "c" * 32,
                                              "engagement_id": other}])
    notes = crafted.rows("notes")
    crafted.set_rows("notes", notes + [{**notes[0], "id": "d" * 32, "meeting_id": "c" * 32,
                                        "engagement_id": other}])
    evidence = crafted.rows("evidence")
    evidence[0].update(note_id="d" * 32, key_figure_id=None, source_id=None, finding_id=None)
    crafted.set_rows("evidence", evidence)
    refused(bo, crafted.write(tmp_path / "p.zip"), "evidence", "två olika samverkan")


def test_a_skolenhet_of_another_huvudman_cannot_be_linked(bo, crafted, tmp_path):
    crafted.manifest["scope"] = {"kind": "allt"}
    organisers = crafted.rows("organisers")
    crafted.set_rows("organisers", organisers + [{**organisers[0], "id": "e" * 32,
                                                  "name": "Annan kommun"}])
    units = crafted.rows("school_units")
    units[0]["organiser_id"] = "e" * 32          # a unit the engagement links to
    crafted.set_rows("school_units", units)
    refused(bo, crafted.write(tmp_path / "p.zip"), "två olika huvudmän")


def test_a_package_for_one_engagement_cannot_write_into_another(bo, crafted, tmp_path):
    from dialogteam_app.domain.engagement import Engagement
    mine = Engagement(organiser_id=crafted.rows("organisers")[0]["id"], title="Bos egen")
    bo.engagements.save(mine)
    dates = crafted.rows("key_dates")
    dates.append({**dates[0], "id": "f" * 32, "engagement_id": mine.id})
    crafted.set_rows("key_dates", dates)
    refused(bo, crafted.write(tmp_path / "p.zip"), "key_dates", "annan samverkan",
            "utanför")


def test_the_store_refuses_a_note_in_two_engagements(bo):
    from dialogteam_app.domain.engagement import Engagement
    from dialogteam_app.domain.errors import ValidationError
    meeting = bo.meetings.get(sample_id("meeting-m1"))
    other = Engagement(organiser_id=bo.engagements.get(meeting.engagement_id).organiser_id,
                       title="B")
    bo.engagements.save(other)
    with pytest.raises(ValidationError, match="två olika samverkan"):
        bo.notes.save(Note(meeting_id=meeting.id, engagement_id=other.id, body="Läcka"))


def test_millions_of_tiny_rows_are_refused_without_building_them(bo, crafted, tmp_path):
    import tracemalloc
    crafted.members[table_member("notes")] = b"[" + b"{}," * 3_000_000 + b"{}]"   # 9 MB
    path = crafted.write(tmp_path / "p.zip", compression=zipfile.ZIP_STORED)   # no bomb ratio
    tracemalloc.start()
    try:
        message = refused(bo, path, "notes.json", "fler rader än manifestets")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 80 * 2**20, (peak, message)    # building them takes several hundred MB


def test_a_table_of_too_many_rows_is_refused_from_the_manifest(bo, crafted, tmp_path):
    next(t for t in crafted.manifest["tables"] if t["name"] == "notes")["rows"] = 10**9
    refused(bo, crafted.write(tmp_path / "p.zip"), "notes", "högst 500000")
