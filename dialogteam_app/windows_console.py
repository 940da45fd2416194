"""The windowed Windows build has no console. Kept apart from diagnostics.py because it
runs before the arguments are parsed, so `--version` pays for no more than this."""

from __future__ import annotations

import io
import sys
from typing import Any


def attach_windows_console(platform_name: str = sys.platform,
                           frozen: bool = bool(getattr(sys, "frozen", False)),
                           kernel32: Any = None) -> bool:
    """The windowed Windows build has no console: when started from one (cmd, PowerShell),
    attach to it so `--version`, `--help` and the subcommands print there. Elsewhere,
    or when not started from a console, nothing happens. True when attached."""
    if platform_name != "win32" or not frozen:
        return False
    if kernel32 is None:
        import ctypes
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    attach_parent_process = -1
    if not kernel32.AttachConsole(attach_parent_process):
        _show_output_in_a_message_box()   # double-clicked, or started from a shortcut
        return False
    sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    sys.stderr = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115
    return True


_output_for_a_message_box: list[bool] = []


def window_shows_errors() -> None:
    """The window has started: from now on it shows errors itself, in dialogs."""
    _output_for_a_message_box.clear()


def _show_output_in_a_message_box() -> None:
    """Without a console sys.stdout is None: keep what would be printed (the version,
    a command's error) and show it in a Windows message box when the program ends,
    unless the window started and showed its errors itself."""
    import atexit
    buffer = io.StringIO()
    sys.stdout = sys.stderr = buffer
    _output_for_a_message_box.append(True)

    def show() -> None:
        text = buffer.getvalue().strip()
        if text and _output_for_a_message_box:
            import ctypes
            ctypes.windll.user32.MessageBoxW(None, text[:4000], "Dialogteam", 0)  # type: ignore[attr-defined]
    atexit.register(show)
