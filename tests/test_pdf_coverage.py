"""Emoji, Arabic and Hebrew cannot be shown by the PDF: the export says which, in
Swedish, instead of leaving boxes nobody notices before the plan is sent."""

from dataclasses import replace

from helpers.plan_documents import timra_document

from dialogteam_app.cli import main
from dialogteam_app.export.pdf.coverage import coverage_warning, unsupported_characters
from dialogteam_app.sample_data import load_sample
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store


def test_a_swedish_plan_has_nothing_to_warn_about():
    assert coverage_warning(timra_document()) == ""


def test_emoji_arabic_and_hebrew_are_named():
    doc = replace(timra_document(), background="Elevernas röst 😀, مرحبا och שלום. Ελλάδα.")
    missing = unsupported_characters(doc)
    assert "😀" in missing and "م" in missing and "ש" in missing
    assert "Ε" not in missing and "ö" not in missing
    warning = coverage_warning(doc)
    assert "U+1F600" in warning and "Word" in warning


def test_the_command_line_export_warns(data_paths, tmp_path, capsys):
    with Database(data_paths.database) as db:
        store = Store(db)
        engagement = load_sample(store)
        plan = store.plans.load(engagement.id)
        plan.background = "Eleverna sa: 👍 bra!"
        store.plans.save_texts(plan)
    assert main(["export", engagement.id[:8], "--pdf", str(tmp_path / "plan.pdf"),
                 "--data-dir", str(data_paths.root)]) == 0
    err = capsys.readouterr().err
    assert "👍" in err and "U+1F44D" in err
