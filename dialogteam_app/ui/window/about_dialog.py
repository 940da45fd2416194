"""Hjälp → Om Dialogteam: version, where the data and the log are, and the licences
of everything the program ships with, each text readable in the dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ... import __version__
from ...licenses import NOTICES, Notice, notice_text
from ...paths import DataPaths
from ..common.widgets import fit_to_screen


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None, paths: DataPaths):
        super().__init__(parent)
        self.setWindowTitle("Om Dialogteam")
        heading = QLabel(
            f"<h2>Dialogteam {__version__}</h2>"
            "<p>Anteckningar, nulägesanalys, åtgärdsplan, överenskommelser och uppföljning "
            "för Skolverkets dialogteam. "
            "Fri programvara under MIT-licensen.</p>"
            f"<p>Datamapp: <code>{paths.root}</code><br>Loggar: <code>{paths.logs}</code></p>"
            "<p><b>Programmet innehåller</b> (välj en rad för att läsa licensen):</p>", self)
        heading.setWordWrap(True)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.components = QListWidget(self)
        self.components.setAccessibleName("Komponenter i programmet")
        self.components.setSpacing(2)
        self.components.setWordWrap(True)   # a long name wraps instead of being cut
        self.components.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for notice in NOTICES:
            item = QListWidgetItem(notice.component)   # the licence is named beside the text
            item.setData(Qt.ItemDataRole.UserRole, notice)
            item.setToolTip(f"{notice.component} ({notice.spdx})")
            self.components.addItem(item)
        self.why = QLabel(self)
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text = QPlainTextEdit(self)
        self.text.setAccessibleName("Licenstext")
        self.text.setReadOnly(True)
        # Wrapped at the pane: the 80-column texts are wider than it on a laptop.
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.components.currentItemChanged.connect(lambda item, _prev: self._show(item))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.why)
        right_layout.addWidget(self.text, 1)
        splitter.addWidget(self.components)
        splitter.addWidget(right)
        splitter.setSizes([280, 580])
        buttons = QDialogButtonBox(self)
        buttons.addButton("Stäng", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, 860, 600)
        self.components.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        notice: Notice = item.data(Qt.ItemDataRole.UserRole)
        self.why.setText(f"<b>{notice.component}</b> ({notice.spdx}): {notice.why}.")
        try:
            self.text.setPlainText(notice_text(notice))
        except OSError as exc:
            self.text.setPlainText(f"Licenstexten {notice.file} saknas i installationen ({exc}).")
