"""Realistic import files made on the fly: a Trello board export of any size in Trello's own
format (lists, members, labels, checklists, cards and newest-first actions), and the broken
variants every import must refuse cleanly."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
TRELLO_SAMPLE = FIXTURES / "trello_trello2planka_sample-board-export.json"
TRELLO_DECK = FIXTURES / "trello_nextcloud-deck_data-trelloJson.json"
JIRA = FIXTURES / "jira_export.csv"
JIRA_BOM = FIXTURES / "jira_export_bom.csv"
JIRA_SJIS = FIXTURES / "jira_export_sjis.csv"
GENERIC = FIXTURES / "generic_tasks.csv"

LISTS = ("To Do", "Doing", "Review", "Done")
MEMBERS = (
    ("Haruka Aoki", "harukaaoki"),  # on the demo board: Marketing
    ("Daiki Sato", "daikisato"),  # on the demo board: Inside Sales
    ("Kenji Mori", "kenjimori"),
    ("中村 さくら", "sakuranakamura"),
)
START = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def _id(n: int, kind: int) -> str:
    """A Trello-like id: 8 hex digits of creation time, then a counter."""
    return f"{int(START.timestamp()) + n:08x}{kind:04x}{n:012x}"


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def trello_board(cards: int = 6, actions_per_card: int = 6, seed: int = 1) -> dict:
    """A board export: every card created, moved along the lists, its due date set and
    moved, commented on, and handed from one member to another now and then."""
    rng = random.Random(seed)
    lists = [
        {"id": _id(i, 1), "name": name, "closed": False, "pos": 1024 * (i + 1)}
        for i, name in enumerate(LISTS)
    ]
    members = [
        {"id": _id(i, 2), "fullName": full, "username": user}
        for i, (full, user) in enumerate(MEMBERS)
    ]
    labels = [
        {"id": _id(i, 3), "name": name, "color": color}
        for i, (name, color) in enumerate((("lead", "green"), ("urgent", "red"), ("", "blue")))
    ]
    out_cards, checklists, actions = [], [], []
    for n in range(cards):
        card_id = _id(n, 4)
        created = START + timedelta(hours=n)
        column = 0
        owners = [rng.randrange(len(members))]
        due = created + timedelta(days=10)
        events = []

        def act(
            kind: str,
            at: datetime,
            data: dict,
            who: int | None = None,
            owners: list = owners,
            events: list = events,
            card_id: str = card_id,
            n: int = n,
        ) -> None:
            member = members[who if who is not None else owners[0] if owners else 0]
            events.append(
                {
                    "id": _id(len(actions) + len(events), 5),
                    "idMemberCreator": member["id"],
                    "type": kind,
                    "date": _when(at),
                    "data": {"card": {"id": card_id, "name": f"Card {n + 1}"}, **data},
                    "memberCreator": {"id": member["id"], "fullName": member["fullName"]},
                }
            )

        list_ref = {"id": lists[0]["id"], "name": lists[0]["name"]}
        act("createCard", created, {"list": list_ref})
        at = created
        for step in range(actions_per_card - 1):
            at += timedelta(hours=rng.randint(1, 30))
            roll = step % 5
            if roll == 0 and column < len(LISTS) - 1:
                before, after = lists[column], lists[column + 1]
                act(
                    "updateCard",
                    at,
                    {
                        "listBefore": {"id": before["id"], "name": before["name"]},
                        "listAfter": {"id": after["id"], "name": after["name"]},
                        "old": {"idList": before["id"]},
                    },
                )
                column += 1
            elif roll == 1:
                new_due = due + timedelta(days=rng.randint(1, 5))
                act("updateCard", at, {"old": {"due": _when(due)}, "card_due": _when(new_due)})
                events[-1]["data"]["card"]["due"] = _when(new_due)
                del events[-1]["data"]["card_due"]
                due = new_due
            elif roll == 2 and owners:
                old = owners[0]
                new = (old + 1) % len(members)
                act("removeMemberFromCard", at, {"idMember": members[old]["id"]}, who=old)
                act(
                    "addMemberToCard",
                    at + timedelta(minutes=5),
                    {"idMember": members[new]["id"]},
                    who=old,
                )
                owners[:] = [new]
            else:
                act("commentCard", at, {"text": f"Update {step} on card {n + 1} 進捗あり"})
        checklist_id = _id(n, 6)
        checklists.append(
            {
                "id": checklist_id,
                "idCard": card_id,
                "name": "Steps",
                "pos": 1,
                "checkItems": [
                    {"id": _id(n, 7), "name": "Call", "state": "complete", "pos": 1},
                    {"id": _id(n, 8), "name": "Send quote", "state": "incomplete", "pos": 2},
                ],
            }
        )
        out_cards.append(
            {
                "id": card_id,
                "name": f"Card {n + 1}: follow up Minato Pharma" if n % 2 else f"カード {n + 1}",
                "desc": f"Description of card {n + 1}",
                "idList": lists[column]["id"],
                "closed": n % 17 == 16,
                "due": _when(due),
                "start": None,
                "idMembers": [members[o]["id"] for o in owners],
                "idLabels": [labels[n % len(labels)]["id"]],
                "idChecklists": [checklist_id],
                "pos": n,
            }
        )
        actions.extend(events)
    actions.sort(key=lambda a: a["date"], reverse=True)  # Trello writes newest first
    return {
        "id": _id(0, 9),
        "name": "Sales follow-ups",
        "lists": lists,
        "members": members,
        "labels": labels,
        "cards": out_cards,
        "checklists": checklists,
        "actions": actions,
        "someFieldTrelloAddedLater": {"nested": [1, 2, 3]},
    }


def write_json(path: Path, data) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def deep_json(depth: int = 100_000) -> bytes:
    return b'{"cards": ' + b"[" * depth + b"]" * depth + b', "lists": []}'
