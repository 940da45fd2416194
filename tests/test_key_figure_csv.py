"""The key-figure CSV import: good files in every documented variant, and every
kind of broken file refused with a clear Swedish reason and nothing imported."""

import pytest
from helpers.analysis_world import dump, make_world

from dialogteam_app.domain.analysis import Measure
from dialogteam_app.domain.key_figure_csv import (
    MAX_BYTES,
    MAX_ROWS,
    parse_key_figures_csv,
    read_key_figures_file,
    template_csv,
)
from dialogteam_app.domain.organisations import SchoolUnit

UNITS = [SchoolUnit(id="u1", organiser_id="o", name="Björkdalsskolan", grade_span="7-9",
                    unit_code="81234567"),
         SchoolUnit(id="u2", organiser_id="o", name="Alvikens skola", grade_span="F-6")]

GOOD = (
    "skolenhet;nyckeltal;år;värde;riket;ämne;källa\n"
    "Björkdalsskolan 7-9;Meritvärde åk 9;2025;197,3;229,1;;SIRIS\n"
    "81234567;behoriga_yrkesprogram;2025;69,2 %;84,1;;SIRIS\n"
    "Alvikens skola;Nationella prov åk 3, andel som klarat alla delprov;2024/25;61;70;svenska;\n"
    ";Andel nyinvandrade;2025;8;5,5;;SCB\n"
)


def parse(text, encoding="utf-8"):
    return parse_key_figures_csv(text.encode(encoding) if isinstance(text, str) else text,
                                 "e", UNITS)


def messages(result):
    return [str(p) for p in result.errors]


def test_a_good_file():
    result = parse(GOOD)
    assert result.ok and messages(result) == []
    first, second, third, fourth = result.figures
    assert (first.school_unit_id, first.measure, first.value, first.national_value) == \
        ("u1", Measure.MERIT_9, 197.3, 229.1)
    assert (first.source, first.engagement_id) == ("SIRIS", "e")
    assert (second.school_unit_id, second.value) == ("u1", 69.2)      # by skolenhetskod
    assert (third.school_unit_id, third.subject, third.year) == ("u2", "svenska", "2024/25")
    assert fourth.school_unit_id is None                               # the huvudman


