"""PlanDocuments to export in tests and benchmarks.

`timra_document()` is hand-entered from Timrå kommun's åtgärdsplan (2019): its five
development areas, their texts and the cost table that totals 6 450 tkr.
`hostile_document()` holds everything that could break a layout, `large_document()`
a plan with many interventions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import fields

from dialogteam_app.domain.plan_document import (
    DocArea,
    DocCost,
    DocIntervention,
    DocMilestone,
    DocRisk,
    PlanDocument,
)

SV, HM = "Skolverket", "Huvudmannen"

_FOLLOW_UP_HOW = (
    "Förvaltningsledning samt skolledare möts i professionsmöten där verksamhetsutvecklarnas "
    "arbete följs upp. Uppföljning sker även i dialog mellan skolledare och "
    "förvaltningsledning. Detta arbete dokumenteras i huvudmannens årliga kvalitetsrapport och "
    "vid behov sätts nya åtgärder in för att förbättra resultatet.")
_FOLLOW_UP_WHO = ("Rektor ansvarar för uppföljning på enhet, förvaltningsledningen ansvarar för "
                  "uppföljning på huvudmannanivå.")
_PARTICIPATION_LEADERS = (
    "Skolledare deltar i arbetsledningen av verksamhetsutvecklare och planeringen av deras "
    "arbetsinsats. Förvaltningsledningen följer upp insatserna vid planerade dialogmöten under "
    "vt 2019 och vt 2020 och tar med resultaten i huvudmannens årliga kvalitetsrapport som "
    "samverkas med arbetstagarorganisationerna.")


def with_totals(doc: PlanDocument) -> PlanDocument:
    """Fill in the computed totals, as the program's snapshot does."""
    by_funder: dict[str, int] = defaultdict(int)
    by_year: dict[str, int] = defaultdict(int)
    for area in doc.areas:
        for iv in area.interventions:
            iv.total_kr = sum(c.amount_kr for c in iv.costs)
            for c in iv.costs:
                by_funder[c.funder] += c.amount_kr
                by_year[str(c.year) if c.year else "Utan år"] += c.amount_kr
        area.total_kr = sum(iv.total_kr for iv in area.interventions)
    doc.total_kr = sum(a.total_kr for a in doc.areas)
    doc.total_by_funder = dict(by_funder)
    doc.total_by_year = dict(sorted(by_year.items(), key=lambda kv: (kv[0] == "Utan år", kv[0])))
    return doc


def timra_document() -> PlanDocument:
    return with_totals(PlanDocument(
        organiser_name="Timrå kommun",
        engagement_title="Insatser för en likvärdig skola",
        dnr="2019:830",
        version=2,
        date="2019-03-15",
        recipient="Anna Sundström <anna.sundstrom@timra.se>",
        author="Erik Lindqvist",
        school_units=["Böle skola F-6", "Sörbergeskolan 7-9", "Vivstaskolan 4-6"],
        background=(
            "Vi har utgått ifrån vår genomförda nulägesanalys och beskriver nedan kortfattat "
            "problem och orsaker som lett fram till identifieringen av utvecklingsområdet och hur "
            "delaktigheten varit i processen med nulägesanalysen.\n\n"
            "Vår analys pekar på några områden som vi behöver prioritera under 2019/2020:\n\n"
            "Inom området IT kan vi se att vi på grund av ”dåliga” IT system samt kompetensbrist "
            "har svårigheter att dokumentera, följa upp, analysera och kommunicera vårt arbete på "
            "elev, klass, enhets och huvudmannanivå.\n\n"
            "Vidare visar analysen på behov av att fortsätta utveckla bra strukturer för att "
            "anmäla och motverka kränkande behandling och öka elevernas känsla av trygghet och "
            "studiero.\n\n"
            "Vi behöver även utveckla ledningsprocesser och stödet till skolledare behöver "
            "förstärkas.\n\n"
            "Tillgången till studie- och yrkesvägledning för hela det obligatoriska skolväsendet "
            "är en viktig pusselbit för en likvärdig skolgång."),
        participation=(
            "Huvudmannens systematiska kvalitetsarbete genomförs bland annat genom dialog med "
            "förskole- och skolenheternas rektorer och förskolechefer. Innan barn- och "
            "utbildningsnämnden fattar beslut om kvalitetsrapporten samverkas den med samtliga "
            "förbund som har medlemmar inom området."),
        areas=[_area_it(), _area_student_health_work(), _area_student_health(), _area_leadership(),
               _area_guidance()],
        strengths=(
            "Arbetssättet ligger i linje med tidigare insatser som är samverkade, framgångsrika "
            "och etablerade i organisationen. Innehållet kan bli nytt men arbetssättet är bekant."),
        risks=[
            DocRisk("Vi har många insatser planerade.",
                    "En klok och långsiktig planering."),
            DocRisk("Kompetensförsörjningsproblem", ""),
        ],
        experience_spreading=(
            "Vi dokumenterar processer på ett systematiskt sätt och delar processbeskrivningar "
            "digitalt eller på annat sätt. Skolledare träffas regelbundet i professionsnätverk som "
            "leds av biträdande förvaltningschefer."),
    ))


