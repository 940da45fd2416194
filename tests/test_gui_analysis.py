"""The Nulägesanalys tab driven as a processtödjare would, over the sample data
in a real window with its writer thread."""

import pytest
from helpers.analysis_world import dangling_links, dump
from helpers.qt_helpers import answer_next_dialog, type_text
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from dialogteam_app.domain.analysis import Measure, ProblemLevel
from dialogteam_app.domain.traceability import Gap, GapKind
from dialogteam_app.sample_data import sample_id
from dialogteam_app.sample_data.analysis import key_figure_id
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store
from dialogteam_app.ui.analysis.analysis_tree import CAUSE, PROBLEM
from dialogteam_app.ui.analysis.evidence_picker import EvidencePicker
from dialogteam_app.ui.analysis.key_figure_dialog import KeyFigureDialog
from dialogteam_app.ui.common.theme import colours


def on_next_dialog(kind, act, tries=100):
    """Do act(dialog) with the next modal dialog of this class once it is open
    (looking for it for about two seconds)."""
    def run(left=tries):
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            if left:
                QTimer.singleShot(20, lambda: run(left - 1))
            return
        try:
            act(dialog)
        finally:  # a failed check must not leave the test waiting on an open dialog
            if dialog.isVisible():
                dialog.reject()
    QTimer.singleShot(0, run)


@pytest.fixture
def analysis(window):
    window.open_sample()
    view = window.engagement_view
    view.tabs.setCurrentWidget(view.analysis)
    return view.analysis


def stored(data_paths):
    return Store(Database(data_paths.database))


def saved(window):
    window.ctx.autosaver.flush()


# -- Nulägesbeskrivning ------------------------------------------------------------------------------
def test_key_figures_show_the_difference_coloured_and_in_a_chart(analysis):
    page = analysis.current_state
    assert page.unit.currentText() == "Björkdalsskolan 7-9"
    model = page.key_figures.model
    merit = next(r for r, k in enumerate(model.records()) if k.measure is Measure.MERIT_9)
    assert model.index(merit, 3).data() == "197,3"
    difference = model.index(merit, 5)
    assert difference.data() == "−31,8 sämre"                     # in words, not colour alone
    assert difference.data(Qt.ForegroundRole).name() == colours().error
    background = next(r for r, k in enumerate(model.records()) if k.measure.is_context)
    assert model.index(background, 5).data().endswith("bakgrundsfaktor")
    assert model.index(background, 5).data(Qt.ForegroundRole).name() == colours().muted
    assert "Bakgrundsfaktor" in [text for _colour, text in page.chart.legend()]
    assert [k.year for k in page.chart.rows() if k.measure is Measure.MERIT_9] == ["2025"]
    page.unit.setCurrentIndex(1)
    assert {k.school_unit_id for k in model.records()} == {sample_id("unit-alviken")}
    assert {k.school_unit_id for k in page.chart.rows()} == {sample_id("unit-alviken")}


def test_a_value_typed_with_a_decimal_comma_is_saved_and_a_bad_one_refused(window, analysis,
                                                                           data_paths):
    page = analysis.current_state
    model = page.key_figures.model
    row = next(r for r, k in enumerate(model.records()) if k.year == "2024")
    assert model.setData(model.index(row, 3), "205,1")
    assert page.chart.rows()[0].value == 197.3                # the chart shows the newest year
    assert not model.setData(model.index(row, 3), "ungefär 200")
    assert page.key_figures.error.text() == "Värdet: ”ungefär 200” är inget tal."
    assert not model.setData(model.index(row, 2), "2025")     # would duplicate 2025
    assert "redan" in page.key_figures.error.text()
    saved(window)
    k = stored(data_paths).current_state.get_key_figure(model.records()[row].id)
    assert (k.value, k.year) == (205.1, "2024")


def test_a_new_key_figure_through_its_dialog(window, analysis, data_paths):
    page = analysis.current_state
    before = page.key_figures.model.rowCount()

    def fill(dialog):
        dialog.measure.setCurrentIndex(list(Measure).index(Measure.ALL_SUBJECTS_9))
        dialog.year.setText("2024")
        dialog.value.setText("61,5 %")
        dialog.national.setText("74,2")
        dialog.accept()
    on_next_dialog(KeyFigureDialog, fill)
    page.key_figures.add_button.click()
    assert page.key_figures.model.rowCount() == before + 1
    saved(window)
    added = [k for k in stored(data_paths).current_state.key_figures(
        page.engagement.id, sample_id("unit-bjorkdal")) if k.year == "2024"
        and k.measure is Measure.ALL_SUBJECTS_9]
    assert [(k.value, k.national_value) for k in added] == [(61.5, 74.2)]


