"""The standup read through Qt's accessibility interfaces, as a screen reader reads it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible

from renkei.ui.standup.window import StandupWindow

Name = QAccessible.Text.Name
Announcement = QAccessible.Event.Announcement


@pytest.fixture
def window(qtbot, app_font, demo_session):
    widget = StandupWindow(demo_session)
    qtbot.addWidget(widget)
    widget.resize(1920, 1080)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def children(iface):
    return [iface.child(i) for i in range(iface.childCount())]


def test_a_team_slide_speaks_its_sections_and_items(window):
    """The window holds the slide, a pane named with where it is in the walk; its children
    are the sections with their counts, theirs the items named from their faces: title,
    the coloured word (how late), then owner and other risks."""
    top = QAccessible.queryAccessibleInterface(window)
    assert top.text(Name) == "Standup"
    [slide] = children(top)
    assert slide.role() == QAccessible.Role.Pane
    assert slide.text(Name) == "Marketing, Team 1 of 4, slide 1 of 7"
    sections = children(slide)
    assert [s.text(Name) for s in sections] == [
        "Overdue (2)",
        "At risk (2)",
        "This week (1)",
        "Who is doing what (3)",
    ]
    assert {s.role() for s in sections} == {QAccessible.Role.Grouping}
    overdue = children(sections[0])
    assert [item.text(Name) for item in overdue] == [
        "Agree MQL→SQL handoff criteria with Inside Sales, 3 days late, Haruka Aoki · Slipped",
        "Confirm consent records with the booth vendor, 1 day late, Emily Carter",
    ]
    item = overdue[1]
    assert item.role() == QAccessible.Role.ListItem
    assert item.parent().text(Name) == "Overdue (2)"
    assert sections[0].indexOfChild(item) == 1
    assert not item.state().offscreen and item.state().readOnly
    assert children(sections[3])[2].text(Name) == (
        "Kenta Mori, Nurture email sequence for webinar no-shows"
    )


def test_the_overview_speaks_each_team_row_with_its_headings(window):
    window.go_to(4)
    [slide] = children(QAccessible.queryAccessibleInterface(window))
    assert slide.text(Name) == "Overview, The whole board, slide 5 of 7"
    [table] = children(slide)
    first = table.child(0).text(Name)
    assert first.startswith(
        "Marketing, Open: 10, Finished since yesterday: 0, At risk: 4, Blocked: 0, Overdue: 2, "
    )


def test_a_new_slide_and_more_lines_are_announced(window, qtbot):
    """→ announces the next slide; on a small screen ↓ says which lines of the sections
    that page it shows now ("Blocked: 3 of 3"), with the words the panels paint."""
    told = []
    window.accessibleEventPosted.connect(lambda kind, words: told.append((kind, words)))
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert told == [(Announcement, "Inside Sales, Team 2 of 4, slide 2 of 7")]
    [slide] = children(QAccessible.queryAccessibleInterface(window))
    assert slide.text(Name) == "Inside Sales, Team 2 of 4, slide 2 of 7"
    window.resize(800, 600)
    assert window.has_more()
    told.clear()
    qtbot.keyClick(window, Qt.Key.Key_Down)
    assert window.page == 1
    [(kind, words)] = told
    assert kind == Announcement
    totals = {s.title: len(s.lines) for s in window.current_slide.sections}
    parts = words.split(", ")
    assert parts
    for part in parts:
        title, shown = part.split(": ")
        assert re.fullmatch(rf"\d+(–\d+)? of {totals[title]}", shown), part
    # The lines kept for another page are in the tree, told offscreen.
    lines = [line for s in children(slide) for line in children(s)]
    assert any(line.state().offscreen for line in lines)
    assert any(not line.state().offscreen for line in lines)
    told.clear()
    qtbot.keyClick(window, Qt.Key.Key_Up)
    assert window.page == 0 and told and told[0][0] == Announcement


def test_the_standup_speaks_japanese_on_a_japanese_board(
    qtbot, app_font, japanese_ui, ja_session
):
    widget = StandupWindow(ja_session)
    qtbot.addWidget(widget)
    widget.resize(1920, 1080)
    [slide] = children(QAccessible.queryAccessibleInterface(widget))
    assert slide.text(Name).endswith("、チーム 1/4、スライド 1/7")
    section = slide.child(0)
    assert re.fullmatch(r"[^ -~]+（\d+）", section.text(Name)), section.text(Name)
    item = section.child(0).text(Name)
    assert item == "MQL→SQLの引き渡し基準をISと合意、3日超過、青木 遥／期限延期"
