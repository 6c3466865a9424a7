"""The kanban's one path from a Change to the screen: the grid rebuilt once, rows in ranges."""

from __future__ import annotations

import dataclasses

import pytest

from renkei.app.filtering import TaskFilter
from renkei.domain.commands import Create, set_task
from renkei.domain.handoff import HandoffState
from renkei.ui.board_events import BoardEvents
from renkei.ui.kanban.geometry import Geometry, drop_neighbours, place_lanes
from renkei.ui.kanban.grid import LaneMode, arrange
from renkei.ui.kanban.model import KanbanModel
from renkei.ui.kanban.painter import cards_on_screen
from renkei.ui.kanban.view import KanbanView


@pytest.fixture
def events(qapp, demo_session):
    relay = BoardEvents(demo_session)
    yield relay
    relay.detach()


@pytest.fixture
def model(events, demo_session):
    return KanbanModel(demo_session, events)


def new_cards(board, count: int, status_name: str = "Backlog"):
    """``count`` new tasks, together at the bottom of one column."""
    status = board.find_status(status_name)
    tail = max((t.position for t in board.tasks.values()), default=0.0) + 1.0
    return [_create(f"Imported lead {n}", status.id, tail + n) for n in range(count)]


def scattered_cards(board, count: int):
    """``count`` new tasks, each just below a different existing card: all over the rows."""
    anchors = sorted((t for t in board.tasks.values() if not t.archived), key=lambda t: t.id)[
        :count
    ]
    return [_create(f"Imported lead {t.id}", t.status_id, t.position + 1e-4) for t in anchors]


def _create(title: str, status_id: int, position: float) -> Create:
    values = {"title": title, "status_id": status_id, "position": position}
    return Create("task", tuple(values.items()))


