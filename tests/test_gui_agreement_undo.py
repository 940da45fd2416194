"""Deletions in the agreement editor are asked about, then undone with Ctrl+Z
(Redigera ▸ Ångra) in the list or table they were made in: the database after the
undo holds what it held before (every exchanged table, compared row by row;
updated_at aside, since putting a row back is a new write)."""

import dataclasses

import pytest
from helpers.money_agreement import enter_hagsta
from helpers.qt_helpers import answer_next_dialog
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from stockholm_agreement import enter_stockholm
from test_gui_agreement import open_agreements

from dialogteam_app.domain.agreement_amendments import AgreementChange, ChangeTarget
from dialogteam_app.domain.agreement_kinds import AgreementKind
from dialogteam_app.exchange.schema_graph import SchemaGraph


def dump(store) -> dict[str, list[tuple]]:
    store.db.flush()
    conn = store.db.conn
    result = {}
    for table in SchemaGraph.read(conn).order:
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table.name}")')
                   if r[1] != "updated_at"]
        listed = ", ".join(f'"{c}"' for c in columns)
        result[table.name] = sorted(tuple(r) for r in
                                    conn.execute(f'SELECT {listed} FROM "{table.name}"'))
    return result


def focus(widget):
    """Focus as a user's click gives it, in the window active again after a question."""
    widget.window().activateWindow()
    QApplication.processEvents()
    widget.setFocus()
    assert QApplication.focusWidget() is widget


def delete_with_key(widget, seen=None):
    """Delete in the focused list or table, answering 'Ta bort' to the question."""
    focus(widget)
    answer_next_dialog("Ta bort", seen)
    QTest.keyClick(widget, Qt.Key.Key_Delete)


def undo_in(window, widget):
    focus(widget)
    window.act_undo.trigger()   # Redigera ▸ Ångra, Ctrl+Z


def redo_in(window, widget):
    focus(widget)
    window.act_redo.trigger()


@pytest.fixture
def stockholm(window):
    store = window.ctx.store
    with store.db.bulk():
        engagement_id, ok2_id = enter_stockholm(store)
    view = open_agreements(window, engagement_id)
    view.reload(select=ok2_id)
    return view, ok2_id


def test_a_deleted_agreement_comes_back_with_its_parts_and_tillagg(stockholm, window):
    view, ok2_id = stockholm
    store = window.ctx.store
    view.add(AgreementKind.AMENDMENT)   # a tillägg of the ÖK 2, deleted with it
    amendment = view.state.agreement
    store.agreements.save_change(AgreementChange(
        agreement_id=amendment.id, target=ChangeTarget.PERIOD_END, target_id=ok2_id,
        value="2022-12-31"))
    view.reload(select=ok2_id)
    before = dump(store)
    seen = []
    delete_with_key(view.list, seen)
    assert "Du kan ångra med Ctrl+Z." in seen[0]
    assert store.agreements.get(ok2_id) is None and store.agreements.get(amendment.id) is None
    assert dump(store) != before
    undo_in(window, view.list)
    assert dump(store) == before
    assert view.state.agreement.id == ok2_id    # shown again, chosen in the list
    redo_in(window, view.list)
    assert store.agreements.get(ok2_id) is None
    undo_in(window, view.list)
    assert dump(store) == before


def test_deleted_terms_come_back_with_funding_and_report_coverage(stockholm, window):
    view, ok2_id = stockholm
    store = window.ctx.store
    ok2 = store.agreements.get(ok2_id)
    guidance = ok2.terms[1]
    report = next(r for r in ok2.reports if r.kind.value == "delredovisning")
    store.agreements.save_report(dataclasses.replace(report, terms_ids=[guidance.id]))
    view.tabs.setCurrentWidget(view.terms)
    page = view.terms
    page.show_agreement(select=guidance.id)
    before = dump(store)
    delete_with_key(page.list)
    stored = store.agreements.get(ok2_id)
    assert guidance.id not in [t.id for t in stored.terms]
    assert all(guidance.id not in r.terms_ids for r in stored.reports)
    undo_in(window, page.list)
    assert dump(store) == before
    assert page.list.currentItem().text() == guidance.title   # chosen again


@pytest.fixture
def hagsta(window):
    store = window.ctx.store
    with store.db.bulk():
        engagement_id, agreement_id = enter_hagsta(store)
    return open_agreements(window, engagement_id), agreement_id


def choose_row(table, row=0):
    table.view.setCurrentIndex(table.model.index(row, 0))


@pytest.mark.parametrize("page_name, table_of", [
    ("money", lambda view: view.money.payments),
    ("reports", lambda view: view.reports.reports),
    ("signatures", lambda view: view.signatures.table),
    ("terms", lambda view: view.terms.editor.funding),
    ("terms", lambda view: view.terms.editor.participants),
])
def test_a_deleted_row_comes_back(hagsta, window, page_name, table_of):
    view, agreement_id = hagsta
    store = window.ctx.store
    view.tabs.setCurrentWidget(getattr(view, page_name))
    table = table_of(view)
    rows = table.model.rowCount()
    assert rows >= 1, "the sample agreement has rows to delete here"
    before = dump(store)
    choose_row(table, rows - 1)
    delete_with_key(table.view)
    assert table.model.rowCount() == rows - 1
    assert dump(store) != before
    focus(table.view)
    assert window.act_undo.text().startswith("&Ångra ta bort ")   # Redigera names it
    undo_in(window, table.view)
    assert dump(store) == before
    table = table_of(view)
    assert table.model.rowCount() == rows       # and shown again
    redo_in(window, table.view)
    assert table_of(view).model.rowCount() == rows - 1
    undo_in(window, table_of(view).view)
    assert dump(store) == before


def test_undo_is_forgotten_in_another_samverkan(stockholm, window):
    view, ok2_id = stockholm
    delete_with_key(view.list)
    assert view.state.stack.canUndo()
    with window.ctx.store.db.bulk():
        engagement_id, _ = enter_hagsta(window.ctx.store)
    open_agreements(window, engagement_id)
    assert not view.state.stack.canUndo()
