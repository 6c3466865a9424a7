"""Merging a sync tool's conflict copy: the second person's edits reach the board, as theirs."""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from merge_boards import COPY_NAME, K1, K2, K3, K4, K5, T0, Y1, edit_both, make_shared, status_id
from renkei.app.merge import MergeRefused, apply_merge, common_revision, prepare_merge
from renkei.domain.commands import Create, NewRow, Record, SetFields
from renkei.store.board_store import BoardStore
from renkei.store.conflict_copies import conflict_copies


@pytest.fixture
def shared(tmp_path):
    store, copy, copy_path = make_shared(tmp_path)
    yield store, copy, copy_path
    store.dispose()
    copy.dispose()


def test_the_common_revision_is_where_the_histories_part(shared):
    """Both files share revisions 1-4 (the setup); each made its own after that."""
    store, copy, copy_path = shared
    edit_both(store, copy)
    assert common_revision(store.history(), copy.history()) == 4
    assert prepare_merge(store, copy_path).common_revision == 4


def test_merge_replays_the_copys_changes_as_kenta_at_his_times(shared):
    """Different fields merge; the conflict keeps the board's value; new rows get new ids."""
    store, copy, copy_path = shared
    edit_both(store, copy)
    before = store.revision()
    assert conflict_copies(Path(store.location)) == [copy_path]
    plan = prepare_merge(store, copy_path)
    assert [c.label for c in plan.conflicts] == ["task 2 due"]
    (conflict,) = plan.conflicts
    assert (conflict.board_value, conflict.copy_value) == (date(2026, 12, 15), date(2026, 12, 20))
    report = apply_merge(store, plan, {conflict.key: "board"})

    board = store.load()
    assert board.tasks[1].title == "Proposal v2"
    assert board.tasks[1].due == date(2026, 12, 11)
    assert board.tasks[2].due == date(2026, 12, 15)  # the board's value kept
    assert board.tasks[3].status_id == status_id(store, "Done")
    assert board.tasks[3].position == 5000.0
    assert board.tasks[4].title == "Board task"
    assert board.tasks[5].title == "Follow-up"
    assert board.tasks[5].progress == 40
    assert board.tasks[5].depends_on == (1,)
    assert board.tasks[6].title == "Thank-you note"
    assert board.tasks[6].depends_on == (5,)  # the copy's task 4 is task 5 here
    # Four of the copy's five revisions still change something (task 2's due is the board's).
    assert store.revision() == before + 4
    merged = [
        (a.revision, a.entity_id, a.field, a.old, a.new, a.actor_id, a.at)
        for a in store.history()
        if a.revision > before
    ]
    assert merged == [
        (before + 1, 1, "title", "Proposal", "Proposal v2", 2, K1),
        (before + 2, 5, "created", None, "Follow-up", 2, K3),
        (before + 2, 6, "created", None, "Thank-you note", 2, K3),
        (before + 3, 5, "progress", "0", "40", 2, K4),
        (before + 3, 5, "depends_on", "[]", "[1]", 2, K4),
        (before + 4, 3, "status_id", "2", "5", 2, K5),
        (before + 4, 3, "position", "3072", "5000", 2, K5),
    ]
    assert report.summary() == (
        "4 changes by Kenta Mori merged (4 tasks, 2 new); 1 conflict kept the board's value: "
        f"task 2 due. The copy was moved aside as {report.moved_to.name}."
    )
    # The copy is kept under a new name, and no longer reported as a conflict copy.
    assert not copy_path.exists()
    assert report.moved_to.exists() and report.moved_to.parent == copy_path.parent
    assert report.moved_to.name.startswith(copy_path.stem + ".merged-")
    assert report.moved_to.name.endswith(".renkei-copy")
    assert conflict_copies(Path(store.location)) == []


def test_preferring_the_copy_takes_its_value_and_its_history(shared):
    store, copy, copy_path = shared
    edit_both(store, copy)
    before = store.revision()
    plan = prepare_merge(store, copy_path)
    report = apply_merge(store, plan, {plan.conflicts[0].key: "copy"})
    assert store.load().tasks[2].due == date(2026, 12, 20)
    rows = [(a.field, a.old, a.new, a.actor_id, a.at) for a in store.history(entity_id=2)]
    assert rows[-1] == ("due", "2026-12-15", "2026-12-20", 2, K2)
    assert store.revision() == before + 5
    assert "1 conflict kept the copy's value: task 2 due" in report.summary()


def test_a_conflict_nobody_decided_is_refused_and_nothing_changes(shared):
    store, copy, copy_path = shared
    edit_both(store, copy)
    board_bytes = Path(store.location).read_bytes()
    plan = prepare_merge(store, copy_path)
    with pytest.raises(MergeRefused, match="task 2 due"):
        apply_merge(store, plan, {})
    assert Path(store.location).read_bytes() == board_bytes
    assert copy_path.exists()


