"""The agreement PDF: the Stockholm ÖK 2 exported from the command line and compared
fact by fact with the seed; a funded agreement's money chapter; the plan appended
as Bilaga 1 with its own bookmarks and page numbering; fonts and escaping."""

import re
from pathlib import Path

import pikepdf
import pytest
from helpers.money_agreement import enter_hagsta
from pypdf import PdfReader
from stockholm_agreement import enter_stockholm

from dialogteam_app.cli import main
from dialogteam_app.domain.agreement import new_agreement
from dialogteam_app.domain.agreement_kinds import AgreementKind
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store

SEED = Path("/work/shared/seeds/overenskommelse_stockholm_2020.txt")
if not SEED.exists():
    SEED = Path(__file__).parent / "seeds" / SEED.name


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return flat(" ".join(p.extract_text() for p in PdfReader(path).pages))


def outline(path: Path) -> list[tuple[int, str]]:
    found = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                found.append((depth, item.title))
    walk(PdfReader(path).outline, 0)
    return found


def export(data_paths, engagement_id, pdf, *extra) -> int:
    return main(["--data-dir", str(data_paths.root), "export", engagement_id[:8],
                 "--agreement", str(pdf), *extra])


@pytest.fixture
def stockholm_pdf(data_paths, tmp_path, capsys):
    store = Store(Database(data_paths.database))
    engagement_id, ok2_id = enter_stockholm(store)
    store.close()
    pdf = tmp_path / "ÖK 2 Stockholm.pdf"
    assert export(data_paths, engagement_id, pdf) == 0
    out = capsys.readouterr().out
    assert "ÖK 2 (dnr 7.4.2-2019:830)" in out and "version 1 som bilaga 1" in out
    return pdf, engagement_id, ok2_id


def seed_lines(after: str, until: str) -> list[str]:
    """The seed's bullet lines between two headings, without bullet and end comma."""
    seed = SEED.read_text(encoding="utf-8")
    part = seed[seed.index(after):seed.index(until, seed.index(after))]
    return [re.sub(r"[.,]+$", "", line[2:].strip()) for line in part.splitlines()
            if line.startswith("- ")]


