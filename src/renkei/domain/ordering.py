"""Gap-based card order: moving a card writes one row, never renumbers a column."""

from __future__ import annotations

GAP = 1024.0


def position_between(before: float | None, after: float | None) -> float:
    """A position strictly between two neighbours (either may be missing)."""
    if before is None:
        return GAP if after is None else after - GAP
    if after is None:
        return before + GAP
    middle = (before + after) / 2
    # Floats run out of room after ~50 halvings between the same neighbours; a tie then
    # keeps a stable order by id, which is still a sane place for the card.
    return middle
