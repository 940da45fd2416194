"""Colours for a light and a dark desktop, chosen from QStyleHints.colorScheme().

Every colour the window draws itself comes from here or from the palette, so both
themes keep WCAG AA contrast (4.5:1 for text) against the backgrounds they are used on;
tests/helpers/a11y.py measures it on every page.

The style sheet's rules are given only to the widgets they select: `themed(widget,
name)` for a page title, a hint or an error, and a list or text box at its first focus
(its border). Set on the application, the sheet sent every widget through Qt's
style-sheet engine, which doubled the cost of building a page; given out by a Python
proxy style as Qt polished each widget, it ran Python for every widget made (~15 ms of a
start). The scrolling pages' background is the palette's Base colour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette


@dataclass(frozen=True)
class Colours:
    """The colours of one theme (light or dark) that the palette has no role for."""
    text: str          # headings and text drawn by hand (charts)
    muted: str         # secondary text: hints, times, counts
    accent: str        # section headings, links, "i analysen"
    error: str
    warning: str
    ok: str
    page: str          # background of scrolling pages
    navigator: str     # background of the tree on the left
    selection: str     # selected navigator row (white text on it)
    border: str
    field_border: str  # around lists and text boxes: 3:1 against the page (WCAG 1.4.11)
    chip_text: str     # text on tag chips and search hits
    chips: dict[str, str]
    hit: str           # background of a matched word in search results
    chart_school: str
    chart_context: str
    chart_national: str
    chart_grid: str


LIGHT = Colours(
    text="#1d2b36", muted="#46525c", accent="#0b5c8a", error="#b00020", warning="#8a4500",
    ok="#1b6e20", page="#ffffff", navigator="#f4f6f8", selection="#0b5c8a",
    border="#b9c4cc", field_border="#7d8892", chip_text="#1d2b36",
    chips={"observation": "#e4eef6", "problem": "#fbe3e0", "orsak": "#fdf0d5",
           "belagg": "#e2f2e4", "ide": "#ece6f6", "citat": "#eeeeee", "fraga": "#e0f3f4",
           "elevrost": "#fde6f1", "": "#f1f1e6"},
    hit="#fff1a8", chart_school="#0b5c8a", chart_context="#8a5a00",
    chart_national="#7f8c96", chart_grid="#e3e8ec",
)

DARK = Colours(
    text="#e8eaed", muted="#aab4bc", accent="#8cc4ee", error="#ff8a80", warning="#ffc36b",
    ok="#8fd694", page="#1b1d20", navigator="#23262a", selection="#2a6592",
    border="#5b6670", field_border="#7f8a94", chip_text="#eef0f2",
    chips={"observation": "#233a4d", "problem": "#4d2622", "orsak": "#4a3a18",
           "belagg": "#1f3f25", "ide": "#372c4d", "citat": "#3b3b3b", "fraga": "#1b4043",
           "elevrost": "#4b2239", "": "#3a3a2e"},
    hit="#6b5a00", chart_school="#6fb3e6", chart_context="#e0a84a",
    chart_national="#6c7a85", chart_grid="#30353a",
)

_dark = False
_desktop_palette: QPalette | None = None
_desktop_font: QFont | None = None
_zoom = 1.0
ZOOM_STEPS = (0.8, 0.9, 1.0, 1.1, 1.25, 1.4, 1.6, 1.8, 2.0)


def zoom() -> float:
    return _zoom


def set_zoom(app, factor: float) -> None:
    """All text larger or smaller (Visa → Större/Mindre text): the application font and
    the stylesheet's heading sizes together."""
    global _zoom, _desktop_font
    if _desktop_font is None:
        _desktop_font = QFont(app.font())
    _zoom = max(ZOOM_STEPS[0], min(ZOOM_STEPS[-1], factor))
    font = QFont(_desktop_font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * _zoom)
    else:
        font.setPixelSize(round(font.pixelSize() * _zoom))
    app.setFont(font)
    _style_widgets(app)


def _px(size: int) -> str:
    return f"{round(size * _zoom)}px"


def is_dark() -> bool:
    return _dark


