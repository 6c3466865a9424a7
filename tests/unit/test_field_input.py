"""Typed "field=value" text becomes task values, or an error naming the field and the value."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from renkei.app.field_input import (
    FieldInputError,
    parse_assignments,
    parse_iso_date,
    parse_value,
    split_assignment,
)
from renkei.domain.model import Board, Person, Priority, Project, RiskFlag, Status, Task, Team

NOW = datetime(2026, 11, 20, 5, 3)


@pytest.fixture
def board() -> Board:
    return Board(
        name="Test",
        revision=1,
        teams={1: Team(1, "Inside Sales", 0), 2: Team(2, "Field Sales", 1)},
        people={1: Person(1, "Yuki Tanaka", 1), 2: Person(2, "Ryo Ito", 2)},
        projects={1: Project(1, "Tokyo trade show")},
        statuses={
            1: Status(1, "To do", 0),
            2: Status(2, "In progress", 1),
            3: Status(3, "Done", 2, is_done=True),
        },
        tasks={5: Task(5, "Call Minato Pharma", 1), 9: Task(9, "Send proposal", 2)},
    )


def test_names_resolve_ignoring_case_and_spaces(board):
    """Team, owner, status and project are matched by name, whatever the case."""
    changes = parse_assignments(
        board,
        ["team=field sales", "owner= RYO ITO ", "status=in PROGRESS", "project=tokyo trade show"],
    )
    assert changes == {"team_id": 2, "owner_id": 2, "status_id": 2, "project_id": 1}


def test_unknown_name_lists_what_exists(board):
    """An owner nobody has is refused with the field, the value and the people there are."""
    with pytest.raises(FieldInputError) as caught:
        parse_value(board, "owner", "Bob")
    message = str(caught.value)
    assert message.startswith("owner=Bob:")
    assert "Yuki Tanaka" in message and "Ryo Ito" in message


def test_empty_value_clears_optional_fields(board):
    """owner=, due=, tags=, flag= clear the field; the store gets None or an empty value."""
    changes = parse_assignments(
        board, ["owner=", "due=", "project=", "tags=", "depends_on=", "flag=", "estimate="]
    )
    assert changes == {
        "owner_id": None,
        "due": None,
        "project_id": None,
        "tags": (),
        "depends_on": (),
        "flag": None,
        "estimate_hours": None,
    }


@pytest.mark.parametrize("name", ["title", "status", "progress", "priority", "archived"])
def test_required_fields_cannot_be_emptied(name, board):
    """Fields every task must have refuse an empty value instead of guessing one."""
    with pytest.raises(FieldInputError, match=rf"(?i)^{name}=\s*: {name} cannot be empty"):
        parse_value(board, name, "  ")


def test_team_cannot_be_cleared(board):
    """`task add` needs a team, so `task set` cannot take it away; the message lists the teams."""
    refusal = r"^team=: a task needs a team; .*one of: Inside Sales"
    with pytest.raises(FieldInputError, match=refusal):
        parse_value(board, "team", "")


def test_dates_are_iso_only(board):
    """YYYY-MM-DD is read; other spellings date.fromisoformat would take are refused."""
    assert parse_value(board, "due", "2026-12-03") == ("due", date(2026, 12, 3))
    for text in ("20261203", "2026-W49-4", "03/12/2026", "2026-02-30", "tomorrow"):
        with pytest.raises(FieldInputError, match=f"^due={text}: not a date"):
            parse_value(board, "due", text)


def test_full_width_digits_are_read(board):
    """Digits typed with a Japanese input method count as digits."""
    assert parse_iso_date("２０２６－１２－０３") == date(2026, 12, 3)
    assert parse_value(board, "progress", "５０％") == ("progress", 50)


def test_progress_is_a_whole_number_from_0_to_100(board):
    """Progress takes 0–100 (a % sign is fine); anything else names the field and value."""
    assert parse_value(board, "progress", "40%") == ("progress", 40)
    with pytest.raises(FieldInputError, match=r"^progress=150: .*between 0 and 100"):
        parse_value(board, "progress", "150")
    with pytest.raises(FieldInputError, match=r"^progress=4\.5: "):
        parse_value(board, "progress", "4.5")


def test_priority_estimate_archived(board):
    """Priority by name, the estimate in hours, archived as true/false."""
    changes = parse_assignments(board, ["priority=URGENT", "estimate=2.5h", "archived=yes"])
    assert changes == {"priority": Priority.URGENT, "estimate_hours": 2.5, "archived": True}
    with pytest.raises(FieldInputError, match="^priority=soon: unknown priority"):
        parse_value(board, "priority", "soon")
    with pytest.raises(FieldInputError, match="^archived=maybe: use true or false"):
        parse_value(board, "archived", "maybe")


def test_tags_and_dependencies_are_comma_separated(board):
    """Tags lose duplicates and blanks; dependencies must be tasks on the board."""
    tags = parse_value(board, "tags", "webinar, handoff,,webinar")
    assert tags == ("tags", ("webinar", "handoff"))
    assert parse_value(board, "depends_on", "5, #9") == ("depends_on", (5, 9))
    with pytest.raises(FieldInputError, match="^depends_on=5,77: there is no task 77"):
        parse_value(board, "depends_on", "5,77")


def test_flag_is_signed_by_the_actor_at_the_moment(board):
    """A flag carries its reason, who set it and when; an overlong reason is refused."""
    attribute, flag = parse_value(board, "flag", " Customer silent ", actor_id=1, now=NOW)
    assert (attribute, flag) == ("flag", RiskFlag("Customer silent", 1, NOW))
    with pytest.raises(FieldInputError, match="^flag=x+: the at-risk reason is too long"):
        parse_value(board, "flag", "x" * 300, actor_id=1, now=NOW)


def test_unknown_field_lists_the_fields(board):
    """A field that does not exist names itself and lists the ones that do."""
    with pytest.raises(FieldInputError, match="^colour: unknown field .*owner.*due"):
        parse_assignments(board, ["colour=red"])


def test_stored_names_work_as_aliases(board):
    """owner_id and estimate_hours are accepted as spellings of owner and estimate."""
    changes = parse_assignments(board, ["owner_id=Ryo Ito", "Estimate_Hours=3"])
    assert changes == {"owner_id": 2, "estimate_hours": 3.0}


def test_a_field_given_twice_is_an_error(board):
    """Two values for one field are refused rather than one silently winning."""
    with pytest.raises(FieldInputError, match="given twice"):
        parse_assignments(board, ["due=2026-12-01", "due=2026-12-02"])


def test_split_keeps_equals_signs_in_the_value():
    """Only the first '=' separates; text without one is refused."""
    assert split_assignment("title=A=B") == ("title", "A=B")
    assert split_assignment("owner=") == ("owner", "")
    with pytest.raises(FieldInputError, match="not field=value"):
        split_assignment("due")


def test_title_length_is_checked_before_writing(board):
    """The store's own limits apply here, so the message can name the field."""
    with pytest.raises(FieldInputError, match=r"^title=x+: Title is too long"):
        parse_value(board, "title", "x" * 201)
