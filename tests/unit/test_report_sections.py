"""What the status report says, read from a small hand-made board: each section's values are
checked against what a team lead would expect to read, without painting anything.

The board (today is Monday 7 December 2026, 09:00 UTC; the last standup was Friday 16:00):

    Marketing: "Write launch copy" (Aya, In progress, due Fri 4 Dec: late),
               "Plan Q1" (Aya, To do, no date), "Old idea" (archived)
    Sales:     "Book the venue" (nobody, To do, due Wed 9 Dec),
               "Call back Minato" (Ben, In progress, due Fri 11 Dec, waits for the launch copy,
               handed over by Aya on Saturday without the budget),
               "Send the invoice" (Chie, Done on Sunday)
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale

from renkei.domain.forecast import Basis, Forecast
from renkei.domain.handoff import Handoff, HandoffItem, HandoffState
from renkei.domain.handoff_log import HandoffAnalysis
from renkei.domain.handoff_loss import Names, incomplete_at_send
from renkei.domain.model import Activity, Board, Person, Standup, Status, Task, Team
from renkei.domain.risk import RiskKind, RiskReason, is_blocked
from renkei.export.report_scope import Due, TaskLabel
from renkei.export.report_sections import (
    AtRiskRow,
    BlockedRow,
    BoardColumn,
    ChangeRow,
    DueRow,
    Figure,
    OverdueRow,
    PairRow,
    PersonRow,
    Reason,
    WaitingRow,
    build_sections,
)

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 9, 0)  # naive UTC, as stored
MARKETING, SALES = 1, 2
AYA, BEN, CHIE = 1, 2, 3
TODO, DOING, DONE = 1, 2, 3
COPY, VENUE, MINATO, INVOICE, OLD, PLAN = 10, 11, 12, 13, 14, 15


def make_board() -> Board:
    def task(id, title, status, team, owner=None, **more):
        return Task(id, title, status, team_id=team, owner_id=owner, **more)

    return Board(
        name="Launch",
        revision=9,
        teams={MARKETING: Team(MARKETING, "Marketing", 0), SALES: Team(SALES, "Sales", 1)},
        people={
            AYA: Person(AYA, "Aya Abe", MARKETING),
            BEN: Person(BEN, "Ben Bauer", SALES),
            CHIE: Person(CHIE, "Chie Chiba", SALES),
        },
        statuses={
            TODO: Status(TODO, "To do", 0),
            DOING: Status(DOING, "In progress", 1, wip_limit=3),
            DONE: Status(DONE, "Done", 2, is_done=True),
        },
        tasks={
            COPY: task(
                COPY,
                "Write launch copy",
                DOING,
                MARKETING,
                AYA,
                start=date(2026, 11, 30),
                due=date(2026, 12, 4),
                progress=40,
            ),
            VENUE: task(VENUE, "Book the venue", TODO, SALES, due=date(2026, 12, 9), position=2),
            MINATO: task(
                MINATO,
                "Call back Minato",
                DOING,
                SALES,
                BEN,
                start=date(2026, 12, 1),
                due=date(2026, 12, 11),
                depends_on=(COPY,),
            ),
            INVOICE: task(
                INVOICE,
                "Send the invoice",
                DONE,
                SALES,
                CHIE,
                due=date(2026, 12, 3),
                updated_at=datetime(2026, 12, 6, 12, 0),
            ),
            OLD: task(OLD, "Old idea", TODO, MARKETING, archived=True),
            PLAN: task(PLAN, "Plan Q1", TODO, MARKETING, AYA, position=1),
        },
        handoffs={
            1: Handoff(
                id=1,
                task_id=MINATO,
                template="lead",
                sender_id=AYA,
                sender_team_id=MARKETING,
                receiver_id=BEN,
                receiver_team_id=SALES,
                note="",
                items=(HandoffItem("budget", False), HandoffItem("timeline", True)),
                state=HandoffState.SENT,
                sent_at=datetime(2026, 12, 5, 9, 0),
            )
        },
        standups={1: Standup(1, datetime(2026, 12, 4, 16, 0), AYA)},
    )


def activity(n: int, at: datetime, task_id: int, field: str, old=None, new=None, actor=None):
    return Activity(n, at, actor, "task", task_id, field, old, new, n)


class HandMadeReadModel:
    """A ``BoardReadModel`` over a board built by hand, with the risk reasons chosen here."""

    def __init__(self, board: Board):
        self.board = board
        self.risks = {
            COPY: (RiskReason(RiskKind.OVERDUE, (("days", 3),)),),
            VENUE: (RiskReason(RiskKind.NO_OWNER),),
        }
        self.trail = [
            activity(1, datetime(2026, 12, 3, 9, 0), COPY, "due", "2026-12-01", "2026-12-04"),
            activity(2, datetime(2026, 12, 5, 10, 0), MINATO, "created", actor=BEN),
            activity(3, datetime(2026, 12, 6, 8, 30), COPY, "status_id", "1", "2", AYA),
            activity(4, datetime(2026, 12, 6, 12, 0), INVOICE, "status_id", "2", "3", CHIE),
        ]

    def today(self) -> date:
        return TODAY

    def now(self) -> datetime:
        return NOW

    def risk(self, task_id: int):
        return self.risks.get(task_id, ())

    def blocked(self, task_id: int) -> bool:
        return is_blocked(self.board.tasks[task_id], self.board)

    def handoff_analysis(self) -> HandoffAnalysis:
        handoff = self.board.handoffs[1]
        finding = incomplete_at_send(handoff, Names())  # the budget was missing when sent
        return HandoffAnalysis(self.board, {MINATO: (finding,)}, NOW)

    def task_activity_since(self, since: datetime) -> list[Activity]:
        return [row for row in self.trail if row.at > since]

    def forecasts(self) -> list[Forecast]:
        """Marketing will be late; Sales has too little history; the fair will make it."""
        wed, thu, fri = date(2026, 12, 9), date(2026, 12, 10), date(2026, 12, 11)
        return [
            Forecast(
                "team",
                MARKETING,
                "Marketing",
                2,
                wed,
                thu,
                date(2026, 12, 4),
                "tasks",
                0.0,
                Basis(30, 6),
                "own",
            ),
            Forecast(
                "team",
                SALES,
                "Sales",
                2,
                None,
                None,
                fri,
                "tasks",
                None,
                Basis(3, 6),
                "own",
                "thin",
            ),
            Forecast(
                "project",
                1,
                "Spring fair",
                1,
                fri,
                fri,
                date(2026, 12, 14),
                "project",
                0.9,
                Basis(12, 6),
                "own",
                teams=(SALES,),
            ),
        ]


@pytest.fixture(autouse=True)
def english_in_utc(qapp, monkeypatch):
    """Words in English (the catalogue gives "3 days" its plural), dates in English, times
    on UTC's clock, whatever the machine says."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def model() -> HandMadeReadModel:
    return HandMadeReadModel(make_board())


