"""Meetings with participants, questions and tasks; notes with tags; full-text search."""


from ..connection import run_script, sqlite3

VERSION = 2

SCHEMA = """
CREATE TABLE meetings (
    id            TEXT PRIMARY KEY,
    engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    date          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL DEFAULT '',
    start_time    TEXT NOT NULL DEFAULT '',
    end_time      TEXT NOT NULL DEFAULT '',
    place         TEXT NOT NULL DEFAULT '',
    agenda        TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);
CREATE INDEX meetings_engagement ON meetings(engagement_id, date);

CREATE TABLE meeting_units (
    meeting_id     TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    school_unit_id TEXT NOT NULL REFERENCES school_units(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, school_unit_id)
);
CREATE INDEX meeting_units_unit ON meeting_units(school_unit_id);

CREATE TABLE participants (
    id           TEXT PRIMARY KEY,
    meeting_id   TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    organisation TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT NOT NULL
);
CREATE INDEX participants_meeting ON participants(meeting_id);

CREATE TABLE questions (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    asked      INTEGER NOT NULL DEFAULT 0,
    position   INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX questions_meeting ON questions(meeting_id);

CREATE TABLE tasks (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    text       TEXT NOT NULL,
    who        TEXT NOT NULL DEFAULT '',
    due        TEXT NOT NULL DEFAULT '',
    done       INTEGER NOT NULL DEFAULT 0,
    position   INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX tasks_meeting ON tasks(meeting_id);

CREATE TABLE notes (
    id            TEXT PRIMARY KEY,
    meeting_id    TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    taken_at      TEXT NOT NULL,
    body          TEXT NOT NULL,
    speaker_role  TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);
CREATE INDEX notes_meeting ON notes(meeting_id, taken_at);
CREATE INDEX notes_engagement ON notes(engagement_id);

CREATE TABLE note_tags (
    note_id TEXT NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    tag     TEXT NOT NULL,
    PRIMARY KEY (note_id, tag)
);
CREATE INDEX note_tags_tag ON note_tags(tag);

-- What is being typed and not yet entered, one per meeting: a crash keeps it.
CREATE TABLE note_drafts (
    meeting_id   TEXT PRIMARY KEY REFERENCES meetings(id) ON DELETE CASCADE,
    body         TEXT NOT NULL,
    speaker_role TEXT NOT NULL DEFAULT '',
    updated_at   TEXT NOT NULL
);

-- remove_diacritics 0: "här" must not match "har", nor "år" "ar".
CREATE VIRTUAL TABLE notes_fts USING fts5(
    body, content='notes', content_rowid='rowid',
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3'
);

CREATE TRIGGER notes_ai AFTER INSERT ON notes BEGIN
    INSERT INTO notes_fts(rowid, body) VALUES (new.rowid, new.body);
END;
CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
END;
CREATE TRIGGER notes_au AFTER UPDATE OF body ON notes BEGIN
    INSERT INTO notes_fts(notes_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
    INSERT INTO notes_fts(rowid, body) VALUES (new.rowid, new.body);
END;
"""


def up(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
