"""The kill -9 and server-restart figures, collected by the tests as they run and printed at
the end of the pytest run (tests/faults/conftest.py), passed or failed alike.

The random moments come from one seed: RENKEI_FAULT_SEED, else the clock. It is printed with
the figures; set it to replay a run's moments."""

from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass, field

SEED = int(os.environ.get("RENKEI_FAULT_SEED") or time.time_ns() % 1_000_000)


def moment(scenario: str, run: int, low: float, high: float) -> float:
    """The seeded random delay (seconds) before run ``run`` of ``scenario`` is killed."""
    return round(random.Random(f"{SEED}:{scenario}:{run}").uniform(low, high), 2)


def edit_moment(scenario: str, run: int, most: int) -> tuple[int, float]:
    """When an edit stream is killed: after how many acknowledged edits (1 to ``most``), and
    how long after that (0-0.25 s: anywhere inside the next edit's work)."""
    rng = random.Random(f"{SEED}:{scenario}:{run}")
    return rng.randint(1, most), round(rng.uniform(0.0, 0.25), 3)


@dataclass
class KillFigures:
    runs: int = 0
    kills: int = 0  # runs whose process was still working when SIGKILL came
    opened: int = 0  # boards that opened afterwards (`tasks --json` exit 0)
    opened_checked: int = 0  # runs that left something at the path to open
    integrity: int = 0  # SQLite: `PRAGMA integrity_check` said ok
    integrity_checked: int = 0
    acked_found: int = 0  # acknowledged edits found in the board afterwards
    acked_made: int = 0
    half: int = 0  # imports or demos left partly written
    notes: list[str] = field(default_factory=list)


@dataclass
class RestartFigures:
    restarts: int = 0
    board_revisions: int = 0  # revisions in the board's Activity since the watch began
    printed: int = 0  # distinct revisions the watch printed
    missing: int = 0
    duplicated: int = 0  # revision lines printed more than once
    edits: int = 0
    acked_made: int = 0
    acked_found: int = 0
    refused: int = 0
    refused_said: int = 0  # refusals with a one-line message, no traceback
    refused_yet_saved: int = 0  # refused, yet the edit is in the board
    refused_yet_saved_unsaid: int = 0  # ... and the message did not say it could not confirm
    notes: list[str] = field(default_factory=list)


KILLS: dict[str, KillFigures] = {}
RESTARTS: dict[str, RestartFigures] = {}


def kill_figures(scenario: str) -> KillFigures:
    return KILLS.setdefault(scenario, KillFigures())


def restart_figures(scenario: str) -> RestartFigures:
    return RESTARTS.setdefault(scenario, RestartFigures())


def summary_lines() -> list[str]:
    if not KILLS and not RESTARTS:
        return []
    lines = [f"seed {SEED} (RENKEI_FAULT_SEED={SEED} replays these moments)"]
    if KILLS:
        head = ("scenario", "runs", "kills", "opened", "integrity", "acked found/made", "half")
        rows = [head]
        for name, f in KILLS.items():
            integrity = f"{f.integrity}/{f.integrity_checked}" if f.integrity_checked else "n/a"
            acked = f"{f.acked_found}/{f.acked_made}" if f.acked_made else "-"
            rows.append(
                (
                    name,
                    str(f.runs),
                    str(f.kills),
                    f"{f.opened}/{f.opened_checked}",
                    integrity,
                    acked,
                    str(f.half),
                )
            )
        total = [sum(getattr(f, a) for f in KILLS.values()) for a in ("runs", "kills")]
        rows.append(("total", str(total[0]), str(total[1]), "", "", "", ""))
        lines += _table(rows)
    for name, r in RESTARTS.items():
        lines.append(
            f"{name}: {r.restarts} restart(s); revisions in the board {r.board_revisions}, "
            f"printed {r.printed}, missing {r.missing}, printed twice {r.duplicated}; "
            f"edits {r.edits}: acknowledged {r.acked_made} (found {r.acked_found}), refused "
            f"{r.refused} (said so {r.refused_said}; in the board anyway {r.refused_yet_saved}, "
            f"of which the message did not warn {r.refused_yet_saved_unsaid})"
        )
        lines += [f"  {note}" for note in r.notes]
    for name, f in KILLS.items():
        lines += [f"  {name}: {note}" for note in f.notes]
    return lines


def _table(rows: list[tuple[str, ...]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    return [line.rstrip() for line in lines]
