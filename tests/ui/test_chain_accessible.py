"""The handoff chain read through Qt's accessibility interfaces, as a screen reader reads it."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from PySide6.QtTest import QTest
from tests.ui.test_handoff_chain import lost_downstream_budget_task

from renkei.ui.handoffs.chain_view import HandoffChainView

Name = QAccessible.Text.Name


@pytest.fixture
def view(qtbot, demo_session):
    widget = HandoffChainView(demo_session)
    qtbot.addWidget(widget)
    widget.show_task(lost_downstream_budget_task(demo_session))
    widget.resize(900, widget.sizeHint().height())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def children(iface):
    return [iface.child(i) for i in range(iface.childCount())]


def test_the_chain_speaks_each_hop_with_the_words_it_paints(view):
    """The chain is a pane named for its task and described by its verdict; each hop is a
    list item named with its row's words: label, people, state, when sent, the bar's span
    words and, on the breaking hop, "Lost here" and what was lost."""
    chain = QAccessible.queryAccessibleInterface(view)
    assert chain.role() == QAccessible.Role.Pane
    assert chain.text(Name) == "Handoffs of “Discovery meeting with Minato Pharma”"
    assert chain.text(QAccessible.Text.Description) == (
        "Broke at hop 2: Inside Sales → Field Sales  ·  lost: Budget"
    )
    hops = children(chain)
    assert [hop.text(Name) for hop in hops] == [
        "1. Marketing → Inside Sales, Kenta Mori → Yuki Tanaka, Accepted, sent Wed 18 Nov, "
        "acknowledged in 1.2 h",
        "2. Inside Sales → Field Sales, Yuki Tanaka → Ryo Ito, Returned, sent Thu 19 Nov, "
        "acknowledged in 4.8 h, Lost here, Lost: Budget, Returned (Missing information)",
        "3. Inside Sales → Field Sales, Yuki Tanaka → Ryo Ito, Accepted, sent Thu 19 Nov, "
        "acknowledged in 1.2 h",
    ]
    hop = hops[1]
    assert hop.role() == QAccessible.Role.ListItem
    assert hop.parent() is chain or hop.parent().text(Name) == chain.text(Name)
    assert chain.indexOfChild(hop) == 1
    assert hop.state().focusable and not hop.state().selected
    assert hop.rect().height() > 0
    actions = hop.actionInterface()
    assert [actions.localizedActionName(n) for n in actions.actionNames()] == [
        "Open this handoff",
        "Select the hop",
    ]


def test_the_current_hop_is_told_focused_and_selected(view, qtbot):
    """The keyboard arriving puts it on the first hop; ↓ moves it, and each move tells the
    screen reader the new hop is focused and selected; Enter through the press action
    opens its handoff."""
    told = []
    view.accessibleEventPosted.connect(lambda kind, words: told.append((kind, words)))
    chain = QAccessible.queryAccessibleInterface(view)
    view.setFocus()
    qtbot.waitUntil(lambda: bool(told))
    first = chain.child(0)
    assert told == [(QAccessible.Event.Focus, first.text(Name))]
    assert chain.focusChild().text(Name) == first.text(Name)
    told.clear()
    QTest.keyClick(view, Qt.Key.Key_Down)
    second = chain.child(1)
    assert view.current_hop == 1
    assert second.state().focused and second.state().selected
    assert not first.state().selected
    assert told == [
        (QAccessible.Event.Focus, second.text(Name)),
        (QAccessible.Event.Selection, second.text(Name)),
    ]
    opened = []
    view.handoffActivated.connect(opened.append)
    third = chain.child(2)
    third.actionInterface().doAction(QAccessibleActionInterface.pressAction())
    assert view.current_hop == 2
    assert opened == [view.hop_rows()[2]["handoff_id"]]


def test_the_chain_speaks_japanese_on_a_japanese_board(qtbot, japanese_ui, ja_session):
    """In Japanese the words come from the catalogue: the pane's name, the hop's state and
    "sent" words, joined with 、."""
    widget = HandoffChainView(ja_session)
    qtbot.addWidget(widget)
    widget.show_task(lost_downstream_budget_task(ja_session))
    chain = QAccessible.queryAccessibleInterface(widget)
    assert chain.text(Name).endswith("」の引き継ぎ") and chain.text(Name).startswith("「")
    hops = children(chain)
    assert len(hops) >= 2
    name = hops[0].text(Name)
    assert name.startswith("1. ") and "、" in name and "送付" in name
    assert not re.search("[A-Za-z]{3,}", name), name
