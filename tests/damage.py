"""Real damage to a board file, for the tests of refusing and salvaging it."""

from __future__ import annotations

import sqlite3
from pathlib import Path


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
