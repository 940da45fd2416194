"""One delredovisning or the slutredovisning: the texts written for it, its status
utkast → inlämnad (date) → granskad (date, Skolverket's comment), what the data says
for its period, and export to PDF or an e-mail draft.

A valid change saves itself; an invalid one is shown at its field and not saved.
Once handed in, the report is frozen: its texts are locked until it is set back to
utkast."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.agreement_kinds import ReportKind
from ...domain.agreement_reports import ReportObligation
from ...domain.follow_up_reports import ReportStatus, ReportWork, validate_report_work
from ...domain.follow_up_snapshot import FollowUpSnapshot
from ...domain.money import format_kr
from ...domain.report_document import build_report_document, draft_texts, report_title
from ..common.context import AppContext
from ..common.record_form import ErrorLabel
from ..common.widgets import (
    GrowingTextEdit,
    PageHeader,
    ScrollPage,
    add_shortcut,
    field_label,
    hint,
    name_field,
    section_title,
)
from .report_export import email_report, export_report

PAGE = Qt.ShortcutContext.WidgetWithChildrenShortcut
_TEXTS = (("summary", "Genomförda insatser, sammanfattning"),
          ("results_text", "Resultat och effekter mot mål och nyckeltal"),
          ("ownership_text", "Huvudmannens långsiktiga ägarskap"))


class ReportPage(ScrollPage):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.engagement_id = ""
        self.snap: FollowUpSnapshot | None = None
        self.report: ReportObligation | None = None
        self.work: ReportWork | None = None
        self._loading = False
        self.header = PageHeader(self)
        self.points = hint("", self)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.status = QComboBox(self)
        for s in ReportStatus:
            self.status.addItem(s.label)
        self.submitted = QLineEdit(self)
        self.submitted.setPlaceholderText("ÅÅÅÅ-MM-DD")
        self.reviewed = QLineEdit(self)
        self.reviewed.setPlaceholderText("ÅÅÅÅ-MM-DD")
        self.decision = QLineEdit(self)
        self.errors: dict[str, ErrorLabel] = {}
        form = QFormLayout()
        mnemonics = set("xpf")  # taken by the buttons above the form
        for name, label, widget in (("status", "Status", self.status),
                                    ("submitted_date", "Inlämnad", self.submitted),
                                    ("reviewed_date", "Granskad, beslut", self.reviewed),
                                    ("decision_comment", "Skolverkets kommentar", self.decision)):
            form.addRow(field_label(label, widget, mnemonics, self),
                        self._with_error(name, widget))
        self.texts: dict[str, GrowingTextEdit] = {}
        self.text_titles: dict[str, QLabel] = {}
        export = QPushButton("E&xportera PDF…", self)
        export.setToolTip("Spara redovisningen som PDF (Ctrl+Skift+E)")
        export.clicked.connect(self._export)
        add_shortcut("Ctrl+Shift+E", self, self._export, context=PAGE,
                     what="Redovisning: exportera som PDF")
        mail = QPushButton("Skicka med e-&post…", self)
        mail.setToolTip("Spara PDF:en och öppna ett e-postutkast med den bifogad")
        mail.clicked.connect(self._email)
        self.draft_button = QPushButton("&Förslag från uppföljningen", self)
        self.draft_button.setToolTip("Fyll de tomma texterna med ett förslag ur loggen, målen "
                                     "och nyckeltalen (Ctrl+Z ångrar)")
        self.draft_button.clicked.connect(self.fill_draft)
        buttons = QHBoxLayout()
        buttons.addWidget(export)
        buttons.addWidget(mail)
        buttons.addWidget(self.draft_button)
        buttons.addStretch(1)
        for w in (self.header, self.points, self.facts):
            self.body.addWidget(w)
        self.body.addLayout(buttons)
        self.body.addWidget(section_title("Status", self))
        self.body.addLayout(form)
        for name, title in _TEXTS:
            self.text_titles[name] = section_title(title, self)
            self.body.addWidget(self.text_titles[name])
            edit = GrowingTextEdit(self, min_lines=4)
            name_field(edit, title)
            self.texts[name] = edit
            self.body.addWidget(self._with_error(name, edit))
            edit.textChanged.connect(self._changed)
        self.status.currentIndexChanged.connect(self._changed)
        for line in (self.submitted, self.reviewed, self.decision):
            line.textChanged.connect(self._changed)

    def _with_error(self, name: str, widget: QWidget) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        self.errors[name] = ErrorLabel(holder)
        layout.addWidget(self.errors[name])
        return holder

    # -- showing -------------------------------------------------------------------------
    def show_report(self, engagement_id: str, snap: FollowUpSnapshot, report_id: str) -> None:
        self.engagement_id, self.snap = engagement_id, snap
        assert snap.agreement is not None
        self.report = next(r for r in snap.agreement.reports if r.id == report_id)
        self.work = self.ctx.store.follow_up.work(snap, report_id)
        period = snap.periods.get(report_id)
        final = self.report.kind is ReportKind.FINAL
        if final:   # the slutredovisning covers the whole agreement
            covers = f" · hela perioden {snap.agreement.period_start} – {self.report.due_date}"
        else:
            covers = f" · perioden {period.start} – {period.end}" if period else ""
        self.header.set_text(report_title(snap, self.report),
                             f"Sista dag {self.report.due_date}{covers}")
        self.points.setText("Innehåll enligt överenskommelsen: "
                            + "; ".join(self.report.content_points))
        doc = self.ctx.store.follow_up.report_document(engagement_id, report_id)
        done = sum(len(i.done) for i in doc.insatser)
        source = (f"Som den lämnades in {self.work.submitted_date}" if self.work.frozen
                  else "Underlag ur uppföljningen i dag")
        self.facts.setText(
            f"{source}: {len(doc.insatser)} insatser, {done} loggrader, "
            f"{len(doc.trends)} nyckeltal följda. Ekonomi: beviljat {format_kr(doc.granted_kr)}, "
            f"använt {format_kr(doc.used_kr)}, ej använt {format_kr(doc.unspent_kr)}, "
            f"utbetalt {format_kr(doc.paid_kr)}.")
        self._loading = True
        try:
            w = self.work
            self.status.setCurrentIndex(list(ReportStatus).index(w.status))
            self.submitted.setText(w.submitted_date)
            self.reviewed.setText(w.reviewed_date)
            self.decision.setText(w.decision_comment)
            for name, edit in self.texts.items():
                edit.setPlainText(getattr(w, name))
            self.texts["ownership_text"].setVisible(final)
            self.text_titles["ownership_text"].setVisible(final)
            for label in self.errors.values():
                label.show_message(None)
        finally:
            self._loading = False
        self._lock_texts()

    def fill_draft(self) -> None:
        """Put a drafted wording into the empty texts, as an edit Ctrl+Z undoes."""
        if self.report is None or self.snap is None or self.work is None:
            return
        doc = build_report_document(self.snap, self.report, self.work,
                                    self.ctx.store.follow_up.today().isoformat())
        for name, text in zip(("summary", "results_text"), draft_texts(doc), strict=True):
            edit = self.texts[name]
            if not edit.toPlainText().strip() and not edit.isReadOnly():
                cursor = edit.textCursor()
                cursor.select(QTextCursor.SelectionType.Document)
                cursor.insertText(text)

    def _lock_texts(self) -> None:
        frozen = self.status.currentIndex() != 0
        self.draft_button.setEnabled(not frozen)
        for edit in self.texts.values():
            edit.setReadOnly(frozen)
            edit.setToolTip("Inlämnad och låst: sätt status till utkast för att ändra."
                            if frozen else "")

    # -- saving ----------------------------------------------------------------------------
    def candidate(self) -> ReportWork:
        assert self.work is not None
        return dataclasses.replace(
            self.work, status=list(ReportStatus)[self.status.currentIndex()],
            submitted_date=self.submitted.text().strip(),
            reviewed_date=self.reviewed.text().strip(),
            decision_comment=self.decision.text(),
            **{name: edit.toPlainText() for name, edit in self.texts.items()})

    def _changed(self) -> None:
        if self._loading or self.work is None or self.snap is None:
            return
        self._lock_texts()
        w = self.candidate()
        problems = validate_report_work(w, self.snap.periods.get(w.report_id),
                                        self.ctx.store.follow_up.today())
        for name, label in self.errors.items():
            label.show_message(next((p.message for p in problems if p.field == name), None))
        if problems:
            self.ctx.autosaver.mark_invalid(("report_work", w.report_id), problems[0].message)
            return
        self.work = w
        eid = self.engagement_id
        self.ctx.autosaver.schedule(("report_work", w.report_id),
                                    lambda: self.ctx.store.follow_up.save_report_work(eid, w))

    def _export(self) -> None:
        if self.report is not None:
            self.ctx.autosaver.flush()
            export_report(self, self.ctx.store, self.engagement_id, self.report.id)

    def _email(self) -> None:
        if self.report is not None:
            self.ctx.autosaver.flush()
            email_report(self, self.ctx.store, self.engagement_id, self.report.id)
