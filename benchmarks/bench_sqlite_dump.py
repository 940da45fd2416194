"""The analysts' SQLite copy (`dialogteam export --all --sqlite-dump`), two ways:

- the program's: SQLite's backup API, DROP of what is local, VACUUM
  (dialogteam_app/exchange/sqlite_dump.py);
- sqlite-utils: the same CREATE TABLE and CREATE INDEX statements, the rows copied
  with Table.insert_all.

    python benchmarks/bench_sqlite_dump.py [--meetings 100] [--notes-per-meeting 100]

Needs sqlite-utils (`pip install sqlite-utils`), which the program does not depend on.
Prints the median of three runs of each and the ratio to the program's way (the floor).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_exchange import folder, large_engagement, median_ms, open_store  # noqa: E402

from dialogteam_app.exchange import export_package  # noqa: E402
from dialogteam_app.exchange.schema_graph import SchemaGraph  # noqa: E402
from dialogteam_app.exchange.sqlite_dump import write_sqlite_dump  # noqa: E402
from dialogteam_app.store.connection import sqlite3
from dialogteam_app.store.store import Store  # noqa: E402


def dump_with_sqlite_utils(store: Store, dest: Path) -> None:
    import sqlite_utils
    dest.unlink(missing_ok=True)
    source = sqlite_utils.Database(store.db.conn)
    target = sqlite_utils.Database(str(dest))
    for table in SchemaGraph.read(store.db.conn).order:
        sql = store.db.query("SELECT sql FROM sqlite_master WHERE name = ?", (table.name,))[0][0]
        target.execute(sql)
        target[table.name].insert_all(source[table.name].rows, batch_size=2000)
        for (index_sql,) in store.db.query(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "AND sql IS NOT NULL", (table.name,)):
            target.execute(index_sql)    # the same indexes, for a fair comparison
    target.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=100)
    parser.add_argument("--notes-per-meeting", type=int, default=100)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="dialogteam-bench-dump-"))
    try:
        store = open_store(folder(root, "data"))
        large_engagement(store, args.meetings, args.notes_per_meeting)
        export_package(store.db, root / "p.dialogteam.zip")   # fills the bookkeeping
        notes = store.db.query("SELECT count(*) FROM notes")[0][0]
        ours, _ = median_ms(lambda: write_sqlite_dump(store, root / "ours.sqlite"))
        theirs, _ = median_ms(lambda: dump_with_sqlite_utils(store, root / "theirs.sqlite"))
        for name in ("ours", "theirs"):
            conn = sqlite3.connect(root / f"{name}.sqlite")
            assert conn.execute("SELECT count(*) FROM notes").fetchone()[0] == notes
            conn.close()
        print(f"{notes} notes, database {store.db.path.stat().st_size / 2**20:.1f} MB")
        print(f"  backup API + DROP + VACUUM  {ours:7.0f} ms  1.00 (floor)  "
              f"{(root / 'ours.sqlite').stat().st_size / 2**20:.1f} MB")
        print(f"  sqlite-utils insert_all     {theirs:7.0f} ms  {theirs / ours:.2f}x        "
              f"{(root / 'theirs.sqlite').stat().st_size / 2**20:.1f} MB")
        store.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
