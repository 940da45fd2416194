"""Timrå kommun's åtgärdsplan 2019 (seed atgardsplan_timra_2019.txt), entered
through the program's own repositories, as a user's data would be.

The seed has one cost table for the whole plan; its lines are placed here under
the intervention each belongs to. Problems come from the seed's background.
"""

from dialogteam_app.domain.engagement import Engagement
from dialogteam_app.domain.organisations import Organiser
from dialogteam_app.domain.plan import ActionPlan, CostLine, DevelopmentArea, Funder, Intervention

FOLLOW_UP = ("Förvaltningsledning samt skolledare möts i professionsmöten där arbetet följs upp. "
             "Uppföljning sker även i dialog mellan skolledare och förvaltningsledning. Detta "
             "arbete dokumenteras i huvudmannens årliga kvalitetsrapport.")

AREAS = [
    ("IT", "Svårigheter att dokumentera, följa upp, analysera och kommunicera arbetet på alla "
           "nivåer på grund av dåliga IT-system och kompetensbrist.",
     dict(title="Verksamhetsutvecklare inom digitalisering och ett gemensamt systemstöd",
          description="En mer djupgående nulägesanalys har genomförts av extern part. Vi behöver "
                      "anställa verksamhetsutvecklare inom digitalisering och införa ett "
                      "systemstöd för kommunikation och samverkan.",
          participant_groups="Två verksamhetsutvecklare inom digitalisering; skolledare",
          resources_staff="Två verksamhetsutvecklare inom digitalisering. Vikariekostnader.",
          resources_training="Internutbildning via verksamhetsutvecklare, inom digitalisering "
                             "t.ex. Office 365, pedagogiskt arbete och systematiskt kvalitetsarbete.",
          resources_other="Systemstöd som underlättar kommunikation, samverkan, uppföljning, "
                          "analys och förbättring.",
          goals_short="Funktionella systemstöd på alla nivåer.",
          goals_long="Information om elevens kunskapsutveckling så att eleven når så långt som "
                     "möjligt utifrån sin potential.",
          expected_effects="Förenklat och förbättrat systematiskt kvalitetsarbete.",
          responsible="Förvaltningsledningen",
          participation="Skolledare deltar i arbetsledningen av verksamhetsutvecklarna.",
          follow_up_when="Vid professionsmöten varje termin och i den årliga kvalitetsrapporten",
          follow_up_how=FOLLOW_UP, follow_up_who="Rektor på enhet, förvaltningsledningen på "
                                                 "huvudmannanivå",
          start="2019-01-07", end="2021-12-17"),
     [("Verksamhetsutvecklare", 1_320_000, Funder.SKOLVERKET),
      ("Konsultstöd kommunikationssystem", 300_000, Funder.HUVUDMAN)]),
    ("Elevhälsoarbete", "Strukturer för att anmäla och motverka kränkande behandling, trygghet, "
                        "studiero, extra anpassningar och särskilt stöd behöver utvecklas.",
     dict(title="Strukturer för trygghet, studiero, extra anpassningar och särskilt stöd",
          description="Processbeskrivningar ska utarbetas och etableras på varje enhet.",
          participant_groups="Alla rektorer och all skolpersonal",
          resources_staff="Vikariekostnader samt verksamhetsutvecklare",
          resources_training="Internt och via Skolverkets utbildningsinsatser",
          resources_student_health="Elevhälsan deltar i arbetet.",
          goals_short="Öka elevernas upplevelse av trygghet och studiero.",
          goals_long="Minimera antalet elever som inte når målen och öka det genomsnittliga "
                     "meritvärdet.",
          responsible="Rektor", participation="Skolledare deltar i planeringen.",
          follow_up_when="Vt 2019 och vt 2020", follow_up_how=FOLLOW_UP,
          follow_up_who="Rektor och förvaltningsledningen", start="2018-08-20", end="2019-12-20"),
     [("Vikariekostnader", 600_000, Funder.SKOLVERKET)]),
    ("Elevhälsan", "Det hälsofrämjande och förebyggande arbetet saknar struktur för "
                   "dokumentation och uppföljning.",
     dict(title="Hälsofrämjande och förebyggande elevhälsoarbete",
          description="Insatser för att öka kvaliteten i det förebyggande och hälsofrämjande "
                      "elevhälsoarbetet.",
          participant_groups="Förvaltningsledning, skolledare, elevhälsopersonal samt övrig personal",
          resources_staff="Elevhälsopersonal", resources_training="SPSM:s webbkurs",
          resources_student_health="Kartlägga risker för elever i arbetsmiljö, socialt och "
                                   "pedagogiskt.",
          goals_short="Tydlig struktur för elevhälsans hälsofrämjande och förebyggande arbete.",
          goals_long="Eleverna känner sig trygga och säkra i sin arbetsmiljö.",
          responsible="Rektor", participation="Professionsnätverk av skolledare.",
          follow_up_when="Vt 2019 och vt 2020", follow_up_how=FOLLOW_UP,
          follow_up_who="Förvaltningsledningen", start="2019-01-07", end="2020-12-18"),
     [("Elevhälsopersonal", 1_800_000, Funder.SKOLVERKET),
      ("Kompetensutveckling", 200_000, Funder.HUVUDMAN)]),
    ("Ledning", "Ledningsprocessen inom skolenheterna behöver tydliggöras och stödet till "
                "skolledarna förstärkas.",
     dict(title="Stärkta ledningsprocesser och stöd till skolledare",
          description="Insatser för att öka förståelsen för och förmågan att arbeta med det "
                      "systematiska kvalitetsarbetet.",
          participant_groups="Alla skolledare, verksamhetsutvecklare och förvaltningsledning",
          resources_staff="Handledning samt ledningsstöd",
          resources_training="Kompetensutveckling för skolledare i förändrings- och "
                             "förbättringsarbete.",
          goals_short="Reellt stöd till skolledarna.",
          goals_long="Ledningen av enheterna stärks och likvärdigheten mellan enheterna säkras.",
          responsible="Förvaltningsledning",
          participation="Skolledare deltar i professionsnätverk där insatserna planeras.",
          follow_up_when="Varje termin", follow_up_how=FOLLOW_UP,
          follow_up_who="Förvaltningsledningen", start="2019-01-07", end="2020-12-18"),
     [("Handledningskostnader", 500_000, Funder.SKOLVERKET),
      ("Ledningsstöd SAM, SKA", 430_000, Funder.SKOLVERKET)]),
    ("SYV och nyanländas lärande", "Tillgången till studie- och yrkesvägledning och strukturen "
                                   "för nyanländas lärande behöver utvecklas.",
     dict(title="Vägledning i vid bemärkelse, PRAO och nyanländas lärande",
          description="Fortsatt arbete med vägledning i vid bemärkelse och en PRAO-verksamhet "
                      "enligt den nya lagstiftningen; modersmål och studiehandledning.",
          participant_groups="Skolledare, studie- och yrkesvägledare, samordnare",
          resources_staff="Studie- och yrkesvägledare; modersmålslärare; samordnare",
          resources_training="Kompetensutveckling för samordnare via MIUN.",
          goals_short="Struktur för vägledning i vid bemärkelse och för PRAO.",
          goals_long="Förbättrade resultat för nyanlända elever.",
          responsible="Rektor",
          participation="Skolledare deltar i professionsnätverk där insatserna planeras.",
          follow_up_when="Varje termin", follow_up_how=FOLLOW_UP,
          follow_up_who="Förvaltningsledningen", start="2018-08-20", end="2020-12-18"),
     [("SYV", 600_000, Funder.HUVUDMAN),
      ("Nyanländas lärande, lärare, samordnare", 700_000, Funder.HUVUDMAN)]),
]


