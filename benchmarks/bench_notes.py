"""Notes at scale: 100 000 realistic Swedish notes, then search, save, open and start-up.

    python benchmarks/bench_notes.py [--notes 100000] [--keep DIR]

Prints medians and 99th percentiles. Targets (issue 3): search p99 <= 20 ms,
save p99 <= 50 ms, opening an engagement with 1 000 notes <= 200 ms. Start-up, the
as-you-type prefixes of every length and GUI stalls, as ratios to floors:
bench_responsiveness.py.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dialogteam_app.domain.engagement import Engagement  # noqa: E402
from dialogteam_app.domain.meetings import Meeting, MeetingKind, Role  # noqa: E402
from dialogteam_app.domain.notes import Note, Tag  # noqa: E402
from dialogteam_app.domain.organisations import Organiser  # noqa: E402
from dialogteam_app.paths import DataPaths  # noqa: E402
from dialogteam_app.store.database import Database  # noqa: E402
from dialogteam_app.store.search import search_notes  # noqa: E402
from dialogteam_app.store.store import Store  # noqa: E402

SUBJECTS = ["Rektorn", "Lärarna i åk 8", "Elevhälsoteamet", "Förvaltningschefen", "Eleverna",
            "Arbetslaget", "Nämndens ordförande", "Speciallärarna", "Studie- och yrkesvägledaren",
            "Förstelärarna", "Kuratorn", "Elevrådet", "Skolsköterskan", "Biträdande rektor",
            "Matematiklärarna", "Svensklärarna", "Mentorerna", "Fritidspedagogerna",
            "Kvalitetsutvecklaren", "Utbildningschefen", "Skolpsykologen", "Modersmålslärarna",
            "Lärarna i förskoleklass", "Ledningsgruppen", "Ämneslaget i NO", "Vårdnadshavarna",
            "Elevassistenterna", "Specialpedagogen", "Lärarna på mellanstadiet", "IT-pedagogen",
            "Bibliotekarien", "Facket", "Politikerna i nämnden", "Skolläkaren", "Studiehandledarna",
            "Resursteamet", "Lärarna i idrott", "Trygghetsteamet", "Förvaltningens controller",
            "Skolchefen"]
VERBS = ["beskriver", "saknar", "efterfrågar", "har påbörjat", "följer upp", "prioriterar",
         "upplever", "analyserar", "har svårt med", "vill utveckla", "har inte tid för",
         "diskuterar", "dokumenterar", "lyfter fram", "ifrågasätter", "har förbättrat",
         "oroar sig för", "planerar", "kartlägger", "utvärderar", "tar ansvar för",
         "har glömt bort", "kritiserar", "ser fördelar med", "vill avveckla", "behöver stöd i",
         "har fått utbildning i", "samordnar", "förankrar", "efterlyser tydlighet kring"]
OBJECTS = ["uppföljningen av resultaten i matematik", "studieron på lektionerna",
           "extra anpassningar och särskilt stöd", "kollegialt lärande i arbetslagen",
           "bedömning för lärande", "läsförståelsen i mellanstadiet", "frånvaron i åk 9",
           "samarbetet med vårdnadshavarna", "introduktionen av nyanlända elever",
           "studiehandledning på modersmål", "det systematiska kvalitetsarbetet",
           "styrkedjan mellan huvudman och rektor", "tryggheten i korridorerna",
           "resultaten på de nationella proven", "elevernas inflytande över undervisningen",
           "schemaläggningen av gemensam planeringstid", "digitala verktyg i undervisningen",
           "övergången mellan stadierna", "mentorstiden", "elevhälsans förebyggande arbete",
           "betygssättningen i engelska", "lektionsstarterna", "rastaktiviteterna",
           "kompetensutvecklingen för lärarna", "läxpolicyn", "skolans värdegrund",
           "likabehandlingsplanen", "kränkningsanmälningarna", "skolmaten", "lokalernas skick",
           "ledarskapet i klassrummet", "den språkutvecklande undervisningen",
           "åtgärdsprogrammen", "utvecklingssamtalen", "klassråden", "rekryteringen av behöriga lärare",
           "vikariesituationen", "budgeten för läromedel", "prao i åk 8", "gymnasievalet",
           "elevernas motivation", "arbetsron i matsalen", "utvärderingen av förra årets insatser",
           "fritidshemmets uppdrag", "samverkan med socialtjänsten", "läsfrämjande insatser",
           "den anpassade grundskolan", "lärarnas arbetsbelastning", "skolskjutsarna",
           "mottagandet av nya elever", "resursfördelningen mellan skolorna",
           "uppdraget till förstelärarna", "nämndens beslut om resultatdialoger",
           "analysen av betygen", "elevernas psykiska hälsa", "simundervisningen",
           "biblioteket", "ämnesövergripande arbete", "lektionsbesöken", "kvalitetsrapporten"]
TAILS = ["", " sedan förra läsåret", " enligt enkäten", ", men det saknas tid", " i alla årskurser",
         " – det märks tydligt", ", särskilt bland pojkarna", " enligt Skolinspektionen",
         " och vill ha stöd från förvaltningen", ". Ingen ansvarar för det idag", " på båda skolorna",
         ", vilket syns i resultaten", " men vet inte hur", " sedan rektorsbytet",
         ", enligt protokollen från arbetslaget", " och menar att det har blivit bättre",
         " trots tidigare beslut", " i samband med höstens uppföljning", "", ""]
TWO_WORDS = ["rektor matematik ", "studiero lektionerna ", "elevhälsa stöd ", "frånvaron åk ",
             "kollegialt lärande ", "nationella proven ", "trygghet korridorerna ",
             "nyanlända modersmål ", "kvalitetsarbetet systematiska ", "bedömning lärande "]
PREFIXES = ["matem", "elevh", "studie", "lär", "kval", "nyanl", "frånv", "schem", "styr", "digi"]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}{rng.choice(TAILS)}."


def build(paths: DataPaths, total: int) -> tuple[str, str]:
    """Engagements of 1 000 notes each (10 meetings of 100). Returns the first engagement
    and an extra meeting in it holding another 1 000 notes."""
    rng = random.Random(20261123)
    roles = [r.value for r in Role] + [""]
    tags = [t.value for t in Tag]
    with Database(paths.database) as db:
        store = Store(db)
        engagements = max(1, total // 1000)
        first = big = None
        with db.bulk():
            for e_no in range(engagements):
                o = Organiser(name=f"Kommun {e_no:03d}")
                store.organisers.save(o)
                e = Engagement(organiser_id=o.id, dnr=f"2026:{e_no}")
                store.engagements.save(e)
                first = first or e.id
                for m_no in range(10):
                    m = Meeting(engagement_id=e.id, date=f"2026-{9 + m_no // 4:02d}-{1 + m_no * 2:02d}",
                                kind=rng.choice(list(MeetingKind)))
                    store.meetings.save(m)
                    for n_no in range(100):
                        body = " ".join(sentence(rng) for _ in range(rng.randint(1, 3)))
                        store.notes.save(Note(
                            meeting_id=m.id, engagement_id=e.id, body=body,
                            taken_at=f"{m.date}T{9 + n_no // 60:02d}:{n_no % 60:02d}:00.000+01:00",
                            speaker_role=rng.choice(roles),
                            tags=rng.sample(tags, rng.choice([0, 1, 1, 2]))))
            big = Meeting(engagement_id=first, date="2026-12-01", title="Heldag med 1 000 anteckningar")
            store.meetings.save(big)
            for n_no in range(1000):
                store.notes.save(Note(meeting_id=big.id, engagement_id=first, body=sentence(rng),
                                      taken_at=f"2026-12-01T{8 + n_no // 120:02d}:{n_no % 60:02d}:"
                                               f"{n_no % 60:02d}.000+01:00"))
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return first, big.id


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def report(name: str, ms: list[float], target: str = "") -> None:
    print(f"  {name:<44} median {statistics.median(ms):7.2f} ms   p99 {pct(ms, 99):7.2f} ms"
          f"   (n={len(ms)}){'   target ' + target if target else ''}")


def bench_search(paths: DataPaths) -> None:
    with Database(paths.database) as db:
        for label, queries in (("search, two words", TWO_WORDS), ("search, prefix as you type", PREFIXES)):
            for q in queries:  # warm the page cache once, as a running program has it
                search_notes(db, q)
            times = []
            for _ in range(20):
                for q in queries:
                    t = time.perf_counter()
                    search_notes(db, q)
                    times.append((time.perf_counter() - t) * 1000)
            report(label, times, "p99 <= 20 ms")


def bench_save(paths: DataPaths, engagement_id: str) -> None:
    rng = random.Random(1)
    with Database(paths.database, threaded=True) as db:
        store = Store(db)
        meeting_id = store.meetings.list(engagement_id)[0].id
        waits, commits = [], []
        for _ in range(300):
            n = Note(meeting_id=meeting_id, engagement_id=engagement_id, body=sentence(rng),
                     tags=["problem"])
            t = time.perf_counter()
            store.notes.enter(n)  # what the typist's keystroke costs
            waits.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            db.flush()            # until it is on disk (commit, fsync, FTS update)
            commits.append((time.perf_counter() - t) * 1000)
        report("save: typist waits (queue the note)", waits)
        report("save: note committed to disk", commits, "p99 <= 50 ms")


def bench_open(paths: DataPaths, engagement_id: str, big_meeting_id: str) -> None:
    from PySide6.QtWidgets import QApplication

    from dialogteam_app.ui.app import make_application, open_main_window
    from dialogteam_app.ui.window.navigator import ENGAGEMENT, MEETING
    make_application()
    window = open_main_window(paths)
    window.resize(1366, 800)
    window.show()
    QApplication.processEvents()
    opened_e, opened_m = [], []
    other = window.ctx.store.engagements.list()[-1].id
    for _ in range(10):
        window.navigator.select(ENGAGEMENT, other)
        QApplication.processEvents()
        t = time.perf_counter()
        window.navigator.select(ENGAGEMENT, engagement_id)
        QApplication.processEvents()
        opened_e.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        window.navigator.select(MEETING, big_meeting_id)
        QApplication.processEvents()
        opened_m.append((time.perf_counter() - t) * 1000)
    report("open an engagement (1 000 notes in 11 meetings)", opened_e, "<= 200 ms")
    report("open a meeting holding 1 000 notes", opened_m, "<= 200 ms")
    window.close()
    window.ctx.store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=100_000)
    parser.add_argument("--keep", metavar="DIR", help="build (or reuse) the database here")
    args = parser.parse_args()
    root = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="dialogteam-bench-"))
    root.mkdir(parents=True, exist_ok=True)
    paths = DataPaths(root)
    t = time.perf_counter()
    if paths.database.exists():
        with Database(paths.database) as db:
            store = Store(db)
            first = store.engagements.list_with_organiser()[0][0].id
            big = next(m.id for m in store.meetings.list(first) if m.title.startswith("Heldag"))
        print(f"reusing {paths.database}")
    else:
        first, big = build(paths, args.notes)
        print(f"built {args.notes + 1000:,} notes in {time.perf_counter() - t:.1f} s: {paths.database} "
              f"({paths.database.stat().st_size / 1e6:.0f} MB)")
    bench_search(paths)
    bench_save(paths, first)
    bench_open(paths, first, big)


if __name__ == "__main__":
    main()
