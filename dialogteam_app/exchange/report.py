"""What an import did, in Swedish, for the summary dialog and the command line."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..domain.record_names import counted

KIND_TEXTS = {
    "changed_both": "ändrad både här och hos kollegan",
    "deleted_here": "borttagen här men ändrad hos kollegan",
    "deleted_there": "ändrad här men borttagen hos kollegan",
    "twin": "finns i två versioner (en här, en hos kollegan)",
}


@dataclass
class ConflictNote:
    table: str
    record_id: str
    kind: str
    title: str          # e.g. 'anteckning ”Eleverna saknar …”'

    def text(self) -> str:
        return f"{self.title}: {KIND_TEXTS[self.kind]}"


@dataclass
class ImportReport:
    source: str = ""
    created_at: str = ""
    scope_title: str = ""
    added: Counter[str] = field(default_factory=Counter)
    changed: Counter[str] = field(default_factory=Counter)
    merged: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    new_conflicts: list[ConflictNote] = field(default_factory=list)
    settled_conflicts: int = 0
    open_conflicts: int = 0

    @property
    def changes(self) -> int:
        """Everything that changed here; 0 when the package brought nothing new."""
        return (sum(self.added.values()) + sum(self.changed.values())
                + sum(self.merged.values()) + sum(self.deleted.values())
                + len(self.new_conflicts) + self.settled_conflicts)

    def lines(self) -> list[str]:
        out = []
        if self.added:
            out.append(f"Nytt: {counted(self.added)}.")
        if self.changed:
            out.append(f"Ändrat: {counted(self.changed)}.")
        if self.merged:
            out.append(f"Sammanfogat (ändrat i olika fält här och hos kollegan): "
                       f"{counted(self.merged)}.")
        if self.deleted:
            out.append(f"Borttaget: {counted(self.deleted)}.")
        if self.settled_conflicts:
            out.append(f"Konflikter som kollegan redan har löst: {self.settled_conflicts}.")
        if not self.changes:
            out.append("Inga ändringar: allt i paketet fanns redan här.")
        if self.new_conflicts:
            out.append(f"Nya konflikter att lösa: {len(self.new_conflicts)}.")
            out += [f"  • {c.text()}" for c in self.new_conflicts]
        if self.open_conflicts:
            out.append(f"Olösta konflikter totalt: {self.open_conflicts}. Din version gäller "
                       "tills du har valt.")
        return out