def enter_timra_plan(store, problem_ids_by_area: dict[str, str] | None = None) -> str:
    """Create Timrå kommun, its engagement and the whole plan; returns the engagement id."""
    organiser = Organiser(name="Timrå kommun", org_number="212000-2403")
    store.organisers.save(organiser)
    engagement = Engagement(organiser_id=organiser.id, title="Insatser för en likvärdig skola",
                            dnr="2019:830")
    store.engagements.save(engagement)
    plans = store.plans
    store.plans.save_texts(ActionPlan(
        engagement_id=engagement.id,
        background="Vi har utgått ifrån vår genomförda nulägesanalys.",
        participation="Huvudmannens systematiska kvalitetsarbete genomförs bland annat genom "
                      "dialog med förskole- och skolenheternas rektorer och förskolechefer.",
        strengths="Arbetssättet ligger i linje med tidigare insatser som är samverkade, "
                  "framgångsrika och etablerade i organisationen.",
        experience_spreading="Vi dokumenterar processer på ett systematiskt sätt och delar "
                             "processbeskrivningar digitalt."))
    for position, (title, description, fields, costs) in enumerate(AREAS):
        area = DevelopmentArea(engagement_id=engagement.id, title=title, description=description,
                               position=position,
                               problem_ids=[(problem_ids_by_area or {})[title]]
                               if problem_ids_by_area else [])
        plans.save_area(area)
        intervention = Intervention(area_id=area.id, **fields)
        plans.save_intervention(intervention)
        for cost_position, (text, amount, funder) in enumerate(costs):
            plans.save_cost(CostLine(intervention_id=intervention.id, description=text,
                                     amount_kr=amount, funder=funder, year=2019,
                                     position=cost_position))
    return engagement.id
