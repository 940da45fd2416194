"""The sample engagement's draft åtgärdsplan, written from its analysis.

The plan is in progress, as it would be in the dialogue phase: complete for the
mathematics area, with two realistic gaps left for the röd tråd check to show
(the reading intervention has no cost yet and does not say who follows it up).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..domain.engagement import Engagement
from ..domain.plan import (
    ActionPlan,
    CostLine,
    DevelopmentArea,
    Funder,
    Milestone,
    Risk,
    intervention_from_candidate,
)
from ..domain.plan_background import background_text, participation_text
from ..store.store import Store
from .ids import sample_id

FOLLOW_UP_HOW = ("Resultat på nationella prov och betyg jämförs med utgångsläget i "
                 "nulägesanalysen; lektionsbesök och elevenkät varje termin.")

AREAS = [
    ("area-math", "Kunskapsresultat i matematik i åk 7–9",
     "Björkdalsskolans resultat i matematik ska höjas genom att lärarna planerar, genomför och "
     "följer upp undervisningen tillsammans och att elever som riskerar att inte nå målen får "
     "stöd tidigt.", ["problem-results"]),
    ("area-governance", "Uppföljning och analys i styrkedjan",
     "Huvudmannen ska följa upp skolornas resultat under läsåret och stödja rektorernas analys, "
     "så att åtgärder sätts in i tid.", ["problem-organisation"]),
    ("area-reading", "Språkutveckling och läsförståelse",
     "Alvikens skola ska stärka läsförståelsen hos alla elever, särskilt nyanlända och "
     "flerspråkiga, genom språkutvecklande undervisning i alla ämnen.", ["problem-teaching"]),
]

# area, candidate, fields, milestones, costs (text, kr, funder, year)
# area, candidate, intervention fields, milestones (date, text),
# costs (description, kr, funder, year)
INTERVENTIONS: list[tuple[str, str, dict[str, Any], list[tuple[str, str]],
                         list[tuple[str, int, Funder, int | None]]]] = [
    ("area-math", "candidate-math", dict(
        description="Matematiklärarna i åk 7–9 arbetar i ett kollegialt lärande med "
                    "Matematiklyftets moduler om bedömning för lärande och undervisning i "
                    "problemlösning. Varje modul prövas i undervisningen och följs upp "
                    "tillsammans. Insatsen svarar mot analysens orsaker: lärarna planerar var "
                    "för sig och har ingen gemensam bild av bedömning för lärande.",
        participant_groups="Alla matematiklärare i åk 7–9, förstelärare i matematik som "
                           "handledare, rektor",
        school_unit_ids=["unit-bjorkdal"], approx_participants=9,
        resources_staff="Handledare (förstelärare, 20 %); vikarier för gemensam tid",
        resources_training="Matematiklyftet, två moduler per läsår; handledarutbildning hos "
                           "lärosäte",
        resources_student_health="Specialläraren deltar i modulen om extra anpassningar.",
        goals_short="Senast juni 2027 planerar och följer lärarna upp minst en lektionsserie "
                    "per modul tillsammans; andelen elever som får veta hur de ligger till "
                    "ökar från 41 % till minst 60 % (elevenkäten).",
        goals_long="Andelen elever i åk 9 som når lägst E på de nationella proven i matematik "
                   "ökar från 71 % till minst 82 % 2029.",
        expected_effects="En gemensam undervisningskultur i matematik och tidigare upptäckt "
                         "av elever som behöver stöd.",
        responsible="Rektor på Björkdalsskolan; förvaltningschefen för uppföljningen mot "
                    "nämnden",
        participation="Lärarna väljer moduler tillsammans; elevrådet tillfrågas om "
                      "undervisningen varje termin.",
        follow_up_when="Efter varje modul och vid resultatdialogerna i november och mars",
        follow_up_how=FOLLOW_UP_HOW, follow_up_who="Rektor med förstelärarna; "
                                                   "kvalitetsutvecklaren sammanställer",
        start="2027-01-10", end="2029-06-15"),
     [("2027-06-15", "Modul 1 genomförd och utvärderad"),
      ("2028-06-15", "Två moduler till genomförda; uppföljning av NP åk 9")],
     [("Handledare, förstelärare 20 %", 180_000, Funder.SKOLVERKET, 2027),
      ("Handledare, förstelärare 20 %", 180_000, Funder.SKOLVERKET, 2028),
      ("Vikarier för gemensam tid", 120_000, Funder.HUVUDMAN, 2027),
      ("Vikarier för gemensam tid", 120_000, Funder.HUVUDMAN, 2028)]),
    ("area-governance", "candidate-dialogues", dict(
        description="Resultatdialoger mellan varje rektor och förvaltningsledningen i "
                    "november, mars och juni, med en gemensam analysmall. Nämnden får en "
                    "samlad bild efter varje omgång. Svarar mot orsakerna att resultaten bara "
                    "följs upp i juni och att rektorerna saknar stöd i analysen.",
        participant_groups="Förvaltningsledningen, alla rektorer, kvalitetsutvecklaren, "
                           "barn- och utbildningsnämnden",
        school_unit_ids=["unit-bjorkdal", "unit-alviken"], approx_participants=14,
        resources_staff="Kvalitetsutvecklare 20 % för analysstöd",
        resources_training="Utbildning i resultatanalys för rektorer och förvaltning "
                           "(Skolverkets stödmaterial)",
        goals_short="Tre resultatdialoger per läsår genomförda med analys av orsaker, från "
                    "läsåret 2026/27.",
        goals_long="Åtgärder sätts in under läsåret när resultaten sjunker; nämnden fattar "
                   "beslut utifrån skolornas analyser.",
        expected_effects="En styrkedja där huvudman, rektor och lärare delar bilden av "
                         "resultaten och orsakerna.",
        responsible="Förvaltningschefen", participation="Rektorerna tar fram underlaget "
                                                        "med sina arbetslag.",
        follow_up_when="I juni varje år, i kvalitetsrapporten",
        follow_up_how="Nämnden bedömer om dialogerna har lett till åtgärder i tid.",
        follow_up_who="Förvaltningschefen och nämndens presidium",
        start="2026-11-01", end="2029-06-30"),
     [("2026-11-30", "Första resultatdialogen med analysmallen")],
     [("Kvalitetsutvecklare 20 %", 160_000, Funder.HUVUDMAN, 2027),
      ("Kvalitetsutvecklare 20 %", 160_000, Funder.HUVUDMAN, 2028),
      ("Utbildning i resultatanalys", 90_000, Funder.SKOLVERKET, 2027)]),
    ("area-reading", "candidate-reading", dict(
        description="Alla lärare på Alvikens skola deltar i Läslyftet med moduler om "
                    "språkutvecklande undervisning. Studiehandledningen samordnas med "
                    "lärarnas planering.",
        participant_groups="Alla lärare i F–6, studiehandledare, rektor",
        school_unit_ids=["unit-alviken"], approx_participants=22,
        resources_training="Läslyftet med handledare",
        goals_short="Alla lärare har genomfört en modul senast juni 2027.",
        goals_long="Andelen elever som klarar alla delprov i svenska i åk 3 ökar från 61 % "
                   "till minst 70 % 2029.",
        responsible="Rektor på Alvikens skola",
        follow_up_when="Varje termin", follow_up_how="Lärarnas loggböcker och resultat på "
                                                     "lässcreening.",
        start="2027-01-10", end="2028-12-20"),
     [], []),
]


def load_plan(store: Store, engagement: Engagement) -> None:
    plans = store.plans
    analysis = store.plan_analysis
    staff, students = analysis.participation(engagement.id)
    plans.save_texts(ActionPlan(
        id=engagement.id, engagement_id=engagement.id,
        background=background_text(analysis.background_problems(engagement.id)),
        participation=participation_text(staff, students),
        strengths="Skolorna har erfarenhet av kollegialt lärande från Läslyftet 2019, och "
                  "nämnden har redan beslutat om resultatdialoger. Förstelärarna i matematik "
                  "är behöriga och stannar kvar.",
        experience_spreading="Förstelärarna redovisar erfarenheterna i kommunens nätverk för "
                             "matematiklärare; resultatdialogernas analysmall delas med alla "
                             "skolor i kommunen från läsåret 2027/28."))
    candidates = {c.id: c for c in analysis.candidates(engagement.id)}
    for position, (key, title, description, problems) in enumerate(AREAS):
        plans.save_area(DevelopmentArea(
            id=sample_id(key), engagement_id=engagement.id, title=title,
            description=description, position=position,
            problem_ids=[sample_id(p) for p in problems]))
    for position, (area, candidate, fields, milestones, costs) in enumerate(INTERVENTIONS):
        i = intervention_from_candidate(candidates[sample_id(candidate)], sample_id(area), position)
        i = replace(i, id=sample_id(f"intervention-{candidate}"), **{
            **fields, "school_unit_ids": [sample_id(u) for u in fields["school_unit_ids"]]})
        # Ids from names, like every sample record: two laptops that open the sample
        # and then exchange have the same cost lines, not twice as many.
        i.milestones = [Milestone(id=sample_id(f"milestone-{candidate}-{n}"),
                                  intervention_id=i.id, date=d, text=t, position=n)
                        for n, (d, t) in enumerate(milestones)]
        i.costs = [CostLine(id=sample_id(f"cost-{candidate}-{n}"), intervention_id=i.id,
                            description=t, amount_kr=kr, funder=f, year=y, position=n)
                   for n, (t, kr, f, y) in enumerate(costs)]
        plans.restore_intervention(i)
    for position, (risk, prevention) in enumerate([
            ("Lärare i matematik slutar under insatsen.",
             "Två handledare utbildas; modulerna dokumenteras så att nya lärare kan ansluta."),
            ("Resultatdialogerna blir en rapportering utan analys.",
             "En gemensam analysmall och stöd från kvalitetsutvecklaren inför varje dialog.")]):
        plans.save_risk(Risk(id=sample_id(f"risk-{position}"), engagement_id=engagement.id,
                             risk=risk, prevention=prevention, position=position))


