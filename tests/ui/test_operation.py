"""Every write of the window goes through one operation: it returns the Change, offers the
choice when someone else changed the same thing (a drag included), says why a refused edit
was refused, and keeps an edit the board could not take (locked, or out of reach) for a
Retry. Real widgets on a real board file."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QWidget

from renkei.app.session import BoardSession
from renkei.domain.commands import Create, set_task
from renkei.store import lease
from renkei.store.board_store import BoardStore
from renkei.ui.app import create_application
from renkei.ui.kanban.model import LaneMode
from renkei.ui.main_window import MainWindow
from renkei.ui.operation import BoardWrites, Failure, OperationPrompts, run_operation


def task_titled(board, title):
    return next(t for t in board.tasks.values() if t.title == title)


@pytest.fixture
def window(qtbot, demo_session):
    create_application()
    win = MainWindow(demo_session)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def colleague(board_path):
    """Yuki, saving to the same board file from her own computer."""
    store = BoardStore.open(board_path)
    yuki = store.load().find_person("Yuki Tanaka").id

    def edit(task_id, **changes):
        store.apply(set_task(store.load().tasks[task_id], **changes), yuki)

    yield edit
    store.dispose()


@pytest.fixture
def answers(monkeypatch):
    """The conflict question, answered as the test says; what it asked is kept."""
    asked: list[str] = []
    replies: list[bool] = []

    def ask(parent, text):
        asked.append(text)
        return replies.pop(0)

    monkeypatch.setattr(MainWindow, "ask_replace_theirs", classmethod(lambda c, p, t: ask(p, t)))
    return asked, replies


def test_a_conflict_offers_the_choice_and_replacing_saves_mine(window, colleague, answers):
    """Yuki retitled the task after Haruka opened it: Haruka is asked, names both titles,
    and "Replace with mine" saves hers; the Change comes back."""
    asked, replies = answers
    session = window.session
    task = task_titled(session.board, "Qualify webinar leads as SQL")
    colleague(task.id, title="Yuki's title")

    replies.append(True)
    change = window.apply(set_task(task, title="Haruka's title"), "Edit task")

    assert len(asked) == 1
    assert "Someone else changed “Qualify webinar leads as SQL” since you last saw it" in asked[0]
    assert "• Title: now “Yuki's title”; yours “Haruka's title”" in asked[0]
    assert change is not None and change.rows[0].entity_id == task.id
    assert session.store.load().tasks[task.id].title == "Haruka's title"
    assert session.board.tasks[task.id].title == "Haruka's title"


def test_keeping_theirs_saves_nothing_and_shows_their_version(window, colleague, answers):
    asked, replies = answers
    session = window.session
    task = task_titled(session.board, "Qualify webinar leads as SQL")
    colleague(task.id, title="Yuki's title")

    replies.append(False)
    assert window.apply(set_task(task, title="Haruka's title"), "Edit task") is None

    assert len(asked) == 1
    assert session.store.load().tasks[task.id].title == "Yuki's title"
    assert session.board.tasks[task.id].title == "Yuki's title"
    assert window.unsaved == []


def test_changed_again_while_asked_saves_nothing_and_says_so(window, colleague, monkeypatch):
    """Yuki changes the title once more while Haruka reads the question: replacing finds a
    second clash, which is reported, not forced."""
    session = window.session
    task = task_titled(session.board, "Qualify webinar leads as SQL")
    colleague(task.id, title="Yuki's title")
    warned = []
    monkeypatch.setattr(MainWindow, "warn", classmethod(lambda c, p, t, x: warned.append(x)))

    def answer_late(parent, text):
        colleague(task.id, title="Yuki's second title")
        return True

    monkeypatch.setattr(
        MainWindow, "ask_replace_theirs", classmethod(lambda c, p, t: answer_late(p, t))
    )
    assert window.apply(set_task(task, title="Haruka's title"), "Edit task") is None

    assert len(warned) == 1 and "changed again meanwhile" in warned[0]
    assert session.store.load().tasks[task.id].title == "Yuki's second title"
    assert session.board.tasks[task.id].title == "Yuki's second title"


def test_a_drag_of_a_card_someone_just_moved_offers_the_choice(window, colleague, answers):
    """Yuki moved the card to In progress a moment ago; Haruka, not yet shown it, drags it to
    Done: she is asked, and choosing hers puts it in Done."""
    asked, replies = answers
    session = window.session
    window.set_lane_mode(LaneMode.NONE)
    board = session.board
    task = task_titled(board, "Qualify webinar leads as SQL")
    done, moving = board.find_status("Done"), board.find_status("In progress")
    assert task.status_id not in (done.id, moving.id)
    colleague(task.id, status_id=moving.id)

    replies.append(True)
    window.board_view.cardDropped.emit(task.id, done.id, None, None, None)

    assert len(asked) == 1 and "Status: now “In progress”; yours “Done”" in asked[0]
    assert session.store.load().tasks[task.id].status_id == done.id
    assert window.board_view.current_task == task.id


def test_a_refused_edit_says_why_and_saves_nothing(qtbot, demo_session, monkeypatch):
    """A rule says no (a task without a title): the warning says so, nothing is written."""
    create_application()
    parent = QWidget()
    qtbot.addWidget(parent)
    warned = []
    monkeypatch.setattr(
        OperationPrompts, "warn", classmethod(lambda c, p, t, x: warned.append((t, x)))
    )
    revision = demo_session.store.revision()

    change = run_operation(parent, demo_session, Create("task", (("title", ""),)), "Add task")

    assert change is None
    assert len(warned) == 1 and warned[0][0] == "Not saved"
    assert "title" in warned[0][1].lower()
    assert demo_session.store.revision() == revision
    assert BoardWrites.of(demo_session).unsaved == []


def test_a_dialog_hears_of_a_refusal_instead_of_a_message_box(qtbot, demo_session):
    create_application()
    heard = []
    change = run_operation(
        None, demo_session, Create("task", (("title", ""),)), "Add task", on_failure=heard.append
    )
    assert change is None
    assert [f.kind for f in heard] == [Failure.REFUSED]


def _holder(board_path, seconds: float) -> subprocess.Popen:
    """Another Renkei process holding the board's lease (a colleague mid-save)."""
    script = textwrap.dedent(
        f"""
        import pathlib, time
        from renkei.store import lease
        lease.introduce("Kenta Mori")
        ticket = lease.acquire(pathlib.Path({str(board_path)!r}))
        print("held", flush=True)
        time.sleep({seconds})
        ticket.release()
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "held"
    return process


def test_a_locked_board_keeps_the_edit_unsaved_until_retried(
    qtbot, window, board_path, monkeypatch
):
    """Kenta's Renkei holds the board longer than the window waits: Haruka is told her edit
    is NOT saved and why, it waits in the status bar, and Retry saves it once he is done."""
    shown = []
    monkeypatch.setattr(
        MainWindow, "show_not_saved", classmethod(lambda c, p, title, text: shown.append(text))
    )
    session = window.session
    task = task_titled(session.board, "Qualify webinar leads as SQL")
    holder = _holder(board_path, 30)
    try:
        with lease.patience(0.3):
            change = window.apply(set_task(task, title="Kept for later"), "Edit task")
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()

    assert change is None
    assert len(shown) == 1 and "NOT saved" in shown[0] and "Kenta Mori" in shown[0]
    assert "• “Qualify webinar leads as SQL”\n    Title → Kept for later" in shown[0]
    assert [edit.label for edit in window.unsaved] == ["Edit task"]
    assert window.retry_button.isVisibleTo(window)
    assert window.retry_button.text() == "1 unsaved change — Retry"
    assert session.store.load().tasks[task.id].title == task.title

    window.retry_unsaved()
    assert window.unsaved == [] and not window.retry_button.isVisibleTo(window)
    assert session.store.load().tasks[task.id].title == "Kept for later"


def test_quick_add_selects_the_card_the_change_names(window):
    """The new card is the one the Change created, not the board's highest id."""
    session = window.session
    board = session.board
    todo = board.find_status("To do")
    window.set_lane_mode(LaneMode.NONE)
    created = []
    real_apply_all = session.apply_all

    def spy(*args, **kwargs):
        change = real_apply_all(*args, **kwargs)
        created.extend(rc.entity_id for rc in change.rows if rc.created)
        return change

    session.apply_all = spy  # type: ignore[method-assign]
    window.quick_add(todo.id, None, "Call Aozora Bank back")

    [new_id] = created
    assert window.board_view.current_task == new_id
    assert session.board.tasks[new_id].title == "Call Aozora Bank back"
    assert window.detail.task_id == new_id


def test_a_standalone_session_gets_its_own_writes(demo_store):
    """Two sessions on one board keep their own unsaved lists."""
    one = BoardSession(demo_store, None)
    two = BoardSession(demo_store, None)
    assert BoardWrites.of(one) is BoardWrites.of(one)
    assert BoardWrites.of(one) is not BoardWrites.of(two)


def test_a_long_write_shows_its_progress_and_cancelling_saves_nothing(
    qtbot, demo_session, monkeypatch
):
    """Hundreds of commands: a progress dialog follows the transaction; Cancel rolls it back."""
    create_application()
    shown = []

    class Recorder:
        def __init__(self, parent, label, cancel):
            shown.append(label)
            self.calls = 0

        def __call__(self, done, total):
            self.calls += 1
            return done >= total // 2  # the person presses Cancel half way

        def close(self):
            shown.append("closed")

    monkeypatch.setattr("renkei.ui.operation.ProgressDialog", Recorder)
    todo = demo_session.board.find_status("To do")
    commands = [
        Create("task", (("title", f"Lead {n}"), ("status_id", todo.id))) for n in range(600)
    ]
    revision = demo_session.store.revision()

    assert run_operation(None, demo_session, commands, "Bring in leads") is None

    assert shown == ["Saving “Bring in leads”…", "closed"]
    assert demo_session.store.revision() == revision
    assert not any(t.title == "Lead 1" for t in demo_session.store.load().tasks.values())
