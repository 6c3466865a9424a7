#!/usr/bin/env python3
"""Build the bundled Japanese UI/PDF font "Renkei Sans JP".

Source: Noto Sans CJK JP (SIL Open Font License 1.1) as shipped by the
Debian package ``fonts-noto-cjk`` (``apt-get install fonts-noto-cjk``).
The JP face is picked out of the .ttc collection by its family name.

For each face (Regular, Bold) this script:

1. subsets the font to Latin/punctuation/common symbols, kana, CJK
   punctuation, half/fullwidth forms, all JIS X 0208 (and Windows cp932)
   characters, and the Joyo kanji that JIS X 0208 lacks;
2. removes every cmap entry in U+2E80-U+2FDF (CJK Radicals Supplement,
   Kangxi Radicals) and U+F900-U+FAFF (CJK Compatibility Ideographs).
   Those code points share glyphs with ordinary ideographs, and Qt's PDF
   writer, which rebuilds the text layer from glyph -> code point, would
   otherwise write e.g. 山田 as the radicals ⼭⽥;
3. drops hinting, vertical-layout data, glyph variants and every glyph
   substitution (ligatures would lose their text in Qt's PDF output);
4. gives each code point its own glyph where the source shares one glyph
   between several (・/‧, ／/∕, ～/〜, ...), for the same PDF reason;
5. converts the CFF outlines to TrueType (quadratic, glyf/loca) outlines,
   which Qt's PDF writer embeds as a proper subsetted font;
6. renames the family to "Renkei Sans JP" (a Modified Version under the
   OFL must not use the Reserved Font Name), keeping the copyright,
   licence, designer and vendor records.

It also writes OFL.txt (licence text taken from the Debian package's
copyright file) and README.md next to the fonts.

Usage (from the repository root):

    python packaging/fonts/make_font.py \
        --source-regular /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
        --source-bold /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc \
        --out resources/fonts

The output is byte-for-byte reproducible for the same source files and
fontTools version; files whose content would not change are not rewritten.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import fontTools
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable
from fontTools.ttLib.tables import ttProgram

DEFAULT_SOURCE_DIR = "/usr/share/fonts/opentype/noto"
DEFAULT_REGULAR = DEFAULT_SOURCE_DIR + "/NotoSansCJK-Regular.ttc"
DEFAULT_BOLD = DEFAULT_SOURCE_DIR + "/NotoSansCJK-Bold.ttc"
DEFAULT_COPYRIGHT_FILE = "/usr/share/doc/fonts-noto-cjk/copyright"
DEBIAN_PACKAGE = "fonts-noto-cjk"

SOURCE_FAMILY = "Noto Sans CJK JP"
FAMILY = "Renkei Sans JP"
PS_FAMILY = "RenkeiSansJP"

# Code points that must never be in the cmap (see module docstring).
FORBIDDEN_RANGES = (
    (0x2E80, 0x2FDF),  # CJK Radicals Supplement + Kangxi Radicals
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
)

# Blocks taken whole (only the code points the source font really has end up
# in the subset).
INCLUDED_RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x20A0, 0x20CF),  # Currency Symbols (€ ...)
    (0x2100, 0x214F),  # Letterlike Symbols (℃ № ™ ...)
    (0x2150, 0x218F),  # Number Forms (Ⅰ Ⅱ ...)
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators
    (0x2300, 0x23FF),  # Miscellaneous Technical
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (① ...)
    (0x2500, 0x257F),  # Box Drawing
    (0x2580, 0x259F),  # Block Elements
    (0x25A0, 0x25FF),  # Geometric Shapes
    (0x2600, 0x26FF),  # Miscellaneous Symbols (★ ⚠ ...)
    (0x2700, 0x27BF),  # Dingbats (✓ ...)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3040, 0x309F),  # Hiragana
    (0x30A0, 0x30FF),  # Katakana
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)

EXTRA_CODEPOINTS = (
    0x20B9F,  # 𠮟 Joyo kanji outside JIS X 0208
    0x5861,  # 塡 Joyo
    0x525D,  # 剝 Joyo
    0x9830,  # 頰 Joyo
    0x32FF,  # ㋿ square era name Reiwa
)

# OpenType layout features kept: positioning only.  Qt's PDF writer builds
# the text layer by mapping each glyph back to a code point through the cmap,
# so a glyph produced by a substitution (e.g. the 'liga' fi/fl ligatures or
# the 'ccmp' em-dash and kana+handakuten ligatures) has no text and drops out
# of the PDF text ("Office" would extract as "O ce").  Vertical features,
# 'aalt', 'locl' (Chinese/Korean variants), 'dlig', JIS78/83/90 forms, 'ruby',
# 'fwid'/'hwid'/'pwid' etc. are dropped as well.
LAYOUT_FEATURES = [
    "kern",
    "mark",
    "mkmk",
    "palt",
    "halt",  # proportional / half-width CJK spacing (opt-in in Qt)
]

# Tables dropped in addition to fontTools' defaults.
DROP_TABLES = ["vhea", "vmtx", "VORG", "vkrn"]

CU2QU_MAX_ERR = 1.0  # font units (UPM 1000)

# The font's own copyright record (name ID 0) reads
# "© 2014-2021 Adobe (http://www.adobe.com/)."; upstream noto-cjk / Source
# Han Sans state the Reserved Font Name "Source".  "Renkei Sans JP" uses
# neither "Source" nor "Noto".
OFL_HEADER = """\
Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source'.
Noto is a trademark of Google Inc.

