"""A file or database connection left open fails the tests, on every Python we support."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
PYPROJECT = TESTS.parent / "pyproject.toml"

LEAKY_TESTS = '''
import os
import sqlite3
import sys

import pytest


class Holder:
    pass


def test_file_left_open():
    open(os.devnull)


@pytest.mark.skipif(sys.version_info < (3, 13), reason="sqlite3 reports leaks from 3.13")
def test_database_left_open(tmp_path):
    sqlite3.connect(tmp_path / "x.db").execute("SELECT 1")


def test_everything_closed(tmp_path):
    with open(os.devnull):
        pass
    conn = sqlite3.connect(tmp_path / "x.db")
    conn.close()


def test_file_left_open_in_a_cycle():
    holder = Holder()
    holder.me = holder
    holder.file = open(os.devnull)


def test_last():
    pass
'''


def test_a_resource_left_open_fails_and_is_counted_in_the_summary(tmp_path):
    (tmp_path / "test_leaky.py").write_text(LEAKY_TESTS, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(TESTS))
    env.pop("PYTHONTRACEMALLOC", None)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider",
         "-p", "leak_check", "-c", str(PYPROJECT), "--rootdir", str(tmp_path), "test_leaky.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "ResourceWarning" in output and "PASSED test_leaky.py::test_everything_closed" in output
    # Each leak is reported (the file at once; the connection and the file in a cycle when the
    # collector finds them, so perhaps in one report), and the last line is the summary,
    # which counts them: the test that left the file open and the one the others failed.
    assert output.count("ResourceWarning: unclosed file") >= 2, output
    database = "ResourceWarning: unclosed database" in output
    assert database == (sys.version_info >= (3, 13)), output
    last = result.stdout.strip().splitlines()[-1]
    counts = {word: int(n) for n, word in re.findall(r"(\d+) (\w+)", last)}
    assert counts.get("failed", 0) >= 1, last
    assert counts.get("failed", 0) + counts.get("error", counts.get("errors", 0)) >= 2, last
