"""Real damage to a board file, for the tests of refusing and salvaging it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

# A writer that stops mid-change: it rewrites every task title and the board's revision with a
# tiny page cache (so changed pages reach the file before commit), then dies as kill -9 would.
STOPPED_WRITER = textwrap.dedent(
    """
    import os, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA cache_size=1")
    conn.execute("BEGIN IMMEDIATE")
    for _ in range(30):
        conn.execute("UPDATE tasks SET title = title || ?", ("x" * 60,))
    conn.execute("UPDATE board SET revision = revision + 1000")
    os._exit(9)
    """
)


def interrupt_a_writer(path: Path) -> None:
    """Leave a hot journal beside the board, as a writer killed mid-change does."""
    subprocess.run([sys.executable, "-c", STOPPED_WRITER, str(path)], check=False, timeout=60)
    journal = path.with_name(path.name + "-journal")
    assert journal.exists() and journal.stat().st_size > 0, "the writer left no hot journal"


def scribble_on_history(path: Path, pages: int = 3) -> None:
    """Scribble over the middle of the last ``pages`` leaf pages of the activity table's
    tree, found with SQLite's dbstat. (The file's last pages may hold an index instead, e.g.
    the change-id index, whose damage quick_check does not see.)"""
    conn = sqlite3.connect(path)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        found = [
            number
            for (number,) in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'activity' AND pagetype = 'leaf' "
                "ORDER BY pageno DESC LIMIT ?",
                (pages,),
            )
        ]
    finally:
        conn.close()
    assert len(found) == pages, f"the board has only {len(found)} history pages"
    data = bytearray(path.read_bytes())
    for number in found:
        start = (number - 1) * size
        data[start + 200 : start + 700] = b"\xa5" * 500
    path.write_bytes(bytes(data))
