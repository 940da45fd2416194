"""PyInstaller's own hook for PySide6.QtGui, minus the Qt plugins a desktop window never loads.

Hooks in the spec's hookspath take precedence over PyInstaller's, so this one replaces it.
Dropping the plugins here, before PyInstaller follows their link-time dependencies, also
leaves out what only they need: Qt Quick and QML for the virtual keyboard, and part of a
GTK 3 stack for the gtk3 theme (which would then mix with the system's own GTK libraries;
Qt uses the xdg-desktop-portal theme instead).
"""

from fnmatch import fnmatch
from pathlib import Path

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED_PLUGINS = (
    "*qtvirtualkeyboardplugin*",  # on-screen keyboard, built on Qt Quick
    "*qgtk3*",                    # GTK 3 platform theme
    # Embedded and kiosk platforms (framebuffer, EGL without a window system, VNC).
    "*qeglfs*", "*qminimalegl*", "*qlinuxfb*", "*qvnc*", "*qvkkhrdisplay*",
)

hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [
    (src, dest) for src, dest in binaries
    if Path(dest).name != "egldeviceintegrations"
    and not any(fnmatch(Path(src).name, pattern) for pattern in UNUSED_PLUGINS)
]
