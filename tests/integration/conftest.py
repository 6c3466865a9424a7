"""Integration tests: the worker script's shared checks get pytest's assert rewriting.
(The PostgreSQL fixtures live in tests/conftest.py, shared with the UI tests.)"""

import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from renkei.cli.main import main
from renkei.demo.build import build_demo
from renkei.store.board_store import BoardStore

pytest.register_assert_rewrite("editor_process")


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """The English demo board, built once; each test works on its own copy."""
    path = tmp_path_factory.mktemp("template") / "demo.renkei"
    store = BoardStore.open(path)
    build_demo(store, "en", today=date.today())
    store.dispose()
    return path


@pytest.fixture
def board(demo_template, board_path) -> str:
    """A private copy of the demo board file."""
    shutil.copyfile(demo_template, board_path)
    return str(board_path)


@dataclass(frozen=True)
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def run(capsys):
    """The CLI run in-process: its exit status and what it printed."""

    def run(*argv: str) -> Result:
        code = main(list(argv))
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