Renkei Sans JP is a Modified Version of Noto Sans CJK JP (see README.md).

This Font Software is licensed under the SIL Open Font License, Version 1.1.
This license is copied below, and is also available with a FAQ at:
https://openfontlicense.org

"""


# --------------------------------------------------------------------------
# character set


def _decode_double_byte(codec: str, leads, trails) -> set[int]:
    out = set()
    for lead in leads:
        for trail in trails:
            try:
                text = bytes((lead, trail)).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                out.add(ord(text))
    return out


def jis_x_0208_codepoints() -> set[int]:
    """Every character of JIS X 0208 (rows 1-84, i.e. symbols, kana, level 1
    and level 2 kanji), decoded with Python's EUC-JP and Shift_JIS codecs,
    plus the Windows cp932 extensions (NEC special characters such as ①, ㈱,
    ㍉ and the NEC/IBM extension kanji such as 髙)."""
    euc = range(0xA1, 0xFF)
    cps = _decode_double_byte("euc_jp", euc, euc)
    sjis_leads = list(range(0x81, 0xA0)) + list(range(0xE0, 0xF0))
    sjis_trails = [b for b in range(0x40, 0xFD) if b != 0x7F]
    cps |= _decode_double_byte("shift_jis", sjis_leads, sjis_trails)
    cp932_leads = list(range(0x81, 0xA0)) + list(range(0xE0, 0xFD))
    cps |= _decode_double_byte("cp932", cp932_leads, sjis_trails)
    # no private use area (cp932 user-defined characters)
    return {c for c in cps if not 0xE000 <= c <= 0xF8FF}


def is_forbidden(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in FORBIDDEN_RANGES)


def wanted_codepoints() -> set[int]:
    cps = set()
    for lo, hi in INCLUDED_RANGES:
        cps.update(range(lo, hi + 1))
    cps |= jis_x_0208_codepoints()
    cps.update(EXTRA_CODEPOINTS)
    return {c for c in cps if not is_forbidden(c)}


# --------------------------------------------------------------------------
# font steps


def open_jp_face(path: str) -> TTFont:
    """Open the face whose family name is exactly SOURCE_FAMILY."""
    if path.lower().endswith((".ttc", ".otc")):
        coll = TTCollection(path, lazy=True)
        count = len(coll.fonts)
        del coll
        indices = range(count)
    else:
        indices = [-1]
    for index in indices:
        font = TTFont(path, fontNumber=index, recalcTimestamp=False)
        names = {font["name"].getDebugName(i) for i in (1, 16)}
        if SOURCE_FAMILY in names:
            return font
        font.close()
    sys.exit(f"error: no face with family name {SOURCE_FAMILY!r} in {path}")


def subset_font(font: TTFont, unicodes: set[int]) -> None:
    opts = subset.Options()
    opts.layout_features = LAYOUT_FEATURES
    opts.drop_tables = list(opts.drop_tables) + DROP_TABLES
    opts.hinting = False
    opts.desubroutinize = True
    opts.notdef_outline = True
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.glyph_names = False
    opts.legacy_cmap = False
    opts.symbol_cmap = False
    opts.prune_unicode_ranges = True
    opts.prune_codepage_ranges = True
    opts.recalc_bounds = True
    sub = subset.Subsetter(options=opts)
    sub.populate(unicodes=sorted(unicodes))
    sub.subset(font)


def clean_cmap(font: TTFont) -> None:
    """Remove forbidden code points from every cmap subtable; drop the
    format 14 (variation sequences) subtable, variants are not kept."""
    cmap = font["cmap"]
    tables = []
    for table in cmap.tables:
        if table.format == 14:
            continue
        table.cmap = {u: g for u, g in table.cmap.items() if not is_forbidden(u)}
        tables.append(table)
    cmap.tables = tables


def _keeps_original(cp: int) -> tuple:
    """Sort key: which of several code points sharing a glyph keeps it."""
    cjk = 0x3000 <= cp <= 0x30FF or 0xFF00 <= cp <= 0xFFEF
    return (not cjk, cp)


def unshare_glyphs(font: TTFont) -> list[tuple[int, int]]:
    """Give every code point its own glyph.

    The source maps some code points to one glyph (・ U+30FB and ‧ U+2027,
    ／ U+FF0F and ∕ U+2215, ～ U+FF5E and 〜 U+301C, – U+2013 and ‒ U+2012,
    U+3000 and U+2003, ...).  Qt's PDF writer maps a glyph back to the lowest
    such code point, so ・ would come out of the PDF as ‧.  The preferred code
    point (CJK/fullwidth first, then the lowest) keeps the original glyph and
    its layout rules; each other one gets a copy of the outline.  Returns the
    (kept, copied) code point pairs."""
    glyf = font["glyf"]
    hmtx = font["hmtx"]
    owners: dict[str, list[int]] = {}
    for table in font["cmap"].tables:
        for cp, glyph_name in table.cmap.items():
            owners.setdefault(glyph_name, [])
            if cp not in owners[glyph_name]:
                owners[glyph_name].append(cp)
    order = list(font.getGlyphOrder())
    remap: dict[int, str] = {}
    pairs = []
    for glyph_name, cps in sorted(owners.items(), key=lambda kv: min(kv[1])):
        if len(cps) < 2:
            continue
        cps.sort(key=_keeps_original)
        for cp in cps[1:]:
            clone = f"{glyph_name}.u{cp:04X}"
            glyf.glyphs[clone] = copy.deepcopy(glyf.glyphs[glyph_name])
            hmtx[clone] = hmtx[glyph_name]
            order.append(clone)
            remap[cp] = clone
            pairs.append((cps[0], cp))
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    for table in font["cmap"].tables:
        for cp, clone in remap.items():
            if cp in table.cmap:
                table.cmap[cp] = clone
    return pairs


def rename(font: TTFont, style: str, version: str) -> None:
    ps_name = f"{PS_FAMILY}-{style}"
    full_name = f"{FAMILY} {style}"
    name = font["name"]
    keep = {0, 7, 8, 9, 10, 11, 12, 13, 14}  # copyright, licence, credits
    name.names = [
        r for r in name.names if r.nameID in keep and r.platformID == 3 and r.langID == 0x409
    ]
    records = {
        1: FAMILY,
        2: style,
        3: f"{version};{ps_name}",
        4: full_name,
        5: f"Version {version}; subset of {SOURCE_FAMILY} {version}",
        6: ps_name,
    }
    for name_id, value in records.items():
        name.setName(value, name_id, 3, 1, 0x409)
    name.names.sort(key=lambda r: (r.platformID, r.platEncID, r.langID, r.nameID))
    if "CFF " in font:  # not reached after conversion, kept for completeness
        cff = font["CFF "].cff
        top = cff[cff.fontNames[0]]
        cff.fontNames = [ps_name]
        top.FullName = full_name
        top.FamilyName = FAMILY


def cff_to_glyf(font: TTFont) -> None:
    glyph_order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = glyph_order
    glyf.glyphs = {}
    for glyph_name in glyph_order:
        tt_pen = TTGlyphPen(None)
        glyph_set[glyph_name].draw(Cu2QuPen(tt_pen, CU2QU_MAX_ERR, reverse_direction=True))
        glyf.glyphs[glyph_name] = tt_pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    font.sfntVersion = "\x00\x01\x00\x00"

    # TrueType wants hmtx lsb == glyph xMin.
    hmtx = font["hmtx"]
    for glyph_name in glyph_order:
        glyph = glyf.glyphs[glyph_name]
        glyph.recalcBounds(glyf)
        advance, _ = hmtx[glyph_name]
        lsb = glyph.xMin if glyph.numberOfContours != 0 else 0
        hmtx[glyph_name] = (advance, lsb)

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attr, value in dict(
        maxZones=1,
        maxTwilightPoints=0,
        maxStorage=0,
        maxFunctionDefs=0,
        maxInstructionDefs=0,
        maxStackElements=8,
        maxSizeOfInstructions=0,
        maxComponentElements=0,
        maxComponentDepth=0,
    ).items():
        setattr(maxp, attr, value)
    maxp.maxPoints = maxp.maxContours = 0
    maxp.maxCompositePoints = maxp.maxCompositeContours = 0  # recalculated

    post = font["post"]
    post.formatType = 3.0
    for attr in ("extraNames", "mapping", "glyphOrder"):
        if hasattr(post, attr):
            delattr(post, attr)

    font["head"].glyphDataFormat = 0

    # Unhinted TrueType: smooth at all sizes, dropout control for Windows.
    gasp = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: 0x000F}
    font["gasp"] = gasp
    prep = newTable("prep")
    prep.program = ttProgram.Program()
    prep.program.fromAssembly(["PUSHW[]", "511", "SCANCTRL[]", "PUSHB[]", "4", "SCANTYPE[]"])
    font["prep"] = prep


def build_face(source: str, style: str, unicodes: set[int]) -> tuple[bytes, dict]:
    font = open_jp_face(source)
    version = f"{font['head'].fontRevision:.3f}"
    subset_font(font, unicodes)
    clean_cmap(font)
    cff_to_glyf(font)
    unshared = unshare_glyphs(font)
    rename(font, style, version)
    with tempfile.TemporaryFile() as tmp:
        font.save(tmp, reorderTables=True)
        tmp.seek(0)
        data = tmp.read()
    features = set()
    for tag in ("GSUB", "GPOS"):
        if tag in font and font[tag].table.FeatureList:
            features |= {r.FeatureTag for r in font[tag].table.FeatureList.FeatureRecord}
    info = {
        "glyphs": len(font.getGlyphOrder()),
        "version": version,
        "unshared": unshared,
        "features": sorted(features),
    }
    font.close()
    return data, info


# --------------------------------------------------------------------------
# licence and readme


def ofl_text(copyright_file: str) -> str:
    """Extract the 'License: SIL-1.1' paragraph of a Debian copyright file."""
    lines = Path(copyright_file).read_text(encoding="utf-8").splitlines()
    body: list[str] = []
    inside = False
    for line in lines:
        if inside:
            if not line.startswith(" "):
                if body:  # end of the stand-alone licence paragraph
                    break
                inside = False  # was the short "License:" field of a Files stanza
                continue
            text = line[1:]
            body.append("" if text == "." else text)
        elif line.strip() == "License: SIL-1.1":
            inside = True
    while body and not body[-1].strip():
        body.pop()
    text = "\n".join(body)
    for needle in (
        "SIL OPEN FONT LICENSE Version 1.1",
        "Reserved Font Name",
        "PERMISSION & CONDITIONS",
        "TERMINATION",
        "DISCLAIMER",
    ):
        if needle not in text:
            sys.exit(f"error: OFL text in {copyright_file} looks incomplete")
    return OFL_HEADER + text + "\n"


def package_version() -> str:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", DEBIAN_PACKAGE],
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip() or "unknown"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


README_TEMPLATE = """\
# Renkei Sans JP (bundled font)

