"""Four meetings of the sample engagement with participants, questions, tasks and notes.

Notes that the sample analysis builds on have ids sample_id("note-<meeting>-<n>").
"""

from __future__ import annotations

from ..domain.engagement import Engagement
from ..domain.meetings import Meeting, MeetingKind, Participant, Question, Role, Task, TaskKind
from ..domain.notes import Note, hashtags, normalize_tag
from ..store.store import Store
from .ids import sample_id

R = Role
# (key, date, kind, title, start, end, place, units, agenda)
MEETINGS = [
    ("m1", "2026-09-08", MeetingKind.DIALOGUE, "Första dialogmötet med förvaltningsledningen",
     "09:00", "11:30", "Kommunhuset, sal Norrsken", ["unit-bjorkdal", "unit-alviken"],
     "1. Presentation av samverkan och arbetsgången\n2. Huvudmannens bild av resultaten\n"
     "3. Styrkedjan: hur följs skolornas resultat upp?\n4. Planering av skolbesök"),
    ("m2", "2026-09-29", MeetingKind.SCHOOL_VISIT, "Skolbesök Björkdalsskolan",
     "08:30", "15:00", "Björkdalsskolan, personalrummet", ["unit-bjorkdal"],
     "Samtal med rektor, arbetslag åk 7–9, elevhälsoteamet och elevrådet."),
    ("m3", "2026-10-20", MeetingKind.SCHOOL_VISIT, "Skolbesök Alvikens skola",
     "09:00", "14:00", "Alvikens skola", ["unit-alviken"],
     "Lektionsbesök i åk 4–6, samtal med rektor och lärare i svenska och matematik."),
    ("m4", "2026-11-10", MeetingKind.DIALOGUE, "Dialogmöte 2: nulägesanalysen",
     "13:00", "16:00", "Kommunhuset, sal Norrsken", ["unit-bjorkdal", "unit-alviken"],
     "Genomgång av utkast till nulägesanalys: problem, orsaker och belägg. "
     "Prioritering inför åtgärdsplanen."),
]

# Swedish summer time ends on 25 October 2026.
UTC_OFFSET = {"m1": "+02:00", "m2": "+02:00", "m3": "+02:00", "m4": "+01:00"}

PARTICIPANTS = {
    "m1": [("Eva Lindqvist", R.SCHOOL_CHIEF, "Norrviks kommun"),
           ("Anders Holm", R.POLITICIAN, "Barn- och utbildningsnämnden"),
           ("Sara Nyberg", R.OTHER, "Kvalitetsutvecklare, Norrviks kommun"),
           ("Lena Ström", R.SUPPORTER, "Skolverket"), ("Petter Alm", R.SUPPORTER, "Skolverket")],
    "m2": [("Johan Ek", R.PRINCIPAL, "Björkdalsskolan"),
           ("Arbetslag 8–9 (6 lärare)", R.TEACHER, "Björkdalsskolan"),
           ("Elevhälsoteamet", R.STUDENT_HEALTH, "Björkdalsskolan"),
           ("Elevrådet (5 elever)", R.STUDENT, "Björkdalsskolan"),
           ("Lena Ström", R.SUPPORTER, "Skolverket"), ("Petter Alm", R.SUPPORTER, "Skolverket")],
    "m3": [("Maria Sund", R.PRINCIPAL, "Alvikens skola"),
           ("Lärare i svenska och matematik (4)", R.TEACHER, "Alvikens skola"),
           ("Lena Ström", R.SUPPORTER, "Skolverket")],
    "m4": [("Eva Lindqvist", R.SCHOOL_CHIEF, "Norrviks kommun"),
           ("Johan Ek", R.PRINCIPAL, "Björkdalsskolan"), ("Maria Sund", R.PRINCIPAL, "Alvikens skola"),
           ("Sara Nyberg", R.OTHER, "Norrviks kommun"),
           ("Lena Ström", R.SUPPORTER, "Skolverket"), ("Petter Alm", R.SUPPORTER, "Skolverket")],
}

QUESTIONS = {
    "m1": [("Hur vet ni hur det går för eleverna på respektive skola under läsåret?", True),
           ("Vilka beslut i nämnden har utgått från skolornas resultatanalyser?", True),
           ("Hur har elevernas synpunkter tagits tillvara i kvalitetsarbetet?", False)],
    "m2": [("Vad gör ni när en elev riskerar att inte nå kunskapskraven?", True),
           ("Hur ofta planerar och följer ni upp undervisningen tillsammans?", True),
           ("Vad tycker eleverna gör skillnad för deras lärande?", True)],
    "m4": [("Vilka problem kan skolorna själva påverka?", True),
           ("Vilka belägg finns för de antagna orsakerna?", True)],
}

