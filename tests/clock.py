"""The tests' calendar: one day for the whole run, read once when the run starts.

The demo boards are built for TODAY with their story's "now" at NOW, and every board session
a test makes judges dates against TODAY unless the test gives it a clock of its own
(tests/conftest.py ``fixed_clock``): a run that crosses midnight sees the same board, due
dates and risks as any other run.

Why not a date written down once and for all: the store stamps every write with the real
clock, and `renkei` processes started by tests, the task editor and the standup read it too.
A demo built for a day long gone would look weeks old to them (a handoff accepted in a test
would land after the session's "now" and vanish from its chain). So the day is fixed for
the run, and times stay real."""

from datetime import date

from renkei.store.board_store import utcnow

TODAY = date.today()
NOW = utcnow()  # naive UTC, as the store keeps times


def today() -> date:
    return TODAY
