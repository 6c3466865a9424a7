"""Loading modules without the garbage collector running over them.

Loading the CLI (SQLAlchemy, the domain, the store) or the window (PySide6 and the views)
makes a few hundred thousand objects that live as long as the process. While they load,
Python's collector runs about a hundred times over them and frees nothing: ~10% of a short
command such as ``renkei tasks --json``. So collection pauses while a command's modules load,
and what they made is then frozen out of later collections (``gc.freeze``), which keeps the
window's own collections short too.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def without_collections() -> Iterator[None]:
    """Pause collection inside the block (imports, nothing else); resume after it, as it was."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.enable()
