"""A timeline row's owner pill names the owner as the cards do ("Haruka A.", "青木"), and
falls back to the initials only when the name's pill would not fit its share of the column."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtGui import QFont

from renkei.domain.model import Board, Person, Status, Task, Team
from renkei.render.bar_face import bar_face
from renkei.render.theme import FONT_FAMILY
from renkei.render.timeline_paint import pill_owner, screen_fonts

TODAY = date(2026, 12, 7)


class Model:
    def __init__(self, board: Board):
        self.board = board

    def today(self) -> date:
        return TODAY

    def risk(self, task_id: int) -> tuple:
        return ()


def face_owned_by(name: str):
    board = Board(
        name="test",
        revision=1,
        teams={7: Team(7, "Marketing", position=0)},
        people={3: Person(3, name, team_id=7)},
        statuses={1: Status(1, "Doing", 0)},
        tasks={1: Task(1, "Plan the webinar", 1, team_id=7, owner_id=3,
                       start=date(2026, 12, 1), due=date(2026, 12, 10))},  # fmt: skip
    )
    face = bar_face(Model(board), 1)
    assert face is not None
    return face


@pytest.mark.parametrize(
    ("name", "label", "initials"),
    [
        ("Haruka Aoki", "Haruka A.", "HA"),
        ("青木 遥", "青木", "青木"),
        ("エミリー・カーター", "カーター", None),
        ("森", "森", None),
    ],
)
def test_the_pill_says_the_name_the_cards_say(qapp, name, label, initials):
    face = face_owned_by(name)
    assert face.owner_label == label and face.owner_name == name
    if initials is not None:
        assert face.owner_initials == initials
    fonts = screen_fonts(QFont(FONT_FAMILY, 10))
    assert pill_owner(face, 120.0, fonts) == label


def test_a_name_too_wide_for_the_column_falls_back_to_the_initials(qapp):
    face = face_owned_by("Maximiliana Oppenheimer-Wolff")
    fonts = screen_fonts(QFont(FONT_FAMILY, 10))
    assert face.owner_label == "Maximiliana O."
    assert pill_owner(face, 40.0, fonts) == face.owner_initials
    assert pill_owner(face, 400.0, fonts) == "Maximiliana O."


def test_an_unowned_row_has_no_pill(qapp):
    face = face_owned_by("Haruka Aoki")
    bare = replace(face, owner_initials="", owner_label="", owner_name="")
    assert pill_owner(bare, 120.0, screen_fonts(QFont(FONT_FAMILY, 10))) == ""
