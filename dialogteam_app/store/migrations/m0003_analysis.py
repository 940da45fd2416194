"""The nulägesanalys: key figures, findings, sources, problems, causes, evidence,
candidate interventions and participation."""


from ..connection import run_script, sqlite3

VERSION = 3

SCHEMA = """
CREATE TABLE key_figures (
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
CREATE INDEX key_figures_engagement ON key_figures(engagement_id, school_unit_id);

CREATE TABLE inspection_findings (
    id             TEXT PRIMARY KEY,
    engagement_id  TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    school_unit_id TEXT REFERENCES school_units(id) ON DELETE CASCADE,
    date           TEXT NOT NULL,
    decision_type  TEXT NOT NULL,
    areas          TEXT NOT NULL DEFAULT '',
    summary        TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL
);
CREATE INDEX inspection_findings_engagement ON inspection_findings(engagement_id);

CREATE TABLE sources (
    id            TEXT PRIMARY KEY,
    engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    title         TEXT NOT NULL,
    date          TEXT NOT NULL DEFAULT '',
    description   TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);
CREATE INDEX sources_engagement ON sources(engagement_id);

CREATE TABLE problems (
    id            TEXT PRIMARY KEY,
    engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    level         TEXT NOT NULL,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    results_link  TEXT NOT NULL DEFAULT '',
    priority      INTEGER NOT NULL DEFAULT 0,
    note_id       TEXT REFERENCES notes(id) ON DELETE SET NULL,
    updated_at    TEXT NOT NULL
);
CREATE INDEX problems_engagement ON problems(engagement_id, priority);

CREATE TABLE causes (
    id         TEXT PRIMARY KEY,
    problem_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    note_id    TEXT REFERENCES notes(id) ON DELETE SET NULL,
    position   INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL
);
CREATE INDEX causes_problem ON causes(problem_id);

-- Evidence points at one thing. A note, key figure, source or finding in use as
-- evidence cannot disappear and leave the link dangling. NO ACTION, not RESTRICT:
-- RESTRICT is checked as each row goes, so whether deleting a whole engagement (which
-- cascades to the notes and to the evidence alike) works would depend on the order
-- the tables were created in; NO ACTION is checked once the statement's cascade is done.
CREATE TABLE evidence (
    id            TEXT PRIMARY KEY,
    cause_id      TEXT NOT NULL REFERENCES causes(id) ON DELETE CASCADE,
    text          TEXT NOT NULL DEFAULT '',
    note_id       TEXT REFERENCES notes(id) ON DELETE NO ACTION,
    key_figure_id TEXT REFERENCES key_figures(id) ON DELETE NO ACTION,
    source_id     TEXT REFERENCES sources(id) ON DELETE NO ACTION,
    finding_id    TEXT REFERENCES inspection_findings(id) ON DELETE NO ACTION,
    strength      TEXT NOT NULL DEFAULT 'mattlig',
    comment       TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL,
    CHECK ((note_id IS NOT NULL) + (key_figure_id IS NOT NULL) + (source_id IS NOT NULL)
           + (finding_id IS NOT NULL) <= 1)
);
CREATE INDEX evidence_cause ON evidence(cause_id);
CREATE INDEX evidence_note ON evidence(note_id);
CREATE INDEX evidence_key_figure ON evidence(key_figure_id);
CREATE INDEX evidence_source ON evidence(source_id);
CREATE INDEX evidence_finding ON evidence(finding_id);

CREATE TABLE candidates (
    id            TEXT PRIMARY KEY,
    engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    factors       TEXT NOT NULL DEFAULT '[]',   -- JSON list of Factor values
    note_id       TEXT REFERENCES notes(id) ON DELETE SET NULL,
    position      INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL
);
CREATE INDEX candidates_engagement ON candidates(engagement_id);

CREATE TABLE candidate_causes (
    candidate_id TEXT NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,
    cause_id     TEXT NOT NULL REFERENCES causes(id) ON DELETE CASCADE,
    PRIMARY KEY (candidate_id, cause_id)
);
CREATE INDEX candidate_causes_cause ON candidate_causes(cause_id);

CREATE TABLE participation (
    id            TEXT PRIMARY KEY,
    engagement_id TEXT NOT NULL UNIQUE REFERENCES engagements(id) ON DELETE CASCADE,
    staff         TEXT NOT NULL DEFAULT '',
    students      TEXT NOT NULL DEFAULT '',
    updated_at    TEXT NOT NULL
);
"""


def up(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
