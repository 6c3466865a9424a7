"""Modules load with the garbage collector paused, and it runs again afterwards as it was."""

from __future__ import annotations

import gc

import pytest

from renkei.cli.loading import without_collections


@pytest.fixture
def collector():
    was = gc.isenabled()
    yield
    gc.unfreeze()
    if was:
        gc.enable()
    else:
        gc.disable()


def test_collection_pauses_inside_and_resumes_after(collector):
    """Inside the block nothing is collected; after it, collection is back on and what
    loaded is frozen out of later collections."""
    gc.enable()
    with without_collections():
        assert not gc.isenabled()
        loaded = [[n] for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(loaded)


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
