"""Local settings: who I am on each board, recent boards, window state.

They live in the user's config folder, never inside a shared board. Written atomically
(temp file + rename) so a crash never leaves half a file."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from renkei.app import paths

MAX_RECENT = 10


@dataclass
class LocalSettings:
    identities: dict[str, str] = field(default_factory=dict)  # board location → person name
    recent: list[str] = field(default_factory=list)
    window: dict[str, Any] = field(default_factory=dict)
    language: str = ""
    standup_order: dict[str, list[int]] = field(default_factory=dict)  # board → team ids

    @classmethod
    def load(cls, path: Path | None = None) -> LocalSettings:
        path = path or paths.settings_path()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()  # missing or unreadable settings: start fresh, never fail to start
        if not isinstance(raw, dict):
            return cls()
        return cls(
            identities={str(k): str(v) for k, v in dict(raw.get("identities", {})).items()},
            recent=[str(p) for p in raw.get("recent", [])][:MAX_RECENT],
            window=dict(raw.get("window", {})),
            language=str(raw.get("language", "")),
            standup_order={
                str(k): [int(i) for i in v if isinstance(i, int)]
                for k, v in dict(raw.get("standup_order", {})).items()
                if isinstance(v, list)
            },
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
        }
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".settings-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, indent=2)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def remember_board(self, location: str) -> None:
        if location in self.recent:
            self.recent.remove(location)
        self.recent.insert(0, location)
        del self.recent[MAX_RECENT:]

    def identity(self, location: str) -> str | None:
        return self.identities.get(location)

    def set_identity(self, location: str, name: str) -> None:
        self.identities[location] = name
