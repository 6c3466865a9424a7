"""``renkei``: the GUI when run bare, sub-commands for headless work.

This module is the entry point (the console script, ``python -m renkei.cli.main``, the frozen
app) and stays small: it loads the parser and the commands (cli/dispatch.py) with the garbage
collector paused (see cli/loading.py), then runs one command. Names of cli/dispatch.py can be
read from here too (``from renkei.cli.main import MAX_MESSAGE``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from renkei.cli.loading import this_process_is_renkei, without_collections


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status is returned (the console script passes it to
    ``sys.exit``). Without ``argv`` it runs the process's own command line: this process is
    the ``renkei`` command, and what it loads lives as long as it does."""
    if argv is None:
        this_process_is_renkei()
    return _dispatch().main(argv)


def _dispatch() -> ModuleType:
    with without_collections():
        from renkei.cli import dispatch
    return dispatch


def __getattr__(name: str) -> Any:
    return getattr(_dispatch(), name)


if __name__ == "__main__":
    sys.exit(main())
