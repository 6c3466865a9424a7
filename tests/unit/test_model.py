"""The board's plain data: initials on cards, finding things by name, ordering."""

from __future__ import annotations

import pytest

from renkei.domain.model import (
    DEFAULT_STATUSES,
    Board,
    Person,
    Priority,
    Project,
    Status,
    Team,
    initials,
)


@pytest.mark.parametrize(
    ("name", "tag"),
    [
        ("Haruka Aoki", "HA"),
        ("Daniel Park", "DP"),
        ("Mary Ann van der Berg", "MB"),
        ("madonna", "MA"),
        ("青木 遥", "青木"),
        ("青木　遥", "青木"),  # ideographic space, as typed on a Japanese keyboard
        ("山田", "山田"),
        ("", "?"),
        ("   ", "?"),
    ],
)
def test_initials(name, tag):
    """Latin names give their initials, Japanese names their family name."""
    assert initials(name) == tag


@pytest.mark.parametrize(
    ("name", "family"),
    [("エミリー・カーター", "カーター"), ("ダニエル・パーク", "パーク")],
    ids=["emily-carter", "daniel-park"],
)
def test_initials_of_katakana_name_is_family_name(name, family):
    """A foreign name in katakana is written given・family, so its family name comes last."""
    assert initials(name) == family


def test_person_initials_property():
    """A person's card tag uses the same rule."""
    assert Person(1, "Yuki Tanaka").initials == "YT"


def _board() -> Board:
    return Board(
        name="Sales × Marketing",
        revision=3,
        teams={1: Team(1, "Inside Sales", 1), 2: Team(2, "Marketing", 0)},
        people={1: Person(1, "Haruka Aoki", 2), 2: Person(2, "青木 遥", 2)},
        projects={1: Project(1, "Tokyo trade show")},
        statuses={
            1: Status(1, "Done", 4, is_done=True),
            2: Status(2, "Backlog", 0),
            3: Status(3, "In progress", 2),
        },
    )


def test_find_by_name_ignores_case_and_surrounding_spaces():
    """Names typed in any case, with stray spaces, find the record."""
    board = _board()
    assert board.find_person("  haruka AOKI ").id == 1
    assert board.find_person("青木 遥").id == 2
    assert board.find_team("MARKETING").id == 2
    assert board.find_status("in Progress").id == 3
    assert board.find_project("tokyo TRADE show").id == 1


def test_find_by_name_missing_is_none():
    """An unknown or partial name finds nothing rather than a guess."""
    board = _board()
    assert board.find_person("Haruka") is None
    assert board.find_team("Sales") is None
    assert board.find_status("") is None
    assert board.find_project("webinar") is None


def test_ordering_and_done_columns():
    """Columns sort by position, teams by position, and done columns are known."""
    board = _board()
    assert [s.name for s in board.ordered_statuses()] == ["Backlog", "In progress", "Done"]
    assert [t.name for t in board.ordered_teams()] == ["Marketing", "Inside Sales"]
    assert board.done_status_ids() == frozenset({1})


def test_priority_parse():
    """Priorities parse from their names in any case; unknown names list the choices."""
    assert Priority.parse(" high ") is Priority.HIGH
    assert Priority.URGENT.label == "Urgent"
    with pytest.raises(ValueError, match="low, normal, high, urgent"):
        Priority.parse("critical")


def test_default_workflow():
    """A new board starts with five columns, ending in Done."""
    assert DEFAULT_STATUSES == ("Backlog", "To do", "In progress", "Waiting", "Done")
