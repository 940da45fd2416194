"""Searches run on a thread of their own, so typing never waits for a query.

The thread has its own read connection (WAL lets it read while the writer
writes). Only the newest request counts: requests that arrive while a query runs
replace each other, and a result that is already outdated when it is ready is
dropped, so a fast typist costs one query per pause, not one per key.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from pathlib import Path

from .connection import connect, sqlite3
from .search import SearchFilter, SearchResult, search_notes


class _Reader:
    """What search_notes needs of a database: query()."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def query(self, sql: str,
              params: tuple[object, ...] | Mapping[str, object] = ()) -> list[sqlite3.Row]:
        found: list[sqlite3.Row] = self.conn.execute(sql, params).fetchall()
        return found


Deliver = Callable[[int, SearchResult], None]


class SearchRunner:
    """`submit()` returns the request's number; `deliver(number, result)` is called on
    the search thread for a request that is still the newest when its result is ready."""

    def __init__(self, path: Path, deliver: Deliver) -> None:
        self._path = path
        self._deliver = deliver
        self._wake = threading.Condition()
        self._request: tuple[int, str, SearchFilter] | None = None
        self._newest = 0
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="search", daemon=True)
        self._thread.start()

    def submit(self, text: str, where: SearchFilter) -> int:
        with self._wake:
            self._newest += 1
            self._request = (self._newest, text, where)
            self._wake.notify()
            return self._newest

    def outdate(self) -> int:
        """A number newer than every request so far (their results will be dropped)."""
        with self._wake:
            self._newest += 1
            self._request = None
            return self._newest

    def is_newest(self, number: int) -> bool:
        with self._wake:
            return number == self._newest

    def close(self) -> None:
        with self._wake:
            self._closed = True
            self._wake.notify()
        self._thread.join(timeout=5)

    def _next(self) -> tuple[int, str, SearchFilter] | None:
        with self._wake:
            while self._request is None and not self._closed:
                self._wake.wait()
            request, self._request = self._request, None
            return None if self._closed else request

    def _run(self) -> None:
        conn, opened = connect(self._path), _identity(self._path)
        try:
            while (request := self._next()) is not None:
                number, text, where = request
                if _identity(self._path) != opened:   # replaced (encryption turned on)
                    conn.close()
                    conn, opened = connect(self._path), _identity(self._path)
                try:
                    result = search_notes(_Reader(conn), text, where)
                except sqlite3.Error as exc:
                    result = SearchResult([], error=f"Sökningen misslyckades: {exc}")
                if self.is_newest(number):
                    self._deliver(number, result)
        finally:
            conn.close()


def _identity(path: Path) -> tuple[int, int]:
    """Which file the name stands for now: a file renamed over it is another one."""
    try:
        stat = os.stat(path)
    except OSError:
        return (0, 0)
    return (stat.st_dev, stat.st_ino)
