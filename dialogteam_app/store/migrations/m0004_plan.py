"""The åtgärdsplan: areas, interventions with every field, milestones, costs,
risks, and the frozen versions that were exported."""


from ..connection import run_script, sqlite3

VERSION = 4

SCHEMA = """
CREATE TABLE plans (
    id                   TEXT PRIMARY KEY,
    engagement_id        TEXT NOT NULL UNIQUE REFERENCES engagements(id) ON DELETE CASCADE,
    background           TEXT NOT NULL DEFAULT '',
    participation        TEXT NOT NULL DEFAULT '',
    strengths            TEXT NOT NULL DEFAULT '',
    experience_spreading TEXT NOT NULL DEFAULT '',
    updated_at           TEXT NOT NULL
);

CREATE TABLE plan_areas (
    id            TEXT PRIMARY KEY,
    engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL
);
CREATE INDEX plan_areas_engagement ON plan_areas(engagement_id, position);

CREATE TABLE area_problems (
    area_id    TEXT NOT NULL REFERENCES plan_areas(id) ON DELETE CASCADE,
    problem_id TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
    PRIMARY KEY (area_id, problem_id)
);
CREATE INDEX area_problems_problem ON area_problems(problem_id);

CREATE TABLE plan_interventions (
    id                       TEXT PRIMARY KEY,
    area_id                  TEXT NOT NULL REFERENCES plan_areas(id) ON DELETE CASCADE,
    title                    TEXT NOT NULL,
    description              TEXT NOT NULL DEFAULT '',
    participant_groups       TEXT NOT NULL DEFAULT '',
    approx_participants      INTEGER CHECK (approx_participants IS NULL OR approx_participants >= 0),
    resources_staff          TEXT NOT NULL DEFAULT '',
    resources_training       TEXT NOT NULL DEFAULT '',
    resources_student_health TEXT NOT NULL DEFAULT '',
    resources_other          TEXT NOT NULL DEFAULT '',
    goals_short              TEXT NOT NULL DEFAULT '',
    goals_long               TEXT NOT NULL DEFAULT '',
    expected_effects         TEXT NOT NULL DEFAULT '',
    responsible              TEXT NOT NULL DEFAULT '',
    participation            TEXT NOT NULL DEFAULT '',
    follow_up_when           TEXT NOT NULL DEFAULT '',
    follow_up_how            TEXT NOT NULL DEFAULT '',
    follow_up_who            TEXT NOT NULL DEFAULT '',
    start                    TEXT NOT NULL DEFAULT '',
    "end"                    TEXT NOT NULL DEFAULT '',
    factors                  TEXT NOT NULL DEFAULT '[]',   -- JSON list of Factor values
    candidate_id             TEXT REFERENCES candidates(id) ON DELETE SET NULL,
    position                 INTEGER NOT NULL DEFAULT 0,
    updated_at               TEXT NOT NULL
);
CREATE INDEX plan_interventions_area ON plan_interventions(area_id, position);

CREATE TABLE intervention_units (
    intervention_id TEXT NOT NULL REFERENCES plan_interventions(id) ON DELETE CASCADE,
    school_unit_id  TEXT NOT NULL REFERENCES school_units(id) ON DELETE CASCADE,
    PRIMARY KEY (intervention_id, school_unit_id)
);
CREATE INDEX intervention_units_unit ON intervention_units(school_unit_id);

CREATE TABLE intervention_causes (
    intervention_id TEXT NOT NULL REFERENCES plan_interventions(id) ON DELETE CASCADE,
    cause_id        TEXT NOT NULL REFERENCES causes(id) ON DELETE CASCADE,
    PRIMARY KEY (intervention_id, cause_id)
);
CREATE INDEX intervention_causes_cause ON intervention_causes(cause_id);

CREATE TABLE plan_milestones (
    id              TEXT PRIMARY KEY,
    intervention_id TEXT NOT NULL REFERENCES plan_interventions(id) ON DELETE CASCADE,
    date            TEXT NOT NULL,
    text            TEXT NOT NULL,
    position        INTEGER NOT NULL DEFAULT 0,
    updated_at      TEXT NOT NULL
);
CREATE INDEX plan_milestones_intervention ON plan_milestones(intervention_id);

CREATE TABLE plan_costs (
    id              TEXT PRIMARY KEY,
    intervention_id TEXT NOT NULL REFERENCES plan_interventions(id) ON DELETE CASCADE,
    description     TEXT NOT NULL,
    amount_kr       INTEGER NOT NULL CHECK (amount_kr >= 0),
    funder          TEXT NOT NULL CHECK (funder IN ('skolverket', 'huvudman')),
    year            INTEGER,
    position        INTEGER NOT NULL DEFAULT 0,
    updated_at      TEXT NOT NULL
);
CREATE INDEX plan_costs_intervention ON plan_costs(intervention_id);

CREATE TABLE plan_risks (
    id            TEXT PRIMARY KEY,
    engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    risk          TEXT NOT NULL,
    prevention    TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL
);
CREATE INDEX plan_risks_engagement ON plan_risks(engagement_id);

-- What was sent, exactly: the PlanDocument as JSON, never changed afterwards.
CREATE TABLE plan_versions (
    id            TEXT PRIMARY KEY,
    engagement_id TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    created_at    TEXT NOT NULL,
    recipient     TEXT NOT NULL DEFAULT '',
    file_name     TEXT NOT NULL DEFAULT '',
    document      TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (engagement_id, number)
);
"""


def up(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
