"""Finish-to-start dependencies between tasks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def would_cycle(depends_on: Mapping[int, Iterable[int]], task_id: int, new: Iterable[int]) -> bool:
    """True when giving ``task_id`` the predecessors ``new`` closes a loop."""
    stack = list(new)
    seen: set[int] = set()
    while stack:
        current = stack.pop()
        if current == task_id:
            return True
        if current in seen:
            continue
        seen.add(current)
        stack.extend(depends_on.get(current, ()))
    return False
