"""Passphrases: the one rule for how strong they must be, and the one key derivation
(scrypt) used for encrypted packages and for the encrypted database.

scrypt with N=2^17, r=8, p=1 costs ~0.3 s and 128 MiB here: slow enough to make
guessing expensive, and done once per package or once per program start.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
KEY_BYTES = 32
SALT_BYTES = 16
MIN_LENGTH = 10


@dataclass(frozen=True)
class Strength:
    acceptable: bool
    text: str           # Swedish, shown under the field


def derive_key(passphrase: str, salt: bytes, *, n: int = SCRYPT_N, r: int = SCRYPT_R,
               p: int = SCRYPT_P) -> bytes:
    """A 256-bit key from the passphrase (UTF-8, NFC as typed) and a random salt."""
    return hashlib.scrypt(passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=2 * 128 * r * n, dklen=KEY_BYTES)


def strength(passphrase: str) -> Strength:
    """Length matters most: four ordinary words beat a short word with symbols."""
    length = len(passphrase)
    if length == 0:
        return Strength(False, "Skriv en lösenfras.")
    if length < MIN_LENGTH:
        return Strength(False, f"För kort: minst {MIN_LENGTH} tecken (nu {length}). "
                               "Flera vanliga ord efter varandra är lätt att minnas.")
    if len(set(passphrase)) < 5:
        return Strength(False, "För enkel: samma få tecken upprepas.")
    words = len(passphrase.split())
    if length >= 20 or words >= 4:
        return Strength(True, "Stark lösenfras.")
    return Strength(True, "Godtagbar. Längre är starkare, till exempel fyra ord.")


def mismatch(first: str, second: str) -> str | None:
    """Swedish reason when the two entries differ."""
    return None if first == second else "Lösenfraserna är inte lika."
