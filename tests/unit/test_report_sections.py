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
from renkei.domain.health import Health, StatusLine
from renkei.domain.model import Activity, Board, Person, Project, Standup, Status, Task, Team
from renkei.domain.risk import RiskContext, RiskKind, RiskReason, is_blocked
from renkei.domain.slips import slips_by_task
from renkei.export.report_scope import Due, TaskLabel
from renkei.export.report_sections import (
    AtRiskRow,
    BlockedRow,
    BoardColumn,
    ChangeRow,
    DueRow,
    PairRow,
    Reason,
    WaitingRow,
    build_sections,
)
from renkei.export.report_summary import (
    ChangeCounts,
    Decision,
    HealthRow,
    MovedRow,
    TopRisk,
)

TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 9, 0)  # naive UTC, as stored
MARKETING, SALES = 1, 2
AYA, BEN, CHIE = 1, 2, 3
TODO, DOING, DONE = 1, 2, 3
COPY, VENUE, MINATO, INVOICE, OLD, PLAN = 10, 11, 12, 13, 14, 15
FAIR = 1


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
                project_id=FAIR,
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
        projects={FAIR: Project(FAIR, "Spring fair", due=date(2026, 12, 14))},
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

    def risk_context(self) -> RiskContext:
        """The slips the session keeps: the launch copy's due date moved from 1 to 4 Dec."""
        dues = {t.id: t.due for t in self.board.tasks.values()}
        return RiskContext(self.board, TODAY, NOW, slips=slips_by_task(self.trail, dues))

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


def test_page_one_says_each_team_and_project_health_with_its_why_and_forecast(model):
    page = build_sections(model).summary
    assert (page.board_name, page.subtitle) == ("Launch", "Status report")
    assert page.since == "Since Fri 4 Dec 16:00 (last standup)"
    assert page.as_of == "As of Mon 7 Dec 09:00"
    assert page.teams == (
        # No chance of its deadline: off track, whatever else; its late copy also slipped.
        HealthRow(
            "Marketing",
            Health.OFF_TRACK,
            "Off track",
            "0% chance of the deadline, 1 overdue, 1 slipped, 1 of 2 at risk",
            False,
            (
                "likely done Wed 9 Dec, by Thu 10 Dec at the latest (P85)",
                "Late: due Fri 4 Dec, 0% chance on time",
            ),
            True,
        ),
        # Too little history to forecast; one of its two open tasks has no owner.
        HealthRow(
            "Sales",
            Health.AT_RISK,
            "At risk",
            "1 of 2 at risk",
            False,
            ("not enough history: 3 tasks finished in 6 weeks",),
            False,
        ),
    )
    assert page.projects == (
        HealthRow(
            "Spring fair",
            Health.ON_TRACK,
            "On track",
            "",
            False,
            (
                "likely done Fri 11 Dec, by Fri 11 Dec at the latest (P85)",
                "due Mon 14 Dec, 90% chance on time",
            ),
            False,
        ),
    )


def test_page_one_names_the_worst_risks_with_owner_reason_and_what_is_needed(model):
    page = build_sections(model).summary
    assert page.risks == (
        TopRisk(
            TaskLabel("Write launch copy", "Marketing"),
            "Aya Abe",
            LATE_COPY,
            "Late",
            "Overdue: was due 3 days ago.",
            "",
            "Finish it, or agree a new date",
        ),
        TopRisk(
            TaskLabel("Book the venue", "Sales"),
            "—",
            Due("Wed 9 Dec", "due in 2 days", late=False),
            "No owner",
            "Nobody owns this task.",
            "",
            "Someone to own it",
        ),
    )
    assert page.more_risks == 0
    assert page.stuck == ()  # sent without the budget is a loss, not a handoff stuck
    assert page.moved == ()  # the copy's due date moved on Thursday, before the standup


def test_a_flag_says_what_is_needed_and_the_flagger_is_asked_on_page_two(model):
    from renkei.domain.model import RiskFlag

    tasks = dict(model.board.tasks)
    tasks[PLAN] = Task(
        PLAN,
        "Plan Q1",
        TODO,
        team_id=MARKETING,
        owner_id=AYA,
        flag=RiskFlag("Needs the budget owner's yes", BEN, NOW),
    )
    model.board = Board(**{**vars_of(model.board), "tasks": tasks})
    why = "Needs the budget owner's yes"
    flagged = RiskReason(RiskKind.FLAGGED, (("who", "Ben Bauer"), ("reason", why)))
    stale = RiskReason(RiskKind.STALE, (("days", 8),))
    model.risks[PLAN] = (flagged, stale)
    sections = build_sections(model)
    (copy, plan, venue) = sections.summary.risks  # the board's severity: overdue, flagged, …
    assert (plan.word, plan.also, plan.needed) == (
        "Flagged",
        "Stale",
        "Needs the budget owner's yes",
    )
    # Every task at risk is on page 1 already: page 2 asks only about the off-track team.
    assert [d.what for d in sections.second.decisions] == [
        "Marketing: keep the deadline, cut scope or add people?"
    ]


