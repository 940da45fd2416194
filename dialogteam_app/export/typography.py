"""Swedish typography for exported text: no-break spaces where a line must not break.

"den 31 januari 2019", "100 000 kr", "25 %" and "2019-01-07 – 2021-12-17" stay
together on one line in the PDF and in Word (both honour U+00A0). Used on user
text as well as on the program's own phrases.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
# Never valid in text; reportlab would pass them into the PDF's text operators.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MONTHS = ("januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|dec")
_RULES = [
    # 31 januari, januari 2019, den 31
    re.compile(rf"(?i)(\b\d{{1,2}}) +((?:{_MONTHS})\b)"),
    re.compile(rf"(?i)(\b(?:{_MONTHS})) +(\d{{4}}\b)"),
    re.compile(r"(?i)(\bden) +(\d{1,2}\b)"),
    # 100 000 (digit groups), 100 kr, 25 %, 12 tkr, 30 st
    re.compile(r"(\d) +(\d{3}(?!\d))"),
    re.compile(r"(?i)(\d) +((?:kr|kronor|tkr|mkr|%|procent|st|timmar|h)(?![^\W\d_]))"),
    # a period: 2019-01-07 – 2021-12-17 breaks only after the dash
    re.compile(r"(\S) +([–-] )"),
]


_DIGIT = re.compile(r"\d")
# What the rules need, looked for once (most texts lack it, and looking for the month
# names everywhere is slow): the word rules a digit before a month's first letter, a
# year after a word or "den" before a number; the number rules a digit, spaces and a
# digit or a unit's first letter; the period's rule a dash after a space.
_WORD_AND_NUMBER = re.compile(r"(?i)\d +[adfjmnos]|[a-z] +\d{4}|den +\d")
_NUMBER_AND_MORE = re.compile(r"(?i)\d +[\dkmt%psh]")
_WORD_RULES, _GROUPS, _UNITS, _PERIOD = _RULES[:3], _RULES[3], _RULES[4], _RULES[5]
_JOIN = rf"\1{NBSP}\2"


def keep_together(text: str) -> str:
    if " –" in text or " -" in text:
        text = _PERIOD.sub(_JOIN, text)  # no other rule reads or writes around a dash
    if not _DIGIT.search(text):  # every other rule needs a digit
        return text
    if _WORD_AND_NUMBER.search(text):
        for rule in _WORD_RULES:
            text = rule.sub(_JOIN, text)
    if _NUMBER_AND_MORE.search(text):
        count = 1
        while count:  # digit groups overlap: 1 000 000 needs a second pass
            text, count = _GROUPS.subn(_JOIN, text)
        text = _UNITS.sub(_JOIN, text)
    return text


def plain(text: str) -> str:
    """Text without control characters and with \\n line ends."""
    return _CONTROL_CHARS.sub("", text or "").replace("\r\n", "\n").replace("\r", "\n")
