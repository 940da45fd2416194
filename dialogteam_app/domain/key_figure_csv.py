"""Key figures from a CSV file (the format is described in docs/nyckeltal-csv.md).

The whole file is read and checked before anything is imported: every problem is
reported with its line number, in Swedish, and a file with any problem imports
nothing. Files that are too big, binary or not UTF-8 are refused outright.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .analysis import KeyFigure, Measure, check_year, validate_key_figure
from .key_figures import measure_from_text, measures_for_unit, natural_key, parse_decimal
from .organisations import SchoolUnit

if TYPE_CHECKING:
    import _csv  # the stubs' name for what csv.reader() returns

MAX_BYTES = 1_000_000
MAX_ROWS = 5_000
MAX_ERRORS = 100

HEADER = ["skolenhet", "nyckeltal", "år", "värde", "riket", "ämne", "källa", "kommentar"]
REQUIRED = ("skolenhet", "nyckeltal", "år", "värde")
_ALIASES = {
    "skolenhet": ("skolenhet", "skola", "skolenhetskod"),
    "nyckeltal": ("nyckeltal", "mått"),
    "år": ("år", "ar", "läsår", "lasar"),
    "värde": ("värde", "varde", "skolans värde"),
    "riket": ("riket", "riksgenomsnitt", "rikets värde"),
    "ämne": ("ämne", "amne"),
    "källa": ("källa", "kalla"),
    "kommentar": ("kommentar",),
}
_COLUMN_OF = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_FIELD_COLUMNS = {"year": "år", "value": "värde", "national_value": "riket", "subject": "ämne",
                  "source": "källa", "note": "kommentar"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_UNIT_CODE = re.compile(r"^\d{8}$")
# Subjects a template lists for the measures that are given per subject.
_SUBJECTS = {
    Measure.NATIONAL_TEST_9: ("matematik", "svenska", "engelska"),
    Measure.GRADE_POINTS_6: ("matematik", "svenska"),
    Measure.NATIONAL_TEST_3: ("matematik", "svenska"),
}


@dataclass(frozen=True)
class CsvProblem:
    line: int | None   # None: the file as a whole
    message: str       # Swedish
    column: str = ""

    def __str__(self) -> str:
        where = ", ".join(p for p in (f"Rad {self.line}" if self.line else "", self.column) if p)
        return f"{where}: {self.message}" if where else self.message


@dataclass
class ParsedCsv:
    figures: list[KeyFigure] = field(default_factory=list)
    errors: list[CsvProblem] = field(default_factory=list)
    skipped_lines: list[int] = field(default_factory=list)  # rows without a value

    @property
    def ok(self) -> bool:
        return not self.errors


def _refused(message: str, line: int | None = None) -> ParsedCsv:
    return ParsedCsv(errors=[CsvProblem(line, message)])


def read_key_figures_file(path: Path, engagement_id: str, units: list[SchoolUnit]) -> ParsedCsv:
    """Read at most MAX_BYTES (a huge file is never loaded into memory) and parse."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        return _refused(f"Filen kunde inte läsas: {exc.strerror or exc}.")
    return parse_key_figures_csv(data, engagement_id, units)


def parse_key_figures_csv(data: bytes, engagement_id: str, units: list[SchoolUnit]) -> ParsedCsv:
    text_or_error = _decode(data)
    if isinstance(text_or_error, ParsedCsv):
        return text_or_error
    lines = text_or_error.splitlines()
    header_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if header_index is None:
        return _refused("Filen är tom.")
    rows = sum(1 for line in lines[header_index + 1:] if line.strip())  # blank lines are free
    if rows > MAX_ROWS:
        return _refused(f"Filen har för många rader ({rows:,}; högst "
                        f"{MAX_ROWS:,}).".replace(",", "\u00a0"))
    header_line = lines[header_index]
    delimiter = ";" if header_line.count(";") >= header_line.count(",") else ","
    if delimiter not in header_line:
        return _refused("Rubrikraden har bara en kolumn. Skilj kolumnerna åt med semikolon (;) "
                        "eller komma (,), som i mallen.", header_index + 1)
    reader = csv.reader(io.StringIO(text_or_error, newline=""), delimiter=delimiter, strict=True)
    return _Parser(engagement_id, units).parse(reader)


def _decode(data: bytes) -> str | ParsedCsv:
    if len(data) > MAX_BYTES:
        return _refused(f"Filen är för stor (högst {MAX_BYTES // 1_000_000} MB). En fil med "
                        "nyckeltal är sällan större än några kilobyte: är det rätt fil?")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _refused("Filen är sparad som UTF-16. Spara den som ”CSV UTF-8” och försök igen.")
    if b"\x00" in data:
        return _refused("Filen är ingen textfil (CSV). Välj en CSV-fil, till exempel mallen.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        return _refused("Filen är inte sparad som UTF-8: ett tecken går inte att läsa. "
                        "Spara den som ”CSV UTF-8” (i Excel: Spara som → CSV UTF-8) och "
                        "försök igen.", line)
    if not text.strip():
        return _refused("Filen är tom.")
    return text


def _fold(text: str) -> str:
    return " ".join(text.replace("–", "-").split()).casefold()


