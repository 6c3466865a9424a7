"""Why a task is at risk: every automatic reason, on small boards built by hand."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from renkei.domain.model import Board, BoardSettings, Person, RiskFlag, Status, Task
from renkei.domain.risk import (
    BADGE_WORDS,
    DEPENDENCY_AFTER,
    DUE_SOON_DAYS,
    STALE_DAYS,
    TEMPLATES,
    RiskContext,
    RiskKind,
    RiskReason,
    RiskThresholds,
    badge_word,
    badge_words,
    describe,
    due_soon,
    is_blocked,
    risk_reasons,
)
from renkei.domain.slips import DueMove, Slips

TODAY = date(2026, 11, 28)
NOW = datetime(2026, 11, 28, 9, 30)

BACKLOG, TODO, DOING, DONE = 1, 2, 3, 4
AOKI, TANAKA = 10, 11


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def make_task(task_id: int = 1, **values) -> Task:
    """A healthy task: owned, touched just now, no dates; the test adds what it studies."""
    fields = {"title": f"Task {task_id}", "status_id": TODO, "owner_id": AOKI, "updated_at": NOW}
    fields.update(values)
    return Task(id=task_id, **fields)


def make_board(*tasks: Task, wip_limit: int | None = None, settings=None) -> Board:
    statuses = {
        BACKLOG: Status(BACKLOG, "Backlog", 0),
        TODO: Status(TODO, "To do", 1),
        DOING: Status(DOING, "In progress", 2, wip_limit=wip_limit),
        DONE: Status(DONE, "Done", 3, is_done=True),
    }
    people = {AOKI: Person(AOKI, "Haruka Aoki"), TANAKA: Person(TANAKA, "Yuki Tanaka")}
    return Board(
        name="Test board",
        revision=1,
        people=people,
        statuses=statuses,
        tasks={t.id: t for t in tasks},
        settings=settings or BoardSettings(),
    )


def reasons_for(board: Board, task_id: int = 1, now: datetime = NOW) -> tuple[RiskReason, ...]:
    return risk_reasons(board.tasks[task_id], RiskContext(board, TODAY, now))


def kinds_for(board: Board, task_id: int = 1, now: datetime = NOW) -> list[RiskKind]:
    return [r.kind for r in reasons_for(board, task_id, now)]


# -- baseline ------------------------------------------------------------------------------


def test_healthy_task_has_no_reasons():
    """An owned, recently touched task with no dates is not at risk."""
    assert reasons_for(make_board(make_task())) == ()


# -- overdue -------------------------------------------------------------------------------


def test_overdue_counts_days_since_due():
    """A task due three days ago is overdue by three days."""
    found = reasons_for(make_board(make_task(due=day(-3))))
    assert [r.kind for r in found] == [RiskKind.OVERDUE]
    assert found[0].param("days") == 3


def test_due_today_is_not_overdue():
    """Due today is not late yet."""
    assert RiskKind.OVERDUE not in kinds_for(make_board(make_task(due=TODAY)))


# -- behind schedule ----------------------------------------------------------------------


def test_behind_when_due_soon_and_progress_below_elapsed_share():
    """Due tomorrow with 9 of 10 days used and only 40% done is behind schedule."""
    board = make_board(make_task(start=day(-8), due=day(1), progress=40))
    found = reasons_for(board)
    assert [r.kind for r in found] == [RiskKind.BEHIND]
    assert found[0].param("progress") == 40
    assert found[0].param("elapsed") == 90


def test_not_behind_when_on_track():
    """Progress at or above the share of time used is on track."""
    board = make_board(make_task(start=day(-8), due=day(1), progress=90))
    assert reasons_for(board) == ()


def test_not_behind_when_due_far_away():
    """A task due well after due_soon_days is not judged behind, however little is done."""
    board = make_board(make_task(start=day(-20), due=day(10), progress=0))
    assert RiskKind.BEHIND not in kinds_for(board)


def test_behind_respects_due_soon_days_setting():
    """The 'due soon' window comes from the board settings."""
    task = make_task(start=day(-20), due=day(10), progress=0)
    wide = make_board(task, settings=BoardSettings(due_soon_days=10))
    narrow = make_board(task, settings=BoardSettings(due_soon_days=9))
    assert kinds_for(wide) == [RiskKind.BEHIND]
    assert kinds_for(narrow) == []


def test_not_behind_before_the_start_date():
    """A task that has not started yet has used none of its time."""
    board = make_board(make_task(start=day(1), due=day(2), progress=0))
    assert reasons_for(board) == ()


# -- dependencies --------------------------------------------------------------------------


def test_dependency_conflict_on_start():
    """A predecessor ending after this task starts is a conflict on the start date."""
    pred = make_task(2, title="Qualify leads", due=day(5))
    succ = make_task(1, start=day(2), due=day(9), depends_on=(2,))
    found = reasons_for(make_board(succ, pred))
    assert [r.kind for r in found] == [RiskKind.DEPENDENCY]
    assert dict(found[0].params) == {
        "other": "Qualify leads",
        "other_id": 2,
        "other_due": date(2026, 12, 3),
        "late_days": 0,
        "edge": "start",
        "date": date(2026, 11, 30),
    }


def test_dependency_conflict_on_due():
    """Without a start date, a predecessor ending on or after this task's due date conflicts."""
    pred = make_task(2, title="Qualify leads", due=day(6))
    succ = make_task(1, due=day(4), depends_on=(2,))
    found = reasons_for(make_board(succ, pred))
    assert [r.kind for r in found] == [RiskKind.DEPENDENCY]
    assert found[0].param("edge") == "due"
    assert found[0].param("date") == date(2026, 12, 2)


