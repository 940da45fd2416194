"""The sample nulägesanalys is a realistic draft: a mostly complete chain with
two gaps a processtödjare would point out."""

from helpers.analysis_world import dangling_links

from dialogteam_app.domain.analysis import ProblemLevel
from dialogteam_app.domain.traceability import GapKind
from dialogteam_app.sample_data import load_sample, sample_id


def test_sample_analysis_is_mostly_complete_with_two_gaps(store):
    e = load_sample(store)
    snap = store.analysis.snapshot(e.id)
    assert {p.level for p in snap.problems} == set(ProblemLevel)
    assert all(c.note_id for c in snap.causes)          # every cause promoted from a note
    kinds = {next(k for k in ("note_id", "key_figure_id", "source_id", "finding_id", "text")
                  if getattr(ev, k)) for ev in snap.evidence}
    assert kinds == {"note_id", "key_figure_id", "source_id", "finding_id", "text"}
    assert [(g.kind, g.record_id) for g in store.analysis.traceability(e.id).gaps] == [
        (GapKind.NOT_ADDRESSED, sample_id("cause-late-support")),
        (GapKind.NO_EVIDENCE, sample_id("cause-no-analysis"))]
    assert all(c.factors and c.cause_ids for c in snap.candidates)
    assert store.analysis.participation(e.id).students
    assert sample_id("note-m2-4") in store.analysis.used_note_ids(e.id)
    assert dangling_links(store) == []


def test_sample_key_figures_cover_both_units(store):
    e = load_sample(store)
    figures = store.current_state.key_figures(e.id)
    assert {k.school_unit_id for k in figures} == {sample_id("unit-bjorkdal"),
                                                   sample_id("unit-alviken")}
    merit = [k for k in figures if k.measure.value == "meritvarde_ak9"]
    assert [k.year for k in merit] == ["2025", "2024", "2023"]          # newest first
    findings = {f.school_unit_id: f for f in store.current_state.findings(e.id)}
    assert findings[sample_id("unit-bjorkdal")].decision_type.label == "Föreläggande med vite"
