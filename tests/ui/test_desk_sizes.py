"""The desk at any size: a laptop's 1366×768 shows the whole workflow and a wide timeline, the
detail pane gets out of the way, panes remember their sizes, cards name their owners, an
empty filtered board says how to get back, and English is set in a Latin face."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication

from renkei.app.filtering import TaskFilter
from renkei.app.settings import LocalSettings
from renkei.render.card_face import card_face, owner_label
from renkei.render.theme import FONT_FAMILY, JP_FONT_FAMILY, LATIN_FONT_FAMILY
from renkei.render.timeline_geometry import LABEL_WIDTH
from renkei.ui.app import create_application
from renkei.ui.main_window import MainWindow


def open_window(qtbot, session, size, settings=None) -> MainWindow:
    create_application()
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def task_owned_by(board, name):
    person = board.find_person(name)
    return next(t for t in board.tasks.values() if t.owner_id == person.id and not t.archived)


# -- the board at laptop sizes -----------------------------------------------------------


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_five_columns_fit_a_laptop_screen_with_a_card_chosen(qtbot, demo_session, size):
    """Choosing a card on a laptop-sized window leaves every column in view, each wide
    enough for a readable card."""
    window = open_window(qtbot, demo_session, size)
    view = window.board_view
    view.set_current_task(window.model.task_ids()[0])
    QApplication.processEvents()

    assert window.detail.isHidden()  # on a narrow window the pane waits to be asked for
    width = view.viewport().width()
    assert len(view.columns) == 5
    for index in range(5):
        left = view.column_x(index)
        assert left >= 0 and left + view.column_width <= width, (index, left, width)
    assert view.column_width >= 200


def test_the_timeline_chart_takes_most_of_a_laptop_window(qtbot, demo_session):
    """At 1366×768 the unscheduled tray starts folded and the chart (right of the task
    list) is at least 60 % of the window's width; unfolding the tray shows its tasks."""
    window = open_window(qtbot, demo_session, (1366, 768))
    window.tabs.setCurrentWidget(window.timeline_tab)
    QApplication.processEvents()
    tab = window.timeline_tab

    assert not tab.tray_open() and tab.tray_box.isHidden()
    chart = tab.view.viewport().width() - LABEL_WIDTH
    assert chart >= 0.6 * window.width(), chart

    tab.tray_action.trigger()
    QApplication.processEvents()
    assert tab.tray_open() and not tab.tray_box.isHidden()
    assert tab.tray.count() > 0
    assert tab.tray_action.text() == f"Unscheduled ({tab.tray.count()})"


# -- the detail pane -----------------------------------------------------------------------


def test_the_pane_is_closed_until_a_card_is_chosen_on_a_wide_window(qtbot, demo_session):
    """1920×1080: no empty pane beside the board; a chosen card opens it docked; choosing
    nothing closes it again."""
    window = open_window(qtbot, demo_session, (1920, 1080))
    assert window.detail.isHidden()
    assert not window.detail_action.isChecked()

    window.board_view.set_current_task(window.model.task_ids()[0])
    assert not window.detail.isHidden()
    assert window.detail.parent() is window.splitter
    assert window.detail_action.isChecked()

    window.board_view.set_current_task(None)
    assert window.detail.isHidden()


def test_ctrl_i_floats_the_pane_over_a_narrow_board_and_closes_it(qtbot, demo_session):
    """1366×768: Ctrl+I opens the pane over the board's right side (the columns do not
    move), Ctrl+I again closes it."""
    window = open_window(qtbot, demo_session, (1366, 768))
    window.activateWindow()
    window.board_view.set_current_task(window.model.task_ids()[0])
    window.board_view.setFocus()
    before = window.board_view.viewport().width()

    qtbot.keyClick(window.board_view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert not window.detail.isHidden()
    assert window.pane_floating()
    pane = window.detail.geometry()
    assert pane.right() <= window.centralWidget().width()
    assert pane.width() <= 0.6 * window.splitter.width() + 1
    assert pane.width() >= 240
    assert window.board_view.viewport().width() == before  # floats: the board stays whole

    qtbot.keyClick(window.board_view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.detail.isHidden()


def test_escape_puts_a_floating_pane_away(qtbot, demo_session):
    window = open_window(qtbot, demo_session, (1280, 720))
    window.activateWindow()
    window.board_view.set_current_task(window.model.task_ids()[0])
    window.toggle_detail()
    assert window.pane_floating() and not window.detail.isHidden()
    window.detail.edit_button.setFocus()

    qtbot.keyClick(window.detail.edit_button, Qt.Key.Key_Escape)
    assert window.detail.isHidden()
    assert not window.detail_action.isChecked()


def test_closing_the_docked_pane_is_remembered_and_the_window_can_widen_again(
    qtbot, demo_session
):
    """On a wide window Ctrl+I closes the docked pane even with a card chosen; narrowed and
    widened, a window brings the pane back docked when asked."""
    window = open_window(qtbot, demo_session, (1920, 1080))
    window.board_view.set_current_task(window.model.task_ids()[0])
    window.toggle_detail()
    assert window.detail.isHidden() and not window.pane_open

    window.resize(1300, 760)
    window.toggle_detail()
    assert window.pane_floating() and not window.detail.isHidden()
    window.resize(1920, 1080)
    QApplication.processEvents()
    assert not window.pane_floating()
    window.toggle_detail()
    assert not window.detail.isHidden() and window.detail.parent() is window.splitter


def test_pane_width_and_tray_are_remembered_across_restarts(qtbot, demo_session):
    """The width the pane was dragged to and the timeline tray's state come back in the
    next window (the settings file, not the board)."""
    window = open_window(qtbot, demo_session, (1920, 1080), LocalSettings())
    window.board_view.set_current_task(window.model.task_ids()[0])
    total = sum(window.splitter.sizes())
    window.splitter.moveSplitter(total - 500, 1)
    assert window.splitter.sizes()[1] == pytest.approx(500, abs=8)
    window.tabs.setCurrentWidget(window.timeline_tab)
    QApplication.processEvents()
    window.timeline_tab.set_tray_open(False)
    window.close()

    saved = LocalSettings.load()
    assert saved.window["detail_width"] == pytest.approx(500, abs=8)
    again = open_window(qtbot, demo_session, (1920, 1080), saved)
    again.board_view.set_current_task(again.model.task_ids()[0])
    QApplication.processEvents()
    assert again.splitter.sizes()[1] == pytest.approx(500, abs=8)
    assert not again.timeline_tab.tray_open()


# -- owners on cards -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Daiki Sato", "Daiki S."),
        ("Emily Carter", "Emily C."),
        ("Mary Jane Watson", "Mary W."),
        ("佐藤 大輝", "佐藤"),
        ("森 健太", "森"),
        ("エミリー・カーター", "カーター"),
        ("Madonna", "Madonna"),
        ("  ", ""),
    ],
)
def test_owner_label_is_how_colleagues_name_each_other(name, label):
    assert owner_label(name) == label


