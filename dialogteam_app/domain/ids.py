"""Stable record ids and timestamps.

Every record carries a random UUID from birth so that two laptops can merge
their data later without id clashes.
"""

from __future__ import annotations

from datetime import UTC, datetime


def new_id() -> str:
    import uuid  # here: the window's start creates no record, and uuid costs ~4 ms to import
    return uuid.uuid4().hex


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
