"""Reading a zip file from someone else without trusting it.

Nothing is extracted to disk. Member names are checked before anything is read;
sizes from the zip headers are only a first filter, because they can lie: every
member is streamed with a cap on what it may expand to, and on its expansion
ratio. zipfile itself checks each member's CRC at its end.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import IO

from .errors import PackageError
from .package_format import Limits

_CHUNK = 64 * 1024
_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def unsafe_name_reason(name: str) -> str | None:
    """Why a member name must not be used, or None when it is harmless."""
    if not name:
        return "ett tomt filnamn"
    if "\\" in name:
        return "omvänt snedstreck"
    if name.startswith("/") or _DRIVE.match(name):
        return "en absolut sökväg"
    if ".." in name.split("/"):
        return "”..” som pekar ut ur paketet"
    if _CONTROL.search(name):
        return "styrtecken"
    return None


class SafeZip:
    """Open with `with SafeZip(path, limits) as z:`, then read members by name."""

    def __init__(self, path: Path, limits: Limits, opened: IO[bytes] | None = None):
        """`opened` is the zip already in memory (a decrypted package), named by path."""
        self.path = Path(path)
        self.limits = limits
        self._read_total = 0
        try:
            self._zip = zipfile.ZipFile(opened if opened is not None else self.path)
        except FileNotFoundError:
            raise PackageError(f"Filen {self.path} finns inte.") from None
        except IsADirectoryError:
            raise PackageError(f"{self.path} är en mapp, inte ett paket.") from None
        except OSError as exc:
            raise PackageError(f"Filen {self.path.name} kan inte läsas: {exc.strerror or exc}.") \
                from None
        except zipfile.BadZipFile:
            raise PackageError(self._not_a_zip_message()) from None
        try:
            self._infos = self._check_directory()
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()

    def _not_a_zip_message(self) -> str:
        try:
            with self.path.open("rb") as f:
                head = f.read(4)
        except OSError:
            head = b""
        if head == b"PK\x03\x04":
            return (f"Paketet {self.path.name} är trasigt eller ofullständigt (zip-filens "
                    "innehållsförteckning saknas, kanske avbröts kopieringen). Be om en ny kopia.")
        return (f"Filen {self.path.name} är inget Dialogteam-paket: det är ingen zip-fil. "
                "Välj filen som slutar på .dialogteam.zip.")

    def _check_directory(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_members:
            raise PackageError(f"Paketet innehåller {len(infos)} filer; ett Dialogteam-paket har "
                               f"högst {self.limits.max_members}. Det har inte lästs.")
        by_name: dict[str, zipfile.ZipInfo] = {}
        declared_total = 0
        for info in infos:
            reason = unsafe_name_reason(info.filename)
            if reason:
                raise PackageError(f"Paketet innehåller ett otillåtet filnamn "
                                   f"({info.filename[:80]!r}: {reason}). Det har inte lästs.")
            if info.filename in by_name:
                raise PackageError(f"Filen {info.filename} finns två gånger i paketet.")
            if info.flag_bits & 0x1:
                raise PackageError(f"Filen {info.filename} i paketet är krypterad; "
                                   "Dialogteam-paket är aldrig det.")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise PackageError(f"Filen {info.filename} i paketet är komprimerad på ett sätt "
                                   "som Dialogteam inte använder.")
            self._check_size(info.filename, info.file_size, info.compress_size)
            declared_total += info.file_size
            by_name[info.filename] = info
        if declared_total > self.limits.max_total_bytes:
            raise PackageError(self._too_big_total())
        return by_name

    def names(self) -> set[str]:
        return set(self._infos)

    def read(self, name: str, cap: int | None = None) -> bytes:
        """The member's bytes, streamed with limits (the headers may lie)."""
        info = self._infos.get(name)
        if info is None:
            raise PackageError(f"Paketet saknar filen {name}.")
        cap = min(cap or self.limits.max_member_bytes, self.limits.max_member_bytes)
        parts, size = [], 0
        try:
            with self._zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    size += len(chunk)
                    self._read_total += len(chunk)
                    if size > cap:
                        raise PackageError(f"Filen {name} i paketet är för stor (mer än "
                                           f"{_mib(cap)}). Paketet har inte lästs.")
                    if self._read_total > self.limits.max_total_bytes:
                        raise PackageError(self._too_big_total())
                    self._check_size(name, size, info.compress_size)
                    parts.append(chunk)
        except zipfile.BadZipFile as exc:
            raise PackageError(f"Filen {name} i paketet är trasig ({exc}). "
                               "Be om en ny kopia av paketet.") from None
        except (EOFError, OSError, ValueError, NotImplementedError) as exc:
            raise PackageError(f"Filen {name} i paketet kan inte läsas: paketet är trasigt "
                               f"eller ofullständigt ({exc}).") from None
        return b"".join(parts)

    def _check_size(self, name: str, size: int, compressed: int) -> None:
        limits = self.limits
        if size > limits.max_member_bytes:
            raise PackageError(f"Filen {name} i paketet är för stor ({_mib(size)}, högst "
                               f"{_mib(limits.max_member_bytes)}). Paketet har inte lästs.")
        if size > limits.ratio_applies_from and size > limits.max_ratio * max(compressed, 1):
            raise PackageError(f"Filen {name} i paketet packas upp till mer än "
                               f"{limits.max_ratio} gånger sin storlek, som en så kallad "
                               "zip-bomb. Paketet har inte lästs.")

    def _too_big_total(self) -> str:
        return (f"Paketet packas upp till mer än {_mib(self.limits.max_total_bytes)} "
                "sammanlagt. Det har inte lästs.")


def _mib(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n} byte"
