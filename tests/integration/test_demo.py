"""The demo board: the Sales × Marketing story, a board round trip, and synthetic boards."""

from __future__ import annotations

import dataclasses
import sqlite3
import tomllib
from collections import Counter
from datetime import date, datetime, timedelta
from importlib import resources

import pytest

from clock import NOW, TODAY
from renkei.app.handoff_analysis import findings
from renkei.app.session import BoardSession
from renkei.demo.build import build_demo, build_synthetic
from renkei.demo.story import LANGUAGES, in_language, load_story
from renkei.domain.handoff import HandoffState
from renkei.domain.handoff_loss import KINDS, team_matrix
from renkei.domain.risk import RiskKind
from renkei.store.board_store import BoardStore

TEAMS = ["Marketing", "Inside Sales", "Field Sales", "Customer Success"]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory, demo_boards):
    """One English demo board, shared by the read-only tests of this module."""
    return demo_boards.copy(tmp_path_factory.mktemp("demo") / "demo.renkei", "en")


@pytest.fixture
def demo(demo_file):
    """A store on the shared demo board; tests using it only read."""
    store = BoardStore.open(demo_file)
    yield store
    store.dispose()


@pytest.fixture
def demo_view(demo):
    """A session on the shared demo board, as Haruka Aoki."""
    return BoardSession(demo, demo.load().find_person("Haruka Aoki").id)


def _reopen(path):
    store = BoardStore.open(path)
    try:
        return store.load()
    finally:
        store.dispose()


# -- the story -----------------------------------------------------------------------------


def test_demo_has_the_four_teams_of_the_lead_chain(demo):
    """Marketing → Inside Sales → Field Sales → Customer Success, in that order."""
    board = demo.load()
    assert [t.name for t in board.ordered_teams()] == TEAMS


def test_demo_people_and_tasks(demo):
    """About a dozen people, each in a team, and about sixty tasks spread over the teams (the
    finished work of past weeks, archived, besides)."""
    board = demo.load()
    assert 10 <= len(board.people) <= 14
    assert all(p.team_id in board.teams for p in board.people.values())
    assert {p.name for p in board.people.values()} >= {"Haruka Aoki", "Yuki Tanaka"}
    live = [t for t in board.tasks.values() if not t.archived]
    assert 50 <= len(live) <= 70
    per_team = Counter(t.team_id for t in live)
    assert set(per_team) == set(board.teams)
    assert min(per_team.values()) >= 8


def test_demo_spans_about_eight_weeks_around_today(demo):
    """Dates run from weeks ago to weeks ahead: about eight weeks centred on today."""
    today = TODAY
    board = demo.load()
    dates = [d for t in board.tasks.values() for d in (t.start, t.due) if d is not None]
    first, last = min(dates), max(dates)
    assert first < today - timedelta(weeks=3)
    assert last > today + timedelta(weeks=3)
    assert timedelta(weeks=6) <= last - first <= timedelta(weeks=10)


def test_demo_shows_every_kind_of_risk(demo_view):
    """The story puts at least one task at risk for each reason the board knows."""
    kinds = Counter(
        reason.kind for task_id in demo_view.board.tasks for reason in demo_view.risk(task_id)
    )
    # Forecast late is the one exception: the demo's teams keep up with what is due soon (its
    # late project is late for its share of a team's pace); tests/integration/
    # test_risk_scenario.py has a team that does not.
    assert set(kinds) == set(RiskKind) - {RiskKind.FORECAST_LATE}


def test_demo_has_blocked_done_and_flagged_work(demo_view):
    """Some tasks wait for others, some are finished, some carry a person's flag."""
    board = demo_view.board
    done = board.done_status_ids()
    blocked = [t for t in board.tasks if demo_view.blocked(t)]
    finished = [t for t in board.tasks.values() if t.status_id in done]
    flagged = [t for t in board.tasks.values() if t.flag is not None]
    assert len(blocked) >= 3
    assert len(finished) >= 5
    assert flagged and all(t.flag.set_by in board.people for t in flagged)
    assert all(board.people[t.flag.set_by].name for t in flagged)


def test_demo_columns_have_wip_limits(demo):
    """The demo's workflow has the five columns, with limits on In progress and Waiting."""
    statuses = demo.load().ordered_statuses()
    assert [s.name for s in statuses] == ["Backlog", "To do", "In progress", "Waiting", "Done"]
    assert [s.wip_limit is not None for s in statuses] == [False, False, True, True, False]


