"""Questions and messages in Swedish, with Swedish button texts."""

from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QMessageBox, QWidget

# table -> (singular, plural), for telling what a delete takes with it
RECORD_NAMES = {
    "contact_persons": ("kontaktperson", "kontaktpersoner"),
    "school_units": ("skolenhet", "skolenheter"),
    "engagements": ("samverkan", "samverkan"),
    "key_dates": ("viktigt datum", "viktiga datum"),
    "meetings": ("möte", "möten"),
    "participants": ("deltagare", "deltagare"),
    "questions": ("fråga", "frågor"),
    "tasks": ("beslut/uppgift", "beslut/uppgifter"),
    "notes": ("anteckning", "anteckningar"),
    "key_figures": ("nyckeltal", "nyckeltal"),
    "inspection_findings": ("beslut från Skolinspektionen", "beslut från Skolinspektionen"),
    "sources": ("underlag", "underlag"),
    "problems": ("problem", "problem"),
    "causes": ("orsak", "orsaker"),
    "evidence": ("belägg", "belägg"),
    "candidates": ("tänkbar insats", "tänkbara insatser"),
    "participation": ("beskrivning av delaktighet", "beskrivningar av delaktighet"),
    "plans": ("åtgärdsplan", "åtgärdsplaner"),
    "plan_areas": ("utvecklingsområde", "utvecklingsområden"),
    "plan_interventions": ("insats", "insatser"),
    "plan_milestones": ("delmål", "delmål"),
    "plan_costs": ("kostnadspost", "kostnadsposter"),
    "plan_risks": ("risk", "risker"),
    "plan_versions": ("exporterad version", "exporterade versioner"),
}


def describe_impact(counts: Counter) -> str:
    parts = []
    for table, n in counts.items():
        singular, plural = RECORD_NAMES.get(table, (table, table))
        parts.append(f"{n} {singular if n == 1 else plural}")
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " och " + parts[-1]
    return f"Det tar också bort {listed}."


def confirm_delete(parent: QWidget | None, title: str, text: str,
                   impact: Counter | None = None, undoable: bool = False) -> bool:
    box = QMessageBox(QMessageBox.Warning, title, text, parent=parent)
    details = describe_impact(impact or Counter())
    after = "Du kan ångra med Ctrl+Z." if undoable else "Detta kan inte ångras."
    box.setInformativeText((details + "\n\n" if details else "") + after)
    delete = box.addButton("Ta bort", QMessageBox.DestructiveRole)
    cancel = box.addButton("Avbryt", QMessageBox.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is delete


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Critical, title, text, parent=parent)
    box.addButton("OK", QMessageBox.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Information, title, text, parent=parent)
    box.addButton("OK", QMessageBox.AcceptRole)
    box.exec()