def _area_it() -> DocArea:
    return DocArea(
        title="IT",
        description=("Enheterna saknar effektiva och likvärdiga systemstöd för kommunikation, "
                     "uppföljning, analys och förbättring."),
        problems=["Svårigheter att dokumentera, följa upp, analysera och kommunicera arbetet på "
                  "elev-, klass-, enhets- och huvudmannanivå."],
        interventions=[DocIntervention(
            title="Verksamhetsutvecklare inom digitalisering och ett gemensamt systemstöd",
            description=(
                "En mer djupgående nulägesanalys har genomförts av extern part. Rapporten visar "
                "att enheterna inte upplever sig ha effektiva och likvärdigt systemstöd för "
                "kommunikation och samverkan, uppföljning, analys och förbättringar.\n\n"
                "Vi behöver anställa verksamhetsutvecklare inom digitalisering som kan arbeta med "
                "både pedagogik och praktiskt arbete i att utveckla undervisningen i klassrummen."),
            participant_groups="Två verksamhetsutvecklare inom digitalisering, skolledare och pedagoger.",
            school_units=["Böle skola F-6", "Sörbergeskolan 7-9"],
            approx_participants=120,
            resources_staff="Två verksamhetsutvecklare inom digitalisering\nVikariekostnader",
            resources_training=("Internutbildning via verksamhetsutvecklare inom digitalisering, "
                                "t.ex. Office 365."),
            resources_other=("Ett systemstöd som underlättar kommunikation och samverkan samt "
                             "uppföljning, analys och förbättring."),
            goals_short=("Funktionella systemstöd på alla nivåer som underlättar lärande, "
                         "kommunikation och samverkan."),
            goals_long=("Information om elevens kunskapsutveckling så att eleven når så långt som "
                        "möjligt utifrån sin potential."),
            expected_effects="Ett förenklat och förbättrat systematiskt kvalitetsarbete.",
            responsible=("Förvaltningsledningen anställer verksamhetsutvecklare inom digitalisering "
                         "som får ett tydligt uppdrag."),
            participation=_PARTICIPATION_LEADERS,
            follow_up_when="Vid professionsmöten varje termin och i den årliga kvalitetsrapporten.",
            follow_up_how=_FOLLOW_UP_HOW,
            follow_up_who=_FOLLOW_UP_WHO,
            start="2019-01-07", end="2021-12-17",
            milestones=[DocMilestone("2019-03-31", "Verksamhetsutvecklare rekryterade"),
                        DocMilestone("2020-06-15", "Gemensam kommunikationskanal införd")],
            costs=[DocCost("Verksamhetsutvecklare", 660_000, SV, 2019),
                   DocCost("Verksamhetsutvecklare", 660_000, SV, 2020),
                   DocCost("Konsultstöd kommunikationssystem", 300_000, HM, 2019)],
            causes=["”Dåliga” IT-system", "Kompetensbrist inom digitalisering"],
            factors=["Kollegialt lärande"],
        )])


