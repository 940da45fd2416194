"""The program's one database file: migrations on open, reads here, writes
through a single writer (inline for the CLI and tests, a thread for the GUI).

sqlite3's errors leave here as the store's own StoreError family (store/errors.py).
Repositories' single-row reads on `conn` are not wrapped: a failing read means a
damaged file, which the window's crash dialog reports."""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..output_guard import protect_database
from . import rows
from .connection import connect, sqlite3, transaction
from .errors import as_store_error, store_errors
from .migrations import migrate
from .open_guard import inspect_before_open
from .purge import checkpoint
from .writer import BackgroundWriter

log = logging.getLogger(__name__)


class Database:
    def __init__(self, path: Path, *, backup_dir: Path | None = None,
                 threaded: bool = False,
                 on_pending: Callable[[int], None] | None = None,
                 on_error: Callable[[BaseException], None] | None = None):
        self.path = Path(path)
        protect_database(self.path)
        self._options = (backup_dir, threaded, on_pending, on_error)
        self._open()

    def _open(self) -> None:
        backup_dir, threaded, on_pending, on_error = self._options
        # Said by the command line and the window after opening (store/open_guard.py).
        self.open_warnings = inspect_before_open(self.path, backup_dir or self.path.parent)
        with store_errors():
            self.conn = connect(self.path)
        self._in_bulk = False
        try:
            with store_errors():
                self.upgrade_backup = migrate(self.conn, backup_dir)
                self._writer = (BackgroundWriter(lambda: connect(self.path), on_pending,
                                                 _reporting(on_error)) if threaded else None)
        except BaseException:
            self.conn.close()
            raise

    def reopen(self) -> None:
        """Open the file again after it was replaced (a backup restored). Everything
        holding this object, the repositories among them, goes on with the new content."""
        self.close()
        self._open()

    def write(self, fn: Callable[..., Any], *args: object) -> Any:
        """Run fn(conn, *args) in one transaction, after earlier queued saves."""
        with store_errors():
            if self._in_bulk:
                return fn(self.conn, *args)
            if self._writer is None:
                with transaction(self.conn):
                    return fn(self.conn, *args)
            return self._writer.call(fn, *args)

    def submit(self, key: Hashable, fn: Callable[..., Any], *args: object) -> None:
        """Save without waiting; a pending save with the same key is replaced."""
        if self._writer is None or self._in_bulk:
            self.write(fn, *args)
        else:
            self._writer.submit(key, fn, *args)

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Many writes as one transaction on this thread's connection: one commit
        instead of one per record (loading sample data, importing), and all or nothing.
        Reads inside see the writes. The writer is drained first and sits idle."""
        self.flush()
        with store_errors(), transaction(self.conn):
            self._in_bulk = True
            try:
                yield
            finally:
                self._in_bulk = False

    def upsert(self, table: str, values: Mapping[str, object], *, wait: bool = True) -> None:
        """Insert or update one row; wait=False queues it (autosave while typing)."""
        if wait:
            self.write(rows.upsert, table, values)
        else:
            self.submit((table, values["id"]), rows.upsert, table, values)

    def delete(self, table: str, record_id: str) -> int:
        count: int = self.write(rows.delete, table, record_id)
        return count

    def flush(self) -> None:
        if self._writer is not None:
            self._writer.flush()

    def pending(self) -> int:
        return self._writer.pending() if self._writer is not None else 0

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        try:
            checkpoint(self.conn)     # deleted text leaves the WAL too
        except sqlite3.Error:
            pass                      # read-only or busy: SQLite checkpoints on its own later
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, sql: str,
              params: tuple[object, ...] | Mapping[str, object] = ()) -> list[sqlite3.Row]:
        with store_errors():
            found: list[sqlite3.Row] = self.conn.execute(sql, params).fetchall()
        return found


def _reporting(on_error: Callable[[BaseException], None] | None
               ) -> Callable[[BaseException], None]:
    """A failed background save is logged with its traceback and reported translated."""
    def report(exc: BaseException) -> None:
        log.error("a queued save failed", exc_info=exc)
        if on_error is not None:
            on_error(as_store_error(exc))
    return report
