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


def test_a_row_the_database_does_not_accept(bo, crafted, tmp_path):
    rows = crafted.rows("organisers")
    rows.append({**rows[0], "id": "e" * 32, "kind": "landsting"})   # a new huvudman
    crafted.set_rows("organisers", rows)
    refused(bo, crafted.write(tmp_path / "p.zip"), "huvudman", "godtar")


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
