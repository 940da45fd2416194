"""Stable record ids and timestamps.

Every record carries a random UUID from birth so that two laptops can merge
their data later without id clashes.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime


def new_id() -> str:
    return uuid.uuid4().hex


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")
