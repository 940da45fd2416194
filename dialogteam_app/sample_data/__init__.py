"""A fictitious but realistic engagement, so a newcomer sees a filled program.

Norrviks kommun does not exist; the people are invented. Everything is written
through the store's own repositories, so the sample obeys the same rules as
anything a user enters.
"""

from __future__ import annotations

from ..domain.engagement import Engagement
from ..store.store import Store
from .ids import SAMPLE_ORGANISER_ID, SAMPLE_ORGANISER_NAME, sample_id

__all__ = ["SampleAlreadyLoaded", "load_sample", "sample_id", "sample_loaded"]


class SampleAlreadyLoaded(RuntimeError):
    pass


def sample_loaded(store: Store) -> bool:
    return store.organisers.get(SAMPLE_ORGANISER_ID) is not None


def load_sample(store: Store) -> Engagement:
    """Write the whole sample; returns its engagement."""
    if sample_loaded(store):
        raise SampleAlreadyLoaded(f"Exempeldata ({SAMPLE_ORGANISER_NAME}) finns redan.")
    # Here, not at the top: start-up imports this package.
    from .agreements import load_agreements
    from .analysis import load_analysis
    from .follow_up import load_second_organiser
    from .meetings import load_meetings
    from .organisation import load_organisation
    from .plan import load_plan
    with store.db.bulk():
        engagement = load_organisation(store)
        load_meetings(store, engagement)
        load_analysis(store, engagement)
        load_plan(store, engagement)
        load_agreements(store, engagement)
        load_second_organiser(store)
    return engagement