def test_demo_history_includes_due_date_changes(demo):
    """The audit trail shows who moved deadlines, and other real history."""
    history = demo.history("task")
    fields = Counter(a.field for a in history)
    assert fields["created"] == len(demo.load().tasks)
    assert fields["due"] >= 1
    assert fields["status_id"] >= 1
    assert fields["flag"] >= 1
    due_moves = [a for a in history if a.field == "due"]
    assert all(a.actor_id is not None and a.old and a.new for a in due_moves)
    assert all(date.fromisoformat(a.old) != date.fromisoformat(a.new) for a in due_moves)


def test_each_demo_task_history_is_in_time_order(demo):
    """A task's trail reads as a story: created first, later events after earlier ones."""
    for task_id in demo.load().tasks:
        history = demo.history("task", task_id)
        assert history[0].field == "created"
        assert [a.at for a in history] == sorted(a.at for a in history)
        assert [a.revision for a in history] == sorted(a.revision for a in history)


def test_demo_dated_around_the_given_today(board_path):
    """build_demo(today=…) dates its history around that day too, not around the wall clock,
    so a demo built for a given day shows the same stale tasks and history on any machine."""
    today = date(2021, 6, 14)
    store = BoardStore.open(board_path)
    try:
        build_demo(store, "en", today=today)
        board = store.load()
        history = store.history()
    finally:
        store.dispose()
    earliest = datetime.combine(today - timedelta(days=60), datetime.min.time())
    latest = datetime.combine(today + timedelta(days=1), datetime.min.time())
    assert all(earliest <= a.at <= latest for a in history)
    assert all(earliest <= t.updated_at <= latest for t in board.tasks.values())
    session = BoardSession(
        BoardStore.open(board_path),
        None,
        today=lambda: today,
        now=lambda: datetime.combine(today, datetime.min.time()) + timedelta(hours=9),
    )
    try:
        kinds = {r.kind for t in session.board.tasks for r in session.risk(t)}
    finally:
        session.store.dispose()
    assert kinds == set(RiskKind) - {RiskKind.FORECAST_LATE}  # see above


# -- handoffs ------------------------------------------------------------------------------


def _kinds(store, now):
    return Counter(f.kind for f in findings(store, now))


def test_demo_handoffs_show_every_kind_of_finding(demo):
    """A new user sees every way a handoff loses information, and clean handoffs too."""
    kinds = _kinds(demo, NOW)
    assert set(kinds) == set(KINDS)
    assert kinds["dropped"] >= 2  # one still open past its SLA, one acknowledged late
    assert kinds["bounced"] >= 2  # one returned and re-sent, one rejected
    handoffs = demo.load().handoffs.values()
    accepted = [h for h in handoffs if h.state is HandoffState.ACCEPTED]
    flagged = {f.handoff_id for f in findings(demo, NOW)}
    assert len([h for h in accepted if h.id not in flagged]) >= 3
    assert {h.state for h in handoffs} >= {
        HandoffState.SENT,
        HandoffState.ACKNOWLEDGED,
        HandoffState.ACCEPTED,
        HandoffState.RETURNED,
        HandoffState.REJECTED,
    }


def test_japanese_demo_handoffs_show_every_kind_of_finding(tmp_path, demo_boards):
    """The Japanese story hands the same leads on, with Japanese packets and notes."""
    store = BoardStore.open(demo_boards.copy(tmp_path / "demo-ja.renkei", "ja"))
    try:
        assert set(_kinds(store, NOW)) == set(KINDS)
        handoffs = store.load().handoffs.values()
        assert any(h.value("company") == "みなと製薬" for h in handoffs)
        assert any(q.text.startswith("加藤様") for h in handoffs for q in h.questions)
    finally:
        store.dispose()


@pytest.mark.parametrize("today", [date(2026, 11, d) for d in (20, 21, 22, 23)])
def test_demo_findings_do_not_depend_on_the_weekday(board_path, today):
    """Built for a Friday, Saturday, Sunday or Monday, the SLA math still finds every kind."""
    store = BoardStore.open(board_path)
    try:
        build_demo(store, "en", today=today)
        now = datetime.combine(today, datetime.min.time()) + timedelta(hours=12)
        assert set(_kinds(store, now)) == set(KINDS)
    finally:
        store.dispose()


