"""Large import files written by the tests: a Trello board export and a CSV of many rows.

Every card and row carries a title that starts with a marker, so a check can count how many
of the import's tasks reached the board (all or none, never some)."""

from __future__ import annotations

import csv
import json
import random
from datetime import date, timedelta
from pathlib import Path

TRELLO_MARKER = "fault trello card"
CSV_MARKER = "fault csv row"

_LISTS = ("To Do", "Doing", "Done")
_MEMBERS = ("Mei Hoshino", "Tom Baker", "Rina Kato", "Sam Ortiz", "Jun Ueda")
_LABELS = ("webinar", "lead", "renewal", "urgent")


def _hex_id(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(24))


def write_trello(path: Path, cards: int, seed: int = 7) -> int:
    """A Trello JSON export with ``cards`` cards, each with one creation action; how many
    cards it holds (each title starts with TRELLO_MARKER)."""
    rng = random.Random(seed)
    board_id = _hex_id(rng)
    lists = [
        {"id": _hex_id(rng), "name": name, "closed": False, "pos": 1024 * (i + 1)}
        for i, name in enumerate(_LISTS)
    ]
    members = [
        {"id": _hex_id(rng), "fullName": name, "username": name.split()[0].lower()}
        for name in _MEMBERS
    ]
    labels = [{"id": _hex_id(rng), "name": name, "color": "green"} for name in _LABELS]
    start = date(2026, 1, 5)
    out_cards, actions = [], []
    for i in range(cards):
        card_id = _hex_id(rng)
        member = rng.choice(members)
        lst = rng.choice(lists)
        name = f"{TRELLO_MARKER} {i + 1}"
        out_cards.append(
            {
                "id": card_id,
                "name": name,
                "desc": f"Card {i + 1} of a large export, written to be killed mid-import.",
                "idList": lst["id"],
                "idMembers": [member["id"]],
                "idLabels": [rng.choice(labels)["id"]],
                "closed": False,
                "pos": 1024 * (i + 1),
                "due": (start + timedelta(days=i % 300)).isoformat() + "T09:00:00.000Z",
            }
        )
        actions.append(
            {
                "id": _hex_id(rng),
                "idMemberCreator": member["id"],
                "type": "createCard",
                "date": (start + timedelta(minutes=i)).isoformat() + "T08:00:00.000Z",
                "data": {
                    "card": {"id": card_id, "name": name},
                    "list": {"id": lst["id"], "name": lst["name"]},
                    "board": {"id": board_id, "name": "Fault board"},
                },
            }
        )
    export = {
        "id": board_id,
        "name": "Fault board",
        "lists": lists,
        "cards": out_cards,
        "members": members,
        "labels": labels,
        "checklists": [],
        "actions": actions,
    }
    path.write_text(json.dumps(export), encoding="utf-8")
    return cards


def write_csv(path: Path, rows: int, seed: int = 7) -> int:
    """A spreadsheet-style CSV with ``rows`` tasks for the demo's teams and people; how many
    rows it holds (each title starts with CSV_MARKER)."""
    rng = random.Random(seed)
    teams = ("Marketing", "Inside Sales", "Field Sales", "Customer Success")
    people = ("Haruka Aoki", "Yuki Tanaka", "Ryo Ito", "Aya Yamamoto")
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ID", "Title", "Status", "Owner", "Team", "Due", "Priority", "Tags"])
        for i in range(rows):
            k = rng.randrange(4)
            due = date(2026, 2, 1) + timedelta(days=i % 200)
            writer.writerow(
                [
                    f"F-{i + 1}",
                    f"{CSV_MARKER} {i + 1}",
                    rng.choice(_LISTS),
                    people[k],
                    teams[k],
                    due.isoformat(),
                    rng.choice(("low", "normal", "high")),
                    rng.choice(_LABELS),
                ]
            )
    return rows
