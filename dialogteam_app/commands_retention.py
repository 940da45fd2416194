"""`dialogteam gallra`: list what gallring would remove (the default), or do it with
--yes, for every ended samverkan whose chosen period has passed (or one given)."""

from __future__ import annotations

import sys
from argparse import Namespace
from datetime import date

from .domain.retention import CAVEAT, DEFAULT_MONTHS, WHAT_STAYS, Schedule, end_date
from .paths import DataPaths


def cmd_gallra(args: Namespace, paths: DataPaths) -> int:
    from .commands import _locked, _open
    from .store.retention import gallra, preview
    from .store.settings import exchange_name
    today = date.today()
    months = DEFAULT_MONTHS if args.months is None else args.months
    if months < 0:
        print("Perioden kan inte vara negativ.", file=sys.stderr)
        return 2
    lock = _locked(paths) if args.yes else None
    if args.yes and lock is None:
        return 1
    try:
        with _open(paths).db as db:
            from .store.store import Store
            store = Store(db)
            chosen = store.engagements.list()
            if args.engagement:
                found = store.engagements.find(args.engagement)
                if found is None:
                    print(f"Ingen samverkan har ett id som börjar med {args.engagement!r}. "
                          "Se `dialogteam list`.", file=sys.stderr)
                    return 1
                chosen = [found]
            due = 0
            for e in chosen:
                schedule = Schedule(end_date(e, store.engagements.key_dates(e.id)), months)
                reason = schedule.why_not(today)
                counts = preview(db, e.id, today)
                if reason is not None:
                    if args.engagement:
                        print(f"{e.display_name}: {reason}")
                    continue
                if not counts.total():
                    print(f"{e.display_name}: redan gallrad, inget kvar att ta bort.")
                    continue
                due += 1
                what = ", ".join(counts.lines())
                if not args.yes:
                    print(f"{e.display_name} (avslutad {schedule.ended_on}): skulle gallra {what}.")
                    continue
                done = gallra(db, e.id, schedule, today, exchange_name(db.conn))
                print(f"{e.display_name}: gallrade {', '.join(done.lines())}.")
    finally:
        if lock is not None:
            lock.release()
    if not due:
        print("Inget att gallra.")
    elif not args.yes:
        print("Det här står kvar: " + " ".join(WHAT_STAYS))
        print(CAVEAT)
        print("Kör igen med --yes för att gallra.")
    return 0
