"""What lies beside the database before SQLite opens it.

SQLite would treat a zero-length database file as a new, empty database, and it
replays a -wal file found beside the database, even one left there without its
database (a half copy, a restore by hand). Neither may happen unnoticed: a copy of
what was found is kept first, and the user is told what was done.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from ..private_files import make_private, make_private_folder

SIDE_FILES = ("-wal", "-shm")


def inspect_before_open(database: Path, keep_in: Path) -> list[str]:
    """Keep copies of a zero-length database or a stray WAL; the warnings to show."""
    wal = Path(f"{database}-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    if not database.exists():
        if not wal_size:
            return []
        kept = _keep(database, keep_in, "ensam-wal", move=True)
        return [f"Bredvid databasen låg en WAL-fil utan databas ({wal.name}), kanske kvar efter "
                f"en avbruten kopiering. Den har inte lästs in utan flyttats till {kept}, och "
                "en ny, tom databas har skapats. Återställ en säkerhetskopia om något saknas "
                "(Arkiv → Säkerhetskopior)."]
    if database.stat().st_size != 0:
        return []
    kept = _keep(database, keep_in, "tom-databas", move=False)
    if wal_size:
        return [f"Databasfilen var tom (0 byte) men en WAL-fil fanns. En kopia av båda har "
                f"sparats som {kept}, och det som fanns i WAL-filen har lästs in. Kontrollera "
                "att allt finns med; annars återställ en säkerhetskopia."]
    return [f"Databasfilen var tom (0 byte), kanske efter en avbruten kopiering. En kopia "
            f"har sparats som {kept}, och en ny, tom databas har skapats. Återställ en "
            "säkerhetskopia om något saknas (Arkiv → Säkerhetskopior)."]


def _keep(database: Path, keep_in: Path, what: str, *, move: bool) -> Path:
    make_private_folder(keep_in)
    dest = keep_in / f"{what}-{datetime.now():%Y%m%d-%H%M%S}.sqlite"
    for suffix in ("", *SIDE_FILES):
        source = Path(f"{database}{suffix}")
        if not source.exists():
            continue
        target = Path(f"{dest}{suffix}")
        if move and suffix:
            shutil.move(source, target)
        else:
            shutil.copyfile(source, target)
        make_private(target)
    return dest