def test_demo_team_matrix_has_the_lead_chain(demo):
    """The matrix has Marketing → Inside Sales and Inside Sales → Field Sales cells."""
    board = demo.load()
    now = NOW
    matrix = team_matrix(
        board.handoffs.values(), findings(demo, now), board.templates_by_name(), now
    )
    teams = {t.name: t.id for t in board.teams.values()}
    to_is = matrix[(teams["Marketing"], teams["Inside Sales"])]
    assert to_is.count >= 3
    assert to_is.returned_or_rejected > 0
    to_fs = matrix[(teams["Inside Sales"], teams["Field Sales"])]
    assert "budget" in dict(to_fs.lost_items)


def test_demo_handoffs_leave_tasks_with_their_story_owners(demo):
    """Accepted handoffs move tasks; each ends with the owner and team the story gives it,
    and every handoff was sent after its task was created and before now."""
    board = demo.load()
    keys = {p.id: p.name for p in board.people.values()}
    story = load_story("en")
    by_name = {p["name"]: p["key"] for p in story.people}
    by_title = {t["title"]: t for t in story.tasks}
    for task in board.tasks.values():
        if task.archived:
            continue  # finished work of past weeks, never handed on
        told = by_title[task.title]
        owner = by_name[keys[task.owner_id]] if task.owner_id is not None else None
        assert owner == told.get("owner"), task.title
        assert board.teams[task.team_id].name == told["team"], task.title
    now = NOW
    for h in board.handoffs.values():
        assert board.tasks[h.task_id].created_at <= h.sent_at <= now
        assert h.resolved_at is None or h.resolved_at <= now


def test_unknown_demo_language_is_refused(store):
    """Only English and Japanese demos exist."""
    with pytest.raises(ValueError, match="en or ja"):
        build_demo(store, "fr", today=date(2026, 11, 28))
    assert store.load().tasks == {}


# -- the story's data file ---------------------------------------------------------------


def test_story_ships_as_package_data():
    """The story is read from the installed package (resources/demo/story.toml), not from
    a checkout beside it."""
    data = (resources.files("renkei.resources") / "demo" / "story.toml").read_bytes()
    assert tomllib.loads(data.decode("utf-8"))["tasks"]


