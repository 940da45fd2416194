"""What the follow-up adds to the main window: the "Att göra" page (opened from the
navigator, the menu Uppföljning, Ctrl+Shift+A, and on the first start of a day when
something is due), opening each row's place, and the calendar and team exports.
Imported at start-up, so everything else is imported where it is used."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ..common.dialogs import show_error, show_info
from ..window.navigator import ENGAGEMENT, TODO

if TYPE_CHECKING:
    from ...domain.follow_up_overview import TodoItem
    from ..window.main_window import MainWindow
    from .todo_view import TodoView

SHOWN_ON = "todo/shown_on"


def make_todo_page(w: MainWindow) -> TodoView:
    from .todo_view import TodoView
    view = TodoView(w.ctx, w)
    view.open_item.connect(lambda item: open_todo_item(w, item))
    return view


def open_todo_item(w: MainWindow, item: TodoItem) -> None:
    from ...domain.follow_up_overview import TodoKind
    from .follow_up_view import PAYMENTS, REPORT
    if item.kind is TodoKind.TASK:
        w.open_meeting(item.target_id)
        return
    w.navigator.select(ENGAGEMENT, item.engagement_id)
    view = w.engagement_view
    if item.kind is TodoKind.REPORT:
        view.show_follow_up(REPORT, item.target_id)
    elif item.kind is TodoKind.PAYMENT:
        view.show_follow_up(PAYMENTS)
    else:   # a signature: the agreement in the tab where it is recorded
        view.tabs.setCurrentWidget(view.agreements)
        view.agreements.show_engagement(item.engagement_id, select=item.target_id)


def show_todo_on_start(w: MainWindow, today: date | None = None) -> bool:
    """The first start of a day with something due opens "Att göra"; later starts
    that day go back to the last selection."""
    today = today or _today(w)
    if w.settings.value(SHOWN_ON, "") == today.isoformat() or w.ctx.store.is_empty():
        return False
    if not w.ctx.store.follow_up_overview.todo(today):
        return False
    w.settings.setValue(SHOWN_ON, today.isoformat())
    w.navigator.select(TODO)
    return True


def _today(w: MainWindow) -> date:
    """The follow-up's clock once it is in use (tests set one there), else the date:
    importing the follow-up's store only to read the date cost every start ~25 ms."""
    follow_up = vars(w.ctx.store).get("follow_up")  # a cached_property, once read
    return follow_up.today() if follow_up is not None else date.today()


def _action(w: MainWindow, text: str, slot, shortcut: str | None = None,
            tip: str = "") -> QAction:
    action = QAction(text, w)
    action.triggered.connect(slot)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    return action


def add_follow_up_actions(w: MainWindow) -> None:
    w.act_todo = _action(w, "Att göra", lambda: w.navigator.select(TODO), "Ctrl+Shift+A",
                         "Redovisningar, uppgifter, utbetalningar och underskrifter som väntar")
    w.act_team_overview = _action(w, "Teamöversikt", lambda: w.navigator.select("team"),
                                  tip="Alla samverkan med insatser, pengar och framgångsfaktorer")
    w.act_calendar = _action(w, "Exportera kalender (.ics)…", lambda: export_calendar(w),
                             tip="Alla datum för Outlook eller Thunderbird")
    menu = QMenu("&Uppföljning", w)
    for a in (w.act_todo, w.act_team_overview, None, w.act_calendar):
        menu.addSeparator() if a is None else menu.addAction(a)
    # Before Hjälp, which build_actions added last.
    w.menuBar().insertMenu(w.menuBar().actions()[-1], menu)


def export_calendar(w: MainWindow) -> Path | None:
    from PySide6.QtWidgets import QFileDialog  # here, not at start-up (see common/dialogs.py)

    from ..plan.export import documents_folder
    name, _ = QFileDialog.getSaveFileName(w, "Exportera kalender",
                                          str(documents_folder() / "Dialogteam.ics"),
                                          "Kalenderfiler (*.ics)")
    return export_calendar_to(w, Path(name)) if name else None


def export_calendar_to(w: MainWindow, path: Path) -> Path | None:
    from ...export.atomic import describe_os_error
    from ...export.follow_up.calendar_ics import write_calendar
    from ...store.follow_up_overview import calendar_events
    w.ctx.autosaver.flush()
    try:
        count = write_calendar(calendar_events(w.ctx.store.db), path)
    except OSError as exc:
        show_error(w, "Kalendern sparades inte", describe_os_error(exc, path))
        return None
    show_info(w, "Kalender sparad", f"{count} händelser sparades i {path}. Importera filen i "
                                    "Outlook eller Thunderbird; en ny fil med samma namn "
                                    "uppdaterar händelserna i stället för att lägga till kopior.")
    return path
