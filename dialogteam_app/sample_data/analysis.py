"""The sample engagement's nulägesanalys: key figures for two skolenheter,
Skolinspektionen's findings, sources, three problems in priority order with
causes and evidence built from the meeting notes, three candidate
interventions and the delaktighet.

Two gaps are left on purpose, as a real draft would have them: one cause has no
evidence yet, and no intervention addresses another.
"""

from __future__ import annotations

from ..domain.analysis import (
    DecisionType,
    Evidence,
    Factor,
    InspectionFinding,
    KeyFigure,
    Measure,
    Participation,
    Problem,
    ProblemLevel,
    Source,
    SourceKind,
    Strength,
)
from ..domain.engagement import Engagement
from ..domain.notes import Note
from ..domain.promotion import candidate_from_note, cause_from_note, evidence_from_note
from ..store.store import Store
from .ids import sample_id

M = Measure
# (unit, measure, year, value, riket, subject)
KEY_FIGURES = [
    ("unit-bjorkdal", M.MERIT_9, "2023", 211.2, 227.9, ""),
    ("unit-bjorkdal", M.MERIT_9, "2024", 204.6, 228.5, ""),
    ("unit-bjorkdal", M.MERIT_9, "2025", 197.3, 229.1, ""),
    ("unit-bjorkdal", M.ELIGIBLE_VOCATIONAL, "2023", 78.0, 84.6, ""),
    ("unit-bjorkdal", M.ELIGIBLE_VOCATIONAL, "2025", 69.2, 84.1, ""),
    ("unit-bjorkdal", M.ALL_SUBJECTS_9, "2025", 58.4, 73.6, ""),
    ("unit-bjorkdal", M.NATIONAL_TEST_9, "2025", 71.0, 86.0, "matematik"),
    ("unit-bjorkdal", M.NATIONAL_TEST_9, "2025", 83.0, 90.0, "svenska"),
    ("unit-bjorkdal", M.PARENTS_HIGHER_EDUCATION, "2025", 41.0, 60.0, ""),
    ("unit-bjorkdal", M.FOREIGN_BACKGROUND, "2025", 38.0, 27.0, ""),
    ("unit-bjorkdal", M.NEWLY_ARRIVED, "2025", 6.0, 3.0, ""),
    ("unit-alviken", M.GRADE_POINTS_6, "2025", 12.1, 14.0, "svenska"),
    ("unit-alviken", M.GRADE_POINTS_6, "2025", 12.6, 13.6, "matematik"),
    ("unit-alviken", M.NATIONAL_TEST_3, "2025", 61.0, 70.0, "svenska"),
    ("unit-alviken", M.NATIONAL_TEST_3, "2025", 72.0, 74.0, "matematik"),
    ("unit-alviken", M.PARENTS_HIGHER_EDUCATION, "2025", 38.0, 60.0, ""),
    ("unit-alviken", M.FOREIGN_BACKGROUND, "2025", 44.0, 27.0, ""),
    ("unit-alviken", M.NEWLY_ARRIVED, "2025", 19.0, 4.0, ""),
]

FINDINGS = [
    ("finding-bjorkdal", "unit-bjorkdal", "2025-04-02", DecisionType.INJUNCTION_FINE,
     "Extra anpassningar och särskilt stöd; studiero och trygghet; rektors systematiska "
     "kvalitetsarbete",
     "Skolan ser inte till att elever som riskerar att inte nå kunskapskraven får extra "
     "anpassningar skyndsamt. Vite 400 000 kr om bristerna inte är åtgärdade 2025-12-31."),
    ("finding-alviken", "unit-alviken", "2025-05-20", DecisionType.INJUNCTION,
     "Särskilt stöd; studiehandledning på modersmål",
     "Skolan säkerställer inte att elever i behov av stöd får det skyndsamt, och "
     "studiehandledningen är inte anpassad efter elevernas behov."),
]

SOURCES = [
    ("source-survey", SourceKind.SURVEY, "Elevenkät ht 2025", "2025-11-28",
     "Kommunens elevenkät i åk 5 och 8, svarsfrekvens 84 %. Frågor om trygghet, studiero "
     "och återkoppling."),
    ("source-interviews", SourceKind.INTERVIEW, "Intervjuer med lärare och elevhälsa",
     "2026-09-29", "Dialogteamets samtal med arbetslag 8–9 och elevhälsoteamet på "
                   "Björkdalsskolan."),
    ("source-quality-report", SourceKind.DOCUMENT, "Kvalitetsrapport 2025", "2025-12-15",
     "Huvudmannens årliga kvalitetsrapport till barn- och utbildningsnämnden."),
]

