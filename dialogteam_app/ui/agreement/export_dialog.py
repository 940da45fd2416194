"""Export an agreement: its PDF previewed, then saved as PDF or Word and handed to
the mail program with the PDF, the Word document or both attached, as the plan's
export dialog does (the frame they share: ui/common/export_dialog_base.py).

The PDF is rendered off the GUI thread into a private temporary folder while the
dialog shows its progress; saving copies exactly what was previewed, and the Word
document is written from the same AgreementDocument. The plan version shown as Bilaga 1 is
frozen when the first file is saved. Nothing is sent from here: the .eml draft is
written next to the saved files and opened in the user's own mail program.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from ...domain.agreement_outline import document_name
from ...export.agreement_email import agreement_body, agreement_subject
from ...store.agreement_snapshot import AgreementExport, attach_new_plan_version
from ..common.context import AppContext
from ..common.export_dialog_base import ATTACH, ExportDialogBase

KINDS = {".pdf": "PDF-dokument (*.pdf)", ".docx": "Word-dokument (*.docx)"}


class AgreementExportDialog(ExportDialogBase):
    def __init__(self, parent: QWidget | None, ctx: AppContext, export: AgreementExport,
                 suggested: Path, to_name: str, to_email: str):
        doc = export.document
        title = f"{document_name(doc)} – {doc.organiser.name}"
        super().__init__(parent, heading=title, what="överenskommelsen",
                         temp_prefix="dialogteam-ok-", to_name=to_name, to_email=to_email)
        self._title = title
        self.ctx, self.export = ctx, export
        self._suggested = suggested
        self._saved: dict[str, Path] = {}     # "pdf"/"docx" -> the file last saved
        self.setWindowTitle("Exportera tillägget" if doc.kind == "Tillägg" else
                            f"Exportera överenskommelsen ({doc.kind})")
        self._heading.setWordWrap(True)
        self._progress.setAccessibleName("PDF:en skapas")
        self._print_button.setToolTip("Skriv ut överenskommelsen med bilaga 1 (Ctrl+P)")
        self._attach.setAccessibleName("Bifoga i e-postutkastet")
        self._email_button.setToolTip(
            f"Ett e-postutkast till {to_name} <{to_email}>" if to_email.strip() else
            "Huvudmannens kontaktperson saknar e-postadress: fyll i mottagaren i "
            "e-postprogrammet")
        self._save_button.clicked.connect(lambda: self._ask_and_save(".pdf"))
        self._docx_button.clicked.connect(lambda: self._ask_and_save(".docx"))
        self._start()

    # -- rendering the preview -----------------------------------------------------------------
    def _start(self) -> None:
        from ...export.agreement_pdf import render_agreement_pdf
        doc, plan = self.export.document, self.export.plan
        self._render_preview(
            lambda path, progress: render_agreement_pdf(doc, plan, path, progress))

    def _show_rendered(self, pages: int) -> None:
        plan = self.export.plan
        bilaga = f" Åtgärdsplanen version {plan.version} är bilaga 1." if plan else ""
        self._status.setText(f"{pages} sidor.{bilaga} Granska och spara som PDF eller Word, "
                             "eller skicka med e-post.")

    def _print_title(self) -> str:
        return self._title

    # -- asking ------------------------------------------------------------------------------
    def _ask_and_save(self, suffix: str) -> None:
        path = self._ask_path("Spara överenskommelsen", suffix)
        if path is not None:
            self.save_to(path)

    def _ask_and_email(self) -> None:
        formats = ATTACH[self._attach.currentIndex()][1]
        path = self._saved.get(formats[0]) or self._ask_path(
            "Spara filen som ska bifogas i e-postutkastet", f".{formats[0]}")
        if path is not None:
            self.email_with(path, formats)

    def _ask_path(self, title: str, suffix: str) -> Path | None:
        start = next(iter(self._saved.values()), self._suggested)
        name, _ = QFileDialog.getSaveFileName(self, title, str(_with_suffix(start, suffix)),
                                              KINDS[suffix])
        return _with_suffix(Path(name), suffix) if name else None

    # -- saving and e-mail ---------------------------------------------------------------------
    def save_to(self, path: Path) -> bool:
        """Save as `path` (.pdf: the previewed PDF; .docx: the Word document); False
        (after telling the user) on failure."""
        path = Path(path)
        word = path.suffix.lower() == ".docx"
        if word:
            from ...export.docx.agreement_docx import render_agreement_docx
            export = self.export
            saved = self._write_word(
                path, lambda p: render_agreement_docx(export.document, export.plan, p))
        else:
            saved = self._copy_preview(path)
        if not saved:
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
        doc = self.export.document
        return self._open_email_draft(files[0].with_suffix(".eml"), files,
                                      agreement_subject(doc),
                                      agreement_body(doc, self._to_name, formats,
                                                     self.export.plan is not None))


def _with_suffix(path: Path, suffix: str) -> Path:
    """'ÖK 2 v1.0.pdf' -> 'ÖK 2 v1.0.docx'; a name without .pdf/.docx gets the suffix."""
    if path.suffix.lower() in KINDS:
        return path.with_suffix(suffix)
    return path.with_name(path.name + suffix)