class _Parser:
    def __init__(self, engagement_id: str, units: list[SchoolUnit]):
        self.engagement_id = engagement_id
        self.units = units
        self.result = ParsedCsv()
        self.columns: list[str] = []
        self._seen_at: dict[tuple[str, Measure, str, str], int] = {}   # natural key -> line

    def error(self, line: int | None, message: str, column: str = "") -> None:
        self.result.errors.append(CsvProblem(line, message, column))

    def parse(self, reader: _csv.Reader) -> ParsedCsv:
        start = 1
        try:
            for cells in reader:
                if len(self.result.errors) >= MAX_ERRORS:
                    self.error(None, "Fler fel finns; rätta de här först.")
                    break
                line, start = start, reader.line_num + 1
                if not any(c.strip() for c in cells):
                    continue
                if not self.columns:
                    if not self._header(cells, line):
                        return self.result
                    continue
                self._row(cells, line)
        except csv.Error as exc:
            self.error(reader.line_num, f"Filen går inte att läsa som CSV ({exc}). "
                                        "Kontrollera citattecknen.")
        if not self.result.errors and not self.result.figures:
            self.error(None, "Filen innehåller inga nyckeltal med värde.")
        if self.result.errors:
            self.result.figures = []
        return self.result

    def _header(self, cells: list[str], line: int) -> bool:
        names = [_COLUMN_OF.get(_fold(c)) for c in cells]
        for cell, name in zip(cells, names, strict=True):
            if name is None:
                self.error(line, f"Okänd kolumn ”{cell.strip()[:40]}” i rubrikraden. Kolumnerna "
                                 f"heter {', '.join(HEADER)}; första raden ska vara rubrikraden.")
        for name in dict.fromkeys(n for n in names if n and names.count(n) > 1):
            self.error(line, f"Kolumnen ”{name}” finns två gånger.")
        for name in REQUIRED:
            if name not in names:
                self.error(line, f"Rubrikraden saknar kolumnen ”{name}”.")
        if self.result.errors:
            return False
        self.columns = [n for n in names if n is not None]  # none are, after the checks
        return True

    def _row(self, cells: list[str], line: int) -> None:
        width = len(self.columns)
        if any(c.strip() for c in cells[width:]):
            self.error(line, f"Raden har {len(cells)} fält men rubrikraden har {width}. Skriv "
                             "decimaltal inom citattecken (”197,5”) eller använd semikolon som "
                             "avgränsare.")
            return
        cells = (cells + [""] * width)[:width]  # empty cells at the end may be left out
        if any(_CONTROL.search(c) for c in cells):
            self.error(line, "Raden innehåller otillåtna styrtecken.")
            return
        row = {name: _unescaped(cell.strip())
               for name, cell in zip(self.columns, cells, strict=True)}
        if not row["värde"]:
            self.result.skipped_lines.append(line)
            return
        errors_before = len(self.result.errors)
        unit_id = self._unit(row["skolenhet"], line)
        measure = measure_from_text(row["nyckeltal"])
        if measure is None:
            self.error(line, f"Okänt nyckeltal ”{row['nyckeltal'][:60]}”. Skriv det som i "
                             "mallen, till exempel ”Meritvärde åk 9” eller meritvarde_ak9.",
                       "nyckeltal")
        year_problem = check_year(row["år"])
        if year_problem:
            self.error(line, year_problem, "år")
        value = parse_decimal(row["värde"])
        if value is None:
            self.error(line, f"”{row['värde'][:30]}” är inget tal.", "värde")
        national = parse_decimal(row["riket"]) if row.get("riket") else None
        if row.get("riket") and national is None:
            self.error(line, f"”{row['riket'][:30]}” är inget tal.", "riket")
        if len(self.result.errors) > errors_before or measure is None or value is None:
            return  # a missing measure or value was reported just above
        figure = KeyFigure(engagement_id=self.engagement_id, school_unit_id=unit_id,
                           measure=measure, year=row["år"], value=value, national_value=national,
                           subject=row.get("ämne", ""), source=row.get("källa", ""),
                           note=row.get("kommentar", ""))
        invalid = validate_key_figure(figure)
        for e in invalid:
            self.error(line, e.message, _FIELD_COLUMNS.get(e.field, ""))
        if invalid:
            return
        key = natural_key(figure)     # a dict, not a scan: 5 000 rows in linear time
        if key in self._seen_at:
            self.error(line, f"Samma nyckeltal, skolenhet, ämne och år som på rad "
                             f"{self._seen_at[key]}.")
            return
        self._seen_at[key] = line
        self.result.figures.append(figure)

    def _unit(self, text: str, line: int) -> str | None:
        if not text:
            return None  # the huvudman as a whole
        if _UNIT_CODE.match(text):
            found = [u for u in self.units if u.unit_code == text]
        else:
            found = [u for u in self.units if _fold(text) in (_fold(u.name), _fold(u.display_name))]
        if len(found) == 1:
            return found[0].id
        if found:
            self.error(line, f"”{text[:60]}” passar flera skolenheter; använd skolenhetskoden.",
                       "skolenhet")
        else:
            known = ", ".join(u.display_name for u in self.units) or "inga ännu"
            self.error(line, f"Okänd skolenhet ”{text[:60]}” (huvudmannens skolenheter: "
                             f"{known}).", "skolenhet")
        return None


# A cell starting with one of these is a formula to Excel and LibreOffice
# (=HYPERLINK(…) in a skolenhet's name): the template writes it after an apostrophe.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escaped(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _unescaped(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell


def template_csv(units: list[SchoolUnit], year: str) -> str:
    """A filled-in header and one row per unit and fitting measure, values left empty."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    for u in units:
        for m in measures_for_unit(u.grade_span, u.school_type):
            for subject in _SUBJECTS.get(m, ("",)):
                writer.writerow([_escaped(c) for c in
                                 (u.display_name, m.label, year, "", "", subject, "", "")])
    return out.getvalue()