def _area_student_health_work() -> DocArea:
    return DocArea(
        title="Elevhälsoarbete",
        problems=["Otrygghet och bristande studiero", "Upprepad eller långvarig frånvaro"],
        interventions=[DocIntervention(
            title="Strukturer för trygghet, studiero, extra anpassningar och särskilt stöd",
            description=(
                "Vi kommer att arbeta med att utveckla bra strukturer för att anmäla och motverka "
                "kränkande behandling, skapa trygghet och studiero, för extra anpassningar och "
                "särskilt stöd och arbetet med att minska upprepad eller långvarig frånvaro."),
            participant_groups="Alla rektorer och all skolpersonal i Timrå kommun.",
            resources_staff="Vikariekostnader samt verksamhetsutvecklare",
            resources_training=("Kompetensutvecklingen kommer att ske internt och via Skolverkets "
                                "utbildningsinsatser."),
            resources_student_health="Ja, elevhälsan deltar i detta arbete.",
            goals_short=("Minimera antalet elever som inte når målen och öka det genomsnittliga "
                         "meritvärdet."),
            goals_long="Öka elevernas upplevelse av trygghet och studiero.",
            expected_effects=(
                "Enheterna arbetar på ett mer tydligt, systematiskt och likvärdigt sätt utifrån "
                "dokumenterade processer."),
            responsible="Rektor",
            participation=_PARTICIPATION_LEADERS,
            follow_up_how=_FOLLOW_UP_HOW,
            follow_up_who=_FOLLOW_UP_WHO,
            start="2018-08-20", end="2019-12-20",
            costs=[DocCost("Vikariekostnader", 600_000, SV, 2019),
                   DocCost("Kompetensutveckling", 200_000, HM, 2019)],
            factors=["Inkludering", "Formativ bedömning"],
        )])


def _area_student_health() -> DocArea:
    return DocArea(
        title="Elevhälsan",
        problems=["Hälsofrämjande och förebyggande insatser dokumenteras och följs inte upp"],
        interventions=[DocIntervention(
            title="Hälsofrämjande och förebyggande elevhälsoarbete",
            description=(
                "En struktur gällande det hälsofrämjande och förebyggande arbetet behöver "
                "utvecklas. Rektorerna behöver stöd i att utarbeta välanpassade "
                "positionsbeskrivningar till medarbetare inom elevhälsan."),
            participant_groups="Förvaltningsledning, skolledare, elevhälsopersonal samt övrig personal.",
            resources_staff="Elevhälsopersonal",
            resources_training=("SPSM:s webbkurs\n"
                                "Fortbildning i hälsofrämjande och förebyggande arbete"),
            resources_student_health=(
                "Insatsen är kopplad till elevhälsans hälsofrämjande och förebyggande arbete."),
            goals_short="Tydlig struktur för elevhälsans hälsofrämjande och förebyggande arbete.",
            goals_long="Alla kompetenser inom elevhälsan används ändamålsenligt.",
            responsible="Rektor",
            participation=("Professionsnätverk av skolledare deltar i planeringen av "
                           "arbetsinsatsen."),
            follow_up_how=_FOLLOW_UP_HOW,
            follow_up_who=_FOLLOW_UP_WHO,
            start="2019-02-01", end="2020-11-30",
            costs=[DocCost("Elevhälsopersonal", 900_000, SV, 2019),
                   DocCost("Elevhälsopersonal", 900_000, SV, 2020)],
        )])


