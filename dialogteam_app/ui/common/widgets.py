"""Small building blocks shared by the views."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from .theme import themed

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QDialogButtonBox


class PageHeader(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self)
        themed(self.title, "pageTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel(self)
        themed(self.subtitle, "pageSubtitle")
        self.subtitle.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

    def set_text(self, title: str, subtitle: str = "") -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))


def accept_reject_buttons(dialog: QDialog, accept: str,
                          reject: str = "Avbryt") -> tuple[QDialogButtonBox, QPushButton]:
    """The dialog's button row: `accept` accepts it, `reject` (and Esc) closes it."""
    from PySide6.QtWidgets import QDialogButtonBox  # here, not at start-up (see dialogs.py)
    buttons = QDialogButtonBox(dialog)
    accept_button = buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
    buttons.addButton(reject, QDialogButtonBox.ButtonRole.RejectRole)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, accept_button


# Alt+these open the menus (Arkiv, Redigera, Visa, Hjälp); form labels leave them alone.
MENU_MNEMONICS = frozenset("arvh")


def with_mnemonic(text: str, used: set[str]) -> str:
    """The text with & before its first letter not yet taken in this form, so Alt+letter
    jumps to the field; unchanged when every letter is taken."""
    for i, ch in enumerate(text):
        key = ch.casefold()
        if ch.isalpha() and key not in used and key not in MENU_MNEMONICS:
            used.add(key)
            return text[:i] + "&" + text[i:]
    return text


def name_field(widget: QWidget, label: str, description: str = "") -> None:
    """What a screen reader says for a field: its label's text (without : and &)."""
    widget.setAccessibleName(label.replace("&", "").rstrip(": "))
    if description:
        widget.setAccessibleDescription(description)


def field_label(text: str, field: QWidget, used: set[str], parent: QWidget | None = None,
                description: str = "") -> QLabel:
    """The label beside a field: Alt+letter jumps to the field itself (not a cell around
    it) and a screen reader names the field with the label's text."""
    label = QLabel(with_mnemonic(text, used) + ":", parent)
    label.setBuddy(field)
    name_field(field, text, description)
    return label


def section_title(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    themed(label, "sectionTitle")
    return label


def hint(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    themed(label, "hint")
    label.setWordWrap(True)
    return label


class ScrollPage(QScrollArea):
    """A page that scrolls as a whole; content goes into self.body (a QVBoxLayout)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, which scroll into view
        inner = QWidget(self)
        inner.setObjectName("page")
        inner.setBackgroundRole(QPalette.ColorRole.Base)  # white, or the dark palette's base
        inner.setAutoFillBackground(True)
        content = QWidget(inner)
        self.body = QVBoxLayout(content)
        self.body.setContentsMargins(24, 18, 24, 24)
        self.body.setSpacing(10)
        outer = QVBoxLayout(inner)  # the stretch below keeps short pages at the top
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(content)
        outer.addStretch(1)
        self.setWidget(inner)


class GrowingTextEdit(QPlainTextEdit):
    """A text box that grows with its text between min_lines and max_lines, so a
    form shows short texts compactly and long ones without a tiny scroll window."""

    def __init__(self, parent: QWidget | None = None, min_lines: int = 3, max_lines: int = 16):
        super().__init__(parent)
        self._min_lines, self._max_lines = min_lines, max_lines
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def _fit(self, *_args) -> None:
        line = self.fontMetrics().lineSpacing()
        lines = max(self._min_lines, min(self._max_lines, int(self.document().size().height())))
        margins = self.contentsMargins()
        self.setFixedHeight(lines * line + 2 * int(self.document().documentMargin())
                            + margins.top() + margins.bottom() + 2)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit()


def add_shortcut(key, parent: QWidget, slot, *, what: str,
                 context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QShortcut:
    """A shortcut that says what it does (Hjälp → Kortkommandon lists it from here)."""
    # The context is set on its own: PySide6 6.11 drops `context=` when the constructor
    # is given a slot, making every shortcut window-wide, so two lists' Delete keys were
    # ambiguous and neither fired.
    shortcut = QShortcut(QKeySequence(key), parent)
    shortcut.setContext(context)
    shortcut.activated.connect(slot)
    shortcut.setWhatsThis(what)
    return shortcut


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Open at the size asked for, but never larger than 90 % of the screen it is on
    (a 1366×768 laptop, or 1920×1080 at 150 %)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry()
    window.resize(min(width, int(available.width() * 0.9)),
                  min(height, int(available.height() * 0.9)))


def fit_list_height(widget: QListWidget, min_rows: int = 1) -> None:
    """Size a short list to its rows instead of leaving a tall empty box."""
    rows = max(widget.count(), min_rows)
    row_h = widget.sizeHintForRow(0) if widget.count() else widget.fontMetrics().height() + 6
    widget.setFixedHeight(rows * row_h + 2 * widget.frameWidth() + 4)


def fill_with_panes(owner: QWidget, left: QWidget, right: QWidget,
                    stretch: tuple[int, int]) -> QSplitter:
    """The owner becomes two side-by-side panes that share extra width by `stretch`."""
    splitter = QSplitter(Qt.Orientation.Horizontal, owner)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setStretchFactor(0, stretch[0])
    splitter.setStretchFactor(1, stretch[1])
    splitter.setChildrenCollapsible(False)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(splitter)
    return splitter
