"""Colours for a light and a dark desktop, chosen from QStyleHints.colorScheme().

Every colour the window draws itself comes from here or from the palette, so both
themes keep WCAG AA contrast (4.5:1 for text) against the backgrounds they are used on;
tests/helpers/a11y.py measures it on every page.

The style sheet is given only to the widgets its rules select (by object name, or by
class for the field borders), when Qt polishes them (ThemedWidgetStyle). Set on the
application, it sent every widget through Qt's style-sheet engine, which doubled the
cost of building a page. The scrolling pages' background is the palette's Base colour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette


@dataclass(frozen=True)
class Colours:
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
    # Qt posts the palette change to the widgets; the pages' backgrounds (palette, not
    # sheet) follow at once, as the labels' sheets do.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.ApplicationPaletteChange)
    _style_widgets(app)


_BOXES = (QtWidgets.QStyle.PrimitiveElement.PE_IndicatorCheckBox,
          QtWidgets.QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
          QtWidgets.QStyle.PrimitiveElement.PE_IndicatorRadioButton,
          # a line field's edge: Fusion's outline is 1.1:1 (dark) / 2:1 (light)
          QtWidgets.QStyle.PrimitiveElement.PE_FrameLineEdit)
_OUTLINED_CONTROLS = (QtWidgets.QStyle.ComplexControl.CC_ComboBox,
                      QtWidgets.QStyle.ComplexControl.CC_SpinBox)


def _outline_palette(palette: QPalette) -> QPalette:
    """A palette whose Window colour makes Fusion draw outlines in the field border."""
    palette = QPalette(palette)
    # Fusion draws Window.darker(140).lighter(110); this undoes both
    palette.setColor(QPalette.ColorRole.Window,
                     QColor(colours().field_border).darker(110).lighter(140))
    return palette


_THEMED = "themedByStyleSheet"   # a dynamic property on the widgets given the sheet
_PAGE = "page"                   # its background is the palette's Base, not a sheet


class ThemedWidgetStyle(QtWidgets.QProxyStyle):
    """The platform's style; a widget that a rule of the sheet selects gets the sheet
    as its own when Qt polishes it (unless it has one, or an ancestor has it)."""

    def __init__(self, base_style_name: str):
        super().__init__(QtWidgets.QStyleFactory.create(base_style_name))
        self.set_sheet(stylesheet())

    def set_sheet(self, sheet: str) -> None:
        self.sheet = sheet
        selectors = [part.strip() for block in re.findall(r"([^{}]+)\{", sheet)
                     for part in block.split(",")]
        self.names = {n for sel in selectors for n in re.findall(r"#(\w+)", sel)} - {_PAGE}
        self.classes = tuple(getattr(QtWidgets, m.group(1)) for sel in selectors
                             if "#" not in sel and (m := re.match(r"(Q\w+)", sel)))

    def wants(self, widget: QtWidgets.QWidget) -> bool:
        if widget.styleSheet() or not (widget.objectName() in self.names
                                       or isinstance(widget, self.classes)):
            return False
        parent = widget.parentWidget()
        while parent is not None:  # the parent's sheet reaches this widget already
            if parent.property(_THEMED):
                return False
            parent = parent.parentWidget()
        return True

    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: ANN001, ANN201, N802
        # Fusion outlines a checkbox and a line field in the Window colour darkened: on a
        # dark Base the unticked box and the field's edge vanish, on a light one they are
        # faint. The field border instead (3:1 against the page in both themes).
        if element in _BOXES:
            option = type(option)(option)
            option.palette = _outline_palette(option.palette)
        super().drawPrimitive(element, option, painter, widget)

    def drawComplexControl(self, control, option, painter, widget=None):  # noqa: ANN001, ANN201, N802
        # Combo and spin boxes take their outline from the same darkened Window colour.
        if control in _OUTLINED_CONTROLS:
            option = type(option)(option)
            option.palette = _outline_palette(option.palette)
        super().drawComplexControl(control, option, painter, widget)

    def sizeFromContents(self, kind, option, size, widget=None):  # noqa: ANN001, ANN201, N802
        # Fusion's tab is as tall as the font's line and shifts an unselected tab's label
        # down: the dots of Ö and the ring of Å were cut off ("Oversikt"). Room for them.
        size = super().sizeFromContents(kind, option, size, widget)
        if kind == QtWidgets.QStyle.ContentsType.CT_TabBarTab:
            size.setHeight(size.height() + 4)
        return size

    def polish(self, arg):  # noqa: ANN001, ANN201 - one of QStyle's overloads
        if isinstance(arg, QtWidgets.QWidget) and self.wants(arg):
            arg.setProperty(_THEMED, True)
            arg.setStyleSheet(self.sheet)
        return super().polish(arg)


def _style_widgets(app) -> None:
    """The current sheet on the widgets that have it; later widgets get it when polished."""
    style = app.style()
    if not isinstance(style, ThemedWidgetStyle):
        style = ThemedWidgetStyle(style.name())
        app.setStyle(style)
    style.set_sheet(stylesheet())
    for widget in QtWidgets.QApplication.allWidgets():
        if widget.property(_THEMED):
            widget.setStyleSheet(style.sheet)
