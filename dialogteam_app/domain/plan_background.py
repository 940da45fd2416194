"""A first draft of the plan's background, written from the analysis, in the
shape of the plans huvudmän send in (seed: Timrå 2019). The user edits it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BackgroundProblem:
    title: str
    level_label: str
    results_link: str = ""
    causes: list[str] = field(default_factory=list)


def background_text(problems: list[BackgroundProblem]) -> str:
    """Problems in priority order with their causes, as prose a reader can follow."""
    if not problems:
        return ""
    parts = ["Vi har utgått från vår genomförda nulägesanalys och beskriver nedan kortfattat "
             "de problem och orsaker som lett fram till utvecklingsområdena."]
    for number, p in enumerate(problems, start=1):
        text = f"{number}. {p.title.rstrip('.')} ({p.level_label.lower()})."
        if p.results_link.strip():
            text += f" Koppling till elevernas resultat: {p.results_link.strip()}"
            if not text.endswith("."):
                text += "."
        if p.causes:
            text += " Orsaker som vi har sett: " + "; ".join(
                c.strip().rstrip(".") for c in p.causes) + "."
        parts.append(text)
    return "\n\n".join(parts)


def participation_text(staff: str, students: str) -> str:
    """The analysis' record of delaktighet, as the plan's paragraph."""
    parts = []
    if staff.strip():
        parts.append(f"Personal: {staff.strip()}")
    if students.strip():
        parts.append(f"Elever: {students.strip()}")
    return "\n\n".join(parts)