TASKS = {
    "m1": [(TaskKind.DECISION, "Skolbesök på båda skolorna före höstlovet", "Förvaltningsledningen",
            "2026-10-23", True),
           (TaskKind.TASK, "Skicka senaste kvalitetsrapport och resultatsammanställning",
            "Sara Nyberg", "2026-09-15", True),
           (TaskKind.TASK, "Boka möte med elevråden", "Johan Ek", "2026-09-25", True)],
    "m4": [(TaskKind.TASK, "Komplettera nulägesbeskrivningen med frånvarostatistik",
            "Sara Nyberg", "2026-11-24", False),
           (TaskKind.DECISION, "Utkast till åtgärdsplan skickas till Skolverket", "Eva Lindqvist",
            "2026-12-08", False)],
}

# (meeting, minute offset, speaker, tags, text)
NOTES = [
    ("m1", 5, R.SCHOOL_CHIEF, ["observation"],
     "Förvaltningen har en årlig kvalitetsrapport men den bygger främst på betygsstatistik "
     "som samlas in i juni."),
    ("m1", 12, R.SCHOOL_CHIEF, ["problem"],
     "Meritvärdet i åk 9 på Björkdalsskolan har sjunkit tre år i rad och ligger nu 31 poäng "
     "under riket."),
    ("m1", 18, R.POLITICIAN, ["citat"],
     "”Vi i nämnden får siffrorna en gång om året, och då är det för sent att göra något.”"),
    ("m1", 25, R.SCHOOL_CHIEF, ["orsak"],
     "Rektorerna redovisar resultat i juni; det finns ingen uppföljning under läsåret från "
     "huvudmannen."),
    ("m1", 34, R.OTHER, ["belägg"],
     "Kvalitetsrapporten 2025 saknar analys av orsaker – den beskriver resultaten men inte "
     "varför de ser ut som de gör."),
    ("m1", 41, R.SUPPORTER, ["fråga"],
     "Vem ansvarar för att följa upp Skolinspektionens föreläggande på förvaltningsnivå?"),
    ("m1", 47, R.SCHOOL_CHIEF, ["observation"],
     "Hög personalomsättning bland lärare i matematik och NO på Björkdalsskolan; tre av fem "
     "matematiklärare är nya sedan förra läsåret."),
    ("m1", 60, R.POLITICIAN, ["idé"],
     "Nämnden vill ha en resultatdialog med varje rektor i november och mars. #styrkedja"),
    ("m2", 4, R.PRINCIPAL, ["observation"],
     "Rektor har varit på skolan i ett år och är den fjärde rektorn på sex år."),
    ("m2", 15, R.TEACHER, ["problem"],
     "Många elever i åk 8 har stora luckor i matematik; ungefär var tredje elev riskerar att "
     "inte nå E."),
    ("m2", 22, R.TEACHER, ["orsak"],
     "Lärarna planerar var för sig; arbetslaget träffas men mötestiden går till elevärenden och "
     "praktiska frågor, inte undervisning."),
    ("m2", 31, R.TEACHER, ["belägg"],
     "Mötesanteckningar från arbetslaget under vt 2026: 14 av 16 möten handlade om elevärenden "
     "och schema."),
    ("m2", 40, R.STUDENT_HEALTH, ["orsak"],
     "Extra anpassningar sätts in sent, ofta först efter ett F-varningsmeddelande i november."),
    ("m2", 48, R.STUDENT_HEALTH, ["belägg"],
     "Elevhälsoteamet fick 42 anmälningar om särskilt stöd under ht 2025, 30 av dem efter "
     "vecka 45."),
    ("m2", 63, R.STUDENT, ["elevröst", "citat"],
     "”Det är stökigt på mattelektionerna, man hör inte vad läraren säger.”"),
    ("m2", 70, R.STUDENT, ["elevröst"],
     "Eleverna vet sällan vad som krävs för ett visst betyg förrän provet är rättat."),
    ("m2", 76, R.STUDENT, ["elevröst", "belägg"],
     "Enkäten ht 2025: 41 % av eleverna i åk 8 svarar att de får veta hur de ligger till, "
     "mot 68 % i kommunen."),
    ("m2", 88, R.PRINCIPAL, ["orsak"],
     "Det finns ingen gemensam bild av vad bedömning för lärande innebär på skolan; varje "
     "lärare gör på sitt sätt."),
    ("m2", 95, R.PRINCIPAL, ["idé"],
     "Rektor vill prova kollegialt lärande i matematik med stöd av Matematiklyftets moduler."),
    ("m2", 104, R.SUPPORTER, ["observation"],
     "Studieron varierar mycket mellan klassrummen; i två av fyra besökta lektioner tog "
     "starten över tio minuter."),
    ("m3", 6, R.PRINCIPAL, ["observation"],
     "Alvikens skola har stabil personal men många nyanlända elever i åk 4–6 (cirka 20 %)."),
    ("m3", 14, R.TEACHER, ["problem"],
     "Resultaten på de nationella proven i svenska åk 6 ligger under riket, särskilt läsförståelse."),
    ("m3", 23, R.TEACHER, ["orsak"],
     "Studiehandledning på modersmål finns bara två timmar i veckan och samordnas inte med "
     "lärarnas planering."),
    ("m3", 31, R.PRINCIPAL, ["belägg"],
     "Skolinspektionens föreläggande 2025: skolan säkerställer inte att elever i behov av stöd "
     "får det skyndsamt."),
    ("m3", 39, R.TEACHER, ["idé"],
     "Språkutvecklande arbetssätt i alla ämnen, till exempel genom Läslyftet."),
    ("m3", 52, R.SUPPORTER, ["fråga"],
     "Hur följer rektor upp att extra anpassningar faktiskt genomförs i klassrummet?"),
    ("m4", 8, R.SCHOOL_CHIEF, ["observation"],
     "Förvaltningen har tagit fram en resultatsammanställning per skola och årskurs inför mötet."),
    ("m4", 20, R.PRINCIPAL, ["problem"],
     "Andelen elever i åk 9 som är behöriga till yrkesprogram har minskat från 78 % till 69 % "
     "på tre år."),
    ("m4", 33, R.SCHOOL_CHIEF, ["orsak"],
     "Rektorerna saknar stöd från huvudmannen i att analysera resultaten; förvaltningen har ingen "
     "egen analyskompetens."),
    ("m4", 47, R.PRINCIPAL, ["idé"],
     "Gemensam struktur för resultatdialoger: skola – förvaltning – nämnd, tre gånger per år."),
    ("m4", 58, R.SUPPORTER, ["observation"],
     "Alla var överens om att matematik i åk 7–9 och läsförståelse i åk 4–6 ska prioriteras."),
]


