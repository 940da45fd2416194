"""Överenskommelser: agreements (ÖK 1, ÖK 2, tillägg), their signatories, per-insats
terms with participants and funding, the utbetalningsplan, reporting obligations and
the changes a tillägg makes. Every part has its own id so it travels and merges on
its own in exchange packages; lists of sentences are JSON columns."""


from ..connection import run_script, sqlite3

VERSION = 6

SCHEMA = """
CREATE TABLE agreements (
    id                    TEXT PRIMARY KEY,
    engagement_id         TEXT NOT NULL REFERENCES engagements(id) ON DELETE CASCADE,
    kind                  TEXT NOT NULL CHECK (kind IN ('ok1', 'ok2', 'tillagg')),
    amends_id             TEXT REFERENCES agreements(id) ON DELETE CASCADE,
    dnr                   TEXT NOT NULL DEFAULT '',
    decision_date         TEXT NOT NULL DEFAULT '',
    decision_dnr          TEXT NOT NULL DEFAULT '',
    decision_text         TEXT NOT NULL DEFAULT '',
    background            TEXT NOT NULL DEFAULT '',
    documents             TEXT NOT NULL DEFAULT '[]',   -- JSON list: handlingar in order
    period_start          TEXT NOT NULL DEFAULT '',
    period_end            TEXT NOT NULL DEFAULT '',
    status                TEXT NOT NULL DEFAULT 'utkast'
                          CHECK (status IN ('utkast', 'skickat', 'undertecknat')),
    sent_date             TEXT NOT NULL DEFAULT '',
    signed_date           TEXT NOT NULL DEFAULT '',
    plan_version_id       TEXT REFERENCES plan_versions(id) ON DELETE SET NULL,
    rekvisition_orgnr     TEXT NOT NULL DEFAULT '',
    rekvisition_amount_kr INTEGER CHECK (rekvisition_amount_kr IS NULL
                                         OR rekvisition_amount_kr >= 0),
    rekvisition_account_kind TEXT NOT NULL DEFAULT 'bankgiro'
                          CHECK (rekvisition_account_kind IN ('bankgiro', 'plusgiro')),
    rekvisition_account   TEXT NOT NULL DEFAULT '',
    rekvisition_reference TEXT NOT NULL DEFAULT '',
    repayment_unit_number TEXT NOT NULL DEFAULT '',
    repayment_days        INTEGER NOT NULL DEFAULT 30 CHECK (repayment_days > 0),
    breach_text           TEXT NOT NULL DEFAULT '',
    reclaim_text          TEXT NOT NULL DEFAULT '',
    evaluation_text       TEXT NOT NULL DEFAULT '',
    changes_text          TEXT NOT NULL DEFAULT '',
    updated_at            TEXT NOT NULL
);
CREATE INDEX agreements_engagement ON agreements(engagement_id);
CREATE INDEX agreements_amends ON agreements(amends_id);

CREATE TABLE agreement_signatories (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    party        TEXT NOT NULL CHECK (party IN ('skolverket', 'huvudman')),
    role         TEXT NOT NULL DEFAULT 'undertecknar' CHECK (role IN ('undertecknar', 'granskar')),
    name         TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    place        TEXT NOT NULL DEFAULT '',
    date         TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT NOT NULL
);
CREATE INDEX agreement_signatories_agreement ON agreement_signatories(agreement_id);

CREATE TABLE agreement_terms (
    id                TEXT PRIMARY KEY,
    agreement_id      TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    intervention_id   TEXT REFERENCES plan_interventions(id) ON DELETE SET NULL,
    area_title        TEXT NOT NULL DEFAULT '',
    title             TEXT NOT NULL,
    description       TEXT NOT NULL DEFAULT '',
    scope             TEXT NOT NULL DEFAULT '',
    period_start      TEXT NOT NULL DEFAULT '',
    period_end        TEXT NOT NULL DEFAULT '',
    organiser_duties  TEXT NOT NULL DEFAULT '[]',   -- JSON list of sentences
    skolverket_duties TEXT NOT NULL DEFAULT '[]',   -- JSON list of sentences
    role_duties       TEXT NOT NULL DEFAULT '[]',   -- JSON list of {"role", "duty"}
    position          INTEGER NOT NULL DEFAULT 0,
    updated_at        TEXT NOT NULL
);
CREATE INDEX agreement_terms_agreement ON agreement_terms(agreement_id, position);
CREATE INDEX agreement_terms_intervention ON agreement_terms(intervention_id);

CREATE TABLE agreement_participants (
    id             TEXT PRIMARY KEY,
    terms_id       TEXT NOT NULL REFERENCES agreement_terms(id) ON DELETE CASCADE,
    participant_group TEXT NOT NULL,
    count          INTEGER NOT NULL CHECK (count >= 0),
    approximate    INTEGER NOT NULL DEFAULT 0,
    school_unit_id TEXT REFERENCES school_units(id) ON DELETE SET NULL,
    position       INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT NOT NULL
);
CREATE INDEX agreement_participants_terms ON agreement_participants(terms_id);
CREATE INDEX agreement_participants_unit ON agreement_participants(school_unit_id);

CREATE TABLE agreement_funding (
    id            TEXT PRIMARY KEY,
    terms_id      TEXT NOT NULL REFERENCES agreement_terms(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('beviljat', 'upphandlat', 'egen', 'annan')),
    amount_kr     INTEGER CHECK (amount_kr IS NULL OR amount_kr >= 0),
    year          INTEGER,
    provider_kind TEXT CHECK (provider_kind IS NULL
                              OR provider_kind IN ('larosate', 'spsm', 'annan')),
    provider_name TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL DEFAULT '',
    position      INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT NOT NULL
);
CREATE INDEX agreement_funding_terms ON agreement_funding(terms_id);

CREATE TABLE agreement_payments (
    id             TEXT PRIMARY KEY,
    agreement_id   TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    due_date       TEXT NOT NULL,
    amount_kr      INTEGER NOT NULL CHECK (amount_kr >= 0),
    on_requisition INTEGER NOT NULL DEFAULT 0,
    position       INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT NOT NULL
);
CREATE INDEX agreement_payments_agreement ON agreement_payments(agreement_id);

CREATE TABLE agreement_reports (
    id             TEXT PRIMARY KEY,
    agreement_id   TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL CHECK (kind IN ('delredovisning', 'slutredovisning')),
    due_date       TEXT NOT NULL,
    content_points TEXT NOT NULL DEFAULT '[]',   -- JSON list of required content
    text           TEXT NOT NULL DEFAULT '',
    position       INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT NOT NULL
);
CREATE INDEX agreement_reports_agreement ON agreement_reports(agreement_id);

-- The insatser a report covers (none: the whole agreement). Travels with the report.
CREATE TABLE agreement_report_terms (
    report_id TEXT NOT NULL REFERENCES agreement_reports(id) ON DELETE CASCADE,
    terms_id  TEXT NOT NULL REFERENCES agreement_terms(id) ON DELETE CASCADE,
    PRIMARY KEY (report_id, terms_id)
);
CREATE INDEX agreement_report_terms_terms ON agreement_report_terms(terms_id);

-- What a tillägg changes: target is '<part>.<field>', target_id the part's id in the
-- amended agreement (not a foreign key: parts of four kinds, and a change must
-- survive the part's deletion to be reported as unresolved).
CREATE TABLE agreement_changes (
    id           TEXT PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
    target       TEXT NOT NULL,
    target_id    TEXT NOT NULL,
    value        TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    position     INTEGER NOT NULL DEFAULT 0,
    updated_at   TEXT NOT NULL
);
CREATE INDEX agreement_changes_agreement ON agreement_changes(agreement_id);
"""


def up(conn: sqlite3.Connection) -> None:
    run_script(conn, SCHEMA)
