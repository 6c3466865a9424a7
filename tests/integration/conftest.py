"""Fixtures for tests that need the PostgreSQL server: a scratch database per test.

Without a server the tests skip, except in CI (``CI`` set), where a missing server fails them:
CI must never pass by skipping the PostgreSQL tests."""

from __future__ import annotations

import os

import pytest

# Checks shared by several tests live beside the worker; let pytest explain their asserts.
pytest.register_assert_rewrite("editor_process")

import pg  # noqa: E402


@pytest.fixture(scope="session")
def pg_server():
    """The server answers, or the test skips (fails in CI) saying why."""
    problem = pg.server_problem()
    if problem is not None:
        message = f"PostgreSQL tests need the server at {pg.HOST}:{pg.PORT}: {problem}"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI is set: these tests must run, not skip)", pytrace=False)
        pytest.skip(message)


@pytest.fixture
def pg_database(pg_server):
    """A fresh, empty database of this test's own; its name."""
    name = pg.create_database()
    try:
        yield name
    finally:
        pg.ensure_running()
        pg.drop_database(name)


@pytest.fixture
def pg_url(pg_database):
    """The fresh database as a board URL (``postgresql+psycopg://…``)."""
    return pg.url_for(pg_database)
