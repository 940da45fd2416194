"""What uses a note, key figure, source or finding as evidence, and the guard that
refuses a delete that would leave a piece of evidence pointing at nothing.

The schema refuses such a delete too (the evidence links are NO ACTION foreign
keys); the guard is there so the refusal says, in Swedish, where the record is used.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..domain.text import shorten
from . import rows
from .cascade import cascade_ids
from .connection import sqlite3

# table -> evidence column pointing at it
LINKED = {"notes": "note_id", "key_figures": "key_figure_id", "sources": "source_id",
          "inspection_findings": "finding_id"}
_THING = {"notes": "Anteckningen", "key_figures": "Nyckeltalet", "sources": "Underlaget",
          "inspection_findings": "Beslutet från Skolinspektionen"}
_PLURAL = {"notes": "anteckningar", "key_figures": "nyckeltal", "sources": "underlag",
           "inspection_findings": "beslut från Skolinspektionen"}
_SHOWN = 5


@dataclass(frozen=True)
class EvidenceUse:
    """A record of the analysis or plan citing a piece of evidence, and the cause it is under."""
    table: str            # what is used: a key of LINKED
    record_id: str
    evidence_id: str
    cause_id: str
    cause_text: str
    problem_id: str
    problem_title: str


class InUseError(ValueError):
    """The record is evidence in the analysis; str() says where, in Swedish."""

    def __init__(self, uses: list[EvidenceUse]):
        self.uses = uses
        super().__init__(describe_uses(uses))


def evidence_uses(conn: sqlite3.Connection, table: str, ids: Iterable[str]) -> list[EvidenceUse]:
    """Evidence pointing at these records of table, in the analysis' order."""
    column = LINKED[table]
    id_list = list(ids)
    found: list[EvidenceUse] = []
    for start in range(0, len(id_list), 500):  # SQLite's limit on bound parameters
        chunk = id_list[start:start + 500]
        found += [EvidenceUse(table, r[column], r["id"], r["cause_id"], r["cause_text"],
                              r["problem_id"], r["problem_title"])
                  for r in conn.execute(
                      f"SELECT e.id, e.{column}, e.cause_id, c.text AS cause_text, "
                      f"c.problem_id, p.title AS problem_title, p.priority, c.position "
                      f"FROM evidence e JOIN causes c ON c.id = e.cause_id "
                      f"JOIN problems p ON p.id = c.problem_id "
                      f"WHERE e.{column} IN ({','.join('?' * len(chunk))})", chunk)]
    return found


def uses_blocking_delete(conn: sqlite3.Connection, table: str,
                         record_id: str) -> list[EvidenceUse]:
    """Evidence that deleting table[record_id], with all its delete takes along,
    would leave dangling (evidence deleted in the same go does not count)."""
    doomed = cascade_ids(conn, table, record_id)
    going = doomed.get("evidence", set())
    uses = []
    for linked in LINKED:
        if doomed.get(linked):
            uses += [u for u in evidence_uses(conn, linked, doomed[linked])
                     if u.evidence_id not in going]
    return uses


def describe_uses(uses: list[EvidenceUse]) -> str:
    things = list(dict.fromkeys((u.table, u.record_id) for u in uses))
    tables = list(dict.fromkeys(table for table, _id in things))
    if len(things) == 1:
        head = f"{_THING[tables[0]]} används som belägg i nulägesanalysen"
    else:
        counts = ", ".join(f"{sum(t == table for t, _id in things)} {_PLURAL[table]}"
                           for table in tables)
        head = f"Det som skulle tas bort används som belägg i nulägesanalysen ({counts})"
    places = list(dict.fromkeys(
        f"• orsaken ”{shorten(u.cause_text, 70)}” under problemet ”{shorten(u.problem_title, 60)}”"
        for u in uses))
    more = [f"• och {len(places) - _SHOWN} till"] if len(places) > _SHOWN else []
    return (f"{head}:\n" + "\n".join(places[:_SHOWN] + more)
            + "\n\nIngenting har tagits bort. Ta först bort belägget, eller koppla det till "
              "något annat, under Nulägesanalys → Analys.")


def guarded_delete(conn: sqlite3.Connection, table: str, record_id: str) -> int:
    """Delete table[record_id] unless that would orphan evidence (InUseError)."""
    uses = uses_blocking_delete(conn, table, record_id)
    if uses:
        raise InUseError(uses)
    return rows.delete(conn, table, record_id)