def test_the_stockholm_agreement_says_what_the_seed_says(stockholm_pdf):
    pdf, _, _ = stockholm_pdf
    text, seed = pdf_text(pdf), flat(SEED.read_text(encoding="utf-8"))
    facts = [
        "Organisationsnummer: 202100-4185", "Organisationsnummer: 212000-0142",
        "Box 4002", "171 04 Solna", "Telefon: 08-52 73 32 00 (vx)",
        "Box 22049", "Telefon: 08-508 33 000 (vx)",
        "Skolverket har i beslut den 9 juni 2020 (dnr 7.4.2-2019:830) beslutat om inom vilka "
        "utvecklingsområden som insatser ska genomföras inom ramen för samverkan.",
        "Den 9 maj 2019 beslutade Skolverket om samverkan med Huvudmannen avseende framtagande "
        "av nulägesanalys och åtgärdsplan. I Överenskommelse (ÖK 1) den 27 juni 2019",
        "Huvudmannen har den 4 maj 2020 redovisat en åtgärdsplan",
        "1. Eventuella tillägg och ändringar till Överenskommelsen (ÖK 2) "
        "2. Överenskommelsen (ÖK 2)",
        "insatserna ska genomföras under perioden 15 maj 2020 – 31 augusti 2022. "
        "Överenskommelsen (ÖK 2) gäller för samma period.",
        "Insatser inom styrning och utveckling av verksamheten",
        "5.1 Processtöd för uppföljning av utvecklingsinsatser",
        "Insatsen pågår under perioden 2020-05-25 – 2022-08-31.",
        "Handledning och processtöd till skolledningen",
        "Insatsen omfattar 52 timmar och pågår under perioden 2020-05-15 – 2022-06-30.",
        "Insatsen utgår från skolans åtgärdsplan, se bilaga 1.",
        "Skolverket ansvarar för att beställa insatsen från valt lärosäte med utgångspunkt i den "
        "åtgärdsplan som skolan har redovisat.",
        "Rektor på Midsommarkransen ansvarar för detaljplanering tillsammans med valt lärosäte",
        "Gymnasiedirektören ansvarar för att insatsen inkluderas i Huvudmannens systematiska "
        "kvalitetsarbete, vilket innebär att regelbundna uppföljningar genomförs och "
        "rapporteras till Utbildningsnämnden.",
        "Utbildningsnämnden ansvarar för att insatsen genomförs och prioriteras",
        "Skolverket finansierar insatsen från valt lärosäte.",
        "Huvudmannens kostnader i övrigt finansieras av Huvudmannen.",
        "Huvudmannen ska senast den 15 april 2021 och den 15 oktober 2021 ge in skriftliga "
        "delredovisningar till Skolverket.",
        "Slutrapporten ska vara Skolverket tillhanda senast den 31 augusti 2022.",
        "När slutredovisningen lämnats in och granskats av Skolverket fattas ett beslut.",
        "Om inte Huvudmannen fullgör sina åtaganden enligt denna Överenskommelse (ÖK 2) kan "
        "Skolverket komma att avbryta fortsatt samverkan.",
        "Huvudmannen och berörda skolenheter ska i rimlig omfattning bidra till Skolverkets "
        "utvärdering av de insatser som genomförs.",
        "Överenskommelsen har granskats av enhetschef", "Bilaga 1 Åtgärdsplan",
    ]
    # Both: the seed says it, and so does the PDF.
    for fact in facts:
        assert fact in seed, f"not in the seed: {fact}"
        assert fact in text, f"not in the PDF: {fact}"
    responsibilities = seed_lines("5.1.2 Ansvar", "5.2")
    final_points = seed_lines("7 Slutredovisning", "8 Brister")
    assert len(responsibilities) == 9 and len(final_points) == 4
    for line in responsibilities + final_points:
        assert flat(line.replace("Skolverket.", "Skolverket")) in text, line
    for name, title in [("Annika Holmgren", "Undervisningsråd"),
                        ("Kjell Hedwall", "Avdelningschef"), ("Peter Lyth", "Gymnasiedirektör"),
                        ("Ilana Hart", "Vikarierande gymnasiedirektör"),
                        ("Isabel Smedberg Palmqvist", "Ordförande Utbildningsnämnden"),
                        ("Ulrika Lundqvist", "")]:
        assert name.lower() in seed.lower() and title.lower() in seed.lower()
        assert re.search(f"{name} {title}", text, re.IGNORECASE), name
    # The period's dates in ISO form, as the register and the editor show them.
    assert "2020-05-15" in text and "2022-08-31" in text


def test_bilaga_1_is_the_plan_with_its_own_bookmarks_and_page_numbers(stockholm_pdf,
                                                                       data_paths):
    pdf, engagement_id, ok2_id = stockholm_pdf
    reader = PdfReader(pdf)
    pages = [flat(p.extract_text()) for p in reader.pages]
    first_bilaga = next(i for i, t in enumerate(pages) if "Bilaga 1 Åtgärdsplan, sida 1 av" in t)
    agreement_pages, plan_pages = first_bilaga, len(pages) - first_bilaga
    assert agreement_pages >= 3 and plan_pages >= 5
    for n, text in enumerate(pages[:first_bilaga], 1):
        assert f"Överenskommelse (ÖK 2), sida {n} av {agreement_pages}" in text
    for n, text in enumerate(pages[first_bilaga:], 1):
        assert f"Bilaga 1 Åtgärdsplan, sida {n} av {plan_pages}" in text
    assert "Åtgärdsplan Stockholms kommun" in pages[first_bilaga]
    marks = outline(pdf)
    assert marks[0] == (0, "Överenskommelse (ÖK 2)")
    assert (2, "5.1 Processtöd för uppföljning av utvecklingsinsatser") in marks
    bilaga = marks.index((0, "Bilaga 1 Åtgärdsplan"))
    assert (1, "1 Bakgrund") in marks[bilaga:] and (1, "6 Kostnader") in marks[bilaga:]
    # The plan's contents page numbers its chapters from the plan's own first page.
    contents = reader.pages[first_bilaga + 1].extract_text()
    numbers = [int(n) for n in re.findall(r"\.\s+(\d+)\s*$", contents, re.MULTILINE)]
    assert numbers[0] == 3 and numbers[-1] == plan_pages and numbers == sorted(numbers)
    # The plan version attached is frozen, and a second export keeps it.
    store = Store(Database(data_paths.database))
    versions = store.plan_versions.list(engagement_id)
    assert [v.number for v in versions] == [1]
    assert store.agreements.get(ok2_id).plan_version_id == versions[0].id
    store.close()
    assert export(data_paths, engagement_id, pdf.with_name("igen.pdf")) == 0
    store = Store(Database(data_paths.database))
    assert len(store.plan_versions.list(engagement_id)) == 1
    store.close()


