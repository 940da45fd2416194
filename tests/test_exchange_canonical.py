"""The version hash is defined on canonical JSON bytes: the fast encoder must give
exactly what json.dumps gives with the documented options, for every kind of value."""

from __future__ import annotations

import json

import pytest

from dialogteam_app.exchange.records import canonical_json, version_of
from dialogteam_app.store.connection import sqlite3

VALUES = [
    {},
    [],
    {"body": "Rektor: \"vi\" behöver\ttid\n– och stöd ✓ 🙂", "id": "ab12", "x": None},
    {"z": 1, "a": [1, 2.5, 62.0, -0.0, 1e16, 1e-7, True, False, None], "M": {"b": {}, "a": []}},
    {"@note_tags": [["Lärande"], ["Ledning"]], "created_at": "2026-01-02T03:04:05Z"},
    {"\u2028": "\u0000\u001f\\/", "ä": 2**70},
    "text",
    3.5,
]


def reference(value: object) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)


@pytest.mark.parametrize("value", VALUES)
def test_canonical_json_is_byte_identical_to_json_dumps(value: object) -> None:
    assert canonical_json(value) == reference(value)


def test_version_of_equal_content_is_a_fixed_hash() -> None:
    # Equal content, equal version across laptops and program versions: the
    # definition (SHA-256 of the canonical JSON, first 32 hex digits) must not drift.
    content = {"body": "Öppning", "id": "1", "@note_tags": [["Lärande"]], "score": 62.0}
    assert version_of(content) == "183fd9f1b85349410f0bdb14f2e7325e"


def test_not_json_values_are_refused() -> None:
    with pytest.raises(ValueError):
        canonical_json({"a": float("nan")})
    with pytest.raises(TypeError):
        canonical_json({"a": object()})


def test_sqlite_json_writes_canonical_json_for_texts_integers_and_null() -> None:
    """An export lets SQLite's json_object write the canonical JSON of tables holding only
    these (exchange/outgoing.py): every character, escaped or not, and the integer
    limits must come out as canonical_json writes them."""
    conn = sqlite3.connect(":memory:")
    try:
        for start in range(0, 0x110000, 0x1000):
            text = "".join(chr(i) for i in range(start, start + 0x1000)
                           if not 0xD800 <= i < 0xE000)  # surrogates: not text
            sql = conn.execute("SELECT json_object('a', ?, 'b', json_array(?))",
                               (text, text)).fetchone()[0]
            assert sql == canonical_json({"a": text, "b": [text]}), hex(start)
        for value in (0, -1, 2**63 - 1, -(2**63), None, ""):
            sql = conn.execute("SELECT json_object('a', ?, 'b', json_array(?))",
                               (value, value)).fetchone()[0]
            assert sql == canonical_json({"a": value, "b": [value]})
    finally:
        conn.close()
