"""The handoff chain of one task, drawn on a time axis: which hop broke, and what it lost."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QEvent, QLocale, QPoint, QRectF, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QToolTip

from renkei.domain import handoff_commands as ho
from renkei.domain.handoff_loss import LOST_KINDS, describe
from renkei.render.theme import FONT_FAMILY
from renkei.ui.handoffs.chain_view import MIN_ROW_HEIGHT, HandoffChainView
from renkei.ui.text import board_names

LOST = {kind.value for kind in LOST_KINDS}


def make_view(qtbot, session, font, task_id=None, width=760) -> HandoffChainView:
    view = HandoffChainView(session)
    view.setFont(font)
    qtbot.addWidget(view)
    view.show_task(task_id)
    view.resize(width, view.sizeHint().height())
    view.show()
    qtbot.waitExposed(view)
    return view


def click(widget, point: QPoint) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def lost_downstream_budget_task(session) -> int:
    """A task with several hops whose budget, provided early, went missing at a later hop."""
    analysis = session.handoff_analysis()
    for task_id in sorted({e.task_id for e in analysis.entries}):
        chain = analysis.chain(task_id)
        if len(chain) < 2:
            continue
        for entry in chain[1:]:
            if any(f.kind == "lost_downstream" and "budget" in f.items for f in entry.findings):
                return task_id
    raise AssertionError("the demo board has no task whose budget was lost downstream")


def silent_task(session) -> int:
    analysis = session.handoff_analysis()
    for f in analysis.findings:
        if f.kind == "silent_handoff":
            return f.task_id
    raise AssertionError("the demo board has no change of hands without a handoff")


def test_budget_lost_downstream_breaks_at_the_hop_that_lost_it(qtbot, demo_session, app_font):
    """The chain names the lost Budget and marks exactly the hop that lost it as breaking."""
    task_id = lost_downstream_budget_task(demo_session)
    analysis = demo_session.handoff_analysis()
    chain = analysis.chain(task_id)
    breaking = analysis.breaking_finding(task_id)
    assert breaking is not None and breaking.kind in LOST
    view = make_view(qtbot, demo_session, app_font, task_id)
    rows = view.hop_rows()

    assert len(rows) == len(chain)
    flagged = [i for i, row in enumerate(rows) if row["breaking"]]
    assert len(flagged) == 1
    index = flagged[0]
    assert chain[index].handoff is not None
    assert chain[index].handoff.id == breaking.handoff_id
    assert rows[index]["handoff_id"] == breaking.handoff_id
    assert "budget" in rows[index]["lost"]
    assert "lost_downstream" in rows[index]["findings"]
    assert "Lost: Budget" in rows[index]["findings_text"]
    # Budget was still there at every earlier hop.
    for row in rows[:index]:
        assert "budget" not in row["lost"]

    board = demo_session.board
    sender = board.teams[breaking.from_team_id].name
    receiver = board.teams[breaking.to_team_id].name
    verdict = view.verdict()
    assert verdict.startswith(f"Broke at hop {index + 1}: {sender} → {receiver}")
    assert "lost: " in verdict and "Budget" in verdict
    assert rows[index]["label"] == f"{index + 1}. {sender} → {receiver}"
    h = chain[index].handoff
    people = f"{board.people[h.sender_id].name} → {board.people[h.receiver_id].name}"
    assert rows[index]["people"] == people
    assert rows[index]["state"] == h.state.label


def test_rows_are_numbered_in_the_order_the_hops_happened(qtbot, demo_session, app_font):
    """Hops read oldest first: numbers, handoff ids and x positions all follow send time."""
    task_id = lost_downstream_budget_task(demo_session)
    view = make_view(qtbot, demo_session, app_font, task_id)
    rows = view.hop_rows()
    sent_order = [
        h.id for h in demo_session.board.handoffs_of(task_id) if h.state.value != "withdrawn"
    ]
    assert [row["handoff_id"] for row in rows] == sent_order
    assert [row["label"].split(".")[0] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
    sent_x = [view.x_of_time(demo_session.board.handoffs[i].sent_at) for i in sent_order]
    assert sent_x == sorted(sent_x)
    left = view.width() * 0.38
    assert all(left < x < view.width() for x in sent_x), "bars sit right of the label column"
    tops = [view.row_rect(i).top() for i in range(len(rows))]
    assert tops == sorted(tops)


def test_a_change_of_hands_without_a_handoff_is_a_silent_hop(qtbot, demo_session, app_font):
    """The silent hop shows as its own row, names the people, and clicking it emits nothing."""
    task_id = silent_task(demo_session)
    view = make_view(qtbot, demo_session, app_font, task_id)
    rows = view.hop_rows()
    silent = [i for i, row in enumerate(rows) if row["handoff_id"] is None]
    assert silent, rows
    row = rows[silent[0]]
    assert row["state"] == "No handoff record"
    assert row["findings"] == ["silent_handoff"]
    finding = next(
        f
        for f in demo_session.handoff_analysis().findings_of(task_id)
        if f.kind == "silent_handoff"
    )
    board = demo_session.board
    assert board.people[finding.from_person_id].name in row["people"]
    assert board.people[finding.to_person_id].name in row["people"]
    centre = view.row_rect(silent[0]).center()
    with qtbot.assertNotEmitted(view.handoffActivated, wait=50):
        click(view, centre)


def test_clicking_a_hop_emits_its_handoff_id(qtbot, demo_session, app_font):
    """A click anywhere on a hop's row (its label or its bar) emits that hop's handoff id."""
    task_id = lost_downstream_budget_task(demo_session)
    view = make_view(qtbot, demo_session, app_font, task_id)
    rows = view.hop_rows()
    for index, row in enumerate(rows):
        rect = view.row_rect(index)
        for point in (QPoint(30, rect.center().y()), rect.center()):
            with qtbot.waitSignal(view.handoffActivated, timeout=1000) as blocker:
                QTest.mouseClick(
                    view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point
                )
            assert blocker.args == [row["handoff_id"]]
    # The header is not a hop.
    with qtbot.assertNotEmitted(view.handoffActivated, wait=50):
        QTest.mouseClick(
            view, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(30, 10)
        )


def test_keyboard_down_and_enter_activate_a_hop(qtbot, demo_session, app_font):
    task_id = lost_downstream_budget_task(demo_session)
    view = make_view(qtbot, demo_session, app_font, task_id)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.handoffActivated, timeout=1000) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [view.hop_rows()[1]["handoff_id"]]


def test_tooltip_gives_the_full_finding_sentences(qtbot, demo_session, app_font):
    task_id = lost_downstream_budget_task(demo_session)
    view = make_view(qtbot, demo_session, app_font, task_id)
    index = next(i for i, row in enumerate(view.hop_rows()) if row["breaking"])
    entry = demo_session.handoff_analysis().chain(task_id)[index]
    point = view.row_rect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.mapToGlobal(point))
    QApplication.sendEvent(view, event)
    shown = QToolTip.text()
    names = board_names(demo_session.board)
    for finding in entry.findings:
        assert describe(finding, names) in shown
    QToolTip.hideText()


def test_empty_states_say_what_is_missing(qtbot, demo_session, app_font):
    view = make_view(qtbot, demo_session, app_font, None)
    assert view.verdict() == "Select a task to see its handoffs"
    assert view.hop_rows() == []
    analysis = demo_session.handoff_analysis()
    with_hops = {e.task_id for e in analysis.entries}
    quiet = next(t for t in demo_session.board.tasks if t not in with_hops)
    view.show_task(quiet)
    assert view.verdict() == "No handoffs yet"
    assert view.hop_rows() == []
    clean = next(t for t in sorted(with_hops) if not analysis.findings_of(t))
    view.show_task(clean)
    assert view.verdict() == "No information lost on this chain"
    assert not any(row["breaking"] for row in view.hop_rows())


def test_rows_are_tall_enough_and_the_size_hint_grows_with_them(qtbot, demo_session, app_font):
    """Rows are at least 44 px; more hops make a taller widget, so a scroll area can scroll."""
    long_task = lost_downstream_budget_task(demo_session)
    analysis = demo_session.handoff_analysis()
    short_task = next(
        t for t in sorted({e.task_id for e in analysis.entries}) if len(analysis.chain(t)) == 1
    )
    view = make_view(qtbot, demo_session, app_font, short_task)
    short_height = view.sizeHint().height()
    view.show_task(long_task)
    assert view.sizeHint().height() > short_height
    assert view.minimumSizeHint().height() == view.sizeHint().height()
    for index in range(len(view.hop_rows())):
        assert view.row_rect(index).height() >= MIN_ROW_HEIGHT
    last = view.row_rect(len(view.hop_rows()) - 1)
    assert last.bottom() < view.sizeHint().height()

    scroll = QScrollArea()
    qtbot.addWidget(scroll)
    scroll.setWidgetResizable(True)
    scroll.setWidget(view)
    scroll.resize(700, 160)
    scroll.show()
    qtbot.waitExposed(scroll)
    assert scroll.verticalScrollBar().maximum() > 0


def test_refresh_shows_a_new_hop(qtbot, demo_session, app_font):
    """refresh() re-reads the analysis: a handoff sent after drawing appears as a new row."""
    board = demo_session.board
    analysis = demo_session.handoff_analysis()
    done = board.done_status_ids()
    task_id = next(
        t
        for t in sorted({e.task_id for e in analysis.entries})
        if board.open_handoff(t) is None
        and board.tasks[t].owner_id is not None
        and board.tasks[t].status_id not in done
    )
    view = make_view(qtbot, demo_session, app_font, task_id)
    before = len(view.hop_rows())
    owner = board.tasks[task_id].owner_id
    # The owner hands it to another team (within one team it would be a reassignment).
    teams = {board.people[owner].team_id, board.tasks[task_id].team_id}
    receiver = next(p for p in board.people.values() if p.team_id not in teams)
    demo_session.set_actor(owner)
    commands = ho.send(
        board,
        task_id,
        receiver.id,
        "lead",
        {"company": "Kansai Foods"},
        actor_id=owner,
        at=demo_session.now(),
    )
    demo_session.apply_all(commands, "send")
    view.refresh()
    rows = view.hop_rows()
    assert len(rows) == before + 1
    assert rows[-1]["state"] == "Sent"
    assert receiver.name in rows[-1]["people"]


def _tick_rects(view: HandoffChainView, font: QFont) -> list[QRectF]:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * 0.92)
    metrics = QFontMetricsF(small)
    rects = []
    for x, label in view.ticks():
        width = metrics.horizontalAdvance(label)
        rects.append(QRectF(x - width / 2, 0, width, 10))
    return rects


def _assert_renders_cleanly(view: HandoffChainView, font: QFont) -> None:
    """Every painted string has its glyphs in the bundled face (no tofu), date ticks never
    overlap, and labels fit their column."""
    face = QFont(FONT_FAMILY)
    face.setPointSizeF(font.pointSizeF())
    assert QFontInfo(face).family() == FONT_FAMILY
    metrics = QFontMetricsF(face)
    texts = [
        view.verdict(),
        *(r["label"] + r["people"] + r["findings_text"] for r in view.hop_rows()),
    ]
    texts += [label for _x, label in view.ticks()]
    for text in texts:
        missing = {ch for ch in text if not ch.isspace() and not metrics.inFontUcs4(ord(ch))}
        assert not missing, f"no glyph for {missing} in {text!r}"
    rects = _tick_rects(view, font)
    assert rects, "at least one date on the axis"
    for a, b in zip(rects, rects[1:], strict=False):
        assert a.right() < b.left(), "date ticks overlap"


@pytest.mark.parametrize("width", [560, 760, 1200])
def test_english_chain_renders_to_png(qtbot, demo_session, app_font, shots, width):
    """Pictures of every interesting chain, at a narrow, a usual and a wide size."""
    analysis = demo_session.handoff_analysis()
    tasks = sorted({e.task_id for e in analysis.entries})
    view = make_view(qtbot, demo_session, app_font, None, width)
    for task_id in tasks:
        view.show_task(task_id)
        view.resize(width, view.sizeHint().height())
        QApplication.processEvents()
        image = view.grab()
        assert not image.isNull()
        assert image.save(str(shots / f"chain_en_{width}_task{task_id}.png"))
        _assert_renders_cleanly(view, app_font)


def test_japanese_chain_renders_to_png(qtbot, ja_session, app_font, shots):
    """Japanese names and titles draw in the bundled face, with Japanese date ticks."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    try:
        task_id = lost_downstream_budget_task(ja_session)
        view = make_view(qtbot, ja_session, app_font, task_id, 760)
        title = ja_session.board.tasks[task_id].title
        assert any(ord(ch) > 0x3000 for ch in title), "the Japanese demo has Japanese titles"
        # The one Japanese date style (12月1日), not the numeric 12/1.
        assert all(re.fullmatch(r"\d{1,2}月\d{1,2}日", label) for _x, label in view.ticks())
        _assert_renders_cleanly(view, app_font)
        assert view.grab().save(str(shots / "chain_ja_760.png"))
        for task_id in sorted({e.task_id for e in ja_session.handoff_analysis().entries}):
            view.show_task(task_id)
            view.resize(760, view.sizeHint().height())
            QApplication.processEvents()
            _assert_renders_cleanly(view, app_font)
            assert view.grab().save(str(shots / f"chain_ja_760_task{task_id}.png"))
    finally:
        QLocale.setDefault(previous)
