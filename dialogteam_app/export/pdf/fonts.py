"""The bundled Open Sans family, registered once per process.

A TrueType font is embedded (as a subset) wherever it is used; reportlab's own
standard fonts would not be, so every style, table and canvas call uses these.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ...assets import resource

REGULAR = "OpenSans"
BOLD = "OpenSans-Bold"
ITALIC = "OpenSans-Italic"
BOLD_ITALIC = "OpenSans-BoldItalic"

_FILES = {
    REGULAR: "OpenSans-Regular.ttf",
    BOLD: "OpenSans-Bold.ttf",
    ITALIC: "OpenSans-Italic.ttf",
    BOLD_ITALIC: "OpenSans-BoldItalic.ttf",
}
_lock = threading.Lock()


def register_fonts() -> None:
    """Make the family known to reportlab, so <b> and <i> in paragraphs map to it."""
    with _lock:
        if BOLD_ITALIC in pdfmetrics.getRegisteredFontNames():
            return
        # Load all before registering any, so a missing file leaves nothing half done.
        fonts = [TTFont(name, str(resource("fonts", file_name)))
                 for name, file_name in _FILES.items()]
        for font in fonts:
            pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(REGULAR, normal=REGULAR, bold=BOLD, italic=ITALIC,
                                      boldItalic=BOLD_ITALIC)
