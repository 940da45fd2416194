"""Start Dialogteam's window as the program does and print when it is usable: first
painted, the last selection restored, and the event loop idle again (input accepted).

    python benchmarks/usable_probe.py DATA_DIR [--exit-at-usable]

Works on any version of the program with `open_main_window` (so a benchmark can
measure the code before and after a change the same way). Prints `painted <ms>`
and `usable <ms>` from the start of the process's Python code, `faults <n>` (pages
touched for the first time until usable); when a meeting was restored, also
`visible <ms>`: its newest note laid out at the bottom of the list
(the event loop may be free before the notes are on screen).
"""

import importlib
import os
import resource
import sys
import time

STARTED = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

# What the program does before it imports the window, in its order: each step where the
# version measured has it (the probe measures older versions too).
START_STEPS = (("bytecode_cache", "keep_bytecode"), ("dataclass_code", "keep_dataclass_code"),
               ("gc_pause", "pause_for_start"), ("pyside_code", "import_pyside_keeping_code"))
for module, step in START_STEPS:
    try:
        getattr(importlib.import_module(f"dialogteam_app.{module}"), step)()
    except (ImportError, AttributeError):
        pass

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer  # noqa: E402

from dialogteam_app.paths import DataPaths  # noqa: E402
from dialogteam_app.ui.app import make_application, open_main_window  # noqa: E402


def ms() -> float:
    return (time.perf_counter() - STARTED) * 1000


class Probe(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False
        self.done = False

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            print(f"painted {ms():.1f}", flush=True)
            QTimer.singleShot(0, self.check)
        return False

    def check(self) -> None:
        """Polled from the event loop: usable once the selection is back and the loop
        has nothing left queued from the start."""
        if self.done:
            return
        if window.navigator.current() is None:
            QTimer.singleShot(1, self.check)
            return
        self.done = True
        QTimer.singleShot(0, self.usable)

    def usable(self) -> None:
        faults = resource.getrusage(resource.RUSAGE_SELF).ru_minflt  # pages touched so far
        print(f"usable {ms():.1f}\nfaults {faults}", flush=True)
        if "--exit-at-usable" in sys.argv:  # nothing after usable counted (instruction counts)
            os._exit(0)
        self.visible()

    def visible(self) -> None:
        """Polled each turn until the restored meeting's newest note is on screen."""
        pages = getattr(window, "_pages", {})
        if "meeting" not in pages or window.stack.currentWidget() is not pages["meeting"]:
            app.quit()
            return
        notes = pages["meeting"].notes
        if not notes.indexAt(QPoint(5, notes.viewport().height() - 5)).isValid():
            QTimer.singleShot(0, self.visible)
            return
        print(f"visible {ms():.1f}", flush=True)
        app.quit()


app = make_application()
window = open_main_window(DataPaths(Path(sys.argv[1])))
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
window.close()
window.ctx.store.close()
