"""The agreement as a document: every reference resolved to text, every sentence
worded as Skolverket's agreements word it (the Stockholm ÖK 2 of 2020), ready for
the PDF. Built from the agreement as it stands after its signed tillägg."""

from __future__ import annotations

from dataclasses import dataclass, field

from .agreement import Agreement, Signatory
from .agreement_effective import EffectiveAgreement, change_sentence
from .agreement_kinds import AgreementKind, AgreementStatus, Party, SignatoryRole
from .agreement_money import funder_totals, repayment_reference
from .agreement_party import SkolverketParty
from .agreement_reports import ReportObligation
from .agreement_terms import InterventionTerms
from .agreement_texts import COPIES
from .fields import parse_date
from .money import format_kr

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")


def long_date(iso: str) -> str:
    """'2020-06-09' -> '9 juni 2020'; text that is no date is returned as it is."""
    d = parse_date(iso)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else iso


def period_text(start: str, end: str) -> str:
    return " – ".join(p for p in (start, end) if p)


@dataclass
class DocParty:
    name: str
    address: str = ""
    phone: str = ""
    orgnr: str = ""
    dnr: str = ""


@dataclass
class DocTerms:
    title: str
    description: str = ""
    period_sentence: str = ""
    organiser_duties: list[str] = field(default_factory=list)
    skolverket_duties: list[str] = field(default_factory=list)
    role_sentences: list[str] = field(default_factory=list)
    participants: list[str] = field(default_factory=list)   # "sju förstelärare (Norrskolan F-6)"
    funding: list[str] = field(default_factory=list)         # one sentence per funding line


@dataclass
class DocArea:
    title: str
    terms: list[DocTerms] = field(default_factory=list)
    schedule_sentence: str = ""
    interim_sentence: str = ""      # "Huvudmannen ska senast den … ge in … delredovisningar"
    interim_points: list[str] = field(default_factory=list)


@dataclass
class DocSignatory:
    party: str
    name: str
    title: str = ""
    place: str = ""
    date: str = ""


@dataclass
class DocMoney:
    granted_kr: int
    payments: list[tuple[str, int, bool]]        # date, kr, on rekvisition
    rekvisition: list[tuple[str, str]]           # label, value
    repayment_sentence: str
    reclaim_text: str


@dataclass
class AgreementDocument:
    kind: str                       # "ÖK 2"
    title: str
    dnr: str
    draft: bool                     # not yet signed by both parties
    signed_date: str
    skolverket: DocParty
    organiser: DocParty
    background: list[str]
    documents: list[str]
    period_sentence: str
    areas: list[DocArea]
    final_due: str = ""
    final_sentence: str = ""
    final_points: list[str] = field(default_factory=list)
    final_text: str = ""
    funders: list[tuple[str, str]] = field(default_factory=list)   # funder, what it gives
    money: DocMoney | None = None
    breach_text: str = ""
    evaluation_text: str = ""
    changes_text: str = ""
    copies_text: str = COPIES
    amendments: list[str] = field(default_factory=list)   # the signed tillägg's changes
    own_changes: list[str] = field(default_factory=list)  # a tillägg's: what it changes
    amends: str = ""                                      # a tillägg's: the agreement's name
    signatories: list[DocSignatory] = field(default_factory=list)
    reviewers: list[DocSignatory] = field(default_factory=list)
    bilagor: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AgreementContext:
    """What the document needs from outside the agreement."""
    skolverket: SkolverketParty
    organiser: DocParty
    unit_names: dict[str, str]
    ok1: Agreement | None = None        # the engagement's ÖK 1, for the bakgrund of an ÖK 2
    plan_submitted: str = ""            # when the huvudman handed in the åtgärdsplan
    plan_title: str = ""                # Bilaga 1, when a plan version is attached
    amended: Agreement | None = None    # for a tillägg: the agreement it changes


def _title(a: Agreement, organiser: str) -> str:
    if a.kind is AgreementKind.OK1:
        what = "avseende nulägesanalys och åtgärdsplan"
    else:
        what = "avseende insatser"
    lead = "Tillägg till överenskommelse" if a.kind is AgreementKind.AMENDMENT else \
        f"Överenskommelse ({a.kind.label})"
    return (f"{lead} om samverkan mellan Skolverket och {organiser} {what} inom ramen för "
            "uppdraget om samverkan för bästa skola")


