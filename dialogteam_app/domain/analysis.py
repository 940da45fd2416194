"""The nulägesanalys: current state (key figures, Skolinspektionen's findings,
other sources), problems on three levels with causes and evidence, and
candidate interventions tied to causes and research-based factors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rules
from .coded import UNKNOWN_VALUE, Coded, known_values
from .errors import FieldError, raise_if
from .fields import LONG_TEXT_MAX
from .ids import new_id


class Measure(Coded):
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
        return _MEASURES.get(self, (UNKNOWN_VALUE, ""))[0]

    @property
    def unit(self) -> str:
        return _MEASURES.get(self, (UNKNOWN_VALUE, ""))[1]

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


class DecisionType(Coded):
    """Skolinspektionen's decision after supervision."""

    INJUNCTION = "forelaggande"
    INJUNCTION_FINE = "forelaggande_vite"
    REMARK = "anmarkning"
    OTHER = "annat"

    @property
    def label(self) -> str:
        return {"forelaggande": "Föreläggande", "forelaggande_vite": "Föreläggande med vite",
                "anmarkning": "Anmärkning", "annat": "Annat beslut"}.get(self.value, UNKNOWN_VALUE)


class SourceKind(Coded):
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
                "annat": "Annat underlag"}.get(self.value, UNKNOWN_VALUE)


class ProblemLevel(Coded):
    """The three levels a problem is formulated on (Skolverket's support material)."""

    RESULTS = "resultat"
    TEACHING = "undervisning"
    ORGANISATION = "organisation"

    @property
    def label(self) -> str:
        return {"resultat": "Elevernas resultat och måluppfyllelse",
                "undervisning": "Undervisning och andra processer",
                "organisation": "Organisation och ledning"}.get(self.value, UNKNOWN_VALUE)


class Strength(Coded):
    WEAK = "svag"
    MODERATE = "mattlig"
    STRONG = "stark"

    @property
    def label(self) -> str:
        return {"svag": "Svagt", "mattlig": "Måttligt", "stark": "Starkt"}.get(self.value, UNKNOWN_VALUE)


class Factor(Coded):
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
                "metakognitiva_fardigheter": "Metakognitiva färdigheter"}.get(self.value, UNKNOWN_VALUE)


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


def _required_number(label: str) -> rules.Rule:
    return rules.Rule(label, "number", lambda v: (f"{label} måste anges." if v is None
                                                   else _check_number(v, label)))


KEY_FIGURE_RULES = rules.record(
    "key_figures",
    engagement_id=rules.ref("Samverkan"),
    school_unit_id=rules.ref("Skolenhet", optional=True),
    measure=rules.choice("Nyckeltal", Measure),
    year=rules.custom("År", "text", check_year),
    value=_required_number("Värdet"),
    national_value=rules.Rule("Riksgenomsnittet", "number",
                              lambda v: _check_number(v, "Riksgenomsnittet")),
    subject=rules.text("Ämne"),
    source=rules.text("Källa"),
    note=rules.text("Kommentar", max_len=2000))

FINDING_RULES = rules.record(
    "inspection_findings",
    engagement_id=rules.ref("Samverkan"),
    school_unit_id=rules.ref("Skolenhet", optional=True),
    date=rules.date("Beslutsdatum", required=True),
    decision_type=rules.choice("Beslutstyp", DecisionType),
    areas=rules.text("Områden", max_len=LONG_TEXT_MAX),
    summary=rules.text("Sammanfattning", max_len=LONG_TEXT_MAX))

SOURCE_RULES = rules.record(
    "sources",
    engagement_id=rules.ref("Samverkan"),
    kind=rules.choice("Typ av underlag", SourceKind),
    title=rules.text("Benämning", required=True),
    date=rules.date("Datum"),
    description=rules.text("Beskrivning", max_len=LONG_TEXT_MAX))

PROBLEM_RULES = rules.record(
    "problems",
    engagement_id=rules.ref("Samverkan"),
    level=rules.choice("Nivå", ProblemLevel),
    title=rules.text("Problemformulering", required=True, max_len=1000),
    description=rules.text("Beskrivning", max_len=LONG_TEXT_MAX),
    results_link=rules.text("Koppling till elevernas resultat", max_len=LONG_TEXT_MAX),
    priority=rules.whole("Prioritet", maximum=100_000),
    note_id=rules.ref("Anteckning", optional=True))