def load_meetings(store: Store, engagement: Engagement) -> None:
    meetings = store.meetings
    for key, day, kind, title, start, end, place, units, agenda in MEETINGS:
        m = Meeting(id=sample_id(f"meeting-{key}"), engagement_id=engagement.id, date=day, kind=kind,
                    title=title, start_time=start, end_time=end, place=place, agenda=agenda,
                    school_unit_ids=[sample_id(u) for u in units])
        meetings.save(m)
        for pos, (name, role, org) in enumerate(PARTICIPANTS.get(key, [])):
            meetings.save_participant(Participant(
                id=sample_id(f"participant-{key}-{pos}"), meeting_id=m.id, name=name,
                role=role, organisation=org, position=pos))
        for pos, (text, asked) in enumerate(QUESTIONS.get(key, [])):
            meetings.save_question(Question(id=sample_id(f"question-{key}-{pos}"),
                                            meeting_id=m.id, text=text, asked=asked,
                                            position=pos))
        for pos, (tkind, text, who, due, done) in enumerate(TASKS.get(key, [])):
            meetings.save_task(Task(id=sample_id(f"task-{key}-{pos}"), meeting_id=m.id,
                                    kind=tkind, text=text, who=who, due=due, done=done,
                                    position=pos))

    starts = {key: (day, start) for key, day, _k, _t, start, *_rest in MEETINGS}
    counters: dict[str, int] = {}
    for key, minutes, role, tags, text in NOTES:
        day, start = starts[key]
        hour, minute = divmod(int(start[:2]) * 60 + int(start[3:]) + minutes, 60)
        counters[key] = counters.get(key, 0) + 1
        store.notes.save(Note(
            id=sample_id(f"note-{key}-{counters[key]}"), meeting_id=sample_id(f"meeting-{key}"),
            engagement_id=engagement.id, body=text, speaker_role=role.value,
            taken_at=f"{day}T{hour:02d}:{minute:02d}:00.000{UTC_OFFSET[key]}",
            tags=list(dict.fromkeys([normalize_tag(t) for t in tags] + hashtags(text)))))
