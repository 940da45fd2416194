"""Preview the åtgärdsplan as PDF; save it as PDF or Word, print it, and hand it to
the mail program.

The PDF is rendered off the GUI thread into a private temporary folder and shown
with QtPdf; saving copies exactly what was previewed, and printing prints it.
Nothing is sent from here: "Skicka med e-post" writes an .eml draft with the PDF,
the Word document or both next to the saved files and opens it in the user's own
mail program.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.plan_document import PlanDocument
from ...export import render_plan_docx, render_plan_pdf
from ...export.atomic import atomic_path, describe_os_error
from ...export.email_draft import draft_body, draft_subject, write_email_draft
from ...export.file_names import suggested_pdf_name
from ..common.dialogs import show_error
from ..common.printing import print_pdf
from ..common.theme import colours
from ..common.widgets import fit_to_screen

log = logging.getLogger(__name__)
ATTACH = [("PDF", ("pdf",)), ("Word", ("docx",)), ("PDF och Word", ("pdf", "docx"))]


class _Cancelled(Exception):
    """Raised from the progress callback to stop a render nobody waits for."""


class _RenderSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(int)   # page count
    failed = Signal(str)     # a Swedish message


class _RenderJob(QRunnable):
    def __init__(self, doc: PlanDocument, path: Path, cancelled: threading.Event):
        super().__init__()
        self.signals = _RenderSignals()
        self._doc, self._path, self._cancelled = doc, path, cancelled

    def run(self):
        try:
            pages = render_plan_pdf(self._doc, self._path, self._progress)
        except _Cancelled:
            return
        except OSError as e:
            log.warning("the PDF could not be written", exc_info=True)
            self.signals.failed.emit(describe_os_error(e, self._path))
            return
        except Exception as e:  # noqa: BLE001 - any layout error must reach the user
            log.exception("the PDF could not be laid out")
            self.signals.failed.emit(f"PDF:en kunde inte skapas: {e}")
            return
        self.signals.finished.emit(pages)

    def _progress(self, done: int, total: int):
        if self._cancelled.is_set():
            raise _Cancelled
        self.signals.progress.emit(done, total)


class PlanExportDialog(QDialog):
    """Render, preview, save and e-mail one version of the plan.

    `on_exported(path, doc)` is called once for each PDF saved under a new name.
    """

    preview_ready = Signal(int)   # page count

    def __init__(self, parent: QWidget | None, make_document: Callable[[], PlanDocument],
                 suggested_path: Path, to_name: str, to_email: str,
                 on_exported: Callable[[Path, PlanDocument], None]):
        super().__init__(parent)
        self.setWindowTitle("Exportera åtgärdsplan")
        fit_to_screen(self, 820, 900)
        self._to_name, self._to_email = to_name, to_email
        self._on_exported = on_exported
        self._suggested_path = Path(suggested_path)
        self._doc: PlanDocument | None = None
        self._saved_path: Path | None = None
        self._reported_stems: set[str] = set()   # one version per document, PDF or Word
        self._print_when_ready = False
        self._temp_dir = Path(tempfile.mkdtemp(prefix="dialogteam-pdf-"))
        self.preview_path = self._temp_dir / "förhandsgranskning.pdf"
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._cancelled = threading.Event()
        self._job: _RenderJob | None = None
        self._build_ui()
        self._start(make_document)

    # Layout
    def _build_ui(self):
        self._heading = QLabel("Skapar PDF …")
        self._heading.setObjectName("sectionTitle")
        self._progress = QProgressBar()
        self._progress.setTextVisible(False)
        self._pdf = QPdfDocument(self)
        self._view = QPdfView()
        self._view.setDocument(self._pdf)
        self._view.setPageMode(QPdfView.PageMode.MultiPage)
        self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._status = QLabel()
        self._status.setWordWrap(True)
        self._status.setObjectName("hint")
        self._save_button = QPushButton("Spara PDF…")
        self._save_button.setShortcut(QKeySequence.StandardKey.Save)
        self._save_button.setToolTip("Spara åtgärdsplanen som PDF (Ctrl+S)")
        self._docx_button = QPushButton("Spara som Word…")
        self._docx_button.setToolTip("Spara åtgärdsplanen som Word-dokument (.docx) att "
                                     "redigera vidare")
        self._print_button = QPushButton("Skriv ut…")
        self._print_button.setShortcut(QKeySequence.StandardKey.Print)
        self._print_button.setToolTip("Skriv ut åtgärdsplanen (Ctrl+P)")
        self._attach = QComboBox()
        for label, _formats in ATTACH:
            self._attach.addItem(f"Bifoga {label}")
        self._attach.setToolTip("Vad e-postutkastet ska ha med sig")
        self._attach.setAccessibleName("Bilagor i e-postutkastet")
        self._email_button = QPushButton("Skicka med e-post…")
        self._email_button.setToolTip(self._recipient_hint())
        close_button = QPushButton("Stäng")
        for b in (self._save_button, self._docx_button, self._print_button, self._email_button,
                  close_button):
            b.setAutoDefault(False)
        self._save_button.clicked.connect(self._ask_and_save)
        self._docx_button.clicked.connect(self._ask_and_save_docx)
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

    def _recipient_hint(self) -> str:
        if self._to_email.strip():
            return f"Ett e-postutkast till {self._to_name} <{self._to_email}> med PDF:en bifogad"
        return ("Huvudmannens kontaktperson saknar e-postadress: "
                "fyll i mottagaren i e-postprogrammet")

    def _set_ready(self, ready: bool):
        for widget in (self._save_button, self._docx_button, self._print_button, self._attach,
                       self._email_button):
            widget.setEnabled(ready)

    # Rendering
    def _start(self, make_document: Callable[[], PlanDocument]):
        try:
            self._doc = make_document()  # on the GUI thread: it may read the database
        except Exception as e:  # noqa: BLE001 - shown, not swallowed
            log.exception("the plan document could not be built")
            self._fail(f"Planen kunde inte sammanställas: {e}")
            return
        if self._suggested_path.is_dir():
            self._suggested_path /= suggested_pdf_name(self._doc)
        self._heading.setText(f"{self._doc.title}, version {self._doc.version}")
        self._status.setText("Skapar PDF …")
        self._job = _RenderJob(self._doc, self.preview_path, self._cancelled)
        self._job.signals.progress.connect(self._on_progress)
        self._job.signals.finished.connect(self._on_rendered)
        self._job.signals.failed.connect(self._fail)
        self._pool.start(self._job)

    def _on_progress(self, done: int, total: int):
        self._progress.setRange(0, total)
        self._progress.setValue(done)

    def _on_rendered(self, pages: int):
        if self._cancelled.is_set():  # closed while the result was on its way
            return
        self._progress.hide()
        self._pdf.load(str(self.preview_path))
        self._status.setText(f"{pages} sidor. Granska planen och spara den eller skicka den "
                             "med e-post.")
        from ...export.pdf.coverage import coverage_warning  # reportlab: loaded by now
        warning = coverage_warning(self._doc) if self._doc is not None else ""
        if warning:
            self._status.setText(f"{pages} sidor. {warning}")
            self._status.setStyleSheet(f"color: {colours().warning};")
        self._set_ready(True)
        self.preview_ready.emit(pages)
        if self._print_when_ready:
            self.print_preview()

    def _fail(self, message: str):
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
    def _ask_and_save(self):
        path = self._ask_pdf_path("Spara åtgärdsplanen som PDF")
        if path:
            self.save_to(path)

    def _ask_and_save_docx(self):
        path = self._ask_path("Spara åtgärdsplanen som Word-dokument", ".docx")
        if path:
            self.save_docx_to(path)

    def _ask_and_email(self):
        formats = ATTACH[self._attach.currentIndex()][1]
        path = self._saved_path or self._ask_path(
            "Spara filen som ska bifogas i e-postutkastet", f".{formats[0]}")
        if path:
            self.email_with(path, formats)

    def _ask_path(self, title: str, suffix: str) -> Path | None:
        start = (self._saved_path or self._suggested_path).with_suffix(suffix)
        kinds = {".pdf": "PDF-dokument (*.pdf)", ".docx": "Word-dokument (*.docx)"}
        name, _ = QFileDialog.getSaveFileName(self, title, str(start), kinds[suffix])
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def set_attachments(self, formats: tuple[str, ...]) -> None:
        self._attach.setCurrentIndex([f for _, f in ATTACH].index(formats))

    def print_preview(self):
        """Qt's print dialog for exactly the previewed PDF; or print once it is ready."""
        if not self.is_ready or self._doc is None:
            self._print_when_ready = True
            return
        self._print_when_ready = False
        print_pdf(self, self.preview_path, f"{self._doc.title}, version {self._doc.version}")

    def save_to(self, path: Path) -> bool:
        """Save the previewed PDF as `path`; False (after telling the user) on failure."""
        path = Path(path)
        if not self.is_ready or self._doc is None:
            return False
        if path == self._saved_path and path.is_file():
            return True
        try:
            with atomic_path(path) as tmp:
                shutil.copyfile(self.preview_path, tmp)
        except OSError as e:
            show_error(self, "PDF:en kunde inte sparas", describe_os_error(e, path))
            return False
        self._saved_path = path
        log.info("plan PDF saved: version %d, %d bytes", self._doc.version, path.stat().st_size)
        self._status.setText(f"Sparad som {path}.")
        self._report_exported(path)
        return True

    def save_docx_to(self, path: Path) -> bool:
        """Save the previewed document as Word; False (after telling the user) on failure."""
        path = Path(path)
        if not self.is_ready or self._doc is None:
            return False
        try:
            render_plan_docx(self._doc, path)  # about 50 ms for 50 insatser: no thread
        except OSError as e:
            show_error(self, "Word-dokumentet kunde inte sparas", describe_os_error(e, path))
            return False
        self._status.setText(f"Sparad som {path}.")
        self._report_exported(path)
        return True

    def _report_exported(self, path: Path) -> None:
        """A new version for a new document; the same one in the other format is not."""
        stem = str(path.with_suffix(""))
        if stem not in self._reported_stems:
            self._reported_stems.add(stem)
            self._on_exported(path, self._doc)

    def email_with(self, path: Path, formats: tuple[str, ...] = ("pdf",)) -> Path | None:
        """Save the document as `path` in each of `formats` (.pdf, .docx next to each
        other), write an .eml draft with them next to it and open the draft."""
        files = [Path(path).with_suffix(f".{f}") for f in formats]
        for file in files:
            saved = self.save_to(file) if file.suffix == ".pdf" else self.save_docx_to(file)
            if not saved:
                return None
        eml_path = Path(path).with_suffix(".eml")
        try:
            write_email_draft(eml_path, files, self._to_name, self._to_email,
                              draft_subject(self._doc),
                              draft_body(self._doc, self._to_name, formats))
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

    # Closing: stop a running render, then let go of the preview file.
    def done(self, result: int):
        self._cancelled.set()
        self._pool.waitForDone()
        self._pdf.close()
        shutil.rmtree(self._temp_dir, ignore_errors=True)
        super().done(result)
