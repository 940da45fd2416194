"""The main window driven as a user would: typing, clicking, confirming."""

from conftest import dispose
from helpers.qt_helpers import answer_next_dialog
from PySide6.QtCore import Qt

from dialogteam_app.domain.organisations import ContactPerson, Organiser
from dialogteam_app.sample_data import sample_id
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store
from dialogteam_app.ui.window.navigator import ENGAGEMENT, ORGANISER, TODO


def saved(window):
    """Wait for the autosave and the writer thread, as time would."""
    window.ctx.autosaver.flush()


def reopen(data_paths):
    return Store(Database(data_paths.database))


def test_empty_start_shows_welcome_with_sample_button(window):
    assert window.stack.currentWidget() is window.welcome
    assert window.welcome.sample_button.isVisible()
    assert "Välkommen" in window.welcome.title.text()
    # Its button has the focus, so the tree does not pick its first row (Att göra).
    assert window.focusWidget() is window.welcome.create_button
    assert window.navigator.current() is None


def test_sample_data_opens_a_filled_engagement(window):
    window.welcome.sample_button.click()
    assert window.stack.currentWidget() is window.engagement_view
    overview = window.engagement_view.overview
    assert overview.form.widgets["dnr"].text() == "2026:412"
    assert overview.units.count() == 3
    assert not window.act_sample.isEnabled()


def test_create_and_edit_organiser_autosaves(window, qtbot, data_paths):
    window.act_new_organiser.trigger()
    view = window.organiser_view
    assert window.stack.currentWidget() is view
    name = view.form.widgets["name"]
    assert name.hasFocus() or name.selectedText() == "Ny huvudman"
    name.clear()
    qtbot.keyClicks(name, "Ånge kommun")
    qtbot.keyClicks(view.form.widgets["org_number"], "2120002403")
    # Saved within about a second without anyone asking.
    qtbot.waitUntil(lambda: reopen(data_paths).organisers.list()[0].name == "Ånge kommun",
                    timeout=3000)
    qtbot.waitUntil(lambda: "Allt sparat" in window.save_status.text(), timeout=3000)
    assert window.navigator.item_for(ORGANISER, view.organiser_id).text() == "Ånge kommun"
    assert reopen(data_paths).organisers.list()[0].org_number == "212000-2403"


def test_invalid_orgnr_is_shown_and_not_saved(window, qtbot, data_paths):
    window.act_new_organiser.trigger()
    view = window.organiser_view
    field = view.form.widgets["org_number"]
    qtbot.keyClicks(field, "212000-0143")
    error = view.form.errors["org_number"]
    assert error.isVisible() and "kontrollsiffran" in error.text()
    assert "Ej sparat" in window.save_status.text()
    saved(window)
    assert reopen(data_paths).organisers.get(view.organiser_id).org_number == ""
    # Fixing it saves it, and the status line says so.
    field.clear()
    qtbot.keyClicks(field, "212000-0142")
    saved(window)
    assert not error.isVisible()
    assert reopen(data_paths).organisers.get(view.organiser_id).org_number == "212000-0142"
    qtbot.waitUntil(lambda: "Allt sparat" in window.save_status.text(), timeout=3000)


def test_undo_in_a_field_is_saved_too(window, qtbot, data_paths):
    window.act_new_organiser.trigger()
    name = window.organiser_view.form.widgets["name"]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Kramfors kommun")  # typed over the selected "Ny huvudman"
    saved(window)
    assert reopen(data_paths).organisers.list()[0].name == "Kramfors kommun"
    window.act_undo.trigger()
    saved(window)
    assert name.text() == "Ny huvudman"
    assert reopen(data_paths).organisers.list()[0].name == "Ny huvudman"


def test_table_edits_validate_and_save(window, qtbot, data_paths):
    window.act_new_organiser.trigger()
    view = window.organiser_view
    view.units.add_button.click()
    model = view.units.model
    col = {c.name: i for i, c in enumerate(model.columns)}
    assert not model.setData(model.index(0, col["student_count"]), "-5")
    assert "negativt" in view.units.error.text()
    assert not model.setData(model.index(0, col["unit_code"]), "123")
    assert "8 siffror" in view.units.error.text()
    assert model.setData(model.index(0, col["name"]), "Böle skola")
    assert model.setData(model.index(0, col["student_count"]), "1 200")
    saved(window)
    unit = reopen(data_paths).organisers.units(view.organiser_id)[0]
    assert (unit.name, unit.student_count, unit.unit_code) == ("Böle skola", 1200, "")


