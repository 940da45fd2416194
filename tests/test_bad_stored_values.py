"""Values outside the rules written straight into SQLite (an old package, a hand edit):
every repository read, every command that reads, the PDFs and every page of the window
still work, showing "okänt värde", and `dialogteam check` names each spoiled column.

The spoiled values are derived from the field rules (domain/rule_registry.py), so a
new table or column is spoiled here as soon as it has a rule."""

import sqlite3
from datetime import date

import pytest
from docx import Document
from pypdf import PdfReader

from dialogteam_app.cli import main
from dialogteam_app.domain.agreement import new_agreement
from dialogteam_app.domain.agreement_amendments import AgreementChange, ChangeTarget
from dialogteam_app.domain.agreement_kinds import AgreementKind, AgreementStatus
from dialogteam_app.domain.ids import new_id, utc_now
from dialogteam_app.domain.rule_registry import TABLE_RULES
from dialogteam_app.sample_data import load_sample
from dialogteam_app.sample_data.follow_up import _id as sjovik_id
from dialogteam_app.store.database import Database
from dialogteam_app.store.plan_snapshot import build_plan_document
from dialogteam_app.store.store import Store

# Per rule kind: the values alternated over a column's rows (odd rowid, even rowid).
SPOILERS = {
    "choice": ("hackad", "hackad"),
    "date": ("igår", "2026-02-30"),
    "choices": ("inte json", '["hackad"]'),
    "number": ("många", "många"),
}


