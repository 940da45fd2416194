"""The calendar file parsed back with icalendar, the team CSV read as Excel would, the
command line, the exchange of every follow-up table and the upgrade of old files."""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import date, datetime

import icalendar
import pytest
from helpers.exchange_helpers import dump, laptop, send
from pypdf import PdfReader

from dialogteam_app.cli import main
from dialogteam_app.domain.follow_up import InterventionStatus, PaymentReceipt, StatusEntry
from dialogteam_app.domain.follow_up_overview import CalendarEvent
from dialogteam_app.exchange.schema_graph import SchemaGraph
from dialogteam_app.export.follow_up.calendar_ics import calendar_text, write_calendar
from dialogteam_app.export.follow_up.team_csv import write_team_csv
from dialogteam_app.sample_data import load_sample
from dialogteam_app.sample_data.follow_up import SECOND_ORGANISER_NAME, _id
from dialogteam_app.store.connection import connect
from dialogteam_app.store.database import Database
from dialogteam_app.store.follow_up import TABLES
from dialogteam_app.store.follow_up_overview import calendar_events
from dialogteam_app.store.migrations import all_migrations
from dialogteam_app.store.store import Store


def _events(path):
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_calendar_parsed_back_has_every_date_and_stable_uids(store, tmp_path):
    load_sample(store)
    first = tmp_path / "a.ics"
    count = write_calendar(calendar_events(store.db), first)
    events = _events(first)
    assert len(events) == count
    sjovik = store.follow_up.snapshot(_id("engagement"))
    for r in sjovik.agreement.reports:
        e = events[f"redovisning-{r.id}@dialogteam"]
        assert e.decoded("DTSTART") == date.fromisoformat(r.due_date)   # an all-day date
        assert SECOND_ORGANISER_NAME in str(e["SUMMARY"])
    for p in sjovik.agreement.payments:
        assert events[f"utbetalning-{p.id}@dialogteam"].decoded("DTSTART") == \
            date.fromisoformat(p.due_date)
    meeting = store.meetings.get(_id("meeting-1"))
    e = events[f"mote-{meeting.id}@dialogteam"]
    assert e.decoded("DTSTART") == datetime(2026, 6, 2, 9, 0)
    assert e.decoded("DTEND") == datetime(2026, 6, 2, 11, 0)
    assert str(e["LOCATION"]) == "Sjöviks stadshus"

    # A change and a new export: the same UIDs, the new date.
    store.meetings.save(meeting.__class__(**{**meeting.__dict__, "date": "2026-06-09"}))
    second = tmp_path / "b.ics"
    write_calendar(calendar_events(store.db), second)
    again = _events(second)
    assert again.keys() == events.keys()
    assert again[f"mote-{meeting.id}@dialogteam"].decoded("DTSTART").date() == date(2026, 6, 9)


def test_calendar_lines_are_folded_crlf_and_escaped():
    long = "Möte; om läsning, skrivning och " + "å" * 80
    text = calendar_text([CalendarEvent("x@dialogteam", "2027-01-02", long, "Rad 1\nRad 2")],
                         now=datetime(2027, 1, 1))
    lines = text.split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert "\n" not in text.replace("\r\n", "")
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == long
    assert str(event["DESCRIPTION"]) == "Rad 1\nRad 2"


