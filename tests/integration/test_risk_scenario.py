"""The risk rules on one scenario board, written to a real file through the change path, with
every task's exact risk kinds written down by hand: no false positive, no miss.

The day is Saturday 28 November 2026, 09:00; the board is built as people would have built
it over the last weeks (``at`` backdates a change, as time passing would)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from renkei.app.session import BoardSession
from renkei.domain.commands import Create, SetFields
from renkei.domain.forecast import history_window
from renkei.domain.model import RiskFlag
from renkei.domain.risk import RiskKind, describe
from renkei.store.board_store import BoardStore

TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 9, 0)


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def ago(days: float) -> datetime:
    return NOW - timedelta(days=days)


class Scenario:
    def __init__(self, store: BoardStore):
        self.store = store
        board = store.load()
        self.status = {s.name: s.id for s in board.statuses.values()}
        self.team = self._create("team", name="Marketing")
        self.aoki = self._create("person", name="Haruka Aoki", team_id=self.team)
        self.ids: dict[str, int] = {}

    def _create(self, entity: str, at: datetime = NOW, **values) -> int:
        change = self.store.apply(Create(entity, tuple(values.items())), None, at)
        return change.rows[0].entity_id

    def task(self, title: str, status: str = "In progress", at: datetime = NOW, **values) -> int:
        values.setdefault("owner_id", self.aoki)
        values.setdefault("team_id", self.team)
        task_id = self._create("task", at, title=title, status_id=self.status[status], **values)
        self.ids[title] = task_id
        return task_id

    def set(self, title: str, at: datetime = NOW, **values) -> None:
        command = SetFields("task", self.ids[title], tuple(values.items()))
        self.store.apply(command, self.aoki, at)


@pytest.fixture
def scenario(store) -> Scenario:
    s = Scenario(store)
    waiting = store.load().statuses[s.status["Waiting"]]
    store.apply(SetFields("status", waiting.id, (("wip_limit", 1),)), None, ago(30))

    s.task("Healthy", start=day(-2), due=day(10), progress=30)
    s.task("Late", start=day(-10), due=day(-4), progress=80)
    s.task("Behind", start=day(-8), due=day(1), progress=10)
    s.task("Nobody's", "To do", owner_id=None, due=day(10))
    s.task("Untouched", at=ago(10), due=day(20))
    s.task("Flagged", due=day(12))
    s.set("Flagged", flag=RiskFlag("Client went quiet", s.aoki, NOW))

    # Dependencies: a late predecessor, one due the day its successor starts, one done first.
    late, on_the_day = s.ids["Late"], "Ends on the day"
    s.task("Waits for the late one", "To do", start=day(0), due=day(5), depends_on=(late,))
    s.task(on_the_day, "To do", start=day(-1), due=day(3), progress=60)  # on track
    s.task("Starts that day", "To do", start=day(3), due=day(8), depends_on=(s.ids[on_the_day],))
    s.task("Ends first", "To do", start=day(-1), due=day(1), progress=70)
    s.task("Starts after", "To do", start=day(3), due=day(8), depends_on=(s.ids["Ends first"],))

    # Slips: moved later (twice), moved later yet still late, moved earlier.
    s.task("Slipped", at=ago(6), due=day(2))
    s.set("Slipped", at=ago(4), due=day(5))
    s.set("Slipped", at=ago(1), due=day(9))
    s.task("Slipped and late", at=ago(12), start=day(-12), due=day(-10), progress=50)
    s.set("Slipped and late", at=ago(2), due=day(-3))
    s.task("Pulled in", at=ago(5), due=day(10))
    s.set("Pulled in", at=ago(3), due=day(6))

    # Where no rule applies: finished, archived, backlog, a column over its WIP limit.
    s.task("Done late", "Done", due=day(-6))
    s.task("Archived late", due=day(-6), archived=True)
    s.task("Backlog idea", "Backlog", owner_id=None, due=day(-5))
    s.task("Waiting one", "Waiting", due=day(9))
    s.task("Waiting two", "Waiting", due=day(11))

    # Field Sales finished one task every other working day of the last six weeks (a pace
    # of 0.5 a day, spread 0.5); three tasks are due Tuesday, two working days away. A fast
    # stretch gets through 0.5 * 2 + 1.0364 * 0.5 * sqrt(2) = 1.73 tasks by then: the first
    # in line is in time, the second and third likely late (done Thursday and Monday).
    field = s._create("team", name="Field Sales")
    ito = s._create("person", name="Ryo Ito", team_id=field)
    for n, finished_on in enumerate(history_window(TODAY, 6)[::2]):
        at = datetime.combine(finished_on, datetime.min.time()) + timedelta(hours=10)
        title = f"Closed deal {n}"
        s.task(title, "In progress", at=at - timedelta(days=3), owner_id=ito, team_id=field)
        s.set(title, at=at, status_id=s.status["Done"])
    tuesday = date(2026, 12, 1)
    for title in ("First in line", "Second in line", "Third in line"):
        s.task(title, "To do", owner_id=ito, team_id=field, due=tuesday)
    return s


EXPECTED = {
    "Healthy": [],
    "Late": [RiskKind.OVERDUE],
    "Behind": [RiskKind.BEHIND],
    "Nobody's": [RiskKind.NO_OWNER],
    "Untouched": [RiskKind.STALE],
    "Flagged": [RiskKind.FLAGGED],
    "Waits for the late one": [RiskKind.DEPENDENCY],
    "Ends on the day": [],
    "Starts that day": [RiskKind.DEPENDENCY],
    "Ends first": [],
    "Starts after": [],
    "Slipped": [RiskKind.SLIPPED],
    "Slipped and late": [RiskKind.OVERDUE, RiskKind.SLIPPED],
    "Pulled in": [],
    "Done late": [],
    "Archived late": [],
    "Backlog idea": [],
    "Waiting one": [],  # the column is over its limit: its header says so, not its cards
    "Waiting two": [],
    "First in line": [],
    "Second in line": [RiskKind.FORECAST_LATE],
    "Third in line": [RiskKind.FORECAST_LATE],
}

SENTENCES = {
    "Waits for the late one": "Waits for “Late”, due Tue 24 Nov 2026, still open — 4 days late.",
    "Starts that day": (
        "Waits for “Ends on the day”, due Tue 1 Dec 2026 — the day this task starts."
    ),
    "Slipped": "Due date moved 2 times, 7 days later than first planned.",
    "Slipped and late": "Due date moved 1 time, 7 days later than first planned.",
    "Second in line": (
        "At Field Sales's recent pace it would be done around Thu 3 Dec 2026, after its due date."
    ),
    "Third in line": (
        "At Field Sales's recent pace it would be done around Mon 7 Dec 2026, after its due date."
    ),
}


def test_every_task_has_exactly_its_risks(scenario, store):
    session = BoardSession(store, scenario.aoki, today=lambda: TODAY, now=lambda: NOW)
    found = {
        title: [r.kind for r in session.risk(i)]
        for title, i in scenario.ids.items()
        if not title.startswith("Closed deal")
    }
    assert found == EXPECTED


def test_each_reason_says_its_fact_in_words(scenario, store):
    session = BoardSession(store, scenario.aoki, today=lambda: TODAY, now=lambda: NOW)
    for title, sentence in SENTENCES.items():
        reasons = session.risk(scenario.ids[title])
        shown = (RiskKind.DEPENDENCY, RiskKind.SLIPPED, RiskKind.FORECAST_LATE)
        said = [describe(r) for r in reasons if r.kind in shown]
        assert said == [sentence], title


def test_a_colleagues_edit_reorders_only_the_line_it_touched(scenario, store):
    """The forecast is kept per team between changes: an edit to a Field Sales task reorders
    Field Sales' line, one to a Marketing task leaves it as it was, and either way the window
    says what a fresh look at the board says."""
    session = BoardSession(store, scenario.aoki, today=lambda: TODAY, now=lambda: NOW)

    def forecast_late(looking: BoardSession) -> set[str]:
        late = RiskKind.FORECAST_LATE
        return {
            title
            for title, i in scenario.ids.items()
            if any(r.kind is late for r in looking.risk(i))
        }

    assert forecast_late(session) == {"Second in line", "Third in line"}
    scenario.set("Healthy", due=day(12))  # Marketing's line only
    assert session.pull()
    assert forecast_late(session) == {"Second in line", "Third in line"}
    # The first in line nearly done weighs a tenth: the second (1.1 of the 1.73 a fast
    # stretch gets through by Tuesday) is in time now, the third (2.1) still is not.
    scenario.set("First in line", progress=90)
    assert session.pull()
    assert forecast_late(session) == {"Third in line"}
    fresh = BoardSession(store, scenario.aoki, today=lambda: TODAY, now=lambda: NOW)
    assert forecast_late(fresh) == {"Third in line"}
