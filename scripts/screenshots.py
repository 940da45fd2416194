"""Screenshots for docs/skärmbilder/: the welcome page, a meeting while typing, the
analysis, the plan, the export dialog, the agreement editor (Norrvik's draft ÖK 2), an
insats under Genomförande (Sjövik) and Att göra, on a 1366×768 laptop, at 150 % on
1920×1080 and in dark mode. Each mode runs in its own process (screen size, scale and theme are
fixed when Qt starts). Usage: python scripts/screenshots.py [OUTPUT_FOLDER]
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MODES = {  # name: (screen width, height, scale, theme)
    "1366x768": (1366, 768, "1", "light"),
    "150-procent": (1920, 1080, "1.5", "light"),
    "mörkt": (1366, 768, "1", "dark"),
}


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "skärmbilder"
    out.mkdir(parents=True, exist_ok=True)
    for mode, (width, height, scale, theme) in MODES.items():
        screen = Path(tempfile.mkdtemp()) / "screen.json"
        screen.write_text(json.dumps({"screens": [{
            "name": "laptop", "x": 0, "y": 0, "width": width, "height": height,
            "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
               "QT_SCALE_FACTOR": scale, "DIALOGTEAM_THEME": theme,
               "PYTHONPATH": str(REPO)}
        subprocess.run([sys.executable, __file__, "--take", str(out), mode], env=env,
                       check=True, cwd=REPO)
    return 0


def take(out: Path, mode: str) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QImage

    from dialogteam_app.paths import DataPaths
    from dialogteam_app.sample_data import sample_id
    from dialogteam_app.ui.app import make_application, open_main_window
    from dialogteam_app.ui.follow_up.follow_up_view import INSATS
    from dialogteam_app.ui.plan.export import plan_export_dialog
    from dialogteam_app.ui.window.navigator import ENGAGEMENT, TODO

    def settle(ms: int = 150) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def save(widget, name: str) -> None:
        image = widget.grab().toImage()
        # 256 colours: a screenshot of a form loses nothing visible and a tenth of its size
        image = image.convertToFormat(QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
                                      | Qt.ImageConversionFlag.AvoidDither)
        image.save(str(out / f"{name}-{mode}.png"))

    root = Path(tempfile.mkdtemp()) / "data"
    root.mkdir()
    app = make_application()
    window = open_main_window(DataPaths(root))
    window.setGeometry(app.primaryScreen().availableGeometry())
    window.show()
    settle()
    save(window, "välkommen")

    window.open_sample()
    window.open_meeting(sample_id("meeting-m4"))
    edit = window.meeting_view.capture.edit
    window.meeting_view.capture.toggle_tag(2)
    edit.setPlainText("Rektorerna vill ha gemensamma analysmöten varje termin")
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    settle()
    save(window, "möte")

    engagement_id = window.current_engagement_id()
    window.navigator.select(ENGAGEMENT, engagement_id)
    view = window.engagement_view
    view.tabs.setCurrentWidget(view.analysis)
    settle()
    save(window, "analys")
    view.tabs.setCurrentWidget(view.plan)
    settle()
    save(window, "plan")

    dialog = plan_export_dialog(window, window.ctx.store, engagement_id, lambda _v: None)
    dialog.show()
    for _ in range(100):
        if dialog.is_ready:
            break
        settle(200)
    settle(300)
    save(dialog, "export")
    dialog.reject()

    view.tabs.setCurrentWidget(view.agreements)
    view.agreements.show_engagement(engagement_id, select=sample_id("agreement-ok2"))
    settle()
    save(window, "överenskommelse")

    window.navigator.select(ENGAGEMENT, sample_id("sjovik-engagement"))
    window.engagement_view.show_follow_up(INSATS)
    settle()
    save(window, "genomförande")

    window.navigator.select(TODO)
    settle()
    save(window, "att-göra")
    window.ctx.autosaver.flush()
    window.close()
    window.ctx.store.close()
    QCoreApplication.processEvents()


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[1] == "--take":
        take(Path(sys.argv[2]), sys.argv[3])
    else:
        sys.exit(main())
