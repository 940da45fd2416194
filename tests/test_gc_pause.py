"""The cycle collector's pauses (gc_pause.py): while the window starts, around PDF exports."""

import gc
import threading

import pytest
from helpers.plan_documents import timra_document

from dialogteam_app import gc_pause
from dialogteam_app.export import render_plan_pdf
from dialogteam_app.gc_pause import collector_paused


def test_an_export_pauses_the_collector_and_resumes_it(tmp_path):
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # the plan's story inside its layout
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    render_plan_pdf(timra_document(), tmp_path / "plan.pdf")
    assert gc.isenabled()


def test_an_export_leaves_next_to_nothing_to_the_collector(tmp_path):
    """What the written document held is freed by reference counting when the export
    ends, not left in cycles for the collector's next pass (a plan's thousands of
    objects; the agreement's export ends the same way)."""
    doc = timra_document()
    render_plan_pdf(doc, tmp_path / "first.pdf")  # what the first export sets up stays
    gc.collect()
    gc.disable()
    try:
        render_plan_pdf(doc, tmp_path / "plan.pdf")
        assert gc.collect() < 200
    finally:
        gc.enable()


def test_a_failing_export_resumes_the_collector(tmp_path):
    with pytest.raises(OSError):
        render_plan_pdf(timra_document(), tmp_path / "missing" / "plan.pdf")
    assert gc.isenabled()


def test_parallel_exports_share_one_pause():
    inside, leave = threading.Event(), threading.Event()

    def other_export():
        with collector_paused():
            inside.set()
            leave.wait(5)

    thread = threading.Thread(target=other_export)
    with collector_paused():
        thread.start()
        inside.wait(5)
    assert not gc.isenabled()  # the other export is still running
    leave.set()
    thread.join()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_start_pause_ends_frozen_when_the_window_is_usable(monkeypatch):
    monkeypatch.setattr(gc_pause, "_paused", False)
    gc_pause.start_done()  # a window in a process that never paused (the tests): nothing
    assert gc.isenabled() and not gc_pause._paused
    frozen = gc.get_freeze_count()
    try:
        gc_pause.pause_for_start()
        assert not gc.isenabled()
        gc_pause.start_done()
        assert gc.isenabled()
        assert gc.get_freeze_count() > frozen  # the start's objects left out of later passes
        gc_pause.start_done()  # once only
        assert gc.isenabled()
    finally:
        gc.unfreeze()
        gc.enable()
