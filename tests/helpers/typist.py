"""A person typing notes in a meeting, run as a separate process so a test can
kill it with SIGKILL at any moment. Prints what it has entered, with times.

usage: typist.py DATA_DIR MEETING_ID NOTES DRAFT_TEXT MS_PER_KEY
After NOTES notes it types DRAFT_TEXT without Enter and keeps the window open.
"""

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# tests/, so that helpers.* imports as it does under pytest
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from PySide6.QtCore import QTimer  # noqa: E402

from dialogteam_app.paths import DataPaths  # noqa: E402
from dialogteam_app.ui.app import make_application, open_main_window  # noqa: E402
from helpers.qt_helpers import type_text  # noqa: E402


def main() -> None:
    data_dir, meeting_id, count, draft, ms = sys.argv[1:6]
    app = make_application()
    window = open_main_window(DataPaths(__import__("pathlib").Path(data_dir)))
    window.show()
    window.open_meeting(meeting_id)
    edit = window.meeting_view.capture.edit
    script = [f"Anteckning nummer {i} från mötet, med å ä ö och ”citat” – klart.\n"
              for i in range(int(count))]
    keys = iter("".join(script) + draft)
    entered = 0

    def next_key():
        nonlocal entered
        ch = next(keys, None)
        if ch is None:
            print(f"DRAFT {time.monotonic():.3f}", flush=True)
            return
        type_text(edit, ch)
        if ch == "\n":
            entered += 1
            print(f"ENTERED {entered} {time.monotonic():.3f}", flush=True)
        QTimer.singleShot(int(ms), next_key)

    QTimer.singleShot(0, next_key)
    print("READY", flush=True)
    app.exec()


main()
