"""The follow-up in the window: Att göra opens each row's place, an insats's tables
refuse bad input at the field, a report's dates are checked as typed and a submitted
report locks its texts, the team overview exports its CSV. Screenshots are saved
for looking at when DIALOGTEAM_SCREENSHOTS names a folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from helpers.a11y import LAPTOP, clipped_columns
from helpers.exchange_helpers import dump
from helpers.qt_helpers import answer_next_dialog
from PySide6.QtWidgets import QApplication

from dialogteam_app.domain.follow_up_overview import TodoKind
from dialogteam_app.domain.follow_up_reports import ReportStatus
from dialogteam_app.sample_data.follow_up import _id
from dialogteam_app.store.database import Database
from dialogteam_app.store.follow_up import TABLES
from dialogteam_app.store.store import Store
from dialogteam_app.ui.window.navigator import MEETING, TEAM, TODO


def _rows(w) -> dict:
    """What the database file holds (another connection, as after a restart)."""
    with Database(w.ctx.paths.database) as db:
        return dump(Store(db), TABLES)


def _shot(widget, name: str) -> None:
    folder = os.environ.get("DIALOGTEAM_SCREENSHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / f"{name}.png"))


@pytest.fixture
def sample(window):
    window.resize(1366, 768)
    window.open_sample()
    return window


def test_att_gora_lists_what_is_due_and_opens_its_place(sample, qtbot):
    w = sample
    w.act_todo.trigger()
    assert w.navigator.current() == (TODO, "")
    view = w.todo_view
    assert w.stack.currentWidget() is view
    kinds = {i.kind for i in view.items}
    assert {TodoKind.TASK, TodoKind.PAYMENT} <= kinds
    assert view.tree.topLevelItemCount() == len(view.items)
    assert view.items[0].overdue and "Försenad" in view.tree.topLevelItem(0).text(3)
    _shot(w, "att-gora")
    payment = next(i for i in view.items if i.kind is TodoKind.PAYMENT)
    view.open_item.emit(payment)
    assert w.stack.currentWidget() is w.engagement_view
    follow_up = w.engagement_view.follow_up
    assert w.engagement_view.tabs.currentWidget() is follow_up
    assert follow_up.pages.currentWidget() is follow_up.pages.page("payments")
    task = next(i for i in view.items if i.kind is TodoKind.TASK)
    view.open_item.emit(task)
    assert w.navigator.current() == (MEETING, task.target_id)


def test_insats_page_refuses_a_future_status_and_flags_overspending(sample):
    w = sample
    w.navigator.select("engagement", _id("engagement"))
    w.engagement_view.show_follow_up("insats", _id("t-formativ"))
    page = w.engagement_view.follow_up.pages.page("insats")
    assert page.header.title.text() == "Formativ bedömning i matematik"
    assert "cirka 24 lärare (Ekskolan)" in page.terms_text.text()
    _shot(w, "insats")
    before = _rows(w)
    model = page.statuses.model
    assert not model.setData(model.index(0, 1), "2099-01-01")
    assert "2099-01-01 ligger i framtiden" in page.statuses.error.text()
    w.ctx.autosaver.flush()
    assert _rows(w) == before
    spending = page.spending.model
    assert spending.setData(spending.index(0, 2), "900 000")
    assert "över beviljat" in page.money_warning.text()
    w.ctx.autosaver.flush()
    used = w.ctx.store.follow_up.snapshot(_id("engagement")).insats(_id("t-formativ")).used_kr
    assert used == 900_000 + 25_000 + 140_000


def test_report_page_checks_dates_and_locks_a_submitted_report(sample):
    w = sample
    w.navigator.select("engagement", _id("engagement"))
    w.engagement_view.show_follow_up("report", _id("report-1"))
    page = w.engagement_view.follow_up.pages.page("report")
    assert page.header.title.text() == "Delredovisning 2"
    page.status.setCurrentIndex(list(ReportStatus).index(ReportStatus.SUBMITTED))
    page.submitted.setText("2026-05-01")     # before its period (2026-06-30 – 2027-06-30)
    assert "före perioden den redovisar" in page.errors["submitted_date"].text()
    assert page.texts["summary"].isReadOnly()
    page.status.setCurrentIndex(0)
    assert not page.texts["summary"].isReadOnly()
    assert page.errors["submitted_date"].isVisible()     # the bad date is still there
    page.submitted.setText("")
    assert not page.errors["submitted_date"].isVisible()
    page.texts["summary"].setPlainText("Andra året pågår.")
    w.ctx.autosaver.flush()
    snap = w.ctx.store.follow_up.snapshot(_id("engagement"))
    work = w.ctx.store.follow_up.work(snap, _id("report-1"))
    assert work.summary == "Andra året pågår." and work.status is ReportStatus.DRAFT
    w.engagement_view.show_follow_up("report", _id("report-0"))
    assert page.texts["summary"].isReadOnly()        # handed in and reviewed
    assert "Som den lämnades in 2026-06-25" in page.facts.text()
    _shot(w, "delredovisning")


def test_key_figures_and_team_overview(sample, tmp_path):
    w = sample
    w.navigator.select("engagement", _id("engagement"))
    w.engagement_view.show_follow_up("key_figures")
    page = w.engagement_view.follow_up.pages.page("key_figures")
    assert page.grid.count() == 1 and not page.empty.isVisible()
    _shot(w, "nyckeltal")
    w.navigator.select(TEAM)
    overview = w.team_view.overview
    assert overview.table.rowCount() == 2
    cells = [overview.table.item(1, c).text() for c in range(overview.table.columnCount())]
    assert cells[1] == "Genomförande" and cells[4].startswith("3")
    assert "2026: 520 / 600 / 200" in cells[5]
    _shot(w, "teamoversikt")
    w.resize(*LAPTOP)   # the smallest screen: 1920×1080 at 150 %
    QApplication.processEvents()
    assert clipped_columns(overview.table) == []
    answer_next_dialog("OK")
    assert overview.export_to(tmp_path / "team.csv") == tmp_path / "team.csv"
    assert (tmp_path / "team.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_followed_key_figures_import_from_csv_all_or_nothing(sample, tmp_path):
    w = sample
    w.navigator.select("engagement", _id("engagement"))
    w.engagement_view.show_follow_up("key_figures")
    page = w.engagement_view.follow_up.pages.page("key_figures")
    head = "skolenhet;nyckeltal;år;värde;riket;ämne\n"
    bad = tmp_path / "fel.csv"
    bad.write_text(head + "Hamnskolan;nationella_prov_ak9;2027;79;83;matematik\n"
                          "Hamnskolan;nationella_prov_ak9;2031;80;83;matematik\n",
                   encoding="utf-8")
    seen: list[str] = []
    answer_next_dialog("OK", seen)
    assert not page.import_file(bad)
    assert "2031 ligger utanför samverkan" in seen[0]
    assert len(w.ctx.store.follow_up.followed_key_figures(_id("engagement"))) == 1
    good = tmp_path / "bra.csv"
    good.write_text(head + "Hamnskolan;nationella_prov_ak9;2027;79;83;matematik\n",
                    encoding="utf-8")
    answer_next_dialog("OK")
    assert page.import_file(good)
    years = sorted(k.year for k in w.ctx.store.follow_up.followed_key_figures(_id("engagement")))
    assert years == ["2026", "2027"]
    chart = page.grid.itemAt(0).widget()
    assert [k.year for k in chart.figures] == ["2024", "2026", "2027"]


def test_a_sent_agreement_in_att_gora_opens_in_the_agreements_tab(sample):
    from dataclasses import replace

    from dialogteam_app.domain.agreement_kinds import AgreementStatus
    from dialogteam_app.sample_data import sample_id
    w = sample
    store = w.ctx.store
    ok2 = store.agreements.get(sample_id("agreement-ok2"))
    store.agreements.save(replace(ok2, status=AgreementStatus.SENT, sent_date="2026-11-20"))
    w.act_todo.trigger()
    item = next(i for i in w.todo_view.items if i.kind is TodoKind.SIGNATURE)
    assert item.target_id == ok2.id and "ÖK 2" in item.title
    w.todo_view.open_item.emit(item)
    view = w.engagement_view
    assert view.tabs.currentWidget() is view.agreements


def test_a_meeting_note_goes_into_an_insats_log_with_its_link(sample, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from dialogteam_app.domain.notes import Note
    from dialogteam_app.ui.follow_up.log_from_note import log_note_in_insats
    w = sample
    store = w.ctx.store
    note = Note(meeting_id=_id("meeting-1"), engagement_id=_id("engagement"),
                body="Rektorerna har börjat med lektionsbesök.", taken_at="2026-06-02T09:40:00")
    store.notes.save(note)
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *a, **k: ("Pedagogiskt ledarskap för rektorer", True))
    assert "Pedagogiskt ledarskap" in log_note_in_insats(w, store, note)
    log = store.follow_up.snapshot(_id("engagement")).insats(_id("t-ledarskap")).log
    entry = next(e for e in log if e.note_id == note.id)
    assert (entry.date, entry.text) == ("2026-06-02", note.body)


def test_a_report_draft_is_proposed_from_the_data_and_undone_with_ctrl_z(sample):
    w = sample
    w.navigator.select("engagement", _id("engagement"))
    w.engagement_view.show_follow_up("report", _id("report-1"))
    page = w.engagement_view.follow_up.pages.page("report")
    page.fill_draft()
    summary = page.texts["summary"].toPlainText()
    assert "Formativ bedömning i matematik: pågår" in summary
    assert "39 deltagare har nåtts" in summary            # 22 + 17 teachers
    results = page.texts["results_text"].toPlainText()
    assert "delvis uppnått" in results and "71 % år 2024 och 76 % år 2026" in results
    page.texts["summary"].undo()
    assert page.texts["summary"].toPlainText() == ""
