"""Agreements travel in exchange packages with every part and merge part by part."""

from dataclasses import replace

from helpers.exchange_helpers import dump, laptop, send
from helpers.money_agreement import enter_hagsta
from stockholm_agreement import enter_stockholm

from dialogteam_app.domain.agreement import new_agreement
from dialogteam_app.domain.agreement_amendments import AgreementChange, ChangeTarget
from dialogteam_app.domain.agreement_kinds import AgreementKind
from dialogteam_app.exchange.schema_graph import SchemaGraph

AGREEMENT_TABLES = ("agreements", "agreement_signatories", "agreement_terms",
                    "agreement_participants", "agreement_funding", "agreement_payments",
                    "agreement_reports", "agreement_report_terms", "agreement_changes")


def test_every_agreement_table_is_exchanged(store):
    graph = SchemaGraph.read(store.db.conn)
    assert all(graph.is_exchanged(t) for t in AGREEMENT_TABLES)
    assert graph.tables["agreement_report_terms"].owner.target == "agreement_reports"


def test_agreements_with_every_part_travel_and_merge(tmp_path):
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    engagement_id, ok2_id = enter_stockholm(anna)
    _, hagsta_id = enter_hagsta(anna)
    amendment = new_agreement(engagement_id, AgreementKind.AMENDMENT, amends_id=ok2_id)
    anna.agreements.save(amendment)
    anna.agreements.save_change(AgreementChange(
        agreement_id=amendment.id, target=ChangeTarget.PERIOD_END, target_id=ok2_id,
        value="2022-12-31"))
    report = send(anna, bo, tmp_path)
    assert not report.new_conflicts
    assert dump(anna, AGREEMENT_TABLES) == dump(bo, AGREEMENT_TABLES)
    assert all(dump(bo, AGREEMENT_TABLES).values())   # every table has rows
    assert bo.agreements.get(hagsta_id) == anna.agreements.get(hagsta_id)

    # Anna renames a signatory's title, Bo moves a report date and a payment: no conflict.
    ok2 = anna.agreements.get(ok2_id)
    anna.agreements.save_signatory(replace(ok2.signatories[0], title="Undervisningsråd, "
                                                                     "dialogteam"))
    theirs = bo.agreements.get(ok2_id)
    bo.agreements.save_report(replace(theirs.reports[0], due_date="2021-04-30"))
    hagsta = bo.agreements.get(hagsta_id)
    bo.agreements.save_payment(replace(hagsta.payments[1], amount_kr=30_000))
    from_bo = send(bo, anna, tmp_path, engagement_id)
    send(bo, anna, tmp_path)
    send(anna, bo, tmp_path)
    assert not from_bo.new_conflicts
    merged = anna.agreements.get(ok2_id)
    assert merged.signatories[0].title == "Undervisningsråd, dialogteam"
    assert merged.reports[0].due_date == "2021-04-30"
    assert anna.agreements.get(hagsta_id).payments[1].amount_kr == 30_000
    assert dump(anna, AGREEMENT_TABLES) == dump(bo, AGREEMENT_TABLES)
    anna.close()
    bo.close()


def test_the_same_funding_changed_on_both_laptops_is_a_conflict_in_swedish(tmp_path):
    from dialogteam_app.exchange.conflict_view import conflict_views
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    engagement_id, agreement_id = enter_hagsta(anna)
    send(anna, bo, tmp_path)
    line = anna.agreements.get(agreement_id).terms[0].funding[0]
    anna.agreements.save_funding(replace(line, amount_kr=60_000))
    bo.agreements.save_funding(replace(line, amount_kr=55_000))
    report = send(bo, anna, tmp_path, engagement_id)
    assert report.new_conflicts
    (view,) = conflict_views(anna.db.conn)
    assert view.table == "agreement_funding"
    rows = {f.label: (f.mine, f.theirs) for f in view.fields if f.differs}
    assert rows == {"Belopp (kr)": ("60000", "55000")}
    kind = next(f for f in view.fields if f.key == "kind")
    assert kind.mine == "Beviljat av Skolverket"
    assert anna.agreements.get(agreement_id).terms[0].funding[0].amount_kr == 60_000  # mine kept
    anna.close()
    bo.close()
