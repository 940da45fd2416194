"""Personal data is not readable by other users of the machine (POSIX)."""

import os
import stat

import pytest

from dialogteam_app.cli import main
from dialogteam_app.export.atomic import write_bytes_atomic
from dialogteam_app.export.email_draft import write_email_draft
from dialogteam_app.paths import resolve_data_paths
from dialogteam_app.sample_data import load_sample
from dialogteam_app.store.database import Database
from dialogteam_app.store.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Windows: profile ACLs")


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@pytest.fixture
def usual_umask():
    old = os.umask(0o022)    # what most desktops use: new files 0644, folders 0755
    yield
    os.umask(old)


def test_everything_written_is_private(tmp_path, usual_umask):
    paths = resolve_data_paths(str(tmp_path / "ny"))
    assert mode(paths.root) == 0o700
    with Database(paths.database, backup_dir=paths.backups) as db:
        engagement = load_sample(Store(db))
        for suffix in ("", "-wal", "-shm"):
            assert mode(f"{paths.database}{suffix}") == 0o600, suffix
    out = tmp_path / "ut"
    out.mkdir()
    data = ["--data-dir", str(paths.root)]
    assert main(["backup", *data]) == 0
    assert main(["export", engagement.id[:8], "--pdf", str(out / "plan.pdf"), *data]) == 0
    assert main(["export", "--all", "--package", str(out / "p.dialogteam.zip"), *data]) == 0
    write_email_draft(out / "utkast.eml", out / "plan.pdf", "Ada", "ada@example.se", "Plan", "Hej")
    write_bytes_atomic(out / "mall.csv", b"a;b\n")
    written = [*paths.backups.iterdir(), out / "plan.pdf", out / "p.dialogteam.zip",
               out / "utkast.eml", out / "mall.csv"]
    assert {p.name: mode(p) for p in written} == {p.name: 0o600 for p in written}
    assert mode(paths.backups) == 0o700


def test_an_existing_open_data_folder_is_closed(tmp_path, usual_umask):
    (tmp_path / "gammal").mkdir(mode=0o755)
    paths = resolve_data_paths(str(tmp_path / "gammal"))
    assert mode(paths.root) == 0o700
