"""Integration tests: the worker script's shared checks get pytest's assert rewriting.
(The PostgreSQL fixtures live in tests/conftest.py, shared with the UI tests.)"""

from dataclasses import dataclass
from pathlib import Path

import pytest

from demo_boards import copy_board
from renkei.cli import words
from renkei.cli.main import main

pytest.register_assert_rewrite("editor_process")


@pytest.fixture(scope="session")
def demo_template(demo_boards) -> Path:
    """The English demo board named "demo", built once; each test works on its own copy."""
    return demo_boards.template("en", "demo")


@pytest.fixture
def board(demo_template, board_path) -> str:
    """A private copy of the demo board file."""
    copy_board(demo_template, board_path)
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


def _speaking(monkeypatch, lang: str):
    """The command line in the language of ``lang`` (as a user's locale sets it), for the
    commands run in this test and the words its own code asks for."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    words.begin()
    yield
    words.end()


@pytest.fixture
def japanese(monkeypatch):
    yield from _speaking(monkeypatch, "ja_JP.UTF-8")


@pytest.fixture
def english(monkeypatch):
    yield from _speaking(monkeypatch, "en_US.UTF-8")
