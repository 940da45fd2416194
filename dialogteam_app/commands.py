"""The subcommands of `dialogteam`, each printing Swedish text for a person."""

from __future__ import annotations

import logging
import sys
from argparse import Namespace
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from .commands_passphrase import PassphraseUnavailable, read_passphrase, unlock_database
from .domain.text import printable
from .paths import DataPaths
from .store.connection import sqlite3
from .store.database import Database
from .store.errors import StoreError, read_only_text, translate
from .store.migrations import NewerDatabaseError
from .store.store import Store

if TYPE_CHECKING:
    from .domain.engagement import Engagement
    from .instance_lock import InstanceLock


def _open(paths: DataPaths) -> Store:
    store = Store(Database(paths.database, backup_dir=paths.backups))
    for warning in store.db.open_warnings:
        print(f"Obs! {warning}", file=sys.stderr)
    return store


def short_ids(ids: list[str], minimum: int = 8) -> dict[str, str]:
    """The shortest prefix of each id (at least `minimum` long) that is unique."""
    result = {}
    for rid in ids:
        n = minimum
        while any(o != rid and o.startswith(rid[:n]) for o in ids):
            n += 1
        result[rid] = rid[:n]
    return result


def cmd_list(args: Namespace, paths: DataPaths) -> int:
    with _open(paths).db as db:
        pairs: list[tuple[Engagement, str]] = Store(db).engagements.list_with_organiser()
    if not pairs:
        print("Inga samverkan ännu. Starta programmet med `dialogteam` och skapa en "
              "huvudman, eller öppna exempeldata.")
        return 0
    short = short_ids([e.id for e, _ in pairs])
    rows = [("ID", "Huvudman", "Samverkan", "Dnr", "Fas")]
    rows += [(short[e.id], name, e.title, e.dnr or "–", e.phase.label) for e, name in pairs]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip())
    return 0


def _kb(size: int) -> str:
    return f"{max(1, round(size / 1024))} kB"


def _locked(paths: DataPaths) -> InstanceLock | None:
    """The instance lock, or None (said why) when the program is running."""
    from .instance_lock import AlreadyRunningError, InstanceLock
    try:
        return InstanceLock(paths.lock).acquire()
    except AlreadyRunningError:
        print("Dialogteam är igång med den här datamappen. Stäng programmet först, eller gör "
              "det i programmet (Arkiv-menyn).", file=sys.stderr)
        return None


def _back_up_first(paths: DataPaths) -> None:
    """Every command that changes the database copies it first (rotated like the rest)."""
    from .store.backups import BEFORE_COMMAND, backup_now
    if paths.database.exists():
        backup_now(paths, BEFORE_COMMAND)
        _rotate(paths)


def _rotate(paths: DataPaths) -> None:
    """The window's rotation, with the days chosen there (Arkiv → Säkerhetskopior)."""
    from .store.backups import KEEP_DAYS_DEFAULT, KEEP_OTHER_DAYS_DEFAULT, prune
    from .store.settings import BACKUP_KEEP_DAYS, BACKUP_KEEP_OTHER_DAYS
    store = _open(paths)
    with store.db:
        days = store.settings.days(BACKUP_KEEP_DAYS, KEEP_DAYS_DEFAULT)
        other = store.settings.days(BACKUP_KEEP_OTHER_DAYS, KEEP_OTHER_DAYS_DEFAULT)
    prune(paths, days, other_keep_days=other)


