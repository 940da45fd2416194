"""Gallra personuppgifter… from the samverkan: the dialog says what goes and stays,
refuses while the samverkan runs, and gallrar after the last question."""

from datetime import date

from helpers.retention_helpers import end_engagement, personal_words, where_found
from PySide6.QtWidgets import QMessageBox
from test_gui_exchange import click, when_modal

from dialogteam_app.sample_data import sample_id
from dialogteam_app.ui.retention.retention_dialog import RetentionDialog, gallra_from_window


def test_the_dialog_refuses_while_the_samverkan_runs(window):
    window.open_sample()
    store = window.ctx.store
    engagement_id = sample_id("engagement")   # Norrvik (the sample has two)
    dialog = RetentionDialog(window, store, engagement_id, date(2026, 11, 30))
    assert not dialog.gallra_button.isEnabled()
    assert "har inte avslutats" in dialog.status.text()
    assert "Just nu: 31 anteckningar" in dialog.goes.text()
    dialog.close()


def test_gallra_from_the_samverkan(window, qtbot, tmp_path):
    window.open_sample()
    qtbot.wait(300)
    store = window.ctx.store
    engagement_id = sample_id("engagement")   # Norrvik (the sample has two)
    end_engagement(store, engagement_id)
    words = personal_words(store, engagement_id)
    checked = []

    def look(dialog: RetentionDialog):
        checked.append((dialog.gallra_button.isEnabled(), dialog.status.text()))
        dialog.period.setCurrentIndex(dialog.period.findData(36))   # not yet due
        checked.append((dialog.gallra_button.isEnabled(), dialog.status.text()))
        dialog.period.setCurrentIndex(dialog.period.findData(12))
        dialog.resize(620, dialog.sizeHint().height())
        dialog.grab().save(str(tmp_path / "retention-dialog.png"))
        dialog.accept()

    when_modal(RetentionDialog, look)
    when_modal(QMessageBox, click("OK"))
    assert gallra_from_window(window, engagement_id, confirm=lambda parent: True)
    assert checked[0][0] and "kan gallras nu" in checked[0][1]
    assert not checked[1][0] and "kan den gallras från 2028-06-30" in checked[1][1]
    store.flush()
    assert where_found(store, words) == []
    assert store.retention.records(engagement_id)[0].counts.notes == 31


def test_the_samverkan_pages_button_opens_the_dialog(window):
    from PySide6.QtWidgets import QPushButton
    window.open_sample()
    engagement_id = sample_id("engagement")
    window.navigator.select("engagement", engagement_id)
    button = next(b for b in window.engagement_view.overview.findChildren(QPushButton)
                  if b.text() == "Gallra personuppgifter…")
    opened = []

    def look(dialog: RetentionDialog):
        opened.append(dialog.engagement_id)
        dialog.reject()
    when_modal(RetentionDialog, look)
    button.click()
    assert opened == [engagement_id]
