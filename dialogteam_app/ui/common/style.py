"""A calm, legible look: clear headings, room around forms, Swedish-blue accents.

The style sheet is given only to the widgets it names (`#pageTitle`, `#hint`, …),
by a proxy style when Qt polishes them. Set on the application, it made Qt style
every widget through its style-sheet engine: building a page took twice as long.
So a widget gets this look by its object name, as before; a rule here must name
its widget by object name (a rule for a whole class of widgets would not apply).
"""

import re

from PySide6.QtWidgets import QProxyStyle, QStyleFactory, QWidget

ACCENT = "#0b5c8a"

STYLESHEET = f"""
QLabel#pageTitle {{ font-size: 20px; font-weight: 600; color: #1d2b36; }}
QLabel#pageSubtitle {{ color: #5a6a76; }}
QLabel#sectionTitle {{
    font-size: 14px; font-weight: 600; color: {ACCENT};
    padding-top: 12px; border-bottom: 1px solid #d5dde3; padding-bottom: 3px;
}}
QLabel#hint {{ color: #5a6a76; }}
QLabel#welcomeTitle {{ font-size: 24px; font-weight: 600; color: #1d2b36; }}
QLabel#welcomeText {{ font-size: 13px; color: #3c4a55; }}
QTreeView#navigator {{ border: none; background: #f4f6f8; }}
QTreeView#navigator::item {{ padding: 3px 2px; }}
QTreeView#navigator::item:selected {{ background: {ACCENT}; color: white; }}
QStatusBar QLabel#dataDir {{ color: #7a8a96; }}
"""

STYLED_NAMES = frozenset(re.findall(r"#(\w+)", STYLESHEET))


class NamedWidgetStyle(QProxyStyle):
    """The platform's style, with STYLESHEET set on each widget whose object name it
    mentions (unless the widget has a style sheet of its own)."""

    def __init__(self, base_style_name: str):
        super().__init__(QStyleFactory.create(base_style_name))

    def polish(self, arg):  # noqa: ANN001, ANN201 - one of QStyle's overloads
        if isinstance(arg, QWidget) and not arg.styleSheet() \
                and arg.objectName() in STYLED_NAMES:
            arg.setStyleSheet(STYLESHEET)
        return super().polish(arg)
