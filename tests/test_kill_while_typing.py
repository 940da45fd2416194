"""A killed program loses nothing typed more than about a second before.

A real process types into the real window; the test kills it with SIGKILL
and reopens the database it was writing.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dialogteam_app.domain.meetings import Meeting
from dialogteam_app.sample_data import load_sample
from dialogteam_app.store.connection import integrity_problems
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store

TYPIST = Path(__file__).parent / "helpers" / "typist.py"
SAFE_AFTER_S = 1.0  # the promise: what was typed this long before the kill is stored

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


@pytest.fixture
def meeting_id(data_paths):
    with Database(data_paths.database) as db:
        store = Store(db)
        engagement = load_sample(store)
        m = Meeting(engagement_id=engagement.id, date="2026-11-23")
        store.meetings.save(m)
    return m.id


def start_typist(data_paths, meeting_id, notes, draft, ms_per_key):
    proc = subprocess.Popen(
        [sys.executable, str(TYPIST), str(data_paths.root), meeting_id, str(notes), draft,
         str(ms_per_key)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.stdout.readline().strip() == "READY"
    return proc


def reopen(data_paths):
    db = Database(data_paths.database)
    assert integrity_problems(db.conn) == []
    assert db.query("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')") == []
    return Store(db)


def kill(proc):
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return time.monotonic()


def test_kill_after_a_pause_keeps_every_note_and_the_unfinished_line(data_paths, meeting_id):
    proc = start_typist(data_paths, meeting_id, notes=5, draft="Påbörjad men inte inskickad",
                        ms_per_key=2)
    for line in proc.stdout:
        if line.startswith("DRAFT"):
            break
    time.sleep(SAFE_AFTER_S + 0.3)
    kill(proc)
    store = reopen(data_paths)
    bodies = [n.body for n in store.notes.list(meeting_id)]
    assert bodies == [f"Anteckning nummer {i} från mötet, med å ä ö och ”citat” – klart."
                      for i in range(5)]
    assert store.notes.draft(meeting_id)[0] == "Påbörjad men inte inskickad"
    store.close()


def test_kill_in_the_middle_of_typing_loses_nothing_older_than_a_second(data_paths, meeting_id):
    proc = start_typist(data_paths, meeting_id, notes=400, draft="", ms_per_key=3)
    entered: list[tuple[int, float]] = []
    deadline = time.monotonic() + 3.0
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith("ENTERED"):
            _, n, at = line.split()
            entered.append((int(n), float(at)))
    killed_at = kill(proc)
    must_have = [n for n, at in entered if killed_at - at >= SAFE_AFTER_S]
    assert len(must_have) >= 3, "the typist was too slow to test anything"
    store = reopen(data_paths)
    stored = {n.body for n in store.notes.list(meeting_id)}
    for n in must_have:
        assert f"Anteckning nummer {n - 1} från mötet, med å ä ö och ”citat” – klart." in stored
    store.close()