def test_a_predecessor_due_the_day_this_task_starts_conflicts_and_says_so():
    """Due the same day as this task starts: it cannot start that day, and the sentence says
    "the day this task starts", not "after"."""
    pred = make_task(2, title="Qualify leads", due=day(2))
    succ = make_task(1, start=day(2), due=day(9), depends_on=(2,))
    found = reasons_for(make_board(succ, pred))
    assert [r.kind for r in found] == [RiskKind.DEPENDENCY]
    assert describe(found[0]) == (
        "Waits for “Qualify leads”, due Mon 30 Nov 2026 — the day this task starts."
    )


def test_a_late_open_predecessor_is_named_as_late():
    """A predecessor 3 days overdue and still open: it ends today at the earliest, which is
    this task's start; the sentence says it is late, not that it "ends" on a past day."""
    pred = make_task(2, title="Qualify leads", due=day(-3))
    succ = make_task(1, start=day(0), due=day(9), depends_on=(2,))
    found = reasons_for(make_board(succ, pred))
    assert [r.kind for r in found] == [RiskKind.DEPENDENCY]
    assert describe(found[0]) == (
        "Waits for “Qualify leads”, due Wed 25 Nov 2026, still open — 3 days late."
    )


def test_a_late_predecessor_is_no_risk_to_a_task_that_starts_much_later():
    pred = make_task(2, due=day(-3))
    succ = make_task(1, start=day(20), due=day(30), depends_on=(2,))
    assert reasons_for(make_board(succ, pred)) == ()


def test_no_dependency_conflict_when_predecessor_ends_first():
    """A predecessor due before this task starts is fine."""
    pred = make_task(2, due=day(1))
    succ = make_task(1, start=day(2), due=day(9), depends_on=(2,))
    assert reasons_for(make_board(succ, pred)) == ()


@pytest.mark.parametrize(
    "pred_changes", [{"status_id": DONE}, {"archived": True}], ids=["done", "archived"]
)
def test_no_dependency_conflict_when_predecessor_done_or_archived(pred_changes):
    """A finished or archived predecessor no longer holds anything up."""
    pred = make_task(2, due=day(5), **pred_changes)
    succ = make_task(1, start=day(2), due=day(9), depends_on=(2,))
    assert RiskKind.DEPENDENCY not in kinds_for(make_board(succ, pred))


def test_one_conflict_per_late_predecessor():
    """Each late predecessor is a reason of its own."""
    a = make_task(2, title="A", due=day(5))
    b = make_task(3, title="B", due=day(6))
    succ = make_task(1, start=day(2), due=day(9), depends_on=(2, 3))
    found = reasons_for(make_board(succ, a, b))
    assert [r.param("other") for r in found] == ["A", "B"]


# -- owner, staleness, WIP, flag -----------------------------------------------------------


def test_no_owner():
    """A task nobody owns is at risk."""
    assert kinds_for(make_board(make_task(owner_id=None))) == [RiskKind.NO_OWNER]


def test_stale_after_stale_days_without_activity():
    """Seven idle days with stale_days=7 is stale; six is not."""
    stale = make_board(make_task(updated_at=NOW - timedelta(days=7)))
    fresh = make_board(make_task(updated_at=NOW - timedelta(days=6, hours=23)))
    found = reasons_for(stale)
    assert [r.kind for r in found] == [RiskKind.STALE]
    assert found[0].param("days") == 7
    assert reasons_for(fresh) == ()