# key, level, title, results link, note it was promoted from
PROBLEMS = [
    ("problem-results", ProblemLevel.RESULTS,
     "Låga och sjunkande kunskapsresultat i åk 7–9 på Björkdalsskolan, särskilt i matematik",
     "Meritvärdet var 197 mot rikets 229 år 2025 och har sjunkit tre år i rad; 69 % var "
     "behöriga till yrkesprogram mot 84 % i riket. I matematik nådde 71 % lägst E på "
     "de nationella proven (riket 86 %).", "note-m1-2"),
    ("problem-organisation", ProblemLevel.ORGANISATION,
     "Huvudmannen följer inte upp skolornas resultat under läsåret och stödjer inte "
     "rektorernas analys",
     "Nedgången i meritvärde och behörighet syntes först i junistatistiken; inga åtgärder "
     "sattes in under läsåren 2023–2025.", None),
    ("problem-teaching", ProblemLevel.TEACHING,
     "Undervisningen på Alvikens skola ger inte nyanlända och flerspråkiga elever "
     "tillräckligt stöd i läsförståelse",
     "61 % klarade alla delprov i svenska i åk 3 (riket 70 %); betygspoängen i svenska i "
     "åk 6 är 12,1 mot rikets 14,0.", "note-m3-2"),
]

# key, problem, note it was promoted from, text (None: the note's own)
CAUSES = [
    ("cause-planning", "problem-results", "note-m2-3",
     "Lärarna planerar och följer upp undervisningen var för sig; arbetslagets tid går till "
     "elevärenden och praktiska frågor."),
    ("cause-late-support", "problem-results", "note-m2-5", None),
    ("cause-assessment", "problem-results", "note-m2-10", None),
    ("cause-no-follow-up", "problem-organisation", "note-m1-4", None),
    ("cause-no-analysis", "problem-organisation", "note-m4-3", None),
    ("cause-mother-tongue", "problem-teaching", "note-m3-3", None),
]

# cause, what it points at (kind, key), strength, comment
# cause, (kind, target), strength, comment; a key figure's target is
# (unit, measure, subject, year), every other target one string
EVIDENCE: list[tuple[str, tuple[str, str | tuple[str, Measure, str, str]], Strength, str]] = [
    ("cause-planning", ("note", "note-m2-4"), Strength.STRONG,
     "Arbetslagets egna anteckningar."),
    ("cause-planning", ("source", "source-interviews"), Strength.MODERATE,
     "Samstämmigt i samtalen med lärarna."),
    ("cause-late-support", ("note", "note-m2-6"), Strength.STRONG,
     "30 av 42 anmälningar kom efter vecka 45."),
    ("cause-late-support", ("finding", "finding-bjorkdal"), Strength.STRONG, ""),
    ("cause-assessment", ("note", "note-m2-9"), Strength.STRONG, ""),
    ("cause-assessment", ("note", "note-m2-8"), Strength.MODERATE, "Elevrådets bild."),
    ("cause-assessment", ("source", "source-survey"), Strength.STRONG, ""),
    ("cause-no-follow-up", ("note", "note-m1-5"), Strength.MODERATE, ""),
    ("cause-no-follow-up", ("source", "source-quality-report"), Strength.STRONG,
     "Rapporten beskriver resultaten men analyserar inte orsakerna."),
    ("cause-mother-tongue", ("key_figure", ("unit-alviken", M.NEWLY_ARRIVED, "", "2025")),
     Strength.MODERATE,
     "Var femte elev är nyanländ, långt över riket."),
    ("cause-mother-tongue", ("finding", "finding-alviken"), Strength.STRONG, ""),
    ("cause-mother-tongue", ("text", "Skolverket (2016): Studiehandledning på modersmålet – "
                                     "att stödja kunskapsutvecklingen hos flerspråkiga elever."),
     Strength.MODERATE, "Forskningsstöd för samordnad studiehandledning."),
]