def test_a_dry_run_writes_nothing(shared):
    store, copy, copy_path = shared
    edit_both(store, copy)
    board_bytes = Path(store.location).read_bytes()
    copy_bytes = copy_path.read_bytes()
    plan = prepare_merge(store, copy_path)
    report = apply_merge(store, plan, {plan.conflicts[0].key: "copy"}, dry_run=True)
    assert report.changes == 5 and report.moved_to is None
    assert report.summary().endswith("Nothing was written (--dry-run).")
    assert Path(store.location).read_bytes() == board_bytes
    assert copy_path.read_bytes() == copy_bytes


def test_a_failing_replay_leaves_the_board_byte_identical_and_the_copy_in_place(shared):
    """Both sides made a team called Ops: team names are unique, so the merge stops whole."""
    store, copy, copy_path = shared
    copy.apply(SetFields("task", 1, (("title", "Proposal v2"),)), 2, K1)
    copy.apply(Create("team", (("name", "Ops"),)), 2, K2)
    store.apply(Create("team", (("name", "Ops"),)), 1, Y1)
    board_bytes = Path(store.location).read_bytes()
    plan = prepare_merge(store, copy_path)
    with pytest.raises(Exception, match="Ops"):
        apply_merge(store, plan, {})
    assert Path(store.location).read_bytes() == board_bytes
    assert copy_path.exists()
    assert store.load().tasks[1].title == "Proposal"


def test_another_board_is_not_a_copy(shared, tmp_path):
    store, _copy, _ = shared
    other_path = tmp_path / "team (conflicted copy).renkei"
    other = BoardStore.open(other_path, name="team")
    other.dispose()
    with pytest.raises(MergeRefused, match=r"is not a copy of this board"):
        prepare_merge(store, other_path)
    assert other_path.exists()


def test_an_empty_file_is_refused_untouched(shared, tmp_path):
    store, _copy, _ = shared
    empty = tmp_path / "team (conflict).renkei"
    empty.write_bytes(b"")
    with pytest.raises(MergeRefused, match="is still downloading it"):
        prepare_merge(store, empty)
    assert empty.read_bytes() == b""


def test_a_copy_with_nothing_new_merges_nothing_and_is_moved_aside(shared):
    store, _copy, copy_path = shared
    store.apply(SetFields("task", 1, (("title", "Proposal v3"),)), 1, Y1)
    report = apply_merge(store, prepare_merge(store, copy_path))
    assert report.changes == 0
    assert report.summary().startswith("Nothing to merge")
    assert store.load().tasks[1].title == "Proposal v3"
    assert not copy_path.exists() and report.moved_to.exists()


# -- the command line, as a real process --------------------------------------------------------