def test_stale_uses_board_setting():
    """A board with stale_days=3 calls three idle days stale."""
    task = make_task(updated_at=NOW - timedelta(days=3))
    assert kinds_for(make_board(task, settings=BoardSettings(stale_days=3))) == [RiskKind.STALE]
    assert kinds_for(make_board(task, settings=BoardSettings(stale_days=4))) == []


def test_stale_measured_from_now_not_midnight():
    """Idle time runs to the context's ``now``, not to the start of today."""
    task = make_task(updated_at=datetime(2026, 11, 21, 12, 0))
    board = make_board(task)
    assert kinds_for(board, now=datetime(2026, 11, 28, 11, 59)) == []
    assert kinds_for(board, now=datetime(2026, 11, 28, 12, 0)) == [RiskKind.STALE]


def test_a_column_over_its_wip_limit_puts_no_task_at_risk():
    """WIP over the limit is a fact about the column (its header says it), not a reason on
    every card in it."""
    over = make_board(
        make_task(1, status_id=DOING),
        make_task(2, status_id=DOING),
        make_task(3, status_id=DOING),
        wip_limit=2,
    )
    for task_id in (1, 2, 3):
        assert kinds_for(over, task_id) == []


def test_manual_flag_names_who_and_why():
    """A flag shows the flagging person's name and the reason."""
    flag = RiskFlag("Client has gone quiet", TANAKA, NOW)
    found = reasons_for(make_board(make_task(flag=flag)))
    assert [r.kind for r in found] == [RiskKind.FLAGGED]
    assert dict(found[0].params) == {"who": "Yuki Tanaka", "reason": "Client has gone quiet"}


def test_flag_by_unknown_person_says_question_mark():
    """A flag whose author is not on the board still shows, with '?' as the author."""
    flag = RiskFlag("Budget unclear", None, NOW)
    found = reasons_for(make_board(make_task(flag=flag)))
    assert found[0].param("who") == "?"


def test_reasons_come_most_serious_first():
    """Several reasons are listed overdue, flag, dependency, owner, stale."""
    pred = make_task(2, due=day(5))
    task = make_task(
        1,
        status_id=DOING,
        owner_id=None,
        start=day(-10),
        due=day(-1),
        depends_on=(2,),
        updated_at=NOW - timedelta(days=30),
        flag=RiskFlag("Stuck", AOKI, NOW),
    )
    board = make_board(task, pred, make_task(3, status_id=DOING), wip_limit=1)
    assert kinds_for(board) == [
        RiskKind.OVERDUE,
        RiskKind.FLAGGED,
        RiskKind.DEPENDENCY,
        RiskKind.NO_OWNER,
        RiskKind.STALE,
    ]


# -- where the rules do not apply ---------------------------------------------------------


def _troubled(**changes) -> Task:
    values = {
        "owner_id": None,
        "due": day(-4),
        "updated_at": NOW - timedelta(days=40),
        "flag": RiskFlag("Stuck", AOKI, NOW),
    }
    values.update(changes)
    return make_task(1, **values)


@pytest.mark.parametrize(
    "changes", [{"status_id": DONE}, {"archived": True}], ids=["done", "archived"]
)
def test_done_and_archived_tasks_have_no_reasons(changes):
    """Finished or archived work carries no risk, not even a manual flag."""
    assert reasons_for(make_board(_troubled(**changes))) == ()


def test_backlog_tasks_only_carry_the_manual_flag():
    """Backlog work is not committed to: only a person's flag marks it."""
    assert kinds_for(make_board(_troubled(status_id=BACKLOG))) == [RiskKind.FLAGGED]
    assert reasons_for(make_board(_troubled(status_id=BACKLOG, flag=None))) == ()


def test_first_column_that_is_done_is_not_a_backlog():
    """When the first column is a done column, there is no backlog exemption to apply."""
    board = make_board(make_task(owner_id=None))
    statuses = dict(board.statuses)
    statuses[BACKLOG] = Status(BACKLOG, "Archive", 0, is_done=True)
    board = Board(
        name=board.name, revision=1, people=board.people, statuses=statuses, tasks=board.tasks
    )
    ctx = RiskContext(board, TODAY, NOW)
    assert ctx.backlog_id is None
    assert kinds_for(board) == [RiskKind.NO_OWNER]


# -- words ---------------------------------------------------------------------------------


