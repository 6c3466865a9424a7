"""What each field accepts, how values are normalised, and how they enter the audit trail."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from renkei.domain.commands import ValidationError
from renkei.domain.fields import (
    MAX_TAG,
    MAX_TAGS,
    MAX_TITLE,
    check_task_row,
    check_value,
    encode,
)
from renkei.domain.model import Priority, RiskFlag, Task

# -- text ----------------------------------------------------------------------------------


def test_title_is_stripped():
    """Leading and trailing spaces are not part of a title."""
    assert check_value("task", "title", "  Call Minato Pharma \n") == "Call Minato Pharma"


@pytest.mark.parametrize("blank", ["", "   ", None])
def test_title_is_required(blank):
    """A task needs a title: empty, blank and missing are refused."""
    with pytest.raises(ValidationError, match="Title is required"):
        check_value("task", "title", blank)


def test_title_length_limit():
    """Titles up to MAX_TITLE characters pass; one more is refused with the numbers."""
    assert check_value("task", "title", "あ" * MAX_TITLE) == "あ" * MAX_TITLE
    with pytest.raises(ValidationError, match=r"too long \(201 characters, at most 200\)"):
        check_value("task", "title", "x" * (MAX_TITLE + 1))


def test_title_must_be_text():
    """A number is not a title."""
    with pytest.raises(ValidationError, match="must be text"):
        check_value("task", "title", 42)


def test_text_refuses_nul():
    """NUL characters never reach the database."""
    with pytest.raises(ValidationError, match="NUL"):
        check_value("task", "title", "a\x00b")


def test_optional_text_blank_becomes_empty():
    """A blank optional text is stored as the empty string."""
    assert check_value("task", "description", "   ") == ""
    assert check_value("task", "description", None) == ""
    assert check_value("person", "role", None) == ""


def test_description_keeps_its_layout():
    """Long text keeps its indentation and trailing newline (it is not a one-line name)."""
    text = "  - first\n  - second\n"
    assert check_value("task", "description", text) == text


# -- numbers -------------------------------------------------------------------------------


@pytest.mark.parametrize(("given", "stored"), [(0, 0), (100, 100), (55, 55), (40.0, 40)])
def test_progress_within_bounds(given, stored):
    """Progress is a whole number from 0 to 100."""
    value = check_value("task", "progress", given)
    assert value == stored
    assert type(value) is int


@pytest.mark.parametrize("bad", [-1, 101, 1000])
def test_progress_out_of_bounds(bad):
    """Progress below 0 or above 100 is refused, naming the bounds."""
    with pytest.raises(ValidationError, match="between 0 and 100"):
        check_value("task", "progress", bad)


@pytest.mark.parametrize(
    ("bad", "message"), [(50.5, "whole number"), ("50", "number"), (True, "number")]
)
def test_progress_must_be_a_whole_number(bad, message):
    """Fractions, text and booleans are not progress."""
    with pytest.raises(ValidationError, match=message):
        check_value("task", "progress", bad)


def test_estimate_is_a_float():
    """An estimate given as a whole number is stored as a float."""
    value = check_value("task", "estimate_hours", 3)
    assert value == 3.0
    assert type(value) is float
    with pytest.raises(ValidationError):
        check_value("task", "estimate_hours", -0.5)


@pytest.mark.parametrize("name", ["progress", "estimate_hours"])
@pytest.mark.parametrize("bad", [float("nan"), float("inf")], ids=["nan", "inf"])
def test_numbers_refuse_nan_and_infinity(name, bad):
    """NaN and infinity (e.g. parsed from 'nan' in a CSV) are refused as ValidationError."""
    with pytest.raises(ValidationError):
        check_value("task", name, bad)


def test_wip_limit_at_least_one():
    """A WIP limit of zero would flag every card; it is refused."""
    assert check_value("status", "wip_limit", 1) == 1
    assert check_value("status", "wip_limit", None) is None
    with pytest.raises(ValidationError):
        check_value("status", "wip_limit", 0)


# -- booleans, references, dates ---------------------------------------------------------


@pytest.mark.parametrize("value", [True, False])
def test_bool_accepts_booleans(value):
    """True and False are booleans."""
    assert check_value("task", "archived", value) is value


@pytest.mark.parametrize("bad", [1, 0, "yes", "true"])
def test_bool_refuses_lookalikes(bad):
    """1, 0 and words are not booleans."""
    with pytest.raises(ValidationError, match="true or false"):
        check_value("task", "archived", bad)


def test_reference_is_an_int_id():
    """A reference is an integer id; booleans and text are refused."""
    assert check_value("task", "owner_id", 3) == 3
    assert check_value("task", "owner_id", None) is None
    for bad in (True, "3", 3.0):
        with pytest.raises(ValidationError, match="must be an id"):
            check_value("task", "owner_id", bad)


def test_status_is_required():
    """Every task sits in a column."""
    with pytest.raises(ValidationError, match="Status is required"):
        check_value("task", "status_id", None)


def test_date_fields_take_dates_only():
    """A date is a date: not a datetime, not a string."""
    assert check_value("task", "due", date(2026, 12, 1)) == date(2026, 12, 1)
    for bad in (datetime(2026, 12, 1, 9), "2026-12-01"):
        with pytest.raises(ValidationError, match="must be a date"):
            check_value("task", "due", bad)


# -- priority ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "priority"),
    [
        ("high", Priority.HIGH),
        (" Urgent ", Priority.URGENT),
        ("LOW", Priority.LOW),
        (2, Priority.HIGH),
        (Priority.NORMAL, Priority.NORMAL),
    ],
)
def test_priority_by_name_or_number(given, priority):
    """Priority accepts its name in any case, its number, or the enum itself."""
    assert check_value("task", "priority", given) is priority


@pytest.mark.parametrize("bad", ["bogus", 9])
def test_unknown_priority_is_a_validation_error(bad):
    """An unknown priority is a ValidationError (a CommandError the UI and CLI report)."""
    with pytest.raises(ValidationError, match="priority"):
        check_value("task", "priority", bad)


# -- tags and ids --------------------------------------------------------------------------


def test_tags_from_text_are_split_stripped_and_deduplicated():
    """'a, b, a,,' becomes ('a', 'b'): comma-separated, blanks and repeats dropped."""
    assert check_value("task", "tags", "webinar, CRM , webinar,, ") == ("webinar", "CRM")


def test_tags_from_a_list_keep_order_and_japanese():
    """A list keeps its order and its Japanese words."""
    tags = check_value("task", "tags", ["展示会", "CRM", "展示会", "同意"])
    assert tags == ("展示会", "CRM", "同意")


def test_tag_length_limit():
    """A tag may be MAX_TAG characters long, not more."""
    assert check_value("task", "tags", ["x" * MAX_TAG]) == ("x" * MAX_TAG,)
    with pytest.raises(ValidationError, match="too long"):
        check_value("task", "tags", ["x" * (MAX_TAG + 1)])


def test_tag_count_limit():
    """At most MAX_TAGS distinct tags; repeats do not count."""
    many = [f"t{i}" for i in range(MAX_TAGS)]
    assert len(check_value("task", "tags", many + many)) == MAX_TAGS
    with pytest.raises(ValidationError, match="too many tags"):
        check_value("task", "tags", many + ["one more"])


def test_ids_deduplicated():
    """Dependencies list each predecessor once, in one canonical (ascending) order."""
    assert check_value("task", "depends_on", [4, 3, 4]) == (3, 4)
    with pytest.raises(ValidationError, match="task ids"):
        check_value("task", "depends_on", [1, "2"])


# -- flag ----------------------------------------------------------------------------------


def test_flag_needs_a_reason():
    """A flag without a reason, or not a flag at all, is refused."""
    at = datetime(2026, 11, 28, 9)
    flag = RiskFlag("Client silent", 3, at)
    assert check_value("task", "flag", flag) == flag
    assert check_value("task", "flag", None) is None
    with pytest.raises(ValidationError, match="needs a reason"):
        check_value("task", "flag", RiskFlag("  ", 3, at))
    with pytest.raises(ValidationError, match="too long"):
        check_value("task", "flag", RiskFlag("x" * (MAX_TITLE + 1), 3, at))
    with pytest.raises(ValidationError, match="risk flag"):
        check_value("task", "flag", "Client silent")


# -- unknown names -------------------------------------------------------------------------


def test_unknown_field_and_entity():
    """A field the entity does not have, or an unknown entity, is refused."""
    with pytest.raises(ValidationError, match="no field 'colour'"):
        check_value("task", "colour", "red")
    with pytest.raises(ValidationError, match="no field"):
        check_value("board", "name", "x")
    with pytest.raises(ValidationError):
        check_value("task", "version", 3)


@pytest.mark.parametrize(
    ("entity", "name"),
    [
        ("task", "progress"),
        ("task", "priority"),
        ("task", "archived"),
        ("task", "position"),
        ("team", "position"),
        ("status", "position"),
        ("status", "is_done"),
    ],
)
def test_none_for_a_field_that_cannot_be_empty_is_refused(entity, name):
    """None for a field the database stores NOT NULL is a ValidationError, not a crash later."""
    with pytest.raises(ValidationError):
        check_value(entity, name, None)


# -- rules across fields -------------------------------------------------------------------


def test_due_before_start_is_refused():
    """A task cannot be due before it starts; the same day is fine."""
    same_day = Task(1, "t", 1, start=date(2026, 12, 1), due=date(2026, 12, 1))
    check_task_row(same_day)
    backwards = Task(1, "t", 1, start=date(2026, 12, 2), due=date(2026, 12, 1))
    with pytest.raises(ValidationError, match="due date is before the start date"):
        check_task_row(backwards)


def test_only_one_date_is_fine():
    """Start without due, or due without start, has nothing to compare."""
    check_task_row(Task(1, "t", 1, start=date(2026, 12, 2)))
    check_task_row(Task(1, "t", 1, due=date(2026, 12, 1)))


def test_self_dependency_is_refused():
    """A task cannot wait for itself."""
    with pytest.raises(ValidationError, match="depend on itself"):
        check_task_row(Task(7, "t", 1, depends_on=(3, 7)))


# -- audit encoding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, None),
        (True, "true"),
        (False, "false"),
        (Priority.HIGH, "high"),
        (date(2026, 12, 1), "2026-12-01"),
        (datetime(2026, 12, 1, 9, 5), "2026-12-01T09:05:00"),
        (("展示会", "CRM"), '["展示会", "CRM"]'),
        ([3, 4], "[3, 4]"),
        ((), "[]"),
        (3.0, "3"),
        (2.5, "2.5"),
        (40, "40"),
        ("顧客 A", "顧客 A"),
    ],
)
def test_encode(value, text):
    """Each kind of value is written into Activity as readable text."""
    assert encode(value) == text


def test_encode_flag_as_json_with_japanese():
    """A flag becomes JSON holding reason, author and time; Japanese stays readable."""
    text = encode(RiskFlag("同意記録がない", 4, datetime(2026, 11, 26, 7, 20)))
    assert "同意記録がない" in text
    assert json.loads(text) == {
        "reason": "同意記録がない",
        "set_by": 4,
        "set_at": "2026-11-26T07:20:00",
    }


@pytest.mark.parametrize("name", ["tags", "depends_on"])
def test_none_for_a_list_field_means_empty(name):
    """No tags / no dependencies given as None become the empty list, not NULL."""
    assert check_value("task", name, None) == ()
