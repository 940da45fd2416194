"""Encrypted packages: the package's zip bytes sealed with AES-256-GCM under a key
derived with scrypt from a passphrase the two colleagues agreed on.

The layout (docs/paketformat.md, "Krypterat paket") is one line of JSON, then the
ciphertext with GCM's 16-byte tag at its end; the JSON line is the associated data,
so a changed parameter is detected like a changed byte of the content.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ..passphrase import SALT_BYTES, SCRYPT_N, SCRYPT_P, SCRYPT_R, derive_key
from .errors import PackageError

MAGIC = b'{"format":"dialogteam-krypterat-paket"'
ENCRYPTED_FORMAT = "dialogteam-krypterat-paket"
ENCRYPTED_VERSION = 1
ENCRYPTED_SUFFIX = ".dialogteam.zip.aes"
NONCE_BYTES = 12
MAX_HEADER_BYTES = 1024
# scrypt parameters a package may ask for: a crafted header must not cost gigabytes.
MAX_LOG2_N = 20
MAX_R = 16
MAX_P = 4


class PassphraseNeeded(PackageError):
    """The package is encrypted and no passphrase was given."""


class WrongPassphrase(PackageError):
    """The passphrase does not open the package (or the package was changed)."""


def is_encrypted(head: bytes) -> bool:
    """True when these first bytes of a file start an encrypted package."""
    return head.startswith(MAGIC)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def encrypt(plain: bytes, passphrase: str) -> bytes:
    salt, nonce = os.urandom(SALT_BYTES), os.urandom(NONCE_BYTES)
    header = {"format": ENCRYPTED_FORMAT, "version": ENCRYPTED_VERSION, "kdf": "scrypt",
              "salt": _b64(salt), "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P,
              "cipher": "AES-256-GCM", "nonce": _b64(nonce)}
    line = (json.dumps(header, separators=(",", ":")) + "\n").encode("ascii")
    key = derive_key(passphrase, salt)
    return line + AESGCM(key).encrypt(nonce, plain, line)


def decrypt(blob: bytes, passphrase: str, name: str) -> bytes:
    """The zip bytes, or PackageError (WrongPassphrase for a wrong passphrase)."""
    end = blob.find(b"\n", 0, MAX_HEADER_BYTES)
    if end < 0:
        raise PackageError(f"Det krypterade paketet {name} är trasigt (huvudet saknas).")
    line = blob[:end + 1]
    header = _header(line, name)
    try:
        salt = base64.b64decode(header["salt"], validate=True)
        nonce = base64.b64decode(header["nonce"], validate=True)
    except ValueError:
        raise PackageError(f"Det krypterade paketet {name} är trasigt (huvudet).") from None
    if len(nonce) != NONCE_BYTES or not 8 <= len(salt) <= 64:
        raise PackageError(f"Det krypterade paketet {name} är trasigt (huvudet).")
    key = derive_key(passphrase, salt, n=header["n"], r=header["r"], p=header["p"])
    try:
        return AESGCM(key).decrypt(nonce, blob[end + 1:], line)
    except InvalidTag:
        raise WrongPassphrase(f"Lösenfrasen öppnar inte paketet {name}. Kontrollera att du "
                              "skrev samma lösenfras som kollegan valde (stora och små "
                              "bokstäver räknas). Om den stämmer har filen ändrats eller "
                              "skadats på vägen.") from None


def _header(line: bytes, name: str) -> dict[str, Any]:
    try:
        header = json.loads(line)
    except ValueError:
        header = None
    if not isinstance(header, dict) or header.get("format") != ENCRYPTED_FORMAT:
        raise PackageError(f"Det krypterade paketet {name} är trasigt (huvudet).")
    if header.get("version") != ENCRYPTED_VERSION or header.get("kdf") != "scrypt" \
            or header.get("cipher") != "AES-256-GCM":
        raise PackageError(f"Paketet {name} är krypterat på ett sätt som den här versionen av "
                           "Dialogteam inte känner till. Uppdatera programmet.")
    n, r, p = header.get("n"), header.get("r"), header.get("p")
    if not (isinstance(n, int) and isinstance(r, int) and isinstance(p, int)
            and 2 <= n <= 2**MAX_LOG2_N and n & (n - 1) == 0
            and 1 <= r <= MAX_R and 1 <= p <= MAX_P
            and isinstance(header.get("salt"), str) and isinstance(header.get("nonce"), str)):
        raise PackageError(f"Det krypterade paketet {name} har ogiltiga parametrar.")
    return header
