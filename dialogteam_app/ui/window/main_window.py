"""The main window: navigator on the left, the selected item's editor on the right,
and a status line that says whether everything is saved."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from ... import APP_NAME
from ...dataclass_code import save_dataclass_code
from ...domain.engagement import Engagement
from ...domain.meetings import Meeting
from ...domain.organisations import Organiser
from ...gc_pause import start_done
from ...sample_data import SampleAlreadyLoaded, load_sample, sample_loaded
from ..common.context import AppContext
from ..common.dialogs import confirm_close_unsaved, confirm_delete, show_info
from ..common.folders import open_folder
from ..common.in_use import refused_because_in_use
from ..common.save_status import SaveStatusLabel
from ..common.theme import themed
from .actions import build_actions
from .navigator import ENGAGEMENT, MEETING, ORGANISER, SEARCH, TEAM, TODO, Navigator, notes_detail
from .warm_up import warm_up

if TYPE_CHECKING:
    from .welcome_view import WelcomeView

NOT_PAINTED_MS = 2000


class MainWindow(QMainWindow):
    usable = Signal()  # painted, the last selection back, the event loop free for input

    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(APP_NAME)
        self.settings = QSettings(str(ctx.paths.ui_settings), QSettings.Format.IniFormat)

        self.navigator = Navigator(ctx.store, self)
        self.navigator.selected.connect(self.show_item)
        self.navigator.activated.connect(self._activated)
        self.navigator.model_.itemChanged.connect(lambda _item: self._update_title())

        self.stack = QStackedWidget(self)
        self._welcome: WelcomeView | None = None  # built when first shown, as the pages
        self._pages: dict[str, QWidget] = {}  # built on first use: start-up builds none

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 940])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self.save_status = SaveStatusLabel(ctx.autosaver, self)
        # Permanent: a passing message (showMessage) never hides whether all is saved.
        self.statusBar().addPermanentWidget(self.save_status, 1)
        where = QLabel(f"Datamapp: {ctx.paths.root}", self)
        themed(where, "dataDir")
        self.statusBar().addPermanentWidget(where)
        ctx.autosaver.save_failed.connect(self._save_failed)

        build_actions(self)
        self.starting = True  # until usable: work that can wait waits (common/deferred.py)
        self.navigator.reload(counts=False)
        self._restore_geometry()
        # The last selection is built before the first paint, which then shows it (one
        # layout and paint, not the welcome page's first). What can wait (note counts,
        # sections below the fold) follows once usable; a long meeting lists its newest
        # notes, the older ones when scrolled to.
        self.restore_selection()
        self._update_empty_state()
        if self.navigator.current() is None:
            # Nothing came back: the welcome page, and its button has the focus (a tree
            # view picks its first row when it gets the focus).
            self.welcome.create_button.setFocus()
        self._first_paint_done = False

    # -- pages ---------------------------------------------------------------------------------
    @property
    def welcome(self) -> WelcomeView:
        """The page for when nothing is selected. A start that brings the last selection
        back never shows it (building it cost ~1.5 ms of the start, in a sampled profile)."""
        if self._welcome is None:
            from .welcome_view import WelcomeView
            self._welcome = WelcomeView(self.stack)
            self._welcome.create_organiser.connect(self.new_organiser)
            self._welcome.load_sample.connect(self.open_sample)
            self._welcome.set_empty(self.ctx.store.is_empty())
            self.stack.addWidget(self._welcome)
        return self._welcome

    def page(self, name: str) -> QWidget:
        if name not in self._pages:
            widget = getattr(self, f"_make_{name}_page")()
            self.stack.addWidget(widget)
            self._pages[name] = widget
        return self._pages[name]

    @property
    def team_view(self):
        return self.page("team")

    @property
    def organiser_view(self):
        return self.page("organiser")

    @property
    def engagement_view(self):
        return self.page("engagement")

    @property
    def meeting_view(self):
        return self.page("meeting")

    @property
    def search_view(self):
        return self.page("search")

    @property
    def todo_view(self):
        return self.page("todo")

    def _make_todo_page(self):
        from ..follow_up.window_hooks import make_todo_page
        return make_todo_page(self)

    def _make_team_page(self):
        from ..register.team_view import TeamView
        return TeamView(self.ctx, self)

    def _make_organiser_page(self):
        from ..register.organiser_view import OrganiserView
        view = OrganiserView(self.ctx, self)
        view.renamed.connect(lambda oid, name: self.navigator.rename(ORGANISER, oid, name))
        view.open_engagement.connect(lambda eid: self.navigator.select(ENGAGEMENT, eid))
        view.new_engagement.connect(self.new_engagement_for)
        return view

    def _make_engagement_page(self):
        from ..register.engagement_view import EngagementView
        view = EngagementView(self.ctx, self)
        view.renamed.connect(self._engagement_renamed)
        view.overview.open_meeting.connect(lambda mid: self.open_meeting(mid))
        view.overview.new_meeting.connect(self.new_meeting_for)
        view.open_note.connect(self.open_meeting)
        return view

    def _make_meeting_page(self):
        from ..meetings.meeting_view import MeetingView
        view = MeetingView(self.ctx, self)
        view.renamed.connect(lambda mid, name: self.navigator.rename(MEETING, mid, name))
        view.note_count_changed.connect(
            lambda mid, n: self.navigator.rename(MEETING, mid, None, notes_detail(n)))
        return view

    def _make_search_page(self):
        from ..search.search_view import SearchView
        view = SearchView(self.ctx, self)
        view.open_note.connect(self.open_meeting)
        return view

    def _edit_command(self, name: str) -> None:
        """Undo/redo in the focused widget: a text field's own history, or the notes' or
        the plan outline's undo stack."""
        widget = QApplication.focusWidget()
        if widget is not None and hasattr(widget, name):
            getattr(widget, name)()

    # -- navigation ----------------------------------------------------------------------------
    def show_item(self, kind: str, record_id: str) -> None:
        self.ctx.autosaver.flush()
        if kind == TEAM:
            self.team_view.reload()
            self.stack.setCurrentWidget(self.team_view)
        elif kind == TODO:
            self.todo_view.reload()
            self.stack.setCurrentWidget(self.todo_view)
        elif kind == SEARCH:
            self.stack.setCurrentWidget(self.search_view)
            self.search_view.prepare()
        elif kind == MEETING and self.meeting_view.show_meeting(record_id):
            self.stack.setCurrentWidget(self.meeting_view)
        elif kind == ORGANISER and self.organiser_view.show_organiser(record_id):
            self.stack.setCurrentWidget(self.organiser_view)
        elif kind == ENGAGEMENT and self.engagement_view.show_engagement(record_id):
            self.stack.setCurrentWidget(self.engagement_view)
        else:
            self._update_empty_state()
            self.stack.setCurrentWidget(self.welcome)
        self.act_delete.setEnabled(kind in (ORGANISER, ENGAGEMENT, MEETING))
        self._update_title()

    def _update_title(self) -> None:
        """The open item names the window (task bar, window switcher, screen reader)."""
        current = self.navigator.current()
        item = self.navigator.item_for(*current) if current else None
        self.setWindowTitle(f"{item.text()} – {APP_NAME}" if item is not None else APP_NAME)

    def _update_empty_state(self) -> None:
        if self._welcome is not None:
            self._welcome.set_empty(self.ctx.store.is_empty())
        self.act_sample.setEnabled(not sample_loaded(self.ctx.store))
        if self.navigator.current() is None:
            self.stack.setCurrentWidget(self.welcome)
            self.act_delete.setEnabled(False)
            self._update_title()

    def _engagement_renamed(self, engagement_id: str, name: str) -> None:
        e = self.engagement_view.overview.engagement
        self.navigator.rename(ENGAGEMENT, engagement_id, name, e.phase.label if e else None)

    def _activated(self, index) -> None:
        """Enter on a meeting in the list: straight to typing notes."""
        current = self.navigator.current()
        if current and current[0] == MEETING:
            self.meeting_view.focus_capture()

    def current_engagement_id(self) -> str | None:
        current = self.navigator.current()
        if current is None:
            return None
        kind, record_id = current
        if kind == ENGAGEMENT:
            return record_id
        if kind == MEETING:
            m = self.ctx.store.meetings.get(record_id)
            return m.engagement_id if m else None
        return None

    def current_organiser_id(self) -> str | None:
        current = self.navigator.current()
        if current is None:
            return None
        kind, record_id = current
        if kind == ORGANISER:
            return record_id
        engagement_id = self.current_engagement_id()
        if engagement_id:
            e = self.ctx.store.engagements.get(engagement_id)
            return e.organiser_id if e else None
        return None

    # -- commands ----------------------------------------------------------------------------
    def new_organiser(self) -> None:
        self.ctx.autosaver.flush()
        o = Organiser(name="Ny huvudman")
        self.ctx.store.organisers.save(o)
        self.navigator.reload(select=(ORGANISER, o.id))
        self._update_empty_state()
        self.organiser_view.focus_name()

    def new_engagement(self) -> None:
        organiser_id = self.current_organiser_id()
        if organiser_id is None:
            show_info(self, "Ny samverkan", "Välj först den huvudman som samverkan gäller, "
                                            "eller lägg till en ny huvudman.")
            return
        self.new_engagement_for(organiser_id)

    def new_engagement_for(self, organiser_id: str) -> None:
        self.ctx.autosaver.flush()
        e = Engagement(organiser_id=organiser_id)
        self.ctx.store.engagements.save(e)
        self.navigator.reload(select=(ENGAGEMENT, e.id))
        title = self.engagement_view.overview.form.widgets["title"]
        title.setFocus()
        title.selectAll()

    def new_meeting(self) -> None:
        engagement_id = self.current_engagement_id()
        if engagement_id is None:
            show_info(self, "Nytt möte", "Välj först den samverkan som mötet hör till.")
            return
        self.new_meeting_for(engagement_id)

    def new_meeting_for(self, engagement_id: str) -> None:
        self.ctx.autosaver.flush()
        m = Meeting(engagement_id=engagement_id, date=date.today().isoformat())
        self.ctx.store.meetings.save(m)
        self.navigator.reload(select=(MEETING, m.id))
        title = self.meeting_view.form.widgets["title"]
        title.setFocus()

    def open_meeting(self, meeting_id: str, note_id: str = "") -> None:
        self.navigator.select(MEETING, meeting_id)
        if note_id:
            self.meeting_view.select_note(note_id)
        else:
            self.meeting_view.focus_capture()

    def export_plan(self) -> None:
        """Arkiv → Exportera åtgärdsplan… (Ctrl+E) from anywhere: the plan of the selected
        samverkan (or of the meeting's), shown on its tab, then the export dialog."""
        engagement_id = self.current_engagement_id()
        if engagement_id is None:
            show_info(self, "Exportera åtgärdsplan",
                      "Välj först den samverkan vars åtgärdsplan ska exporteras.")
            return
        if self.navigator.current() != (ENGAGEMENT, engagement_id):
            self.navigator.select(ENGAGEMENT, engagement_id)
        view = self.engagement_view
        view.tabs.setCurrentWidget(view.plan)
        view.plan.export_pdf()

    def show_meeting_details(self, visible: bool) -> None:
        """Visa → Mötets uppgifter: the meeting's right-hand pane, for more room to write."""
        self.meeting_view.tabs.setVisible(visible)

    def show_shortcuts(self) -> None:
        from .shortcuts_dialog import ShortcutsDialog
        ShortcutsDialog(self).exec()

    def show_search(self) -> None:
        if self.navigator.current() == (SEARCH, ""):
            self.search_view.prepare()
        self.navigator.select(SEARCH, "")

    def delete_selected(self) -> None:
        current = self.navigator.current()
        if current is None or current[0] not in (ORGANISER, ENGAGEMENT, MEETING):
            return
        self.ctx.autosaver.flush()
        kind, record_id = current
        store = self.ctx.store
        repo, table, title, name = {
            ORGANISER: (store.organisers, "organisers", "Ta bort huvudman",
                        lambda o: f"huvudmannen {o.name}"),
            ENGAGEMENT: (store.engagements, "engagements", "Ta bort samverkan",
                         lambda e: e.display_name),
            MEETING: (store.meetings, "meetings", "Ta bort möte",
                      lambda m: f"mötet {m.display_name}"),
        }[kind]
        record = repo.get(record_id)
        if record is None or refused_because_in_use(self, store, table, [record_id]):
            return
        if not confirm_delete(self, title, f"Ta bort {name(record)}?",
                              repo.deletion_impact(record_id)):
            return
        repo.delete(record_id)
        self.ctx.autosaver.forget((kind, record_id))  # its form's key, e.g. ("meeting", id)
        self.ctx.autosaver.forget(("draft", record_id))
        self.navigator.reload()
        self._update_empty_state()

    def open_sample(self) -> None:
        self.ctx.autosaver.flush()
        try:
            engagement = load_sample(self.ctx.store)
        except SampleAlreadyLoaded as exc:
            show_info(self, "Exempeldata", str(exc))
            return
        self.navigator.reload(select=(ENGAGEMENT, engagement.id))
        self._update_empty_state()

    def show_data_dir(self) -> None:
        open_folder(self.ctx.paths.root)

    # -- exchange and backups: dialogs in their own modules, imported on first use ------------
    def export_package(self) -> None:
        from ..exchange.exchange_dialogs import export_to_colleague
        export_to_colleague(self)

    def import_package(self) -> None:
        from ..exchange.exchange_dialogs import import_from_colleague
        import_from_colleague(self)

    def show_conflicts(self) -> None:
        from ..exchange.conflicts_dialog import ConflictsDialog
        dialog = ConflictsDialog(self)
        dialog.exec()
        if dialog.settled:
            self.reload_data()

    def show_backups(self) -> None:
        from ..backups.backup_dialog import BackupsDialog
        BackupsDialog(self).exec()

    def check_database(self) -> None:
        from ..backups.backup_dialog import show_database_check
        show_database_check(self)

    def reload_data(self) -> None:
        """After an import, a settled conflict or a restore: the tree and every page are
        rebuilt from the store (undo histories of the old pages go with them)."""
        self.ctx.autosaver.flush()
        current = self.navigator.current()
        self.stack.setCurrentWidget(self.welcome)
        self._stop_searching()
        for page in self._pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self._pages.clear()
        self.navigator.reload(select=current)
        self._update_empty_state()

    def _save_failed(self, message: str) -> None:
        self.statusBar().showMessage(f"Kunde inte spara: {message}", 10_000)

    # -- window state --------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = self.settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def event(self, event) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._first_paint_done:
            self._first_paint_done = True
            QTimer.singleShot(0, self, self._usable)  # after what the first paint queued
        elif event.type() == QEvent.Type.Show and self.starting:
            # A window shown but never painted (minimised at start) is usable all the same.
            QTimer.singleShot(NOT_PAINTED_MS, self, self._usable)
        return handled

    def _usable(self) -> None:
        if not self.starting:
            return
        start_done()
        save_dataclass_code()
        self.starting = False
        self.usable.emit()
        # Counts of every meeting (20-50 ms at 100 000 notes, the index read cold): not
        # needed to work, so in a turn of their own once the window is usable.
        QTimer.singleShot(0, self, self.navigator.show_note_counts)
        warm_up(self)

    def restore_selection(self) -> None:
        kind = self.settings.value("selected/kind", "")
        record_id = self.settings.value("selected/id", "")
        from ..follow_up.window_hooks import show_todo_on_start
        if self.navigator.current() is None and show_todo_on_start(self):
            return
        if kind and self.navigator.current() is None \
                and self.navigator.item_for(kind, record_id) is not None:
            self.navigator.select(kind, record_id)
            self.navigator.setFocus()

    def closeEvent(self, event) -> None:
        self.ctx.autosaver.flush()
        invalid = self.ctx.autosaver.invalid_messages()
        if invalid and not confirm_close_unsaved(self, invalid):
            event.ignore()
            return
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("splitter", self.splitter.saveState())
        kind, record_id = self.navigator.current() or ("", "")
        if kind != TODO:  # Att göra comes by itself; the last place worked in is kept
            self.settings.setValue("selected/kind", kind)
            self.settings.setValue("selected/id", record_id)
        self.settings.sync()
        self._stop_searching()
        event.accept()

    def _stop_searching(self) -> None:
        if "search" in self._pages:
            self.search_view.stop_searching()
