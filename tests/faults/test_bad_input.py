"""No traceback, ever, from input: a generated corpus of bad field values, Trello exports, CSV
files and board locations, each run through the real command line. Every one must exit with 1,
print exactly one line of at most 400 characters on stderr and no traceback, and leave the board
file byte-identical (and nothing new beside it).

Most cases run in-process (``main([...])`` with stdout and stderr captured as a process's
would be, an escaping exception counted as a traceback); a spread of them, and every case
whose arguments are bytes that are not UTF-8, run as real ``renkei`` processes. The figures
(inputs by kind, how many passed) are printed at the end of the run, whatever the options."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import traceback
from collections import Counter
from pathlib import Path

import pytest
from bad_inputs import Case, all_cases

from renkei.cli.main import MAX_MESSAGE, main

CASES = all_cases()
# Every case that needs bytes on its command line runs as a process, and a spread of the
# others (a process takes ~1.5 s to start here, an in-process run ~0.07 s).
PROCESSES = 20


def _encodable(case: Case) -> bool:
    """Arguments a process can be given (a lone surrogate such as U+D800 is not a byte)."""
    try:
        encoded = [os.fsencode(arg) for arg in case.argv]
    except UnicodeEncodeError:
        return False
    return not any(b"\x00" in arg for arg in encoded)  # nor is NUL: argv strings end there


def _process_runs() -> set[int]:
    """The indexes of the cases run as processes: the byte cases, and others evenly spread."""
    chosen = {i for i, case in enumerate(CASES) if case.raw_argv is not None}
    others = [i for i, case in enumerate(CASES) if i not in chosen and _encodable(case)]
    wanted = PROCESSES - len(chosen)
    chosen.update(others[j * len(others) // wanted] for j in range(wanted))
    return chosen


_PROCESS_RUNS = _process_runs()


def _by_process(index: int, case: Case) -> bool:
    return index in _PROCESS_RUNS


RUNS = [
    pytest.param(case, _by_process(i, case), id=f"{case.kind}-{case.name}")
    for i, case in enumerate(CASES)
]

# name → (kind, how, passed): what the summary at the end of the run counts.
RESULTS: dict[str, tuple[str, str, bool]] = {}


class _Figures:
    """Prints the corpus's figures in pytest's terminal summary (shown with or without -s)."""

    def pytest_terminal_summary(self, terminalreporter):
        if not RESULTS:
            return
        kinds = Counter(kind for kind, _, _ in RESULTS.values())
        passed = Counter(kind for kind, _, ok in RESULTS.values() if ok)
        hows = Counter(how for _, how, _ in RESULTS.values())
        write = terminalreporter.write_line
        terminalreporter.section("bad-input corpus")
        total_passed = sum(passed.values())
        write(
            f"{len(RESULTS)} bad inputs run ({hows['in-process']} in-process, "
            f"{hows['process']} as processes): {total_passed} refused cleanly, "
            f"{len(RESULTS) - total_passed} not"
        )
        for kind in sorted(kinds):
            write(f"  {kind:7} {kinds[kind]:4} inputs, {passed[kind]:4} refused cleanly")


@pytest.fixture(scope="module", autouse=True)
def figures(request):
    manager = request.config.pluginmanager
    if not manager.has_plugin("renkei-bad-input-figures"):
        manager.register(_Figures(), "renkei-bad-input-figures")


@pytest.fixture(scope="module")
def demo_template(demo_boards) -> Path:
    return demo_boards.template("en", "demo")


def _state(folder: Path) -> dict[str, str]:
    """Every file in the board's folder and its hash: the board byte for byte, and nothing
    new beside it (no journal left, no board made by a refused import). The hidden note of
    which computers used a board (store/lease.py) is kept fresh by any use, so not counted."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not (p.name.startswith(".") and p.name.endswith(".seen"))
    }


def _run_in_process(argv: list[str], capsys) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except BaseException:  # what a process would print as a traceback
        captured = capsys.readouterr()
        return 1, captured.out, captured.err + "Traceback (in-process)\n" + traceback.format_exc()
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _run_process(argv: list[str | bytes]) -> tuple[int, str, str]:
    done = subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", *argv],
        capture_output=True,
        timeout=60,
        env=dict(os.environ, PYTHONUTF8="1"),
    )
    return (
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


@pytest.mark.parametrize(("case", "by_process"), RUNS)
def test_bad_input_is_refused_in_one_line(case, by_process, demo_template, tmp_path, capsys):
    """Exit 1, exactly one line of at most 400 characters on stderr, no traceback, and the
    board folder byte-identical."""
    folder = tmp_path / "boards"
    folder.mkdir()
    board = folder / "team.renkei"
    shutil.copyfile(demo_template, board)
    source = None
    if case.data is not None:
        source = tmp_path / f"input{case.suffix}"
        source.write_bytes(case.data)
    before = _state(folder)

    if case.raw_argv is not None:
        argv: list = ["--board", str(board).encode(), *case.raw_argv]
    elif case.argv[0] == "--board-override":  # a bad board location instead of the file
        argv = ["--board", case.argv[1].replace("{dir}", str(folder)), *case.argv[2:]]
    else:
        argv = ["--board", str(board), *(str(source) if a == "{in}" else a for a in case.argv)]
    if by_process:
        code, _out, err = _run_process(argv)
    else:
        code, _out, err = _run_in_process(argv, capsys)

    lines = err.splitlines()
    checks = {
        "exit status 1": code == 1,
        "no traceback": "Traceback" not in err,
        "one line on stderr": len(lines) == 1,
        f"at most {MAX_MESSAGE} characters": all(len(line) <= MAX_MESSAGE for line in lines),
        "board unchanged": _state(folder) == before,
    }
    ok = all(checks.values())
    RESULTS[case.kind + ":" + case.name] = (
        case.kind,
        "process" if by_process else "in-process",
        ok,
    )
    failed = [name for name, good in checks.items() if not good]
    assert ok, f"{case.kind} {case.name}: {', '.join(failed)} (exit {code}); stderr:\n{err[:3000]}"


def test_corpus_is_large_and_mixed():
    """At least 200 inputs, of every kind, some of them run as real processes."""
    kinds = Counter(case.kind for case in CASES)
    processes = sum(1 for i, case in enumerate(CASES) if _by_process(i, case))
    assert len(CASES) >= 200, len(CASES)
    assert set(kinds) == {"cli", "trello", "csv"} and min(kinds.values()) >= 40, kinds
    assert processes >= 20, processes
