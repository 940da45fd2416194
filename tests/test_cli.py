import pytest
from conftest import run_module

from dialogteam_app import __version__
from dialogteam_app.cli import main
from dialogteam_app.commands import short_ids
from dialogteam_app.sample_data import load_sample
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store


def test_version_prints():
    result = run_module("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Dialogteam {__version__}"


def test_list_on_an_empty_folder_says_so(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path / "d"), "list"]) == 0
    assert "Inga samverkan ännu" in capsys.readouterr().out


def test_list_prints_engagements_with_ids(data_paths, capsys):
    with Database(data_paths.database) as db:
        engagement = load_sample(Store(db))
    assert main(["list", "--data-dir", str(data_paths.root)]) == 0
    out = capsys.readouterr().out
    assert "Norrviks kommun" in out and "2026:412" in out and "Dialogfas" in out
    assert engagement.id[:8] in out


def test_data_dir_from_environment(data_paths, monkeypatch):
    with Database(data_paths.database) as db:
        load_sample(Store(db))
    result = run_module("list", env_extra={"DIALOGTEAM_DATA_DIR": str(data_paths.root)})
    assert result.returncode == 0, result.stderr
    assert "Norrviks kommun" in result.stdout


def test_unreadable_database_gives_a_swedish_error(data_paths, capsys):
    data_paths.database.write_bytes(b"this is not a database" * 100)
    assert main(["--data-dir", str(data_paths.root), "list"]) == 2
    err = capsys.readouterr().err
    assert "skadad" in err and "not a database" not in err


def test_short_ids_grow_until_unique():
    ids = ["abcdef0123", "abcdef0199", "12345678aa"]
    assert short_ids(ids) == {"abcdef0123": "abcdef012", "abcdef0199": "abcdef019",
                              "12345678aa": "12345678"}


def test_smoke_start_opens_the_window_and_exits(data_paths):
    result = run_module("--data-dir", str(data_paths.root), "--smoke")
    assert result.returncode == 0, result.stderr
    assert "huvudfönstret visades efter" in result.stdout
    assert data_paths.database.exists()


def test_export_pdf_renders_the_plan_and_freezes_a_version(data_paths, tmp_path, capsys):
    from pypdf import PdfReader
    from timra_plan import enter_timra_plan
    with Database(data_paths.database) as db:
        engagement_id = enter_timra_plan(Store(db))
    pdf = tmp_path / "Åtgärdsplan Timrå.pdf"
    assert main(["--data-dir", str(data_paths.root), "export", engagement_id[:8],
                 "--pdf", str(pdf)]) == 0
    out = capsys.readouterr().out
    assert "version 1" in out and str(pdf) in out
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Timrå kommun" in text and "6 450" in text
    with Database(data_paths.database) as db:
        versions = Store(db).plan_versions.list(engagement_id)
    assert [(v.number, v.file_name) for v in versions] == [(1, pdf.name)]


def test_export_pdf_refusals_change_nothing(data_paths, tmp_path, capsys):
    with Database(data_paths.database) as db:
        engagement = load_sample(Store(db))
    root = str(data_paths.root)
    assert main(["--data-dir", root, "export", "--all", "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert main(["--data-dir", root, "export", "ffffffff", "--pdf", str(tmp_path / "x.pdf")]) == 1
    missing = tmp_path / "finns-inte" / "plan.pdf"
    assert main(["--data-dir", root, "export", engagement.id, "--pdf", str(missing)]) == 1
    assert "finns inte" in capsys.readouterr().err
    assert not missing.parent.exists() and not (tmp_path / "x.pdf").exists()
    with Database(data_paths.database) as db:
        assert Store(db).plan_versions.list(engagement.id) == []


def test_export_docx_freezes_a_version_and_a_failure_freezes_nothing(data_paths, tmp_path, capsys):
    import docx
    from timra_plan import enter_timra_plan
    with Database(data_paths.database) as db:
        engagement_id = enter_timra_plan(Store(db))
    root = str(data_paths.root)
    missing = tmp_path / "finns-inte" / "plan.docx"
    assert main(["--data-dir", root, "export", engagement_id[:8], "--docx", str(missing)]) == 1
    assert "Word-dokumentet sparades inte" in capsys.readouterr().err
    assert not missing.parent.exists()
    with Database(data_paths.database) as db:
        assert Store(db).plan_versions.list(engagement_id) == []
    target = tmp_path / "Åtgärdsplan Timrå.docx"
    assert main(["--data-dir", root, "export", engagement_id[:8], "--docx", str(target)]) == 0
    assert "version 1" in capsys.readouterr().out
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "1 Bakgrund" in text and "Timrå kommun" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", target.name]  # no temp files


def test_help_and_argument_errors_are_swedish(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert text.startswith("användning: dialogteam") and "flaggor:" in text
    assert "visa den här hjälpen och avsluta" in text and "visa versionen" in text
    assert "show this help" not in text and "options:" not in text
    with pytest.raises(SystemExit):
        main(["--data-dir", str(tmp_path), "export", "abc"])
    error = capsys.readouterr().err
    assert "dialogteam export: fel: ett av argumenten --package" in error and "behövs" in error


def test_a_window_start_skips_the_subcommands_and_parses_the_same():
    from dialogteam_app.cli import _window_options_only, build_parser
    for argv in ([], ["--smoke"], ["--data-dir", "x"], ["--data-dir=x", "--smoke"],
                 ["--data-dir", "list"]):
        assert _window_options_only(argv)
        assert vars(build_parser(commands=False).parse_args(argv)) \
            == vars(build_parser().parse_args(argv))
    for argv in (["list"], ["--data-dir", "x", "list"], ["-h"], ["--version"], ["--data-dir"],
                 ["--data-dir", "--smoke"], ["exprot"]):
        assert not _window_options_only(argv)