def _background(a: Agreement, ctx: AgreementContext) -> list[str]:
    paragraphs = [p.strip() for p in a.background.split("\n\n") if p.strip()]
    if a.decision_date:
        dnr = f" (dnr {a.decision_dnr})" if a.decision_dnr else ""
        what = a.decision_text.strip().rstrip(".")
        decided = (f"Skolverket har i beslut den {long_date(a.decision_date)}{dnr} beslutat "
                   f"{what}." if what else
                   f"Skolverket fattade beslut den {long_date(a.decision_date)}{dnr}.")
        if paragraphs:
            paragraphs[0] += " " + decided
        else:
            paragraphs.append(decided)
    ok1 = ctx.ok1
    if a.kind is AgreementKind.OK2 and ok1 is not None and ok1.decision_date:
        text = (f"Den {long_date(ok1.decision_date)} beslutade Skolverket "
                f"{ok1.decision_text.strip().rstrip('.')}.")
        if ok1.signed_date:
            text += (f" I Överenskommelse (ÖK 1) den {long_date(ok1.signed_date)} har samverkan "
                     "reglerats avseende nulägesanalys och åtgärdsplan.")
        paragraphs.append(text)
    if a.kind is AgreementKind.OK2 and ctx.plan_submitted:
        paragraphs.append(
            f"Huvudmannen har den {long_date(ctx.plan_submitted)} redovisat en åtgärdsplan för "
            "Skolverket och preciserat de insatser som enligt Huvudmannen behöver genomföras för "
            "att höja kunskapsresultaten och öka likvärdigheten, se bilaga 1.")
    return paragraphs


def _period_sentence(a: Agreement) -> str:
    if not (a.period_start or a.period_end):
        return ""
    period = f"{long_date(a.period_start)} – {long_date(a.period_end)}"
    if a.decision_date and a.kind is AgreementKind.OK2:
        return (f"Av Skolverkets beslut den {long_date(a.decision_date)} framgår att insatserna "
                f"ska genomföras under perioden {period}. Överenskommelsen ({a.kind.label}) "
                "gäller för samma period.")
    return f"Överenskommelsen gäller under perioden {period}."


def _terms(t: InterventionTerms, units: dict[str, str]) -> DocTerms:
    period = period_text(t.start, t.end)
    sentence = ""
    if t.scope and period:
        sentence = f"Insatsen omfattar {t.scope} och pågår under perioden {period}."
    elif t.scope:
        sentence = f"Insatsen omfattar {t.scope}."
    elif period:
        sentence = f"Insatsen pågår under perioden {period}."
    participants = [p.phrase + (f" ({units[p.school_unit_id]})"
                                if p.school_unit_id in units else "")
                    for p in t.participants]
    return DocTerms(title=t.title, description=t.description, period_sentence=sentence,
                    organiser_duties=list(t.organiser_duties),
                    skolverket_duties=list(t.skolverket_duties),
                    role_sentences=[d.sentence for d in t.role_duties],
                    participants=participants, funding=[f.sentence for f in t.funding])


def _dates_sentence(dates: list[str]) -> str:
    longs = [f"den {long_date(d)}" for d in dates]
    return longs[0] if len(longs) == 1 else ", ".join(longs[:-1]) + " och " + longs[-1]


def _areas(a: Agreement, units: dict[str, str]) -> list[DocArea]:
    areas: dict[str, list[InterventionTerms]] = {}
    for t in sorted(a.terms, key=lambda t: t.position):
        areas.setdefault(t.area_title.strip(), []).append(t)
    interim = [r for r in a.reports if r.kind.value == "delredovisning"]
    result = []
    for title, terms in areas.items():
        ids = {t.id for t in terms}
        reports = sorted((r for r in interim if not r.terms_ids or ids & set(r.terms_ids)),
                         key=lambda r: r.due_date)
        starts = sorted(t.start for t in terms if t.start)
        ends = sorted(t.end for t in terms if t.end)
        area = DocArea(title=_in_sentence(title), terms=[_terms(t, units) for t in terms])
        if starts and ends:
            area.schedule_sentence = (f"Insatserna ska genomföras under perioden "
                                      f"{starts[0]} – {ends[-1]}.")
        if reports:
            plural = "skriftliga delredovisningar" if len(reports) > 1 else \
                "en skriftlig delredovisning"
            dates = _dates_sentence([r.due_date for r in reports])
            area.interim_sentence = (f"Huvudmannen ska senast {dates} ge in {plural} till Skolverket. "
                                     f"{'Dessa' if len(reports) > 1 else 'Den'} ska innehålla:")
            area.interim_points = _points(reports)
        result.append(area)
    return result


def _in_sentence(title: str) -> str:
    """'Trygghet och studiero' inside a sentence: 'trygghet och studiero' (not 'IT')."""
    if len(title) > 1 and title[0].isupper() and title[1].islower():
        return title[0].lower() + title[1:]
    return title


def _points(reports: list[ReportObligation]) -> list[str]:
    return list(dict.fromkeys(p for r in reports for p in r.content_points))


