import pytest

from dialogteam_app.domain.engagement import Engagement, KeyDate, KeyDateKind, validate_key_date
from dialogteam_app.domain.errors import ValidationError
from dialogteam_app.domain.fields import (
    LONG_TEXT_MAX,
    check_date,
    check_period,
    check_text,
    parse_int,
)
from dialogteam_app.domain.organisations import (
    Organiser,
    SchoolUnit,
    check_organiser,
    normalize_grade_span,
    validate_school_unit,
)
from dialogteam_app.domain.orgnr import check_orgnr, normalize_orgnr
from dialogteam_app.domain.sorting import swedish_key


@pytest.mark.parametrize("number", ["212000-0142", "202100-4185", "2120000142", "16212000-0142"])
def test_real_organisation_numbers_from_the_seeds_are_valid(number):
    assert check_orgnr(number) is None


def test_wrong_check_digit_is_refused_with_a_swedish_reason():
    message = check_orgnr("212000-0143")
    assert "kontrollsiffran" in message


@pytest.mark.parametrize("text", ["212000-014", "abc", "212000-01422", "2120-000142", "21200O-0142"])
def test_malformed_numbers_are_refused(text):
    assert "NNNNNN-NNNN" in check_orgnr(text)


def test_orgnr_is_normalised():
    assert normalize_orgnr("16 212000-0142".replace(" ", "")) == "212000-0142"
    assert normalize_orgnr("2120000142") == "212000-0142"


@pytest.mark.parametrize("value", ["2021-02-30", "2026-13-01", "2026-00-10"])
def test_impossible_dates_are_refused(value):
    assert "inget giltigt datum" in check_date(value, "Datum")


@pytest.mark.parametrize("value", ["15/5 2026", "2026-5-15", "i morgon", "20260515"])
def test_dates_must_be_iso(value):
    assert "ÅÅÅÅ-MM-DD" in check_date(value, "Datum")


def test_period_order():
    assert check_period("2026-05-01", "2026-04-30", "Period")
    assert check_period("2026-05-01", "2026-05-01", "Period") is None


def test_huge_and_binary_text_is_refused_but_markup_is_kept_as_text():
    assert "för lång" in check_text("x" * (LONG_TEXT_MAX + 1), "Text", max_len=LONG_TEXT_MAX)
    assert "styrtecken" in check_text("a\x00b", "Text")
    assert "trasiga" in check_text("a\ud800b", "Text")
    assert check_text("<b>elever < 50 %</b> & ”citat”", "Text") is None


def test_organiser_without_name_or_with_bad_orgnr_raises_all_errors_at_once():
    with pytest.raises(ValidationError) as info:
        check_organiser(Organiser(name="  ", org_number="212000-0143", email="nej"))
    fields = {e.field for e in info.value.errors}
    assert fields == {"name", "org_number", "email"}


def test_school_unit_rules():
    ok = SchoolUnit(organiser_id="x", name="Alftaskolan", grade_span="F-6", student_count=120,
                    unit_code="12345678")
    assert validate_school_unit(ok) == []
    bad = SchoolUnit(organiser_id="x", name="A", grade_span="9-7", student_count=-3,
                     unit_code="1234")
    fields = {e.field for e in validate_school_unit(bad)}
    assert fields == {"grade_span", "student_count", "unit_code"}
    assert normalize_grade_span("f – 6") == "F-6"
    assert ok.display_name == "Alftaskolan F-6"


def test_key_date_must_be_a_real_date():
    d = KeyDate(engagement_id="e", kind=KeyDateKind.OTHER, date="2026-02-29")
    assert validate_key_date(d)[0].field == "date"


def test_swedish_sort_order():
    names = ["Örebro", "Ängelholm", "Åre", "Zinkgruvan", "Alvesta"]
    assert sorted(names, key=swedish_key) == ["Alvesta", "Zinkgruvan", "Åre", "Ängelholm", "Örebro"]


def test_parse_int_accepts_swedish_spacing():
    assert parse_int("1 200") == 1200
    assert parse_int("12a") is None


def test_engagement_display_name():
    assert Engagement(organiser_id="o", dnr="2016:209").display_name.endswith("(dnr 2016:209)")
