"""Opening a package: the manifest, every member's checksum, then the JSON.

Nothing here touches the database; the rows are checked against the schema by
validation.py, inside the import's transaction.
"""

from __future__ import annotations

import hashlib
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from ..domain.fields import check_text
from ..store.migrations import LATEST
from .errors import PackageError
from .package_crypto import MAGIC, PassphraseNeeded, decrypt, is_encrypted
from .package_format import (
    DEFAULT_LIMITS,
    DELETED_MEMBER,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    SHA256,
    VERSIONS_MEMBER,
    Limits,
    table_member,
)
from .zip_safety import SafeZip

MANIFEST_KEYS = {"format", "format_version", "app_version", "schema_version", "created_at",
                 "created_by", "scope", "tables", "members"}
SCOPE_KINDS = {"samverkan", "allt"}


@dataclass
class Package:
    manifest: dict[str, Any]
    rows: dict[str, list[Any]]  # table -> rows, as parsed (shape checked later)
    versions: object            # utbyte/versioner.json, as parsed
    deleted: object             # utbyte/borttagna.json, as parsed

    @property
    def created_by(self) -> str:
        created_by: str = self.manifest["created_by"]
        return created_by

    @property
    def created_at(self) -> str:
        created_at: str = self.manifest["created_at"]
        return created_at

    @property
    def scope_title(self) -> str:
        title: str = self.manifest["scope"].get("title", "")
        return title


def read_package(path: Path, limits: Limits = DEFAULT_LIMITS,
                 passphrase: str | None = None) -> Package:
    """The checked package; an encrypted one is opened in memory with the passphrase
    (PassphraseNeeded without one, WrongPassphrase when it does not fit)."""
    decrypted = _decrypted(Path(path), limits, passphrase)
    with SafeZip(path, limits, decrypted) as z:
        if MANIFEST not in z.names():
            raise PackageError(f"Filen {Path(path).name} är inget Dialogteam-paket: "
                               "den saknar manifest.json.")
        manifest = parse_json(z.read(MANIFEST, limits.max_manifest_bytes), MANIFEST)
        _check_manifest(manifest, limits)
        listed = {m["name"]: m for m in manifest["members"]}
        unlisted = sorted(z.names() - listed.keys() - {MANIFEST})
        if unlisted:
            raise PackageError(f"Paketet innehåller filen {unlisted[0]}, som inte står i dess "
                               "manifest. Det har inte lästs.")
        raw: dict[str, bytes] = {}
        for name, member in listed.items():
            data = z.read(name)
            if len(data) != member["size"] or hashlib.sha256(data).hexdigest() != member["sha256"]:
                raise PackageError(f"Filen {name} i paketet stämmer inte med manifestets "
                                   "kontrollsumma: paketet har ändrats eller skadats efter "
                                   "att det skapades. Det har inte lästs.")
            raw[name] = data
    rows = {t["name"]: parse_rows(raw.pop(t["member"]), t["member"], t["rows"])
            for t in manifest["tables"]}
    parsed = {name: parse_json(data, name) for name, data in raw.items()}
    return Package(manifest, rows, parsed[VERSIONS_MEMBER], parsed[DELETED_MEMBER])


