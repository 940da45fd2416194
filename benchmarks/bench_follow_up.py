"""Att göra and the team overview over a large team, as ratios to a floor (issue 12).

    python benchmarks/bench_follow_up.py [--engagements 60] [--runs 15]

Builds 60 samverkan, each with a signed ÖK 2 of 10 insatser granted money for 3
years, a payment plan, three reports, statuses, money used per year and kostnadsslag,
payments received, plan interventions with research factors and meetings with tasks
(written through the repositories in one bulk transaction), then measures

- the store's queries: `todo(today)` and `team()`;
- opening the pages: TodoView.reload and TeamOverview.reload, offscreen;

against a floor measured in the same run: reading every row of the tables they
read (SELECT * of each, fetched), the least any overview of this data can cost.
The target is ≤ 100 ms for opening each page.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(HERE.parent))

from dialogteam_app.domain.agreement import Agreement  # noqa: E402
from dialogteam_app.domain.agreement_kinds import (  # noqa: E402
    AgreementKind,
    AgreementStatus,
    FundingKind,
    ReportKind,
)
from dialogteam_app.domain.agreement_money import draft_payment_plan  # noqa: E402
from dialogteam_app.domain.agreement_reports import ReportObligation  # noqa: E402
from dialogteam_app.domain.agreement_terms import FundingLine, InterventionTerms  # noqa: E402
from dialogteam_app.domain.analysis import Factor  # noqa: E402
from dialogteam_app.domain.engagement import Engagement, Phase  # noqa: E402
from dialogteam_app.domain.follow_up import (  # noqa: E402
    CostKind,
    InterventionStatus,
    PaymentReceipt,
    Spending,
    StatusEntry,
)
from dialogteam_app.domain.meetings import Meeting, Task  # noqa: E402
from dialogteam_app.domain.organisations import Organiser, OrganiserKind  # noqa: E402
from dialogteam_app.domain.plan import DevelopmentArea, Intervention  # noqa: E402
from dialogteam_app.store.database import Database  # noqa: E402
from dialogteam_app.store.store import Store  # noqa: E402

TODAY = date(2027, 11, 20)
YEARS = (2026, 2027, 2028)
FACTORS = [f.value for f in Factor]
READ_TABLES = ("engagements", "organisers", "supporters", "agreements", "agreement_terms",
               "agreement_funding", "agreement_payments", "agreement_reports", "tasks",
               "meetings", "follow_up_statuses", "follow_up_spending", "follow_up_payments",
               "follow_up_reports", "plan_interventions", "plan_areas")


def build(store: Store, engagements: int, insatser: int) -> None:
    fu = store.follow_up
    fu.today = lambda: TODAY
    with store.db.bulk():
        for n in range(engagements):
            o = Organiser(name=f"Kommun {n:03d}", kind=OrganiserKind.KOMMUN)
            store.organisers.save(o)
            e = Engagement(organiser_id=o.id, title=f"Samverkan {n}", dnr=f"2026:{n}",
                           phase=Phase.IMPLEMENTATION)
            store.engagements.save(e)
            area = DevelopmentArea(engagement_id=e.id, title="Undervisning")
            store.plans.save_area(area)
            a = Agreement(engagement_id=e.id, kind=AgreementKind.OK2, dnr=f"7.4-{n}",
                          decision_date="2026-01-10", period_start="2026-02-01",
                          period_end="2028-12-31", status=AgreementStatus.SIGNED,
                          signed_date="2026-01-20")
            for i in range(insatser):
                iv = Intervention(area_id=area.id, title=f"Insats {i}", position=i,
                                  factors=[FACTORS[i % 6], FACTORS[(i + n) % 6]])
                store.plans.save_intervention(iv)
                t = InterventionTerms(agreement_id=a.id, title=iv.title, intervention_id=iv.id,
                                      position=i)
                t.funding = [FundingLine(t.id, FundingKind.GRANTED, 100_000, y, position=k)
                             for k, y in enumerate(YEARS)]
                a.terms.append(t)
            a.payments = draft_payment_plan(a.id, 100_000 * len(YEARS) * insatser,
                                            "2026-02-15", "2028-10-01")
            a.reports = [ReportObligation(a.id, kind, due, position=k) for k, (kind, due) in
                         enumerate(((ReportKind.INTERIM, f"2026-12-{10 + n % 15}"),
                                    (ReportKind.INTERIM, f"2027-12-{10 + n % 15}"),
                                    (ReportKind.FINAL, "2029-02-28")))]
            store.agreements.save_whole(a)
            for t in a.terms:
                fu.save_status(StatusEntry(t.id, InterventionStatus.ONGOING, "2026-03-01"))
                if t.position % 3 == 0:
                    fu.save_status(StatusEntry(t.id, InterventionStatus.DONE, "2027-06-01"))
                for y in YEARS[:2]:
                    for kind in (CostKind.STAFF, CostKind.TRAINING):
                        fu.save_spending(Spending(t.id, y, 40_000, kind))
            for p in a.payments:
                if p.due_date < "2027-09-01":
                    fu.save_receipt(PaymentReceipt(p.id, p.due_date, p.amount_kr))
            for m in range(10):
                meeting = Meeting(engagement_id=e.id, date=f"2027-{1 + m:02d}-15",
                                  title=f"Möte {m}")
                store.meetings.save(meeting)
                for k in range(3):
                    store.meetings.save_task(Task(meeting.id, f"Uppgift {k}",
                                                  due=f"2027-{1 + m:02d}-28", done=k != 0))


def median_ms(fn, runs: int) -> float:
    fn()  # warm: statements prepared, pages in the cache
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def floor(store: Store) -> None:
    for table in READ_TABLES:
        store.db.conn.execute(f"SELECT * FROM {table}").fetchall()


def line(name: str, ours: float, floor_ms: float, target: str = "") -> None:
    print(f"  {name:<40} {ours / floor_ms:6.2f}×   {ours:7.1f} ms   floor {floor_ms:6.1f} ms"
          f"{'   target ' + target if target else ''}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engagements", type=int, default=60)
    parser.add_argument("--insatser", type=int, default=10)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-follow-up-"))
    store = Store(Database(folder / "dialogteam.sqlite"))
    t = time.perf_counter()
    build(store, args.engagements, args.insatser)
    print(f"{args.engagements} samverkan × {args.insatser} insatser × {len(YEARS)} år built in "
          f"{time.perf_counter() - t:.1f} s; Att göra holds "
          f"{len(store.follow_up_overview.todo(TODAY))} rows")

    from PySide6.QtWidgets import QApplication

    from dialogteam_app.ui.common.autosave import Autosaver
    from dialogteam_app.ui.common.context import AppContext
    from dialogteam_app.ui.follow_up.team_overview import TeamOverview
    from dialogteam_app.ui.follow_up.todo_view import TodoView
    app = QApplication.instance() or QApplication([])
    ctx = AppContext(store, Autosaver(), None)  # type: ignore[arg-type]  # no data folder needed
    todo_view, team_view = TodoView(ctx), TeamOverview(ctx)
    todo_view.resize(1000, 700)
    team_view.resize(1000, 700)

    rounds = {name: [] for name in ("floor", "todo", "team", "todo page", "team page")}
    for _ in range(3):   # interleaved: the machine is shared
        rounds["floor"].append(median_ms(lambda: floor(store), args.runs))
        rounds["todo"].append(median_ms(lambda: store.follow_up_overview.todo(TODAY), args.runs))
        rounds["team"].append(median_ms(store.follow_up_overview.team, args.runs))
        rounds["todo page"].append(median_ms(lambda: (todo_view.reload(TODAY),
                                                      app.processEvents()), args.runs))
        rounds["team page"].append(median_ms(lambda: (team_view.reload(),
                                                      app.processEvents()), args.runs))
    ms = {k: statistics.median(v) for k, v in rounds.items()}
    print("Median of 3 interleaved rounds, each the median of "
          f"{args.runs} runs (ratio to the floor: SELECT * of the {len(READ_TABLES)} tables):")
    line("Att göra: query", ms["todo"], ms["floor"])
    line("Team overview: query", ms["team"], ms["floor"])
    line("Att göra: open the page", ms["todo page"], ms["floor"], "≤ 100 ms")
    line("Team overview: open the page", ms["team page"], ms["floor"], "≤ 100 ms")
    store.close()


if __name__ == "__main__":
    main()
