"""The demo story, read from its data file (resources/demo/story.toml) in one language.

The file holds English and Japanese side by side: a translated text is a table of exactly
the two languages (``title.en`` / ``title.ja``). Reading it in one language replaces each
such pair by its text, so the builder sees plain values (``task["title"]``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

LANGUAGES = ("en", "ja")
STORY_FILE = ("demo", "story.toml")  # under the renkei.resources package

Item = dict[str, Any]


@dataclass(frozen=True)
class Story:
    """The story's teams, people, projects, tasks and handoffs, in one language; people,
    projects and tasks are named by their ``key``."""

    teams: list[str]
    standup_lead: str  # the person who runs the cross-team standup
    standups_held_days_ago: list[float]
    people: list[Item]
    projects: list[Item]
    tasks: list[Item]
    handoffs: list[Item]
    # Finished, archived work of the past weeks: the teams' pace for the forecast.
    finished: list[Item] = field(default_factory=list)


def story_text() -> str:
    """The data file as it ships in the package."""
    folder, name = STORY_FILE
    return (resources.files("renkei.resources") / folder / name).read_text(encoding="utf-8")


def load_story(lang: str) -> Story:
    """The story in ``lang`` (en or ja). A text with a language missing is an error in the
    data file, not a blank on the board."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown demo language {lang!r} (use {' or '.join(LANGUAGES)})")
    data = in_language(tomllib.loads(story_text()), lang)
    clients = data.get("clients", {})
    handoffs = []
    for handoff in data["handoffs"]:
        # A packet starts from what is known of its client; its own items add or override.
        provided = {**clients.get(handoff.get("client"), {}), **handoff.get("provided", {})}
        handoffs.append({**handoff, "provided": provided})
    return Story(
        teams=data["teams"],
        standup_lead=data["standup"]["lead"],
        standups_held_days_ago=data["standup"]["held_days_ago"],
        people=data["people"],
        projects=data["projects"],
        tasks=data["tasks"],
        handoffs=handoffs,
        finished=data.get("finished", []),
    )


def in_language(value: Any, lang: str, where: str = "story") -> Any:
    """``value`` with every translation pair replaced by its ``lang`` text."""
    if isinstance(value, dict):
        languages = set(value) & set(LANGUAGES)
        if languages:
            if set(value) != set(LANGUAGES):
                raise ValueError(
                    f"{where}: a translated text needs exactly {' and '.join(LANGUAGES)}, "
                    f"not {', '.join(sorted(value))}"
                )
            return value[lang]
        return {key: in_language(item, lang, f"{where}.{key}") for key, item in value.items()}
    if isinstance(value, list):
        return [in_language(item, lang, f"{where}[{i}]") for i, item in enumerate(value)]
    return value
