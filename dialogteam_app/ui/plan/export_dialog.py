"""Preview the åtgärdsplan as PDF; save it as PDF or Word, print it, and hand it to
the mail program.

The PDF is rendered off the GUI thread into a private temporary folder and shown
with QtPdf; saving copies exactly what was previewed, and printing prints it.
Nothing is sent from here: "Skicka med e-post" writes an .eml draft with the PDF,
the Word document or both next to the saved files and opens it in the user's own
mail program. The frame is shared with the agreement's dialog
(ui/common/export_dialog_base.py); this module supplies the plan's parts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ...domain.plan_document import PlanDocument
from ...export import render_plan_docx, render_plan_pdf
from ...export.email_draft import draft_body, draft_subject
from ...export.file_names import suggested_pdf_name
from ..common.export_dialog_base import ATTACH, ExportDialogBase
from ..common.theme import colours

log = logging.getLogger(__name__)


class PlanExportDialog(ExportDialogBase):
    """Render, preview, save and e-mail one version of the plan.

    `on_exported(path, doc)` is called once for each PDF saved under a new name.
    """

    def __init__(self, parent: QWidget | None, make_document: Callable[[], PlanDocument],
                 suggested_path: Path, to_name: str, to_email: str,
                 on_exported: Callable[[Path, PlanDocument], None]):
        super().__init__(parent, heading="Skapar PDF …", what="åtgärdsplanen",
                         temp_prefix="dialogteam-pdf-", to_name=to_name, to_email=to_email)
        self.setWindowTitle("Exportera åtgärdsplan")
        self._on_exported = on_exported
        self._suggested_path = Path(suggested_path)
        self._doc: PlanDocument | None = None
        self._saved_path: Path | None = None
        self._reported_stems: set[str] = set()   # one version per document, PDF or Word
        self._attach.setAccessibleName("Bilagor i e-postutkastet")
        self._email_button.setToolTip(self._recipient_hint())
        self._save_button.clicked.connect(self._ask_and_save)
        self._docx_button.clicked.connect(self._ask_and_save_docx)
        self._start(make_document)

    def _recipient_hint(self) -> str:
        if self._to_email.strip():
            return f"Ett e-postutkast till {self._to_name} <{self._to_email}> med PDF:en bifogad"
        return ("Huvudmannens kontaktperson saknar e-postadress: "
                "fyll i mottagaren i e-postprogrammet")

    # Rendering
    def _start(self, make_document: Callable[[], PlanDocument]) -> None:
        try:
            self._doc = make_document()  # on the GUI thread: it may read the database
        except Exception as e:  # noqa: BLE001 - shown, not swallowed
            log.exception("the plan document could not be built")
            self._fail(f"Planen kunde inte sammanställas: {e}")
            return
        doc = self._doc
        if self._suggested_path.is_dir():
            self._suggested_path /= suggested_pdf_name(doc)
        self._heading.setText(f"{doc.title}, version {doc.version}")
        self._status.setText("Skapar PDF …")
        self._render_preview(lambda path, progress: render_plan_pdf(doc, path, progress))

    def _show_rendered(self, pages: int) -> None:
        self._status.setText(f"{pages} sidor. Granska planen och spara den eller skicka den "
                             "med e-post.")
        from ...export.pdf.coverage import coverage_warning  # reportlab: loaded by now
        warning = coverage_warning(self._doc) if self._doc is not None else ""
        if warning:
            self._status.setText(f"{pages} sidor. {warning}")
            self._status.setStyleSheet(f"color: {colours().warning};")

    def _print_title(self) -> str:
        assert self._doc is not None   # ready means rendered from a document
        return f"{self._doc.title}, version {self._doc.version}"

    # Saving and e-mail
    def _ask_and_save(self) -> None:
        path = self._ask_path("Spara åtgärdsplanen som PDF", ".pdf")
        if path:
            self.save_to(path)

    def _ask_and_save_docx(self) -> None:
        path = self._ask_path("Spara åtgärdsplanen som Word-dokument", ".docx")
        if path:
            self.save_docx_to(path)

    def _ask_and_email(self) -> None:
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

    def save_to(self, path: Path) -> bool:
        """Save the previewed PDF as `path`; False (after telling the user) on failure."""
        path = Path(path)
        if not self.is_ready or self._doc is None:
            return False
        if path == self._saved_path and path.is_file():
            return True
        if not self._copy_preview(path):
            return False
        self._saved_path = path
        log.info("plan PDF saved: version %d, %d bytes", self._doc.version, path.stat().st_size)
        self._status.setText(f"Sparad som {path}.")
        self._report_exported(path)
        return True

    def save_docx_to(self, path: Path) -> bool:
        """Save the previewed document as Word; False (after telling the user) on failure."""
        path = Path(path)
        doc = self._doc
        if not self.is_ready or doc is None:
            return False
        # about 50 ms for 50 insatser: no thread
        if not self._write_word(path, lambda p: render_plan_docx(doc, p)):
            return False
        self._status.setText(f"Sparad som {path}.")
        self._report_exported(path)
        return True

    def _report_exported(self, path: Path) -> None:
        """A new version for a new document; the same one in the other format is not."""
        stem = str(path.with_suffix(""))
        if stem not in self._reported_stems and self._doc is not None:
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
        assert self._doc is not None   # saved means rendered from a document
        return self._open_email_draft(Path(path).with_suffix(".eml"), files,
                                      draft_subject(self._doc),
                                      draft_body(self._doc, self._to_name, formats))