def _renkei(*argv: str, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", *argv],
        stdin=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


def test_cli_refuses_an_undecided_conflict_then_merges_with_prefer(shared):
    store, copy, copy_path = shared
    edit_both(store, copy)
    board_bytes = Path(store.location).read_bytes()

    refused = _renkei("--board", store.location, "board", "merge", str(copy_path))
    assert refused.returncode == 1
    assert refused.stdout == ""
    assert refused.stderr == (
        f"renkei: 1 field was changed both on the board and in {COPY_NAME}: "
        'task 2 "Call list" due: board 2026-12-15, copy 2026-12-20. Run again with --prefer '
        "board or --prefer copy, or on a terminal to choose each; nothing was merged.\n"
    )
    assert Path(store.location).read_bytes() == board_bytes

    dry = _renkei(
        "--board", store.location, "board", "merge", str(copy_path), "--dry-run",
        "--prefer", "copy", "--json",
    )  # fmt: skip
    assert dry.returncode == 0, dry.stderr
    found = json.loads(dry.stdout)
    assert (found["dry_run"], found["changes"], found["by"]) == (True, 5, {"Kenta Mori": 5})
    assert found["conflicts"] == [
        {"entity": "task", "id": 2, "field": "due", "board": "2026-12-15",
         "copy": "2026-12-20", "kept": "copy"}
    ]  # fmt: skip
    assert Path(store.location).read_bytes() == board_bytes
    assert copy_path.exists()

    done = _renkei("--board", store.location, "board", "merge", str(copy_path), "--prefer", "copy")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(
        "5 changes by Kenta Mori merged (5 tasks, 2 new); 1 conflict kept the copy's value: "
        "task 2 due. The copy was moved aside as team (Kenta Mori's conflicted copy "
        "2026-12-07).merged-"
    )
    assert store.load().tasks[2].due == date(2026, 12, 20)
    assert not copy_path.exists()
    # Nothing is left to warn about.
    people = _renkei("--board", store.location, "people")
    assert people.returncode == 0 and people.stderr == ""


def test_cli_asks_on_a_terminal(shared):
    """On a terminal each conflict is asked about; "b" keeps the board's value."""
    store, copy, copy_path = shared
    edit_both(store, copy)
    main_fd, terminal = pty.openpty()
    try:
        os.write(main_fd, b"b\n")
        done = _renkei("--board", store.location, "board", "merge", str(copy_path), stdin=terminal)
    finally:
        os.close(terminal)
        os.close(main_fd)
    assert done.returncode == 0, done.stderr
    assert 'Changed on both sides: task 2 "Call list" due' in done.stderr
    assert "1 conflict kept the board's value: task 2 due" in done.stdout
    assert store.load().tasks[2].due == date(2026, 12, 15)


def test_cli_refuses_a_board_that_is_not_a_copy(shared, tmp_path):
    store, _copy, _ = shared
    other = tmp_path / "other.renkei"
    BoardStore.open(other).dispose()
    before = other.read_bytes()
    done = _renkei("--board", store.location, "board", "merge", str(other))
    assert done.returncode == 1
    assert done.stderr.startswith("renkei: other.renkei is not a copy of this board")
    assert other.read_bytes() == before


def test_a_person_made_in_the_copy_acts_under_their_new_id(shared):
    """Kenta adds Aiko in the copy, Aiko edits a task; here Aiko gets the next free id."""
    store, copy, copy_path = shared
    copy.apply(Create("person", (("name", "Aiko Ono"),)), 2, K1)
    copy.apply(SetFields("task", 1, (("title", "Proposal (Aiko)"),)), 3, K2)
    store.apply(Create("person", (("name", "Board Person"),)), 1, Y1)
    report = apply_merge(store, prepare_merge(store, copy_path))
    board = store.load()
    assert board.people[3].name == "Board Person"
    assert board.people[4].name == "Aiko Ono"
    last = store.history(entity="task", entity_id=1)[-1]
    assert (last.field, last.new, last.actor_id, last.at) == ("title", "Proposal (Aiko)", 4, K2)
    assert report.by == {"Kenta Mori": 1, "Aiko Ono": 1}


def test_an_import_recorded_in_the_copy_is_kept_as_history(shared):
    """An import's history rows keep their own times and authors and change no field."""
    store, copy, copy_path = shared
    imported_at = datetime(2026, 11, 3, 8, 0)
    copy.apply_all(
        [
            Create("task", (("title", "Imported card"), ("status_id", 3)), key="card"),
            Record("task", NewRow("card"), "status_id", "2", "3", imported_at, 1),
            Record("task", NewRow("card"), "comment", None, "Call on Monday", imported_at, 1),
        ],
        2,
        K1,
    )
    store.apply(Create("task", (("title", "Board task"), ("status_id", 2))), 1, Y1)
    before = store.revision()
    apply_merge(store, prepare_merge(store, copy_path))
    board = store.load()
    assert (board.tasks[5].title, board.tasks[5].status_id) == ("Imported card", 3)
    rows = [(a.field, a.old, a.new, a.actor_id, a.at) for a in store.history(entity_id=5)]
    assert [r for r in rows if r[4] != T0] == [
        ("created", None, "Imported card", 2, K1),
        ("status_id", "2", "3", 1, imported_at),
        ("comment", None, "Call on Monday", 1, imported_at),
    ]
    assert store.revision() == before + 1


def test_a_copy_merged_twice_adds_nothing_twice(shared, tmp_path):
    """The merged copy comes back (restored, or two people merged it at once): what is on the
    board already is not replayed again, and the copy's later edits still are."""
    store, copy, copy_path = shared
    edit_both(store, copy)
    spare = tmp_path / "spare.renkei"
    shutil.copyfile(copy_path, spare)
    apply_merge(store, prepare_merge(store, copy_path), {("task", 2, "due"): "copy"})
    merged_board = Path(store.location).read_bytes()
    # The same copy again: nothing to do, and the board is untouched.
    shutil.copyfile(spare, copy_path)
    again = prepare_merge(store, copy_path)
    assert (again.already, again.conflicts) == (5, [])
    report = apply_merge(store, again)
    assert report.changes == 0 and report.summary().startswith("Nothing to merge")
    assert Path(store.location).read_bytes() == merged_board
    # The copy edited further after the first merge: only the new edit is replayed, onto the
    # task the first merge made (the copy's task 4 is task 5 here).
    shutil.copyfile(spare, copy_path)
    later = BoardStore.open(copy_path, create=False)
    later.apply(SetFields("task", 4, (("progress", 90),)), 2, datetime(2026, 12, 7, 12, 0))
    later.dispose()
    report = apply_merge(store, prepare_merge(store, copy_path))
    assert (report.changes, report.already) == (1, 5)
    board = store.load()
    assert board.tasks[5].progress == 90
    assert [t.title for t in board.tasks.values()].count("Follow-up") == 1


def test_a_copy_that_cannot_be_moved_aside_is_not_merged(shared, monkeypatch):
    """The rename happens inside the merge's transaction: if the folder refuses it, the board
    keeps every byte and the copy stays, to be merged later."""
    store, copy, copy_path = shared
    edit_both(store, copy)
    board_bytes = Path(store.location).read_bytes()
    plan = prepare_merge(store, copy_path)

    def refuse(self, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "rename", refuse)
    with pytest.raises(MergeRefused, match="could not be moved aside .*nothing was merged"):
        apply_merge(store, plan, {plan.conflicts[0].key: "copy"})
    assert Path(store.location).read_bytes() == board_bytes
    assert copy_path.exists()
