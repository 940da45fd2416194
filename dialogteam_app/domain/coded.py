"""The program's lists of allowed values (fas, mötestyp, roll …) and reading them tolerantly.

Every such list is a `Coded` enum. A value outside the list that is already stored
(a colleague's old package, a hand-edited file) must not stop a page, a command or
the PDF: `Phase("hackad")` gives a stand-in member whose label is "okänt värde".
It is not one of the enum's members (iteration, the window's lists and
`known_values` leave it out), its `is_known` is False, and the field rules refuse
to save it, so it can only be shown and replaced. `dialogteam check` lists them.
"""

from __future__ import annotations

from enum import Enum

UNKNOWN_VALUE = "okänt värde"


class Coded(str, Enum):
    @classmethod
    def _missing_(cls, value: object) -> Coded | None:
        if not isinstance(value, str):
            return None
        stand_in = str.__new__(cls, value)
        stand_in._name_ = "UNKNOWN"
        stand_in._value_ = value
        return stand_in

    @property
    def is_known(self) -> bool:
        return self._value_ in type(self)._value2member_map_


def known_values(enum: type[Enum]) -> frozenset[str]:
    return frozenset(str(m.value) for m in enum)


def is_member(value: object, enum: type[Coded]) -> bool:
    """One of the enum's own values (not a stand-in for an unknown stored value)."""
    return isinstance(value, enum) and value.is_known
