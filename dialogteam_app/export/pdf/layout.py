"""Flowables that arrange others without being content themselves."""

from __future__ import annotations

from typing import Any

from reportlab import platypus
from reportlab.platypus import Flowable

from .structure import Tagger


class _DrawsNothing:
    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """Nothing to draw, so not even the saved graphics state, move and restore that
        reportlab's drawOn writes around it (a plan has some 600 of these)."""


class Spacer(_DrawsNothing, platypus.Spacer):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    """Vertical space, as reportlab's Spacer."""


class CondPageBreak(_DrawsNothing, platypus.CondPageBreak):  # type: ignore[misc]  # reportlab has no stubs: its classes are Any
    """A new page unless `height` is left on this one, as reportlab's CondPageBreak."""


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
