"""The share bench's figures, collected as its tests run and printed at the end of the pytest
run (passed or failed alike) as a table a closing note can quote: the test module registers
``SummaryPlugin`` with pytest."""

from __future__ import annotations

from dataclasses import dataclass, field

from fault_figures import SEED


@dataclass
class LockPremise:
    checked: bool = False
    seen_same_mount: bool = False  # control: a second process on mount A sees A's lock
    seen_other_mount: bool = False  # the premise: through mount B it does not


@dataclass
class Contention:
    writers: str = ""  # "4 + 4 × 25"
    edits: int = 0  # answers recorded (every edit run)
    confirmed: int = 0  # exit 0
    lost: int = 0  # exit 0, yet the value is not in the history (Activity)
    duplicated: int = 0  # extra changes sharing a revision number with another change
    refused: int = 0  # exit other than 0
    nothing_saved: int = 0  # refusals that said (or, not saying otherwise, meant) not saved
    nothing_saved_lies: int = 0  # ... yet the value is in the history
    unconfirmed: int = 0  # answers containing "could not confirm"
    unconfirmed_saved: int = 0  # ... whose value is in the history
    tracebacks: int = 0
    integrity: str = "not checked"
    feeds: dict[str, str] = field(default_factory=dict)  # mount → "saw 150/150"
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


@dataclass
class Vanish:
    rows: int = 0
    cut_after: str = ""  # what was seen when the share was cut
    import_exit: str = "not run"
    import_said: str = ""
    opened_through_b: str = "not tried"
    before_kept: str = ""  # "63/63 tasks as before"
    import_rows_found: int | None = None
    edit_after: str = "not tried"  # an edit through mount B afterwards
    integrity: str = "not checked"
    notes: list[str] = field(default_factory=list)


NOT_RUN: list[str] = []  # why the bench could not run here (it skipped, or failed in CI)
PREMISE = LockPremise()
CONTENTION = Contention()
VANISH = Vanish()


def summary_lines() -> list[str]:
    lines: list[str] = [f"NOT RUN: {why}" for why in sorted(set(NOT_RUN))]
    if VANISH.rows:
        lines.append(f"seed {SEED} (RENKEI_FAULT_SEED={SEED} replays the moment of the cut)")
    if PREMISE.checked:
        lines.append(
            "premise: a POSIX lock (fcntl) taken through mount A is "
            f"{'seen' if PREMISE.seen_same_mount else 'NOT seen'} by another process on A, "
            f"{'SEEN' if PREMISE.seen_other_mount else 'not seen'} through mount B"
            + ("" if PREMISE.seen_other_mount else " (two laptops whose locks do not cross)")
        )
    c = CONTENTION
    if c.edits:
        lines.append(
            "| setup | confirmed (exit 0) | confirmed but lost | duplicated revisions | "
            '"nothing was saved" (of which saved) | "could not confirm" (of which saved) | '
            "`integrity_check` | live feeds saw every confirmed edit |"
        )
        lines.append("|---|---|---|---|---|---|---|---|")
        feeds = "; ".join(f"{name}: {said}" for name, said in c.feeds.items()) or "-"
        found = c.integrity.split("; ")
        integrity = found[0][:70] + (" and more" if len(found) > 1 else "")
        lines.append(
            f"| sshfs default, {c.writers} | {c.confirmed} of {c.edits} | {c.lost} | "
            f"{c.duplicated} | {c.nothing_saved} ({c.nothing_saved_lies}) | "
            f"{c.unconfirmed} ({c.unconfirmed_saved}) | {integrity} | {feeds} |"
        )
        lines.append(
            f"  refused {c.refused}, tracebacks {c.tracebacks}; the writers took {c.seconds:.0f} s"
        )
        lines += [f"  {note}" for note in c.notes]
    v = VANISH
    if v.rows:
        lines.append(f"share cut during a {v.rows:,}-row import ({v.cut_after}):")
        lines.append(f"  the import: {v.import_exit}, said {v.import_said!r}")
        through_b = [v.opened_through_b]
        if v.import_rows_found is not None:
            through_b += [v.before_kept, f"import rows found {v.import_rows_found}"]
        through_b.append(f"then an edit through B: {v.edit_after}")
        lines.append(f"  the board through mount B: {'; '.join(through_b)}")
        lines.append(f"  integrity_check (through the folder): {v.integrity}")
        lines += [f"  {note}" for note in v.notes]
    return lines


class SummaryPlugin:
    """Prints the figures in pytest's terminal summary."""

    def pytest_terminal_summary(self, terminalreporter):
        lines = summary_lines()
        if lines:
            terminalreporter.section("fault figures: one board on a share mounted twice (sshfs)")
            for line in lines:
                terminalreporter.write_line(line)