def parse_rows(data: bytes, name: str, expected: int) -> list[Any]:
    """A table member: a JSON list of objects, parsed one row at a time so that a
    member of millions of tiny values (`[{},{},…]`) is refused after `expected`
    rows instead of being built in memory first."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise PackageError(f"Filen {name} i paketet är inte UTF-8-text.") from None
    decoder = json.JSONDecoder(object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    pos = _skip_space(text, 0)
    if not text.startswith("[", pos):
        if text.startswith("{", pos):
            raise PackageError(f"Filen {name} i paketet är ingen lista av rader.")
        raise PackageError(f"Filen {name} i paketet är ingen giltig JSON (ingen lista).")
    pos = _skip_space(text, pos + 1)
    rows: list[Any] = []
    try:
        while not text.startswith("]", pos):
            if rows:
                if not text.startswith(",", pos):
                    raise ValueError(f"komma väntades vid tecken {pos}")
                pos = _skip_space(text, pos + 1)
            if len(rows) >= expected:
                raise PackageError(f"Filen {name} i paketet har fler rader än manifestets "
                                   f"{expected}. Det har inte lästs.")
            row, pos = decoder.raw_decode(text, pos)
            rows.append(row)
            pos = _skip_space(text, pos)
    except RecursionError:
        raise PackageError(f"Filen {name} i paketet är för djupt nästlad.") from None
    except ValueError as exc:
        raise PackageError(f"Filen {name} i paketet är ingen giltig JSON ({exc}).") from None
    if text[pos + 1:].strip():
        raise PackageError(f"Filen {name} i paketet är ingen giltig JSON (text efter listan).")
    return rows


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\n\r":
        pos += 1
    return pos


def _unique_keys(items: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in items:
        if key in result:
            raise ValueError(f"nyckeln {key!r} förekommer två gånger")
        result[key] = value
    return result


def _no_constant(word: str) -> NoReturn:
    raise ValueError(f"{word} är inget tillåtet värde")


def package_is_encrypted(path: Path) -> bool:
    try:
        with Path(path).open("rb") as f:
            return is_encrypted(f.read(len(MAGIC)))
    except OSError:
        return False    # SafeZip reports why the file cannot be read


def _decrypted(path: Path, limits: Limits, passphrase: str | None) -> io.BytesIO | None:
    if not package_is_encrypted(path):
        return None
    if passphrase is None:
        raise PassphraseNeeded(f"Paketet {path.name} är krypterat: ange lösenfrasen som du och "
                               "kollegan kom överens om.")
    try:
        size = path.stat().st_size
        if size > limits.max_total_bytes:
            raise PackageError(f"Det krypterade paketet {path.name} är för stort. "
                               "Det har inte lästs.")
        blob = path.read_bytes()
    except OSError as exc:
        raise PackageError(f"Filen {path.name} kan inte läsas: {exc.strerror or exc}.") from None
    return io.BytesIO(decrypt(blob, passphrase, path.name))


def parse_json(data: bytes, name: str) -> Any:
    """Strict JSON: UTF-8, no NaN or Infinity, no key given twice."""
    try:
        return json.loads(data.decode("utf-8"), object_pairs_hook=_unique_keys,
                          parse_constant=_no_constant)
    except UnicodeDecodeError:
        raise PackageError(f"Filen {name} i paketet är inte UTF-8-text.") from None
    except RecursionError:
        raise PackageError(f"Filen {name} i paketet är för djupt nästlad.") from None
    except ValueError as exc:
        raise PackageError(f"Filen {name} i paketet är ingen giltig JSON ({exc}).") from None


def _check_manifest(m: Any, limits: Limits) -> None:
    if not isinstance(m, dict) or m.get("format") != FORMAT_NAME:
        found = m.get("format") if isinstance(m, dict) else None
        raise PackageError("Filen är inget Dialogteam-paket (manifestet anger formatet "
                           f"{str(found)[:60]!r}, väntat {FORMAT_NAME!r}).")
    version = m.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PackageError(f"Paketets formatversion ({str(version)[:20]}) är ogiltig.")
    if version > FORMAT_VERSION:
        raise PackageError(f"Paketet har formatversion {version}, men den här versionen av "
                           f"Dialogteam kan bara läsa version {FORMAT_VERSION}. Uppdatera "
                           "programmet och importera igen.")
    unknown = sorted(set(m) - MANIFEST_KEYS)
    missing = sorted(MANIFEST_KEYS - set(m))
    if unknown or missing:
        raise PackageError("Paketets manifest är felaktigt ("
                           + ("okända fält: " + ", ".join(unknown) if unknown else
                              "saknade fält: " + ", ".join(missing)) + ").")
    schema = m["schema_version"]
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise PackageError("Paketets manifest är felaktigt (schema_version är inget heltal).")
    if schema > LATEST:
        raise PackageError(f"Paketet kommer från en nyare version av Dialogteam (databasschema "
                           f"{schema}, det här programmet har {LATEST}). Uppdatera programmet "
                           "och importera igen.")
    if schema < LATEST:
        raise PackageError(f"Paketet kommer från en äldre version av Dialogteam (databasschema "
                           f"{schema}, det här programmet har {LATEST}). Be kollegan att "
                           "uppdatera programmet och exportera igen.")
    for key in ("app_version", "created_at", "created_by"):
        problem = check_text(m[key], f"Manifestets {key}")
        if problem:
            raise PackageError(f"Paketets manifest är felaktigt: {problem}")
    scope = m["scope"]
    if not isinstance(scope, dict) or scope.get("kind") not in SCOPE_KINDS \
            or any(check_text(v, "scope") for v in scope.values()):
        raise PackageError("Paketets manifest är felaktigt (scope).")
    _check_members(m["members"])
    _check_tables(m["tables"], {x["name"] for x in m["members"]}, limits)


def _check_members(members: Any) -> None:
    if not isinstance(members, list):
        raise PackageError("Paketets manifest är felaktigt (members är ingen lista).")
    seen: set[str] = set()
    for member in members:
        if not (isinstance(member, dict) and set(member) == {"name", "size", "sha256"}
                and isinstance(member["name"], str) and isinstance(member["size"], int)
                and isinstance(member["sha256"], str) and SHA256.match(member["sha256"])):
            raise PackageError("Paketets manifest är felaktigt (en post i members saknar namn, "
                               "storlek eller sha256).")
        if member["name"] in seen or member["name"] == MANIFEST:
            raise PackageError(f"Paketets manifest nämner {member['name'][:80]} två gånger.")
        seen.add(member["name"])
    for required in (VERSIONS_MEMBER, DELETED_MEMBER):
        if required not in seen:
            raise PackageError(f"Paketets manifest saknar filen {required}.")


def _check_tables(tables: Any, member_names: set[str], limits: Limits) -> None:
    if not isinstance(tables, list):
        raise PackageError("Paketets manifest är felaktigt (tables är ingen lista).")
    names: set[str] = set()
    for t in tables:
        if not (isinstance(t, dict) and set(t) == {"name", "member", "rows"}
                and isinstance(t["name"], str) and t["member"] == table_member(t["name"])
                and t["member"] in member_names and isinstance(t["rows"], int)
                and not isinstance(t["rows"], bool) and t["rows"] >= 0):
            raise PackageError("Paketets manifest är felaktigt (en tabell saknar namn, fil "
                               "eller antal rader).")
        if t["name"] in names:
            raise PackageError(f"Paketets manifest nämner tabellen {t['name'][:60]} två gånger.")
        if t["rows"] > limits.max_rows_per_table:
            raise PackageError(f"Tabellen {t['name'][:60]} i paketet har {t['rows']} rader; "
                               f"högst {limits.max_rows_per_table} läses. Det har inte lästs.")
        names.add(t["name"])
    extra = member_names - {t["member"] for t in tables} - {VERSIONS_MEMBER, DELETED_MEMBER}
    if extra:
        raise PackageError(f"Paketets manifest nämner filen {sorted(extra)[0][:80]}, som "
                           "Dialogteam inte känner till.")