CAUSE_RULES = rules.record(
    "causes",
    problem_id=rules.ref("Problem"),
    text=rules.text("Orsak", required=True, max_len=LONG_TEXT_MAX),
    note_id=rules.ref("Anteckning", optional=True),
    position=rules.whole("Ordning"))

EVIDENCE_RULES = rules.record(
    "evidence",
    cause_id=rules.ref("Orsak"),
    text=rules.text("Belägg", max_len=LONG_TEXT_MAX),
    note_id=rules.ref("Anteckning", optional=True),
    key_figure_id=rules.ref("Nyckeltal", optional=True),
    source_id=rules.ref("Underlag", optional=True),
    finding_id=rules.ref("Beslut", optional=True),
    strength=rules.choice("Styrka", Strength),
    comment=rules.text("Kommentar", max_len=LONG_TEXT_MAX),
    position=rules.whole("Ordning"))

CANDIDATE_RULES = rules.record(
    "candidates",
    engagement_id=rules.ref("Samverkan"),
    title=rules.text("Insats", required=True),
    description=rules.text("Beskrivning", max_len=LONG_TEXT_MAX),
    factors=rules.choice_list("Framgångsfaktorer", Factor),
    note_id=rules.ref("Anteckning", optional=True),
    position=rules.whole("Ordning"))

CANDIDATE_CAUSE_RULES = rules.link(
    "candidate_causes", candidate_id=rules.ref("Insats"), cause_id=rules.ref("Orsak"))

PARTICIPATION_RULES = rules.record(
    "participation",
    engagement_id=rules.ref("Samverkan"),
    staff=rules.text("Personalens delaktighet", max_len=LONG_TEXT_MAX),
    students=rules.text("Elevernas delaktighet", max_len=LONG_TEXT_MAX))


def validate_key_figure(k: KeyFigure) -> list[FieldError]:
    errors = KEY_FIGURE_RULES.errors({
        "measure": k.measure, "year": k.year, "value": k.value,
        "national_value": k.national_value, "subject": k.subject, "source": k.source,
        "note": k.note})
    wrong = {e.field for e in errors}
    if "measure" not in wrong and k.measure.unit == "%":
        for name, value in (("value", k.value), ("national_value", k.national_value)):
            if name not in wrong and value is not None and not 0 <= value <= 100:
                errors.append(FieldError(name, "En andel ska ligga mellan 0 och 100 %."))
    return errors


def validate_finding(f: InspectionFinding) -> list[FieldError]:
    return FINDING_RULES.errors({"date": f.date, "decision_type": f.decision_type,
                                 "areas": f.areas, "summary": f.summary})


def validate_source(s: Source) -> list[FieldError]:
    return SOURCE_RULES.errors({"kind": s.kind, "title": s.title, "date": s.date,
                                "description": s.description})


def validate_problem(p: Problem) -> list[FieldError]:
    return PROBLEM_RULES.errors({"level": p.level, "title": p.title,
                                 "description": p.description, "results_link": p.results_link})


def validate_cause(c: Cause) -> list[FieldError]:
    return CAUSE_RULES.errors({"text": c.text})


def validate_evidence(e: Evidence) -> list[FieldError]:
    errors = EVIDENCE_RULES.errors({"text": e.text, "comment": e.comment,
                                    "strength": e.strength})
    if len(e.references) > 1:
        errors.append(FieldError("references", "Ett belägg pekar på en sak: en anteckning, "
                                               "ett nyckeltal, ett underlag eller ett beslut."))
    elif not e.references and not e.text.strip():
        errors.append(FieldError("text", "Skriv vad belägget är, eller koppla det till en "
                                         "anteckning, ett nyckeltal, ett underlag eller ett "
                                         "beslut."))
    return errors


def validate_candidate(c: Candidate) -> list[FieldError]:
    errors = CANDIDATE_RULES.errors({"title": c.title, "description": c.description})
    if not set(c.factors) <= known_values(Factor):
        errors.append(FieldError("factors", "Okänd framgångsfaktor."))
    return errors


def validate_participation(p: Participation) -> list[FieldError]:
    return PARTICIPATION_RULES.errors({"staff": p.staff, "students": p.students})


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
