"""Skolverket's side of every agreement: one setting on this laptop, filled in by
default, never typed per agreement."""

from __future__ import annotations

from dataclasses import dataclass, fields

from .agreement_kinds import AccountKind
from .agreement_money import check_giro
from .errors import FieldError
from .fields import check_phone, check_text
from .orgnr import check_orgnr

SETTING_PREFIX = "skolverket."   # settings keys: skolverket.address, skolverket.orgnr, …


@dataclass(frozen=True)
class SkolverketParty:
    name: str = "Skolverket"
    address: str = "Box 4002\n171 04 Solna"
    phone: str = "08-52 73 32 00 (vx)"
    orgnr: str = "202100-4185"
    repayment_bankgiro: str = ""     # where unspent funds are repaid; set by the team

    @classmethod
    def keys(cls) -> list[str]:
        return [SETTING_PREFIX + f.name for f in fields(cls)]


def validate_party(p: SkolverketParty) -> list[FieldError]:
    checks = {
        "name": check_text(p.name, "Namn", required=True),
        "address": check_text(p.address, "Adress", max_len=500),
        "phone": check_phone(p.phone.replace("(vx)", "").strip(), "Telefon"),
        "orgnr": check_orgnr(p.orgnr),
        "repayment_bankgiro": check_giro(AccountKind.BANKGIRO, p.repayment_bankgiro),
    }
    return [FieldError(k, v) for k, v in checks.items() if v]
