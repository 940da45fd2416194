"""The garbage collector's pause around PDF exports (export/pdf/collector.py)."""

import gc
import threading

import pytest
from helpers.plan_documents import timra_document

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
