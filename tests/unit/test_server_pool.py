"""A server board's one connection, taken in turn: never a second connection, a waiting thread
served when the first gives it back, a nested use refused at once, and the listener's look
(``idle``) that neither waits nor connects. (An SQLite connection stands in for the server's.)"""

from __future__ import annotations

import sqlite3
import threading
import time

import psycopg
import pytest

from renkei.store.server_pool import ConnectionInUse, OneConnectionPool


class Made:
    """A creator that counts the connections it made."""

    def __init__(self):
        self.connections: list[sqlite3.Connection] = []

    def __call__(self) -> sqlite3.Connection:
        self.connections.append(sqlite3.connect(":memory:", check_same_thread=False))
        return self.connections[-1]


def test_every_use_gets_the_one_connection():
    made = Made()
    pool = OneConnectionPool(made)
    for _ in range(3):
        conn = pool.connect()
        conn.cursor().execute("SELECT 1")
        conn.close()
    assert len(made.connections) == 1
    pool.dispose()


def test_a_second_thread_waits_for_its_turn():
    """The worker asks while the UI thread holds the connection: it gets it once given back,
    and no second connection is made."""
    made = Made()
    pool = OneConnectionPool(made)
    held = pool.connect()
    got: list[float] = []

    def worker() -> None:
        conn = pool.connect()
        got.append(time.monotonic())
        conn.close()

    thread = threading.Thread(target=worker)
    thread.start()
    time.sleep(0.2)
    assert got == [], "the worker got the connection while it was held"
    given_back = time.monotonic()
    held.close()
    thread.join(timeout=5)
    assert got and got[0] >= given_back
    assert len(made.connections) == 1
    pool.dispose()


def test_a_thread_asking_twice_is_refused_at_once():
    """A nested use would wait for itself for a minute: it is refused as the bug it is."""
    pool = OneConnectionPool(Made())
    held = pool.connect()
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="already holds"):
        pool.connect()
    assert time.monotonic() - started < 1
    held.close()
    pool.connect().close()  # the refusal did not keep the turn
    pool.dispose()


def test_waiting_too_long_fails_as_a_server_error():
    """Past the timeout the waiting thread fails with a driver error, which the store words as
    it words a server that does not answer."""
    pool = OneConnectionPool(Made(), timeout=0.2)
    held = pool.connect()
    failed: list[Exception] = []

    def worker() -> None:
        try:
            pool.connect().close()
        except Exception as error:  # handed to the test thread
            failed.append(error)

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(timeout=5)
    held.close()
    assert len(failed) == 1 and isinstance(failed[0], psycopg.OperationalError)
    assert "stayed busy" in str(failed[0])
    pool.dispose()


def test_idle_neither_waits_nor_connects():
    made = Made()
    pool = OneConnectionPool(made)
    with pool.idle() as entry:
        assert entry is None  # nothing made yet: the listener's look does not connect
    assert made.connections == []

    held = pool.connect()
    looked: list[object] = []

    def look() -> None:
        try:
            with pool.idle():
                looked.append("lent")
        except ConnectionInUse:
            looked.append("in use")

    thread = threading.Thread(target=look)
    thread.start()
    thread.join(timeout=5)
    assert looked == ["in use"]
    held.close()

    with pool.idle() as entry:
        assert entry is not None and entry.dbapi_connection is made.connections[0]
        with pytest.raises(RuntimeError, match="already holds"):
            pool.connect()  # the look holds the turn while it lasts
    pool.connect().close()
    assert len(made.connections) == 1
    pool.dispose()


def test_dispose_while_lent_closes_the_connection_when_given_back():
    made = Made()
    pool = OneConnectionPool(made)
    held = pool.connect()
    pool.dispose()
    made.connections[0].execute("SELECT 1")  # still open for whoever holds it
    held.close()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        made.connections[0].execute("SELECT 1")


def test_a_connection_made_while_the_pool_is_disposed_is_closed_when_given_back():
    """A reconnect disposes the pool while a worker is still connecting (a silent server
    answers late): the connection it then makes belongs to a pool nobody uses again, so it is
    closed when the worker gives it back, not left open for the garbage collector."""
    connecting = threading.Event()
    finish = threading.Event()
    made = Made()

    def slow_creator() -> sqlite3.Connection:
        connecting.set()
        finish.wait(5)
        return made()

    pool = OneConnectionPool(slow_creator)
    done = threading.Event()

    def worker() -> None:
        conn = pool.connect()
        conn.close()
        done.set()

    thread = threading.Thread(target=worker)
    thread.start()
    assert connecting.wait(5)
    pool.dispose()  # while the worker's connection is still being made
    finish.set()
    thread.join(timeout=5)
    assert done.is_set()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        made.connections[0].execute("SELECT 1")


def test_a_connection_made_again_while_the_pool_is_disposed_is_closed_when_given_back():
    """The same for a connection lost earlier and made again by the worker's turn (a window
    closed while its reconnect reached the server): dispose() finds the turn taken and leaves
    the connection to its holder, who closes it; neither may leave it to the other."""
    connecting = threading.Event()
    finish = threading.Event()
    made = Made()

    def creator() -> sqlite3.Connection:
        if made.connections:  # the second connection, the reconnect's, is slow
            connecting.set()
            finish.wait(5)
        return made()

    pool = OneConnectionPool(creator)
    first = pool.connect()
    first.invalidate()  # lost: the next turn connects again in the same pool entry
    first.close()

    def worker() -> None:
        pool.connect().close()

    thread = threading.Thread(target=worker)
    thread.start()
    assert connecting.wait(5)
    pool.dispose()
    finish.set()
    thread.join(timeout=5)
    assert len(made.connections) == 2
    for connection in made.connections:
        with pytest.raises(sqlite3.ProgrammingError, match="closed"):
            connection.execute("SELECT 1")


def test_dispose_during_a_look_closes_the_connection_when_the_look_ends():
    made = Made()
    pool = OneConnectionPool(made)
    pool.connect().close()
    with pool.idle():
        pool.dispose()
        made.connections[0].execute("SELECT 1")  # the look may still read it
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        made.connections[0].execute("SELECT 1")
