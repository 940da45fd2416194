"""Writing the package file: manifest first, one JSON file per table, atomically."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path
from typing import Any

from .. import __version__
from ..domain.ids import utc_now
from ..export.atomic import write_bytes_atomic
from ..store.migrations import LATEST
from .package_crypto import encrypt
from .package_format import (
    DELETED_MEMBER,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    VERSIONS_MEMBER,
    table_member,
)


def rows_json(lines: list[bytes]) -> bytes:
    """The rows, each already canonical JSON in UTF-8, one per line: compact, yet
    readable and diffable."""
    if not lines:
        return b"[]\n"
    return b"".join((b"[\n", b",\n".join(lines), b"\n]\n"))


def write_package(path: Path, *, scope: dict[str, str], created_by: str,
                  tables: list[tuple[str, list[bytes]]], versions: dict[str, Any],
                  deleted: list[bytes], passphrase: str | None = None) -> int:
    """Write the package to `path` (a complete file or none), sealed with the passphrase
    when one is given; returns its size in bytes. Tables and tombstones come as rows
    in canonical JSON (records.canonical_json), UTF-8 encoded. Built in memory, so an encrypted package never
    has its plain content on disk."""
    members = [(table_member(name), rows_json(lines)) for name, lines in tables]
    members.append((VERSIONS_MEMBER, json.dumps(versions, sort_keys=True).encode("utf-8")))
    members.append((DELETED_MEMBER, rows_json(deleted)))
    manifest = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "app_version": __version__,
        "schema_version": LATEST,
        "created_at": utc_now(),
        "created_by": created_by,
        "scope": scope,
        "tables": [{"name": name, "member": table_member(name), "rows": len(rows)}
                   for name, rows in tables],
        "members": [{"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                    for name, data in members],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")
        for name, data in members:
            z.writestr(name, data)
    content = buffer.getvalue()
    if passphrase is not None:
        content = encrypt(content, passphrase)
    write_bytes_atomic(path, content)
    return len(content)
