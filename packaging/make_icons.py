"""Render the app icon (resources/icons/dialogteam.svg) into what the packagers need:
PNGs for the Linux desktop (hicolor sizes), a Windows .ico and a macOS .icns.

Qt renders every size. The .ico and .icns containers are packed here because Qt's
writers for both store a single image per file, and small sizes scaled down by the
system from one large image look blurred. Both formats accept PNG-encoded entries.

Run with the project's venv (needs only PySide6):  python packaging/make_icons.py
The outputs in packaging/icons/ are committed; rerun after changing the SVG.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parent.parent
SVG = REPO / "resources" / "icons" / "dialogteam.svg"
OUT = Path(__file__).resolve().parent / "icons"

LINUX_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Apple's OSType codes for PNG-encoded entries; "ic10" is 512@2x, shown on Retina screens.
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08",
              512: b"ic09", 1024: b"ic10"}


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"PNG {size}×{size} could not be written")
    return bytes(data)


def ico(pngs: dict[int, bytes]) -> bytes:
    """ICONDIR header, one 16-byte ICONDIRENTRY per image, then the PNG data."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = b"", b""
    for size, png in sorted(pngs.items()):
        side = size if size < 256 else 0  # 0 means 256 in a one-byte field
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    """'icns' + total length, then (type, length including this 8-byte header, PNG) per entry."""
    body = b"".join(ICNS_TYPES[size] + struct.pack(">I", 8 + len(png)) + png
                    for size, png in sorted(pngs.items()))
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QPainter needs an application)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"Cannot read {SVG}", file=sys.stderr)
        return 1
    sizes = sorted(set(LINUX_SIZES) | set(ICO_SIZES) | set(ICNS_TYPES))
    pngs = {size: render_png(renderer, size) for size in sizes}
    OUT.mkdir(exist_ok=True)
    for size in LINUX_SIZES:
        (OUT / f"dialogteam-{size}.png").write_bytes(pngs[size])
    (OUT / "dialogteam.ico").write_bytes(ico({s: pngs[s] for s in ICO_SIZES}))
    (OUT / "dialogteam.icns").write_bytes(icns({s: pngs[s] for s in ICNS_TYPES}))
    print(f"Icons written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