DESCRIBED = [
    (
        RiskReason(RiskKind.FLAGGED, (("who", "Haruka Aoki"), ("reason", "Client silent"))),
        "Flagged by Haruka Aoki: Client silent",
    ),
    (RiskReason(RiskKind.OVERDUE, (("days", 3),)), "Overdue: was due 3 days ago."),
    (
        RiskReason(RiskKind.BEHIND, (("progress", 40), ("elapsed", 90))),
        "Behind schedule: 40% done with 90% of the time used.",
    ),
    (
        RiskReason(
            RiskKind.DEPENDENCY,
            (
                ("other", "Qualify leads"),
                ("other_due", date(2026, 12, 3)),
                ("edge", "start"),
                ("date", date(2026, 11, 30)),
            ),
        ),
        "Waits for “Qualify leads”, due Thu 3 Dec 2026 — after this task starts (Mon 30 Nov 2026).",
    ),
    (
        RiskReason(
            RiskKind.DEPENDENCY,
            (
                ("other", "Qualify leads"),
                ("other_due", date(2026, 12, 3)),
                ("edge", "due"),
                ("date", date(2026, 12, 2)),
            ),
        ),
        "Waits for “Qualify leads”, due Thu 3 Dec 2026 — after this task is due (Wed 2 Dec 2026).",
    ),
    (RiskReason(RiskKind.NO_OWNER), "Nobody owns this task."),
    (RiskReason(RiskKind.STALE, (("days", 9),)), "No activity for 9 days."),
    (
        RiskReason(RiskKind.SLIPPED, (("moves", 3), ("days", 12))),
        "Due date moved 3 times, 12 days later than first planned.",
    ),
    (
        RiskReason(RiskKind.SLIPPED, (("moves", 1), ("days", 1))),
        "Due date moved 1 time, 1 day later than first planned.",
    ),
    (
        RiskReason(
            RiskKind.FORECAST_LATE, (("team", "Field Sales"), ("finish", date(2026, 12, 18)))
        ),
        "At Field Sales's recent pace it would be done around Fri 18 Dec 2026, after its due date.",
    ),
]


@pytest.mark.parametrize(("reason", "sentence"), DESCRIBED, ids=lambda v: getattr(v, "kind", ""))
def test_describe_gives_a_sentence(reason, sentence):
    """Each kind of reason reads as one plain sentence with its numbers filled in."""
    assert describe(reason) == sentence


def test_every_kind_has_a_template_and_a_badge_word():
    """No kind of reason can reach a card without words."""
    assert set(TEMPLATES) | {RiskKind.DEPENDENCY} == set(RiskKind)
    assert set(BADGE_WORDS) == set(RiskKind)
    assert {reason.kind for reason, _ in DESCRIBED} == set(RiskKind)


def test_describe_fits_every_reason_the_rules_produce():
    """Sentences built from real rule output have every placeholder filled."""
    pred = make_task(2, title="Qualify leads", due=day(5))
    board = make_board(
        make_task(
            1,
            status_id=DOING,
            owner_id=None,
            start=day(-10),
            due=day(-1),
            depends_on=(2,),
            updated_at=NOW - timedelta(days=30),
            flag=RiskFlag("Stuck", AOKI, NOW),
        ),
        make_task(3, status_id=DOING, start=day(-8), due=day(1), progress=10),
        pred,
        make_task(4, status_id=DOING, due=day(20)),
    )
    moved = Slips(day(10), (DueMove(NOW, day(10), day(20), AOKI),))
    ctx = RiskContext(
        board, TODAY, NOW, slips={4: moved}, late_forecasts={4: ("Field Sales", day(25))}
    )
    produced = risk_reasons(board.tasks[1], ctx) + reasons_for(board, 3)
    produced += risk_reasons(board.tasks[4], ctx)
    assert {r.kind for r in produced} == set(RiskKind)
    for reason in produced:
        sentence = describe(reason)
        assert sentence and "{" not in sentence and "}" not in sentence


def test_describe_applies_translate_to_the_sentence_and_its_dates():
    """The UI's translate function turns the sentence into Japanese and its date words
    write the dates."""
    catalogue = {
        DEPENDENCY_AFTER[
            "start"
        ]: "「%1」（期限 %2）が、このタスクの開始日（%3）より後に終わります。",
        TEMPLATES[RiskKind.STALE]: "%n日間更新がありません。",
    }
    calls = []

    def translate(context, text, n=-1):
        """Qt's translate fills "%n" with the count it is given."""
        calls.append(context)
        return catalogue.get(text, text).replace("%n", str(n))

    dependency = DESCRIBED[3][0]
    assert describe(dependency, translate, lambda d: f"{d.month}月{d.day}日") == (
        "「Qualify leads」（期限 12月3日）が、このタスクの開始日（11月30日）より後に終わります。"
    )
    stale = RiskReason(RiskKind.STALE, (("days", 9),))
    assert describe(stale, translate) == "9日間更新がありません。"
    assert set(calls) == {"Risk"}


