"""An export lets SQLite write each record's canonical JSON (exchange/outgoing.py). Its
lines, contents and versions must be exactly what the plain Python encoding gives, for
every table and for awkward text; a table holding a value SQLite would spell otherwise
(a REAL in an INTEGER column) or cannot hold (a BLOB) is encoded the general way; and a
first export's bookkeeping, written from those bytes, is what a later export and import
read as "sent as it is"."""

from __future__ import annotations

import json
from dataclasses import replace

from helpers.exchange_helpers import laptop, send

from dialogteam_app.domain.notes import Note
from dialogteam_app.exchange import export_package
from dialogteam_app.exchange.history import History
from dialogteam_app.exchange.outgoing import _encoded_in_sql, in_package_order, outgoing
from dialogteam_app.exchange.records import RecordReader, canonical_json, version_of
from dialogteam_app.exchange.schema_graph import SchemaGraph
from dialogteam_app.sample_data import load_sample, sample_id

AWKWARD = 'Rektor: "vi" \\ behöver\ttid\n– och\x00stöd\x1f ✓ 🙂 \u2028 }],{"body":'


def plain(reader: RecordReader, table, ids=None) -> tuple[list, list, list, list]:
    """ids, lines, contents and versions in package order, the plain way."""
    records = reader.load(table, ids)
    order = in_package_order(table, records)
    return (order,
            [canonical_json(records[rid].row(table)).encode() for rid in order],
            [canonical_json(records[rid].content).encode() for rid in order],
            [version_of(records[rid].content) for rid in order])


def as_tuple(sent) -> tuple[list, list, list, list]:
    return sent.ids, sent.lines, sent.texts, sent.versions


def test_sqlite_writes_what_python_writes_for_every_table(store):
    engagement = load_sample(store)
    meeting = store.meetings.list(engagement.id)[0]
    note = Note(meeting_id=meeting.id, engagement_id=engagement.id, body="kort")
    store.notes.save(note)
    conn = store.db.conn  # what the window refuses may still be stored (an older version)
    conn.execute("UPDATE notes SET body = ? WHERE id = ?", (AWKWARD, note.id))
    conn.executemany("INSERT INTO note_tags (note_id, tag) VALUES (?, ?)",
                     [(note.id, t) for t in (AWKWARD, "Ö", "A", "Å", "a")])
    graph = SchemaGraph.read(conn)
    in_sql, links_in_sql = [], []
    for table in graph.record_tables:
        reader = RecordReader(conn, graph)
        if _encoded_in_sql(reader, table, None, True) is not None:
            in_sql.append(table.name)
        sent = outgoing(reader, table, None)
        assert as_tuple(sent) == plain(reader, table), table.name
        for link in graph.links_of(table.name):  # plain() kept the link rows
            lines = [line.encode() for line in reader.link_lines(link)]
            assert sent.link_lines.get(link.name, lines) == lines, link.name
        links_in_sql += sent.link_lines
    assert {"notes", "meetings", "engagements", "participants"} <= set(in_sql)
    assert {"note_tags", "meeting_units", "engagement_units"} <= set(links_in_sql)
    # Part of a table, looked up by id rather than read whole.
    notes = graph.tables["notes"]
    some = {note.id, sample_id("note-m1-1")}
    reader = RecordReader(conn, graph)
    sent = outgoing(reader, notes, some)
    assert set(sent.ids) == some and as_tuple(sent) == plain(reader, notes, some)
    tags = [line.encode() for line in reader.link_lines(graph.tables["note_tags"])]
    assert sent.link_lines["note_tags"] == tags and len(tags) > 5
    assert canonical_json(AWKWARD).encode() in b"".join(sent.lines)


def test_a_real_or_a_blob_is_left_to_the_general_encoding(store):
    engagement = load_sample(store)
    conn = store.db.conn
    graph = SchemaGraph.read(conn)
    participants, notes = graph.tables["participants"], graph.tables["notes"]
    assert participants.column("position").affinity == "INTEGER"
    conn.execute("UPDATE participants SET position = 1.5 WHERE rowid = "
                 "(SELECT min(rowid) FROM participants)")
    reader = RecordReader(conn, graph)
    assert _encoded_in_sql(reader, participants, None, True) is None
    sent = outgoing(reader, participants, None)
    assert as_tuple(sent) == plain(reader, participants)
    assert any(b'"position":1.5' in line for line in sent.lines)

    note_id = store.notes.list_for_engagement(engagement.id)[0].id
    conn.execute("UPDATE notes SET speaker_role = x'00ff' WHERE id = ?", (note_id,))
    assert _encoded_in_sql(RecordReader(conn, graph), notes, None, True) is None


def test_a_first_exports_bookkeeping_reads_as_sent_as_it_is(tmp_path):
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    engagement = load_sample(anna)
    conn = anna.db.conn
    graph = SchemaGraph.read(conn)
    package = tmp_path / "p.dialogteam.zip"
    export_package(anna.db, package, engagement_id=engagement.id)
    records = RecordReader(conn, graph).load(graph.tables["notes"])
    stored = {r[0]: (json.loads(r[1]), json.loads(r[2])) for r in conn.execute(
        "SELECT record_id, known, contents FROM exchange_versions WHERE table_name = 'notes'")}
    assert stored.keys() == records.keys()
    for rid, record in records.items():
        assert stored[rid] == ([record.version], {record.version: record.content})

    # Found so in SQL, without decoding any record's bookkeeping.
    assert History(conn)._sent_as_is("notes") == {rid: r.version for rid, r in records.items()}
    before = conn.total_changes
    export_package(anna.db, package, engagement_id=engagement.id)
    assert conn.total_changes == before  # nothing noted again

    # Bo gets them, changes one; back at Anna's it is taken without a conflict, as
    # her stored base must be the content Bo started from.
    send(anna, bo, tmp_path, engagement.id)
    note = bo.notes.get(sample_id("note-m1-1"))
    bo.notes.save(replace(note, body="Bo skrev om den"))
    report = send(bo, anna, tmp_path, engagement.id)
    assert not report.new_conflicts
    assert anna.notes.get(note.id).body == "Bo skrev om den"
    anna.close()
    bo.close()
