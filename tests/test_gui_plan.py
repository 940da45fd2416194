"""The plan editor driven as a user would."""

import pytest
from helpers.qt_helpers import answer_next_dialog, type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from test_plan import add_problem
from timra_plan import enter_timra_plan

from dialogteam_app.domain.analysis import Candidate
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store
from dialogteam_app.ui.window.navigator import ENGAGEMENT


@pytest.fixture
def plan_view(window):
    store = window.ctx.store
    with store.db.bulk():
        engagement_id = enter_timra_plan(store)
    window.navigator.reload(select=(ENGAGEMENT, engagement_id))
    view = window.engagement_view
    view.tabs.setCurrentWidget(view.plan)
    return view.plan


def outline(view):
    return [item.text(0) for item in view._items()]


def stored(data_paths, engagement_id):
    with Database(data_paths.database) as db:
        return Store(db).plans.load(engagement_id)


def test_outline_follows_the_plan(plan_view):
    texts = outline(plan_view)
    assert texts[0] == "1 Bakgrund och delaktighet"
    assert "2 IT" in texts and "6 SYV och nyanländas lärande" in texts
    assert texts[-1].startswith("⚠ Röd tråd – 10 brister")


def test_add_area_and_intervention_with_undo(plan_view, window, data_paths):
    plan_view.buttons["area"].click()
    assert plan_view.current()[0] == "area"
    title = plan_view.area_page.form.widgets["title"]
    type_text(title, "Läsförståelse")   # replaces the selected default title
    window.ctx.autosaver.flush()
    assert "7 Läsförståelse" in outline(plan_view)
    plan_view.buttons["intervention"].click()
    assert plan_view.current()[0] == "intervention"
    assert "7.1 Ny insats" in outline(plan_view)
    plan_view.tree.setFocus()
    window.act_undo.trigger()          # Redigera ▸ Ångra in the outline: the intervention goes
    assert "7.1 Ny insats" not in outline(plan_view)
    window.act_undo.trigger()
    assert not any("Läsförståelse" in t for t in outline(plan_view))
    window.act_redo.trigger()
    assert "7 Läsförståelse" in outline(plan_view)
    assert [a.title for a in stored(data_paths, plan_view.engagement_id).areas][-1] == \
        "Läsförståelse"


def test_move_areas_with_the_keyboard_and_undo(plan_view):
    plan_view.tree.setCurrentItem(plan_view._find("area", plan_view.plan.areas[1].id))
    plan_view.tree.setFocus()
    QTest.keyClick(plan_view.tree, Qt.Key_Up, Qt.AltModifier)
    assert outline(plan_view)[1] == "2 Elevhälsoarbete"
    assert plan_view.current() == ("area", plan_view.plan.areas[0].id)
    plan_view.stack.undo()
    assert outline(plan_view)[1] == "2 IT"


def test_delete_intervention_asks_and_undo_brings_it_back_with_costs(plan_view, data_paths):
    first = plan_view.plan.areas[0].interventions[0]
    plan_view.tree.setCurrentItem(plan_view._find("intervention", first.id))
    seen = []
    answer_next_dialog("Ta bort", seen)
    plan_view.buttons["delete"].click()
    assert "2 kostnadsposter" in seen[0] and "ångra med Ctrl+Z" in seen[0]
    assert stored(data_paths, plan_view.engagement_id).intervention(first.id) is None
    plan_view.stack.undo()
    back = stored(data_paths, plan_view.engagement_id).intervention(first.id)
    assert back == first and len(back.costs) == 2


def test_costs_are_edited_and_the_total_is_computed(plan_view, window, data_paths):
    first = plan_view.plan.areas[0].interventions[0]
    plan_view.tree.setCurrentItem(plan_view._find("intervention", first.id))
    page = plan_view.intervention_page
    assert "1\u00a0620\u00a0tkr" in page.total.text()
    model = page.costs.model
    amount = [c.name for c in model.columns].index("amount_kr")
    assert not model.setData(model.index(0, amount), "-5")
    assert "negativt" in page.costs.error.text()
    assert model.setData(model.index(0, amount), "1 000 000")
    assert "1\u00a0300\u00a0tkr" in page.total.text()
    window.ctx.autosaver.flush()
    assert stored(data_paths, plan_view.engagement_id).intervention(first.id).costs[0].amount_kr \
        == 1_000_000
    plan_view.tree.setCurrentItem(plan_view._find("totals", ""))
    assert plan_view.pages.currentWidget() is plan_view.totals


def test_a_gap_leads_to_its_field(plan_view, window):
    first = plan_view.plan.areas[0].interventions[0]
    plan_view.tree.setCurrentItem(plan_view._find("intervention", first.id))
    goals = plan_view.intervention_page.form.widgets["goals_short"]
    goals.selectAll()
    goals.clear()
    plan_view.intervention_page.form.widgets["goals_long"].clear()
    window.ctx.autosaver.flush()
    plan_view.tree.setCurrentItem(plan_view.check_item)
    gaps = plan_view.check.gaps
    row = next(r for r in range(gaps.count()) if "saknar mål" in gaps.item(r).text())
    plan_view.check._activated(gaps.item(row))
    assert plan_view.current() == ("intervention", first.id)
    assert goals.hasFocus()


