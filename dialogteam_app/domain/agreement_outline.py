"""What an agreement document consists of: which chapters, in which order, with
which numbers and titles, and the fixed sentences between them. One decision used
by the PDF (export/agreement_pdf) and the Word document (export/docx), so the two
can never disagree about the structure."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .agreement_document import AgreementDocument, DocArea, DocParty, DocTerms

PARTIES, BACKGROUND, DOCUMENTS, PERIOD, AREA, SCHEDULE, FINAL, MONEY = (
    "parties", "background", "documents", "period", "area", "schedule", "final", "money")
BREACH, EVALUATION, CHANGES, SIGNATURES, BILAGOR = (
    "breach", "evaluation", "changes", "signatures", "bilagor")

TITLES = {
    PARTIES: "Parter", BACKGROUND: "Bakgrund till Överenskommelsen",
    DOCUMENTS: "Överenskommelsens handlingar", PERIOD: "Överenskommelsens tidsperiod",
    SCHEDULE: "Tidplan och delredovisningar", FINAL: "Slutredovisning",
    MONEY: "Finansiering och utbetalningar", BREACH: "Brister och återkrav",
    EVALUATION: "Utvärdering", CHANGES: "Ändringar och tillägg", SIGNATURES: "Underskrifter",
    BILAGOR: "Bilagor",
}

PERIOD_MISSING = "Perioden är inte angiven."
PERIOD_AREAS = "Nedan framgår tidplanen för respektive utvecklingsområde."
NO_TERMS = "Överenskommelsen omfattar inga insatser."
NO_SCHEDULE = "Tidplan saknas."
NO_INTERIM = "Inga delredovisningar är bestämda för området."
NO_FINAL = "Ingen slutredovisning är bestämd."
NO_BILAGOR = "Inga bilagor."
PAYMENTS_INTRO = ("Den första utbetalningen görs efter rekvisition från Huvudmannen, därefter "
                  "betalas medlen ut kvartalsvis i förskott enligt planen.")
AMENDED_BY = "Överenskommelsen gäller med följande ändringar genom undertecknade tillägg:"
DRAFT_NOTE = "Utkast – överenskommelsen är inte undertecknad av båda parter."


@dataclass(frozen=True)
class Chapter:
    key: str
    number: str               # "" for Underskrifter and Bilagor
    title: str
    area: DocArea | None = None


def chapters(doc: AgreementDocument) -> list[Chapter]:
    """The chapters in the Stockholm ÖK 2's order, numbered as they come. An ÖK 2 has
    every chapter (an empty one shows what is missing); an ÖK 1 or a tillägg leaves out
    what it does not regulate."""
    full = doc.kind == "ÖK 2"
    keys = [PARTIES, BACKGROUND, DOCUMENTS]
    if full or doc.period_sentence:
        keys.append(PERIOD)
    keys += [AREA] * len(doc.areas)
    if full or doc.areas:
        keys.append(SCHEDULE)
    if full or doc.final_due:
        keys.append(FINAL)
    if doc.money is not None:
        keys.append(MONEY)
    if doc.kind != "Tillägg":
        keys += [BREACH, EVALUATION]
    keys.append(CHANGES)
    numbers, areas = itertools.count(1), iter(doc.areas)
    result = []
    for key in keys:
        if key == AREA:
            area = next(areas)
            result.append(Chapter(key, str(next(numbers)), area_title(area), area))
        else:
            result.append(Chapter(key, str(next(numbers)), TITLES[key]))
    return result + [Chapter(SIGNATURES, "", TITLES[SIGNATURES]),
                     Chapter(BILAGOR, "", TITLES[BILAGOR])]


def document_name(doc: AgreementDocument) -> str:
    """'Överenskommelse (ÖK 2)' or 'Tillägg': the PDF's part, the files' titles."""
    return "Tillägg" if doc.kind == "Tillägg" else f"Överenskommelse ({doc.kind})"


def area_title(area: DocArea) -> str:
    return f"Insatser inom {area.title}" if area.title else "Insatser"


def area_schedule_title(area: DocArea) -> str:
    return (f"Tidplan och delredovisningar av insatser som rör {area.title}" if area.title
            else "Tidplan och delredovisningar")


def terms_parts(number: str, t: DocTerms) -> list[tuple[str, str]]:
    """The numbered parts of one insats: '5.1.1 Beskrivning av insatsen' …"""
    parts = [(f"{number}.1", "Beskrivning av insatsen"), (f"{number}.2", "Ansvar för insatsen")]
    if t.funding:
        parts.append((f"{number}.3", "Finansiering av insatsen"))
    return parts


def money_parts(number: str, doc: AgreementDocument) -> list[tuple[str, str]]:
    """The money chapter's sections that have content, keeping their fixed numbers."""
    parts = [(f"{number}.1", "Finansiering enligt överenskommelsen")] if doc.funders else []
    if doc.money is not None:
        parts.append((f"{number}.2", "Utbetalningsplan"))
        if doc.money.rekvisition:
            parts.append((f"{number}.3", "Rekvisition"))
        parts.append((f"{number}.4", "Återbetalning"))
    return parts


def documents_intro(doc: AgreementDocument) -> str:
    name = "Tillägget" if doc.kind == "Tillägg" else f"Överenskommelsen ({doc.kind})"
    return f"Dokumenten som är kopplade till {name} gäller i den ordning som anges nedan."


def duties(party: str, items: list[str]) -> tuple[str, list[str]]:
    """One duty reads as a sentence, several as the agreement's list: (lead, items)."""
    if len(items) == 1:
        return f"{party} ansvarar för att {items[0].rstrip('.,')}.", []
    return f"{party} ansvarar för att", list(items)


def own_changes_lead(doc: AgreementDocument) -> str:
    return f"Tillägget ändrar {doc.amends} enligt följande:"


def reviewed_by(title: str) -> str:
    return f"Överenskommelsen har granskats av {title.lower() or 'granskare'}"


def party_lines(party: DocParty) -> list[str]:
    """A party's address block after its name: address lines, telefon, orgnr, dnr."""
    lines = [line for line in party.address.replace(", ", "\n").split("\n") if line.strip()]
    for label, value in (("Telefon", party.phone), ("Organisationsnummer", party.orgnr),
                         ("Dnr", party.dnr)):
        if value.strip():
            lines.append(f"{label}: {value}")
    return lines
