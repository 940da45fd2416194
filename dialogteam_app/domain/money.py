"""Amounts: whole kronor inside the program, shown as kr or tkr the Swedish way."""

from __future__ import annotations

NBSP = "\u00a0"
MAX_AMOUNT_KR = 1_000_000_000  # the largest amount any field takes


def group(n: int) -> str:
    """6450000 -> '6 450 000' (no-break spaces, so a number never wraps)."""
    sign = "−" if n < 0 else ""
    return sign + f"{abs(n):,}".replace(",", NBSP)


def format_kr(amount_kr: int) -> str:
    return f"{group(amount_kr)}{NBSP}kr"


def to_tkr(amount_kr: int) -> str:
    """Thousands of kronor, as plan cost tables use: 1 320 000 -> '1 320', 12 500 -> '12,5'."""
    whole, rest = divmod(abs(amount_kr), 1000)
    sign = "−" if amount_kr < 0 else ""
    if rest == 0:
        return sign + group(whole)
    decimals = f"{rest / 1000:.3f}"[2:].rstrip("0")
    return f"{sign}{group(whole)},{decimals}"


def format_tkr(amount_kr: int) -> str:
    return f"{to_tkr(amount_kr)}{NBSP}tkr"
