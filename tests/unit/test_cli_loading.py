"""Modules load with the garbage collector paused, and it runs again afterwards as it was."""

from __future__ import annotations

import gc

import pytest

from renkei.cli import loading
from renkei.cli.loading import without_collections


@pytest.fixture
def collector(monkeypatch):
    monkeypatch.setattr(loading, "_freeze_what_loads", False)
    was = gc.isenabled()
    yield
    gc.unfreeze()
    if was:
        gc.enable()
    else:
        gc.disable()


def test_collection_pauses_inside_and_resumes_after(collector):
    """Inside the block nothing is collected; after it, collection is back on."""
    gc.enable()
    with without_collections():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_renkei_process_freezes_what_loaded(collector):
    """In the `renkei` process, what loaded is frozen out of later collections."""
    gc.enable()
    loading.this_process_is_renkei()
    with without_collections():
        loaded = [[n] for n in range(1000)]
    assert gc.get_freeze_count() >= len(loaded)


def test_a_process_that_only_calls_main_freezes_nothing(collector):
    """Tests calling main(argv) keep every object collectable (the leak check needs it)."""
    gc.enable()
    before = gc.get_freeze_count()
    with without_collections():
        [[n] for n in range(1000)]
    assert gc.get_freeze_count() == before


def test_a_collector_switched_off_stays_off(collector):
    """Whoever had switched collection off keeps it off."""
    gc.disable()
    with without_collections():
        pass
    assert not gc.isenabled()


def test_collection_resumes_when_loading_fails(collector):
    """An import that raises does not leave collection off."""
    gc.enable()
    with pytest.raises(ImportError), without_collections():
        raise ImportError("no such module")
    assert gc.isenabled()
