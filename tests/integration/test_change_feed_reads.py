"""The change feed reads what others changed as the board reads it, in a few queries: a
colleague's 300 new tasks are not 600 round trips to the file or the server."""

from __future__ import annotations

from sqlalchemy import event

from renkei.domain.commands import Create, set_task


def test_300_new_tasks_are_read_as_the_board_reads_them_in_a_few_queries(demo_store):
    board = demo_store.load()
    status = board.ordered_statuses()[0].id
    predecessors = sorted(board.tasks)[:2]
    revision = demo_store.revision()
    demo_store.apply_all(
        [
            Create("task", (("title", f"Lead {n}"), ("status_id", status), ("position", 1e9 + n)))
            for n in range(300)
        ],
        None,
    )
    later = demo_store.load()
    linked = max(later.tasks)
    demo_store.apply(set_task(later.tasks[linked], depends_on=tuple(predecessors)), None)
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(demo_store.engine, "before_cursor_execute", listener)
    try:
        _, rows = demo_store.changes_since(revision)
    finally:
        event.remove(demo_store.engine, "before_cursor_execute", listener)
    now = demo_store.load()
    assert len(rows) == 300
    assert all(rc.created and rc.row == now.tasks[rc.entity_id] for rc in rows)
    assert now.tasks[linked].depends_on == tuple(predecessors)
    assert len(statements) < 10
