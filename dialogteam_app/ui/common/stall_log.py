"""A development switch that reports every time the GUI thread is busy too long.

    DIALOGTEAM_STALL_LOG=50 dialogteam      # log every stall over 50 ms to stderr

A heartbeat timer ticks on the GUI thread; a watchdog thread notices when a tick is
late, and while it is late samples what the GUI thread is doing: the last event Qt
delivered (type and receiver) and the Python call stack, whose innermost frame of
our own code is named as the cause. The heartbeat and the event filter cost a few
microseconds per event, so the switch is off unless the variable is set.
"""

from __future__ import annotations

import collections
import os
import sys
import threading
import time
from dataclasses import dataclass, field
from types import FrameType

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

ENV_VAR = "DIALOGTEAM_STALL_LOG"
HEARTBEAT_MS = 5
_PACKAGE = os.sep + "dialogteam_app" + os.sep


@dataclass
class Stall:
    ms: float
    event: str                 # e.g. "Timer -> QTimer", "MouseButtonPress -> Navigator"
    cause: str                 # innermost own frame seen most often: "ui/x.py:120 load"
    stack: list[str] = field(default_factory=list)  # own frames, outermost first

    def __str__(self) -> str:
        return f"stall {self.ms:.0f} ms: {self.event}; {self.cause}"


_LIBRARIES = tuple({sys.prefix, sys.base_prefix})


def _own_frames(frame: FrameType | None) -> list[str]:
    """The stack's frames of our code (and of a script or test driving it), outermost
    first; Python's library and installed packages left out."""
    frames = []
    while frame is not None:
        path = frame.f_code.co_filename
        at = path.rfind(_PACKAGE)
        if path == __file__:  # the log's own event filter is not a cause
            pass
        elif at >= 0:  # ours, wherever installed
            frames.append(f"{path[at + len(_PACKAGE):]}:{frame.f_lineno} {frame.f_code.co_name}")
        elif not (path.startswith(_LIBRARIES) or "site-packages" in path or path[:1] == "<"):
            frames.append(f"{os.path.basename(path)}:{frame.f_lineno} {frame.f_code.co_name}")
        frame = frame.f_back
    return frames[::-1]


class StallLog(QObject):
    """Install on the running QApplication; `stalls` keeps what was seen."""

    def __init__(self, threshold_ms: float, *, echo: bool = True):
        app = QCoreApplication.instance()
        assert app is not None, "a QApplication first"
        super().__init__(app)
        self.threshold_ms = threshold_ms
        self.echo = echo
        self.stalls: list[Stall] = []
        self._beat = time.perf_counter()
        self._last_event = ""
        self._samples: list[tuple[str, list[str]]] = []
        self._gui_thread = threading.get_ident()
        self._stop = threading.Event()
        self._heartbeat = QTimer(self, interval=HEARTBEAT_MS, timeout=self._tick)
        self._heartbeat.start()
        app.installEventFilter(self)
        self._watchdog = threading.Thread(target=self._watch, name="stall-watchdog", daemon=True)
        self._watchdog.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if obj is not self._heartbeat:
            try:
                kind = event.type().name
            except ValueError:  # a user event type Qt has no name for
                kind = str(int(event.type()))
            self._last_event = f"{kind} -> {type(obj).__name__}"
            name = obj.objectName()
            if name:
                self._last_event += f" '{name}'"
        return False

    def _tick(self) -> None:
        now = time.perf_counter()
        late_ms = (now - self._beat) * 1000 - HEARTBEAT_MS
        samples, self._samples = self._samples, []
        self._beat = now
        if late_ms >= self.threshold_ms:
            self._record(late_ms, samples)

    def _record(self, ms: float, samples: list[tuple[str, list[str]]]) -> None:
        events = collections.Counter(e for e, _ in samples)
        causes = collections.Counter(s[-1] for _, s in samples if s)
        cause = causes.most_common(1)[0][0] if causes else "in Qt (no Python frame)"
        stall = Stall(ms=ms,
                      event=events.most_common(1)[0][0] if events else self._last_event,
                      cause=cause,
                      stack=next((s for _, s in samples if s and s[-1] == cause), []))
        self.stalls.append(stall)
        if self.echo:
            print(f"[Dialogteam] {stall}" + "".join(f"\n    {f}" for f in stall.stack),
                  file=sys.stderr, flush=True)

    def _watch(self) -> None:
        """Samples the GUI thread's stack every few ms while its heartbeat is overdue."""
        interval = max(HEARTBEAT_MS, self.threshold_ms / 4) / 1000
        while not self._stop.wait(interval):
            if (time.perf_counter() - self._beat) * 1000 > self.threshold_ms / 2:
                frame = sys._current_frames().get(self._gui_thread)
                self._samples.append((self._last_event, _own_frames(frame)))
                # Not kept until the next sample: a frame that has returned meanwhile
                # would keep its locals alive (a QPainter past its paint event).
                del frame

    def stop(self) -> None:
        self._stop.set()
        self._heartbeat.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def summary(self) -> str:
        if not self.stalls:
            return f"no stall over {self.threshold_ms:.0f} ms"
        worst = max(self.stalls, key=lambda s: s.ms)
        return (f"{len(self.stalls)} stall(s) over {self.threshold_ms:.0f} ms, "
                f"worst {worst.ms:.0f} ms: {worst.event}; {worst.cause}")


def install_from_environment() -> StallLog | None:
    """The switch: DIALOGTEAM_STALL_LOG=<ms> turns the log on for this run."""
    value = os.environ.get(ENV_VAR, "").strip()
    if not value:
        return None
    try:
        threshold = float(value)
    except ValueError:
        print(f"{ENV_VAR}={value!r}: ange en tröskel i millisekunder, till exempel 50",
              file=sys.stderr)
        return None
    return StallLog(threshold)