def test_bring_in_candidates_keeps_their_links(plan_view, data_paths):
    store = plan_view.ctx.store
    _, causes = add_problem(store, plan_view.engagement_id, "Låga resultat", ["Sen hjälp"])
    candidate = Candidate(engagement_id=plan_view.engagement_id,
                          title="Kollegialt lärande i matematik", description="Matematiklyftet",
                          cause_ids=causes, factors=["kollegialt_larande"])
    store.candidates.save(candidate)
    candidate = candidate.id

    def choose():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, choose)
            return
        dialog.list.item(0).setCheckState(Qt.Checked)
        dialog.ok.click()
    QTimer.singleShot(0, choose)
    plan_view.buttons["candidates"].click()
    added = [i for a in stored(data_paths, plan_view.engagement_id).areas for i in a.interventions
             if i.candidate_id == candidate]
    assert len(added) == 1
    assert added[0].cause_ids == causes and added[0].factors == ["kollegialt_larande"]
    assert plan_view.current() == ("intervention", added[0].id)


def test_export_freezes_a_version_and_later_changes_are_listed(plan_view, window, qtbot, tmp_path):
    answer_next_dialog("Exportera ändå")  # the röd tråd is advice, not a lock
    dialog = plan_view.make_export_dialog()
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=20_000)
    assert dialog.save_to(tmp_path / "plan.pdf")
    dialog.done(0)
    versions = window.ctx.store.plan_versions.list(plan_view.engagement_id)
    assert [v.number for v in versions] == [1] and versions[0].file_name == "plan.pdf"
    assert versions[0].document.total_kr == 6_450_000

    plan_view.tree.setCurrentItem(plan_view._find("area", plan_view.plan.areas[0].id))
    description = plan_view.area_page.form.widgets["description"]
    description.selectAll()
    type_text(description, "Ny beskrivning av IT-området")
    plan_view.tree.setCurrentItem(plan_view._find("versions", ""))
    changes = [plan_view.versions.changes.item(r).text()
               for r in range(plan_view.versions.changes.count())]
    assert any("IT › Beskrivning" in c and "Ny beskrivning" in c for c in changes)


def test_background_drafted_from_the_analysis(plan_view, window):
    add_problem(plan_view.ctx.store, plan_view.engagement_id, "Låga resultat i matematik",
                ["Ingen uppföljning under läsåret"])
    plan_view.tree.setCurrentItem(plan_view._find("texts", ""))
    plan_view.texts.draft_background()
    field = plan_view.texts.form.widgets["background"]
    assert "1. Låga resultat i matematik" in field.toPlainText()
    assert "Ingen uppföljning under läsåret" in field.toPlainText()
    field.undo()
    assert field.toPlainText() == "Vi har utgått ifrån vår genomförda nulägesanalys."


def test_an_earlier_version_opens_as_sent_without_a_new_version(plan_view, window, qtbot, tmp_path):
    from dialogteam_app.store.plan_snapshot import build_plan_document
    from dialogteam_app.ui.plan.export import split_recipient, version_pdf_dialog
    store = window.ctx.store
    version = store.plan_versions.freeze(
        plan_view.engagement_id, build_plan_document(store, plan_view.engagement_id),
        "Anna Sundström <anna@timra.se>", "v1.pdf")
    assert split_recipient(version.recipient) == ("Anna Sundström", "anna@timra.se")
    dialog = version_pdf_dialog(plan_view, version)
    qtbot.waitUntil(lambda: dialog.is_ready, timeout=20_000)
    assert dialog.save_to(tmp_path / "gammal.pdf")
    dialog.done(0)
    assert [v.number for v in store.plan_versions.list(plan_view.engagement_id)] == [1]


def test_a_problem_gap_opens_the_problem_in_the_analysis(plan_view, window):
    problem, _ = add_problem(plan_view.ctx.store, plan_view.engagement_id, "Svag studiero")
    area = plan_view.plan.areas[0]
    area.problem_ids = [problem]
    plan_view.ctx.store.plans.save_area(area)
    plan_view.reload(select=("check", ""))
    gaps = plan_view.check.gaps
    row = next(r for r in range(gaps.count()) if "Svag studiero" in gaps.item(r).text())
    plan_view.check._activated(gaps.item(row))
    view = window.engagement_view
    assert view.tabs.currentWidget() is view.analysis
    assert view.analysis.tabs.currentWidget() is view.analysis.problems
    assert view.analysis.problems.tree.current_ref() == ("problem", problem)


def test_ctrl_p_prints_the_selected_plan(plan_view, window, qtbot, monkeypatch):
    from PySide6.QtGui import QKeySequence

    from dialogteam_app.ui.common import printing
    from dialogteam_app.ui.plan.print_action import print_current_plan
    assert window.act_print.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    asked = []
    monkeypatch.setattr(printing.QPrintDialog, "exec", lambda self: asked.append(
        self.printer().docName()) or printing.QPrintDialog.DialogCode.Rejected)
    dialog = print_current_plan(window)
    try:
        qtbot.waitUntil(lambda: bool(asked), timeout=15_000)
    finally:
        dialog.reject()
    assert asked == ["Åtgärdsplan – Timrå kommun, version 1"]
    engagement_id = window.current_engagement_id()
    assert window.ctx.store.plan_versions.list(engagement_id) == []  # printing is no export