def cmd_export(args: Namespace, paths: DataPaths) -> int:
    from .domain.record_names import counted
    from .exchange import PackageError
    from .exchange.facade import export_from_store
    if args.calendar or args.team_csv:
        return _export_follow_up(args, paths)
    if args.report is not None and not args.pdf:
        print("--report anger vilken redovisning som ska bli PDF: använd den med --pdf FIL.",
              file=sys.stderr)
        return 2
    if bool(args.engagement) == bool(args.all):
        print("Ange antingen ett SAMVERKAN_ID eller --all.", file=sys.stderr)
        return 2
    if (args.pdf or args.docx or args.agreement) and args.all:
        print("En åtgärdsplan eller överenskommelse hör till en samverkan: ange dess "
              "SAMVERKAN_ID.", file=sys.stderr)
        return 2
    target = args.pdf or args.docx or args.agreement or args.package or args.sqlite_dump
    if target:
        from .output_guard import output_problem
        problem = output_problem(Path(target))
        if problem:
            print(f"Ingenting sparades. {problem}", file=sys.stderr)
            return 2
    passphrase = None
    if args.package and (args.encrypt or args.passphrase_file):
        try:
            passphrase = read_passphrase(args.passphrase_file, "Lösenfras för paketet: ",
                                         new=True)
        except PassphraseUnavailable as exc:
            print(f"Paketet skapades inte. {exc}", file=sys.stderr)
            return 2
    if args.sqlite_dump:
        from .commands_sqlite_dump import sqlite_dump
        return sqlite_dump(args, _open(paths))
    with _open(paths).db as db:
        engagement_id = None
        if args.engagement:
            found = Store(db).engagements.find(args.engagement)
            if found is None:
                print(f"Ingen samverkan har ett id som börjar med {args.engagement!r} (eller så "
                      "är det flera). Se `dialogteam list`.", file=sys.stderr)
                return 1
            engagement_id = found.id
        if args.pdf and args.report is not None:
            assert engagement_id is not None  # --pdf is refused with --all
            from .commands_follow_up import export_report_pdf
            return export_report_pdf(Store(db), engagement_id, args.report, Path(args.pdf))
        if args.pdf or args.docx:
            assert engagement_id is not None  # --pdf and --docx are refused with --all
            _back_up_first(paths)      # the export records a new version of the plan
            return _export_plan(Store(db), engagement_id, Path(args.pdf or args.docx),
                                "pdf" if args.pdf else "docx")
        if args.agreement:
            from .commands_agreement import export_agreement
            assert engagement_id is not None  # --agreement is refused with --all
            _back_up_first(paths)      # the export may record a new version of the plan
            return export_agreement(Store(db), engagement_id, Path(args.agreement), args.which)
        try:
            _back_up_first(paths)      # the export records what was sent (bookkeeping)
            store = Store(db)
            summary = export_from_store(store, args.package, engagement_id=engagement_id,
                                        created_by=store.settings.exchange_name(),
                                        passphrase=passphrase)
        except PackageError as exc:
            print(exc, file=sys.stderr)
            return 1
    print(f"Paketet sparades{' krypterat' if passphrase else ''}: {summary.path} "
          f"({_kb(summary.size)}).")
    print(f"Innehåll: {counted(summary.counts) or 'inga poster'}"
          + (f"; {summary.deleted} borttagna poster." if summary.deleted else "."))
    return 0


def _export_follow_up(args: Namespace, paths: DataPaths) -> int:
    """The calendar and the team overview cover every samverkan: no id."""
    from .commands_follow_up import export_calendar, export_team_csv
    if args.engagement or args.all:
        print("Kalendern och teamöversikten gäller alla samverkan: ange inget id.",
              file=sys.stderr)
        return 2
    with _open(paths).db as db:
        if args.calendar:
            return export_calendar(Store(db), Path(args.calendar))
        return export_team_csv(Store(db), Path(args.team_csv))


def _export_plan(store: Store, engagement_id: str, path: Path, kind: str) -> int:
    """Render the plan as it stands (PDF or DOCX) and freeze it as the next version, as
    the window does. Both in one transaction: the version is recorded with the file or
    not at all (a busy database is found before anything is written; a file whose
    version could not be committed is removed again)."""
    from .export import render_plan_docx, render_plan_pdf
    from .export.atomic import describe_os_error
    from .store.plan_snapshot import build_plan_document, recipient_text
    engagement = store.engagements.get(engagement_id)
    assert engagement is not None  # just found by the caller
    contact = store.organisers.primary_contact(engagement.organiser_id)
    recipient = recipient_text(contact.name, contact.email) if contact else ""
    document = build_plan_document(store, engagement_id, recipient=recipient)
    existed, written = path.exists(), False
    try:
        with store.db.bulk():
            version = store.plan_versions.freeze(engagement_id, document, recipient, path.name)
            if kind == "pdf":
                size = f"{render_plan_pdf(document, path)} sidor"
            else:
                render_plan_docx(document, path)
                size = "Word-dokument"
            written = True
    except OSError as exc:
        what = "PDF:en" if kind == "pdf" else "Word-dokumentet"
        print(f"{what} sparades inte. {describe_os_error(exc, path)}", file=sys.stderr)
        return 1
    except StoreError:
        if written and not existed:
            path.unlink(missing_ok=True)     # written, but its version could not be recorded
        raise
    logging.getLogger(__name__).info("plan exported as %s: engagement %s, version %d",
                                     kind, engagement_id, version.number)
    print(f"Åtgärdsplanen sparades: {path} ({size}), version {version.number}"
          + (f", mottagare {recipient}." if recipient else "."))
    if kind == "pdf":
        from .export.pdf.coverage import coverage_warning
        warning = coverage_warning(document)
        if warning:
            print(f"Obs! {warning}", file=sys.stderr)
    return 0