def _area_leadership() -> DocArea:
    return DocArea(
        title="Ledning",
        problems=["Otydliga ledningsprocesser inom skolenheterna"],
        interventions=[DocIntervention(
            title="Stärkta ledningsprocesser och stöd till skolledare",
            description=(
                "Ledningsprocessen inom skolenheterna behöver tydliggöras så att varje skolledare "
                "leder sin enhet så som styrdokumenten och kommunen beskriver arbetet."),
            participant_groups=("Alla skolledare tillsammans med verksamhetsutvecklare och "
                                "förvaltningsledning."),
            resources_staff="Handledning samt ledningsstöd",
            resources_training=(
                "Kompetensutveckling för skolledare i förändrings- och förbättringsarbete."),
            goals_short=("Reellt stöd till skolledarna i deras strävan att bli bra förändrings- "
                         "och förbättringsledare."),
            goals_long=("Ledningen av enheterna stärks i linje med styrdokumenten och "
                        "likvärdigheten mellan enheterna säkras."),
            responsible="Förvaltningsledning",
            participation="Skolledare deltar i professionsnätverk där insatserna planeras.",
            follow_up_how=_FOLLOW_UP_HOW,
            start="2019-01-15", end="2020-10-30",
            costs=[DocCost("Handledningskostnader", 500_000, SV, 2019),
                   DocCost("Ledningsstöd SAM, SKA", 430_000, SV, 2020)],
            factors=["Pedagogiskt ledarskap", "Tillit"],
        )])


def _area_guidance() -> DocArea:
    return DocArea(
        title="SYV och nyanländas lärande",
        problems=["Ojämn tillgång till studie- och yrkesvägledning", "Nyanlända elevers resultat"],
        interventions=[DocIntervention(
            title="Vägledning i vid bemärkelse, PRAO och nyanländas lärande",
            description=(
                "Inom området studie- och yrkesvägledning fortsätter vi det framgångsrika arbetet "
                "med vägledning i vid bemärkelse. Vi bygger upp en väl fungerande PRAO-verksamhet "
                "enligt den nya lagstiftningen."),
            participant_groups="Skolledare samt studie- och yrkesvägledare\nSkolledare samt samordnare",
            resources_staff=("Studie- och yrkesvägledare\nModersmålslärare\n"
                             "Samordnare för nyanländas lärande"),
            resources_training="Kompetensutveckling för samordnare sker till viss del via MIUN.",
            goals_short="Struktur gällande vägledning i vid bemärkelse och PRAO.",
            goals_long="Förbättrade resultat för våra nyanlända elever.",
            responsible="Rektor",
            participation="Skolledare deltar i professionsnätverk där insatserna planeras.",
            follow_up_how=_FOLLOW_UP_HOW,
            start="2018-08-20", end="2020-06-12",
            milestones=[DocMilestone("2019-01-07", "Samordnarrollen placeras på Böle skola")],
            costs=[DocCost("SYV", 600_000, HM, 2019),
                   DocCost("Nyanländas lärande, lärare, samordnare", 700_000, HM, 2020)],
        )])


# What could break a layout: markup, entities, quotes, huge texts and words, empty fields.
MARKUP = ['<b>fet</b>', '</para>', '&amp;', '<font name="x">', 'elever < 50 %', '5 > 3 & 2',
          '<br/>', '<img src="x.png"/>', '&nbsp;', '<a href="javascript:x">länk</a>']