def test_badge_word():
    """The badge shows one word per kind, translated when asked."""
    assert badge_word(RiskReason(RiskKind.OVERDUE, (("days", 1),))) == "Late"
    assert badge_word(RiskReason(RiskKind.NO_OWNER)) == "No owner"
    assert badge_word(RiskReason(RiskKind.SLIPPED)) == "Slipped"
    japanese = {"Late": "遅延"}
    word = badge_word(RiskReason(RiskKind.OVERDUE), lambda c, t: japanese.get(t, t))
    assert word == "遅延"


def test_the_badge_names_the_two_most_serious_reasons_never_plus_n():
    late, stale, no_owner = (
        RiskReason(RiskKind.OVERDUE, (("days", 4),)),
        RiskReason(RiskKind.STALE, (("days", 9),)),
        RiskReason(RiskKind.NO_OWNER),
    )
    assert badge_words([late, stale, no_owner]) == "Late · Stale"
    assert badge_words([no_owner]) == "No owner"
    assert badge_words([]) == ""


# -- blocked -------------------------------------------------------------------------------


def test_blocked_while_a_predecessor_is_unfinished():
    """A task waits while any predecessor is neither done nor archived."""
    board = make_board(make_task(1, depends_on=(2, 3)), make_task(2, status_id=DONE), make_task(3))
    assert is_blocked(board.tasks[1], board) is True


@pytest.mark.parametrize(
    "pred_changes", [{"status_id": DONE}, {"archived": True}], ids=["done", "archived"]
)
def test_not_blocked_when_predecessors_are_finished(pred_changes):
    """Done or archived predecessors no longer block."""
    board = make_board(make_task(1, depends_on=(2,)), make_task(2, **pred_changes))
    assert is_blocked(board.tasks[1], board) is False


def test_not_blocked_without_predecessors_or_by_missing_ones():
    """No predecessors, or one that is not on the board, blocks nothing."""
    board = make_board(make_task(1), make_task(2, depends_on=(99,)))
    assert is_blocked(board.tasks[1], board) is False
    assert is_blocked(board.tasks[2], board) is False


def test_blocked_uses_given_done_ids():
    """Callers may pass the done columns they already computed."""
    board = make_board(make_task(1, depends_on=(2,)), make_task(2, status_id=DONE))
    assert is_blocked(board.tasks[1], board, frozenset()) is True


# -- thresholds from Preferences ------------------------------------------------------------


def test_context_thresholds_default_to_the_boards_settings():
    """Without thresholds, the context uses the board's own (7 idle days, due within 3)."""
    ctx = RiskContext(make_board(settings=BoardSettings(stale_days=5, due_soon_days=2)), TODAY)
    assert (ctx.stale_days, ctx.due_soon_days) == (5, 2)
    plain = RiskContext(make_board(), TODAY)
    assert (plain.stale_days, plain.due_soon_days) == (STALE_DAYS, DUE_SOON_DAYS) == (7, 3)


def test_stale_days_threshold_overrides_the_board():
    """A lead's stale_days=3 calls four idle days stale; 10 does not, whatever the board says."""
    task = make_task(updated_at=NOW - timedelta(days=4))
    board = make_board(task)
    assert risk_reasons(task, RiskContext(board, TODAY, NOW, stale_days=3))[0].kind is (
        RiskKind.STALE
    )
    assert risk_reasons(task, RiskContext(board, TODAY, NOW, stale_days=10)) == ()
    assert risk_reasons(task, RiskContext(board, TODAY, NOW, stale_days=4))[0].param("days") == 4


def test_due_soon_days_threshold_decides_behind():
    """Behind is judged only within due_soon_days of the due date: 6 days out counts with a
    threshold of 6, not of 5."""
    task = make_task(start=day(-4), due=day(6), progress=0)
    board = make_board(task)
    wide = RiskContext(board, TODAY, NOW, due_soon_days=6)
    narrow = RiskContext(board, TODAY, NOW, due_soon_days=5)
    assert [r.kind for r in risk_reasons(task, wide)] == [RiskKind.BEHIND]
    assert risk_reasons(task, narrow) == ()


def test_due_soon_counts_today_to_the_threshold_and_never_late_work():
    """Due today … in N days is 'due soon'; yesterday is late, not soon; no date, never."""
    assert due_soon(TODAY, TODAY, 0)
    assert due_soon(day(3), TODAY, 3)
    assert not due_soon(day(4), TODAY, 3)
    assert not due_soon(day(-1), TODAY, 3)
    assert not due_soon(None, TODAY, 3)


def test_thresholds_default_to_unset():
    """RiskThresholds() leaves both to the board."""
    assert RiskThresholds() == RiskThresholds(None, None)