def test_every_font_is_embedded(stockholm_pdf):
    pdf, _, _ = stockholm_pdf
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            for font in page.Resources.Font.values():
                descriptor = font.get("/DescendantFonts", [font])[0].get("/FontDescriptor")
                assert descriptor is not None and "/FontFile2" in descriptor, font.BaseFont


def test_a_funded_agreement_has_its_money_chapter(store, tmp_path):
    from dialogteam_app.export.agreement_pdf import render_agreement_pdf
    from dialogteam_app.store.agreement_snapshot import prepare_agreement_export
    _, agreement_id = enter_hagsta(store)
    export_ = prepare_agreement_export(store, agreement_id)
    pdf = tmp_path / "hagsta.pdf"
    render_agreement_pdf(export_.document, export_.plan, pdf)
    text = pdf_text(pdf)
    assert "Utkast" in text
    assert "Skolverket 250 000 kr till Huvudmannen (2021: 120 000 kr, 2022: 130 000 kr)" in text
    assert "Huvudmannen 25 000 kr" in text and "Region Hagsta 15 000 kr" in text
    assert "Summa 250 000 kr" in text and text.count("Kvartalsvis i förskott") == 7
    assert "Bankgiro 5820-1237" in text and "Organisationsnummer 212000-2411" in text
    assert ("till bankgiro 5050-1055 med referens 2020:1412 12345" in text)
    assert "kräva tillbaka utbetalda medel (återkrav)" in text
    assert "%" not in text   # no share of a whole the agreement does not state


def test_user_text_is_escaped(store, tmp_path):
    from dialogteam_app.export.agreement_pdf import render_agreement_pdf
    from dialogteam_app.store.agreement_snapshot import prepare_agreement_export
    engagement_id, agreement_id = enter_hagsta(store)
    agreement = store.agreements.get(agreement_id)
    agreement.background = "Elever < 50 % & <b>fet</b> text"
    store.agreements.save(agreement)
    terms = agreement.terms[0]
    terms.organiser_duties = ["ordna <lokaler> & tid"]
    store.agreements.save_terms(terms)
    export_ = prepare_agreement_export(store, agreement_id)
    render_agreement_pdf(export_.document, export_.plan, tmp_path / "x.pdf")
    text = pdf_text(tmp_path / "x.pdf")
    assert "Elever < 50 % & <b>fet</b> text" in text and "ordna <lokaler> & tid" in text


def test_naming_the_agreement_when_there_are_several(data_paths, tmp_path, capsys):
    store = Store(Database(data_paths.database))
    engagement_id, ok2_id = enter_stockholm(store)
    store.agreements.save(new_agreement(engagement_id, AgreementKind.OK2))
    store.close()
    pdf = tmp_path / "ok.pdf"
    assert export(data_paths, engagement_id, pdf) == 1
    err = capsys.readouterr().err
    assert "flera överenskommelser" in err and "ÖK 2 (dnr 7.4.2-2019:830)" in err
    assert not pdf.exists()
    assert export(data_paths, engagement_id, pdf, "--which", "ök 1") == 0
    assert "Överenskommelse (ÖK 1)" in pdf_text(pdf) and "Bilaga 1" not in pdf_text(pdf)
    assert export(data_paths, engagement_id, pdf, "--which", "7.4.2-2019:830") == 0
    assert "52 timmar" in pdf_text(pdf)
    assert export(data_paths, engagement_id, pdf, "--which", "ÖK 3") == 1
    assert "Ingen överenskommelse heter 'ÖK 3'" in capsys.readouterr().err