def test_a_card_names_its_owner_and_hovering_gives_the_full_name(qtbot, demo_session):
    """The face carries "Emily C." and "Emily Carter"; the tooltip and the screen reader's
    text give the full name."""
    window = open_window(qtbot, demo_session, (1920, 1080))
    task = task_owned_by(demo_session.board, "Emily Carter")
    face = card_face(demo_session, task.id)
    assert (face.owner_label, face.owner_name) == ("Emily C.", "Emily Carter")
    assert "Owner: Emily Carter" in window.model.tooltip(task.id).splitlines()

    window.board_view.set_current_task(task.id)
    assert "Emily Carter" in window.board_view.accessibleDescription()
    assert task.title in window.board_view.accessibleDescription()


def test_japanese_cards_name_the_family(ja_session):
    """On the Japanese demo every owned card shows a family name, never initials."""
    board = ja_session.board
    owned = [t for t in board.tasks.values() if t.owner_id is not None and not t.archived]
    assert owned
    for task in owned[:20]:
        face = card_face(ja_session, task.id)
        full = board.people[task.owner_id].name
        assert face.owner_name == full
        assert face.owner_label and face.owner_label in full
        assert face.owner_label != full  # the short form, family name only


# -- the empty filtered board --------------------------------------------------------------


def test_an_empty_filtered_board_says_so_in_the_middle_with_a_way_back(qtbot, demo_session):
    window = open_window(qtbot, demo_session, (1366, 768))
    view = window.board_view
    assert view.clear_button.isHidden()

    window.filter_bar.search.setText("no task is called this")
    window.model.set_filter(TaskFilter(text="no task is called this"))
    QApplication.processEvents()
    assert window.model.rowCount() == 0
    button = view.clear_button
    assert not button.isHidden()
    centre = button.geometry().center()
    viewport = view.viewport().rect()
    assert abs(centre.x() - viewport.center().x()) <= 2
    assert viewport.height() / 3 < centre.y() < viewport.height() * 2 / 3

    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    QApplication.processEvents()
    assert window.model.task_filter.is_empty
    assert window.filter_bar.search.text() == ""
    assert window.model.rowCount() > 0
    assert button.isHidden()


# -- the Latin face ------------------------------------------------------------------------


def families_of(text: str, font: QFont) -> list[str]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [run.rawFont().familyName() for run in layout.glyphRuns()]


def test_english_is_set_in_the_latin_face_and_japanese_falls_through(app_font):
    """"…", quotes and letters come from the Latin face; kana, kanji and arrows from the
    bundled Japanese face, never from a font of the machine."""
    font = QFont(FONT_FAMILY)
    font.setPixelSize(14)
    assert families_of("Daiki S. “Late” — due in 3 days…", font) == [LATIN_FONT_FAMILY]
    assert families_of("佐藤「保存」", font) == [JP_FONT_FAMILY]
    assert families_of("→★", font) == [JP_FONT_FAMILY]


# -- finished cards do not make one lane fill the screen ----------------------------------


def test_finished_cards_fold_behind_a_row_that_shows_them(qtbot, demo_session):
    """At 1366×768 Marketing's five finished cards show three and "2 more finished", so the
    next lane starts on screen; a click on the row, or choosing a hidden card, shows them."""
    window = open_window(qtbot, demo_session, (1366, 768))
    view = window.board_view
    done = next(s for s in view.columns if s.is_done)
    marketing = next(lane for lane in view.lanes if lane.title == "Marketing")
    all_done = next(g for g in window.model.grid.lanes if g.key == marketing.key).cells[done.id]
    assert len(all_done) == 5
    assert marketing.cells[done.id] == all_done[:3]
    assert marketing.hidden[done.id] == 2
    assert marketing.count == 15  # the lane header still counts every card
    second = view.lanes[1]
    assert view.content_to_view_y(second.top) < view.viewport().height()

    row = view._add_row_rect(marketing, view.columns.index(done))
    assert view.hit(row.center()).kind == "more"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row.center().toPoint())
    marketing = next(lane for lane in view.lanes if lane.title == "Marketing")
    assert marketing.cells[done.id] == all_done and not marketing.hidden

    other = open_window(qtbot, demo_session, (1366, 768))
    assert other.board_view.card_rect(all_done[-1]) is None  # behind its row
    other.board_view.set_current_task(all_done[-1])  # chosen, e.g. on the timeline
    assert other.board_view.card_rect(all_done[-1]) is not None
