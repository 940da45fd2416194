"""The team overview as CSV for Skolverket's yearly report: UTF-8 with a BOM and `;`
between fields, so Excel in Swedish opens it with å, ä, ö intact and in columns.
Amounts are whole kronor without spaces, so Excel reads them as numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ...domain.analysis import Factor
from ...domain.follow_up import InterventionStatus
from ...domain.follow_up_overview import TeamRow
from ..atomic import atomic_path


def _header(years: list[int]) -> list[str]:
    head = ["Huvudman", "Samverkan", "Dnr", "Fas", "Period från", "Period till",
            "Ansvarig processtödjare", "Insatser"]
    head += [f"Insatser {s.label.lower()}" for s in InterventionStatus]
    for year in years:
        head += [f"Beviljat {year} (kr)", f"Utbetalt {year} (kr)", f"Använt {year} (kr)"]
    head += [f"Insatser med {f.label.lower()}" for f in Factor]
    return head


def team_rows(rows: list[TeamRow]) -> list[list[str]]:
    years = sorted({y for r in rows for y in r.years})
    table = [_header(years)]
    for r in rows:
        line = [r.organiser_name, r.title, r.dnr, r.phase, r.period_start, r.period_end,
                r.responsible, str(r.insatser)]
        line += [str(r.by_status.get(s, 0)) for s in InterventionStatus]
        for year in years:
            line += [str(r.granted_by_year.get(year, 0)), str(r.paid_by_year.get(year, 0)),
                     str(r.used_by_year.get(year, 0))]
        line += [str(r.by_factor.get(f.value, 0)) for f in Factor]
        table.append(line)
    return table


def team_csv_text(rows: list[TeamRow]) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(team_rows(rows))
    return out.getvalue()


def write_team_csv(rows: list[TeamRow], path: Path) -> None:
    with atomic_path(Path(path)) as tmp:
        tmp.write_bytes(team_csv_text(rows).encode("utf-8-sig"))
