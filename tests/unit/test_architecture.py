"""The house holds: the layering in pyproject's import-linter contracts (domain free of Qt and
SQLAlchemy, the store reached only through app), the migrations, and rooms of a sensible size."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold():
    """lint-imports passes: domain imports no Qt/SQLAlchemy; store and app import no widgets."""
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert command, "import-linter is part of the test extra"
    result = subprocess.run([command], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_known_revisions_match_the_migration_scripts():
    """The revision list used on open equals Alembic's own view of the shipped migrations."""
    from renkei.store import migrate

    scripts = migrate.script_directory()
    ordered = [rev.revision for rev in scripts.walk_revisions()][::-1]
    assert tuple(ordered) == migrate.KNOWN_REVISIONS
    assert scripts.get_current_head() == migrate.head_revision()


# A room with one job fits on a few screens; past this, a module is doing two jobs.
MODULE_LINES = 600


def test_no_module_is_a_house_of_its_own():
    """Every module under src/renkei stays at or under MODULE_LINES lines (the migrations,
    generated once and never edited, aside)."""
    sources = ROOT / "src" / "renkei"
    too_long = {
        str(path.relative_to(sources)): lines
        for path in sources.rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES
    }
    assert not too_long, f"split these into rooms with one job each: {too_long}"


def test_every_package_is_in_the_wheel():
    """pyproject lists packages by hand (the resources folder is mapped into the package):
    every folder of src/renkei with an __init__.py is listed, or an installed Renkei misses it."""
    import tomllib

    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(setuptools["packages"])
    sources = ROOT / "src"
    found = {
        ".".join(init.parent.relative_to(sources).parts)
        for init in (sources / "renkei").rglob("__init__.py")
    }
    assert found - listed == set()
