"""Gallra personuppgifter…: from an ended samverkan, a guided step that says exactly
what goes and what stays, lets the user choose the period after the end, and does
it off the GUI thread after a last question. The rules are domain/retention.py."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.retention import (
    CAVEAT,
    DEFAULT_MONTHS,
    PERIOD_CHOICES,
    WHAT_GOES,
    WHAT_STAYS,
    placeholder,
)
from ...store.errors import StoreError
from ..common.background_job import run_in_background
from ..common.dialogs import show_error, show_info
from ..common.widgets import hint, section_title

WIDTH = 640


def _bullets(lines: list[str] | tuple[str, ...]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def period_text(months: int) -> str:
    return "direkt när den avslutats" if months == 0 else f"{months} månader efter avslutet"


class RetentionDialog(QDialog):
    def __init__(self, parent: QWidget | None, store, engagement_id: str,
                 today: date | None = None):
        super().__init__(parent)
        self.store = store
        self.engagement_id = engagement_id
        self.today = today or date.today()
        engagement = store.engagements.get(engagement_id)
        self.setWindowTitle(f"Gallra personuppgifter – {engagement.display_name}")
        self.period = QComboBox(self)
        for months in PERIOD_CHOICES:
            self.period.addItem(period_text(months), months)
        self.period.setCurrentIndex(PERIOD_CHOICES.index(DEFAULT_MONTHS))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.goes = QLabel(self)
        self.goes.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint("När en samverkan är avslutad behövs inte längre uppgifterna om "
                              "personer i anteckningarna. Gallringen tar bort dem men behåller "
                              "det som samverkan ledde fram till.", self))
        form = QFormLayout()
        form.addRow("&Gallra:", self.period)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(section_title("Det här tas bort", self))
        layout.addWidget(self.goes)
        layout.addWidget(section_title("Det här står kvar", self))
        stays = QLabel(_bullets(WHAT_STAYS), self)
        stays.setWordWrap(True)
        layout.addWidget(stays)
        layout.addWidget(hint(CAVEAT, self))
        earlier = store.retention.records(engagement_id)
        if earlier:
            layout.addWidget(section_title("Gjorda gallringar", self))
            layout.addWidget(hint(_bullets([
                f"{r.done_on}{' av ' + r.done_by if r.done_by else ''}: "
                + (", ".join(r.counts.lines()) or "inget att ta bort") for r in earlier]), self))
        buttons = QDialogButtonBox(self)
        self.gallra_button = buttons.addButton("Gallra nu…", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("Stäng", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.period.currentIndexChanged.connect(self._update)
        self._update()
        self.setMinimumWidth(WIDTH)
        # Wrapped labels: the height they need at this width (sizeHint guesses narrower).
        self.resize(WIDTH, max(self.sizeHint().height(), layout.totalHeightForWidth(WIDTH)))

    def months(self) -> int:
        return int(self.period.currentData())

    def schedule(self):
        return self.store.retention.schedule(self.engagement_id, self.months())

    def _update(self) -> None:
        schedule = self.schedule()
        counts = self.store.retention.preview(self.engagement_id, self.today)
        reason = schedule.why_not(self.today)
        if reason is not None:
            self.status.setText(reason)
        elif counts.total():
            self.status.setText(f"Samverkan avslutades {schedule.ended_on}. Den kan gallras nu "
                                f"(från {schedule.due_on}).")
        else:
            self.status.setText("Samverkan är redan gallrad: inget finns kvar att ta bort.")
        what = WHAT_GOES[0].format(placeholder=placeholder(self.today.isoformat()))
        found = ", ".join(counts.lines()) or "inget"
        self.goes.setText(_bullets([what, *WHAT_GOES[1:]]) + f"\n\nJust nu: {found}.")
        self.gallra_button.setEnabled(reason is None and counts.total() > 0)


def gallra_from_window(window, engagement_id: str, confirm=None) -> bool:
    """The dialog, a last question, then the gallring off the GUI thread."""
    ctx = window.ctx
    ctx.autosaver.flush()
    dialog = RetentionDialog(window, ctx.store, engagement_id)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    schedule, today = dialog.schedule(), dialog.today
    confirm = confirm or _confirm
    if not confirm(window):
        return False
    name = ctx.store.settings.exchange_name()
    try:
        counts = run_in_background(window, "Gallrar", lambda progress: ctx.store.retention.gallra(
            engagement_id, schedule, today, name))
    except StoreError as exc:
        show_error(window, "Gallringen gjordes inte", f"{exc}\n\nIngenting har ändrats.")
        return False
    window.reload_data()
    show_info(window, "Samverkan är gallrad",
              f"Borttaget: {', '.join(counts.lines()) or 'inget'}. Gallringen följer med i nästa "
              "paket till kollegorna och görs då också hos dem.")
    return True


def _confirm(parent: QWidget) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, "Gallra personuppgifter",
                      "Personuppgifterna tas bort för gott. Det går inte att ångra.", parent=parent)
    yes = box.addButton("Gallra", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Avbryt", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is yes
