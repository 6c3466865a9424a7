#!/usr/bin/env python3
"""Render the application icon's PNG sizes, the Windows .ico and the macOS .icns.

Sources (drawn by hand, see ``resources/icons/README.md``):

* ``resources/icons/renkei.svg``       — the icon, used from 32 px up;
* ``resources/icons/renkei-small.svg`` — the same picture without details on a 16-pixel
  grid, used at 16 and 24 px, where the details would blur into mud.

Writes (from the repository root):

* ``resources/icons/hicolor/<N>x<N>/apps/<APP_ID>.png`` for N in 16 … 512 (the window icon
  at run time and the freedesktop icon theme on Linux);
* ``packaging/renkei.ico`` (16 … 256, PNG-compressed entries: Windows Vista and later);
* ``packaging/renkei.icns`` (16 … 1024 with the @2x variants, PNG entries: macOS 10.7+).

Only PySide6 is needed (``QSvgRenderer`` is in PySide6-Essentials); the .ico and .icns
containers are written here rather than through Pillow. Run it again after editing an SVG:

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

The output is the same for the same SVGs and Qt version; files whose bytes would not change
are left alone, so a rerun does not dirty the checkout.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "io.github.renkei.Renkei"
ICON_DIR = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SMALL_UP_TO = 24  # sizes up to this one come from renkei-small.svg
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# (type code, pixel size) of the PNG-bearing icns entries.
ICNS_ENTRIES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)


def png_path(size: int, icon_dir: Path = ICON_DIR) -> Path:
    return icon_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render_png(size: int) -> bytes:
    """The icon at ``size`` pixels as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    source = ICON_DIR / ("renkei-small.svg" if size <= SMALL_UP_TO else "renkei.svg")
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read {source}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (ICONDIR, ICONDIRENTRY × n, then the data)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICNS file of PNG entries: 'icns' + total length, then (type, length, data)…"""
    body = b"".join(
        code + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for code, size in ICNS_ENTRIES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 when a generated file is missing or out of date",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QImage text/AA needs it
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {s for _, s in ICNS_ENTRIES})
    pngs = {size: render_png(size) for size in sizes}
    outputs = {png_path(size): pngs[size] for size in PNG_SIZES}
    outputs[ROOT / "packaging" / "renkei.ico"] = ico_bytes({s: pngs[s] for s in ICO_SIZES})
    outputs[ROOT / "packaging" / "renkei.icns"] = icns_bytes(pngs)
    stale = [p for p, data in outputs.items() if not p.exists() or p.read_bytes() != data]
    if args.check:
        for path in stale:
            print(f"make_icons: out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    for path, data in outputs.items():
        if write_if_changed(path, data):
            print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