def hostile_document() -> PlanDocument:
    huge_word = "Självständighetsförklaring" * 200  # 5 200 characters, no spaces
    long_text = " ".join(f"Mening {i} om ”elevhälsa” – med å ä ö é • och <taggar> & mer."
                         for i in range(520))  # about 30 000 characters
    url = "https://example.se/" + "a/b?c=d&e=" * 40
    busy = DocIntervention(
        title='Insats <b>med</b> "citat" & </para> – ”lång”',
        description=long_text,
        participant_groups=" | ".join(MARKUP),
        resources_staff=huge_word,
        resources_other=url,
        goals_short="elever < 50 % ska nå målen\n• punkt ett\n• punkt två",
        responsible='<font name="x">Rektor</font>',
        start="2027-01-10", end="2027-12-20",
        milestones=[DocMilestone("2027-06-01", "<b>Delmål</b> & nästa steg")],
        costs=[DocCost("Kostnad <i>kursiv</i> & annat", 12_500, "Skolverket <SV>", 2027),
               DocCost(huge_word[:280], 1_000, SV, None)],
        causes=["Orsak <u>understruken</u>", "&lt; redan kodad &gt;"],
        factors=["<b>Tillit</b>", "Kollegialt lärande & formativ bedömning"],
    )
    empty = DocIntervention(title="Tom insats")
    only_start = DocIntervention(title="Bara start", start="2027-03-01")
    return with_totals(PlanDocument(
        organiser_name='Kommun <b>"X"</b> & Co',
        engagement_title="Samverkan </para> för <i>bästa</i> skola",
        dnr="<dnr>&1",
        version=3,
        date="2027-02-01",
        recipient="Rektor <rektor@example.se>",
        author="Åsa Öberg & <script>",
        school_units=["<Skola> F-6", "Ängsskolan 7-9"],
        background="\n\n".join(MARKUP),
        participation="",
        areas=[DocArea(title="Område <i>ett</i> & två", description=url,
                       problems=["Problem <b>ett</b>"], interventions=[busy, empty, only_start]),
               DocArea(title="Tomt område")],
        strengths="",
        risks=[DocRisk("Risk <b>stor</b>", "Förebygg & följ upp </para>"), DocRisk("Risk utan åtgärd")],
        experience_spreading=huge_word,
    ))


def large_document(n: int = 60) -> PlanDocument:
    """n interventions over five areas and three years, every field filled in."""
    areas = [DocArea(title=f"Utvecklingsområde {a + 1}", description="Beskrivning av området.",
                     problems=[f"Problem {a + 1}"]) for a in range(5)]
    for i in range(n):
        year = 2027 + i % 3
        month = 1 + (i * 5) % 12
        areas[i % 5].interventions.append(DocIntervention(
            title=f"Insats {i + 1}: kollegialt lärande i matematik och svenska",
            description=f"Insats {i + 1} svarar mot orsakerna i analysen. " * 6,
            participant_groups="Lärare i åk 4–9", school_units=["Norrskolan 4-6", "Söderskolan 7-9"],
            approx_participants=40 + i, resources_staff="Förstelärare, 20 %",
            resources_training="Matematiklyftet", resources_student_health="Specialpedagog",
            resources_other="Lokaler", goals_short="Fler elever når godtagbara kunskaper.",
            goals_long="Meritvärdet ökar över riksgenomsnittet.",
            expected_effects="Likvärdig undervisning.", responsible="Rektor",
            participation="Elevråd och arbetslag", follow_up_when="Varje termin",
            follow_up_how="Resultatdialog", follow_up_who="Huvudmannen",
            start=f"{year}-{month:02d}-01", end=f"{year + 1}-{month:02d}-15",
            milestones=[DocMilestone(f"{year}-{month:02d}-20", "Start av arbetslag")],
            costs=[DocCost("Handledning", 50_000 + 1_000 * i, SV, year),
                   DocCost("Vikarier", 25_000, HM, year + 1)],
            causes=["Låg andel behöriga lärare"], factors=["Kollegialt lärande"]))
    return with_totals(PlanDocument(
        organiser_name="Norrviks kommun", engagement_title="Samverkan för bästa skola",
        dnr="2027:101", version=1, date="2027-01-15", author="Processtödjare",
        background="Bakgrund.", participation="Delaktighet.", areas=areas,
        strengths="Styrkor.", risks=[DocRisk("Risk", "Förebyggs.")],
        experience_spreading="Spridning."))


def all_texts(doc: PlanDocument) -> list[str]:
    """Every text the document holds (the PDF must show each one)."""
    texts: list[str] = []

    def collect(obj):
        for f in fields(obj):
            value = getattr(obj, f.name)
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, str):
                        texts.append(item)
                    else:
                        collect(item)
    collect(doc)
    return [t for t in texts if t.strip()]
