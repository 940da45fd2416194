"""Picking one agreement of an engagement by what a person calls it: 'ÖK 2', 'ok1',
'tillägg', a dnr or the beginning of its id (the command line, and messages)."""

from __future__ import annotations

from .agreement import Agreement
from .agreement_kinds import AgreementKind


def _folded(text: str) -> str:
    return "".join(text.lower().replace("ö", "o").replace("ä", "a").split())


def choose_agreement(agreements: list[Agreement], which: str | None
                     ) -> tuple[Agreement | None, str]:
    """(the agreement, '') or (None, a Swedish reason naming the choices)."""
    if not agreements:
        return None, "Samverkan har ingen överenskommelse ännu."
    if which:
        key = _folded(which)
        found = [a for a in agreements
                 if key in (_folded(a.kind.label), a.kind.value, _folded(a.dnr))
                 or (len(key) >= 4 and a.id.startswith(key))]
        if len(found) == 1:
            return found[0], ""
        reason = "Flera överenskommelser passar" if found else "Ingen överenskommelse heter"
        return None, f"{reason} {which!r}. Välj en av: {names(agreements)}."
    ok2 = [a for a in agreements if a.kind is AgreementKind.OK2]
    if len(ok2) == 1:
        return ok2[0], ""
    if len(agreements) == 1:
        return agreements[0], ""
    return None, f"Samverkan har flera överenskommelser. Välj en av: {names(agreements)}."


def names(agreements: list[Agreement]) -> str:
    return ", ".join(f"{a.name} [id {a.id[:8]}]" for a in agreements)
