"""An agreement in which Skolverket pays: totals per funder, the utbetalningsplan,
the rekvisition and the repayment terms, entered through the repositories."""

import pytest
from helpers.money_agreement import SKOLVERKET_BANKGIRO, enter_hagsta

from dialogteam_app.domain.agreement_kinds import AccountKind, FundingKind
from dialogteam_app.domain.agreement_money import (
    FunderTotals,
    PaymentRow,
    check_giro,
    draft_payment_plan,
    funder_totals,
    parse_amount,
    payment_plan_warning,
    repayment_reference,
)
from dialogteam_app.domain.agreement_terms import FundingLine, InterventionTerms


@pytest.fixture
def hagsta(store):
    _, agreement_id = enter_hagsta(store)
    return store, store.agreements.get(agreement_id)


def test_totals_per_funder_of_a_funded_agreement(hagsta):
    _, agreement = hagsta
    totals = funder_totals(agreement.terms)
    assert len(agreement.terms) == 4
    assert totals.granted_kr == 250_000
    assert totals.granted_by_year == {2021: 120_000, 2022: 130_000}
    assert totals.own_kr == 25_000 and totals.other_kr == {"Region Hagsta": 15_000}
    assert totals.procured_from == ["valt lärosäte"]
    assert totals.stated_by_funder == {"Skolverket": 250_000, "Huvudmannen": 25_000,
                                       "Region Hagsta": 15_000}
    # The procured insats costs Skolverket an amount nobody stated: no shares.
    assert totals.unquantified == ["Skolverket (upphandlad insats)"]
    assert totals.shares() is None


def test_the_payment_plan_adds_up_to_the_granted_funding(hagsta):
    store, agreement = hagsta
    payments = agreement.payments
    assert [p.due_date for p in payments] == [
        "2021-02-01", "2021-04-01", "2021-07-01", "2021-10-01",
        "2022-01-01", "2022-04-01", "2022-07-01", "2022-10-01"]
    assert payments[0].on_requisition and not any(p.on_requisition for p in payments[1:])
    assert sum(p.amount_kr for p in payments) == 250_000
    assert {p.amount_kr for p in payments} == {31_250}
    assert agreement.rekvisition.amount_kr == payments[0].amount_kr
    assert payment_plan_warning(payments, funder_totals(agreement.terms).granted_kr) is None


def test_a_payment_plan_that_does_not_add_up_is_saved_with_a_warning(hagsta):
    store, agreement = hagsta
    extra = PaymentRow(agreement_id=agreement.id, due_date="2022-11-01", amount_kr=10_000,
                       position=9)
    store.agreements.save_payment(extra)   # not refused
    stored = store.agreements.get(agreement.id)
    warning = payment_plan_warning(stored.payments, funder_totals(stored.terms).granted_kr)
    assert warning == ("Utbetalningsplanen summerar till 260\u00a0000\u00a0kr men beviljat "
                       "belopp är 250\u00a0000\u00a0kr (10\u00a0000\u00a0kr för mycket).")
    short = payment_plan_warning(stored.payments[:-2], 250_000)
    assert short is not None and "för lite" in short


def test_repayment_goes_to_skolverkets_bankgiro_with_the_beslut_as_reference(hagsta):
    store, agreement = hagsta
    assert store.agreements.skolverket().repayment_bankgiro == SKOLVERKET_BANKGIRO
    assert repayment_reference(agreement.decision_dnr, agreement.repayment.unit_number) == \
        "2020:1412 12345"
    assert agreement.repayment.days == 30


def test_shares_are_given_only_when_every_part_is_stated():
    terms = InterventionTerms(agreement_id="a", title="x", funding=[
        FundingLine(terms_id="t", kind=FundingKind.GRANTED, amount_kr=75_000),
        FundingLine(terms_id="t", kind=FundingKind.OWN, amount_kr=25_000)])
    assert funder_totals([terms]).shares() == {"Skolverket": 0.75, "Huvudmannen": 0.25}
    terms.funding.append(FundingLine(terms_id="t", kind=FundingKind.OWN))  # övriga kostnader
    totals = funder_totals([terms])
    assert totals.shares() is None and totals.unquantified == ["Huvudmannen"]
    assert isinstance(totals, FunderTotals)


@pytest.mark.parametrize("text, expected", [
    ("100 000", (100_000, None)), ("100000 kr", (100_000, None)), ("", (None, None)),
    ("-5 000", (None, "Beloppet kan inte vara negativt.")),
    ("tio tusen", (None, "Beloppet ska vara ett heltal i kronor, till exempel 100 000.")),
    ("12,5", (None, "Beloppet ska vara ett heltal i kronor, till exempel 100 000.")),
])
def test_typed_amounts(text, expected):
    assert parse_amount(text) == expected


def test_giro_numbers_are_checked():
    assert check_giro(AccountKind.BANKGIRO, "5050-1055") is None
    assert "kontrollsiffran" in check_giro(AccountKind.BANKGIRO, "5050-1056")
    assert "till exempel 5050-1055" in check_giro(AccountKind.BANKGIRO, "50501055")
    assert check_giro(AccountKind.PLUSGIRO, "4711-8") is None


def test_a_drafted_plan_puts_the_remainder_in_the_first_payment():
    rows = draft_payment_plan("a", 100_000, "2021-03-15", "2021-12-31")
    assert [(p.due_date, p.amount_kr) for p in rows] == [
        ("2021-03-15", 25_000), ("2021-04-01", 25_000), ("2021-07-01", 25_000),
        ("2021-10-01", 25_000)]
    odd = draft_payment_plan("a", 100_001, "2021-03-15", "2021-09-30")
    assert [p.amount_kr for p in odd] == [33_335, 33_333, 33_333]
    assert draft_payment_plan("a", 100_000, "2021-12-31", "2021-01-01") == []