def cmd_import(args: Namespace, paths: DataPaths) -> int:
    from .exchange import PackageError
    from .exchange.facade import import_into_store
    from .exchange.package_reader import package_is_encrypted
    passphrase = None
    if package_is_encrypted(Path(args.package)):
        try:
            passphrase = read_passphrase(args.passphrase_file, "Paketets lösenfras: ")
        except PassphraseUnavailable as exc:
            print(f"Paketet importerades inte. {exc}", file=sys.stderr)
            return 1
    lock = _locked(paths)
    if lock is None:
        return 1
    try:
        _back_up_first(paths)
        store = _open(paths)
        with store.db:
            report = import_into_store(store, args.package, passphrase=passphrase)
    except PackageError as exc:
        print(f"Paketet importerades inte. {exc}", file=sys.stderr)
        return 1
    finally:
        lock.release()
    who = f" från {report.source}" if report.source else ""
    print(f"Importerade {args.package}{who} ({report.scope_title or 'allt'}).")
    for line in report.lines():
        print(line)
    if report.open_conflicts:
        print("Konflikterna löser du i programmet: Arkiv → Konflikter…")
    return 0


def cmd_backup(args: Namespace, paths: DataPaths) -> int:
    from .store.backups import backup_now, list_backups
    if args.list:
        found = list_backups(paths)
        if not found:
            print(f"Inga säkerhetskopior i {paths.backups} ännu.")
        for b in found:
            print(f"{b.taken_at:%Y-%m-%d %H:%M}  {b.label:<20} {_kb(b.size):>9}  {b.path.name}")
        return 0
    if not paths.database.exists():
        print(f"Det finns ingen databas i {paths.root} ännu.", file=sys.stderr)
        return 1
    info = backup_now(paths)
    print(f"Säkerhetskopian sparades: {info.path} ({_kb(info.size)}).")
    _rotate(paths)
    return 0


def cmd_restore(args: Namespace, paths: DataPaths) -> int:

    from .store.backups import restore
    chosen = Path(args.backup)
    if not chosen.exists() and (paths.backups / args.backup).exists():
        chosen = paths.backups / args.backup
    if not chosen.is_file():
        print(f"Filen {args.backup} finns inte. Se `dialogteam backup --list`.", file=sys.stderr)
        return 1
    lock = _locked(paths)
    if lock is None:
        return 1
    try:
        if not args.yes:
            print(f"Databasen i {paths.root} ersätts med innehållet i {chosen.name}. "
                  "Den nuvarande databasen sparas först som en säkerhetskopia.")
            try:
                answer = input("Skriv ja för att fortsätta: ")
            except EOFError:
                answer = ""
            if answer.strip().lower() != "ja":
                print("Ingenting har ändrats.")
                return 1
        try:
            kept = restore(paths, chosen)
        except StoreError as exc:
            print(exc, file=sys.stderr)
            return 1
    finally:
        lock.release()
    print(f"Databasen är återställd från {chosen.name}. Den tidigare databasen finns kvar som "
          f"{kept}.")
    return 0


def cmd_check(args: Namespace, paths: DataPaths) -> int:
    from .store.backups import check_database
    print(f"Kontrollerar {paths.database} …")
    results = check_database(paths.database)
    for item in results:
        if item.skipped:
            print(f"  –    {item.label}: kontrollerades inte ({item.skipped})")
            continue
        print(f"  {'ok ' if not item.problems else 'FEL'}  {item.label}")
        for problem in item.problems[:item.shown]:
            print(f"       {problem}")
    if any(item.problems for item in results):
        print("Databasen har fel. Återställ en säkerhetskopia (se `dialogteam backup --list` "
              "och `dialogteam restore`).")
        return 1
    print("Databasen är hel.")
    return 0


def cmd_gallra(args: Namespace, paths: DataPaths) -> int:
    from .commands_retention import cmd_gallra as gallra
    return gallra(args, paths)


COMMANDS = {"list": cmd_list, "export": cmd_export, "import": cmd_import, "backup": cmd_backup,
            "restore": cmd_restore, "check": cmd_check, "gallra": cmd_gallra}


class _PrintableStream:
    """Writes through to the real stream with control characters escaped: names and
    texts from a colleague's package must not move the cursor or recolour the terminal."""

    def __init__(self, stream: TextIO):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text))

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> object:    # isatty, encoding, fileno …
        return getattr(self._stream, name)


def run(name: str, args: Namespace, paths: DataPaths) -> int:
    with redirect_stdout(_PrintableStream(sys.stdout)), \
            redirect_stderr(_PrintableStream(sys.stderr)):  # type: ignore[type-var]
        return _run(name, args, paths)


def _run(name: str, args: Namespace, paths: DataPaths) -> int:
    refusal = unlock_database(paths)
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return 2
    try:
        return COMMANDS[name](args, paths)
    except (StoreError, sqlite3.Error) as exc:
        logging.getLogger(__name__).exception("command %s failed", name)
        # Already Swedish (StoreError); SQLite's English is translated, never shown.
        shown = exc if isinstance(exc, StoreError) else translate(exc)
        print(shown, file=sys.stderr)
        if not isinstance(exc, NewerDatabaseError):
            print(f"Databasen: {paths.database}. Säkerhetskopior finns i {paths.backups}.",
                  file=sys.stderr)
        return 2
    except PermissionError:      # the data folder or a file in it is read-only
        print(read_only_text(paths.root), file=sys.stderr)
        return 2
