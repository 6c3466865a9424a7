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
# The teams as the data file names them (and its people, tasks and handoffs refer to them) →
# their names on a Japanese board: a Japanese team reads its own name in katakana.
TEAM_NAMES = {
    "ja": {
        "Marketing": "マーケティング",
        "Inside Sales": "インサイドセールス",
        "Field Sales": "フィールドセールス",
        "Customer Success": "カスタマーサクセス",
    }
}
# The handoff templates' team words (a team name they fit: "Sales" fits "Inside Sales"),
# renamed with the teams so that handing off still picks the template.
TEMPLATE_TEAM_WORDS = {
    "ja": {
        "Marketing": "マーケティング",
        "Sales": "セールス",
        "Customer Success": "カスタマーサクセス",
    }
}
# A contact's extension as each language writes it ("ext. 2108" / "内線 2108").
EXTENSION_WORDS = {"ja": ("ext. ", "内線 ")}
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
    data = _named_for(in_language(tomllib.loads(story_text()), lang), lang)
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


def team_name(name: str, lang: str) -> str:
    """A team of the data file as the board in ``lang`` names it."""
    return TEAM_NAMES.get(lang, {}).get(name, name)


def _named_for(data: dict[str, Any], lang: str) -> dict[str, Any]:
    """The story with its teams named in ``lang`` wherever a team is named (the team list and
    every ``team`` of a person, task or finished task), and contacts' extensions in words
    of ``lang``."""
    if lang not in TEAM_NAMES:
        return data
    data = dict(data)
    data["teams"] = [team_name(t, lang) for t in data["teams"]]
    old, new = EXTENSION_WORDS.get(lang, ("", ""))
    for kind in ("people", "tasks", "finished"):
        rows = []
        for row in data.get(kind, []):
            row = dict(row)
            if "team" in row:
                row["team"] = team_name(row["team"], lang)
            if old and isinstance(row.get("contact"), str):
                row["contact"] = row["contact"].replace(old, new)
            rows.append(row)
        data[kind] = rows
    return data


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
