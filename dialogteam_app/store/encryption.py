"""Encryption of the database at rest (SQLCipher), optional and turned on once.

The passphrase is derived once per program start (scrypt, passphrase.derive_key)
into a raw 256-bit key; the salt is SQLCipher's own, the first 16 bytes of the
file, so nothing beside the database is needed to open it. The key lives only in
this process's memory (connection.use_key); every connection, the writer thread's,
backups' and the check's, is opened with it.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..passphrase import SALT_BYTES, derive_key
from ..paths import DataPaths
from .backups import BEFORE_ENCRYPTION, backup_now, list_backups
from .connection import (
    DatabaseKey,
    integrity_errors,
    is_encrypted_file,
    key_for,
    open_file,
    sqlite3,
    use_key,
)
from .errors import StoreError, store_errors


class EncryptionError(StoreError):
    """Swedish text; the database was not changed."""


class WrongDatabasePassphrase(EncryptionError):
    pass


def is_encrypted(paths: DataPaths) -> bool:
    return is_encrypted_file(paths.database)


def needs_passphrase(paths: DataPaths) -> bool:
    """The database is encrypted and this process does not hold its key yet."""
    return is_encrypted(paths) and key_for(paths.database) is None


def unlock(paths: DataPaths, passphrase: str) -> DatabaseKey:
    """Derive the key from the passphrase and the file's salt, check that it opens the
    database, and keep it for this data folder."""
    with open(paths.database, "rb") as f:
        salt = f.read(SALT_BYTES)
    key = DatabaseKey(derive_key(passphrase, salt), salt)
    if not _opens(paths.database, key):
        raise WrongDatabasePassphrase(
            "Lösenfrasen öppnar inte databasen. Kontrollera stora och små bokstäver och "
            "försök igen. Ingenting har ändrats.")
    use_key(paths.root, key)
    return key


def _opens(path: Path, key: DatabaseKey) -> bool:
    try:
        conn = open_file(path, key)
    except sqlite3.DatabaseError:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def encrypt_database(paths: DataPaths, passphrase: str) -> Path:
    """Convert the plain database, and every backup beside it, to SQLCipher files under
    one new key; returns the backup taken first. Nobody may have the database open
    (the caller holds the instance lock and has closed its connections). Each file is
    exported to a new file, checked, then renamed over the old one, so a failure
    before the database's own rename changes nothing."""
    if is_encrypted(paths):
        raise EncryptionError("Databasen är redan krypterad.")
    with store_errors():
        return _encrypt(paths, passphrase)


def _encrypt(paths: DataPaths, passphrase: str) -> Path:
    first = backup_now(paths, BEFORE_ENCRYPTION)
    salt = os.urandom(SALT_BYTES)
    key = DatabaseKey(derive_key(passphrase, salt), salt)
    sealed = _export(paths.database, key)
    for suffix in ("-wal", "-shm"):          # checkpointed into the export; plain text
        Path(f"{paths.database}{suffix}").unlink(missing_ok=True)
    os.replace(sealed, paths.database)
    use_key(paths.root, key)
    for backup in list_backups(paths):
        if not is_encrypted_file(backup.path):
            os.replace(_export(backup.path, key), backup.path)
    return first.path


def _export(path: Path, key: DatabaseKey) -> Path:
    """An encrypted copy of the plain file `path`, beside it, checked."""
    sealed = path.with_name(path.name + ".krypterad.part")
    sealed.unlink(missing_ok=True)
    plain = open_file(path, plain=True, autocommit=True)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = int(plain.execute("PRAGMA user_version").fetchone()[0])
        plain.execute(key.attach(sealed, "sealed"))
        try:
            plain.execute("SELECT sqlcipher_export('sealed')")
            plain.execute(f"PRAGMA sealed.user_version = {version}")
        finally:
            plain.execute("DETACH DATABASE sealed")
    except sqlite3.DatabaseError as exc:
        sealed.unlink(missing_ok=True)
        raise EncryptionError(f"Databasen kunde inte krypteras ({exc}). "
                              "Ingenting har ändrats.") from None
    finally:
        plain.close()
    check = open_file(sealed, key)
    try:
        problems = integrity_errors(check)
    finally:
        check.close()
    if problems:
        sealed.unlink(missing_ok=True)
        raise EncryptionError("Den krypterade kopian blev inte hel (" + " ".join(problems[:2])
                              + "). Ingenting har ändrats.")
    return sealed


def plain_copy(conn: sqlite3.Connection, dest: Path) -> None:
    """Write the encrypted database behind `conn` as a plain SQLite file (the backup API
    cannot copy between an encrypted and a plain file)."""
    conn.execute(f"ATTACH DATABASE '{str(dest).replace(chr(39), chr(39) * 2)}' AS plain KEY ''")
    try:
        conn.execute("SELECT sqlcipher_export('plain')")
    finally:
        conn.execute("DETACH DATABASE plain")
