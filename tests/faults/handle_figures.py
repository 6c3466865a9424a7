"""How often the live feed had the board file open, collected by test_feed_handles and printed
at the end of the pytest run (tests/faults/conftest.py)."""

from __future__ import annotations

HELD: dict[str, tuple[int, int]] = {}  # feed → (samples with the board open, samples taken)
EDIT_EVERY = [0.0]  # seconds between the colleague's edits while sampling


def held_lines() -> list[str]:
    return [
        f"{feed} held the board open in {held}/{taken} samples ({100 * held / taken:.0f} %), "
        f"a colleague editing every {EDIT_EVERY[0]:g} s"
        for feed, (held, taken) in HELD.items()
    ]
