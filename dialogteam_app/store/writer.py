"""A background thread that owns the only writing connection.

Typing must never wait on disk: a commit with synchronous=FULL takes a few
milliseconds and an FTS merge can take tens. Editors hand their saves to this
thread and go on. Saves with the same key are coalesced, so a field typed into
for a minute is written a few times a second at most, with the latest text.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .connection import sqlite3, transaction

if TYPE_CHECKING:
    from concurrent.futures import Future

WriteFn = Callable[..., Any]


def _new_future() -> Future[Any]:
    # concurrent.futures with the first write, not on the way to the first window (~0.5 ms)
    from concurrent.futures import Future
    return Future()


@dataclass
class _Job:
    """A write waiting for the writer thread; its result or error arrives in `future`."""
    fn: WriteFn
    args: tuple[object, ...]
    key: Hashable | None = None
    future: Future[Any] = field(default_factory=_new_future)


class BackgroundWriter:
    def __init__(self, connect: Callable[[], sqlite3.Connection],
                 on_pending: Callable[[int], None] | None = None,
                 on_error: Callable[[BaseException], None] | None = None):
        self._connect = connect
        self._on_pending = on_pending or (lambda n: None)
        self._on_error = on_error or (lambda exc: None)
        self._jobs: deque[_Job] = deque()
        self._keyed: dict[Hashable, _Job] = {}
        self._running = 0
        self._closing = False
        self._cond = threading.Condition()
        self._opened = threading.Event()
        self._open_error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="dialogteam-writer", daemon=True)
        self._thread.start()
        self._opened.wait()
        if self._open_error is not None:  # a failure to open the database surfaces here
            raise self._open_error

    # -- called from any thread -------------------------------------------------
    def call(self, fn: WriteFn, *args: object) -> Any:
        """Run fn(conn, *args) in a transaction after all earlier writes; wait for it."""
        job = _Job(fn, args)
        self._enqueue(job)
        return job.future.result()

    def submit(self, key: Hashable, fn: WriteFn, *args: object) -> None:
        """Queue fn(conn, *args); a queued job with the same key is replaced."""
        with self._cond:
            if self._closing:
                raise RuntimeError("writer is closed")
            queued = self._keyed.get(key)
            if queued is not None:
                queued.fn, queued.args = fn, args
                return
            job = _Job(fn, args, key)
            self._keyed[key] = job
            self._jobs.append(job)
            self._cond.notify_all()
            pending = len(self._jobs) + self._running
        self._on_pending(pending)

    def flush(self) -> None:
        """Block until everything queued so far is written."""
        with self._cond:
            self._cond.wait_for(lambda: not self._jobs and not self._running)

    def pending(self) -> int:
        with self._cond:
            return len(self._jobs) + self._running

    def close(self) -> None:
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        self._thread.join()

    # -- internals ----------------------------------------------------------------
    def _enqueue(self, job: _Job) -> None:
        with self._cond:
            if self._closing:
                raise RuntimeError("writer is closed")
            self._jobs.append(job)
            self._cond.notify_all()
            pending = len(self._jobs) + self._running
        self._on_pending(pending)

    def _run(self) -> None:
        try:
            conn = self._connect()
        except BaseException as exc:  # reported to the constructor
            self._open_error = exc
            self._opened.set()
            return
        self._opened.set()
        try:
            while True:
                with self._cond:
                    self._cond.wait_for(lambda: self._jobs or self._closing)
                    if not self._jobs:  # closing and drained
                        return
                    job = self._jobs.popleft()
                    if job.key is not None:
                        del self._keyed[job.key]
                    self._running = 1
                self._execute(conn, job)
                with self._cond:
                    self._running = 0
                    pending = len(self._jobs)
                    self._cond.notify_all()
                self._on_pending(pending)
        finally:
            conn.close()

    def _execute(self, conn: sqlite3.Connection, job: _Job) -> None:
        try:
            with transaction(conn):
                result = job.fn(conn, *job.args)
        except BaseException as exc:
            job.future.set_exception(exc)
            if job.key is not None:  # nobody waits on a keyed save: report it
                self._on_error(exc)
            return
        job.future.set_result(result)
