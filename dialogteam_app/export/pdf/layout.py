"""Flowables that arrange others without being content themselves."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from .structure import Tagger


class SideBySide(Flowable):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    """Flowables in equal columns with a gap, each tagged as what it is (a layout
    table would read as a table of tables). It does not split: keep it short."""

    tags_itself = True

    def __init__(self, parts: list[Flowable], gap: float) -> None:
        super().__init__()
        self.parts = parts
        self.gap = gap

    def column_width(self, width: float) -> float:
        return (width - self.gap * (len(self.parts) - 1)) / len(self.parts)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        column = self.column_width(availWidth)
        self._sizes = [p.wrap(column, availHeight) for p in self.parts]
        self.width = availWidth
        self.height = max(h for _, h in self._sizes)
        return self.width, self.height

    def draw(self) -> None:
        canv: Any = self.canv
        tagger = Tagger.of(canv)
        column = self.column_width(self.width)
        for i, (part, (_, h)) in enumerate(zip(self.parts, self._sizes, strict=True)):
            x, y = i * (column + self.gap), self.height - h

            def draw(part: Flowable = part, x: float = x, y: float = y) -> None:
                part.drawOn(canv, x, y)
            if tagger:
                tagger.draw(canv, part, draw)
            else:
                draw()
