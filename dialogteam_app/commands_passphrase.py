"""Passphrases on the command line: from a file (`--passphrase-file`, first line) or
typed at a hidden prompt (getpass). Never as an argument, where other users of the
machine could read it in the process list and it would stay in the shell history."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from .passphrase import mismatch, strength


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
