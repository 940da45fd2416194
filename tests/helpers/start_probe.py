"""Run in a fresh process: start the window on DATA_DIR as the program does and, once
it is usable, print (as JSON) which of our and the standard library's modules are
imported and which PySide classes have been wrapped. PySide builds a class's Python
type and enums at its first use, so a class in that list was used on the way.

    python tests/helpers/start_probe.py DATA_DIR
"""

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dialogteam_app.gc_pause import pause_for_start  # noqa: E402

pause_for_start()

from pathlib import Path  # noqa: E402

from PySide6 import QtWidgets  # noqa: E402

from dialogteam_app.paths import DataPaths  # noqa: E402
from dialogteam_app.ui.app import make_application, open_main_window  # noqa: E402


def report() -> None:
    modules = sorted(sys.modules)
    wrapped = sorted(k for k, v in vars(QtWidgets).items() if type(v).__name__ == "ObjectType")
    import json  # after the list is taken: the program does without it until later
    print(json.dumps({"modules": modules, "wrapped": wrapped}), flush=True)
    os._exit(0)


app = make_application()
window = open_main_window(DataPaths(Path(sys.argv[1])))
window.usable.connect(report)
window.show()
app.exec()
