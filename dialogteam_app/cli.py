"""Command line: `dialogteam` starts the program; subcommands work without a window.

Qt is imported only when the window is wanted, so `--version` and `list` are quick.
"""

from __future__ import annotations

import argparse
import sys
import time

from . import __version__, cli_swedish
from .bytecode_cache import keep_bytecode
from .dataclass_code import keep_dataclass_code
from .gc_pause import pause_for_start
from .private_files import restrict_umask
from .pyside_code import import_pyside_keeping_code
from .windows_console import attach_windows_console


def _data_dir_option(parser: argparse.ArgumentParser, *, in_subcommand: bool) -> None:
    # SUPPRESS in subcommands keeps `dialogteam --data-dir X list` from being
    # overwritten by the subcommand's own default.
    from .paths import ENV_VAR  # imported once the records' code cache is in place
    parser.add_argument(
        "--data-dir", metavar="MAPP",
        default=argparse.SUPPRESS if in_subcommand else None,
        help=f"datamapp (annars ${ENV_VAR} eller standardplatsen)")


def _passphrase_file_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase-file", metavar="FIL",
                        help="läs lösenfrasen från filens första rad (annars frågas den efter)")


def _window_options_only(argv: list[str]) -> bool:
    """True for the arguments of a plain window start (`dialogteam`, `--data-dir X`,
    `--smoke`): then the subcommands' parsers (~0.7 ms of the start) are not built."""
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--data-dir" and rest and not rest[0].startswith("-"):
            rest.pop(0)
        elif not (arg.startswith("--data-dir=") or arg == "--smoke"):
            return False
    return True


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    cli_swedish.install()   # before the parsers: their headings and -h are made with them
    parser = argparse.ArgumentParser(
        prog="dialogteam",
        description="Dialogteam – anteckningar, nulägesanalys, åtgärdsplan, "
                    "överenskommelser och uppföljning.")
    parser.add_argument("--version", action="version", version=f"Dialogteam {__version__}",
                        help=cli_swedish.VERSION_HELP)
    _data_dir_option(parser, in_subcommand=False)
    parser.add_argument("--smoke", action="store_true",
                        help="öppna huvudfönstret, skriv hur snabbt det blev användbart och avsluta "
                             "(för test av installationen)")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO")

    p = sub.add_parser("list", help="visa alla samverkan med deras id")
    _data_dir_option(p, in_subcommand=True)

    p = sub.add_parser("export", help="exportera en samverkan (eller allt) till en fil")
    _data_dir_option(p, in_subcommand=True)
    p.add_argument("engagement", nargs="?", metavar="SAMVERKAN_ID",
                   help="id, eller en unik början av det (se `dialogteam list`)")
    p.add_argument("--all", action="store_true", help="alla samverkan och hela teamet")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--package", metavar="FIL",
                      help="utbytespaket till en kollega (.dialogteam.zip)")
    what.add_argument("--pdf", metavar="FIL",
                      help="åtgärdsplanen som PDF (sparas som en ny version)")
    what.add_argument("--calendar", metavar="FIL",
                      help="alla datum (redovisningar, möten, utbetalningar) som .ics-fil")
    what.add_argument("--team-csv", metavar="FIL",
                      help="teamöversikten som CSV för Excel (alla samverkan)")
    p.add_argument("--report", metavar="N", type=int,
                   help="med --pdf: redovisning N (1 = första i datumordning) i stället för planen")
    what.add_argument("--sqlite-dump", metavar="FIL",
                      help="med --all: alla data som en vanlig SQLite-fil för analys "
                           "(okrypterad, bara läsbar för dig)")
    what.add_argument("--docx", metavar="FIL",
                      help="åtgärdsplanen som Word-dokument (sparas som en ny version)")
    what.add_argument("--agreement", metavar="FIL",
                      help="överenskommelsen som PDF, eller som Word-dokument om filen slutar "
                           "på .docx, med åtgärdsplanen som bilaga 1")
    p.add_argument("--which", metavar="NAMN",
                   help="vilken överenskommelse när det finns flera: ÖK 1, ÖK 2, tillägg, "
                        "dnr eller början av id")
    p.add_argument("--encrypt", action="store_true",
                   help="kryptera paketet med en lösenfras (frågas efter, eller --passphrase-file)")
    _passphrase_file_option(p)

    p = sub.add_parser("import", help="läs in ett utbytespaket från en kollega")
    _data_dir_option(p, in_subcommand=True)
    p.add_argument("package", metavar="FIL")
    _passphrase_file_option(p)

    p = sub.add_parser("backup", help="gör en säkerhetskopia av databasen nu")
    _data_dir_option(p, in_subcommand=True)
    p.add_argument("--list", action="store_true", help="visa säkerhetskopiorna i stället")

    p = sub.add_parser("restore", help="återställ databasen från en säkerhetskopia")
    _data_dir_option(p, in_subcommand=True)
    p.add_argument("backup", metavar="FIL", help="en fil, eller ett namn ur `dialogteam backup --list`")
    p.add_argument("--yes", action="store_true", help="fråga inte först")

    p = sub.add_parser("check", help="kontrollera att databasen är hel")
    _data_dir_option(p, in_subcommand=True)

    p = sub.add_parser("gallra", help="ta bort personuppgifter ur avslutade samverkan "
                                      "(visar först vad, --yes gör det)")
    _data_dir_option(p, in_subcommand=True)
    p.add_argument("engagement", nargs="?", metavar="SAMVERKAN_ID",
                   help="bara den här samverkan (annars alla som är avslutade)")
    p.add_argument("--months", type=int, metavar="N",
                   help="månader efter avslutet innan gallring (standard 12)")
    p.add_argument("--yes", action="store_true", help="gallra, visa inte bara")
    return parser


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    restrict_umask()
    keep_bytecode()  # before the window's modules are imported
    attach_windows_console()
    argv = sys.argv[1:] if argv is None else argv
    window = _window_options_only(argv)
    if window:
        keep_dataclass_code()  # before the first record; kept once the window is usable
    args = build_parser(commands=not window).parse_args(argv)
    from .paths import resolve_data_paths
    try:
        paths = resolve_data_paths(args.data_dir)
    except OSError as exc:
        print(f"Datamappen kan inte användas: {exc}", file=sys.stderr)
        return 2
    from .diagnostics import log, log_start, setup_logging  # after parsing: --version stays quick
    setup_logging(paths)
    if args.command is None:
        pause_for_start()  # until the window is usable (gc_pause.py)
        import_pyside_keeping_code()  # before the window's modules import it
        from .ui.app import run_gui
        return run_gui(paths, smoke=args.smoke, started=started)
    from . import commands
    log_start(f"command {args.command}")
    try:
        return commands.run(args.command, args, paths)
    except Exception:
        log.critical("command %s stopped on an error", args.command, exc_info=True)
        raise
