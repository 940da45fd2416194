import os
import signal
import subprocess
import sys
import time

import pytest

from dialogteam_app.instance_lock import AlreadyRunningError, InstanceLock

HOLD = """
import sys, time
from pathlib import Path
from dialogteam_app.instance_lock import InstanceLock
lock = InstanceLock(Path(sys.argv[1])).acquire()
print("locked", flush=True)
time.sleep(60)
"""


@pytest.fixture
def holder(data_paths):
    """Another process holding the data folder's lock."""
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(data_paths.lock)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"
    yield proc
    proc.kill()
    proc.wait()


def test_second_instance_is_refused_with_a_clear_message(data_paths, holder):
    with pytest.raises(AlreadyRunningError) as info:
        InstanceLock(data_paths.lock).acquire()
    assert "redan igång" in str(info.value)
    assert str(holder.pid) in str(info.value)


def test_lock_is_free_again_after_the_holder_is_killed(data_paths, holder):
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    with InstanceLock(data_paths.lock):
        pass


def test_lock_is_released_on_exit(data_paths):
    with InstanceLock(data_paths.lock):
        with pytest.raises(AlreadyRunningError):
            InstanceLock(data_paths.lock).acquire()
    InstanceLock(data_paths.lock).acquire().release()


def test_second_gui_start_shows_the_message_and_leaves_the_data_alone(qtbot, data_paths, holder):
    from helpers.qt_helpers import answer_next_dialog

    from dialogteam_app.ui.app import run_gui
    seen = []
    answer_next_dialog("OK", seen)
    assert run_gui(data_paths) == 1
    assert "redan igång" in seen[0]
    assert not data_paths.database.exists()  # it never opened the database


def test_second_gui_process_exits_with_an_error(data_paths, holder):
    """The real command, as a user would start it a second time."""
    proc = subprocess.Popen([sys.executable, "-m", "dialogteam_app", "--data-dir", str(data_paths.root)],
                            stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    # The message box waits for a click; its text is on stderr before that.
    deadline = time.monotonic() + 30
    line = proc.stderr.readline()
    proc.kill()
    proc.wait()
    assert time.monotonic() < deadline
    assert "redan igång" in line