def _money(a: Agreement, ctx: AgreementContext, granted: int) -> DocMoney | None:
    if not granted and not a.payments:
        return None
    r = a.rekvisition
    rekvisition = [("Organisationsnummer", r.orgnr), ("Belopp", format_kr(r.amount_kr)
                                                      if r.amount_kr is not None else ""),
                   (r.account_kind.label, r.account), ("Referens", r.reference)]
    reference = repayment_reference(a.decision_dnr or a.dnr, a.repayment.unit_number)
    bankgiro = ctx.skolverket.repayment_bankgiro
    repayment = (f"Medel som inte har använts ska betalas tillbaka till Skolverket senast "
                 f"{a.repayment.days} dagar efter att slutredovisningen lämnats"
                 + (f", till bankgiro {bankgiro}" if bankgiro else "")
                 + (f" med referens {reference}" if reference else "") + ".")
    return DocMoney(
        granted_kr=granted,
        payments=[(p.due_date, p.amount_kr, p.on_requisition) for p in a.payments],
        rekvisition=[(label, value) for label, value in rekvisition if value],
        repayment_sentence=repayment, reclaim_text=a.reclaim_text)


def _funders(a: Agreement) -> list[tuple[str, str]]:
    """Who gives what, stated as far as the agreement states it (never a share)."""
    totals = funder_totals(a.terms)
    rows: list[tuple[str, str]] = []
    skolverket = []
    if totals.granted_kr:
        years = [f"{y}: {format_kr(kr)}" for y, kr in totals.granted_by_year.items() if y]
        skolverket.append(f"{format_kr(totals.granted_kr)} till Huvudmannen"
                          + (f" ({', '.join(years)})" if len(years) > 1 else ""))
    if totals.procured_from:
        skolverket.append("insatser som upphandlas från " + ", ".join(totals.procured_from))
    if skolverket:
        rows.append(("Skolverket", "; ".join(skolverket)))
    own = []
    if totals.own_kr:
        own.append(format_kr(totals.own_kr))
    if "Huvudmannen" in totals.unquantified:
        own.append("övriga kostnader (belopp anges inte)")
    if own:
        rows.append(("Huvudmannen", " och ".join(own)))
    for name, kr in totals.other_kr.items():
        rows.append((name, format_kr(kr)))
    rows += [(name, "bidrar (belopp anges inte)") for name in totals.unquantified
             if name not in ("Huvudmannen", "Skolverket (upphandlad insats)")
             and name not in totals.other_kr]
    return rows


def agreement_document(effective: EffectiveAgreement, ctx: AgreementContext) -> AgreementDocument:
    a = effective.agreement
    final = next((r for r in sorted(a.reports, key=lambda r: r.due_date)
                  if r.kind.value == "slutredovisning"), None)
    people = sorted(a.signatories, key=lambda s: (s.party is not Party.SKOLVERKET, s.position))

    def signatory(s: Signatory) -> DocSignatory:
        return DocSignatory(party=s.party.label, name=s.name, title=s.title, place=s.place,
                            date=s.date)

    doc = AgreementDocument(
        kind=a.kind.label, title=_title(a, ctx.organiser.name), dnr=a.dnr,
        draft=a.status is not AgreementStatus.SIGNED, signed_date=a.signed_date,
        skolverket=DocParty(ctx.skolverket.name, ctx.skolverket.address, ctx.skolverket.phone,
                            ctx.skolverket.orgnr, a.dnr),
        organiser=ctx.organiser, background=_background(a, ctx), documents=list(a.documents),
        period_sentence=_period_sentence(a), areas=_areas(a, ctx.unit_names),
        funders=_funders(a), breach_text=a.breach_text, evaluation_text=a.evaluation_text,
        changes_text=a.changes_text,
        amendments=[f"{c.amendment}: {c.change.target.label.lower()} ändras till "
                    f"{_shown(c.new_value, c.change.target.value_kind)}"
                    + (f" ({c.change.note.strip()})" if c.change.note.strip() else "")
                    for c in effective.applied],
        own_changes=[change_sentence(c, ctx.amended)
                     for c in sorted(a.changes, key=lambda c: c.position)],
        amends=ctx.amended.name if ctx.amended else "",
        signatories=[signatory(s) for s in people if s.role is SignatoryRole.SIGNS],
        reviewers=[signatory(s) for s in people if s.role is SignatoryRole.REVIEWS],
        bilagor=[f"Bilaga 1 {ctx.plan_title}"] if ctx.plan_title else [])
    doc.money = _money(a, ctx, funder_totals(a.terms).granted_kr)
    if final is not None:
        doc.final_due = final.due_date
        doc.final_sentence = (
            "Resultatet av samverkan ska redovisas till Skolverket i en slutredovisning. "
            f"Slutrapporten ska vara Skolverket tillhanda senast den {long_date(final.due_date)}. "
            "I slutredovisningen ska Huvudmannen redovisa följande:")
        doc.final_points = list(final.content_points)
        doc.final_text = final.text
    return doc


def _shown(value: object, kind: str) -> str:
    if kind == "amount" and isinstance(value, int):
        return format_kr(value)
    return str(value)

