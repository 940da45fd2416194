"""An export encodes each record once: its package line and its version come from the
same canonical JSON, and utbyte/versioner.json leaves out the version each row carries.
Both must give what the slower, plainer way gives, and packages written the earlier way
(every record's versions listed in full) must import to the same result."""

from __future__ import annotations

import gc
import json
import zipfile
from dataclasses import replace

import pytest
from helpers.crafted_packages import Crafted
from helpers.exchange_helpers import everything, laptop, send

from dialogteam_app.exchange import export_package, import_package
from dialogteam_app.exchange.errors import PackageError
from dialogteam_app.exchange.package_format import VERSIONS_MEMBER
from dialogteam_app.exchange.records import (
    Record,
    RecordReader,
    RowEncoder,
    canonical_json,
    version_of,
)
from dialogteam_app.exchange.schema_graph import SchemaGraph
from dialogteam_app.sample_data import load_sample, sample_id


def test_lines_and_versions_equal_the_plain_encoding_for_every_table(store):
    load_sample(store)
    conn = store.db.conn
    graph = SchemaGraph.read(conn)
    reader = RecordReader(conn, graph)
    checked = 0
    for table in graph.order:
        if table.is_link:
            rows = [dict(r) for r in conn.execute(f'SELECT * FROM "{table.name}"')]
            rows.sort(key=lambda r: [str(r[c]) for c in table.column_names])
            assert reader.link_lines(table) == [canonical_json(r) for r in rows]
            continue
        records = list(reader.load(table).values())
        lines = RowEncoder(graph, table).lines(records)
        assert lines == [canonical_json(r.row(table)) for r in records], table.name
        assert [r.version for r in records] == [version_of(r.content) for r in records]
        checked += len(records)
    assert checked > 100


def test_a_link_value_that_looks_like_a_column_does_not_cut_the_row_short(store):
    graph = SchemaGraph.read(store.db.conn)
    notes = graph.tables["notes"]
    content = {"@note_tags": [['x,"body":"y'], ["}"]], "body": 'a,"body":b', "id": "1" * 32,
               "engagement_id": "2" * 32, "meeting_id": "3" * 32, "speaker_role": "",
               "taken_at": "2026-01-01T10:00:00"}
    for stamp in ("2026-01-02T03:04:05.000+00:00", None):
        record = Record(content, stamp)
        [line] = RowEncoder(graph, notes).lines([record])
        assert line == canonical_json(record.row(notes))
        assert record.version == version_of(content)


def versions_in(package) -> dict:
    with zipfile.ZipFile(package) as z:
        return json.loads(z.read(VERSIONS_MEMBER))


def test_the_versions_file_lists_only_versions_before_the_sent_one(tmp_path):
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    engagement = load_sample(anna)
    first = tmp_path / "first.dialogteam.zip"
    export_package(anna.db, first, engagement_id=engagement.id)
    assert versions_in(first) == {}     # each record has only the version it is sent in
    import_package(bo.db, first)
    note = bo.notes.get(sample_id("note-m1-1"))
    before = bo.db.conn.execute("SELECT known FROM exchange_versions WHERE record_id = ?",
                                (note.id,)).fetchone()[0]
    bo.notes.save(replace(note, body="Bo skrev om den"))
    back = tmp_path / "back.dialogteam.zip"
    export_package(bo.db, back, engagement_id=engagement.id)
    assert versions_in(back) == {"notes": {note.id: json.loads(before)}}
    anna.close()
    bo.close()


def test_a_package_listing_every_version_imports_the_same(tmp_path):
    """Format 1 as written before: each record's known versions in full, the sent one
    last. Two laptops with the same data take the new and the old form of one package
    and end up alike, bookkeeping included."""
    anna, bo, cara, dan = (laptop(tmp_path, n) for n in ("anna", "bo", "cara", "dan"))
    engagement = load_sample(anna)
    for other in (bo, cara, dan):
        send(anna, other, tmp_path)
    note = bo.notes.get(sample_id("note-m1-1"))
    bo.notes.save(replace(note, body="Bo skrev om den"))
    package = tmp_path / "bo.dialogteam.zip"
    export_package(bo.db, package, engagement_id=engagement.id)
    old = Crafted(package)
    in_package = {t["name"]: {r.get("id") for r in old.rows(t["name"])}
                  for t in old.manifest["tables"]}
    full: dict[str, dict[str, list[str]]] = {}
    for table, rid, known in bo.db.conn.execute(
            "SELECT table_name, record_id, known FROM exchange_versions"):
        if rid in in_package.get(table, ()):
            full.setdefault(table, {})[rid] = json.loads(known)
    assert len(full["notes"][note.id]) == 2
    old.members[VERSIONS_MEMBER] = json.dumps(full, sort_keys=True).encode()
    old_package = old.write(tmp_path / "bo-old.dialogteam.zip")

    new_report = import_package(cara.db, package)
    old_report = import_package(dan.db, old_package)
    assert new_report.changed == old_report.changed == {"notes": 1}
    assert not new_report.new_conflicts and not old_report.new_conflicts
    assert cara.notes.get(note.id).body == "Bo skrev om den"
    assert everything(cara) == everything(dan)
    for s in (anna, bo, cara, dan):
        s.close()


def sample_exported(tmp_path):
    """Anna's laptop with the sample, and the sample's samverkan exported from it."""
    anna = laptop(tmp_path, "anna")
    engagement = load_sample(anna)
    package = tmp_path / "p.dialogteam.zip"
    export_package(anna.db, package, engagement_id=engagement.id)
    return anna, package


def test_the_collector_is_back_after_an_export_and_a_refused_import(tmp_path):
    anna, package = sample_exported(tmp_path)
    assert gc.isenabled()
    broken = tmp_path / "trasig.dialogteam.zip"
    broken.write_bytes(package.read_bytes()[:500])
    with pytest.raises(PackageError):
        import_package(anna.db, broken)
    assert gc.isenabled()
    gc.disable()     # a caller that keeps it off finds it off
    try:
        import_package(anna.db, package)
        assert not gc.isenabled()
    finally:
        gc.enable()
    anna.close()


def test_a_meetings_notes_are_together_in_the_package(tmp_path):
    anna, package = sample_exported(tmp_path)
    with zipfile.ZipFile(package) as z:
        notes = json.loads(z.read("tabeller/notes.json"))
    meetings = [n["meeting_id"] for n in notes]
    runs = [m for i, m in enumerate(meetings) if i == 0 or meetings[i - 1] != m]
    assert len(set(meetings)) > 2 and len(runs) == len(set(meetings))  # one run per meeting
    for meeting in set(meetings):
        ids = [n["id"] for n in notes if n["meeting_id"] == meeting]
        assert ids == sorted(ids)
    anna.close()
