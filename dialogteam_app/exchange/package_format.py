"""The package format's names, version and the limits a reader enforces.

docs/paketformat.md describes the format for other tools; keep the two together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FORMAT_NAME = "dialogteam-paket"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
VERSIONS_MEMBER = "utbyte/versioner.json"
DELETED_MEMBER = "utbyte/borttagna.json"
SUFFIX = ".dialogteam.zip"

HEX_ID = re.compile(r"^[0-9a-f]{32}$")     # record ids and version ids
SHA256 = re.compile(r"^[0-9a-f]{64}$")


def table_member(table: str) -> str:
    return f"tabeller/{table}.json"


@dataclass(frozen=True)
class Limits:
    """What a package may hold before it is refused unread. Generous for real
    engagements (100 000 notes make ~40 MB of JSON), small enough that a crafted
    file cannot fill the memory or the disk."""
    max_members: int = 200
    max_member_bytes: int = 256 * 2**20
    max_total_bytes: int = 512 * 2**20
    max_manifest_bytes: int = 2**20
    # Deflate reaches ~1000:1 only on degenerate input; JSON rows stay far below 100:1.
    max_ratio: int = 200
    ratio_applies_from: int = 2**20     # tiny members may compress oddly
    max_text_chars: int = 1_000_000     # exported plan snapshots exceed the editors' 50 000
    # Checked in the manifest before any member is read; 100 000 notes is a big team.
    max_rows_per_table: int = 500_000


DEFAULT_LIMITS = Limits()