Generated by `packaging/fonts/make_font.py`; do not edit by hand, rerun the
script instead.

`RenkeiSansJP-Regular.ttf` and `RenkeiSansJP-Bold.ttf` are the Japanese
fonts Renkei uses for its UI and for PDF output.

Renkei names a Latin face first, before this one: "Renkei Sans Latin"
(`RenkeiSansLatin-Regular.ttf`, `RenkeiSansLatin-Bold.ttf`, a subset of Noto
Sans under the SIL OFL 1.1, licence in `OFL-Latin.txt`), described in
`README-Latin.md` and made by `packaging/fonts/make_latin_font.py`.

## Source

Noto Sans CJK JP {version} (Regular and Bold), the "{source_family}" faces
of the collections `NotoSansCJK-Regular.ttc` / `NotoSansCJK-Bold.ttc` from
the Debian package `{package}` version `{pkg_version}`.

| face | source file | SHA-256 of the source file |
|------|-------------|----------------------------|
| Regular | `{regular_name}` | `{regular_sha}` |
| Bold | `{bold_name}` | `{bold_sha}` |

Licence: SIL Open Font License 1.1, see `OFL.txt` (copyright
© 2014-2021 Adobe). These files are a Modified Version under the OFL and are
distributed under the same licence.

## Changes from the original

