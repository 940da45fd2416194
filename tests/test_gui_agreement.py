"""The agreement editor driven as a user would: the Överenskommelser tab of a
samverkan, bad input answered at its field, the payment-plan warning, export."""

import pytest
from helpers.money_agreement import enter_hagsta
from helpers.qt_helpers import answer_next_dialog, type_text
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from stockholm_agreement import enter_stockholm

from dialogteam_app.domain.agreement_kinds import AgreementKind
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store
from dialogteam_app.ui.window.navigator import ENGAGEMENT


def open_agreements(window, engagement_id):
    window.navigator.reload(select=(ENGAGEMENT, engagement_id))
    view = window.engagement_view
    view.tabs.setCurrentWidget(view.agreements)
    return view.agreements


@pytest.fixture
def hagsta(window):
    with window.ctx.store.db.bulk():
        engagement_id, agreement_id = enter_hagsta(window.ctx.store)
    view = open_agreements(window, engagement_id)
    return view, agreement_id


def stored(data_paths, agreement_id):
    with Database(data_paths.database) as db:
        return Store(db).agreements.get(agreement_id)


def column(table, name):
    return [c.name for c in table.model.columns].index(name)


def test_a_samverkan_without_agreements_says_how_to_start(window):
    from dialogteam_app.domain.engagement import Engagement
    from dialogteam_app.domain.organisations import Organiser
    store = window.ctx.store
    organiser = Organiser(name="Tomma kommun")
    store.organisers.save(organiser)
    engagement = Engagement(organiser_id=organiser.id)
    store.engagements.save(engagement)
    view = open_agreements(window, engagement.id)
    assert view.right.currentWidget() is view.empty
    assert not view.export_button.isEnabled()
    view.add(AgreementKind.OK2)
    assert view.right.currentWidget() is view.tabs
    assert view.list.count() == 1 and view.state.agreement.kind is AgreementKind.OK2


