"""The nulägesanalys: current state (key figures, Skolinspektionen's findings,
other sources), problems on three levels with causes and evidence, and
candidate interventions tied to causes and research-based factors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX, check_date, check_text
from .ids import new_id


class Measure(str, Enum):
    """Key figures compared with the national average (riksgenomsnitt)."""

    MERIT_9 = "meritvarde_ak9"
    ELIGIBLE_VOCATIONAL = "behoriga_yrkesprogram"
    ALL_SUBJECTS_9 = "alla_amnen_ak9"
    NATIONAL_TEST_9 = "nationella_prov_ak9"
    GRADE_POINTS_6 = "betygspoang_ak6"
    NATIONAL_TEST_3 = "nationella_prov_ak3"
    DEGREE_3_YEARS = "examen_inom_3_ar"
    GRADE_POINTS_UPPER = "betygspoang_gymnasiet"
    PARENTS_HIGHER_EDUCATION = "foraldrar_eftergymnasial"
    FOREIGN_BACKGROUND = "utlandsk_bakgrund"
    NEWLY_ARRIVED = "nyinvandrade"
    OTHER = "annat"

    @property
    def label(self) -> str:
        return _MEASURES[self][0]

    @property
    def unit(self) -> str:
        return _MEASURES[self][1]

    @property
    def is_context(self) -> bool:
        """Socio-economic context rather than results."""
        return self in (Measure.PARENTS_HIGHER_EDUCATION, Measure.FOREIGN_BACKGROUND,
                        Measure.NEWLY_ARRIVED)


_MEASURES = {
    Measure.MERIT_9: ("Meritvärde åk 9", "poäng"),
    Measure.ELIGIBLE_VOCATIONAL: ("Andel behöriga till yrkesprogram", "%"),
    Measure.ALL_SUBJECTS_9: ("Andel som nått kunskapskraven i alla ämnen, åk 9", "%"),
    Measure.NATIONAL_TEST_9: ("Nationella prov åk 9, andel med lägst E", "%"),
    Measure.GRADE_POINTS_6: ("Genomsnittlig betygspoäng åk 6", "poäng"),
    Measure.NATIONAL_TEST_3: ("Nationella prov åk 3, andel som klarat alla delprov", "%"),
    Measure.DEGREE_3_YEARS: ("Andel med examen inom 3 år", "%"),
    Measure.GRADE_POINTS_UPPER: ("Genomsnittlig betygspoäng, gymnasiet", "poäng"),
    Measure.PARENTS_HIGHER_EDUCATION: ("Andel med föräldrar med eftergymnasial utbildning", "%"),
    Measure.FOREIGN_BACKGROUND: ("Andel med utländsk bakgrund", "%"),
    Measure.NEWLY_ARRIVED: ("Andel nyinvandrade", "%"),
    Measure.OTHER: ("Annat nyckeltal", ""),
}


class DecisionType(str, Enum):
    """Skolinspektionen's decision after supervision."""

    INJUNCTION = "forelaggande"
    INJUNCTION_FINE = "forelaggande_vite"
    REMARK = "anmarkning"
    OTHER = "annat"

    @property
    def label(self) -> str:
        return {"forelaggande": "Föreläggande", "forelaggande_vite": "Föreläggande med vite",
                "anmarkning": "Anmärkning", "annat": "Annat beslut"}[self.value]


class SourceKind(str, Enum):
    SURVEY = "enkat"
    INTERVIEW = "intervju"
    DOCUMENT = "dokument"
    STATISTICS = "statistik"
    OBSERVATION = "observation"
    OTHER = "annat"

    @property
    def label(self) -> str:
        return {"enkat": "Enkät", "intervju": "Intervju", "dokument": "Dokument",
                "statistik": "Statistik", "observation": "Observation",
                "annat": "Annat underlag"}[self.value]


class ProblemLevel(str, Enum):
    """The three levels a problem is formulated on (Skolverket's support material)."""

    RESULTS = "resultat"
    TEACHING = "undervisning"
    ORGANISATION = "organisation"

    @property
    def label(self) -> str:
        return {"resultat": "Elevernas resultat och måluppfyllelse",
                "undervisning": "Undervisning och andra processer",
                "organisation": "Organisation och ledning"}[self.value]


class Strength(str, Enum):
    WEAK = "svag"
    MODERATE = "mattlig"
    STRONG = "stark"

    @property
    def label(self) -> str:
        return {"svag": "Svagt", "mattlig": "Måttligt", "stark": "Starkt"}[self.value]