def test_page_two_counts_the_changes_and_asks_for_decisions(model):
    second = build_sections(model).second
    assert second.since == "Fri 4 Dec 16:00"
    assert second.counts == (
        ChangeCounts("Marketing", 0, 0, 1, 0, 1, 0),  # the copy moved on; Minato handed off
        ChangeCounts("Sales", 1, 1, 0, 0, 1, 0),  # the invoice done; Minato new and received
    )
    assert second.decisions == (
        Decision(
            "Marketing: keep the deadline, cut scope or add people?",
            "0% chance of the deadline, 1 overdue, 1 slipped, 1 of 2 at risk",
            "Management",
        ),
    )


def test_deadlines_moved_since_a_chosen_day(model):
    page = build_sections(model, since=datetime(2026, 12, 2)).summary
    assert page.moved == (
        MovedRow(TaskLabel("Write launch copy", "Marketing"), "Tue 1 Dec", "Fri 4 Dec", "—"),
    )


def test_a_leads_status_line_overrules_the_rule(model):
    line = StatusLine("Marketing", Health.AT_RISK, "new date agreed with the customer")
    page = build_sections(model, statuses=[("team", MARKETING, line)]).summary
    marketing = page.teams[0]
    assert (marketing.health, marketing.word, marketing.why, marketing.by_hand) == (
        Health.AT_RISK,
        "At risk",
        "new date agreed with the customer",
        True,
    )
    assert page.teams[1].by_hand is False


def test_each_team_lists_its_work_at_risk_once(model):
    marketing, sales = build_sections(model).teams
    assert marketing.at_risk_rows == (
        AtRiskRow(
            TaskLabel("Write launch copy"),
            "Aya Abe",
            LATE_COPY,
            (Reason("Late", "Overdue: was due 3 days ago."),),
        ),
    )
    assert sales.at_risk_rows == (
        AtRiskRow(
            TaskLabel("Book the venue"),
            "—",
            Due("Wed 9 Dec", "due in 2 days", late=False),
            (Reason("No owner", "Nobody owns this task."),),
        ),
    )


def test_each_team_has_its_week_and_its_blocked_work(model):
    marketing, sales = build_sections(model).teams
    assert (marketing.name, marketing.open_tasks, marketing.at_risk, marketing.overdue) == (
        "Marketing",
        2,
        1,
        1,
    )
    assert (marketing.blocked, marketing.waiting, marketing.due) == (0, 0, ())

    assert (sales.name, sales.open_tasks, sales.at_risk, sales.overdue) == ("Sales", 2, 1, 0)
    assert sales.due == (  # the venue is at risk: in that table, not here again
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
    assert sections.summary.since == "Since Wed 2 Dec 00:00"
    marketing = sections.changes.teams[0]
    assert marketing.rows[-1] == ChangeRow(
        "Thu 3 Dec 09:00", "Due date changed", "Write launch copy", "Tue 1 Dec → Fri 4 Dec"
    )


def test_one_team_keeps_to_its_own_work_and_its_handoffs(model):
    sections = build_sections(model, team_id=SALES)
    assert sections.board_name == "Launch — Sales"
    assert sections.summary.subtitle == "Status report — Sales"
    assert [r.name for r in sections.summary.teams] == ["Sales"]
    assert [r.name for r in sections.summary.projects] == ["Spring fair"]
    assert [t.name for t in sections.teams] == ["Sales"]
    assert [r.task.title for r in sections.summary.risks] == ["Book the venue"]
    assert sections.timeline == (VENUE, MINATO, INVOICE)
    assert [p.pair for p in sections.handoffs.pairs] == ["Marketing → Sales"]  # it receives


def test_no_standup_yet_means_the_last_seven_days(model):
    model.board = Board(**{**vars_of(model.board), "standups": {}})
    page = build_sections(model).summary
    assert page.since == "Since Mon 30 Nov 09:00 (7 days ago)"


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


def test_the_summary_alone_builds_no_appendix(model):
    sections = build_sections(model, appendix=False)
    assert (sections.teams, sections.timeline, sections.board) == ((), (), ())
    assert sections.handoffs.pairs == sections.handoffs.chains == ()
    assert sections.summary == build_sections(model).summary  # page 1 is the same either way
