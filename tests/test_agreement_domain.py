"""Agreement rules without a database: field messages, funding kinds, tillägg and the
agreement as it stands after them."""

import pytest

from dialogteam_app.domain.agreement import Agreement, Signatory, new_agreement, validate_agreement
from dialogteam_app.domain.agreement import validate_signatory as signatory_errors
from dialogteam_app.domain.agreement_amendments import (
    AgreementChange,
    ChangeTarget,
    validate_change,
)
from dialogteam_app.domain.agreement_effective import effective_agreement
from dialogteam_app.domain.agreement_kinds import (
    AgreementKind,
    AgreementStatus,
    FundingKind,
    Party,
    ProviderKind,
    ReportKind,
)
from dialogteam_app.domain.agreement_money import PaymentRow
from dialogteam_app.domain.agreement_reports import ReportObligation, validate_report
from dialogteam_app.domain.agreement_terms import (
    FundingLine,
    InterventionTerms,
    ParticipantCount,
    RoleDuty,
    validate_funding,
    validate_terms,
)


def messages(errors):
    return {e.field: e.message for e in errors}


def test_a_new_agreement_starts_from_the_standard_handlingar():
    ok2 = new_agreement("e", AgreementKind.OK2)
    assert ok2.documents == ["Eventuella tillägg och ändringar till Överenskommelsen (ÖK 2)",
                             "Överenskommelsen (ÖK 2)"]
    assert validate_agreement(ok2) == []


def test_agreement_header_messages():
    a = Agreement(engagement_id="e", kind=AgreementKind.AMENDMENT, decision_date="2020-06-31",
                  period_start="2022-01-01", period_end="2021-01-01",
                  status=AgreementStatus.SIGNED)
    found = messages(validate_agreement(a))
    assert found["decision_date"] == "Beslutsdatum: 2020-06-31 är inget giltigt datum."
    assert found["period_end"] == ("Perioden: slutdatum 2021-01-01 ligger före startdatum "
                                   "2022-01-01.")
    assert found["amends_id"] == "Ange vilken överenskommelse tillägget ändrar."
    assert found["signed_date"] == "Ange datum då båda parter har undertecknat."


def test_signed_before_the_beslut_is_refused():
    a = Agreement(engagement_id="e", decision_date="2020-06-09", signed_date="2020-06-01",
                  status=AgreementStatus.SIGNED)
    assert messages(validate_agreement(a))["signed_date"] == \
        "Undertecknat 2020-06-01 ligger före beslutet 2020-06-09."
    s = Signatory(agreement_id="a", party=Party.HUVUDMAN, name="Peter Lyth", date="2020-06-08")
    assert messages(signatory_errors(s, "2020-06-09"))["date"] == \
        "Peter Lyth kan inte skriva under 2020-06-08, före Skolverkets beslut 2020-06-09."
    assert signatory_errors(s, "") == []


def test_report_due_before_the_period_is_refused():
    r = ReportObligation(agreement_id="a", kind=ReportKind.INTERIM, due_date="2020-04-30")
    assert messages(validate_report(r, "2020-05-15"))["due_date"] == (
        "Redovisningen kan inte lämnas 2020-04-30, före överenskommelsens period börjar "
        "(2020-05-15).")
    assert validate_report(r, "") == []


@pytest.mark.parametrize("line, field, message", [
    (FundingLine("t", FundingKind.GRANTED), "amount_kr",
     "Ange beloppet som Skolverket beviljar Huvudmannen (kr)."),
    (FundingLine("t", FundingKind.GRANTED, amount_kr=-1), "amount_kr",
     "Beloppet kan inte vara negativt."),
    (FundingLine("t", FundingKind.PROCURED, amount_kr=5000, provider_kind=ProviderKind.SPSM),
     "amount_kr", "En insats som Skolverket upphandlar ger inga pengar till Huvudmannen: "
                  "lämna beloppet tomt."),
    (FundingLine("t", FundingKind.PROCURED), "provider_kind",
     "Ange vem Skolverket upphandlar insatsen från."),
    (FundingLine("t", FundingKind.OTHER, amount_kr=10), "provider_name",
     "Ange vilken finansiär som bidrar."),
    (FundingLine("t", FundingKind.GRANTED, amount_kr=10, year=1850), "year",
     "År måste vara minst 1990."),
])
def test_funding_messages(line, field, message):
    assert messages(validate_funding(line)) == {field: message}


def test_funding_sentences_as_the_agreement_words_them():
    assert FundingLine("t", FundingKind.PROCURED, provider_kind=ProviderKind.UNIVERSITY
                       ).sentence == "Skolverket finansierar insatsen från valt lärosäte."
    assert FundingLine("t", FundingKind.OWN).sentence == \
        "Huvudmannens kostnader i övrigt finansieras av Huvudmannen."
    assert FundingLine("t", FundingKind.GRANTED, amount_kr=100_000, year=2021).sentence == \
        "Skolverket finansierar insatsen med 100\u00a0000\u00a0kr för 2021 till Huvudmannen."


def test_participants_exact_unless_said_to_be_approximate():
    assert ParticipantCount("t", "förstelärare", 7).phrase == "sju förstelärare"
    assert ParticipantCount("t", "lärare", 60, approximate=True).phrase == "cirka 60 lärare"


