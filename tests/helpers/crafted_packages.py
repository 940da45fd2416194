"""Building packages by hand: a real export taken apart, changed, and zipped again."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

from dialogteam_app.exchange.package_format import MANIFEST, table_member


class Crafted:
    def __init__(self, exported: Path):
        with zipfile.ZipFile(exported) as z:
            self.members = {i.filename: z.read(i) for i in z.infolist()}
        self.manifest = json.loads(self.members.pop(MANIFEST))

    def rows(self, table: str) -> list[dict]:
        return json.loads(self.members[table_member(table)])

    def set_rows(self, table: str, rows: list[dict]) -> None:
        self.members[table_member(table)] = json.dumps(rows, ensure_ascii=False).encode()
        entry = next((t for t in self.manifest["tables"] if t["name"] == table), None)
        if entry is None:
            self.manifest["tables"].append({"name": table, "member": table_member(table),
                                            "rows": len(rows)})
        else:
            entry["rows"] = len(rows)

    def write(self, path: Path, *, checksums: bool = True, manifest: bool = True,
              compression=zipfile.ZIP_DEFLATED) -> Path:
        """Zip it; checksums=False keeps the manifest's old member list as it was."""
        if checksums:
            self.manifest["members"] = [
                {"name": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
                for name, data in self.members.items()]
        with zipfile.ZipFile(path, "w", compression) as z:
            if manifest:
                z.writestr(MANIFEST, json.dumps(self.manifest, ensure_ascii=False))
            for name, data in self.members.items():
                z.writestr(name, data)
        return path