def test_agreement_export_refusals_change_nothing(data_paths, tmp_path, capsys):
    store = Store(Database(data_paths.database))
    engagement_id, ok2_id = enter_stockholm(store)
    store.close()
    root = str(data_paths.root)
    assert main(["--data-dir", root, "export", "--all", "--agreement",
                 str(tmp_path / "x.pdf")]) == 2
    missing = tmp_path / "finns-inte" / "ok.pdf"
    assert export(data_paths, engagement_id, missing) == 1
    assert "finns inte" in capsys.readouterr().err
    store = Store(Database(data_paths.database))
    assert store.plan_versions.list(engagement_id) == []
    assert store.agreements.get(ok2_id).plan_version_id is None
    store.close()



def test_the_agreement_pdf_is_tagged_like_the_plans(stockholm_pdf, store, tmp_path):
    """PDF/UA: no text outside tags or artifacts, the open checker finds nothing,
    headings never skip a level; both for the Stockholm ÖK 2 with its plan and for
    a funded agreement with tables of money."""
    from helpers.pdf_structure import structure, untagged_text_operators
    from pdfua import validate

    from dialogteam_app.export.agreement_pdf import render_agreement_pdf
    from dialogteam_app.store.agreement_snapshot import prepare_agreement_export
    _, agreement_id = enter_hagsta(store)
    export_ = prepare_agreement_export(store, agreement_id)
    funded = tmp_path / "hagsta.pdf"
    render_agreement_pdf(export_.document, export_.plan, funded)
    for path in (stockholm_pdf[0], funded):
        with pikepdf.open(path) as pdf:
            assert untagged_text_operators(pdf) == 0, path.name
            levels = [int(e.role[1]) for e in structure(pdf).walk()
                      if re.fullmatch(r"H\d", e.role)]
            roles = {e.role for e in structure(pdf).walk()}
        steps = zip(levels, levels[1:], strict=False)
        assert levels[0] == 1 and all(b <= a + 1 for a, b in steps), levels
        assert {"Table", "TH", "TD", "L", "LI"} <= roles
        report = validate(str(path))
        assert [f"{f.rule_id} {f.message}" for f in report.findings] == [], path.name


def test_a_tillagg_and_the_agreement_it_changes(data_paths, tmp_path):
    from dialogteam_app.domain.agreement_amendments import AgreementChange, ChangeTarget
    from dialogteam_app.domain.agreement_kinds import AgreementStatus
    store = Store(Database(data_paths.database))
    engagement_id, ok2_id = enter_stockholm(store)
    ok2 = store.agreements.get(ok2_id)
    tillagg = new_agreement(engagement_id, AgreementKind.AMENDMENT, amends_id=ok2_id)
    tillagg.decision_date, tillagg.signed_date = "2021-09-01", "2021-09-15"
    tillagg.status = AgreementStatus.SIGNED
    store.agreements.save(tillagg)
    store.agreements.save_change(AgreementChange(
        agreement_id=tillagg.id, target=ChangeTarget.REPORT_DUE, target_id=ok2.reports[1].id,
        value="2021-11-15", note="skolans önskemål"))
    store.close()
    own = tmp_path / "tillagg.pdf"
    assert export(data_paths, engagement_id, own, "--which", "tillägg") == 0
    text = pdf_text(own)
    assert "Tillägg till överenskommelse om samverkan mellan Skolverket och Stockholms kommun" \
        in text
    assert ("Tillägget ändrar ÖK 2 (dnr 7.4.2-2019:830) enligt följande: • Redovisning: "
            "Delredovisning 2021-10-15: redovisningens sista dag ändras till 2021-11-15 "
            "(skolans önskemål).") in text
    assert "Tillägg, sida 1 av" in text and "Bilaga 1" not in text
    changed = tmp_path / "ok2.pdf"
    assert export(data_paths, engagement_id, changed, "--which", "ök 2") == 0
    text = pdf_text(changed)
    assert "senast den 15 april 2021 och den 15 november 2021 ge in" in text
    assert "Tillägg 2021-09-15: redovisningens sista dag ändras till 2021-11-15" in text
