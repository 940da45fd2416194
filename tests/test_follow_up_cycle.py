"""The sample samverkan through a whole genomförande: signed ÖK 2, statuses, money,
two delredovisningar and a slutredovisning, each frozen when handed in; the
slutredovisning PDF read back."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import date

import pytest
from helpers.follow_up_world import GRANT_PER_YEAR, YEARS, Clock, signed_ok2
from pypdf import PdfReader

from dialogteam_app.domain.agreement_texts import FINAL_REPORT_POINTS
from dialogteam_app.domain.follow_up import (
    CostKind,
    InterventionStatus,
    Judgement,
    LogEntry,
    PaymentReceipt,
    Reached,
    Spending,
    StatusEntry,
)
from dialogteam_app.domain.follow_up_reports import ReportStatus, ReportWork
from dialogteam_app.domain.report_document import ReportDocument
from dialogteam_app.export.follow_up.report_pdf import render_report_pdf


def _year_of_work(store, engagement_id, year: int, used_share: float, status) -> None:
    snap = store.follow_up.snapshot(engagement_id)
    for n, insats in enumerate(snap.insatser):
        tid = insats.terms.id
        store.follow_up.save_status(StatusEntry(tid, status, f"{year}-03-0{n + 1}"))
        store.follow_up.save_log(LogEntry(tid, f"{year}-05-10", f"Arbete {year} i {insats.terms.title}"))
        store.follow_up.save_reached(Reached(tid, year, "lärare", 10 + n))
        half = int(GRANT_PER_YEAR * used_share) // 2
        store.follow_up.save_spending(Spending(tid, year, half, CostKind.STAFF))
        store.follow_up.save_spending(Spending(tid, year, half, CostKind.TRAINING))


def _submit(store, engagement_id, report_id, day: str, **texts) -> ReportWork:
    work = ReportWork(report_id, ReportStatus.SUBMITTED, submitted_date=day, **texts)
    return store.follow_up.save_report_work(engagement_id, work)


def test_full_cycle_from_ok2_to_slutredovisning(store, tmp_path):
    clock = Clock(date(2027, 2, 1))
    engagement_id, _ = signed_ok2(store, clock)
    reports = store.follow_up.reports_in_order(engagement_id)
    assert [r.kind.value for r in reports] == ["delredovisning", "delredovisning",
                                               "slutredovisning"]

    # Year 1: work begins, money is paid out and used; delredovisning 1 handed in.
    clock.day = date(2027, 12, 20)
    _year_of_work(store, engagement_id, 2027, 0.8, InterventionStatus.ONGOING)
    snap = store.follow_up.snapshot(engagement_id)
    for p in snap.agreement.payments:
        if p.due_date <= "2027-12-20":
            store.follow_up.save_receipt(PaymentReceipt(p.id, p.due_date, p.amount_kr))
    first = _submit(store, engagement_id, reports[0].id, "2027-12-14",
                    summary="Första året: insatserna har kommit igång.")
    frozen_first = ReportDocument.from_json(first.frozen_json)
    assert frozen_first.title == "Delredovisning 1"
    assert all(len(i.done) == 1 for i in frozen_first.insatser)

    # Year 2, delredovisning 2; the first stays as it was handed in.
    clock.day = date(2028, 12, 20)
    _year_of_work(store, engagement_id, 2028, 1.0, InterventionStatus.ONGOING)
    _submit(store, engagement_id, reports[1].id, "2028-12-10")
    assert store.follow_up.report_document(engagement_id, reports[0].id) == frozen_first
    reviewed = replace(store.follow_up.work(store.follow_up.snapshot(engagement_id),
                                            reports[0].id),
                       status=ReportStatus.REVIEWED, reviewed_date="2028-02-01",
                       decision_comment="Godkänd.")
    store.follow_up.save_report_work(engagement_id, reviewed)

    # Year 3: every insats done, goals judged, the rest paid; slutredovisning.
    clock.day = date(2029, 9, 20)
    _year_of_work(store, engagement_id, 2029, 0.5, InterventionStatus.DONE)
    snap = store.follow_up.snapshot(engagement_id)
    for insats in snap.insatser:
        for g in insats.goals:
            store.follow_up.save_goal(replace(g, judgement=Judgement.PARTLY,
                                              evidence="Lektionsbesök", judged_date="2029-06-01"))
    for p in snap.agreement.payments:
        if p.id not in snap.receipts:
            store.follow_up.save_receipt(PaymentReceipt(p.id, p.due_date, p.amount_kr))
    final = _submit(store, engagement_id, reports[2].id, "2029-09-15",
                    summary="Alla insatser är genomförda.",
                    results_text="Resultaten i matematik har förbättrats.",
                    ownership_text="Förvaltningen tar över handledarrollen och budgeten 2030.")
    doc = ReportDocument.from_json(final.frozen_json)
    assert doc.is_final and doc.period_start == "2027-02-01"
    snap = store.follow_up.snapshot(engagement_id)
    assert {i.status for i in snap.insatser} == {InterventionStatus.DONE}

    granted = GRANT_PER_YEAR * len(YEARS)
    for i in doc.insatser:
        assert i.granted_kr == granted
        assert i.used_kr + i.unspent_kr == i.granted_kr
        assert i.used_kr == int(GRANT_PER_YEAR * 0.8) + GRANT_PER_YEAR + GRANT_PER_YEAR // 2
    assert doc.used_kr + doc.unspent_kr == doc.granted_kr == granted * len(doc.insatser)
    assert sum(doc.used_by_cost_kind.values()) == doc.used_kr
    assert doc.paid_kr == doc.granted_kr
    assert doc.to_repay_kr == doc.paid_kr - doc.used_kr > 0

    pdf = tmp_path / "slutredovisning.pdf"
    pages = render_report_pdf(doc, pdf)
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    flat = re.sub(r"\s+", " ", text)
    # The four required content points: listed on the cover, each answered by a chapter.
    for point in FINAL_REPORT_POINTS:
        assert re.sub(r"\s+", " ", point)[:60] in flat
    for chapter in ("Genomförda insatser", "Vilka som berörts av insatserna",
                    "Resultat och effekter", "Huvudmannens långsiktiga ägarskap",
                    "Ekonomisk redovisning"):
        assert chapter in flat
    assert "Förvaltningen tar över handledarrollen" in flat
    for i in doc.insatser:
        assert i.title[:40] in flat
    # The economic table: each insats row and the sum row add up as printed.
    kr = r"(−?\d{1,3}(?: \d{3})*) kr"
    sums = re.search(rf"Summa {kr} {kr} {kr}", flat.replace("\u00a0", " "))
    assert sums is not None
    g, u, x = (int(v.replace(" ", "").replace("−", "-")) for v in sums.groups())
    assert (g, u, x) == (doc.granted_kr, doc.used_kr, doc.unspent_kr) and u + x == g
    assert pages == len(PdfReader(pdf).pages) >= 6


def test_report_pdf_pages_render_to_png(store, tmp_path):
    """The PNGs looked at: every page renders (pdftoppm) and is not blank."""
    pytest.importorskip("PIL")
    from PIL import Image
    clock = Clock(date(2027, 12, 20))
    engagement_id, _ = signed_ok2(store, clock)
    _year_of_work(store, engagement_id, 2027, 0.5, InterventionStatus.ONGOING)
    report = store.follow_up.reports_in_order(engagement_id)[0]
    pdf = tmp_path / "del1.pdf"
    render_report_pdf(store.follow_up.report_document(engagement_id, report.id), pdf)
    try:
        subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "p")],
                       check=True, capture_output=True)
    except FileNotFoundError:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pngs = sorted(tmp_path.glob("p-*.png"))
    assert len(pngs) == len(PdfReader(pdf).pages)
    for png in pngs:
        lo, hi = Image.open(png).convert("L").getextrema()
        assert lo < 128 < hi   # ink on paper


def test_report_pdfs_are_tagged_like_the_plan(store, tmp_path):
    """Both kinds of report pass the open pdfua checker: no untagged text, headings
    without skipped levels."""
    import pikepdf
    from helpers.pdf_structure import structure, untagged_text_operators
    from pdfua import validate
    clock = Clock(date(2029, 9, 20))
    engagement_id, _ = signed_ok2(store, clock)
    _year_of_work(store, engagement_id, 2027, 0.5, InterventionStatus.ONGOING)
    for n, report in enumerate(store.follow_up.reports_in_order(engagement_id)[1:]):
        pdf = tmp_path / f"r{n}.pdf"
        render_report_pdf(store.follow_up.report_document(engagement_id, report.id), pdf)
        assert [f"{f.rule_id} {f.message}" for f in validate(str(pdf)).findings] == []
        with pikepdf.open(pdf) as opened:
            assert untagged_text_operators(opened) == 0
            levels = [int(e.role[1]) for e in structure(opened).walk()
                      if re.fullmatch(r"H\d", e.role)]
        assert levels[0] == 1
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
