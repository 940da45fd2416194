"""A delredovisning or slutredovisning as a PDF, from the plan PDF's own primitives
(fonts, styles, headings with TOC and bookmarks, tables, page template), so it reads
like the plan and is tagged wherever they are.

Chapters follow the agreement's required content: what was done, who was reached,
results and effects against goals and key figures, (final) the huvudman's long-term
ownership, and the economic report whose columns add up: used + unspent = granted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from ...domain.money import format_kr
from ...domain.plan_document import PlanDocument
from ...domain.report_document import DocInsats, ReportDocument
from ..atomic import atomic_path
from ..pdf.cover import contents_page
from ..pdf.document import BODY as BODY_PAGES
from ..pdf.document import RUNNING_SIZE, PageCount, PlanDocTemplate, make_toc
from ..pdf.fonts import REGULAR, register_fonts
from ..pdf.headings import HeadingMaker, subheading
from ..pdf.styles import (
    ACCENT,
    CELL,
    CELL_BOLD,
    CELL_HEAD,
    CELL_HEAD_NUM,
    CONTENT_WIDTH,
    COVER_KICKER,
    COVER_ORGANISER,
    COVER_SUBTITLE,
    COVER_TITLE,
    FIELD,
    INK,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TINT,
    TableCommand,
    table_style,
)
from ..pdf.text import DASH, bullets, fit_line, labelled, markup, paragraphs

MAX_PASSES = 6
_NUM = CELL.clone("cellNum", alignment=2)
_NUM_BOLD = CELL_BOLD.clone("cellNumBold", alignment=2)


class ReportDocTemplate(PlanDocTemplate):
    """The plan's page template with the report's running header."""

    def __init__(self, filename: str, doc: ReportDocument, page_count: PageCount,
                 progress: Callable[[int, int], None] | None = None) -> None:
        header = PlanDocument(organiser_name=doc.organiser_name,
                              engagement_title=doc.engagement_title, dnr=doc.dnr,
                              date=doc.date, author=doc.author)
        super().__init__(filename, header, page_count, progress)
        self.report = doc
        self.title = f"{doc.title} – {doc.organiser_name}"
        self.subject = f"{doc.title} för {doc.organiser_name}, {doc.engagement_title}"
        self.keywords = [doc.title.lower(), doc.organiser_name]

    def _draw_header_and_footer(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        right = f"{self.report.title} · {self.report.date}"
        room = CONTENT_WIDTH - stringWidth(right, REGULAR, RUNNING_SIZE) - 8 * mm
        y = PAGE_HEIGHT - 15 * mm
        canv.saveState()
        canv.setFont(REGULAR, RUNNING_SIZE)
        canv.setFillColor(MUTED)
        canv.drawString(MARGIN_LEFT, y, fit_line(self.title, REGULAR, RUNNING_SIZE, room))
        canv.drawRightString(PAGE_WIDTH - MARGIN_RIGHT, y, right)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_LEFT, y - 2.5 * mm, PAGE_WIDTH - MARGIN_RIGHT, y - 2.5 * mm)
        canv.restoreState()
        self._draw_footer(canv, doc)


def _table(rows: list[list[Flowable]], widths: list[float], total_row: bool = False) -> Table:
    commands: list[TableCommand] = [("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                                    ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE)]
    if total_row:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
                     ("BACKGROUND", (0, -1), (-1, -1), TINT)]
    return Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT",
                 style=table_style(*commands))


def _p(text: str, style: object = CELL) -> Paragraph:
    return Paragraph(markup(text) or DASH, style)


def _cover(doc: ReportDocument) -> list[Flowable]:
    facts = [("Huvudman", doc.organiser_name), ("Samverkan", doc.engagement_title),
             ("Överenskommelse", doc.agreement_name), ("Diarienummer", doc.dnr),
             ("Period som redovisas", f"{doc.period_start} – {doc.period_end}"),
             ("Sista dag", doc.due_date), ("Status", doc.status),
             ("Ansvarig processtödjare", doc.author)]
    rows = [[Paragraph(label, CELL_HEAD), Paragraph(markup(value) or DASH, FIELD)]
            for label, value in facts]
    table = Table(rows, colWidths=[44 * mm, CONTENT_WIDTH - 44 * mm], hAlign="LEFT",
                  style=table_style(("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
                                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                                    ("LEFTPADDING", (0, 0), (0, -1), 0)))
    return [Spacer(1, 36 * mm), Paragraph(markup(doc.engagement_title), COVER_KICKER),
            Paragraph(markup(doc.title), COVER_TITLE),
            Paragraph(markup(doc.organiser_name), COVER_ORGANISER),
            Paragraph(markup(doc.date), COVER_SUBTITLE), Spacer(1, 6 * mm),
            HRFlowable(width=32 * mm, thickness=2.5, color=ACCENT, hAlign="LEFT"),
            Spacer(1, 30 * mm), table, Spacer(1, 8 * mm),
            Paragraph("Innehåll enligt överenskommelsen", CELL_HEAD),
            *bullets([markup(p) for p in doc.content_points]),
            NextPageTemplate(BODY_PAGES), PageBreak()]


def _done(number: str, doc: ReportDocument, h: HeadingMaker) -> list[Flowable]:
    title = "Genomförda insatser" if doc.is_final else "Genomfört under perioden"
    story = [*h.chapter(number, title), *paragraphs(doc.summary)]
    for n, i in enumerate(doc.insatser, 1):
        story += [*h.section(f"{number}.{n}", i.title),
                  *labelled("Utvecklingsområde", i.area, FIELD),
                  *labelled("Status", f"{i.status}" + (f" sedan {i.status_date}"
                                                      if i.status_date else ""), FIELD),
                  *subheading("Genomfört"),
                  *(bullets([markup(d) for d in i.done]) if i.done
                    else paragraphs("", empty="Inget har förts in i loggen för perioden."))]
    return story


def _reached(number: str, doc: ReportDocument, h: HeadingMaker) -> list[Flowable]:
    rows = [[_p("Insats", CELL_HEAD), _p("Deltagare som nåtts", CELL_HEAD)]]
    rows += [[_p(i.title), _p("; ".join(i.reached))] for i in doc.insatser]
    return [*h.chapter(number, "Vilka som berörts av insatserna"),
            _table(rows, [60 * mm, CONTENT_WIDTH - 60 * mm])]


def _goals_table(i: DocInsats) -> list[Flowable]:
    if not i.goals:
        return paragraphs("", empty="Inga mål är uppföljda för insatsen.")
    rows = [[_p("Mål", CELL_HEAD), _p("Bedömning", CELL_HEAD), _p("Belägg", CELL_HEAD)]]
    rows += [[_p(f"{g.horizon}: {g.goal}"), _p(g.judgement), _p(g.evidence)] for g in i.goals]
    return [_table(rows, [70 * mm, 30 * mm, CONTENT_WIDTH - 100 * mm])]


def _results(number: str, doc: ReportDocument, h: HeadingMaker) -> list[Flowable]:
    title = "Resultat och effekter" if doc.is_final else "Resultat hittills"
    story = [*h.chapter(number, title), *paragraphs(doc.results_text)]
    for n, i in enumerate(doc.insatser, 1):
        story += [*h.section(f"{number}.{n}", f"Mål: {i.title}"), *_goals_table(i)]
    story += subheading("Nyckeltal mot nulägesanalysen")
    if not doc.trends:
        return story + paragraphs("", empty="Inga nyckeltal har följts upp ännu.")
    rows = [[_p("Nyckeltal", CELL_HEAD), _p("År", CELL_HEAD), _p("Värde", CELL_HEAD_NUM),
             _p("Riket", CELL_HEAD_NUM)]]
    for t in doc.trends:
        for k, (year, value, national, tag) in enumerate(t.points):
            rows.append([_p(t.label) if k == 0 else Paragraph("", CELL),
                         _p(year + (" (baslinje)" if tag else "")), _p(value, _NUM),
                         _p(national, _NUM)])
    return story + [_table(rows, [CONTENT_WIDTH - 95 * mm, 35 * mm, 30 * mm, 30 * mm])]


def _ownership(number: str, doc: ReportDocument, h: HeadingMaker) -> list[Flowable]:
    return [*h.chapter(number, "Huvudmannens långsiktiga ägarskap"),
            *paragraphs(doc.ownership_text,
                        empty="– (Huvudmannen har inte beskrivit hur arbetet drivs vidare.)")]


def _economy(number: str, doc: ReportDocument, h: HeadingMaker) -> list[Flowable]:
    amount = 28 * mm
    rows = [[_p("Insats", CELL_HEAD), _p("Beviljat", CELL_HEAD_NUM),
             _p("Använt", CELL_HEAD_NUM), _p("Ej använt", CELL_HEAD_NUM)]]
    for i in doc.insatser:
        unspent = format_kr(i.unspent_kr) + (" ⚠" if i.unspent_kr < 0 else "")
        rows.append([_p(i.title), _p(format_kr(i.granted_kr), _NUM),
                     _p(format_kr(i.used_kr), _NUM), _p(unspent, _NUM)])
    rows.append([_p("Summa", CELL_BOLD), _p(format_kr(doc.granted_kr), _NUM_BOLD),
                 _p(format_kr(doc.used_kr), _NUM_BOLD), _p(format_kr(doc.unspent_kr), _NUM_BOLD)])
    kinds = [[_p("Kostnadsslag", CELL_HEAD), _p("Använt", CELL_HEAD_NUM)]]
    kinds += [[_p(k), _p(format_kr(v), _NUM)] for k, v in doc.used_by_cost_kind.items()]
    kinds.append([_p("Summa", CELL_BOLD), _p(format_kr(doc.used_kr), _NUM_BOLD)])
    story = [*h.chapter(number, "Ekonomisk redovisning"),
             _table(rows, [CONTENT_WIDTH - 3 * amount, amount, amount, amount], total_row=True),
             Spacer(1, 3 * mm)]
    if any(i.unspent_kr < 0 for i in doc.insatser):
        story += paragraphs("⚠ Mer har använts än vad som beviljats för insatsen.")
    story += [*subheading("Använda medel per kostnadsslag"),
              _table(kinds, [CONTENT_WIDTH - amount, amount], total_row=True),
              *subheading("Utbetalt och återbetalning"),
              *labelled("Utbetalt av Skolverket", format_kr(doc.paid_kr), FIELD)]
    if doc.is_final:
        story += labelled("Att återbetala (utbetalt − använt)", format_kr(doc.to_repay_kr),
                          FIELD)
    return story


def report_story(doc: ReportDocument, h: HeadingMaker) -> list[Flowable]:
    chapters = [_done, _reached, _results, *([_ownership] if doc.is_final else []), _economy]
    story: list[Flowable] = []
    for n, chapter in enumerate(chapters, 1):
        story += [*([PageBreak()] if n > 1 else []), *chapter(str(n), doc, h)]
    return story


def render_report_pdf(doc: ReportDocument, path: Path,
                      progress: Callable[[int, int], None] | None = None) -> int:
    register_fonts()
    headings = HeadingMaker()
    toc = make_toc()
    page_count = PageCount()
    story: list[Flowable] = [page_count, *_cover(doc), *contents_page(toc, headings),
                             *report_story(doc, headings)]
    toc.addEntries(headings.toc_seed)
    with atomic_path(Path(path)) as tmp:
        template = ReportDocTemplate(str(tmp), doc, page_count, progress)
        template.multiBuild(story, maxPasses=MAX_PASSES)
    template.report_done()
    pages: int = template.page
    return pages