VARIANTS = {
    "bom": b"\xef\xbb\xbf" + GOOD.encode(),
    "crlf": GOOD.replace("\n", "\r\n").encode(),
    "blank lines": ("\n\n" + GOOD.replace("\n", "\n\n")).encode(),
    "aliases": GOOD.replace("skolenhet;", "Skola;").replace(
        "år;värde;riket", "Läsår;Värde;Riksgenomsnitt").encode(),
    "comma separator": ('skolenhet,nyckeltal,år,värde,riket\n'
                        'Björkdalsskolan,Meritvärde åk 9,2025,"197,3","229,1"\n'
                        'Alvikens skola,Genomsnittlig betygspoäng åk 6,2025,12.5,13.9\n').encode(),
    "short rows": ("skolenhet;nyckeltal;år;värde;riket;källa\n"
                   "Björkdalsskolan;Meritvärde åk 9;2025;197,3;229,1\n").encode(),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_documented_variants(variant):
    result = parse(VARIANTS[variant])
    assert result.ok, messages(result)
    assert result.figures[0].value == 197.3 and result.figures[0].national_value == 229.1
    if variant == "comma separator":
        assert result.figures[1].value == 12.5


def test_rows_without_a_value_are_skipped_and_counted():
    result = parse("skolenhet;nyckeltal;år;värde\nBjörkdalsskolan;Meritvärde åk 9;2025;\n"
                   "Björkdalsskolan;Meritvärde åk 9;2024;201\n")
    assert result.ok and result.skipped_lines == [2] and len(result.figures) == 1


@pytest.mark.parametrize("body, expected", [
    ("Björkdal;Meritvärde åk 9;2025;197\n",
     "Rad 2, skolenhet: Okänd skolenhet ”Björkdal” (huvudmannens skolenheter: "
     "Björkdalsskolan 7-9, Alvikens skola F-6)."),
    ("Björkdalsskolan;Meritvärdet;2025;197\n", "Rad 2, nyckeltal: Okänt nyckeltal ”Meritvärdet”"),
    ("Björkdalsskolan;Meritvärde åk 9;2025;hög\n", "Rad 2, värde: ”hög” är inget tal."),
    ("Björkdalsskolan;Meritvärde åk 9;2025;197;ca 230\n", "Rad 2, riket: ”ca 230” är inget tal."),
    ("Björkdalsskolan;Andel behöriga till yrkesprogram;2025;112\n",
     "Rad 2, värde: En andel ska ligga mellan 0 och 100 %."),
    ("Björkdalsskolan;Meritvärde åk 9;25;197\n", "Rad 2, år: År skrivs 2025"),
    ("Björkdalsskolan;Meritvärde åk 9;2025;197\nBjörkdalsskolan;meritvarde_ak9;2025;198\n",
     "Rad 3: Samma nyckeltal, skolenhet, ämne och år som på rad 2."),
    ("Björkdalsskolan;Meritvärde åk 9;2025;197;229;extra\n",
     "Rad 2: Raden har 6 fält men rubrikraden har 5. Skriv decimaltal inom citattecken"),
    ("Björkdalsskolan;Meritvärde\x07 åk 9;2025;197\n",
     "Rad 2: Raden innehåller otillåtna styrtecken."),
    ('Björkdalsskolan;"Meritvärde åk 9;2025;197\n', "Rad 2: Filen går inte att läsa som CSV"),
])
def test_broken_rows_are_reported_with_their_line(body, expected):
    result = parse("skolenhet;nyckeltal;år;värde;riket\n" + body)
    assert not result.ok and result.figures == []
    assert any(m.startswith(expected) for m in messages(result)), messages(result)


def test_every_error_is_collected_not_just_the_first():
    result = parse("skolenhet;nyckeltal;år;värde\n"
                   "X;Meritvärde åk 9;2025;1\nBjörkdalsskolan;Y;2025;1\n"
                   "Björkdalsskolan;Meritvärde åk 9;2025;Z\nAlvikens skola;Y;25;Z\n")
    assert [(p.line, p.column) for p in result.errors] == [
        (2, "skolenhet"), (3, "nyckeltal"), (4, "värde"), (5, "nyckeltal"), (5, "år"), (5, "värde")]


@pytest.mark.parametrize("data, expected", [
    (b"", "Filen är tom."),
    (b"\xef\xbb\xbf \r\n\r\n", "Filen är tom."),
    (b"skolenhet;nyckeltal;\xe5r;v\xe4rde\n", "Rad 1: Filen är inte sparad som UTF-8"),
    ("skolenhet;nyckeltal;år;värde\n".encode("utf-16"), "Filen är sparad som UTF-16"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "Filen är ingen textfil"),
    (b"skolenhet;nyckeltal;\xc3\xa5r;v\xc3\xa4rde\n", "Filen innehåller inga nyckeltal"),
    ("skolenhet nyckeltal år värde\n".encode(), "Rad 1: Rubrikraden har bara en kolumn"),
    ("skolenhet;nyckeltal;år;värden\n".encode(), "Rad 1: Okänd kolumn ”värden”"),
    ("Björkdalsskolan;Meritvärde åk 9;2025;197\n".encode(), "Rad 1: Okänd kolumn ”Björkdalsskolan”"),
    ("skolenhet;nyckeltal;år;riket\n".encode(), "Rad 1: Rubrikraden saknar kolumnen ”värde”."),
    ("skolenhet;nyckeltal;år;värde;Värde\n".encode(), "Rad 1: Kolumnen ”värde” finns två gånger."),
])
def test_broken_files_are_refused_whole(data, expected):
    result = parse(data)
    assert not result.ok and result.figures == []
    assert messages(result)[0].startswith(expected), messages(result)


def test_huge_and_overlong_files_are_refused_without_reading_them_whole(tmp_path):
    huge = tmp_path / "stor.csv"
    with open(huge, "wb") as f:
        f.write(GOOD.encode())
        f.seek(50 * MAX_BYTES)        # sparse: 50 MB that take no disk
        f.write(b"\n")
    result = read_key_figures_file(huge, "e", UNITS)
    assert messages(result)[0].startswith("Filen är för stor (högst 1 MB)")
    many = "skolenhet;nyckeltal;år;värde\n" + "Björkdalsskolan;Meritvärde åk 9;2025;1\n" * (MAX_ROWS + 1)
    assert "för många rader" in messages(parse(many))[0]
    missing = read_key_figures_file(tmp_path / "finns-inte.csv", "e", UNITS)
    assert messages(missing)[0].startswith("Filen kunde inte läsas")


def test_the_template_is_a_valid_file_once_filled_in():
    template = template_csv(UNITS, "2025")
    lines = template.splitlines()
    assert lines[0] == "skolenhet;nyckeltal;år;värde;riket;ämne;källa;kommentar"
    assert "Björkdalsskolan 7-9;Meritvärde åk 9;2025;;;;;" in lines
    assert "Alvikens skola F-6;Genomsnittlig betygspoäng åk 6;2025;;;svenska;;" in lines
    assert not any("Meritvärde" in line for line in lines if line.startswith("Alvikens"))
    assert parse(template).errors[0].message == "Filen innehåller inga nyckeltal med värde."
    filled = "\r\n".join([lines[0]] + [line.replace(";2025;;", ";2025;50;") for line in lines[1:]])
    result = parse(filled)
    assert result.ok and len(result.figures) == len(lines) - 1


def test_a_refused_file_imports_nothing_and_a_good_one_imports_in_one_go(store):
    world = make_world(store)
    units = world.units
    before = dump(store)
    bad = parse_key_figures_csv(
        "skolenhet;nyckeltal;år;värde\nSörbergeskolan;Meritvärde åk 9;2025;201\n"
        "Sörbergeskolan;Meritvärde åk 9;2024;X\n".encode(), world.engagement.id, units)
    assert not bad.ok and bad.figures == []
    assert dump(store) == before
    good = parse_key_figures_csv(
        "skolenhet;nyckeltal;år;värde;riket\n12345678;Meritvärde åk 9;2025;201;229\n"
        "Böle skola F-6;Genomsnittlig betygspoäng åk 6;2025;12,9;14,1\n".encode(),
        world.engagement.id, units)
    result = store.current_state.import_key_figures(world.engagement.id, good.figures)
    assert (result.added, result.updated) == (1, 1)   # the meritvärde 2025 was there already
    assert store.current_state.get_key_figure(world.key_figure.id).value == 201.0


def test_blank_lines_do_not_count_toward_the_row_limit():
    row = "Björkdalsskolan;Meritvärde åk 9;2025;197;;;;\n"
    text = "skolenhet;nyckeltal;år;värde;riket;ämne;källa;kommentar\n" + row + "\n" * MAX_ROWS
    result = parse(text)
    assert result.ok, messages(result)
    assert len(result.figures) == 1


def test_formula_like_names_are_escaped_in_the_template_and_read_back():
    units = [SchoolUnit(id="u9", organiser_id="o", name='=HYPERLINK("http://x.se";"Klicka")',
                        grade_span="7-9"),
             SchoolUnit(id="u8", organiser_id="o", name="@SUM(A1)", grade_span="7-9")]
    text = template_csv(units, "2025")
    import csv
    import io
    cells = [c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row]
    assert not any(c[:1] in ("=", "+", "-", "@") for c in cells if c)
    filled = text.replace(";2025;;", ";2025;200;", 1)
    result = parse_key_figures_csv(filled.encode(), "e", units)
    assert result.ok, messages(result)
    assert result.figures[0].school_unit_id == "u9"


def test_duplicates_among_many_rows_are_still_found():
    header = "skolenhet;nyckeltal;år;värde;riket;ämne;källa;kommentar\n"
    rows = [f";Annat nyckeltal;2025;{i};;ämne {i};;\n" for i in range(MAX_ROWS - 1)]
    result = parse(header + "".join(rows) + ";Annat nyckeltal;2025;1;;ämne 7;;\n")
    assert [str(p) for p in result.errors] == [
        f"Rad {MAX_ROWS + 1}: Samma nyckeltal, skolenhet, ämne och år som på rad 9."]
