"""The translation catalogues, made by Qt's own tools (pyside6-lupdate, pyside6-lrelease).

    python packaging/update_translations.py update     # code -> resources/translations/*.ts
    python packaging/update_translations.py build [DIR] # .ts -> .qm (setup.py's build runs it)

``update`` merges what lupdate finds in src/renkei into the .ts files: new strings arrive
unfinished for a translator (Qt Linguist: pyside6-linguist), strings gone from the code are
dropped. The Japanese catalogue holds every string; the English one only the texts with a
count, for their plural forms ("%n day(s)" -> "1 day", "3 days"). How the code marks strings so
that lupdate sees them: renkei/i18n/__init__.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "renkei"
TRANSLATIONS = ROOT / "resources" / "translations"
# The language of each catalogue, and lupdate's options for it.
CATALOGUES = {"ja": [], "en": ["-pluralonly"]}


def tool(name: str) -> str:
    """Qt's lupdate or lrelease: the one the PySide6 wheel ships (a build environment has it,
    see pyproject's build-system), else pyside6-<name> on PATH."""
    try:
        import PySide6  # noqa: PLC0415 - only these tools need it

        for suffix in ("", ".exe"):
            if (found := Path(PySide6.__file__).parent / f"{name}{suffix}").exists():
                return str(found)
    except ImportError:
        pass
    if found := shutil.which(f"pyside6-{name}"):
        return found
    raise SystemExit(f"translations: Qt's {name} not found (pip install PySide6-Essentials)")


def lupdate(ts: Path, language: str, *options: str) -> None:
    """Merge the strings of the code into ``ts`` (created if missing)."""
    subprocess.run(
        [
            tool("lupdate"),
            "-silent",
            "-extensions",
            "py",
            "-locations",
            "none",
            "-no-obsolete",
            "-source-language",
            "en",
            "-target-language",
            language,
            *options,
            str(SOURCES),
            "-ts",
            str(ts),
        ],
        check=True,
    )


def update() -> None:
    for language, options in CATALOGUES.items():
        lupdate(TRANSLATIONS / f"renkei_{language}.ts", language, *options)


def build(out_dir: Path = TRANSLATIONS) -> list[Path]:
    """Compile every .ts to .qm in ``out_dir``; returns the files written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        written.append(qm)
    return written


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
        return 0
    if argv[:1] == ["build"]:
        for qm in build(Path(argv[1]) if len(argv) > 1 else TRANSLATIONS):
            print(qm)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
