from collections import Counter

from dialogteam_app.domain.record_names import TABLE_NAMES, counted, value_label
from dialogteam_app.store.database import Database


def test_counted_reads_as_swedish():
    assert counted(Counter({"notes": 2, "meetings": 1})) == "2 anteckningar och 1 möte"
    assert counted(Counter({"plan_costs": 1})) == "1 kostnadspost"
    assert counted(Counter()) == ""


def test_coded_values_are_shown_with_their_labels():
    assert value_label("meetings", "kind", "skolbesok") == "Skolbesök"
    assert value_label("notes", "speaker_role", "rektor") == "Rektor"
    assert value_label("note_tags", "tag", "belagg") == "belägg"
    assert value_label("plan_costs", "funder", "huvudman") == "Huvudmannen"
    assert value_label("meetings", "kind", "okänt") == "okänt"
    assert value_label("notes", "body", "fri text") == "fri text"


def test_every_table_has_a_swedish_name(data_paths):
    with Database(data_paths.database) as db:
        tables = {r[0] for r in db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'notes_fts%'")}
    local = {"settings", "note_drafts", "exchange_versions", "deleted_records",
             "exchange_conflicts"}
    assert tables - local <= set(TABLE_NAMES)
