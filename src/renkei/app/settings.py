"""Local settings: who I am on each board, recent boards, window state, and Preferences
(language, theme, default board, standup, risk thresholds).

They live in the user's config folder, never inside a shared board. Written atomically
(temp file + rename) so a crash never leaves half a file. Reading is tolerant: a missing,
mistyped or out-of-range value falls back to its default, one field at a time."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from renkei.app import paths
from renkei.domain.risk import DUE_SOON_DAYS, STALE_DAYS, RiskThresholds

MAX_RECENT = 10

LANGUAGES = ("", "en", "ja")  # "": follow the system
THEMES = ("system", "light", "dark", "high_contrast")
SLIDE_THEMES = ("dark", "light")

# (lowest, highest) a Preferences value may take; the dialog's spin boxes use the same.
STALE_DAYS_RANGE = (1, 90)
DUE_SOON_DAYS_RANGE = (0, 30)
STANDUP_MINUTES_RANGE = (1, 30)
AUTO_ADVANCE_SECONDS_RANGE = (0, 300)

STANDUP_MINUTES = 2
AUTO_ADVANCE_SECONDS = 0  # with auto-advance on: move on this long after the time is up


def _choice(raw: Mapping[str, object], key: str, choices: tuple[str, ...], default: str) -> str:
    value = raw.get(key, default)
    return value if isinstance(value, str) and value in choices else default


def _number(raw: Mapping[str, object], key: str, bounds: tuple[int, int], default: int) -> int:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        return default
    low, high = bounds
    return value if low <= value <= high else default


def _flag(raw: Mapping[str, object], key: str, default: bool) -> bool:
    value = raw.get(key, default)
    return value if isinstance(value, bool) else default


@dataclass
class LocalSettings:
    identities: dict[str, str] = field(default_factory=dict)  # board location → person name
    recent: list[str] = field(default_factory=list)
    window: dict[str, Any] = field(default_factory=dict)
    language: str = ""
    standup_order: dict[str, list[int]] = field(default_factory=dict)  # board → team ids
    # Boards whose "where this board lives" banner was answered with "Got it".
    location_notes_seen: list[str] = field(default_factory=list)
    quiet_location: bool = False  # True: the CLI does not say where a shared board lives
    # -- Preferences ------------------------------------------------------------------------
    theme: str = "system"  # one of THEMES
    default_board: str = ""  # path or URL opened without --board; "": the built-in board
    standup_minutes: int = STANDUP_MINUTES  # per team, for the slide's timer
    standup_auto_advance: bool = False
    standup_auto_advance_seconds: int = AUTO_ADVANCE_SECONDS
    standup_theme: str = "dark"  # one of SLIDE_THEMES
    stale_days: int = STALE_DAYS
    due_soon_days: int = DUE_SOON_DAYS

    @classmethod
    def load(cls, path: Path | None = None) -> LocalSettings:
        path = path or paths.settings_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()  # missing or unreadable settings: start fresh, never fail to start
        if not isinstance(raw, dict):
            return cls()
        defaults = cls()
        try:
            identities = {str(k): str(v) for k, v in dict(raw.get("identities", {})).items()}
        except (TypeError, ValueError):
            identities = {}
        recent = raw.get("recent", [])
        window = raw.get("window", {})
        try:
            order = {
                str(k): [int(i) for i in v if isinstance(i, int)]
                for k, v in dict(raw.get("standup_order", {})).items()
                if isinstance(v, list)
            }
        except (TypeError, ValueError):
            order = {}
        board = raw.get("default_board", "")
        seen = raw.get("location_notes_seen", [])
        return cls(
            identities=identities,
            recent=[str(p) for p in recent][:MAX_RECENT] if isinstance(recent, list) else [],
            window=window if isinstance(window, dict) else {},
            language=_choice(raw, "language", LANGUAGES, defaults.language),
            standup_order=order,
            location_notes_seen=[str(p) for p in seen] if isinstance(seen, list) else [],
            quiet_location=_flag(raw, "quiet_location", defaults.quiet_location),
            theme=_choice(raw, "theme", THEMES, defaults.theme),
            default_board=board.strip() if isinstance(board, str) else "",
            standup_minutes=_number(
                raw, "standup_minutes", STANDUP_MINUTES_RANGE, defaults.standup_minutes
            ),
            standup_auto_advance=_flag(raw, "standup_auto_advance", defaults.standup_auto_advance),
            standup_auto_advance_seconds=_number(
                raw,
                "standup_auto_advance_seconds",
                AUTO_ADVANCE_SECONDS_RANGE,
                defaults.standup_auto_advance_seconds,
            ),
            standup_theme=_choice(raw, "standup_theme", SLIDE_THEMES, defaults.standup_theme),
            stale_days=_number(raw, "stale_days", STALE_DAYS_RANGE, defaults.stale_days),
            due_soon_days=_number(
                raw, "due_soon_days", DUE_SOON_DAYS_RANGE, defaults.due_soon_days
            ),
        )

    def save(self, path: Path | None = None) -> None:
        path = path or paths.settings_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        data = {
            "identities": self.identities,
            "recent": self.recent,
            "window": self.window,
            "language": self.language,
            "standup_order": self.standup_order,
            "location_notes_seen": self.location_notes_seen,
            "quiet_location": self.quiet_location,
            **self.preferences(),
        }
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=2)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def preferences(self) -> dict[str, Any]:
        """The Preferences dialog's values, as saved."""
        return {
            "theme": self.theme,
            "default_board": self.default_board,
            "standup_minutes": self.standup_minutes,
            "standup_auto_advance": self.standup_auto_advance,
            "standup_auto_advance_seconds": self.standup_auto_advance_seconds,
            "standup_theme": self.standup_theme,
            "stale_days": self.stale_days,
            "due_soon_days": self.due_soon_days,
        }

    def risk_thresholds(self) -> RiskThresholds:
        return RiskThresholds(stale_days=self.stale_days, due_soon_days=self.due_soon_days)

    def remember_board(self, location: str) -> None:
        if location in self.recent:
            self.recent.remove(location)
        self.recent.insert(0, location)
        del self.recent[MAX_RECENT:]

    def location_note_seen(self, location: str) -> bool:
        return location in self.location_notes_seen

    def mark_location_note_seen(self, location: str) -> None:
        if location not in self.location_notes_seen:
            self.location_notes_seen.append(location)

    def identity(self, location: str) -> str | None:
        return self.identities.get(location)

    def set_identity(self, location: str, name: str) -> None:
        self.identities[location] = name
