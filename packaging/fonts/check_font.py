#!/usr/bin/env python3
"""Verify the bundled "Renkei Sans JP" fonts made by make_font.py.

1. fontTools: no cmap entry in U+2E80-U+2FDF / U+F900-U+FAFF, required
   characters present, TrueType outlines, expected names.
2. Qt (offscreen): the fonts register under the family "Renkei Sans JP" and
   render a Japanese sentence into a PNG (look at it).
3. Qt PDF: a PDF written with QPdfWriter using the font gives back exactly the
   same text with pdftotext, and pdffonts lists only embedded Renkei fonts.

Usage: QT_QPA_PLATFORM=offscreen python packaging/fonts/check_font.py \
           [--fonts resources/fonts] [--png /tmp/fonttest.png] [--pdf /tmp/fonttest.pdf]
Exit status 0 when every check passes.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

FAMILY = "Renkei Sans JP"
STYLES = ("Regular", "Bold")
FORBIDDEN_RANGES = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF))
REQUIRED = "山田月日連携営業顧客あアー、。Ａ"
SENTENCE = "山田太郎さんの月次報告 — 営業部へ引き継ぎ"
# Characters whose glyph the source font shares with another code point
# (make_font.py gives each its own glyph), and a few other PDF-text pitfalls.
EXTRA_LINES = (
    "中黒・全角スラッシュ／波～〜全角空白　①➀ 〈括弧〉 1–2",
    "Office file flow ——— 𠮟 塡 剝 頰 ✓ ⚠ ★ ㈱ ㍉ 髙",
)

failures: list[str] = []


def check(cond: bool, message: str) -> None:
    print(("  ok   " if cond else "  FAIL ") + message)
    if not cond:
        failures.append(message)


def check_fonttools(font_dir: Path) -> None:
    from fontTools.ttLib import TTFont

    print("[1] fontTools")
    for style in STYLES:
        path = font_dir / f"RenkeiSansJP-{style}.ttf"
        font = TTFont(path)
        bad = []
        for table in font["cmap"].tables:
            cps = (
                list(table.cmap)
                if table.format != 14
                else [u for seqs in table.uvsDict.values() for u, _ in seqs]
            )
            bad += [u for u in cps if any(lo <= u <= hi for lo, hi in FORBIDDEN_RANGES)]
        check(
            not bad,
            f"{path.name}: no cmap entry in U+2E80-2FDF/U+F900-FAFF "
            f"({len(font['cmap'].tables)} subtables)",
        )
        cmap = font.getBestCmap()
        missing = [c for c in REQUIRED + SENTENCE if ord(c) not in cmap]
        check(
            not missing,
            f"{path.name}: has {REQUIRED} and the test sentence"
            + (f" (missing {''.join(missing)})" if missing else ""),
        )
        check(
            "glyf" in font
            and "CFF " not in font
            and font["head"].glyphDataFormat == 0
            and font["maxp"].tableVersion == 0x00010000,
            f"{path.name}: TrueType outlines, maxp 1.0, post format {font['post'].formatType}",
        )
        name = font["name"]
        check(
            name.getDebugName(1) == FAMILY
            and name.getDebugName(6) == f"RenkeiSansJP-{style}"
            and not any(
                "Noto Sans" in (r.toUnicode() or "")
                for r in name.names
                if r.nameID in (1, 3, 4, 6, 16, 17)
            ),
            f"{path.name}: family {name.getDebugName(1)!r} "
            f"style {name.getDebugName(2)!r} ps {name.getDebugName(6)!r}",
        )
        owners: dict[str, list[int]] = {}
        for u, g in cmap.items():
            owners.setdefault(g, []).append(u)
        shared = [v for v in owners.values() if len(v) > 1]
        check(not shared, f"{path.name}: every glyph has one code point ({len(shared)} shared)")
        print(
            f"       {len(font.getGlyphOrder())} glyphs, {len(cmap)} code points, "
            f"{path.stat().st_size:,} bytes"
        )


def check_qt(font_dir: Path, png: str, pdf: str) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF, QPointF
    from PySide6.QtGui import (
        QColor,
        QFont,
        QFontDatabase,
        QFontInfo,
        QGuiApplication,
        QImage,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QRawFont,
    )

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841

    print("[2] Qt rendering")
    for style in STYLES:
        path = font_dir / f"RenkeiSansJP-{style}.ttf"
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id)
        check(
            font_id >= 0 and families == [FAMILY],
            f"{path.name}: addApplicationFont id {font_id} families {families}",
        )
        raw = QRawFont(str(path), 32)
        # (pass ord(): PySide6 mis-converts some str -> QChar, e.g. 田)
        missing = [c for c in SENTENCE if not c.isspace() and not raw.supportsCharacter(ord(c))]
        check(not missing, f"{path.name}: QRawFont supports every character")
    styles = QFontDatabase.styles(FAMILY)
    check({"Regular", "Bold"} <= set(styles), f"styles of {FAMILY!r}: {styles}")

    def make_font(bold: bool, size: int) -> QFont:
        font = QFont(FAMILY)
        font.setPixelSize(size)
        font.setBold(bold)
        font.setStyleStrategy(QFont.StyleStrategy.NoFontMerging)  # no fallback
        return font

    lines = [SENTENCE, *EXTRA_LINES]
    image = QImage(1100, 70 * (len(lines) + 1), QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QColor("black"))
    y = 50
    for bold in (False, True):
        font = make_font(bold, 36)
        info = QFontInfo(font)
        check(
            info.family() == FAMILY and info.bold() == bold,
            f"QFontInfo: family {info.family()!r} bold {info.bold()}",
        )
        painter.setFont(font)
        painter.drawText(QPointF(20, y), SENTENCE)
        y += 70
    painter.setFont(make_font(False, 32))
    for line in EXTRA_LINES:
        painter.drawText(QPointF(20, y), line)
        y += 70
    painter.end()
    check(image.save(png), f"rendered {png} (inspect it: real glyphs, no boxes)")

    print("[3] Qt PDF")
    writer = QPdfWriter(pdf)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(15, 15, 15, 15),
        )
    )
    writer.setResolution(300)
    painter = QPainter(writer)
    y = 200
    for bold, text in (
        (False, SENTENCE),
        (True, SENTENCE),
        *((False, line) for line in EXTRA_LINES),
    ):
        font = make_font(bold, 60)
        painter.setFont(font)
        painter.drawText(QPointF(50, y), text)
        y += 160
    painter.end()
    del writer

    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    got = [line for line in text.replace("\f", "\n").split("\n") if line.strip()]
    print("       pdftotext output:")
    for line in got:
        print("         " + line)
    check(
        got[:2] == [SENTENCE, SENTENCE], "pdftotext gives the sentence exactly (Regular and Bold)"
    )
    radicals = [c for c in text if any(lo <= ord(c) <= hi for lo, hi in FORBIDDEN_RANGES)]
    check(not radicals, f"no radical/compatibility code points in the text layer {radicals}")
    # pdftotext guesses spaces and line breaks from gaps, so compare the
    # extra lines without whitespace.  𠮟 (U+20B9F) is outside the BMP: Qt's
    # PDF writer only maps BMP code points back from glyphs, so it has no text
    # (reported, not failed).
    exp = "".join("".join(EXTRA_LINES).split())
    act = "".join("".join(got[2:]).split())
    if "𠮟" not in act:
        print("       note: 𠮟 (non-BMP) has no text in Qt's PDF output")
        exp = exp.replace("𠮟", "")
    check(
        act == exp,
        "extra lines round-trip (symbols, shared-glyph code points, Latin without ligatures)",
    )

    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
    print("       pdffonts output:")
    for line in fonts.splitlines():
        print("         " + line)
    rows = fonts.splitlines()[2:]
    check(rows and all("RenkeiSansJP" in r for r in rows), "PDF uses only Renkei Sans JP fonts")
    check(rows and all(r.split()[-5] == "yes" for r in rows), "every font is embedded (emb = yes)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fonts", default="resources/fonts")
    parser.add_argument("--png", default="/tmp/fonttest.png")
    parser.add_argument("--pdf", default="/tmp/fonttest.pdf")
    args = parser.parse_args()
    font_dir = Path(args.fonts)
    check_fonttools(font_dir)
    check_qt(font_dir, args.png, args.pdf)
    print("ALL CHECKS PASSED" if not failures else f"{len(failures)} CHECK(S) FAILED")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
