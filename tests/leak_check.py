"""Nothing left open: an unclosed file, socket or database connection fails the run.

pyproject's ``filterwarnings = ["error"]`` turns a ResourceWarning into an error, and pytest
reports one raised in a finalizer (``__del__``) as a PytestUnraisableExceptionWarning, which
the same filter fails. A leak in a reference cycle is only found when the collector runs,
though, and at the very end that would be after the summary line. The fixture below collects
before the last test's teardown ends, so such a leak is an error in the summary.

Python 3.13 is the first to report an sqlite3 connection that was never closed.
To see where a leaked object was made: PYTHONTRACEMALLOC=25 python -m pytest … (slow)."""

from __future__ import annotations

import gc

import pytest


@pytest.fixture(scope="session", autouse=True)
def nothing_left_open():
    yield
    gc.collect()