def test_primary_contact_is_exclusive_in_the_table(window, data_paths):
    s = window.ctx.store
    o = Organiser(name="Timrå kommun")
    s.organisers.save(o)
    for i, name in enumerate(["A", "B"]):
        s.organisers.save_contact(ContactPerson(organiser_id=o.id, name=name, position=i,
                                                primary=(i == 0)))
    window.navigator.reload(select=(ORGANISER, o.id))
    model = window.organiser_view.contacts.model
    col = [c.name for c in model.columns].index("primary")
    assert model.setData(model.index(1, col), Qt.Checked.value, Qt.CheckStateRole)
    assert model.data(model.index(0, col), Qt.CheckStateRole) == Qt.Unchecked
    saved(window)
    assert reopen(data_paths).organisers.primary_contact(o.id).name == "B"


def test_engagement_create_edit_and_delete(window, qtbot, data_paths):
    window.act_new_organiser.trigger()
    organiser_id = window.organiser_view.organiser_id
    window.act_new_engagement.trigger()
    overview = window.engagement_view.overview
    assert window.stack.currentWidget() is window.engagement_view
    qtbot.keyClicks(overview.form.widgets["dnr"], "2016:209")
    phase = overview.form.widgets["phase"]
    phase.setCurrentIndex(phase.findText("Dialogfas"))
    saved(window)
    e = reopen(data_paths).engagements.list(organiser_id)[0]
    assert (e.dnr, e.phase.label) == ("2016:209", "Dialogfas")
    assert window.navigator.item_for(ENGAGEMENT, e.id).text().endswith("(dnr 2016:209)")

    overview.dates.add_button.click()
    model = overview.dates.model
    assert not model.setData(model.index(0, 1), "2026-02-30")
    assert "inget giltigt datum" in overview.dates.error.text()

    answer_next_dialog("Avbryt")
    window.navigator.setFocus()
    window.act_delete.trigger()
    assert reopen(data_paths).engagements.get(e.id) is not None
    window.navigator.select(ENGAGEMENT, e.id)
    seen = []
    answer_next_dialog("Ta bort", seen)
    window.act_delete.trigger()
    assert "1 viktigt datum" in seen[0]
    assert reopen(data_paths).engagements.get(e.id) is None
    assert window.navigator.item_for(ENGAGEMENT, e.id) is None


def test_delete_organiser_asks_and_tells_what_goes_with_it(window, data_paths):
    window.welcome.sample_button.click()
    organiser_id = window.ctx.store.organisers.list()[0].id
    window.navigator.select(ORGANISER, organiser_id)
    seen = []
    answer_next_dialog("Ta bort", seen)
    window.act_delete.trigger()
    assert "3 skolenheter" in seen[0] and "1 samverkan" in seen[0]
    # The sample's second huvudman (in genomförande) stays.
    assert [o.name for o in reopen(data_paths).organisers.list()] == ["Sjöviks kommun"]
    assert window.stack.currentWidget() is window.welcome


def test_unit_checklist_saves_selection(window, data_paths):
    window.welcome.sample_button.click()
    units = window.engagement_view.overview.units
    third = units.item(2)
    third.setCheckState(Qt.Checked)
    saved(window)
    e = reopen(data_paths).engagements.get(sample_id("engagement"))
    assert third.data(Qt.UserRole) in e.school_unit_ids and len(e.school_unit_ids) == 3


def test_team_members_can_be_added(window, data_paths):
    window.navigator.select("team", "")
    assert window.stack.currentWidget() is window.team_view
    table = window.team_view.table
    table.add_button.click()
    assert table.model.setData(table.model.index(0, 0), "Kim Berg")
    assert not table.model.setData(table.model.index(0, 2), "inte-en-adress")
    saved(window)
    assert [s.name for s in reopen(data_paths).supporters.list()] == ["Kim Berg"]


def test_window_geometry_and_selection_are_remembered(qtbot, data_paths):
    from dialogteam_app.ui.app import make_application, open_main_window
    make_application()
    w = open_main_window(data_paths)
    w.show()
    w.open_sample()
    w.resize(720, 520)
    w.splitter.setSizes([200, 520])
    selected = w.navigator.current()
    dispose(w)

    # The sample has things due: the first start of the day shows "Att göra" ...
    again = open_main_window(data_paths)
    again.show()
    assert (again.width(), again.height()) == (720, 520)
    qtbot.waitUntil(lambda: again.navigator.current() == (TODO, ""), timeout=3000)
    assert again.stack.currentWidget() is again.todo_view
    dispose(again)

    # ... and later starts that day go back to the last selection.
    third = open_main_window(data_paths)
    third.show()
    qtbot.waitUntil(lambda: third.navigator.current() == selected, timeout=3000)
    assert third.stack.currentWidget() is third.engagement_view
    dispose(third)
