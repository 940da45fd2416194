"""Coded values of agreements, each with its Swedish label (one definition, used by the
window, the store's CHECK constraints, the importer and the PDF)."""

from __future__ import annotations

from .coded import UNKNOWN_VALUE, Coded


class AgreementKind(Coded):
    OK1 = "ok1"              # nulägesanalys and åtgärdsplan
    OK2 = "ok2"              # the insatser, after Skolverket's beslut
    AMENDMENT = "tillagg"    # tillägg och ändringar to an earlier agreement (amends_id)

    @property
    def label(self) -> str:
        return {"ok1": "ÖK 1", "ok2": "ÖK 2", "tillagg": "Tillägg"}.get(self.value, UNKNOWN_VALUE)


class AgreementStatus(Coded):
    DRAFT = "utkast"
    SENT = "skickat"
    SIGNED = "undertecknat"   # by both parties

    @property
    def label(self) -> str:
        return {"utkast": "Utkast", "skickat": "Skickat till huvudmannen",
                "undertecknat": "Undertecknat av båda"}.get(self.value, UNKNOWN_VALUE)


class Party(Coded):
    SKOLVERKET = "skolverket"
    HUVUDMAN = "huvudman"

    @property
    def label(self) -> str:
        return {"skolverket": "Skolverket", "huvudman": "Huvudmannen"}.get(self.value, UNKNOWN_VALUE)


class SignatoryRole(Coded):
    SIGNS = "undertecknar"
    REVIEWS = "granskar"      # "Överenskommelsen har granskats av enhetschef"

    @property
    def label(self) -> str:
        return {"undertecknar": "Undertecknar", "granskar": "Granskar"}.get(self.value, UNKNOWN_VALUE)


class FundingKind(Coded):
    GRANTED = "beviljat"        # Skolverket pays the huvudman an amount (per year)
    PROCURED = "upphandlat"     # Skolverket buys the insats from a provider: no money paid out
    OWN = "egen"                # the huvudman's own financing (amount, or "övriga kostnader")
    OTHER = "annan"             # another funder, named

    @property
    def label(self) -> str:
        return {"beviljat": "Beviljat av Skolverket", "upphandlat": "Upphandlas av Skolverket",
                "egen": "Huvudmannens egen finansiering",
                "annan": "Annan finansiär"}.get(self.value, UNKNOWN_VALUE)


class ProviderKind(Coded):
    UNIVERSITY = "larosate"
    SPSM = "spsm"
    OTHER = "annan"

    @property
    def label(self) -> str:
        return {"larosate": "Lärosäte", "spsm": "SPSM",
                "annan": "Annan anordnare"}.get(self.value, UNKNOWN_VALUE)


class ReportKind(Coded):
    INTERIM = "delredovisning"
    FINAL = "slutredovisning"

    @property
    def label(self) -> str:
        return {"delredovisning": "Delredovisning",
                "slutredovisning": "Slutredovisning"}.get(self.value, UNKNOWN_VALUE)


class AccountKind(Coded):
    BANKGIRO = "bankgiro"
    PLUSGIRO = "plusgiro"

    @property
    def label(self) -> str:
        return {"bankgiro": "Bankgiro", "plusgiro": "Plusgiro"}.get(self.value, UNKNOWN_VALUE)