class Factor(str, Enum):
    """Factors with research support that interventions should build on."""

    TRUST = "tillit"
    COLLEGIAL_LEARNING = "kollegialt_larande"
    INCLUSION = "inkludering"
    FORMATIVE_ASSESSMENT = "formativ_bedomning"
    PEDAGOGICAL_LEADERSHIP = "pedagogiskt_ledarskap"
    METACOGNITION = "metakognitiva_fardigheter"

    @property
    def label(self) -> str:
        return {"tillit": "Tillit", "kollegialt_larande": "Kollegialt lärande",
                "inkludering": "Inkludering", "formativ_bedomning": "Formativ bedömning",
                "pedagogiskt_ledarskap": "Pedagogiskt ledarskap",
                "metakognitiva_fardigheter": "Metakognitiva färdigheter"}[self.value]


@dataclass
class KeyFigure:
    engagement_id: str
    school_unit_id: str | None   # None: the huvudman as a whole
    measure: Measure
    year: str                    # "2025" or a school year "2024/25"
    value: float
    national_value: float | None = None
    subject: str = ""            # for national tests and grade points: "matematik", …
    source: str = ""             # "SIRIS", "Skolverkets statistik", …
    note: str = ""
    id: str = field(default_factory=new_id)

    @property
    def difference(self) -> float | None:
        return None if self.national_value is None else self.value - self.national_value


@dataclass
class InspectionFinding:
    engagement_id: str
    school_unit_id: str | None
    date: str
    decision_type: DecisionType = DecisionType.INJUNCTION
    areas: str = ""              # the areas with shortcomings
    summary: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Source:
    engagement_id: str
    kind: SourceKind
    title: str
    date: str = ""
    description: str = ""
    id: str = field(default_factory=new_id)


@dataclass
class Problem:
    engagement_id: str
    level: ProblemLevel
    title: str
    description: str = ""
    results_link: str = ""       # how the problem is tied to students' results
    priority: int = 0            # order: 0 is the most important
    note_id: str | None = None   # the note it was promoted from
    id: str = field(default_factory=new_id)


@dataclass
class Cause:
    problem_id: str
    text: str
    note_id: str | None = None
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class Evidence:
    """Support for a cause: a note, a key figure, a source or a finding — or, with
    none of those, a text of its own (research, proven experience)."""

    cause_id: str
    text: str = ""
    note_id: str | None = None
    key_figure_id: str | None = None
    source_id: str | None = None
    finding_id: str | None = None
    strength: Strength = Strength.MODERATE
    comment: str = ""
    position: int = 0
    id: str = field(default_factory=new_id)

    @property
    def references(self) -> list[str]:
        return [r for r in (self.note_id, self.key_figure_id, self.source_id, self.finding_id) if r]


@dataclass
class Candidate:
    """An intervention considered in the analysis, before it enters the plan."""

    engagement_id: str
    title: str
    description: str = ""
    cause_ids: list[str] = field(default_factory=list)
    factors: list[str] = field(default_factory=list)   # Factor values
    note_id: str | None = None
    position: int = 0
    id: str = field(default_factory=new_id)


@dataclass
class Participation:
    """How staff and students took part in the analysis (delaktighet)."""

    engagement_id: str
    staff: str = ""
    students: str = ""
    id: str = field(default_factory=new_id)


def _errors(checks: dict[str, str | None]) -> list[FieldError]:
    return [FieldError(k, v) for k, v in checks.items() if v]