def test_team_csv_opens_in_swedish_excel(store, tmp_path):
    load_sample(store)
    path = tmp_path / "team.csv"
    write_team_csv(store.follow_up_overview.team(), path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")                    # UTF-8 BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    head, *body = rows
    assert head[:4] == ["Huvudman", "Samverkan", "Dnr", "Fas"]
    sjovik = dict(zip(head, next(r for r in body if r[0] == SECOND_ORGANISER_NAME), strict=True))
    assert sjovik["Fas"] == "Genomförande"
    assert sjovik["Insatser"] == "3" and sjovik["Insatser pågår"] == "3"
    assert sjovik["Beviljat 2026 (kr)"] == "520000"
    assert sjovik["Utbetalt 2026 (kr)"] == "600000"
    assert sjovik["Använt 2025 (kr)"] == "193000"
    assert sjovik["Insatser med formativ bedömning"] == "1"
    assert all(len(r) == len(head) for r in body)


def test_cli_report_calendar_and_team_csv(data_paths, tmp_path, capsys):
    with Database(data_paths.database) as db:
        load_sample(Store(db))
    root = str(data_paths.root)
    eid = _id("engagement")[:8]
    pdf = tmp_path / "del1.pdf"
    assert main(["--data-dir", root, "export", eid, "--report", "1", "--pdf", str(pdf)]) == 0
    assert "Delredovisning 1 (granskad, beslut fattat) sparades" in capsys.readouterr().out
    assert "Delredovisning 1" in PdfReader(pdf).pages[0].extract_text()
    assert main(["--data-dir", root, "export", eid, "--report", "9", "--pdf", str(pdf)]) == 2
    assert "Välj en av: 1 = Delredovisning 2026-06-30" in capsys.readouterr().err
    assert main(["--data-dir", root, "export", eid, "--report", "1", "--package",
                 str(tmp_path / "p.zip")]) == 2
    assert "använd den med --pdf" in capsys.readouterr().err
    ics = tmp_path / "alla.ics"
    assert main(["--data-dir", root, "export", "--calendar", str(ics)]) == 0
    assert len(_events(ics)) >= 9
    assert main(["--data-dir", root, "export", eid, "--calendar", str(ics)]) == 2
    assert "ange inget id" in capsys.readouterr().err
    team = tmp_path / "team.csv"
    assert main(["--data-dir", root, "export", "--team-csv", str(team)]) == 0
    assert "2 samverkan" in capsys.readouterr().out
    norrvik = capsys  # the sample samverkan in dialogfas has no ÖK 2 to report on
    from dialogteam_app.sample_data import sample_id
    assert main(["--data-dir", root, "export", sample_id("engagement")[:8], "--report", "1",
                 "--pdf", str(pdf)]) == 1
    assert "ingen undertecknad ÖK 2" in norrvik.readouterr().err


def test_every_follow_up_table_travels_and_merges(tmp_path):
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    graph = SchemaGraph.read(anna.db.conn)
    assert all(graph.is_exchanged(t) for t in TABLES)
    load_sample(anna)
    report = send(anna, bo, tmp_path, _id("engagement"))
    assert not report.new_conflicts
    assert dump(anna, TABLES) == dump(bo, TABLES)
    assert all(dump(bo, TABLES).values())        # every table has rows
    # Anna sets a status, Bo marks a payment: both arrive on both sides.
    tid = _id("t-elevhalsa")
    anna.follow_up.save_status(StatusEntry(tid, InterventionStatus.ONGOING, "2026-08-20"))
    bo.follow_up.save_receipt(PaymentReceipt(_id("pay-4"), "2026-11-02", 175_000))
    send(anna, bo, tmp_path, _id("engagement"))
    assert not send(bo, anna, tmp_path, _id("engagement")).new_conflicts
    assert dump(anna, TABLES) == dump(bo, TABLES)
    assert anna.follow_up.snapshot(_id("engagement")).insats(tid).status is \
        InterventionStatus.ONGOING


@pytest.mark.parametrize("start", [6, 7, 8])
def test_a_file_with_agreements_from_before_follow_up_upgrades(data_paths, start):
    conn = connect(data_paths.database)
    from dialogteam_app.store.migrations import migrate
    migrate(conn, None, all_migrations()[:start])
    conn.close()
    with Database(data_paths.database, backup_dir=data_paths.backups) as db:
        store = Store(db)
        load_sample(store)
        assert store.follow_up.snapshot(_id("engagement")).insatser
    with sqlite3.connect(data_paths.database) as raw:
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(TABLES) <= names


def test_a_payment_and_a_report_recorded_on_both_laptops_merge_instead_of_clashing(tmp_path):
    """One receipt per payment and one work per report: the same id on every laptop."""
    from dialogteam_app.domain.follow_up_reports import ReportStatus, ReportWork
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    load_sample(anna)
    send(anna, bo, tmp_path, _id("engagement"))
    anna.follow_up.save_receipt(PaymentReceipt(_id("pay-4"), "2026-11-02", 175_000))
    bo.follow_up.save_receipt(PaymentReceipt(_id("pay-4"), "2026-11-03", 175_000))
    for store, text in ((anna, "Annas utkast"), (bo, "Bos utkast")):
        store.follow_up.save_report_work(_id("engagement"), ReportWork(
            _id("report-1"), ReportStatus.DRAFT, summary=text))
    report = send(anna, bo, tmp_path, _id("engagement"))
    # The paid date and the text: a conflict each, chosen in the window.
    assert sorted(c.table for c in report.new_conflicts) == ["follow_up_payments",
                                                             "follow_up_reports"]
    assert [r["paid_date"] for r in bo.db.query(
        "SELECT paid_date FROM follow_up_payments WHERE payment_id = ?", (_id("pay-4"),))] == \
        ["2026-11-03"]                         # Bo's stays until he chooses
