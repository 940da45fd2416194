"""Follow-up on the command line: `export ID --report N --pdf FILE`,
`export --calendar FILE` and `export --team-csv FILE`."""

from __future__ import annotations

import sys
from pathlib import Path

from .store.store import Store


def export_report_pdf(store: Store, engagement_id: str, number: int, path: Path) -> int:
    from .domain.errors import ValidationError
    from .export.atomic import describe_os_error
    from .export.follow_up.report_pdf import render_report_pdf
    reports = store.follow_up.reports_in_order(engagement_id)
    if not reports:
        print("Samverkan har ingen undertecknad ÖK 2 med redovisningar att följa upp.",
              file=sys.stderr)
        return 1
    if not 1 <= number <= len(reports):
        listed = ", ".join(f"{n} = {r.label}" for n, r in enumerate(reports, 1))
        print(f"Redovisning {number} finns inte. Välj en av: {listed}.", file=sys.stderr)
        return 2
    try:
        document = store.follow_up.report_document(engagement_id, reports[number - 1].id)
        pages = render_report_pdf(document, path)
    except ValidationError as exc:
        print(f"PDF:en sparades inte. {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"PDF:en sparades inte. {describe_os_error(exc, path)}", file=sys.stderr)
        return 1
    print(f"{document.title} ({document.status.lower()}) sparades: {path} ({pages} sidor).")
    return 0


def export_calendar(store: Store, path: Path) -> int:
    from .export.atomic import describe_os_error
    from .export.follow_up.calendar_ics import write_calendar
    from .store.follow_up_overview import calendar_events
    try:
        count = write_calendar(calendar_events(store.db), path)
    except OSError as exc:
        print(f"Kalenderfilen sparades inte. {describe_os_error(exc, path)}", file=sys.stderr)
        return 1
    print(f"Kalenderfilen sparades: {path} ({count} händelser: redovisningar, möten och "
          "utbetalningar). Importera den igen efter ändringar: händelserna uppdateras.")
    return 0


def export_team_csv(store: Store, path: Path) -> int:
    from .export.atomic import describe_os_error
    from .export.follow_up.team_csv import write_team_csv
    rows = store.follow_up_overview.team()
    try:
        write_team_csv(rows, path)
    except OSError as exc:
        print(f"Filen sparades inte. {describe_os_error(exc, path)}", file=sys.stderr)
        return 1
    print(f"Teamöversikten sparades: {path} ({len(rows)} samverkan).")
    return 0
