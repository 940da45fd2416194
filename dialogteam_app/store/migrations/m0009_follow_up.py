"""Genomförande and uppföljning: per insats (an ÖK's terms) its dated statuses, a
progress log, participants reached, money used per year and kostnadsslag and the goals
judged; payments received; the work on each reporting obligation (texts, status,
the document as submitted); and key figures followed after the baseline.

Every row hangs on an agreement part or the engagement by a foreign key, so it
travels in exchange packages with no code change."""

from ..connection import run_script, sqlite3

VERSION = 9

SCHEMA = """
CREATE TABLE follow_up_statuses (
    id         TEXT PRIMARY KEY,
    terms_id   TEXT NOT NULL REFERENCES agreement_terms(id) ON DELETE CASCADE,
    status     TEXT NOT NULL CHECK (status IN ('ej_paborjad', 'pagar', 'genomford', 'installd')),
    date       TEXT NOT NULL,
    comment    TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE INDEX follow_up_statuses_terms ON follow_up_statuses(terms_id, date);

CREATE TABLE follow_up_log (
    id         TEXT PRIMARY KEY,
    terms_id   TEXT NOT NULL REFERENCES agreement_terms(id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    text       TEXT NOT NULL,
    note_id    TEXT REFERENCES notes(id) ON DELETE SET NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX follow_up_log_terms ON follow_up_log(terms_id, date);
CREATE INDEX follow_up_log_note ON follow_up_log(note_id);

CREATE TABLE follow_up_reached (
    id                TEXT PRIMARY KEY,
    terms_id          TEXT NOT NULL REFERENCES agreement_terms(id) ON DELETE CASCADE,
    year              INTEGER NOT NULL,
    participant_group TEXT NOT NULL,
    count             INTEGER NOT NULL CHECK (count >= 0),
    school_unit_id    TEXT REFERENCES school_units(id) ON DELETE SET NULL,
    updated_at        TEXT NOT NULL
);
CREATE INDEX follow_up_reached_terms ON follow_up_reached(terms_id);
CREATE INDEX follow_up_reached_unit ON follow_up_reached(school_unit_id);

CREATE TABLE follow_up_spending (
    id         TEXT PRIMARY KEY,
    terms_id   TEXT NOT NULL REFERENCES agreement_terms(id) ON DELETE CASCADE,
    year       INTEGER NOT NULL,
    cost_kind  TEXT NOT NULL CHECK (cost_kind IN ('personal', 'kompetensutveckling',
                                                  'handledning', 'resor_lokaler', 'ovrigt')),
    used_kr    INTEGER NOT NULL CHECK (used_kr >= 0),
    comment    TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL
);
CREATE INDEX follow_up_spending_terms ON follow_up_spending(terms_id, year);

CREATE TABLE follow_up_goals (
    id          TEXT PRIMARY KEY,
    terms_id    TEXT NOT NULL REFERENCES agreement_terms(id) ON DELETE CASCADE,
    horizon     TEXT NOT NULL CHECK (horizon IN ('kort', 'lang')),
    goal        TEXT NOT NULL,
    judgement   TEXT CHECK (judgement IS NULL OR judgement IN
                            ('uppnatt', 'delvis', 'ej_uppnatt', 'for_tidigt')),
    evidence    TEXT NOT NULL DEFAULT '',
    judged_date TEXT NOT NULL DEFAULT '',
    position    INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL
);
CREATE INDEX follow_up_goals_terms ON follow_up_goals(terms_id, position);

CREATE TABLE follow_up_payments (
    id         TEXT PRIMARY KEY,
    payment_id TEXT NOT NULL UNIQUE REFERENCES agreement_payments(id) ON DELETE CASCADE,
    paid_date  TEXT NOT NULL,
    amount_kr  INTEGER NOT NULL CHECK (amount_kr >= 0),
    updated_at TEXT NOT NULL
);

CREATE TABLE follow_up_reports (
    id               TEXT PRIMARY KEY,
    report_id        TEXT NOT NULL UNIQUE REFERENCES agreement_reports(id) ON DELETE CASCADE,
    status           TEXT NOT NULL DEFAULT 'utkast'
                     CHECK (status IN ('utkast', 'inlamnad', 'granskad')),
    submitted_date   TEXT NOT NULL DEFAULT '',
    reviewed_date    TEXT NOT NULL DEFAULT '',
    decision_comment TEXT NOT NULL DEFAULT '',
    summary          TEXT NOT NULL DEFAULT '',
    results_text     TEXT NOT NULL DEFAULT '',
    ownership_text   TEXT NOT NULL DEFAULT '',
    frozen_json      TEXT NOT NULL DEFAULT '',   -- the report as submitted
    updated_at       TEXT NOT NULL
);

CREATE TABLE follow_up_key_figures (
    id             TEXT PRIMARY KEY,
    engagement_id  TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    school_unit_id TEXT REFERENCES school_units(id) ON DELETE CASCADE,
    measure        TEXT NOT NULL,
    year           TEXT NOT NULL,
    value          REAL NOT NULL,
    national_value REAL,
    subject        TEXT NOT NULL DEFAULT '',
    source         TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL
);
CREATE INDEX follow_up_key_figures_engagement ON follow_up_key_figures(engagement_id);
"""


def up(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
