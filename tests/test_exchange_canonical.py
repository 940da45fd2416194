"""The version hash is defined on canonical JSON bytes: the fast encoder must give
exactly what json.dumps gives with the documented options, for every kind of value."""

from __future__ import annotations

import json

import pytest

from dialogteam_app.exchange.records import canonical_json, version_of

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