LATE_COPY = Due("Fri 4 Dec", "3 days late", late=True)


def test_the_cover_counts_the_whole_board(model):
    cover = build_sections(model).cover
    assert cover.board_name == "Launch"
    assert cover.subtitle == "Status report"
    assert cover.since == "Since Fri 4 Dec 16:00 (last standup)"
    assert cover.as_of == "As of Mon 7 Dec 09:00"
    assert cover.statuses == (
        Figure(5, "Tasks"),  # the archived idea is left out
        Figure(2, "To do"),
        Figure(2, "In progress"),
        Figure(1, "Done"),
    )
    assert cover.signals == (
        Figure(2, "At risk", alarming=True),
        Figure(1, "Overdue", alarming=True),
        Figure(1, "Done in the period"),
        Figure(1, "Handoffs waiting"),
        Figure(1, "Handoffs that lost information", alarming=True),
    )
    assert cover.worst_pair == (
        "The team pair that loses the most: Marketing → Sales — most lost: Budget"
    )
    assert [(line.text, line.late) for line in cover.forecasts] == [
        (
            "Marketing: likely done Wed 9 Dec, by Thu 10 Dec at the latest (P85)"
            " — Late: due Fri 4 Dec, 0% chance on time",
            True,
        ),
        ("Sales: not enough history: 3 tasks finished in 6 weeks", False),
        (
            "Spring fair: likely done Fri 11 Dec, by Fri 11 Dec at the latest (P85)"
            " — due Mon 14 Dec, 90% chance on time",
            False,
        ),
    ]


def test_at_risk_soonest_due_first_with_every_reason_in_words(model):
    risk = build_sections(model).risk
    assert risk.at_risk == (
        AtRiskRow(
            TaskLabel("Write launch copy", "Marketing"),
            "Aya Abe",
            LATE_COPY,
            (Reason("Late", "Overdue: was due 3 days ago."),),
        ),
        AtRiskRow(
            TaskLabel("Book the venue", "Sales"),
            "—",
            Due("Wed 9 Dec", "due in 2 days", late=False),
            (Reason("No owner", "Nobody owns this task."),),
        ),
    )
    assert risk.overdue == (
        OverdueRow(
            TaskLabel("Write launch copy", "Marketing"),
            "Aya Abe",
            LATE_COPY,
            "In progress",
            "Normal",
        ),
    )  # the invoice was due before the copy, but it is done


def test_each_team_has_its_week_its_blocked_work_and_its_people(model):
    marketing, sales = build_sections(model).teams
    assert (marketing.name, marketing.open_tasks, marketing.at_risk, marketing.overdue) == (
        "Marketing",
        2,
        1,
        1,
    )
    assert (marketing.blocked, marketing.waiting, marketing.due) == (0, 0, ())
    assert marketing.people == (PersonRow("Aya Abe", ("Write launch copy",), 0),)

    assert (sales.name, sales.open_tasks, sales.at_risk, sales.overdue) == ("Sales", 2, 1, 0)
    assert sales.due == (
        DueRow(TaskLabel("Book the venue"), "—", Due("Wed 9 Dec", "due in 2 days", False), "To do"),
        DueRow(
            TaskLabel("Call back Minato"),
            "Ben Bauer",
            Due("Fri 11 Dec", "due in 4 days", False),
            "In progress",
        ),
    )
    assert sales.blocked_rows == (
        BlockedRow(TaskLabel("Call back Minato"), "Ben Bauer", ("Write launch copy",)),
    )
    assert sales.waiting_rows == (
        WaitingRow(TaskLabel("Call back Minato"), "Marketing", "Aya Abe", "Ben Bauer", "2 d"),
    )
    assert sales.people == (PersonRow("Ben Bauer", ("Call back Minato",), 0),)  # Chie is done


