"""Encrypted packages: two laptops exchange sealed packages both ways; a wrong or
missing passphrase changes nothing; the documented format opens with the snippet in
docs/paketformat.md."""

import re
from dataclasses import replace
from pathlib import Path

import pytest
from helpers.exchange_helpers import dump, laptop

from dialogteam_app.cli import main
from dialogteam_app.domain.notes import Note
from dialogteam_app.exchange import PackageError, export_package, import_package
from dialogteam_app.exchange.package_crypto import PassphraseNeeded, WrongPassphrase
from dialogteam_app.exchange.package_reader import package_is_encrypted, read_package
from dialogteam_app.paths import DataPaths
from dialogteam_app.sample_data import load_sample, sample_id

PASSPHRASE = "blåbär i Norrvik före jul"
DOCS = Path(__file__).resolve().parent.parent / "docs" / "paketformat.md"


@pytest.fixture
def pair(tmp_path):
    anna, bo = laptop(tmp_path, "anna"), laptop(tmp_path, "bo")
    engagement = load_sample(anna)
    yield anna, bo, engagement
    anna.close()
    bo.close()


def sealed(src, folder, name, engagement_id=None, passphrase=PASSPHRASE):
    path = folder / f"{name}.dialogteam.zip.aes"
    export_package(src.db, path, engagement_id=engagement_id, created_by=name,
                   passphrase=passphrase)
    return path


def test_two_laptops_exchange_encrypted_packages_both_ways(pair, tmp_path):
    anna, bo, engagement = pair
    first = sealed(anna, tmp_path, "anna-1")
    assert package_is_encrypted(first)
    raw = first.read_bytes()
    assert b"PK\x03\x04" not in raw[:200] and b"Norrvik" not in raw
    report = import_package(bo.db, first, passphrase=PASSPHRASE)
    assert report.added["notes"] == 31
    assert dump(anna) == dump(bo)
    # Bo writes a note and edits one; Anna adds one; both send sealed packages.
    m2 = sample_id("meeting-m2")
    bo.notes.save(Note(meeting_id=m2, engagement_id=engagement.id, body="Bos anteckning"))
    n1 = bo.notes.get(sample_id("note-m1-1"))
    bo.notes.save(replace(n1, body="Bos version"))
    anna.notes.save(Note(meeting_id=m2, engagement_id=engagement.id, body="Annas anteckning"))
    from_bo = import_package(anna.db, sealed(bo, tmp_path, "bo-1", engagement.id),
                             passphrase=PASSPHRASE)
    from_anna = import_package(bo.db, sealed(anna, tmp_path, "anna-2", engagement.id),
                               passphrase=PASSPHRASE)
    assert from_bo.added == {"notes": 1} and from_anna.added == {"notes": 1}
    assert dump(anna) == dump(bo)
    assert anna.notes.get(n1.id).body == "Bos version"


def test_wrong_or_missing_passphrase_changes_nothing(pair, tmp_path):
    anna, bo, engagement = pair
    path = sealed(anna, tmp_path, "anna")
    before = dump(bo)
    with pytest.raises(PassphraseNeeded, match="krypterat"):
        import_package(bo.db, path)
    with pytest.raises(WrongPassphrase, match="Lösenfrasen öppnar inte paketet"):
        import_package(bo.db, path, passphrase=PASSPHRASE.upper())
    assert dump(bo) == before


def test_a_changed_byte_or_header_is_refused(pair, tmp_path):
    anna, bo, _ = pair
    path = sealed(anna, tmp_path, "anna")
    data = bytearray(path.read_bytes())
    data[-40] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(WrongPassphrase):
        read_package(path, passphrase=PASSPHRASE)
    header_changed = sealed(anna, tmp_path, "anna2")
    text = header_changed.read_bytes().replace(b'"r":8', b'"r":9', 1)
    header_changed.write_bytes(text)
    with pytest.raises(WrongPassphrase):
        read_package(header_changed, passphrase=PASSPHRASE)


def test_a_header_asking_for_gigabytes_is_refused_before_deriving(pair, tmp_path):
    anna, _, _ = pair
    path = sealed(anna, tmp_path, "anna")
    path.write_bytes(path.read_bytes().replace(b'"n":131072', b'"n":1073741824', 1))
    with pytest.raises(PackageError, match="ogiltiga parametrar"):
        read_package(path, passphrase=PASSPHRASE)


def test_the_documented_snippet_opens_a_package(pair, tmp_path):
    """A third party's decryption, exactly as docs/paketformat.md shows it."""
    anna, _, _ = pair
    path = sealed(anna, tmp_path, "anna")
    blocks = re.findall(r"```python\n(.*?)```", DOCS.read_text(encoding="utf-8"), re.S)
    snippet = next(b for b in blocks if "def open_sealed_package" in b)
    namespace: dict = {}
    exec(snippet, namespace)
    with namespace["open_sealed_package"](str(path), PASSPHRASE) as z:
        assert "manifest.json" in z.namelist()
        notes = z.read("tabeller/notes.json").decode("utf-8")
    assert "elev" in notes.lower()


def test_cli_export_encrypted_and_import_with_a_passphrase_file(tmp_path, capsys):
    anna = DataPaths(tmp_path / "anna")
    bo = DataPaths(tmp_path / "bo")
    anna.root.mkdir()
    bo.root.mkdir()
    from dialogteam_app.store.database import Database
    from dialogteam_app.store.store import Store
    with Database(anna.database) as db:
        engagement = load_sample(Store(db))
    secret = tmp_path / "lösenfras.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    package = tmp_path / "norrvik.dialogteam.zip.aes"
    assert main(["--data-dir", str(anna.root), "export", engagement.id, "--package",
                 str(package), "--passphrase-file", str(secret)]) == 0
    assert "krypterat" in capsys.readouterr().out
    assert package_is_encrypted(package)
    # No passphrase and no terminal: a Swedish refusal, nothing imported.
    assert main(["--data-dir", str(bo.root), "import", str(package)]) == 1
    assert "--passphrase-file" in capsys.readouterr().err
    wrong = tmp_path / "fel.txt"
    wrong.write_text("en helt annan fras\n", encoding="utf-8")
    assert main(["--data-dir", str(bo.root), "import", str(package),
                 "--passphrase-file", str(wrong)]) == 1
    assert "Lösenfrasen öppnar inte" in capsys.readouterr().err
    assert main(["--data-dir", str(bo.root), "import", str(package),
                 "--passphrase-file", str(secret)]) == 0
    assert "Nytt:" in capsys.readouterr().out


def test_cli_refuses_a_weak_passphrase(tmp_path, capsys):
    anna = DataPaths(tmp_path / "anna")
    anna.root.mkdir()
    weak = tmp_path / "svag.txt"
    weak.write_text("abc\n", encoding="utf-8")
    target = tmp_path / "p.dialogteam.zip.aes"
    assert main(["--data-dir", str(anna.root), "export", "--all", "--package", str(target),
                 "--passphrase-file", str(weak)]) == 2
    assert "För kort" in capsys.readouterr().err and not target.exists()
