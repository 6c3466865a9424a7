"""The team-to-team matrix: which pair of teams loses the most information."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleOptionViewItem, QVBoxLayout, QWidget

from renkei.domain import handoff_commands as ho
from renkei.domain.commands import Create, set_task
from renkei.domain.handoff import item_label
from renkei.render.theme import FONT_FAMILY, LIGHT, contrast, luminance
from renkei.ui.fonts import UI_POINT_SIZE
from renkei.ui.handoffs.matrix_view import TeamMatrixView


def make_view(qtbot, session, font, size=(760, 520)) -> TeamMatrixView:
    view = TeamMatrixView(session)
    view.setFont(font)
    view.refresh()
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    return view


def click(view: TeamMatrixView, pair) -> None:
    rect = view.cell_rect(*pair)
    assert rect.isValid(), f"cell {pair} is not shown"
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )


def test_model_follows_the_qt_contract(qtbot, demo_session, app_font, qtmodeltester):
    view = make_view(qtbot, demo_session, app_font)
    qtmodeltester.check(view.model())


def test_marketing_to_inside_sales_is_the_worst_pair_with_its_numbers(
    qtbot, demo_session, app_font
):
    """The Marketing → Inside Sales cell says "Loses the most" and shows the analysis's
    count, shares and most-lost items."""
    board = demo_session.board
    marketing, inside = board.find_team("Marketing").id, board.find_team("Inside Sales").id
    analysis = demo_session.handoff_analysis()
    worst = analysis.worst_pair()
    assert (worst.from_team_id, worst.to_team_id) == (marketing, inside)
    cell = analysis.matrix[(marketing, inside)]
    view = make_view(qtbot, demo_session, app_font)

    assert view.worst() == (marketing, inside)
    lines = view.cell_text(marketing, inside).split("\n")
    assert lines[0] == "Loses the most"
    assert lines[1] == f"{cell.count} handoffs"
    in_sla = round(cell.acknowledged_in_sla * 100)
    assert lines[2] == f"{in_sla}% acknowledged in time"
    assert lines[3].startswith("median ") and lines[3].endswith(" to acknowledge")
    assert lines[4] == f"{round(cell.returned_or_rejected * 100)}% returned or rejected"
    expected = ", ".join(f"{item_label(i)} ×{n}" for i, n in cell.lost_items)
    assert lines[5] == f"Lost most: {expected}"
    assert "Budget" in lines[5]
    # Only the worst pair carries the words.
    for (sender, receiver), other in analysis.matrix.items():
        text = view.cell_text(sender, receiver)
        assert text.split("\n")[0 if (sender, receiver) != (marketing, inside) else 1] == (
            f"{other.count} handoffs" if other.count != 1 else "1 handoff"
        )
        if (sender, receiver) != (marketing, inside):
            assert "Loses the most" not in text


def test_rows_are_senders_and_columns_receivers_in_board_order(qtbot, demo_session, app_font):
    analysis = demo_session.handoff_analysis()
    board = demo_session.board
    order = [t.id for t in board.ordered_teams()]
    senders = [t for t in order if any(k[0] == t for k in analysis.matrix)]
    receivers = [t for t in order if any(k[1] == t for k in analysis.matrix)]
    view = make_view(qtbot, demo_session, app_font)
    model = view.model()
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert rows == [board.teams[t].name for t in senders]
    assert columns == [board.teams[t].name for t in receivers]
    assert "No team" not in rows + columns
    # Every shown pair without handoffs is blank and cannot be chosen.
    for sender in senders:
        for receiver in receivers:
            index = model.index(senders.index(sender), receivers.index(receiver))
            if (sender, receiver) in analysis.matrix:
                assert view.cell_text(sender, receiver)
                assert model.flags(index) & Qt.ItemFlag.ItemIsEnabled
            else:
                assert view.cell_text(sender, receiver) == ""
                assert model.flags(index) == Qt.ItemFlag.NoItemFlags


def test_clicking_or_entering_a_cell_emits_its_pair(qtbot, demo_session, app_font):
    view = make_view(qtbot, demo_session, app_font)
    worst = view.worst()
    with qtbot.waitSignal(view.pairActivated, timeout=1000) as blocker:
        click(view, worst)
    assert tuple(blocker.args) == worst
    # Keyboard: Enter on the current cell.
    view.setFocus()
    view.setCurrentIndex(view.model().index_of(*worst))
    with qtbot.waitSignal(view.pairActivated, timeout=1000) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert tuple(blocker.args) == worst


def test_empty_cells_emit_nothing(qtbot, demo_session, app_font):
    analysis = demo_session.handoff_analysis()
    view = make_view(qtbot, demo_session, app_font)
    model = view.model()
    empty = next(
        (s, r) for s in model.senders for r in model.receivers if (s, r) not in analysis.matrix
    )
    with qtbot.assertNotEmitted(view.pairActivated, wait=50):
        click(view, empty)


def test_tint_is_readable_and_warmest_on_the_worst_pair(qtbot, demo_session, app_font):
    """Dark text on every tint (contrast ≥ 4.5:1); the worst pair is the warmest cell."""
    view = make_view(qtbot, demo_session, app_font)
    model = view.model()
    tints = {}
    for key in model.cells:
        index = model.index_of(*key)
        tint = model.data(index, Qt.ItemDataRole.BackgroundRole)
        text = model.data(index, Qt.ItemDataRole.ForegroundRole)
        assert contrast(tint, text) >= 4.5, key
        assert contrast(tint, LIGHT.text) >= 4.5, key
        tints[key] = luminance(tint)
    assert min(tints, key=tints.get) == view.worst()


def test_tooltip_has_the_full_numbers(qtbot, demo_session, app_font):
    view = make_view(qtbot, demo_session, app_font)
    model = view.model()
    cell = model.cells[view.worst()]
    tip = model.data(model.index_of(*view.worst()), Qt.ItemDataRole.ToolTipRole)
    assert f"Handoffs sent: {cell.count}" in tip
    assert "Loses the most" in tip
    bounced = round(cell.returned_or_rejected * cell.count)
    assert f"Returned or rejected: {bounced} of {cell.count}" in tip
    for name, n in cell.lost_items:
        assert f"{item_label(name)}: {n}" in tip


def _send(session, task_id: int, person_id: int) -> None:
    """The task's owner hands it off (only the owner or the task's team may)."""
    board = session.board
    owner = board.tasks[task_id].owner_id
    session.set_actor(owner)
    commands = ho.send(
        board,
        task_id,
        person_id,
        "lead",
        {"company": "Kansai Foods", "contact": "m.ito@example.jp"},
        actor_id=owner,
        at=session.now(),
    )
    session.apply_all(commands, "send")


def _free_task(session, team_id: int | None, skip=()) -> int:
    board = session.board
    return next(
        t.id
        for t in sorted(board.tasks.values(), key=lambda t: t.id)
        if t.team_id == team_id
        and t.owner_id is not None
        and not t.archived
        and t.status_id not in board.done_status_ids()
        and t.id not in skip
        and board.open_handoff(t.id) is None
    )


@pytest.fixture
def five_team_session(demo_session):
    """The demo board plus a fifth team, with handoffs into Marketing and the new team:
    four sender rows, five receiver columns."""
    session = demo_session
    change = session.apply(Create("team", (("name", "Partner Enablement"), ("position", 9))))
    partners = change.rows[0].entity_id
    change = session.apply(Create("person", (("name", "Nora Lindqvist"), ("team_id", partners))))
    nora = change.rows[0].entity_id
    board = session.board
    marketing = board.find_team("Marketing").id
    success = board.find_team("Customer Success").id
    marketer = next(p.id for p in board.people.values() if p.team_id == marketing)
    _send(session, _free_task(session, success), marketer)
    _send(session, _free_task(session, marketing), nora)
    return session


def test_five_teams_fit_a_1400_by_900_window_without_clipping(
    qtbot, five_team_session, app_font, shots
):
    """With five receiving teams every cell is at least as large as its text needs, and the
    whole matrix fits the width of a 1400 × 900 window."""
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    view = TeamMatrixView(five_team_session, window)
    view.setFont(app_font)
    view.refresh()
    layout.addWidget(view)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    model = view.model()
    assert model.columnCount() == 5
    assert view.sizeHint().width() <= 1400 - 24
    assert view.horizontalScrollBar().maximum() == 0
    delegate = view.itemDelegate()
    option = QStyleOptionViewItem()
    option.font = view.font()
    for key in model.cells:
        index = model.index_of(*key)
        needed = delegate.sizeHint(option, index)
        rect = view.visualRect(index)
        assert needed.width() <= rect.width() + 1, key
        assert needed.height() <= rect.height() + 1, key
    header_metrics = QFontMetricsF(QFont(FONT_FAMILY, UI_POINT_SIZE, QFont.Weight.Bold))
    for column in range(model.columnCount()):
        name = model.headerData(column, Qt.Orientation.Horizontal)
        assert header_metrics.horizontalAdvance(name) < view.columnWidth(column), name
    assert window.grab().save(str(shots / "matrix_en_5teams_1400x900.png"))


def test_no_team_row_appears_only_when_a_handoff_has_no_team(qtbot, demo_session, app_font):
    view = make_view(qtbot, demo_session, app_font)
    model = view.model()
    assert None not in model.senders + model.receivers
    board = demo_session.board
    task = board.tasks[_free_task(demo_session, board.find_team("Inside Sales").id)]
    # A sender with no team, owning a task with no team: the "No team" row.
    guest = demo_session.apply(Create("person", (("name", "Guest Writer"),))).rows[0].entity_id
    demo_session.apply(set_task(task, team_id=None, owner_id=guest))
    field_sales = board.find_team("Field Sales").id
    receiver = next(p.id for p in board.people.values() if p.team_id == field_sales)
    _send(demo_session, task.id, receiver)
    view.refresh()
    rows = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert rows[-1] == "No team"
    assert view.cell_text(None, field_sales).split("\n")[0] == "1 handoff"
    with qtbot.waitSignal(view.pairActivated, timeout=1000) as blocker:
        click(view, (None, field_sales))
    assert tuple(blocker.args) == (None, field_sales)


def test_english_matrix_renders_to_png(qtbot, demo_session, app_font, shots):
    for size in ((700, 480), (1400, 900)):
        view = make_view(qtbot, demo_session, app_font, size)
        QApplication.processEvents()
        image = view.grab()
        assert not image.isNull()
        assert image.save(str(shots / f"matrix_en_{size[0]}x{size[1]}.png"))


def test_japanese_matrix_renders_to_png(qtbot, ja_session, app_font, shots):
    """Team names and item labels draw in the bundled Japanese-capable face."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    try:
        view = make_view(qtbot, ja_session, app_font, (760, 520))
        assert view.worst() is not None
        face = QFont(FONT_FAMILY, UI_POINT_SIZE)
        assert QFontInfo(face).family() == FONT_FAMILY
        metrics = QFontMetricsF(face)
        model = view.model()
        texts = [view.cell_text(*key) for key in model.cells]
        texts += [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
        texts += [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        for text in texts:
            missing = {ch for ch in text if not ch.isspace() and not metrics.inFontUcs4(ord(ch))}
            assert not missing, f"no glyph for {missing} in {text!r}"
        assert view.grab().save(str(shots / "matrix_ja_760x520.png"))
    finally:
        QLocale.setDefault(previous)


def test_clicking_does_not_select_an_empty_cell(qtbot, demo_session, app_font):
    """An empty cell cannot even become current: it is not a thing to choose."""
    view = make_view(qtbot, demo_session, app_font)
    model = view.model()
    analysis = demo_session.handoff_analysis()
    empty = next(
        (s, r) for s in model.senders for r in model.receivers if (s, r) not in analysis.matrix
    )
    view.clearSelection()
    click(view, empty)
    assert not view.selectionModel().isSelected(model.index_of(*empty))