class Recorder:
    """Counts a model's row signals."""

    def __init__(self, model: KanbanModel):
        self.inserts: list[tuple[int, int]] = []
        self.removals: list[tuple[int, int]] = []
        self.resets = 0
        self.arranged = 0
        model.rowsInserted.connect(lambda _p, first, last: self.inserts.append((first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: self.removals.append((first, last)))
        model.modelReset.connect(self._reset)
        model.arranged.connect(self._arranged)

    def _reset(self) -> None:
        self.resets += 1

    def _arranged(self) -> None:
        self.arranged += 1


def test_300_tasks_added_in_one_change_lay_the_board_out_once(
    qtbot, monkeypatch, demo_session, model
):
    """A colleague's import of 300 cards reaches the kanban as one relayout, not 301."""
    calls = []
    original = KanbanView.relayout
    monkeypatch.setattr(KanbanView, "relayout", lambda self: calls.append(1) or original(self))
    view = KanbanView(model)
    qtbot.addWidget(view)
    calls.clear()
    before = model.rowCount()

    demo_session.apply_all(new_cards(demo_session.board, 300), "Import")

    assert len(calls) == 1
    assert model.rowCount() == before + 300
    shown = {task_id for lane in view.lanes for ids in lane.cells.values() for task_id in ids}
    behind_more_rows = sum(n for lane in view.lanes for n in lane.hidden.values())
    assert shown <= set(model.task_ids())
    assert len(shown) + behind_more_rows == model.rowCount()  # every card placed or counted


def test_a_paint_builds_only_the_faces_on_screen_without_the_whole_analysis(
    qtbot, monkeypatch, demo_session, model
):
    """The first paint of a big board works out the handoffs of the cards it shows, not of
    every card (the whole analysis reads the trail of the board)."""
    monkeypatch.setattr(demo_session, "handoff_analysis", lambda: 1 / 0)
    view = KanbanView(model)
    qtbot.addWidget(view)
    view.resize(420, 320)
    view.grab()  # paints it
    on_screen = cards_on_screen(view.geometry_now(), view.viewport().width(),
                                view.viewport().height())  # fmt: skip
    assert on_screen and len(on_screen) < model.rowCount()
    assert set(model._faces) == set(on_screen)
    waiting = next(
        h.task_id for h in demo_session.board.handoffs.values()
        if h.state is HandoffState.SENT and h.task_id not in on_screen
    )  # fmt: skip
    assert model.face(waiting).handoff_word  # off screen: built when asked for, alone


def test_a_batch_at_the_bottom_of_a_column_is_one_insertion(demo_session, model, qtmodeltester):
    """New rows that sit together are announced with one beginInsertRows, checked by Qt's
    model tester while it happens."""
    qtmodeltester.check(model)
    seen = Recorder(model)
    demo_session.apply_all(new_cards(demo_session.board, 300), "Import")
    assert len(seen.inserts) == 1
    first, last = seen.inserts[0]
    assert last - first + 1 == 300
    assert seen.resets == 0 and seen.arranged == 1


def test_cards_spread_all_over_the_board_reset_once(demo_session, model, qtmodeltester):
    """Hundreds of scattered new rows: one reset rather than a storm of row signals."""
    qtmodeltester.check(model)
    seen = Recorder(model)
    demo_session.apply_all(scattered_cards(demo_session.board, 40), "Import")
    assert seen.resets == 1 and seen.inserts == []
    assert seen.arranged == 1
    assert len(model.task_ids()) == len(set(model.task_ids()))


def test_archiving_removes_the_rows_in_one_range_per_run(demo_session, model, qtmodeltester):
    """Three neighbouring cards archived in one change leave in one removal."""
    qtmodeltester.check(model)
    ids = model.task_ids()[4:7]
    board = demo_session.board
    seen = Recorder(model)
    demo_session.apply_all([set_task(board.tasks[i], archived=True) for i in ids], "Archive")
    assert seen.removals == [(4, 6)]
    assert not set(ids) & set(model.task_ids())
    assert seen.arranged == 1


def test_switching_lanes_rearranges_without_row_signals(demo_session, model):
    """Lanes group the same rows differently: the grid changes, the row list does not."""
    seen = Recorder(model)
    rows = model.task_ids()
    model.set_lane_mode(LaneMode.OWNER)
    assert model.task_ids() == rows
    assert seen.arranged == 1 and seen.resets == 0 and not seen.inserts
    owners = {lane.key for lane in model.grid.lanes}
    assert demo_session.board.find_person("Haruka Aoki").id in owners


def test_the_grid_puts_every_shown_card_in_its_lane_and_column(demo_session):
    """arrange() is plain data: each card once, in its team's lane and its status's column."""
    board = demo_session.board
    ids = [t.id for t in board.tasks.values() if not t.archived]
    grid = arrange(board, ids, LaneMode.TEAM, filtered=False)
    placed = {}
    for lane in grid.lanes:
        for status_id, cell in lane.cells.items():
            for task_id in cell:
                placed[task_id] = (lane.key, status_id)
    assert sorted(placed) == sorted(ids)
    for task_id, (team_id, status_id) in placed.items():
        task = board.tasks[task_id]
        assert status_id == task.status_id
        assert team_id == (task.team_id if task.team_id in board.teams else None)
    waiting = board.find_status("Waiting")
    assert grid.count(waiting.id) == sum(
        1 for t in board.tasks.values() if t.status_id == waiting.id and not t.archived
    )


def test_column_counts_follow_the_filter_as_shown_of_all(demo_session):
    """With a filter on, a column says how many of its cards the filter shows ("3 of 17");
    the WIP count stays the whole column's."""
    board = demo_session.board
    done = board.find_status("Done")
    marketing = board.find_team("Marketing")
    live = [t for t in board.tasks.values() if not t.archived]
    shown = [t.id for t in live if t.team_id == marketing.id]
    grid = arrange(board, shown, LaneMode.TEAM, filtered=True)
    all_done = sum(1 for t in live if t.status_id == done.id)
    marketing_done = sum(1 for t in live if t.status_id == done.id and t.team_id == marketing.id)
    assert 0 < marketing_done < all_done
    assert (grid.shown(done.id), grid.count(done.id)) == (marketing_done, all_done)
    unfiltered = arrange(board, [t.id for t in live], LaneMode.TEAM, filtered=False)
    assert unfiltered.shown(done.id) is None


@pytest.mark.parametrize("mode", list(LaneMode))
def test_a_card_whose_lane_is_gone_sits_in_the_catch_all_lane(demo_session, mode):
    board = demo_session.board
    stray = next(t for t in board.tasks.values() if not t.archived)
    gone = {"team_id": 9999, "owner_id": 9999, "project_id": 9999}
    tasks = {**board.tasks, stray.id: dataclasses.replace(stray, **gone)}
    board = dataclasses.replace(board, tasks=tasks)
    ids = [t.id for t in board.tasks.values() if not t.archived]
    grid = arrange(board, ids, mode, filtered=False)
    (lane,) = [lane for lane in grid.lanes if stray.id in lane.cells[stray.status_id]]
    assert lane.key is None and lane is grid.lanes[-1]
    assert sum(lane.count for lane in grid.lanes) == len(ids)


def test_every_placed_card_is_hit_at_its_centre_and_folded_lanes_hide_theirs(demo_session):
    """The geometry is arithmetic over the grid: a card's slot answers with that card."""
    board = demo_session.board
    ids = [t.id for t in board.tasks.values() if not t.archived]
    grid = arrange(board, ids, LaneMode.TEAM, filtered=False)
    folded_key = grid.lanes[0].key
    lanes, height = place_lanes(grid, {folded_key})
    geometry = Geometry(list(grid.columns), lanes, [lane.top for lane in lanes], 240.0, 0, 0)
    assert lanes[0].collapsed and height > lanes[-1].top
    for lane in lanes[1:]:
        for column_index, status in enumerate(geometry.columns):
            for index, task_id in enumerate(lane.cells[status.id]):
                centre = geometry.slot_rect(lane, column_index, index).center()
                assert geometry.hit(centre).task_id == task_id
                assert geometry.card_rect(task_id) == geometry.slot_rect(lane, column_index, index)
    hidden = next(i for ids in lanes[0].cells.values() for i in ids)
    assert geometry.card_rect(hidden) is None


def test_a_dropped_card_lands_between_its_new_neighbours():
    """Dropping below itself, the card leaves its own slot first."""
    cell = [10, 11, 12, 13]
    assert drop_neighbours(cell, 99, 0) == (None, 10)
    assert drop_neighbours(cell, 99, 4) == (13, None)
    assert drop_neighbours(cell, 10, 3) == (12, 13)  # from the top to before the last
    assert drop_neighbours(cell, 13, 1) == (10, 11)


@pytest.mark.parametrize(
    "chosen",
    [
        TaskFilter(),
        TaskFilter(text="lead"),
        TaskFilter(show_archived=True),
        TaskFilter(at_risk_only=True),
    ],
)
def test_a_change_places_only_the_tasks_it_touched_where_a_full_sort_would(
    demo_session, model, monkeypatch, chosen
):
    """New, moved and archived cards find their rows without sorting the board again; the
    rows are those a full sort and filter gives."""
    model.set_filter(chosen)
    board = demo_session.board
    done = board.find_status("Done")
    some = sorted((t for t in board.tasks.values() if not t.archived), key=lambda t: t.id)
    sorts = []
    full = model._visible_ids
    monkeypatch.setattr(model, "_visible_ids", lambda: sorts.append(1) or full())
    demo_session.apply_all(
        [
            *new_cards(board, 5),
            *scattered_cards(board, 3),
            set_task(some[0], status_id=done.id, position=-1.0),
            set_task(some[1], archived=True),
            set_task(some[2], title="Lead follow-up moved", position=some[5].position + 1e-3),
        ],
        "Mixed",
    )
    monkeypatch.undo()
    assert model.task_ids() == model._visible_ids()
    assert len(sorts) == (1 if chosen.at_risk_only else 0)
