"""A delredovisning or slutredovisning as a PDF, from the plan PDF's own primitives
(fonts, styles, headings with contents and bookmarks, tagged tables, the document
template and render_document), so it reads like the plan and is tagged PDF/UA as it is.

Chapters follow the agreement's required content: what was done, who was reached,
results and effects against goals and key figures, (final) the huvudman's long-term
ownership, and the economic report whose columns add up: used + unspent = granted."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table

from ...domain.money import format_kr
from ...domain.report_document import DocInsats, ReportDocument
from ..pdf.cover import contents_page, cover, facts_table
from ..pdf.document import DocumentInfo
from ..pdf.fonts import register_fonts
from ..pdf.headings import HeadingMaker, subheading
from ..pdf.layout import Spacer
from ..pdf.paragraph import Paragraph
from ..pdf.render import render_document
from ..pdf.structure import TableTags
from ..pdf.styles import (
    ACCENT,
    CELL,
    CELL_BOLD,
    CELL_HEAD,
    CELL_HEAD_NUM,
    CONTENT_WIDTH,
    FIELD,
    INK,
    RULE,
    TINT,
    TableCommand,
    table_style,
)
from ..pdf.text import DASH, bullets, labelled, markup, one_line, paragraphs

_NUM = CELL.clone("cellNum", alignment=2)
_NUM_BOLD = CELL_BOLD.clone("cellNumBold", alignment=2)


def _table(rows: list[list[Flowable]], widths: list[float], total_row: bool = False) -> Table:
    commands: list[TableCommand] = [("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
                                    ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE)]
    if total_row:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 0.8, INK),
                     ("BACKGROUND", (0, -1), (-1, -1), TINT)]
    return Table(rows, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT",
                 renderCB=TableTags(), style=table_style(*commands))


def _p(text: str, style: object = CELL) -> Paragraph:
    return Paragraph(markup(text) or DASH, style)


def _cover(doc: ReportDocument) -> list[Flowable]:
    facts = [("Huvudman", doc.organiser_name), ("Samverkan", doc.engagement_title),
             ("Överenskommelse", doc.agreement_name), ("Diarienummer", doc.dnr),
             ("Period som redovisas", f"{doc.period_start} – {doc.period_end}"),
             ("Sista dag", doc.due_date), ("Status", doc.status),
             ("Ansvarig processtödjare", doc.author)]
    return cover(
        kicker=markup(doc.engagement_title), title=markup(doc.title),
        organiser=markup(doc.organiser_name), subtitle=markup(doc.date),
        facts=facts_table([(label, markup(value) or DASH) for label, value in facts]),
        top=36 * mm, gap=30 * mm,
        after=[Spacer(1, 8 * mm), Paragraph("Innehåll enligt överenskommelsen", CELL_HEAD),
               *bullets([markup(p) for p in doc.content_points])])


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
    story += subheading("Nyckeltal mot nulägesanalysen", level=2)
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
    used = "Använt" if doc.is_final else "Använt hittills"
    rows = [[_p("Insats", CELL_HEAD), _p("Beviljat", CELL_HEAD_NUM),
             _p(used, CELL_HEAD_NUM), _p("Ej använt", CELL_HEAD_NUM)]]
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
    story += [*subheading("Använda medel per kostnadsslag", level=2),
              _table(kinds, [CONTENT_WIDTH - amount, amount], total_row=True),
              *subheading("Utbetalt och återbetalning", level=2),
              *labelled("Utbetalt av Skolverket", format_kr(doc.paid_kr), FIELD)]
    if doc.is_final:
        story += labelled("Att återbetala (utbetalt − använt)", format_kr(doc.to_repay_kr),
                          FIELD)
    return story


def report_chapters(doc: ReportDocument, h: HeadingMaker) -> list[Flowable]:
    chapters = [_done, _reached, _results, *([_ownership] if doc.is_final else []), _economy]
    story: list[Flowable] = []
    for n, chapter in enumerate(chapters, 1):
        story += [*([PageBreak()] if n > 1 else []), *chapter(str(n), doc, h)]
    return story


def report_info(doc: ReportDocument) -> DocumentInfo:
    dnr = one_line(doc.dnr)
    return DocumentInfo(
        title=f"{doc.title} – {one_line(doc.organiser_name)}",
        author=one_line(doc.author) or one_line(doc.organiser_name) or "Dialogteam",
        subject=f"{doc.title} för {one_line(doc.organiser_name)}, "
                f"{one_line(doc.engagement_title)}",
        keywords=(doc.title.lower(), one_line(doc.organiser_name)),
        header_right=f"{doc.title} · {doc.date}",
        footer_left=f"Dnr {dnr}" if dnr else one_line(doc.engagement_title))


def render_report_pdf(doc: ReportDocument, path: Path,
                      progress: Callable[[int, int], None] | None = None) -> int:
    """Write the report to `path` (atomically, tagged) and return its page count."""
    register_fonts()  # before any paragraph: they look up their fonts when made
    headings = HeadingMaker()
    chapters = report_chapters(doc, headings)   # first: the contents list their headings
    story = [*_cover(doc), *contents_page(headings), *chapters]
    return render_document(story, report_info(doc), Path(path), progress)