def test_the_board_snapshot_puts_risk_first_and_says_the_wip_limit(model):
    assert build_sections(model).board == (
        BoardColumn("To do", "2", (VENUE, PLAN)),
        BoardColumn("In progress", "2 / 3", (COPY, MINATO)),
        BoardColumn("Done", "1", (INVOICE,)),
    )


def test_handoffs_show_the_pair_and_the_chain_that_broke(model):
    handoffs = build_sections(model).handoffs
    assert handoffs.pairs == (
        PairRow(
            "Marketing → Sales", 1, in_time="—", median="—", returned="0%", lost=("Budget × 1",)
        ),
    )
    (chain,) = handoffs.chains
    assert (chain.task, chain.hops, chain.word, chain.items) == (
        "Call back Minato",
        1,
        "Sent incomplete",
        "Budget",
    )
    assert chain.detail == "Marketing → Sales (Aya Abe → Ben Bauer): sent without Budget"


def test_changes_since_the_standup_newest_first_by_team(model):
    changes = build_sections(model).changes
    assert changes.since == "Fri 4 Dec 16:00"
    marketing, sales = changes.teams
    assert marketing.rows == (
        ChangeRow("Sun 6 Dec 08:30", "Moved", "Write launch copy", "To do → In progress"),
        ChangeRow("Sat 5 Dec 09:00", "Handed off", "Call back Minato", "to Sales"),
    )  # the due date moved on Thursday, before the standup
    assert sales.rows == (
        ChangeRow("Sun 6 Dec 12:00", "Finished", "Send the invoice", "In progress → Done"),
        ChangeRow("Sat 5 Dec 10:00", "New", "Call back Minato", "Ben Bauer"),
        ChangeRow("Sat 5 Dec 09:00", "Received", "Call back Minato", "from Marketing"),
    )
    assert marketing.older == sales.older == 0


def test_changes_since_a_chosen_day_reach_further_back(model):
    since = datetime(2026, 12, 2, 0, 0)
    sections = build_sections(model, since=since)
    assert sections.cover.since == "Since Wed 2 Dec 00:00"
    marketing = sections.changes.teams[0]
    assert marketing.rows[-1] == ChangeRow(
        "Thu 3 Dec 09:00", "Due date changed", "Write launch copy", "Tue 1 Dec → Fri 4 Dec"
    )


def test_one_team_keeps_to_its_own_work_and_its_handoffs(model):
    sections = build_sections(model, team_id=SALES)
    assert sections.board_name == "Launch — Sales"
    assert sections.cover.subtitle == "Status report — Sales"
    assert sections.cover.statuses[0] == Figure(3, "Tasks")
    assert [line.text.split(":")[0] for line in sections.cover.forecasts] == [
        "Sales",
        "Spring fair",
    ]
    assert [t.name for t in sections.teams] == ["Sales"]
    assert [r.task.title for r in sections.risk.at_risk] == ["Book the venue"]
    assert sections.risk.overdue == ()
    assert sections.timeline == (VENUE, MINATO, INVOICE)
    assert [p.pair for p in sections.handoffs.pairs] == ["Marketing → Sales"]  # it receives


def test_no_standup_yet_means_the_last_seven_days(model):
    model.board = Board(**{**vars_of(model.board), "standups": {}})
    cover = build_sections(model).cover
    assert cover.since == "Since Mon 30 Nov 09:00 (7 days ago)"


def test_a_long_week_keeps_the_newest_sixty_changes(model):
    model.trail = [
        activity(100 + n, NOW - timedelta(hours=n + 1), PLAN, "due", None, "2026-12-20")
        for n in range(65)
    ]
    model.board = Board(**{**vars_of(model.board), "standups": {}})
    marketing = build_sections(model, since=NOW - timedelta(days=5)).changes.teams[0]
    assert len(marketing.rows) == 60 and marketing.rows[0].when == "Mon 7 Dec 08:00"
    assert marketing.older == 65 + 1 - 60  # the handoff sent on Saturday is a change too


def test_an_unknown_team_is_refused(model):
    with pytest.raises(ValueError, match="no team with id 99"):
        build_sections(model, team_id=99)


def test_a_cancelled_build_stops_at_the_next_check(model):
    class Stop(Exception):
        pass

    calls = []

    def check():
        calls.append(1)
        if len(calls) == 2:
            raise Stop

    with pytest.raises(Stop):
        build_sections(model, check=check)


def vars_of(board: Board) -> dict:
    return {name: getattr(board, name) for name in board.__slots__}
