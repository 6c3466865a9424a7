"""Start-up: a command loads what it needs and no more (the budgets themselves are measured
by tests/benchmarks/bench_startup.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = (
    *("alembic", "PySide6", "sqlalchemy.orm"),
    *("renkei.demo", "renkei.importers", "renkei.ui.app"),
)

PROBE = f"""
import gc, io, json, sys
from contextlib import redirect_stdout
from renkei.cli.main import main
sys.argv = ["renkei", *sys.argv[1:]]
with redirect_stdout(io.StringIO()) as printed:
    code = main()  # the process's own command line, as the console script runs it
print(json.dumps({{
    "code": code,
    "rows": len(json.loads(printed.getvalue())) if code == 0 else None,
    "heavy": sorted(m for m in sys.modules if m.startswith({HEAVY!r})),
    "collecting": gc.isenabled(),
    "frozen": gc.get_freeze_count(),
}}))
"""


def loaded_by(*argv: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.mark.parametrize("command", [("tasks", "--json"), ("people", "--json")])
def test_a_headless_read_loads_no_orm_no_alembic_no_qt(board, command):
    """Reading a board at the current revision: no Alembic, no ORM, no Qt, no importers."""
    result = loaded_by("--board", board, *command)
    assert result["code"] == 0 and result["rows"] > 0
    assert result["heavy"] == []


def test_the_collector_runs_again_once_the_command_has_loaded(board):
    """Collection pauses only while modules load: the command itself runs with it on, and
    what loaded is frozen out of its collections."""
    result = loaded_by("--board", board, "tasks", "--json")
    assert result["collecting"] is True
    assert result["frozen"] > 10_000


def test_opening_a_board_at_head_does_not_import_alembic(board):
    """Only a migration loads Alembic: opening and reading a current board never does."""
    script = (
        "import sys\n"
        "from renkei.store.board_store import BoardStore\n"
        f"store = BoardStore.open({board!r}, create=False)\n"
        "assert store.load().tasks\n"
        "store.dispose()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('alembic', 'sqlalchemy.orm'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_python_dash_m_renkei_is_the_renkei_command():
    """`python -m renkei` runs the same command line as `renkei`."""
    done = subprocess.run(
        [sys.executable, "-m", "renkei", "--version"], capture_output=True, text=True, timeout=60
    )
    assert (done.returncode, done.stdout.strip()) == (0, "renkei 0.1.0")
