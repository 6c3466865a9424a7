"""Local settings and Preferences: a round trip, and a damaged file never stops the app."""

from __future__ import annotations

import json

import pytest

from renkei.app import paths
from renkei.app.settings import LocalSettings
from renkei.domain.risk import RiskThresholds

CHOSEN = {
    "language": "ja",
    "theme": "high_contrast",
    "default_board": "/srv/share/営業チーム.renkei",
    "standup_minutes": 3,
    "standup_auto_advance": True,
    "standup_auto_advance_seconds": 15,
    "standup_theme": "light",
    "stale_days": 10,
    "due_soon_days": 5,
}


def test_defaults_match_the_rules_current_values():
    """A fresh start: follow the system, the built-in board, 2 min per team, 7 and 3 days."""
    fresh = LocalSettings.load()
    assert fresh.language == "" and fresh.theme == "system" and fresh.default_board == ""
    assert (fresh.standup_minutes, fresh.standup_auto_advance) == (2, False)
    assert (fresh.standup_auto_advance_seconds, fresh.standup_theme) == (0, "dark")
    assert fresh.risk_thresholds() == RiskThresholds(stale_days=7, due_soon_days=3)


def test_preferences_round_trip_through_the_file():
    """Every preference saved comes back as it was, beside the older keys."""
    settings = LocalSettings(identities={"/b.renkei": "Haruka Aoki"}, recent=["/b.renkei"])
    for key, value in CHOSEN.items():
        setattr(settings, key, value)
    settings.save()
    raw = json.loads(paths.settings_path().read_text(encoding="utf-8"))
    assert {k: raw[k] for k in CHOSEN} == CHOSEN
    again = LocalSettings.load()
    assert {k: getattr(again, k) for k in CHOSEN} == CHOSEN
    assert again.identity("/b.renkei") == "Haruka Aoki"
    assert again.risk_thresholds() == RiskThresholds(10, 5)


@pytest.mark.parametrize(
    ("key", "bad"),
    [
        ("language", "fr"),
        ("language", 3),
        ("theme", "purple"),
        ("theme", None),
        ("default_board", ["a"]),
        ("standup_minutes", 0),
        ("standup_minutes", "5"),
        ("standup_minutes", True),
        ("standup_minutes", 2.5),
        ("standup_auto_advance", "yes"),
        ("standup_auto_advance_seconds", -1),
        ("standup_auto_advance_seconds", 10_000),
        ("standup_theme", "high_contrast"),
        ("stale_days", 0),
        ("stale_days", 1000),
        ("stale_days", "7"),
        ("due_soon_days", -2),
        ("due_soon_days", None),
    ],
)
def test_a_bad_value_falls_back_to_its_default_alone(key, bad):
    """One mistyped or out-of-range value returns to its default; the others are kept."""
    data = dict(CHOSEN, **{key: bad})
    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text(json.dumps(data), encoding="utf-8")
    loaded = LocalSettings.load()
    assert getattr(loaded, key) == getattr(LocalSettings(), key)
    for other, value in CHOSEN.items():
        if other != key:
            assert getattr(loaded, other) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{not json",
        "[1, 2, 3]",
        '"a string"',
        '{"identities": [1, 2], "recent": 5, "window": [], "standup_order": {"a": 3}}',
        '{"identities": {"x": "y"}, "standup_order": [["a", 1]]}',
    ],
)
def test_a_damaged_file_starts_fresh(text):
    """Garbage, the wrong shape or wrong types: defaults, never an exception."""
    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text(text, encoding="utf-8")
    loaded = LocalSettings.load()
    assert loaded.theme == "system" and loaded.stale_days == 7


def test_save_is_atomic_and_leaves_no_temporary_file(monkeypatch):
    """A failed write leaves the previous file whole and no temporary file behind."""
    first = LocalSettings(theme="dark")
    first.save()
    before = paths.settings_path().read_bytes()

    def explode(*_args, **_kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("renkei.app.settings.json.dump", explode)
    with pytest.raises(OSError):
        LocalSettings(theme="light").save()
    assert paths.settings_path().read_bytes() == before
    assert [p.name for p in paths.settings_path().parent.iterdir()] == ["settings.json"]
