"""Every test gets temporary platform folders: no test touches a real user's board."""

from __future__ import annotations

from datetime import date

import pytest

from renkei.app.session import BoardSession
from renkei.demo.build import build_demo
from renkei.store.board_store import BoardStore


@pytest.fixture(autouse=True)
def private_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("RENKEI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RENKEI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LANGUAGE", raising=False)
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)


@pytest.fixture
def board_path(tmp_path):
    return tmp_path / "team.renkei"


@pytest.fixture
def store(board_path):
    store = BoardStore.open(board_path)
    yield store
    store.dispose()


@pytest.fixture
def demo_store(board_path):
    store = BoardStore.open(board_path)
    build_demo(store, "en", today=date.today())
    yield store
    store.dispose()


@pytest.fixture
def demo_session(demo_store):
    board = demo_store.load()
    actor = board.find_person("Haruka Aoki")
    return BoardSession(demo_store, actor.id)
