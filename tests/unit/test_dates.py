"""Dates in a team lead's words, and the one date format the app accepts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from renkei.domain.dates import due_words, parse_date

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(
    ("offset", "words"),
    [
        (-5, "5 days late"),
        (-1, "1 day late"),
        (0, "due today"),
        (1, "due tomorrow"),
        (5, "due in 5 days"),
        (14, "due in 14 days"),
        (15, "due 2026-12-13"),
        (30, "due 2026-12-28"),
    ],
)
def test_due_words(offset, words):
    """Relative words within two weeks, the date itself beyond."""
    assert due_words(TODAY + timedelta(days=offset), TODAY) == words


def test_due_words_without_due_date_is_empty():
    """A task with no due date shows no words."""
    assert due_words(None, TODAY) == ""


def test_due_words_formats_far_dates_with_fmt():
    """The caller's formatter writes far-away dates (e.g. the locale's short date)."""
    words = due_words(date(2026, 12, 28), TODAY, fmt=lambda d: d.strftime("%d %b"))
    assert words == "due 28 Dec"


def test_due_words_translates_then_fills_numbers():
    """Templates go through translate with the Dates context before numbers are filled in."""
    catalogue = {
        "%1 days late": "%1日遅れ",
        "due tomorrow": "明日期限",
        "due %1": "%1期限",
    }
    seen = []

    def translate(context, text):
        seen.append(context)
        return catalogue.get(text, text)

    assert due_words(TODAY - timedelta(days=5), TODAY, translate) == "5日遅れ"
    assert due_words(TODAY + timedelta(days=1), TODAY, translate) == "明日期限"
    assert due_words(TODAY + timedelta(days=30), TODAY, translate) == "2026-12-28期限"
    assert set(seen) == {"Dates"}


@pytest.mark.parametrize("text", ["2026-11-28", " 2026-11-28\n"])
def test_parse_date_accepts_iso(text):
    """ISO dates parse, surrounding whitespace ignored."""
    assert parse_date(text) == date(2026, 11, 28)


@pytest.mark.parametrize("text", ["28/11/2026", "11/28/2026", "2026-02-30", "tomorrow", ""])
def test_parse_date_rejects_other_formats(text):
    """Day-first, month-first and impossible dates are refused with a hint at the format."""
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date(text)