def _shape(value):
    """The story with every text replaced by its kind: what must not differ by language."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return "text" if isinstance(value, str) else value


JAPANESE_TEAMS = [
    "マーケティング",
    "インサイドセールス",
    "フィールドセールス",
    "カスタマーサクセス",
]


def test_story_tells_the_same_story_in_both_languages():
    """Every item, field and number is the same in English and Japanese; only words differ,
    and a text is never left empty in either."""
    english, japanese = (load_story(lang) for lang in LANGUAGES)
    shape = dataclasses.asdict(english)
    assert english.standup_lead == japanese.standup_lead  # keys: one spelling for both
    # A Japanese team reads its own name: the same teams, in katakana.
    assert japanese.teams == JAPANESE_TEAMS
    assert english.teams == ["Marketing", "Inside Sales", "Field Sales", "Customer Success"]
    assert {p["team"] for p in japanese.people} == set(japanese.teams)
    assert {t["team"] for t in japanese.tasks if "team" in t} <= set(japanese.teams)
    shape["teams"] = japanese.teams
    shape["people"] = [
        {**p, "team": j["team"]} for p, j in zip(shape["people"], japanese.people, strict=True)
    ]
    assert _shape(dataclasses.asdict(japanese)) == _shape(shape)
    assert all(t["title"] and t["description"] for t in english.tasks + japanese.tasks)
    assert english.tasks[0]["title"] != japanese.tasks[0]["title"]


def test_story_refuses_a_text_with_a_language_missing():
    """A translation pair without Japanese is an error naming where, not a blank card."""
    with pytest.raises(ValueError, match=r"story\.tasks\[0\]\.title"):
        in_language({"tasks": [{"title": {"en": "Call Minato"}}]}, "ja")
    with pytest.raises(ValueError, match="en or ja"):
        load_story("fr")


# -- round trip ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_demo_board_round_trips(tmp_path, lang):
    """Build, close, reopen: the same tasks, names and columns, field for field."""
    path = tmp_path / f"demo-{lang}.renkei"
    store = BoardStore.open(path)
    build_demo(store, lang, today=TODAY, now=NOW)
    built = store.load()
    store.dispose()
    reopened = _reopen(path)
    assert reopened == built
    for task_id, task in built.tasks.items():
        assert dataclasses.asdict(reopened.tasks[task_id]) == dataclasses.asdict(task)
    assert sorted(p.name for p in reopened.people.values()) == sorted(
        p["name"] for p in load_story(lang).people
    )


def test_japanese_demo_names_teams_and_extensions_in_japanese(tmp_path):
    """The Japanese board's teams are Japanese everywhere it names them, handing off still
    picks each template by team (their team words were renamed too), and a phone extension
    reads 内線."""
    from renkei.ui.dialogs.handoff_packet import team_matches

    store = BoardStore.open(tmp_path / "ja.renkei")
    build_demo(store, "ja", today=TODAY, now=NOW)
    board = store.load()
    store.dispose()
    teams = [t.name for t in board.ordered_teams()]
    assert teams == JAPANESE_TEAMS
    lead, deal = board.template("lead"), board.template("deal")
    assert team_matches(lead.from_team, "マーケティング")
    assert team_matches(lead.to_team, "インサイドセールス")
    assert team_matches(lead.to_team, "フィールドセールス")
    assert team_matches(deal.to_team, "カスタマーサクセス")
    contacts = [p.contact for p in board.people.values()]
    assert not any("ext." in c for c in contacts)
    assert "emily.carter@example.com / 内線 2108" in contacts


def test_japanese_demo_keeps_japanese_text(tmp_path, demo_boards):
    """Japanese titles, names, columns and tags come back intact from the file."""
    path = demo_boards.copy(tmp_path / "demo-ja.renkei", "ja")
    board = _reopen(path)
    story = load_story("ja")
    assert sorted(t.title for t in board.tasks.values() if not t.archived) == sorted(
        t["title"] for t in story.tasks
    )
    archived = {t.title for t in board.tasks.values() if t.archived}
    assert archived == {title for f in story.finished for title in f["titles"]}
    assert board.find_person("青木 遥") is not None
    columns = [s.name for s in board.ordered_statuses()]
    assert columns == ["バックログ", "未着手", "進行中", "待ち", "完了"]
    assert {tag for t in board.tasks.values() for tag in t.tags} >= {"展示会", "同意"}
    conn = sqlite3.connect(path)
    try:
        titles = {row[0] for row in conn.execute("SELECT title FROM tasks")}
    finally:
        conn.close()
    assert "展示会リードリストをCRMへ取り込み" in titles


# -- synthetic boards ----------------------------------------------------------------------


def _synthetic(path, seed, tasks=300):
    store = BoardStore.open(path)
    try:
        build_synthetic(store, tasks, seed=seed, today=date(2026, 11, 28))
        return store.load()
    finally:
        store.dispose()


def _content(board):
    """A task's content, without the wall-clock times it was written at."""
    return {
        task_id: dataclasses.replace(task, created_at=None, updated_at=None)
        for task_id, task in board.tasks.items()
    }


def test_synthetic_board_has_the_requested_tasks(tmp_path):
    """build_synthetic(…, 300) gives 300 tasks over the demo's teams and columns."""
    board = _synthetic(tmp_path / "s.renkei", seed=5)
    assert len(board.tasks) == 300
    assert [t.name for t in board.ordered_teams()] == TEAMS
    assert {t.status_id for t in board.tasks.values()} == set(board.statuses)
    assert any(t.depends_on for t in board.tasks.values())
    assert all(
        t.progress == 100 for t in board.tasks.values() if t.status_id in board.done_status_ids()
    )


def test_synthetic_board_is_deterministic_for_a_seed(tmp_path):
    """The same seed gives the same board; another seed gives another board."""
    first = _synthetic(tmp_path / "a.renkei", seed=5)
    second = _synthetic(tmp_path / "b.renkei", seed=5)
    other = _synthetic(tmp_path / "c.renkei", seed=6)
    assert _content(first) == _content(second)
    assert _content(first) != _content(other)


def test_synthetic_build_reports_progress(tmp_path):
    """Long builds report progress, ending with done == total."""
    store = BoardStore.open(tmp_path / "p.renkei")
    calls = []
    try:
        build_synthetic(
            store,
            450,
            seed=1,
            today=date(2026, 11, 28),
            progress=lambda done, total: calls.append((done, total)),
        )
    finally:
        store.dispose()
    assert calls == [(200, 450), (400, 450), (450, 450)]