# key, note, title, causes, factors
CANDIDATES = [
    ("candidate-math", "note-m2-11", "Kollegialt lärande i matematik med Matematiklyftet",
     ["cause-planning", "cause-assessment"],
     [Factor.COLLEGIAL_LEARNING, Factor.FORMATIVE_ASSESSMENT]),
    ("candidate-reading", "note-m3-5", "Språkutvecklande arbetssätt i alla ämnen genom Läslyftet",
     ["cause-mother-tongue"], [Factor.COLLEGIAL_LEARNING, Factor.INCLUSION]),
    ("candidate-dialogues", "note-m4-4",
     "Resultatdialoger skola – förvaltning – nämnd tre gånger per läsår",
     ["cause-no-follow-up", "cause-no-analysis"],
     [Factor.PEDAGOGICAL_LEADERSHIP, Factor.TRUST]),
]

PARTICIPATION_STAFF = (
    "Utkastet till nulägesanalys togs fram av förvaltningsledningen och rektorerna tillsammans "
    "med dialogteamet. Arbetslagen på båda skolorna diskuterade problem och orsaker på APT i "
    "oktober 2026 och lämnade skriftliga synpunkter; elevhälsoteamen deltog i analysen av "
    "stödet till elever.")
PARTICIPATION_STUDENTS = (
    "Elevråden på Björkdalsskolan och Alvikens skola intervjuades vid skolbesöken. Elevenkäten "
    "ht 2025 (åk 5 och 8) användes som underlag, och eleverna fick återkoppling om analysen på "
    "klassråd i november 2026.")


def key_figure_id(unit: str, measure: Measure, subject: str, year: str) -> str:
    return sample_id(f"key-figure-{unit}-{measure.value}-{subject}-{year}")


def _note(store: Store, key: str) -> Note:
    """A sample note, loaded before the analysis that refers to it."""
    note = store.notes.get(sample_id(key))
    assert note is not None
    return note


def load_analysis(store: Store, engagement: Engagement) -> None:
    state, analysis = store.current_state, store.analysis
    for unit, measure, year, value, national, subject in KEY_FIGURES:
        state.save_key_figure(KeyFigure(
            id=key_figure_id(unit, measure, subject, year),
            engagement_id=engagement.id, school_unit_id=sample_id(unit), measure=measure,
            year=year, value=value, national_value=national, subject=subject, source="SIRIS"))
    for key, unit, day, decision, areas, summary in FINDINGS:
        state.save_finding(InspectionFinding(
            id=sample_id(key), engagement_id=engagement.id, school_unit_id=sample_id(unit),
            date=day, decision_type=decision, areas=areas, summary=summary))
    for key, kind, title, day, description in SOURCES:
        state.save_source(Source(id=sample_id(key), engagement_id=engagement.id, kind=kind,
                                 title=title, date=day, description=description))

    for priority, (key, level, title, link, note) in enumerate(PROBLEMS):
        analysis.save_problem(Problem(
            id=sample_id(key), engagement_id=engagement.id, level=level, title=title,
            results_link=link, priority=priority, note_id=sample_id(note) if note else None))
    for position, (key, problem, note_key, text) in enumerate(CAUSES):
        cause = cause_from_note(_note(store, note_key), sample_id(problem), position)
        cause.id = sample_id(key)
        cause.text = text or cause.text
        analysis.save_cause(cause)
    for position, (cause_key, (target_kind, target), strength, comment) in enumerate(EVIDENCE):
        if isinstance(target, tuple):  # target_kind "key_figure"
            e = Evidence(cause_id=sample_id(cause_key), strength=strength, position=position,
                         **{f"{target_kind}_id": key_figure_id(*target)})
        elif target_kind == "note":
            e = evidence_from_note(_note(store, target), sample_id(cause_key),
                                   strength, position)
        elif target_kind == "text":
            e = Evidence(cause_id=sample_id(cause_key), text=target, strength=strength,
                         position=position)
        else:
            e = Evidence(cause_id=sample_id(cause_key), strength=strength, position=position,
                         **{f"{target_kind}_id": sample_id(target)})
        e.id = sample_id(f"evidence-{position}")
        e.comment = comment
        analysis.save_evidence(e)
    for position, (key, note_key, title, causes, factors) in enumerate(CANDIDATES):
        c = candidate_from_note(_note(store, note_key), title, position)
        c.id = sample_id(key)
        c.cause_ids = [sample_id(k) for k in causes]
        c.factors = [f.value for f in factors]
        store.candidates.save(c)
    analysis.save_participation(Participation(
        id=sample_id("participation"), engagement_id=engagement.id,
        staff=PARTICIPATION_STAFF, students=PARTICIPATION_STUDENTS))
