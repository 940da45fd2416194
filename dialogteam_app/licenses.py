"""The licences of what the program ships with: shown in Hjälp → Om Dialogteam, the
texts in resources/licenses/ (inside the package and the standalone program). No Qt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .assets import resource


@dataclass(frozen=True)
class Notice:
    component: str
    spdx: str           # the licence's SPDX expression
    file: str           # its text, relative to resources/
    why: str            # what the component does in Dialogteam, in Swedish

    @property
    def path(self) -> Path:
        return resource(*self.file.split("/"))


NOTICES: tuple[Notice, ...] = (
    Notice("Dialogteam", "MIT", "licenses/Dialogteam-MIT.txt", "själva programmet"),
    Notice("Qt 6 och PySide6", "LGPL-3.0-only", "licenses/LGPL-3.0.txt",
           "fönstren; dynamiskt länkat, så att biblioteken kan bytas ut. Källkod: "
           "https://download.qt.io/official_releases/QtForPython/"),
    Notice("GNU GPL 3 (del av LGPL 3)", "GPL-3.0-only",
           "licenses/GPL-3.0.txt", "LGPL 3 bygger på GPL 3 och hänvisar till den"),
    Notice("ReportLab", "BSD-3-Clause", "licenses/reportlab-BSD.txt", "PDF-exporten"),
    Notice("rl-accel (ReportLab)", "BSD-3-Clause", "licenses/reportlab-BSD.txt",
           "snabbare PDF-export, där den finns för datorn"),
    Notice("Open Sans", "Apache-2.0", "fonts/OpenSans-LICENSE.txt", "typsnittet i PDF:erna"),
    Notice("platformdirs", "MIT", "licenses/platformdirs-MIT.txt", "var datamappen ligger"),
    Notice("python-docx", "MIT", "licenses/python-docx-MIT.txt", "Word-dokument"),
    Notice("sqlcipher3 (pysqlite)", "Zlib", "licenses/sqlcipher3-Zlib.txt",
           "kopplingen till databasen"),
    Notice("SQLCipher", "BSD-3-Clause", "licenses/SQLCipher-BSD.txt",
           "kryptering av databasen, om den slås på"),
    Notice("cryptography", "Apache-2.0 OR BSD-3-Clause", "licenses/cryptography-BSD.txt",
           "krypterade utbytespaket"),
    Notice("OpenSSL (i cryptography och sqlcipher3)", "Apache-2.0", "licenses/Apache-2.0.txt",
           "krypteringsalgoritmerna"),
    Notice("Python", "PSF-2.0", "licenses/Python-PSF-2.0.txt",
           "det fristående programmet innehåller Python-tolken"),
)


def notice_text(notice: Notice) -> str:
    return notice.path.read_text(encoding="utf-8")
