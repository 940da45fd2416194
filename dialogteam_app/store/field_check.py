"""Stored values that break the field rules: what `dialogteam check` reports.

Reading is tolerant (an unknown code shows as "okänt värde"), so a bad value
only surfaces here: one line per column, with how many rows and an example.
"""

from __future__ import annotations

from ..domain.rule_registry import TABLE_RULES
from .connection import sqlite3


def stored_value_problems(conn: sqlite3.Connection) -> list[str]:
    existing = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    problems: list[str] = []
    for name, table_rules in TABLE_RULES.items():
        if name not in existing:
            continue
        present = {r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')}
        for column, rule in table_rules.columns.items():
            if column not in present:
                continue
            found = [p for (value,) in conn.execute(f'SELECT "{column}" FROM "{name}"')
                     if (value is not None or rule.kind != "id")
                     and (p := rule.problem(value))]
            if found:
                rows = "1 rad" if len(found) == 1 else f"{len(found)} rader"
                problems.append(f"{name}.{column}: {rows} med ogiltigt värde, "
                                f"till exempel: {found[0]}")
    return problems