def test_header_fields_are_checked_at_the_field_and_saved(hagsta, window, data_paths):
    view, agreement_id = hagsta
    form = view.header.form
    dnr = form.widgets["dnr"]
    dnr.selectAll()
    type_text(dnr, "2020:1500")
    period_end = form.widgets["period_end"]
    period_end.selectAll()
    type_text(period_end, "2020-13-01")
    assert form.errors["period_end"].text() == "Periodens slut: 2020-13-01 är inget giltigt datum."
    QTest.keyClick(period_end, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo in field
    assert period_end.text() == "2022-12-31" and not form.errors["period_end"].text()
    window.ctx.autosaver.flush()
    assert stored(data_paths, agreement_id).dnr == "2020:1500"
    assert view.header.header.title.text() == "ÖK 2 (dnr 2020:1500)"
    assert view.list.currentItem().text() == "ÖK 2\nUtkast"


def test_signed_before_the_beslut_is_refused_at_the_field(hagsta):
    view, _ = hagsta
    view.tabs.setCurrentWidget(view.signatures)
    table = view.signatures.table
    model = table.model
    assert not model.setData(model.index(0, column(table, "date")), "2020-12-01")
    assert table.error.text() == ("Karin Ek kan inte skriva under 2020-12-01, före Skolverkets "
                                  "beslut 2020-12-10.")


def test_bad_amounts_are_refused_with_a_swedish_message(hagsta):
    view, _ = hagsta
    view.tabs.setCurrentWidget(view.terms)
    funding = view.terms.editor.funding
    model = funding.model
    amount = model.index(0, column(funding, "amount_kr"))
    assert not model.setData(amount, "-5 000")
    assert funding.error.text() == "Beloppet kan inte vara negativt."
    assert not model.setData(amount, "femtio tusen")
    assert funding.error.text() == "Beloppet ska vara ett heltal i kronor, till exempel 100 000."
    assert model.setData(amount, "55 000 kr")
    assert "55\u00a0000\u00a0kr" in view.terms.editor.funding_text.text()


def test_a_report_due_before_the_period_is_refused(hagsta):
    view, _ = hagsta
    view.tabs.setCurrentWidget(view.reports)
    table = view.reports.reports
    assert not table.model.setData(table.model.index(0, column(table, "due_date")), "2020-11-30")
    assert "före överenskommelsens period börjar (2021-01-01)" in table.error.text()


def test_a_payment_plan_that_does_not_add_up_is_saved_with_a_warning(hagsta, window,
                                                                    data_paths):
    view, agreement_id = hagsta
    view.list.setFocus()   # Alt+3 acts in the agreement editor: Pengar
    QTest.keyClick(view.list, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert view.tabs.currentWidget() is view.money
    page = view.money
    assert page.warning.isHidden()
    assert "250\u00a0000\u00a0kr i 8 utbetalningar" in page.sum.text()
    table = page.payments
    assert table.model.setData(table.model.index(1, column(table, "amount_kr")), "40 000")
    assert page.warning.text() == ("Utbetalningsplanen summerar till 258\u00a0750\u00a0kr men "
                                   "beviljat belopp är 250\u00a0000\u00a0kr (8\u00a0750\u00a0kr "
                                   "för mycket).")
    window.ctx.autosaver.flush()
    assert stored(data_paths, agreement_id).payments[1].amount_kr == 40_000   # kept, not refused
    answer_next_dialog("Ta bort")   # "Ersätt utbetalningsplanen?"
    page.draft.click()
    assert page.warning.isHidden()


def test_a_bad_orgnr_in_the_rekvisition_is_shown_at_its_field(hagsta, window, data_paths):
    view, agreement_id = hagsta
    view.tabs.setCurrentWidget(view.money)
    orgnr = view.money.rekvisition.widgets["orgnr"]
    orgnr.selectAll()
    type_text(orgnr, "212000-2412")
    assert "kontrollsiffran är fel" in view.money.rekvisition.errors["orgnr"].text()
    window.ctx.autosaver.flush()
    assert stored(data_paths, agreement_id).rekvisition.orgnr == "212000-2411"


def test_insatser_come_from_the_plan(window):
    with window.ctx.store.db.bulk():
        engagement_id, ok2_id = enter_stockholm(window.ctx.store)
    view = open_agreements(window, engagement_id)
    view.reload(select=ok2_id)
    view.tabs.setCurrentWidget(view.terms)
    page = view.terms
    assert page.list.count() == 2
    answer_next_dialog("OK")
    page.add_from_plan()      # both are in already: says so, adds nothing
    assert page.list.count() == 2
    page.add_blank()
    assert page.list.count() == 3 and page.list.currentItem().text() == "Ny insats"
    roles = page.editor.form.widgets["role_duties"]
    type_text(roles, "Rektor ska planera")
    assert page.editor.form.errors["role_duties"].text().startswith(
        "Rad 1: skriv som '<roll> ansvarar för …'")


def test_a_tillagg_changes_the_agreement_as_it_stands(window, data_paths):
    with window.ctx.store.db.bulk():
        engagement_id, ok2_id = enter_stockholm(window.ctx.store)
    view = open_agreements(window, engagement_id)
    view.reload(select=ok2_id)
    view.add(AgreementKind.AMENDMENT)
    amendment = view.state.agreement
    assert amendment.amends_id == ok2_id
    view.tabs.setCurrentWidget(view.changes)
    table = view.changes.table
    table.add()
    model = table.model
    assert model.setData(model.index(0, column(table, "value")), "2022-12-31")
    assert not model.setData(model.index(0, column(table, "value")), "31 dec")
    window.ctx.autosaver.flush()
    assert "2022-12-31" not in view.changes.summary.toPlainText()  # unsigned: not yet in force
    view.tabs.setCurrentWidget(view.header)
    form = view.header.form
    type_text(form.widgets["signed_date"], "2021-03-01")
    form.widgets["status"].setCurrentIndex(2)   # undertecknat
    window.ctx.autosaver.flush()
    view.reload(select=ok2_id)
    view.tabs.setCurrentWidget(view.changes)
    summary = view.changes.summary.toPlainText()
    assert "Period: 2020-05-15 – 2022-12-31" in summary
    assert "Tillägg 2021-03-01" in summary


def test_reporting_dates_are_among_the_samverkans_dates(window, qtbot):
    with window.ctx.store.db.bulk():
        engagement_id, ok2_id = enter_stockholm(window.ctx.store)
    window.navigator.reload(select=(ENGAGEMENT, engagement_id))
    view = window.engagement_view
    view.tabs.setCurrentWidget(view.overview)
    dates = view.overview.agreement_dates
    qtbot.waitUntil(lambda: dates.count() > 1)  # read in a turn of their own
    texts = [dates.item(i).text() for i in range(dates.count())]
    assert "2021-04-15  Delredovisning (ÖK 2)" in texts
    assert "2022-08-31  Slutredovisning (ÖK 2)" in texts
    item = next(dates.item(i) for i in range(dates.count()) if "Slutredovisning" in texts[i])
    dates.itemActivated.emit(item)
    assert view.tabs.currentWidget() is view.agreements
    assert view.agreements.state.agreement.id == ok2_id


def test_pages_editing_the_same_row_keep_each_others_edits(hagsta, window, data_paths):
    view, agreement_id = hagsta
    view.tabs.setCurrentWidget(view.money)
    reference = view.money.rekvisition.widgets["reference"]
    reference.selectAll()
    type_text(reference, "Ref 42")
    window.ctx.autosaver.flush()
    view.tabs.setCurrentWidget(view.header)
    dnr = view.header.form.widgets["dnr"]
    dnr.selectAll()
    type_text(dnr, "2020:1501")
    window.ctx.autosaver.flush()
    saved = stored(data_paths, agreement_id)
    assert (saved.dnr, saved.rekvisition.reference) == ("2020:1501", "Ref 42")


def test_skolverkets_party_data_is_edited_once_for_every_agreement(hagsta, window):
    from dialogteam_app.ui.agreement.party_dialog import SkolverketDialog
    view, _ = hagsta
    dialog = SkolverketDialog(window.ctx, view)
    bankgiro = dialog.form.widgets["repayment_bankgiro"]
    bankgiro.selectAll()
    type_text(bankgiro, "5050-1056")
    assert dialog.form.errors["repayment_bankgiro"].text() == \
        "Bankgironumret 5050-1056 stämmer inte: kontrollsiffran är fel."
    bankgiro.selectAll()
    type_text(bankgiro, "5820-1237")
    dialog.accept()   # closing saves what is pending
    assert window.ctx.store.agreements.skolverket().repayment_bankgiro == "5820-1237"
    view.tabs.setCurrentWidget(view.money)
    assert "Skolverkets bankgiro 5820-1237" in view.money.reference.text()


def test_delete_in_the_list_removes_the_agreement_after_asking(hagsta, window):
    view, agreement_id = hagsta
    view.list.setFocus()
    seen = []
    answer_next_dialog("Ta bort", seen)
    QTest.keyClick(view.list, Qt.Key.Key_Delete)
    assert "Ta bort ÖK 2?" in seen[0] and "utbetalningar" in seen[0]
    assert window.ctx.store.agreements.get(agreement_id) is None
    assert view.right.currentWidget() is view.empty
