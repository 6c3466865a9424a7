"""Loading modules without the garbage collector running over them.

Loading the CLI (SQLAlchemy, the domain, the store) or the window (PySide6 and the views)
makes a few hundred thousand objects that live as long as the process. While they load,
Python's collector runs about a hundred times over them and frees nothing: ~10% of a short
command such as ``renkei tasks --json``. So collection pauses while a command's modules load.

When this process is the ``renkei`` command, what loaded is then frozen out of later
collections (``gc.freeze``): otherwise every full collection while a 10,000-task board loads
walks them all again (a fifth of a kanban snapshot). A process that only calls ``main(argv)``
(the tests) freezes nothing: a frozen object is never collected, and the tests' check for
resources left open in reference cycles (tests/leak_check.py) must still find them.

A command's handler is named in its parser (``later``) and imported only when it runs, the
same way: every command pays only for its own imports.
"""

from __future__ import annotations

import argparse
import gc
import importlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_freeze_what_loads = False


def this_process_is_renkei() -> None:
    """From now on, what loads is frozen out of later collections (see above)."""
    global _freeze_what_loads
    _freeze_what_loads = True


@contextmanager
def without_collections() -> Iterator[None]:
    """Pause collection inside the block (imports, nothing else); resume after it, as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if _freeze_what_loads:
                gc.freeze()
            gc.enable()


def later(module: str, name: str) -> Callable[[argparse.Namespace], int]:
    """The handler ``renkei.cli.<module>.<name>``, imported when its command runs: every
    command pays only for its own imports (listing tasks never loads the importers, the
    demo builder or the watch loop)."""

    def run(args: argparse.Namespace) -> int:
        with without_collections():
            loaded = importlib.import_module(f"renkei.cli.{module}")
        handler: Callable[[argparse.Namespace], int] = getattr(loaded, name)
        return handler(args)

    run.__qualname__ = run.__name__ = name
    return run
