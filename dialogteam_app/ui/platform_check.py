"""Before Qt starts on Linux: is the xcb platform plugin's libxcb-cursor there?

Without it Qt aborts with an English message about "xcb-cursor0". Checked before the
QApplication exists, with ctypes only: a Wayland session falls back to Qt's wayland
plugin, otherwise the user is told in Swedish which package to install.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping

MISSING_XCB_CURSOR = (
    "Dialogteam kan inte öppna sitt fönster: systembiblioteket libxcb-cursor saknas.\n"
    "Installera paketet libxcb-cursor0 och starta sedan programmet igen:\n"
    "  Debian/Ubuntu: sudo apt install libxcb-cursor0\n"
    "  Fedora: sudo dnf install xcb-util-cursor\n"
    "  openSUSE: sudo zypper install libxcb-cursor0"
)


def _loadable(name: str) -> bool:
    import ctypes  # only when the xcb plugin is about to be used: 3 ms off other starts
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def would_use_xcb(env: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Qt's choice on Linux: QT_QPA_PLATFORM if set, else wayland in a Wayland session,
    else xcb."""
    if not platform.startswith("linux"):
        return False
    asked = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if asked:
        return asked == "xcb"
    wayland = env.get("XDG_SESSION_TYPE") == "wayland" and bool(env.get("WAYLAND_DISPLAY"))
    return not wayland


def check_platform(env: dict[str, str], platform: str = sys.platform,
                   loadable: Callable[[str], bool] = _loadable) -> str | None:
    """None when Qt can start (perhaps after choosing wayland in `env`), else the
    Swedish message to show."""
    if not would_use_xcb(env, platform) or loadable("libxcb-cursor.so.0"):
        return None
    if env.get("WAYLAND_DISPLAY") and not env.get("QT_QPA_PLATFORM"):
        env["QT_QPA_PLATFORM"] = "wayland"
        return None
    return MISSING_XCB_CURSOR
