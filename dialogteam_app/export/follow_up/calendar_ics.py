"""An iCalendar file (RFC 5545) of the dialogteam's dates that Outlook and Thunderbird
import: CRLF lines folded at 75 octets, escaped text, all-day events as DATE values,
meetings in local time. UIDs come from record ids: a re-import updates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from ...domain.fields import parse_date
from ...domain.follow_up_overview import CalendarEvent
from ..atomic import atomic_path

PRODID = "-//Skolverket dialogteam//Dialogteam//SV"


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets, never inside a character."""
    parts: list[str] = []
    current = ""
    for ch in line:
        limit = 75 if not parts else 74   # continuation lines start with a space
        if len((current + ch).encode("utf-8")) > limit:
            parts.append(current)
            current = ch
        else:
            current += ch
    parts.append(current)
    return [parts[0], *(" " + p for p in parts[1:])]


def _time(day: str, hhmm: str) -> str | None:
    if len(hhmm) != 5 or hhmm[2] != ":" or not (hhmm[:2] + hhmm[3:]).isdigit():
        return None
    return f"{day.replace('-', '')}T{hhmm.replace(':', '')}00"


def _event_lines(e: CalendarEvent, stamp: str) -> list[str]:
    day = parse_date(e.day)
    if day is None:
        return []
    lines = ["BEGIN:VEVENT", f"UID:{e.uid}", f"DTSTAMP:{stamp}"]
    start = _time(e.day, e.start_time)
    if start:
        end = _time(e.day, e.end_time) or start
        lines += [f"DTSTART:{start}", f"DTEND:{max(end, start)}"]
    else:
        lines += [f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                  f"DTEND;VALUE=DATE:{day + timedelta(days=1):%Y%m%d}",
                  "TRANSP:TRANSPARENT"]
    lines.append(f"SUMMARY:{_escape(e.summary)}")
    if e.description:
        lines.append(f"DESCRIPTION:{_escape(e.description)}")
    if e.location:
        lines.append(f"LOCATION:{_escape(e.location)}")
    return [*lines, "END:VEVENT"]


def calendar_text(events: list[CalendarEvent], now: datetime | None = None) -> str:
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "X-WR-CALNAME:Dialogteam"]
    for e in events:
        lines += _event_lines(e, stamp)
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))


def write_calendar(events: list[CalendarEvent], path: Path) -> int:
    """Write the file atomically; returns how many events it holds."""
    text = calendar_text(events)
    with atomic_path(Path(path)) as tmp:
        tmp.write_bytes(text.encode("utf-8"))
    return text.count("BEGIN:VEVENT")