def test_terms_lines_are_checked_one_by_one():
    t = InterventionTerms(agreement_id="a", title="Insats", organiser_duties=["ok", "x\x07"],
                          role_duties=[RoleDuty("", "att planera")], start="2021-05-01",
                          end="2021-01-01")
    found = validate_terms(t)
    assert ("organiser_duties", "Huvudmannen ansvarar för att, rad 2: texten innehåller "
                                "otillåtna styrtecken.") in [(e.field, e.message) for e in found]
    assert messages(found)["role_duties"] == "Ansvar för roll, rad 1: Rollen får inte vara tom."
    assert messages(found)["end"].startswith("Insatsens period: slutdatum")
    assert RoleDuty("Utbildningsnämnden", "att insatsen genomförs.").sentence == \
        "Utbildningsnämnden ansvarar för att insatsen genomförs."


@pytest.mark.parametrize("target, value, message", [
    (ChangeTarget.FUNDING_AMOUNT, "-100", "Nytt värde för finansieringens belopp kan inte vara "
                                          "negativt."),
    (ChangeTarget.FUNDING_AMOUNT, "mycket", "Nytt värde för finansieringens belopp ska vara ett "
                                            "heltal."),
    (ChangeTarget.REPORT_DUE, "15 april", "Nytt värde för redovisningens sista dag ska skrivas "
                                          "ÅÅÅÅ-MM-DD, till exempel 2026-05-15."),
])
def test_change_values_are_checked_by_the_field_they_change(target, value, message):
    change = AgreementChange(agreement_id="t", target=target, target_id="x", value=value)
    assert messages(validate_change(change)) == {"value": message}


def _funded_agreement():
    base = new_agreement("e", AgreementKind.OK2)
    base.period_start, base.period_end = "2021-01-01", "2022-12-31"
    terms = InterventionTerms(agreement_id=base.id, title="Läsfrämjande insats")
    grant = FundingLine(terms.id, FundingKind.GRANTED, amount_kr=100_000, year=2021)
    terms.funding.append(grant)
    base.terms.append(terms)
    report = ReportObligation(agreement_id=base.id, kind=ReportKind.FINAL, due_date="2022-12-31")
    base.reports.append(report)
    return base, terms, grant, report


def _amendment(base, signed, *changes, status=AgreementStatus.SIGNED):
    a = new_agreement("e", AgreementKind.AMENDMENT, amends_id=base.id)
    a.status, a.signed_date = status, signed
    a.changes = [AgreementChange(a.id, target, target_id, value, position=n)
                 for n, (target, target_id, value) in enumerate(changes)]
    return a


def test_the_agreement_as_it_stands_after_its_tillagg():
    base, terms, grant, report = _funded_agreement()
    first = _amendment(base, "2021-09-01", (ChangeTarget.FUNDING_AMOUNT, grant.id, "120000"),
                       (ChangeTarget.PERIOD_END, base.id, "2023-06-30"))
    second = _amendment(base, "2022-03-01", (ChangeTarget.FUNDING_AMOUNT, grant.id, "90000"),
                        (ChangeTarget.REPORT_DUE, report.id, "2023-06-30"))
    first.payments.append(PaymentRow(first.id, "2021-10-01", 20_000))
    draft = _amendment(base, "", (ChangeTarget.PERIOD_END, base.id, "2024-01-01"),
                       status=AgreementStatus.DRAFT)
    # Given in any order: the later signed tillägg wins.
    result = effective_agreement(base, [second, draft, first])
    now = result.agreement
    assert now.terms[0].funding[0].amount_kr == 90_000
    assert now.period_end == "2023-06-30" and now.reports[0].due_date == "2023-06-30"
    assert [p.amount_kr for p in now.payments] == [20_000]
    assert [(c.old_value, c.new_value) for c in result.changed(grant.id)] == [
        (100_000, 120_000), (120_000, 90_000)]
    assert result.not_applied == [draft]
    # The stored agreement is untouched; with drafts the draft applies too.
    assert grant.amount_kr == 100_000 and base.period_end == "2022-12-31"
    assert effective_agreement(base, [draft], include_unsigned=True).agreement.period_end == \
        "2024-01-01"


def test_a_change_to_a_part_that_is_gone_is_reported_not_applied():
    base, _, _, _ = _funded_agreement()
    gone = _amendment(base, "2021-09-01", (ChangeTarget.PAYMENT_AMOUNT, "no-such-id", "5"))
    result = effective_agreement(base, [gone])
    assert result.unresolved == gone.changes and result.applied == []


def test_the_agreements_dates_as_they_stand():
    from dialogteam_app.domain.agreement_dates import agreement_dates
    base, _, _, report = _funded_agreement()
    base.decision_date = "2020-12-10"
    later = _amendment(base, "2021-09-01", (ChangeTarget.REPORT_DUE, report.id, "2023-01-31"))
    dates = [(d.date, d.label) for d in agreement_dates([base, later])]
    assert dates == [
        ("2020-12-10", "Beslut (ÖK 2)"), ("2021-01-01", "Period börjar (ÖK 2)"),
        ("2021-09-01", "Tillägg 2021-09-01 undertecknad"),
        ("2022-12-31", "Period slutar (ÖK 2)"), ("2023-01-31", "Slutredovisning (ÖK 2)")]
