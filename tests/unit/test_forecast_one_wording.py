"""The report's health table and the standup say a forecast in the same words: the report
sets the standup line's two halves (render/forecast_words) on lines of their own."""

from __future__ import annotations

from datetime import date

from renkei.domain.forecast import Basis, Forecast
from renkei.export.report_summary import forecast_lines
from renkei.render.forecast_words import forecast_line

TODAY = date(2026, 12, 7)


def late_marketing() -> Forecast:
    return Forecast("team", 1, "Marketing", 2, date(2026, 12, 9), date(2026, 12, 10),
                    date(2026, 12, 4), "tasks", 0.0, Basis(30, 6), "own")  # fmt: skip


def test_the_standup_line_and_the_report_lines_are_the_same_words(qapp):
    assert forecast_line(late_marketing(), TODAY).text == (
        "Marketing: likely done Wed 9 Dec, by Thu 10 Dec at the latest (P85)"
        " — Late: due Fri 4 Dec, 0% chance on time"
    )
    assert forecast_lines(late_marketing(), TODAY) == (
        (
            "likely done Wed 9 Dec, by Thu 10 Dec at the latest (P85)",
            "Late: due Fri 4 Dec, 0% chance on time",
        ),
        True,
    )


def test_without_a_deadline_both_say_only_when(qapp):
    open_ended = Forecast("team", 2, "Sales", 0, None, None, None, "tasks", None,
                          Basis(12, 6), "own")  # fmt: skip
    assert forecast_line(open_ended, TODAY, with_name=False).text == "nothing open"
    assert forecast_lines(open_ended, TODAY) == (("nothing open",), False)
    assert forecast_lines(None, TODAY) == (("—",), False)