def _spoil(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """Spoil every ruled column SQLite lets us; the (table, column) pairs that changed.
    Only SQLite's own NOT NULL/CHECK/foreign-key constraints leave a column out."""
    spoiled = []
    for table, table_rules in TABLE_RULES.items():
        for column, rule in table_rules.columns.items():
            if rule.kind not in SPOILERS:
                continue
            odd, even = SPOILERS[rule.kind]
            conn.execute("SAVEPOINT spoil")
            try:
                changed = conn.execute(
                    f'UPDATE "{table}" SET "{column}" = '
                    f"CASE WHEN rowid % 2 THEN ? ELSE ? END", (odd, even)).rowcount
                conn.execute("PRAGMA foreign_key_check")
            except sqlite3.IntegrityError:
                conn.execute("ROLLBACK TO spoil")
                changed = 0
            conn.execute("RELEASE spoil")
            if changed:
                spoiled.append((table, column))
    return spoiled


def _fill_the_empty_tables(store: Store, engagement_id: str) -> None:
    """Rows the sample lacks, so that their columns are spoiled too: a plan version, a
    signed tillägg with a change, and a gallring's record."""
    store.plan_versions.freeze(engagement_id, build_plan_document(store, engagement_id))
    sjovik = sjovik_id("engagement")
    ok2 = next(a for a in store.agreements.list(sjovik) if a.kind is AgreementKind.OK2)
    tillagg = new_agreement(sjovik, AgreementKind.AMENDMENT, amends_id=ok2.id)
    tillagg.decision_date, tillagg.signed_date = "2026-09-01", "2026-09-15"
    tillagg.status = AgreementStatus.SIGNED
    store.agreements.save(tillagg)
    store.agreements.save_change(AgreementChange(
        agreement_id=tillagg.id, target=ChangeTarget.REPORT_DUE, target_id=ok2.reports[0].id,
        value="2026-11-15", note="skolans önskemål"))
    store.db.write(lambda conn: conn.execute(
        "INSERT INTO retentions (id, engagement_id, done_on, ended_on, months, notes, "
        "updated_at) VALUES (?, ?, '2026-10-01', '2026-06-30', 3, 12, ?)",
        (new_id(), engagement_id, utc_now())))


@pytest.fixture
def spoiled(data_paths):
    with Database(data_paths.database) as db:
        store = Store(db)
        engagement = load_sample(store)
        _fill_the_empty_tables(store, engagement.id)
    conn = sqlite3.connect(data_paths.database, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN")
    columns = _spoil(conn)
    conn.execute("COMMIT")
    conn.close()
    return data_paths, engagement, columns


def _engagement_ids(paths):
    with Database(paths.database) as db:
        return [e.id for e in Store(db).engagements.list()]


def test_the_spoiling_reaches_every_kind_and_the_later_tables(spoiled):
    _paths, _engagement, columns = spoiled
    tables = {t for t, _c in columns}
    for table in ("engagements", "meetings", "key_dates", "plan_interventions", "plan_versions",
                  "agreements", "agreement_changes", "agreement_payments", "agreement_reports",
                  "agreement_funding", "follow_up_statuses", "follow_up_goals",
                  "follow_up_spending", "follow_up_reports", "follow_up_payments", "retentions"):
        assert table in tables, table
    assert {TABLE_RULES[t].columns[c].kind for t, c in columns} == set(SPOILERS)


def test_list_shows_okant_varde(spoiled, capsys):
    paths, _, columns = spoiled
    assert main(["list", "--data-dir", str(paths.root)]) == 0
    out = capsys.readouterr().out
    assert "okänt värde" in out


def test_every_repository_reads_every_engagement(spoiled):
    paths, engagement, columns = spoiled
    with Database(paths.database) as db:
        store = Store(db)
        assert store.engagements.get(engagement.id).phase.label == "okänt värde"
        store.organisers.list()
        store.supporters.list()
        for e in store.engagements.list():
            for meeting in store.meetings.list(e.id):
                assert meeting.kind.label == "okänt värde"
                assert {p.role.label for p in store.meetings.participants(meeting.id)} \
                    <= {"okänt värde"}
                store.meetings.tasks(meeting.id)
                store.notes.list(meeting.id)
            store.current_state.key_figures(e.id)
            store.current_state.findings(e.id)
            store.current_state.sources(e.id)
            store.analysis.snapshot(e.id)
            store.analysis.traceability(e.id)
            store.candidates.list(e.id)
            store.plans.load(e.id)
            build_plan_document(store, e.id)
            for agreement in store.agreements.list(e.id):
                store.agreements.get(agreement.id)
            snap = store.follow_up.snapshot(e.id)
            if snap is not None:
                for report in store.follow_up.reports_in_order(e.id):
                    store.follow_up.work(snap, report.id)
                    store.follow_up.report_document(e.id, report.id)
            store.follow_up.followed_key_figures(e.id)
            store.retention.records(e.id)
            store.retention.preview(e.id, date(2026, 11, 30))
        store.follow_up_overview.todo(date(2026, 11, 30))
        assert {row.phase for row in store.follow_up_overview.team()} == {"okänt värde"}


def test_the_pdf_is_made_and_says_okant_varde(spoiled, tmp_path, capsys):
    paths, engagement, _ = spoiled
    pdf = tmp_path / "plan.pdf"
    assert main(["export", engagement.id[:8], "--pdf", str(pdf),
                 "--data-dir", str(paths.root)]) == 0, capsys.readouterr().err
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "okänt värde" in text


def test_every_reading_command_works(spoiled, tmp_path, capsys):
    paths, _, _ = spoiled
    root = str(paths.root)
    for eid in _engagement_ids(paths):
        short = eid[:8]
        for option, name in (("--pdf", "plan.pdf"), ("--docx", "plan.docx"),
                             ("--agreement", "ok.pdf"), ("--agreement", "ok.docx"),
                             ("--package", "p.dialogteam.zip")):
            out = tmp_path / f"{short}-{name}"
            assert main(["--data-dir", root, "export", short, option, str(out)]) == 0, \
                (option, name, capsys.readouterr().err)
            assert out.stat().st_size > 0
        Document(str(tmp_path / f"{short}-ok.docx"))
        PdfReader(tmp_path / f"{short}-ok.pdf")
    report = tmp_path / "del1.pdf"
    assert main(["--data-dir", root, "export", sjovik_id("engagement")[:8], "--report", "1",
                 "--pdf", str(report)]) == 0, capsys.readouterr().err
    assert PdfReader(report).pages
    assert main(["--data-dir", root, "export", "--calendar", str(tmp_path / "a.ics")]) == 0
    assert main(["--data-dir", root, "export", "--team-csv", str(tmp_path / "t.csv")]) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_check_names_every_bad_value(spoiled, capsys):
    paths, _, columns = spoiled
    assert main(["check", "--data-dir", str(paths.root)]) == 1
    out = capsys.readouterr().out
    missing = [f"{table}.{column}" for table, column in columns
               if f"{table}.{column}" not in out]
    assert not missing
    assert "hackad" in out and "Traceback" not in out


@pytest.mark.gui
def test_every_page_opens_with_bad_values(spoiled, qtbot, tmp_path):
    """Every page, tab and sub-page of both samverkan, Att göra and the team overview on
    the spoiled database: nothing raises (pytest-qt fails the test on an exception in a
    Qt slot or event handler), and the unknown phase is shown as such."""
    from conftest import dispose
    from helpers.a11y import walk_pages

    from dialogteam_app.ui.app import make_application, open_main_window
    from dialogteam_app.ui.window.navigator import ENGAGEMENT
    paths, engagement, columns = spoiled
    make_application()
    window = open_main_window(paths)
    window.show()
    window.resize(1366, 768)
    try:
        window.navigator.select(ENGAGEMENT, engagement.id)
        assert window.engagement_view.overview.form.widgets["phase"].currentText() \
            == "okänt värde (hackad)"
        seen: list[str] = []
        # Every agreement, its insatser and each row of the genomförande: page selectors.
        walk_pages(window, lambda page, where: seen.append(where))
        assert any("Att göra" in w for w in seen) and any("Dialogteamet" in w for w in seen)
        assert any("Sjövik" in w for w in seen) and any("Norrvik" in w for w in seen)
        assert any("Genomförande › Utbetalningar" in w for w in seen)
        assert any("Slutredovisning" in w for w in seen)
        window.grab().save(str(tmp_path / "last-page.png"))
    finally:
        dispose(window)


def test_a_tillagg_change_with_a_bad_amount_is_named_not_applied(data_paths, tmp_path, capsys):
    """A change's value is text whose rule depends on what it changes: an amount that is
    no number is shown as "okänt värde" in the tillägg and not applied to the ÖK 2."""
    with Database(data_paths.database) as db:
        store = Store(db)
        engagement = load_sample(store)
        _fill_the_empty_tables(store, engagement.id)
        ok2 = next(a for a in store.agreements.list(sjovik_id("engagement"))
                   if a.kind is AgreementKind.OK2)
    conn = sqlite3.connect(data_paths.database)
    conn.execute("UPDATE agreement_changes SET target = 'payment.amount_kr', target_id = ?, "
                 "value = 'hackad'", (ok2.payments[0].id,))
    conn.commit()
    conn.close()
    root, eid = str(data_paths.root), sjovik_id("engagement")[:8]
    tillagg, changed = tmp_path / "tillagg.pdf", tmp_path / "ok2.pdf"
    assert main(["--data-dir", root, "export", eid, "--agreement", str(tillagg),
                 "--which", "tillägg"]) == 0, capsys.readouterr().err
    text = "".join(page.extract_text() for page in PdfReader(tillagg).pages)
    assert "utbetalningens belopp ändras till okänt värde" in text
    assert main(["--data-dir", root, "export", eid, "--agreement", str(changed),
                 "--which", "ök 2"]) == 0, capsys.readouterr().err
