"""The e-mail draft's subject and message for an agreement sent to the huvudman
(the draft itself is written by email_draft.write_email_draft)."""

from __future__ import annotations

from ..domain.agreement_document import AgreementDocument
from ..domain.agreement_outline import document_name

FORMAT_NAMES = {"pdf": "PDF", "docx": "Word-dokument"}


def agreement_subject(doc: AgreementDocument) -> str:
    """'Överenskommelse (ÖK 2) – Stockholms kommun, dnr 7.4.2-2019:830'."""
    dnr = f", dnr {doc.dnr.strip()}" if doc.dnr.strip() else ""
    return f"{document_name(doc)} – {' '.join(doc.organiser.name.split())}{dnr}"


def agreement_body(doc: AgreementDocument, to_name: str, formats: tuple[str, ...],
                   with_plan: bool) -> str:
    """The message; `formats` names what is attached ("pdf", "docx")."""
    greeting = f"Hej {to_name.strip()}!" if to_name.strip() else "Hej!"
    amendment = doc.kind == "Tillägg"
    what = "Tillägget" if amendment else "Överenskommelsen"
    named = "tillägget" if amendment else f"överenskommelsen ({doc.kind})"
    files = " och som ".join(FORMAT_NAMES[f] for f in formats)
    plan = " Åtgärdsplanen är bilaga 1 i samma fil." if with_plan else ""
    lines = [
        greeting,
        "",
        f"Här kommer {named} mellan Skolverket och "
        f"{' '.join(doc.organiser.name.split())}. {what} finns som {files} i "
        f"{'bilagorna' if len(formats) > 1 else 'bilagan'}.{plan}",
    ]
    if doc.draft:
        signed = "undertecknat" if amendment else "undertecknad"
        lines += ["", f"{what} är ett utkast och är inte {signed} av båda parter ännu."]
    lines += ["", "Hör gärna av dig om något behöver förtydligas eller ändras.", "",
              "Med vänliga hälsningar"]
    return "\n".join(lines) + "\n"
