"""Passphrases on the command line: from a file (`--passphrase-file`, first line) or
typed at a hidden prompt (getpass). Never as an argument, where other users of the
machine could read it in the process list and it would stay in the shell history."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from .passphrase import mismatch, strength
from .paths import DataPaths

DATABASE_PASSPHRASE_ENV = "DIALOGTEAM_PASSPHRASE"


class PassphraseUnavailable(Exception):
    """No passphrase could be had; the Swedish reason is the message."""


def read_passphrase(file: str | None, prompt: str, *, new: bool = False) -> str:
    """The passphrase from `file` or a prompt; a new one must be strong enough and,
    when typed, typed twice."""
    if file is not None:
        try:
            lines = Path(file).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise PassphraseUnavailable(f"Lösenfrasfilen {file} kan inte läsas: {exc}.") from None
        value = lines[0] if lines else ""
    else:
        if not sys.stdin.isatty():
            raise PassphraseUnavailable("En lösenfras behövs: ange --passphrase-file FIL, "
                                        "eller kör kommandot i en terminal.")
        value = getpass.getpass(prompt)
        if new:
            problem = mismatch(value, getpass.getpass("Samma lösenfras igen: "))
            if problem:
                raise PassphraseUnavailable(problem)
    if new:
        verdict = strength(value)
        if not verdict.acceptable:
            raise PassphraseUnavailable(verdict.text)
    return value


def unlock_database(paths: DataPaths) -> str | None:
    """Unlock an encrypted database for this command (passphrase from
    $DIALOGTEAM_PASSPHRASE, for scripts and tests, or a hidden prompt); the Swedish
    reason when it cannot be opened, None when it can."""
    from .store.connection import is_encrypted_file, key_for
    if not is_encrypted_file(paths.database) or key_for(paths.database) is not None:
        return None
    from .store.encryption import WrongDatabasePassphrase, unlock
    given = os.environ.get(DATABASE_PASSPHRASE_ENV)
    if given is None:
        if not sys.stdin.isatty():
            return (f"Databasen är krypterad: ange lösenfrasen i ${DATABASE_PASSPHRASE_ENV} "
                    "eller kör kommandot i en terminal.")
        given = getpass.getpass("Databasens lösenfras: ")
    try:
        unlock(paths, given)
    except WrongDatabasePassphrase as exc:
        return str(exc)
    return None