def colours() -> Colours:
    return DARK if _dark else LIGHT


def scheme_is_dark() -> bool:
    """What the desktop asks for; DIALOGTEAM_THEME=dark|light overrides (screenshots, tests)."""
    import os
    forced = os.environ.get("DIALOGTEAM_THEME", "").strip().lower()
    if forced in ("dark", "light"):
        return forced == "dark"
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    """Fusion's roles in dark colours, for desktops that report a dark scheme but hand
    Qt a light palette (and for the dark screenshots and tests)."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202326", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#1b1d20", QPalette.ColorRole.AlternateBase: "#24272b",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#2c3035",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#2a6592", QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2c3035", QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa5ae", QPalette.ColorRole.Link: "#8cc4ee",
        QPalette.ColorRole.LinkVisited: "#c3a6ee", QPalette.ColorRole.Light: "#3a3f45",
        QPalette.ColorRole.Midlight: "#33383d", QPalette.ColorRole.Mid: "#2a2e32",
        QPalette.ColorRole.Dark: "#15171a", QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#8a949c"))
    return p


def stylesheet() -> str:
    c = colours()
    return f"""
QLabel#pageTitle {{ font-size: {_px(20)}; font-weight: 600; color: {c.text}; }}
QLabel#pageSubtitle {{ color: {c.muted}; }}
QLabel#sectionTitle {{
    font-size: {_px(14)}; font-weight: 600; color: {c.accent};
    padding-top: 12px; border-bottom: 1px solid {c.border}; padding-bottom: 3px;
}}
QLabel#hint, QLabel#emptyHint {{ color: {c.muted}; }}
QLabel#emptyHint {{ font-style: italic; }}
QLabel#fieldError {{ color: {c.error}; }}
QLabel#welcomeTitle {{ font-size: {_px(24)}; font-weight: 600; color: {c.text}; }}
QLabel#welcomeText {{ font-size: {_px(13)}; color: {c.text}; }}
QTreeView#navigator {{ border: none; background: {c.navigator}; }}
QTreeView#navigator::item {{ padding: 3px 2px; }}
QTreeView#navigator::item:selected {{ background: {c.selection}; color: white; }}
QStatusBar QLabel#dataDir {{ color: {c.muted}; }}
QLabel#saveStatus[state="error"] {{ color: {c.error}; }}
QLabel#saveStatus[state="invalid"] {{ color: {c.warning}; }}
QLabel#saveStatus[state="busy"] {{ color: {c.muted}; }}
QLabel#saveStatus[state="ok"] {{ color: {c.ok}; }}
QAbstractItemView, QPlainTextEdit {{ border: 1px solid {c.field_border}; }}
QAbstractItemView:focus, QPlainTextEdit:focus {{ border: 2px solid {c.accent}; }}
QTreeView#navigator:focus {{ border: 2px solid {c.accent}; }}
"""


def apply_theme(app, dark: bool | None = None) -> None:
    """The palette and stylesheet for the desktop's scheme (or the one asked for)."""
    global _dark, _desktop_palette
    if _desktop_palette is None:
        _desktop_palette = QPalette(app.palette())
    _dark = scheme_is_dark() if dark is None else dark
    app.setPalette(dark_palette() if _dark else _desktop_palette)
    _set_class_palettes(app)
    # Qt posts the palette change to the widgets; the pages' backgrounds (palette, not
    # sheet) follow at once, as the labels' sheets do.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)
    _style_widgets(app)


# Fusion outlines check and radio boxes, line fields, combo and spin boxes, text boxes and
# item views (their frame and row checkboxes) in the Window colour darkened: on a dark Base the
# unticked box and the field's edge vanish, on a light one they are faint. These classes
# get a palette whose Window makes that outline the field border (3:1 against the page in
# both themes). A palette per class costs nothing per paint; the same fix as Python
# overrides of the style's draw functions cost ~10 ms of every start.
_OUTLINED = ("QCheckBox", "QRadioButton", "QLineEdit", "QComboBox", "QAbstractSpinBox",
             "QAbstractItemView", "QPlainTextEdit")