* **Subset** to {glyphs} glyphs: Basic Latin, Latin-1, general punctuation,
  common symbols (letterlike, number forms, arrows, math operators, enclosed
  alphanumerics, box drawing, geometric shapes, misc. symbols, dingbats),
  CJK symbols and punctuation, hiragana, katakana (incl. phonetic
  extensions), half/fullwidth forms, every character of JIS X 0208 (levels 1
  and 2 kanji) and of Windows-31J/cp932, and the Joyo kanji outside JIS X
  0208 (𠮟 塡 剝 頰).
* **Removed from the cmap**: all code points in U+2E80–U+2FDF (CJK Radicals
  Supplement, Kangxi Radicals) and U+F900–U+FAFF (CJK Compatibility
  Ideographs). They share glyphs with ordinary kanji, and Qt's PDF writer
  would otherwise put e.g. "⼭⽥" instead of "山田" into the PDF text layer.
  (So compatibility ideographs such as 﨑 U+FA11 are not available.)
  Ideographic variation sequences (cmap format 14) are not kept either.
* **Unshared glyphs**: where the source maps several code points to one
  glyph (・ U+30FB / ‧ U+2027, ／ U+FF0F / ∕ U+2215, ～ U+FF5E / 〜 U+301C,
  – U+2013 / ‒ U+2012, U+3000 / U+2003, ① / ➀, ...) each code point gets its
  own copy of the outline ({unshared} copies), because Qt's PDF writer maps a
  glyph back to the lowest code point using it (・ would become ‧).
