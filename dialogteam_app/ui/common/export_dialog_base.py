"""What the plan's and the agreement's export dialogs share: the PDF rendered off the
GUI thread into a private temporary folder (pdf_render_job.py) with its progress, the
QtPdf preview, the buttons Spara PDF / Spara som Word / Skriv ut / Skicka med e-post
with the attachment choice, the e-mail draft opened in the user's own mail program,
and letting go of the preview on closing. Each dialog supplies its document: what to
render, how to save, the texts."""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...export.atomic import atomic_path, describe_os_error
from ...export.email_draft import write_email_draft
from .dialogs import show_error
from .pdf_render_job import PdfRenderJob, Render
from .printing import print_pdf
from .theme import colours, themed
from .widgets import fit_to_screen

ATTACH = [("PDF", ("pdf",)), ("Word", ("docx",)), ("PDF och Word", ("pdf", "docx"))]


class ExportDialogBase(QDialog):
    """The shared frame; `what` names the document in the tooltips ("åtgärdsplanen")."""

    preview_ready = Signal(int)   # page count

    def __init__(self, parent: QWidget | None, *, heading: str, what: str, temp_prefix: str,
                 to_name: str, to_email: str):
        super().__init__(parent)
        fit_to_screen(self, 820, 900)
        self._to_name, self._to_email = to_name, to_email
        self._temp_dir = Path(tempfile.mkdtemp(prefix=temp_prefix))
        self.preview_path = self._temp_dir / "förhandsgranskning.pdf"
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._cancelled = threading.Event()
        self._print_when_ready = False
        self._build_ui(heading, what)

    def _build_ui(self, heading: str, what: str) -> None:
        self._heading = QLabel(heading)
        themed(self._heading, "sectionTitle")
        self._progress = QProgressBar()
        self._progress.setTextVisible(False)
        self._pdf = QPdfDocument(self)
        self._view = QPdfView()
        self._view.setDocument(self._pdf)
        self._view.setPageMode(QPdfView.PageMode.MultiPage)
        self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._status = QLabel("Skapar PDF …")
        self._status.setWordWrap(True)
        themed(self._status, "hint")
        self._save_button = QPushButton("Spara PDF…")
        self._save_button.setShortcut(QKeySequence.StandardKey.Save)
        self._save_button.setToolTip(f"Spara {what} som PDF (Ctrl+S)")
        self._docx_button = QPushButton("Spara som Word…")
        self._docx_button.setToolTip(f"Spara {what} som Word-dokument (.docx) att "
                                     "redigera vidare")
        self._print_button = QPushButton("Skriv ut…")
        self._print_button.setShortcut(QKeySequence.StandardKey.Print)
        self._print_button.setToolTip(f"Skriv ut {what} (Ctrl+P)")
        self._attach = QComboBox()
        for label, _formats in ATTACH:
            self._attach.addItem(f"Bifoga {label}")
        self._attach.setToolTip("Vad e-postutkastet ska ha med sig")
        self._email_button = QPushButton("Skicka med e-post…")
        close_button = QPushButton("Stäng")
        for b in (self._save_button, self._docx_button, self._print_button, self._email_button,
                  close_button):
            b.setAutoDefault(False)
        self._print_button.clicked.connect(self.print_preview)
        self._email_button.clicked.connect(self._ask_and_email)
        close_button.clicked.connect(self.reject)
        self._set_ready(False)

        buttons = QHBoxLayout()
        buttons.addWidget(self._save_button)
        buttons.addWidget(self._docx_button)
        buttons.addWidget(self._print_button)
        buttons.addStretch(1)
        buttons.addWidget(self._attach)
        buttons.addWidget(self._email_button)
        buttons.addWidget(close_button)
        self._view.setAccessibleName("Förhandsgranskning av PDF:en")
        self._view.setMinimumHeight(200)
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading)
        layout.addWidget(self._progress)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._status)
        layout.addLayout(buttons)

    def _set_ready(self, ready: bool) -> None:
        for widget in (self._save_button, self._docx_button, self._print_button, self._attach,
                       self._email_button):
            widget.setEnabled(ready)

    # Rendering
    def _render_preview(self, render: Render) -> None:
        job = PdfRenderJob(render, self.preview_path, self._cancelled)
        job.signals.progress.connect(self._on_progress)
        job.signals.finished.connect(self._on_rendered)
        job.signals.failed.connect(self._fail)
        self._pool.start(job)

    def _on_progress(self, done: int, total: int) -> None:
        self._progress.setRange(0, total)
        self._progress.setValue(done)

    def _on_rendered(self, pages: int) -> None:
        if self._cancelled.is_set():  # closed while the result was on its way
            return
        self._progress.hide()
        self._pdf.load(str(self.preview_path))
        self._show_rendered(pages)
        self._set_ready(True)
        self.preview_ready.emit(pages)
        if self._print_when_ready:
            self.print_preview()

    def _show_rendered(self, pages: int) -> None:
        """The status line once the preview is shown: the document's own words."""
        raise NotImplementedError

    def _print_title(self) -> str:
        """The print job's name."""
        raise NotImplementedError

    def print_preview(self) -> None:
        """Qt's print dialog for exactly the previewed PDF; or print once it is ready."""
        if not self.is_ready:
            self._print_when_ready = True
            return
        self._print_when_ready = False
        print_pdf(self, self.preview_path, self._print_title())

    def _fail(self, message: str) -> None:
        self._progress.hide()
        self._status.setText(message)
        self._status.setStyleSheet(f"color: {colours().error};")
        self._set_ready(False)

    @property
    def is_ready(self) -> bool:
        return self._save_button.isEnabled()

    @property
    def preview_page_count(self) -> int:
        return self._pdf.pageCount()

    @property
    def status_text(self) -> str:
        return self._status.text()

    # Saving and e-mail
    def set_attachments(self, formats: tuple[str, ...]) -> None:
        self._attach.setCurrentIndex([f for _, f in ATTACH].index(formats))

    def _ask_and_email(self) -> None:
        raise NotImplementedError

    def _copy_preview(self, path: Path) -> bool:
        """Save exactly the previewed PDF as `path`; False (after telling the user) on failure."""
        try:
            with atomic_path(path) as tmp:
                shutil.copyfile(self.preview_path, tmp)
        except OSError as e:
            show_error(self, "PDF:en kunde inte sparas", describe_os_error(e, path))
            return False
        return True

    def _write_word(self, path: Path, write: Callable[[Path], object]) -> bool:
        """Write the Word document as `path`; False (after telling the user) on failure."""
        try:
            write(path)
        except OSError as e:
            show_error(self, "Word-dokumentet kunde inte sparas", describe_os_error(e, path))
            return False
        return True

    def _open_email_draft(self, eml_path: Path, files: list[Path], subject: str,
                          body: str) -> Path | None:
        """Write the .eml draft with `files` attached and open it in the mail program
        (or, failing that, its folder)."""
        try:
            write_email_draft(eml_path, files, self._to_name, self._to_email, subject, body)
        except (OSError, ValueError) as e:
            message = describe_os_error(e, eml_path) if isinstance(e, OSError) else str(e)
            show_error(self, "E-postutkastet kunde inte skapas", message)
            return None
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(eml_path))):
            self._status.setText(f"E-postutkastet {eml_path.name} har öppnats i e-postprogrammet.")
        else:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(eml_path.parent)))
            self._status.setText(
                f"E-postutkastet kunde inte öppnas automatiskt. Mappen {eml_path.parent} har "
                f"öppnats i stället: dubbelklicka på {eml_path.name} för att öppna utkastet i "
                "ditt e-postprogram.")
        return eml_path

    # Closing: stop a running render, then let go of the preview and its private folder.
    def done(self, result: int) -> None:
        self._cancelled.set()
        self._pool.waitForDone()
        self._pdf.close()
        shutil.rmtree(self._temp_dir, ignore_errors=True)
        super().done(result)