@pytest.mark.parametrize("table, record_id", [
    ("key_figures", key_figure_id("unit-alviken", Measure.NEWLY_ARRIVED, "", "2025")),
    ("findings", sample_id("finding-bjorkdal")),
    ("sources", sample_id("source-interviews")),
])
def test_deleting_what_is_evidence_is_refused_in_the_table(window, analysis, data_paths,
                                                           table, record_id):
    page = analysis.current_state
    if table == "key_figures":
        page.unit.setCurrentIndex(1)                                 # Alvikens skola
    rows = getattr(page, table)
    row = [r.id for r in rows.model.records()].index(record_id)
    rows.view.setCurrentIndex(rows.model.index(row, 0))
    before = dump(stored(data_paths))
    seen = []
    answer_next_dialog("OK", seen)
    rows.remove_selected()
    assert "används som belägg" in seen[0] and "Ingenting har tagits bort" in seen[0]
    assert rows.model.records()[row].id == record_id
    assert dump(stored(data_paths)) == before


def test_deleting_an_unused_source_asks_first(window, analysis, data_paths):
    page = analysis.current_state
    page.sources.add_button.click()
    new = page.sources.model.records()[-1]
    page.sources.view.setCurrentIndex(page.sources.model.index(len(page.sources.model.records()) - 1, 0))
    answer_next_dialog("Ta bort")
    page.sources.remove_selected()
    assert stored(data_paths).current_state.get_source(new.id) is None


GOOD_CSV = ("skolenhet;nyckeltal;år;värde;riket;källa\n"
            "81234567;Meritvärde åk 9;2022;215,0;226,8;SIRIS\n"
            "Björkdalsskolan 7-9;Meritvärde åk 9;2025;197,9;229,1;SIRIS\n")


def test_csv_import_of_a_good_file_and_of_a_broken_one(window, analysis, data_paths, tmp_path):
    from dialogteam_app.ui.analysis.csv_actions import import_file
    page = analysis.current_state
    engagement_id = page.engagement.id
    good = tmp_path / "nyckeltal.csv"
    good.write_bytes(b"\xef\xbb\xbf" + GOOD_CSV.encode())
    seen = []
    answer_next_dialog("OK", seen)
    assert import_file(page, window.ctx.store, engagement_id, good)
    assert "1 nya och 1 uppdaterade nyckeltal" in seen[0]
    merit = [k for k in stored(data_paths).current_state.key_figures(engagement_id)
             if k.measure is Measure.MERIT_9]
    assert [(k.year, k.value) for k in merit] == [("2025", 197.9), ("2024", 204.6),
                                                  ("2023", 211.2), ("2022", 215.0)]

    broken = tmp_path / "trasig.csv"
    broken.write_text(GOOD_CSV + "Björkdal;Meritvärde åk 9;2021;x\n", encoding="utf-8")
    before = dump(stored(data_paths))
    answer_next_dialog("OK", seen)
    assert not import_file(page, window.ctx.store, engagement_id, broken)
    assert "lästes inte in. Ingenting har ändrats." in seen[1]
    assert "Rad 4, skolenhet: Okänd skolenhet ”Björkdal”" in seen[1]
    assert "Rad 4, värde: ”x” är inget tal." in seen[1]
    assert dump(stored(data_paths)) == before