def _check_number(value: object, label: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"{label} måste vara ett tal."
    if value != value or abs(value) > 1e9:  # NaN or absurd
        return f"{label} är inget rimligt tal."
    return None


def check_year(year: str) -> str | None:
    m = re.fullmatch(r"(\d{4})(?:/(\d{2}))?", (year or "").strip())
    if not m:
        return "År skrivs 2025 eller som läsår 2024/25."
    first = int(m.group(1))
    if not 1990 <= first <= 2100:
        return f"Året {first} är orimligt."
    if m.group(2) and int(m.group(2)) != (first + 1) % 100:
        return f"Läsåret {year} hänger inte ihop (ska vara {first}/{(first + 1) % 100:02d})."
    return None


def validate_key_figure(k: KeyFigure) -> list[FieldError]:
    checks = {
        "measure": None if isinstance(k.measure, Measure) else "Okänt nyckeltal.",
        "year": check_year(k.year),
        "value": _check_number(k.value, "Värdet") or (
            "Värdet måste anges." if k.value is None else None),
        "national_value": _check_number(k.national_value, "Riksgenomsnittet"),
        "subject": check_text(k.subject, "Ämne"),
        "source": check_text(k.source, "Källa"),
        "note": check_text(k.note, "Kommentar", max_len=2000),
    }
    if not checks["value"] and k.measure is not None and isinstance(k.measure, Measure) \
            and k.measure.unit == "%" and not 0 <= k.value <= 100:
        checks["value"] = "En andel ska ligga mellan 0 och 100 %."
    if not checks["national_value"] and k.national_value is not None \
            and isinstance(k.measure, Measure) and k.measure.unit == "%" \
            and not 0 <= k.national_value <= 100:
        checks["national_value"] = "En andel ska ligga mellan 0 och 100 %."
    return _errors(checks)


def validate_finding(f: InspectionFinding) -> list[FieldError]:
    return _errors({
        "date": check_date(f.date, "Beslutsdatum", required=True),
        "decision_type": None if isinstance(f.decision_type, DecisionType) else "Okänd beslutstyp.",
        "areas": check_text(f.areas, "Områden", max_len=LONG_TEXT_MAX),
        "summary": check_text(f.summary, "Sammanfattning", max_len=LONG_TEXT_MAX),
    })


def validate_source(s: Source) -> list[FieldError]:
    return _errors({
        "kind": None if isinstance(s.kind, SourceKind) else "Okänd typ av underlag.",
        "title": check_text(s.title, "Benämning", required=True),
        "date": check_date(s.date, "Datum"),
        "description": check_text(s.description, "Beskrivning", max_len=LONG_TEXT_MAX),
    })


def validate_problem(p: Problem) -> list[FieldError]:
    return _errors({
        "level": None if isinstance(p.level, ProblemLevel) else "Okänd nivå.",
        "title": check_text(p.title, "Problemformulering", required=True, max_len=1000),
        "description": check_text(p.description, "Beskrivning", max_len=LONG_TEXT_MAX),
        "results_link": check_text(p.results_link, "Koppling till elevernas resultat",
                                   max_len=LONG_TEXT_MAX),
    })


def validate_cause(c: Cause) -> list[FieldError]:
    return _errors({"text": check_text(c.text, "Orsak", required=True, max_len=LONG_TEXT_MAX)})


def validate_evidence(e: Evidence) -> list[FieldError]:
    checks = {
        "text": check_text(e.text, "Belägg", max_len=LONG_TEXT_MAX),
        "comment": check_text(e.comment, "Kommentar", max_len=LONG_TEXT_MAX),
        "strength": None if isinstance(e.strength, Strength) else "Okänd styrka.",
    }
    if len(e.references) > 1:
        checks["references"] = "Ett belägg pekar på en sak: en anteckning, ett nyckeltal, " \
                               "ett underlag eller ett beslut."
    elif not e.references and not e.text.strip():
        checks["text"] = "Skriv vad belägget är, eller koppla det till en anteckning, " \
                         "ett nyckeltal, ett underlag eller ett beslut."
    return _errors(checks)


def validate_candidate(c: Candidate) -> list[FieldError]:
    known = {f.value for f in Factor}
    return _errors({
        "title": check_text(c.title, "Insats", required=True),
        "description": check_text(c.description, "Beskrivning", max_len=LONG_TEXT_MAX),
        "factors": None if set(c.factors) <= known else "Okänd framgångsfaktor.",
    })


def validate_participation(p: Participation) -> list[FieldError]:
    return _errors({
        "staff": check_text(p.staff, "Personalens delaktighet", max_len=LONG_TEXT_MAX),
        "students": check_text(p.students, "Elevernas delaktighet", max_len=LONG_TEXT_MAX),
    })


def check_key_figure(k: KeyFigure) -> None:
    raise_if(validate_key_figure(k))


def check_finding(f: InspectionFinding) -> None:
    raise_if(validate_finding(f))


def check_source(s: Source) -> None:
    raise_if(validate_source(s))


def check_problem(p: Problem) -> None:
    raise_if(validate_problem(p))


def check_cause(c: Cause) -> None:
    raise_if(validate_cause(c))


def check_evidence(e: Evidence) -> None:
    raise_if(validate_evidence(e))


def check_candidate(c: Candidate) -> None:
    raise_if(validate_candidate(c))


def check_participation(p: Participation) -> None:
    raise_if(validate_participation(p))
