"""Huvudmän, skolenheter, contact persons, processtödjare and engagements."""


from ..connection import run_script, sqlite3

VERSION = 1

SCHEMA = """
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE supporters (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    team       TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

CREATE TABLE organisers (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('kommun', 'enskild')),
    org_number TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '',
    phone      TEXT NOT NULL DEFAULT '',
    email      TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);

CREATE TABLE contact_persons (
    id           TEXT PRIMARY KEY,
    organiser_id TEXT NOT NULL REFERENCES organisers(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    is_primary   INTEGER NOT NULL DEFAULT 0,
    position     INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT NOT NULL
);
CREATE INDEX contact_persons_organiser ON contact_persons(organiser_id);

CREATE TABLE school_units (
    id            TEXT PRIMARY KEY,
    organiser_id  TEXT NOT NULL REFERENCES organisers(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    school_type   TEXT NOT NULL DEFAULT 'Grundskola',
    grade_span    TEXT NOT NULL DEFAULT '',
    principal     TEXT NOT NULL DEFAULT '',
    student_count INTEGER CHECK (student_count IS NULL OR student_count >= 0),
    unit_code     TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL
);
CREATE INDEX school_units_organiser ON school_units(organiser_id);

CREATE TABLE engagements (
    id             TEXT PRIMARY KEY,
    organiser_id   TEXT NOT NULL REFERENCES organisers(id) ON DELETE CASCADE,
    title          TEXT NOT NULL,
    dnr            TEXT NOT NULL DEFAULT '',
    phase          TEXT NOT NULL,
    responsible_id TEXT REFERENCES supporters(id) ON DELETE SET NULL,
    notes          TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL
);
CREATE INDEX engagements_organiser ON engagements(organiser_id);

CREATE TABLE engagement_units (
    engagement_id  TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    school_unit_id TEXT NOT NULL REFERENCES school_units(id) ON DELETE CASCADE,
    PRIMARY KEY (engagement_id, school_unit_id)
);
CREATE INDEX engagement_units_unit ON engagement_units(school_unit_id);

CREATE TABLE key_dates (
    id            TEXT PRIMARY KEY,
    engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    date          TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);
CREATE INDEX key_dates_engagement ON key_dates(engagement_id);
"""


def up(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