def test_export_template(window, analysis, tmp_path):
    from dialogteam_app.ui.analysis.csv_actions import export_template
    path = tmp_path / "mall.csv"
    answer_next_dialog("OK")
    export_template(analysis, window.ctx.store, analysis.current_state.engagement.id, path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfskolenhet;nyckeltal;")
    assert "Björkdalsskolan 7-9;Meritvärde åk 9;" in data.decode("utf-8-sig")


# -- Analys --------------------------------------------------------------------------------------------
def problem_titles(data_paths, engagement_id):
    return [p.title[:20] for p in stored(data_paths).analysis.problems(engagement_id)]


def test_problems_are_grouped_by_level_and_reordered_with_the_keyboard(window, analysis,
                                                                       data_paths):
    analysis.tabs.setCurrentWidget(analysis.problems)
    page = analysis.problems
    tree = page.tree
    assert [tree.topLevelItem(i).text(0) for i in range(3)] == [lv.label for lv in ProblemLevel]
    assert page.editors.currentWidget().widget() is not None   # first problem shown at once
    e = window.engagement_view.engagement_id
    assert problem_titles(data_paths, e) == ["Låga och sjunkande k", "Huvudmannen följer i",
                                             "Undervisningen på Al"]
    page.by_priority.setChecked(True)                          # one list, across levels
    assert tree.topLevelItemCount() == 3
    assert tree.topLevelItem(2).text(0).startswith("3. [Undervisning]")
    tree.select(PROBLEM, sample_id("problem-teaching"))
    tree.setFocus()
    QTest.keyClick(tree, Qt.Key_Up, Qt.AltModifier)
    assert problem_titles(data_paths, e)[1] == "Undervisningen på Al"
    assert tree.current_ref() == (PROBLEM, sample_id("problem-teaching"))
    QTest.keyClick(tree, Qt.Key_Up, Qt.AltModifier)
    QTest.keyClick(tree, Qt.Key_Up, Qt.AltModifier)            # already first: nothing happens
    assert problem_titles(data_paths, e)[0] == "Undervisningen på Al"


def test_causes_are_reordered(window, analysis, data_paths):
    analysis.tabs.setCurrentWidget(analysis.problems)
    page = analysis.problems
    page.tree.select(CAUSE, sample_id("cause-assessment"))
    page.down.click()                     # already last
    page.up.click()
    causes = stored(data_paths).analysis.causes(sample_id("problem-results"))
    assert [c.id for c in causes] == [sample_id("cause-planning"), sample_id("cause-assessment"),
                                      sample_id("cause-late-support")]


def test_new_problem_cause_and_evidence_by_keyboard_and_picker(window, analysis, data_paths):
    analysis.tabs.setCurrentWidget(analysis.problems)
    page = analysis.problems
    page.tree.select("level", ProblemLevel.TEACHING.value)
    page.add_problem.click()
    title = page.problem_editor.form.widgets["title"]
    assert title.hasFocus()
    type_text(title, "Studieron brister på lektionerna i åk 8")   # replaces the selected text
    saved(window)
    problem = stored(data_paths).analysis.problems(page.engagement_id)[-1]
    assert (problem.title, problem.level) == ("Studieron brister på lektionerna i åk 8",
                                              ProblemLevel.TEACHING)
    assert page.tree.item(PROBLEM, problem.id).text(0).startswith("4. Studieron brister")

    page.add_cause.click()
    type_text(page.cause_editor.form.widgets["text"], "Gemensamma rutiner för lektionsstart saknas")
    saved(window)
    cause = stored(data_paths).analysis.causes(problem.id)[0]
    assert cause.text == "Gemensamma rutiner för lektionsstart saknas"

    def pick_note(picker):
        type_text(picker.search, "studiero")
        QTest.keyClick(picker.search, Qt.Key_Return)      # to the first note that matches
        picker.accept()
    on_next_dialog(EvidencePicker, pick_note)
    page.add_evidence.click()
    evidence = stored(data_paths).analysis.evidence(cause.id)
    assert [e.note_id for e in evidence] == [sample_id("note-m2-12")]


def test_evidence_link_can_be_changed_to_a_text_of_its_own(window, analysis, data_paths):
    analysis.tabs.setCurrentWidget(analysis.problems)
    page = analysis.problems
    page.tree.select("evidence", sample_id("evidence-0"))

    def own_text(picker):
        picker.tabs.setCurrentIndex(4)
        type_text(picker.text, "Timperley (2011): kollegialt lärande kräver fokus på elevernas lärande.")
        picker.accept()
    on_next_dialog(EvidencePicker, own_text)
    page.evidence_editor.change.click()
    e = stored(data_paths).analysis.get_evidence(sample_id("evidence-0"))
    assert e.references == [] and e.text.startswith("Timperley (2011)")
    assert e.comment == "Arbetslagets egna anteckningar."   # the rest stays


def test_deleting_a_problem_says_what_goes_with_it(window, analysis, data_paths):
    analysis.tabs.setCurrentWidget(analysis.problems)
    page = analysis.problems
    page.tree.select(PROBLEM, sample_id("problem-results"))
    page.tree.setFocus()
    seen = []
    answer_next_dialog("Ta bort", seen)
    QTest.keyClick(page.tree, Qt.Key_Delete)
    assert "3 orsaker och 7 belägg" in seen[0]
    s = stored(data_paths)
    assert s.analysis.get_problem(sample_id("problem-results")) is None
    assert s.notes.get(sample_id("note-m2-4")) is not None      # the notes stay
    assert dangling_links(s) == []


# -- Insatser, Spårbarhet, Delaktighet ----------------------------------------------------------------
def test_linking_a_candidate_to_a_cause_closes_a_gap(window, analysis, data_paths):
    analysis.tabs.setCurrentWidget(analysis.traceability)
    trace = analysis.traceability
    assert [g.data(0, Qt.UserRole).kind for g in trace.gap_items()] == [
        GapKind.NOT_ADDRESSED, GapKind.NO_EVIDENCE]
    analysis.tabs.setCurrentWidget(analysis.candidates)
    page = analysis.candidates
    page.select(sample_id("candidate-math"))
    late = next(page.causes.topLevelItem(0).child(j) for j in range(3)
                if page.causes.topLevelItem(0).child(j).data(0, Qt.UserRole)
                == sample_id("cause-late-support"))
    late.setCheckState(0, Qt.Checked)
    page.factors["inkludering"].setChecked(True)
    saved(window)
    c = stored(data_paths).candidates.get(sample_id("candidate-math"))
    assert sample_id("cause-late-support") in c.cause_ids
    assert c.factors == ["kollegialt_larande", "inkludering", "formativ_bedomning"]
    analysis.tabs.setCurrentWidget(analysis.traceability)
    assert [g.data(0, Qt.UserRole).kind for g in trace.gap_items()] == [GapKind.NO_EVIDENCE]


def test_a_gap_leads_to_where_it_is_fixed(window, analysis, data_paths):
    store = window.ctx.store
    problem = store.analysis.get_problem(sample_id("problem-teaching"))
    problem.results_link = ""
    store.analysis.save_problem(problem)
    analysis.tabs.setCurrentWidget(analysis.traceability)
    trace = analysis.traceability
    gap = next(i for i in trace.gap_items()
               if i.data(0, Qt.UserRole).kind is GapKind.NO_RESULTS_LINK)
    trace.tree.setCurrentItem(gap)
    trace.tree.setFocus()
    QTest.keyClick(trace.tree, Qt.Key_Return)
    assert analysis.tabs.currentWidget() is analysis.problems
    assert analysis.problems.tree.current_ref() == (PROBLEM, sample_id("problem-teaching"))
    field = analysis.problems.problem_editor.form.widgets["results_link"]
    assert field.hasFocus()
    type_text(field, "61 % klarade alla delprov i svenska i åk 3")
    analysis.tabs.setCurrentWidget(analysis.traceability)
    assert GapKind.NO_RESULTS_LINK not in [i.data(0, Qt.UserRole).kind
                                           for i in trace.gap_items()]
    # a candidate's gap opens the Insatser tab
    analysis.go_to(Gap(GapKind.CANDIDATE_WITHOUT_FACTOR, sample_id("candidate-reading"), ""))
    assert analysis.tabs.currentWidget() is analysis.candidates
    assert analysis.candidates.current_id() == sample_id("candidate-reading")


def test_participation_is_autosaved(window, analysis, data_paths):
    analysis.tabs.setCurrentWidget(analysis.participation)
    students = analysis.participation.form.widgets["students"]
    students.setFocus()
    students.moveCursor(students.textCursor().MoveOperation.End)
    type_text(students, " Elevrådet läste utkastet.")
    saved(window)
    text = stored(data_paths).analysis.participation(window.engagement_view.engagement_id).students
    assert text.endswith("november 2026. Elevrådet läste utkastet.")


def test_an_empty_engagement_shows_what_to_do(window, analysis):
    window.act_new_engagement.trigger()
    view = window.engagement_view
    view.tabs.setCurrentWidget(view.analysis)
    for page in (analysis.participation, analysis.current_state, analysis.problems,
                 analysis.candidates, analysis.traceability):
        analysis.tabs.setCurrentWidget(page)
    assert analysis.current_state.unit.currentText() == "Huvudmannen som helhet"
    assert analysis.current_state.chart.rows() == []
    assert "Analysen är tom" in analysis.traceability.summary.text()
    analysis.tabs.setCurrentWidget(analysis.problems)
    assert "Nytt problem" in analysis.problems.empty_text.text()
    assert not analysis.problems.add_cause.isEnabled()


def test_the_note_behind_a_problem_opens_in_its_meeting(window, analysis):
    analysis.tabs.setCurrentWidget(analysis.problems)
    analysis.problems.tree.select(PROBLEM, sample_id("problem-results"))
    origin = analysis.problems.problem_editor.origin
    assert "Meritvärdet i åk 9 på Björkdalsskolan" in origin.text()
    origin.linkActivated.emit("open")
    assert window.stack.currentWidget() is window.meeting_view
    assert [n.id for n in window.meeting_view.notes.selected_notes()] == [sample_id("note-m1-2")]


def test_changing_a_problems_level_moves_it_to_that_group(window, analysis, data_paths, qtbot):
    analysis.tabs.setCurrentWidget(analysis.problems)
    page = analysis.problems
    page.tree.select(PROBLEM, sample_id("problem-teaching"))
    level = page.problem_editor.form.widgets["level"]
    level.setCurrentIndex(list(ProblemLevel).index(ProblemLevel.RESULTS))
    qtbot.waitUntil(lambda: page.tree.parent_ref(PROBLEM, sample_id("problem-teaching"))
                    == ("level", ProblemLevel.RESULTS.value), timeout=2000)
    assert page.tree.current_ref() == (PROBLEM, sample_id("problem-teaching"))
    saved(window)
    assert stored(data_paths).analysis.get_problem(sample_id("problem-teaching")).level \
        is ProblemLevel.RESULTS
