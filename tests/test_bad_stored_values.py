"""Values outside the rules written straight into SQLite (an old package, a hand edit):
every page's data, every command and the PDF still work, showing "okänt värde", and
`dialogteam check` names each one."""

import sqlite3

import pytest
from pypdf import PdfReader

from dialogteam_app.cli import main
from dialogteam_app.sample_data import load_sample
from dialogteam_app.store.database import Database
from dialogteam_app.store.plan_snapshot import build_plan_document
from dialogteam_app.store.store import Store

BAD = [
    ("engagements", "phase", "hackad"), ("meetings", "kind", "hackad"),
    ("participants", "role", "hackad"), ("notes", "speaker_role", "hackad"),
    ("tasks", "kind", "hackad"), ("key_dates", "kind", "hackad"),
    ("key_dates", "date", "igår"), ("meetings", "date", "2026-02-30"),
    ("key_figures", "measure", "hackad"), ("inspection_findings", "decision_type", "hackad"),
    ("sources", "kind", "hackad"), ("problems", "level", "hackad"),
    ("evidence", "strength", "hackad"),
    ("candidates", "factors", "inte json"), ("plan_interventions", "factors", '["hattie"]'),
    ("plan_interventions", "start", "snart"), ("plan_milestones", "date", "2026-13-01"),
]


@pytest.fixture
def spoiled(data_paths):
    with Database(data_paths.database) as db:
        engagement = load_sample(Store(db))
    conn = sqlite3.connect(data_paths.database)
    for table, column, value in BAD:
        conn.execute(f'UPDATE {table} SET "{column}" = ?', (value,))
    conn.commit()
    conn.close()
    return data_paths, engagement


def test_list_shows_okant_varde(spoiled, capsys):
    paths, _ = spoiled
    assert main(["list", "--data-dir", str(paths.root)]) == 0
    assert "okänt värde" in capsys.readouterr().out


def test_every_repository_reads_the_engagement(spoiled):
    paths, engagement = spoiled
    with Database(paths.database) as db:
        store = Store(db)
        assert store.engagements.get(engagement.id).phase.label == "okänt värde"
        for meeting in store.meetings.list(engagement.id):
            assert meeting.kind.label == "okänt värde"
            assert {p.role.label for p in store.meetings.participants(meeting.id)} \
                <= {"okänt värde"}
            store.meetings.tasks(meeting.id)
            store.notes.list(meeting.id)
        store.current_state.key_figures(engagement.id)
        store.current_state.findings(engagement.id)
        store.current_state.sources(engagement.id)
        store.analysis.snapshot(engagement.id)
        store.analysis.traceability(engagement.id)
        store.candidates.list(engagement.id)
        store.plans.load(engagement.id)
        document = build_plan_document(store, engagement.id)
    assert document is not None


def test_the_pdf_is_made_and_says_okant_varde(spoiled, tmp_path, capsys):
    paths, engagement = spoiled
    pdf = tmp_path / "plan.pdf"
    assert main(["export", engagement.id[:8], "--pdf", str(pdf),
                 "--data-dir", str(paths.root)]) == 0, capsys.readouterr().err
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "okänt värde" in text


def test_check_names_every_bad_value(spoiled, capsys):
    paths, _ = spoiled
    assert main(["check", "--data-dir", str(paths.root)]) == 1
    out = capsys.readouterr().out
    for table, column, _value in BAD:
        assert f"{table}.{column}" in out, (table, column)
    assert "hackad" in out and "Traceback" not in out


@pytest.mark.gui
def test_every_page_opens_with_bad_values(spoiled, qtbot, tmp_path):
    """The window's pages on the spoiled database: nothing raises (pytest-qt fails a test
    on an exception in a Qt slot), and the unknown phase is shown as such."""
    from conftest import dispose

    from dialogteam_app.ui.app import make_application, open_main_window
    from dialogteam_app.ui.window.navigator import ENGAGEMENT, MEETING
    paths, engagement = spoiled
    make_application()
    window = open_main_window(paths)
    window.show()
    window.resize(1366, 768)
    try:
        window.navigator.select(ENGAGEMENT, engagement.id)
        view = window.engagement_view
        assert view.overview.form.widgets["phase"].currentText() == "okänt värde (hackad)"
        for index in range(view.tabs.count()):
            view.tabs.setCurrentIndex(index)
            qtbot.wait(50)
            window.grab().save(str(tmp_path / f"page-{index}.png"))
        store = window.ctx.store
        for meeting in store.meetings.list(engagement.id):
            window.navigator.select(MEETING, meeting.id)
            qtbot.wait(20)
        window.grab().save(str(tmp_path / "meeting.png"))
        window.navigator.select("search", "")
    finally:
        dispose(window)
