"""Reading, writing and comparing key figures (nyckeltal) the Swedish way:
decimal comma, a real minus sign, and "better" only where it means something."""

from __future__ import annotations

import re
from enum import Enum

from .analysis import KeyFigure, Measure
from .sorting import swedish_key

MINUS = "\u2212"
_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def parse_decimal(text: str) -> float | None:
    """'197,5', '197.5', '69 %', '−3,2', '1 234' → a number; anything else → None."""
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", text or "").replace(MINUS, "-").removesuffix("%")
    if not _NUMBER.match(cleaned):
        return None
    return float(cleaned.replace(",", "."))


def format_number(value: float | None, max_decimals: int = 2, min_decimals: int = 0) -> str:
    """197.0 → '197', 69.25 → '69,25', -3.5 → '−3,5'; min_decimals=1 keeps '14,0'."""
    if value is None:
        return ""
    text = f"{round(value, max_decimals):.{max_decimals}f}"
    if "." in text:
        whole, decimals = text.split(".")
        decimals = decimals.rstrip("0").ljust(min_decimals, "0")
        text = f"{whole}.{decimals}" if decimals else whole
    if float(text) == 0:
        text = text.lstrip("-")
    return text.replace(".", ",").replace("-", MINUS)


def _decimals(measure: Measure) -> int:
    """Points (meritvärde, betygspoäng) are read with one decimal: 229,0 beside 197,3."""
    return 1 if measure.unit == "poäng" else 0


def format_value(value: float | None, measure: Measure) -> str:
    if value is None:
        return "–"
    return format_number(value, min_decimals=_decimals(measure)) + \
        (" %" if measure.unit == "%" else "")


def format_difference(k: KeyFigure) -> str:
    diff = k.difference
    if diff is None:
        return ""
    text = format_number(diff, min_decimals=_decimals(k.measure))
    if float(text.replace(",", ".").replace(MINUS, "-")) == 0:
        return "±0"
    return text if text.startswith(MINUS) else "+" + text


class Comparison(str, Enum):
    BETTER = "better"
    WORSE = "worse"
    SAME = "same"
    CONTEXT = "context"   # socio-economic background: neither better nor worse
    UNKNOWN = "unknown"   # no national value to compare with

    @property
    def verdict(self) -> str:
        """The comparison in words, so colour is never the only sign of it."""
        return _VERDICTS[self]


_VERDICTS = {Comparison.BETTER: "bättre", Comparison.WORSE: "sämre", Comparison.SAME: "lika",
             Comparison.CONTEXT: "bakgrundsfaktor", Comparison.UNKNOWN: ""}


def difference_with_verdict(k: KeyFigure) -> str:
    """"−31,8 sämre", "+12 bakgrundsfaktor": the difference and what it means."""
    diff = format_difference(k)
    verdict = compare(k).verdict
    return f"{diff} {verdict}" if diff and verdict else diff


def compare(k: KeyFigure) -> Comparison:
    """Every result measure here is better when higher."""
    if k.national_value is None:
        return Comparison.UNKNOWN
    if k.measure.is_context or k.measure is Measure.OTHER:
        return Comparison.CONTEXT
    diff = round(k.value - k.national_value, 2)
    if diff == 0:
        return Comparison.SAME
    return Comparison.BETTER if diff > 0 else Comparison.WORSE


# The largest possible value, so bars of one measure are drawn to an honest scale.
_SCALE_MAX = {Measure.MERIT_9: 340.0, Measure.GRADE_POINTS_6: 20.0,
              Measure.GRADE_POINTS_UPPER: 20.0}


def scale_max(k: KeyFigure) -> float:
    if k.measure.unit == "%":
        return 100.0
    if k.measure in _SCALE_MAX:
        return max(_SCALE_MAX[k.measure], k.value, k.national_value or 0)
    return max(abs(k.value), abs(k.national_value or 0), 1.0) * 1.1


def year_key(year: str) -> tuple[int, int]:
    """'2024/25' is the school year after the calendar year '2024'."""
    first = int(year[:4]) if year[:4].isdigit() else 0
    return first, 1 if "/" in year else 0


def natural_key(k: KeyFigure) -> tuple[str, Measure, str, str]:
    """Two figures with the same key describe the same thing and would contradict."""
    return (k.school_unit_id or "", k.measure, swedish_key(k.subject.strip()), k.year.strip())


def duplicate_of(k: KeyFigure, others: list[KeyFigure]) -> KeyFigure | None:
    key = natural_key(k)
    return next((o for o in others if o.id != k.id and natural_key(o) == key), None)


def subject_label(k: KeyFigure) -> str:
    return k.measure.label + (f", {k.subject}" if k.subject else "")


def latest_per_measure(figures: list[KeyFigure]) -> list[KeyFigure]:
    """The newest figure of each measure (and subject), results first, for a chart."""
    newest: dict[tuple[Measure, str], KeyFigure] = {}
    for k in figures:
        key = (k.measure, swedish_key(k.subject))
        if key not in newest or year_key(k.year) > year_key(newest[key].year):
            newest[key] = k
    order = {m: i for i, m in enumerate(Measure)}     # an unknown stored measure comes last
    return sorted(newest.values(), key=lambda k: (k.measure.is_context,
                                                  order.get(k.measure, len(order)),
                                                  swedish_key(k.subject)))


def sorted_figures(figures: list[KeyFigure]) -> list[KeyFigure]:
    """Measures in their fixed order, the newest year first within a measure."""
    order = {m: i for i, m in enumerate(Measure)}     # an unknown stored measure comes last
    return sorted(figures, key=lambda k: (order.get(k.measure, len(order)),
                                          swedish_key(k.subject),
                                          tuple(-n for n in year_key(k.year))))


_SECONDARY = (Measure.DEGREE_3_YEARS, Measure.GRADE_POINTS_UPPER)
_CONTEXT = (Measure.PARENTS_HIGHER_EDUCATION, Measure.FOREIGN_BACKGROUND, Measure.NEWLY_ARRIVED)


def measures_for_unit(grade_span: str, school_type: str) -> list[Measure]:
    """The measures that fit a skolenhet's grades, for the CSV template."""
    if "gymnasie" in school_type.lower():
        return [*_SECONDARY, *_CONTEXT]
    grades = re.findall(r"F|\d+", grade_span.upper())
    first = 0 if not grades or grades[0] == "F" else int(grades[0])
    last = 9 if not grades else (0 if grades[-1] == "F" else int(grades[-1]))
    found = []
    if first <= 3 <= last:
        found.append(Measure.NATIONAL_TEST_3)
    if first <= 6 <= last:
        found.append(Measure.GRADE_POINTS_6)
    if first <= 9 <= last:
        found += [Measure.MERIT_9, Measure.ELIGIBLE_VOCATIONAL, Measure.ALL_SUBJECTS_9,
                  Measure.NATIONAL_TEST_9]
    return [*found, *_CONTEXT]


def measure_from_text(text: str) -> Measure | None:
    """A measure by its code ('meritvarde_ak9') or its Swedish label, any case."""
    wanted = " ".join((text or "").split()).casefold()
    for m in Measure:
        if wanted in (m.value, m.label.casefold()):
            return m
    return None