# Item views whose own background is drawn in Window: the exact class keeps the page's.
_NOT_OUTLINED = ("QHeaderView", "QComboBoxListView")


def _outline_palette(palette: QPalette) -> QPalette:
    """A palette whose Window colour makes Fusion draw outlines in the field border."""
    palette = QPalette(palette)
    # Fusion draws Window.darker(140).lighter(110); this undoes both
    palette.setColor(QPalette.ColorRole.Window,
                     QColor(colours().field_border).darker(110).lighter(140))
    return palette


def _set_class_palettes(app) -> None:
    page = app.palette()
    outlined = _outline_palette(page)
    for name in _OUTLINED:
        app.setPalette(outlined, name)
    for name in _NOT_OUTLINED:
        app.setPalette(page, name)


_THEMED = "themedByStyleSheet"   # a dynamic property on the widgets given rules of the sheet


class _Rules:
    """The sheet's rules by the object name or the class they select."""

    def __init__(self, sheet: str):
        self.by_name: dict[str, list[str]] = {}
        self.by_class: list[tuple[type, str]] = []
        for block, body in re.findall(r"([^{}]+)\{([^{}]*)\}", sheet):
            rule = f"{block.strip()} {{{body}}}"
            for selector in (part.strip() for part in block.split(",")):
                names = re.findall(r"#(\w+)", selector)
                if names:
                    self.by_name.setdefault(names[-1], []).append(rule)
                elif m := re.match(r"(Q\w+)", selector):
                    self.by_class.append((getattr(QtWidgets, m.group(1)), rule))
        self.classes = tuple(dict.fromkeys(cls for cls, _rule in self.by_class))

    def sheet_for(self, widget: QtWidgets.QWidget) -> str:
        found = self.by_name.get(widget.objectName(), []) + [
            rule for cls, rule in self.by_class if isinstance(widget, cls)]
        return "\n".join(dict.fromkeys(found))


_rules: _Rules | None = None


def _current_rules() -> _Rules:
    global _rules
    if _rules is None:
        _rules = _Rules(stylesheet())
    return _rules


def _give_rules(widget: QtWidgets.QWidget) -> None:
    sheet = _current_rules().sheet_for(widget)
    if sheet:
        widget.setProperty(_THEMED, True)
        widget.setStyleSheet(sheet)


def themed(widget: QtWidgets.QWidget, name: str) -> QtWidgets.QWidget:
    """Name `widget` for the rules of the sheet that select that name (a page title, a
    hint, an error) and give it those rules, and only those: set on the application the
    sheet sent every widget through Qt's style-sheet engine, which doubled the cost of
    building a page, and a style that gave them out as Qt polished each widget ran
    Python for every widget (~15 ms of a start)."""
    widget.setObjectName(name)
    _give_rules(widget)
    return widget


def show_property_change(widget: QtWidgets.QWidget) -> None:
    """After a dynamic property that rules select on changed (`[state="error"]`): the
    widget's sheet applied again. Not style().unpolish()/polish(): wrapping the style
    made PySide build its Python type (~4 ms, on the start's path for the save status)."""
    widget.setStyleSheet(widget.styleSheet())


def _focus_changed(_old: QtWidgets.QWidget | None, new: QtWidgets.QWidget | None) -> None:
    # A list's or text box's border (the field border, and 2 px in the accent colour
    # while it has focus) comes with its first focus: until then Fusion's own frame,
    # in the field border through the class palette, looks the same. A sheet on every
    # list while a page was built made building it slower.
    if new is not None and isinstance(new, _current_rules().classes) \
            and not new.property(_THEMED) and not new.styleSheet():  # a sheet of its own wins
        _give_rules(new)


def _style_widgets(app) -> None:
    """The current sheet's rules on the widgets that have some; a list or text box gets
    its rules at its first focus."""
    global _rules
    _rules = _Rules(stylesheet())
    if not getattr(app, "_theme_follows_focus", False):
        app._theme_follows_focus = True
        app.focusChanged.connect(_focus_changed)
    for widget in QtWidgets.QApplication.allWidgets():
        if widget.property(_THEMED):
            _give_rules(widget)