* **Dropped**: hinting, vertical layout data (vhea/vmtx/VORG and vertical
  features), glyph alternates (aalt, locl, jp78/jp83/jp90, ruby, dlig,
  fwid/hwid/pwid, ...) and all glyph substitutions, including the `liga`
  fi/fl ligatures and the `ccmp` ligatures (joined ——, か゚): a ligature glyph
  loses its text in Qt's PDF output ("Office" extracts as "O ce"). Kept
  layout features (GPOS only): {features}.
* **Converted** from CFF (cubic) to TrueType (quadratic, glyf) outlines;
  Qt's PDF writer embeds TrueType fonts as subsetted fonts.
* **Renamed** to family "{family}" (PostScript names `{ps}-Regular` /
  `{ps}-Bold`) so that the Reserved Font Name is not used and the fonts do
  not clash with an installed Noto Sans CJK JP. Copyright, licence and
  credit records are kept in the `name` table.

## Rebuilding

```sh
apt-get install fonts-noto-cjk          # Debian/Ubuntu
python packaging/fonts/make_font.py \\
    --source-regular /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \\
    --source-bold /usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc \\
    --out resources/fonts
python packaging/fonts/check_font.py --fonts resources/fonts   # verification
```

Needs `fontTools` (these files were made with fontTools {fonttools_version};
the check script also needs PySide6 and poppler-utils). The paths above are
the defaults. The output is reproducible for the same source files and
fontTools version.
"""


# --------------------------------------------------------------------------


def write_if_changed(path: Path, data: bytes) -> str:
    if path.exists() and path.read_bytes() == data:
        return "unchanged"
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)
    return "written"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source-regular", default=DEFAULT_REGULAR)
    parser.add_argument("--source-bold", default=DEFAULT_BOLD)
    parser.add_argument(
        "--copyright-file",
        default=DEFAULT_COPYRIGHT_FILE,
        help="Debian copyright file holding the OFL text",
    )
    parser.add_argument("--out", default="resources/fonts")
    args = parser.parse_args(argv)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    unicodes = wanted_codepoints()
    print(f"requested code points: {len(unicodes)}")

    infos = {}
    for style, source in (("Regular", args.source_regular), ("Bold", args.source_bold)):
        data, info = build_face(source, style, unicodes)
        infos[style] = info
        target = out / f"{PS_FAMILY}-{style}.ttf"
        state = write_if_changed(target, data)
        print(
            f"{target}: {len(data):,} bytes, {info['glyphs']} glyphs, "
            f"{len(info['unshared'])} unshared code points ({state})"
        )

    state = write_if_changed(out / "OFL.txt", ofl_text(args.copyright_file).encode("utf-8"))
    print(f"{out / 'OFL.txt'}: {state}")

    readme = README_TEMPLATE.format(
        version=infos["Regular"]["version"],
        source_family=SOURCE_FAMILY,
        package=DEBIAN_PACKAGE,
        pkg_version=package_version(),
        regular_name=os.path.basename(args.source_regular),
        regular_sha=sha256(args.source_regular),
        bold_name=os.path.basename(args.source_bold),
        bold_sha=sha256(args.source_bold),
        glyphs=f"about {max(i['glyphs'] for i in infos.values()):,}",
        unshared=len(infos["Regular"]["unshared"]),
        features=", ".join(infos["Regular"]["features"]) or "none",
        fonttools_version=fontTools.version,
        family=FAMILY,
        ps=PS_FAMILY,
    )
    state = write_if_changed(out / "README.md", readme.encode("utf-8"))
    print(f"{out / 'README.md'}: {state}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
