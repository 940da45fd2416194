"""Export an agreement: its PDF previewed, then saved as PDF or Word and handed to
the mail program with the PDF, the Word document or both attached, as the plan's
export dialog does.

The PDF is rendered off the GUI thread into a private temporary folder while the
dialog shows its progress; saving copies exactly what was previewed, and the Word
document is written from the same AgreementDocument. The plan version shown as Bilaga 1 is
frozen when the first file is saved. Nothing is sent from here: the .eml draft is
written next to the saved files and opened in the user's own mail program.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

from PySide6.QtCore import QThreadPool, QUrl, Signal
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

from ...domain.agreement_outline import document_name
from ...export.agreement_email import agreement_body, agreement_subject
from ...export.atomic import atomic_path, describe_os_error
from ...export.email_draft import write_email_draft
from ...store.agreement_snapshot import AgreementExport, attach_new_plan_version
from ..common.context import AppContext
from ..common.dialogs import show_error
from ..common.pdf_render_job import PdfRenderJob
from ..common.printing import print_pdf
from ..common.theme import colours
from ..common.widgets import fit_to_screen
from ..plan.export_dialog import ATTACH

KINDS = {".pdf": "PDF-dokument (*.pdf)", ".docx": "Word-dokument (*.docx)"}


class AgreementExportDialog(QDialog):
    preview_ready = Signal(int)   # page count

    def __init__(self, parent: QWidget | None, ctx: AppContext, export: AgreementExport,
                 suggested: Path, to_name: str, to_email: str):
        super().__init__(parent)
        self.ctx, self.export = ctx, export
        self.preview_path = Path(tempfile.mkdtemp(prefix="dialogteam-ok-")) / "förhandsgranskning.pdf"
        self._suggested = suggested
        self._to_name, self._to_email = to_name, to_email
        self._saved: dict[str, Path] = {}     # "pdf"/"docx" -> the file last saved
        doc = export.document
        self.setWindowTitle("Exportera tillägget" if doc.kind == "Tillägg" else
                            f"Exportera överenskommelsen ({doc.kind})")
        fit_to_screen(self, 820, 900)
        self._title = f"{document_name(doc)} – {doc.organiser.name}"
        heading = QLabel(self._title)
        heading.setObjectName("sectionTitle")
        heading.setWordWrap(True)
        self._progress = QProgressBar()
        self._progress.setTextVisible(False)
        self._progress.setAccessibleName("PDF:en skapas")
        self._pdf = QPdfDocument(self)
        self._view = QPdfView()
        self._view.setDocument(self._pdf)
        self._view.setPageMode(QPdfView.PageMode.MultiPage)
        self._view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._view.setAccessibleName("Förhandsgranskning av PDF:en")
        self._status = QLabel("Skapar PDF …")
        self._status.setWordWrap(True)
        self._status.setObjectName("hint")
        self.save_button = QPushButton("Spara PDF…")
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip("Spara överenskommelsen som PDF (Ctrl+S)")
        self.docx_button = QPushButton("Spara som Word…")
        self.docx_button.setToolTip("Spara överenskommelsen som Word-dokument (.docx) att "
                                    "redigera vidare")
        self.print_button = QPushButton("Skriv ut…")
        self.print_button.setShortcut(QKeySequence.StandardKey.Print)
        self.print_button.setToolTip("Skriv ut överenskommelsen med bilaga 1 (Ctrl+P)")
        self.attach = QComboBox()
        for label, _formats in ATTACH:
            self.attach.addItem(f"Bifoga {label}")
        self.attach.setToolTip("Vad e-postutkastet ska ha med sig")
        self.attach.setAccessibleName("Bifoga i e-postutkastet")
        self.email_button = QPushButton("Skicka med e-post…")
        self.email_button.setToolTip(
            f"Ett e-postutkast till {to_name} <{to_email}>" if to_email.strip() else
            "Huvudmannens kontaktperson saknar e-postadress: fyll i mottagaren i "
            "e-postprogrammet")
        close_button = QPushButton("Stäng")
        for b in (self.save_button, self.docx_button, self.print_button, self.email_button,
                  close_button):
            b.setAutoDefault(False)
        self.save_button.clicked.connect(lambda: self._ask_and_save(".pdf"))
        self.docx_button.clicked.connect(lambda: self._ask_and_save(".docx"))
        self.print_button.clicked.connect(
            lambda: print_pdf(self, self.preview_path, self._title))
        self.email_button.clicked.connect(self._ask_and_email)
        close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.docx_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.attach)
        buttons.addWidget(self.email_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self._progress)
        layout.addWidget(self._view, 1)
        layout.addWidget(self._status)
        layout.addLayout(buttons)

        self._set_ready(False)
        self._cancelled = threading.Event()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._start()

    # -- rendering the preview -----------------------------------------------------------------
    def _start(self) -> None:
        from ...export.agreement_pdf import render_agreement_pdf
        doc, plan = self.export.document, self.export.plan
        job = PdfRenderJob(lambda path, progress: render_agreement_pdf(doc, plan, path, progress),
                           self.preview_path, self._cancelled)
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
        plan = self.export.plan
        bilaga = f" Åtgärdsplanen version {plan.version} är bilaga 1." if plan else ""
        self._status.setText(f"{pages} sidor.{bilaga} Granska och spara som PDF eller Word, "
                             "eller skicka med e-post.")
        self._set_ready(True)
        self.preview_ready.emit(pages)

    def _fail(self, message: str) -> None:
        self._progress.hide()
        self._status.setText(message)
        self._status.setStyleSheet(f"color: {colours().error};")
        self._set_ready(False)

    def _set_ready(self, ready: bool) -> None:
        for widget in (self.save_button, self.docx_button, self.print_button, self.attach,
                       self.email_button):
            widget.setEnabled(ready)

    @property
    def is_ready(self) -> bool:
        return self.save_button.isEnabled()

    @property
    def status_text(self) -> str:
        return self._status.text()

    # -- asking ------------------------------------------------------------------------------
    def _ask_and_save(self, suffix: str) -> None:
        path = self._ask_path("Spara överenskommelsen", suffix)
        if path is not None:
            self.save_to(path)

    def _ask_and_email(self) -> None:
        formats = ATTACH[self.attach.currentIndex()][1]
        path = self._saved.get(formats[0]) or self._ask_path(
            "Spara filen som ska bifogas i e-postutkastet", f".{formats[0]}")
        if path is not None:
            self.email_with(path, formats)

    def _ask_path(self, title: str, suffix: str) -> Path | None:
        start = next(iter(self._saved.values()), self._suggested)
        name, _ = QFileDialog.getSaveFileName(self, title, str(_with_suffix(start, suffix)),
                                              KINDS[suffix])
        return _with_suffix(Path(name), suffix) if name else None

    def set_attachments(self, formats: tuple[str, ...]) -> None:
        self.attach.setCurrentIndex([f for _, f in ATTACH].index(formats))

    # -- saving and e-mail ---------------------------------------------------------------------
    def save_to(self, path: Path) -> bool:
        """Save as `path` (.pdf: the previewed PDF; .docx: the Word document); False
        (after telling the user) on failure."""
        path = Path(path)
        word = path.suffix.lower() == ".docx"
        try:
            if word:
                from ...export.docx.agreement_docx import render_agreement_docx
                render_agreement_docx(self.export.document, self.export.plan, path)
            else:
                with atomic_path(path) as tmp:
                    shutil.copyfile(self.preview_path, tmp)
        except OSError as e:
            show_error(self, f"{'Word-dokumentet' if word else 'PDF:en'} kunde inte sparas",
                       describe_os_error(e, path))
            return False
        self._saved["docx" if word else "pdf"] = path
        if self.export.plan is not None and self.export.plan_is_new:
            attach_new_plan_version(self.ctx.store, self.export, path.name)
            self.export.plan_is_new = False   # frozen once, whichever file came first
        self._status.setText(f"Sparad som {path}.")
        return True

    def email_with(self, path: Path, formats: tuple[str, ...]) -> Path | None:
        """Save the files (`path` with each format's suffix), write an .eml draft next
        to them with the files attached and open it."""
        files = [_with_suffix(Path(path), f".{f}") for f in formats]
        if not all(self.save_to(f) for f in files):
            return None
        eml_path = files[0].with_suffix(".eml")
        doc = self.export.document
        try:
            write_email_draft(eml_path, files, self._to_name, self._to_email,
                              agreement_subject(doc),
                              agreement_body(doc, self._to_name, formats,
                                             self.export.plan is not None))
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

    def done(self, result: int) -> None:
        """Stop a running render, then let go of the preview and its private folder."""
        self._cancelled.set()
        self._pool.waitForDone()
        self._pdf.close()
        shutil.rmtree(self.preview_path.parent, ignore_errors=True)
        super().done(result)


def _with_suffix(path: Path, suffix: str) -> Path:
    """'ÖK 2 v1.0.pdf' -> 'ÖK 2 v1.0.docx'; a name without .pdf/.docx gets the suffix."""
    if path.suffix.lower() in KINDS:
        return path.with_suffix(suffix)
    return path.with_name(path.name + suffix)
