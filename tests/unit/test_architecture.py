"""The layering in pyproject's import-linter contracts holds (domain free of Qt and SQLAlchemy)."""

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
