"""Gallring (retention): when a samverkan has ended and a chosen period has passed,
personal data is removed or pseudonymised while the plan, the agreement and the
reports stay. One description of what goes and what stays, for the window and the
command line."""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from . import rules
from .engagement import Engagement, KeyDate, KeyDateKind, Phase
from .fields import parse_date

DEFAULT_MONTHS = 12
PERIOD_CHOICES = (0, 3, 6, 12, 24, 36)
END_KINDS = (KeyDateKind.PERIOD_END, KeyDateKind.FINAL_REPORT)

WHAT_GOES = (
    "Anteckningarnas text ersätts med ”{placeholder}”, och vem som talade tas bort.",
    "Deltagarnas namn ersätts med ”Deltagare 1”, ”Deltagare 2” … (roll och organisation "
    "står kvar, så att det går att se vilka grupper som nåddes).",
    "Egna taggar på anteckningarna tas bort (de fasta, som problem och elevröst, står kvar).",
    "Namn på vem som ska göra en uppgift från ett möte tas bort.",
    "Utkast till anteckningar som inte skrivits klart tas bort.",
    "Sökindexet och utbytets historik rensas från texten, och databasfilen skrivs om "
    "så att orden inte finns kvar i den.",
)
WHAT_STAYS = (
    "Samverkan, huvudmannen, skolenheterna och de viktiga datumen.",
    "Mötena (datum, typ, rubrik, plats, dagordning och förberedda frågor).",
    "Nulägesanalysen, åtgärdsplanen med alla versioner, överenskommelsen och "
    "redovisningarna.",
    "En post om gallringen: när den gjordes och hur mycket som togs bort.",
)
CAVEAT = ("Säkerhetskopior från före gallringen innehåller uppgifterna tills de roteras bort. "
          "Paket som redan skickats till kollegor gallras när kollegan tar emot ett paket "
          "härifrån: gallringen följer med och görs om där, och ett äldre paket från en kollega "
          "kan inte ta tillbaka det som gallrats.")


def placeholder(done_on: str) -> str:
    """The text a gallrad note gets; the same on every laptop for the same gallring."""
    return f"Gallrad {done_on}"


PSEUDONYM_PREFIX = "Deltagare "     # + the participant's place in the list, from 1


def end_date(engagement: Engagement, key_dates: Iterable[KeyDate]) -> date | None:
    """When the samverkan ended: it is Avslutad, and the last of its period's end and
    the final report is the date. None while it runs or without such a date."""
    if engagement.phase != Phase.CLOSED:
        return None
    # parse_date: a damaged stored date is left out, not a crash (dialogteam check names it)
    ends = [day for d in key_dates if d.engagement_id == engagement.id
            and d.kind in END_KINDS and (day := parse_date(d.date)) is not None]
    return max(ends) if ends else None


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Schedule:
    ended_on: date | None
    months: int

    @property
    def due_on(self) -> date | None:
        return None if self.ended_on is None else add_months(self.ended_on, self.months)

    def is_due(self, today: date) -> bool:
        return self.due_on is not None and today >= self.due_on

    def why_not(self, today: date) -> str | None:
        """Swedish reason the gallring cannot be done today; None when it can."""
        if self.ended_on is None:
            return ("Samverkan har inte avslutats: sätt fasen till Avslutad och ange "
                    "insatsperiodens slut eller slutredovisningen under Viktiga datum.")
        if not self.is_due(today):
            return (f"Samverkan avslutades {self.ended_on.isoformat()}; med {self.months} "
                    f"månaders gallringsfrist kan den gallras från {self.due_on}.")
        return None


RETENTION_RULES = rules.record(
    "retentions",
    engagement_id=rules.ref("Samverkan"),
    done_on=rules.date("Gallrad", required=True),
    ended_on=rules.date("Samverkan avslutades", required=True),
    months=rules.whole("Månader efter avslut", maximum=1200),
    notes=rules.whole("Anteckningar"),
    participants=rules.whole("Deltagare"),
    tags=rules.whole("Taggar"),
    task_owners=rules.whole("Ansvariga för uppgifter"),
    drafts=rules.whole("Utkast"),
    done_by=rules.text("Gallrad av"))
