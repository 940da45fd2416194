"""The agreement's own fields: kind and what a tillägg amends, dnr, Skolverket's
beslut, period, status with dates, bakgrund, the handlingar and the standard texts."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton

from ...domain.agreement import Agreement, validate_agreement
from ...domain.agreement_kinds import AgreementKind, AgreementStatus
from ...domain.errors import FieldError
from ...domain.fields import check_text
from ..common.record_form import COMBO, DATE, SECTION, TEXT, ErrorLabel, FieldSpec, RecordForm
from ..common.widgets import GrowingTextEdit, PageHeader, ScrollPage, hint, section_title
from .state import AgreementState

FIELDS = [
    FieldSpec("amends_id", "Ändrar", COMBO),
    FieldSpec("dnr", "Diarienummer", placeholder="till exempel 7.4.2-2019:830"),
    FieldSpec("status", "Status", COMBO, [(s, s.label) for s in AgreementStatus]),
    FieldSpec("sent_date", "Skickat", DATE),
    FieldSpec("signed_date", "Undertecknat av båda", DATE),
    FieldSpec("decision", "Skolverkets beslut", SECTION),
    FieldSpec("decision_date", "Beslutsdatum", DATE),
    FieldSpec("decision_dnr", "Beslutets dnr"),
    FieldSpec("decision_text", "Beslutet", TEXT,
              placeholder="Skolverket har beslutat … (till exempel: om inom vilka "
                          "utvecklingsområden som insatser ska genomföras)"),
    FieldSpec("period", "Period", SECTION),
    FieldSpec("period_start", "Från", DATE),
    FieldSpec("period_end", "Till", DATE),
    FieldSpec("texts", "Texter", SECTION),
    FieldSpec("background", "Bakgrund", TEXT),
    FieldSpec("breach_text", "Brister", TEXT),
    FieldSpec("reclaim_text", "Återkrav", TEXT,
              tooltip="Tas med när Skolverket betalar ut medel"),
    FieldSpec("evaluation_text", "Utvärdering", TEXT),
    FieldSpec("changes_text", "Ändringar och tillägg", TEXT),
]


def documents_error(lines: list[str]) -> str | None:
    if not lines:
        return "Ange minst en handling, en per rad."
    return next((f"Rad {n}: {msg}" for n, line in enumerate(lines, 1)
                 if (msg := check_text(line, "texten", max_len=500))), None)


class HeaderPage(ScrollPage):
    def __init__(self, state: AgreementState, parent=None):
        super().__init__(parent)
        self.state = state
        self.header = PageHeader(self)
        state.changed.connect(lambda a: self.header.title.setText(a.name))
        self.form = RecordForm(FIELDS, self._validate, self._save, state.ctx.autosaver,
                               "agreement-header", self)
        self.documents = GrowingTextEdit(self, min_lines=2, max_lines=6)
        self.documents.setObjectName("field_documents")
        self.documents.setAccessibleName("Handlingar i denna ordning")
        self.documents.textChanged.connect(self._documents_edited)
        self.documents_error = ErrorLabel(self)
        self.bilaga = QLabel(self)
        self.bilaga.setWordWrap(True)
        self.new_bilaga = QPushButton("Bifoga planen som den är nu vid nästa export", self)
        self.new_bilaga.clicked.connect(lambda: self.state.update(plan_version_id=None))
        b = self.body
        b.addWidget(self.header)
        b.addWidget(self.form)
        b.addWidget(section_title("Handlingar i denna ordning", self))
        b.addWidget(hint("En handling per rad; den första gäller före de följande.", self))
        b.addWidget(self.documents)
        b.addWidget(self.documents_error)
        b.addWidget(section_title("Bilaga 1", self))
        b.addWidget(self.bilaga)
        b.addWidget(self.new_bilaga)

    def show_agreement(self) -> None:
        a = self.state.agreement
        assert a is not None
        self.header.set_text(a.name, "Bakgrunden följs i PDF:en av meningar om beslutet, "
                                     "ÖK 1 och åtgärdsplanen, hämtade från fälten.")
        others = [(None, "(ingen)")] + [(s.id, s.name) for s in self.state.siblings
                                        if s.id != a.id and s.kind is not AgreementKind.AMENDMENT]
        self.form.set_record(a)
        self.form.set_choices("amends_id", others)
        amendment = a.kind is AgreementKind.AMENDMENT
        self.form.widgets["amends_id"].setEnabled(amendment)
        self.documents.blockSignals(True)
        self.documents.setPlainText("\n".join(a.documents))
        self.documents.blockSignals(False)
        self.documents_error.show_message(None)
        self._show_bilaga(a)

    def _show_bilaga(self, a: Agreement) -> None:
        if a.kind is not AgreementKind.OK2:
            self.bilaga.setText("Bara en ÖK 2 har åtgärdsplanen som bilaga 1.")
            self.new_bilaga.hide()
            return
        versions = {v.id: v for v in self.state.ctx.store.plan_versions.list(a.engagement_id)}
        version = versions.get(a.plan_version_id or "")
        if version is None:
            self.bilaga.setText("Åtgärdsplanen som den är vid exporten bifogas och sparas som "
                                "en ny version.")
            self.new_bilaga.hide()
        else:
            self.bilaga.setText(f"Åtgärdsplanen version {version.number} "
                                f"({version.created_at[:10]}) är bilaga 1.")
            self.new_bilaga.show()

    def _validate(self, candidate: Agreement) -> list[FieldError]:
        return validate_agreement(candidate)

    def _save(self, candidate: Agreement) -> None:
        current = self.state.agreement
        assert current is not None
        names = [s.name for s in FIELDS if s.kind != SECTION]
        self.state.save_now(**{n: getattr(candidate, n) for n in names})

    def _documents_edited(self) -> None:
        lines = [line.strip() for line in self.documents.toPlainText().splitlines()
                 if line.strip()]
        message = documents_error(lines)
        self.documents_error.show_message(message)
        if message:
            self.state.ctx.autosaver.mark_invalid(("agreement-documents",), message)
            return
        self.state.ctx.autosaver.forget(("agreement-documents",))
        self.state.update(documents=lines)
