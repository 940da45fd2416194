"""The sample data loaded on two laptops is the same data: every record has the same
id on both, so an exchange between them doubles nothing (participants, tasks, cost
lines and plan totals, milestones …)."""

from helpers.exchange_helpers import dump, laptop, send

from dialogteam_app.exchange.schema_graph import SchemaGraph
from dialogteam_app.sample_data import load_sample


def _ids(store):
    conn = store.db.conn
    return {t.name: {r[0] for r in conn.execute(f'SELECT id FROM "{t.name}"')}
            for t in SchemaGraph.read(conn).record_tables}


def test_every_sample_record_has_the_same_id_on_two_laptops(tmp_path):
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    load_sample(anna)
    load_sample(bo)
    a, b = _ids(anna), _ids(bo)
    assert {t: a[t] ^ b[t] for t in a if a[t] ^ b[t]} == {}
    anna.close()
    bo.close()


def test_two_laptops_with_sample_data_exchange_without_doubling(tmp_path):
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    load_sample(anna)
    load_sample(bo)
    before = dump(anna)
    send(anna, bo, tmp_path)
    send(bo, anna, tmp_path)
    after = dump(anna)
    assert {t: len(rows) for t, rows in after.items()} == \
        {t: len(rows) for t, rows in before.items()}
    anna.close()
    bo.close()
