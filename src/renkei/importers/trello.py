"""A Trello board export (Board menu → Print, export and share → Export as JSON) → ImportPlan.

Lists become columns, cards tasks (name, description with its checklists, start, due,
closed → archived, labels → tags, members → people, the first member the owner), and the
export's ``actions`` history with their original dates and actors: moves between lists, due
and start date changes, renames, description edits, archiving, label changes, comments,
checklist ticks, and members joining or leaving a card (a member replacing another becomes
one owner change, which the import may record as a handoff).

Trello adds fields to its exports over time; fields this reader does not use are ignored.
Fields it does use must have the right type, or the file is refused naming the place.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.importers import fields as f
from renkei.importers.files import TRELLO_EXPORT, empty, read_bytes, refuse_binary
from renkei.importers.model import (
    MAX_TEXT,
    START_LEFT_OUT,
    TAGS_CUT,
    ImportedColumn,
    ImportedEvent,
    ImportedPerson,
    ImportedTask,
    ImportPlan,
    ImportProblem,
    Note,
    Place,
    Progress,
    counted,
    said,
)

# The places of an export its problems name: "card 3", "card 3 ('Call Minato')".
_LIST = QT_TRANSLATE_NOOP("Import", "list %1")
_CARD = QT_TRANSLATE_NOOP("Import", "card %1")
_NAMED_CARD = QT_TRANSLATE_NOOP("Import", "card %1 (%2)")
_MEMBER = QT_TRANSLATE_NOOP("Import", "member %1")
_LABEL = QT_TRANSLATE_NOOP("Import", "label %1")
_CHECKLIST = QT_TRANSLATE_NOOP("Import", "checklist %1")
_ACTION = QT_TRANSLATE_NOOP("Import", "action %1")
_ACTION_OF = QT_TRANSLATE_NOOP("Import", "%1, action of %2")
_LIST_NOT_IN_EXPORT = QT_TRANSLATE_NOOP("Import", "%1 is in a list that is not in the export.")
# Actions the import cannot use, counted: the note ("%1" the count) and its reasons.
_ACTION_SKIPPED = QT_TRANSLATE_NOOP("Import", "%1 action skipped: %2.")
_ACTIONS_SKIPPED = QT_TRANSLATE_NOOP("Import", "%1 actions skipped: %2.")
_NOT_IN_EXPORT = said(QT_TRANSLATE_NOOP("Import", "about a card that is not in the export"))
_NO_DATA = QT_TRANSLATE_NOOP("Import", "%1 with no data")
_NO_CARD = QT_TRANSLATE_NOOP("Import", "%1 naming no card")
_NO_TEXT = QT_TRANSLATE_NOOP("Import", "%1 with no text")
_NO_ITEM = QT_TRANSLATE_NOOP("Import", "%1 with no item")
_NO_MEMBER = QT_TRANSLATE_NOOP("Import", "%1 naming no member")
SOURCE = "Trello"
# A member removed and another added within this time is one card moving between people.
SAME_MOVE = timedelta(hours=12)
# The actions that become a card's history (or its creation); the rest (board and list
# changes, attachments…) are not part of any task's story here.
CARD_ACTIONS = frozenset(
    {
        "createCard",
        "copyCard",
        "convertToCardFromCheckItem",
        "moveCardToBoard",
        "updateCard",
        "commentCard",
        "updateCheckItemStateOnCard",
        "addMemberToCard",
        "removeMemberFromCard",
    }
)
_CARD_FIELDS = {"name": "title", "desc": "description", "closed": "archived"}


def read_trello(path: Path, progress: Progress | None = None) -> ImportPlan:
    return parse_trello(read_bytes(path), path.name, progress)


def load_json(data: bytes, name: str, expected: Place) -> Any:
    """Bytes → JSON value, or ImportProblem saying how the file is broken."""
    refuse_binary(data[:64], name, expected)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(
            QT_TRANSLATE_NOOP("Import", "%1 is not %2: it is not UTF-8 text (byte %3)."),
            name,
            expected,
            f"{error.start:,}",
        ) from None
    if not text.strip():
        raise empty(name)
    try:
        return json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except _NotFinite as error:
        raise ImportProblem(
            QT_TRANSLATE_NOOP(
                "Import",
                "%1 is not %2: it holds the number %3, which no export writes (was the file "
                "changed by hand or by another program?).",
            ),
            name,
            expected,
            error,
        ) from None
    except RecursionError:
        raise ImportProblem(
            QT_TRANSLATE_NOOP(
                "Import", "%1 is not %2: its data is nested too deeply to be a real export."
            ),
            name,
            expected,
        ) from None
    except json.JSONDecodeError as error:
        if not text[error.pos :].strip() or error.msg.startswith("Unterminated string"):
            raise ImportProblem(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "%1 ends early (line %2): the file is cut off; export it again or copy it "
                    "completely.",
                ),
                name,
                f"{error.lineno:,}",
            ) from None
        raise ImportProblem(
            QT_TRANSLATE_NOOP("Import", "%1 is not valid JSON: line %2, column %3: %4."),
            name,
            f"{error.lineno:,}",
            f"{error.colno:,}",
            error.msg,
        ) from None


class _NotFinite(ValueError):
    """NaN, Infinity or a number too large for a float (1e999): not JSON any export writes."""


def _no_constant(token: str) -> float:
    raise _NotFinite(token)


def _finite(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise _NotFinite(token[:40])
    return value


def parse_trello(
    data: bytes, name: str = "export.json", progress: Progress | None = None
) -> ImportPlan:
    root = load_json(data, name, TRELLO_EXPORT)
    if (
        not isinstance(root, dict)
        or not isinstance(root.get("cards"), list)
        or not isinstance(root.get("lists"), list)
    ):
        raise ImportProblem(
            QT_TRANSLATE_NOOP(
                "Import",
                "%1 is JSON, but not a Trello board export (it has no list of 'cards' and "
                "'lists'). In Trello: Menu → Print, export and share → Export as JSON.",
            ),
            name,
        )
    return _Reader(root, name, progress).plan()


class _Reader:
    def __init__(self, root: dict, name: str, progress: Progress | None):
        self.root = root
        self.name = name
        self.progress = progress
        self.warnings: list[Note] = []
        self.people: dict[str, ImportedPerson] = {}
        self.skipped: Counter[Place] = Counter()  # reason → how many actions it cost

    def items(self, key: str, label: str) -> list[dict]:
        """The export's ``key`` list; ``label``: a marked "list %1" naming one of them."""
        found = f.get(self.root, key, list, self.name) or []
        for i, item in enumerate(found):
            if not isinstance(item, dict):
                raise ImportProblem(
                    QT_TRANSLATE_NOOP("Import", "%1: %2 should be an object, but it is %3."),
                    self.name,
                    said(label, i + 1),
                    f.kind_of(item),
                )
        return found

    def plan(self) -> ImportPlan:
        board_name = f.get(self.root, "name", str, self.name) or self.name
        lists = self.items("lists", _LIST)
        cards = self.items("cards", _CARD)
        members = self.items("members", _MEMBER)
        labels = self.items("labels", _LABEL)
        checklists = self.items("checklists", _CHECKLIST)
        actions = self.items("actions", _ACTION)
        for i, m in enumerate(members):
            where = said(_MEMBER, i + 1)
            member_id = f.get(m, "id", str, where, required=True)
            full = f.get(m, "fullName", str, where) or f.get(m, "username", str, where)
            if full and full.strip():
                self.people[member_id] = ImportedPerson(member_id, f.name(full, where, "the name"))
        columns: dict[str, ImportedColumn] = {}
        self.list_names: dict[str, str] = {}
        for i, lst in enumerate(sorted(lists, key=lambda x: _pos(x))):
            where = said(_LIST, i + 1)
            list_id = f.get(lst, "id", str, where, required=True)
            title = f.get(lst, "name", str, where, required=True)
            closed = bool(f.get(lst, "closed", bool, where))
            columns[list_id] = ImportedColumn(
                list_id, f.name(title, where, "the name") or "?", closed
            )
            self.list_names[list_id] = columns[list_id].name
        label_names: dict[str, str] = {}
        self.label_names = label_names
        for i, label in enumerate(labels):
            where = said(_LABEL, i + 1)
            label_id = f.get(label, "id", str, where, required=True)
            text = f.get(label, "name", str, where) or f.get(label, "color", str, where) or ""
            label_names[label_id] = f.text(text, where, "the name", 1000)
        lists_by_card: dict[str, list[dict]] = defaultdict(list)
        for i, c in enumerate(checklists):
            where = said(_CHECKLIST, i + 1)
            card_id = f.get(c, "idCard", str, where, required=True)
            lists_by_card[card_id].append(c)
        by_card = self.actions_by_card(actions)
        card_ids = {c.get("id") for c in cards}
        for card_id, found in by_card.items():
            if card_id not in card_ids:  # deleted since, or on another board
                self.skipped[_NOT_IN_EXPORT] += len(found)
        tasks = []
        counts: dict[str, int] = defaultdict(int)
        total = len(cards)
        for i, card in enumerate(cards):
            task = self.card(card, i, columns, label_names, lists_by_card, by_card)
            tasks.append(task)
            if task.column is not None:
                counts[task.column] += 1
            if self.progress is not None and (i % 500 == 0 or i + 1 == total):
                self.progress(i + 1, total)
        used = [
            ImportedColumn(c.key, c.name, c.closed, counts.get(c.key, 0))
            for c in columns.values()
            if not c.closed or counts.get(c.key)
        ]
        return ImportPlan(
            SOURCE,
            f.name(board_name, self.name, "the board name"),
            tuple(used),
            tuple(self.people.values()),
            tuple(tasks),
            tuple(self.warnings),
            tuple(self.list_names.items()),
            counted(self.skipped, _ACTION_SKIPPED, _ACTIONS_SKIPPED),
        )

    # -- actions ---------------------------------------------------------------------------

    def actor(self, action: dict, where: Place) -> str | None:
        actor_id = f.get(action, "idMemberCreator", str, where)
        creator = f.get(action, "memberCreator", dict, where) or {}
        if actor_id is None:
            actor_id = f.get(creator, "id", str, where)
        if actor_id is None:
            return None
        if actor_id not in self.people:
            full = f.get(creator, "fullName", str, where) or f.get(creator, "username", str, where)
            if not full or not full.strip():
                return None
            self.people[actor_id] = ImportedPerson(actor_id, f.name(full, where, "the name"))
        return actor_id

    def actions_by_card(self, actions: list[dict]) -> dict[str, list[tuple[datetime, str, dict]]]:
        found: dict[str, list[tuple[datetime, str, dict]]] = defaultdict(list)
        for i, action in enumerate(actions):
            where = said(_ACTION, i + 1)
            kind = f.get(action, "type", str, where, required=True)
            data = f.get(action, "data", dict, where)
            if kind not in CARD_ACTIONS:
                continue
            if not data:
                self.skipped[said(_NO_DATA, kind)] += 1
                continue
            in_data = said(QT_TRANSLATE_NOOP("Import", "%1 (data)"), where)
            card = f.get(data, "card", dict, in_data)
            in_card = said(QT_TRANSLATE_NOOP("Import", "%1 (card)"), where)
            card_id = f.get(card, "id", str, in_card) if card is not None else None
            if card_id is None:
                self.skipped[said(_NO_CARD, kind)] += 1
                continue
            at = f.iso_moment(f.get(action, "date", str, where, required=True), where, "the date")
            found[card_id].append((at, kind, action))
        for events in found.values():
            events.sort(key=lambda e: e[0])
        return found

    def events(self, card_id: str, members: list[str], actions, where: Place):
        """History rows of one card, oldest first; and who created it, when."""
        events: list[ImportedEvent] = []
        member_moves: list[tuple[datetime, str | None, str, str]] = []  # at, actor, add/remove, id
        created: tuple[datetime, str | None] | None = None
        for at, kind, action in actions:
            here = said(_ACTION_OF, where, f"{at:%Y-%m-%d %H:%M}")
            actor = self.actor(action, here)
            data = action["data"]
            if kind in ("createCard", "copyCard", "convertToCardFromCheckItem", "moveCardToBoard"):
                if created is None:
                    created = (at, actor)
            elif kind == "updateCard":
                events.extend(self.update(data, at, actor, here))
            elif kind == "commentCard":
                body = f.get(data, "text", str, here) or ""
                if not body.strip():
                    self.skipped[said(_NO_TEXT, kind)] += 1
                    continue
                events.append(
                    ImportedEvent(at, actor, "comment", None, f.text(body, here, "the comment"))
                )
            elif kind == "updateCheckItemStateOnCard":
                item = f.get(data, "checkItem", dict, here) or {}
                label = f.get(item, "name", str, here) or ""
                if not label.strip():
                    self.skipped[said(_NO_ITEM, kind)] += 1
                    continue
                state = f.get(item, "state", str, here) or ""
                mark = "☑" if state == "complete" else "☐"
                events.append(
                    ImportedEvent(
                        at, actor, "checklist", None, f"{mark} {f.text(label, here, 'the item')}"
                    )
                )
            elif kind in ("addMemberToCard", "removeMemberFromCard"):
                member = f.get(data, "idMember", str, here)
                if member is None:
                    member = f.get(f.get(data, "member", dict, here) or {}, "id", str, here)
                if member is None:
                    self.skipped[said(_NO_MEMBER, kind)] += 1
                    continue
                if member not in self.people:
                    info = f.get(data, "member", dict, here) or {}
                    full = f.get(info, "name", str, here)
                    if full and full.strip():
                        self.people[member] = ImportedPerson(member, f.name(full, here, "the name"))
                move = "add" if kind == "addMemberToCard" else "remove"
                member_moves.append((at, actor, move, member))
        events.extend(self.owner_events(members, member_moves))
        events.sort(key=lambda e: e.at)
        return tuple(events), created

    def update(self, data: dict, at: datetime, actor: str | None, where: Place):
        before = f.get(data, "listBefore", dict, where)
        after = f.get(data, "listAfter", dict, where)
        if before is not None and after is not None:
            yield ImportedEvent(
                at, actor, "status", self.list_ref(before, where), self.list_ref(after, where)
            )
        old = f.get(data, "old", dict, where)
        card = data["card"]
        if not old:
            return
        for key, kind in _CARD_FIELDS.items():
            if key in old:
                yield ImportedEvent(at, actor, kind, _plain(old.get(key)), _plain(card.get(key)))
        if "idLabels" in old:
            yield ImportedEvent(
                at,
                actor,
                "tags",
                self.tag_list(f.id_list(old, "idLabels", where)),
                self.tag_list(f.id_list(card, "idLabels", where)),
            )
        for key in ("due", "start"):
            if key in old:
                yield ImportedEvent(
                    at,
                    actor,
                    key,
                    self.day(old.get(key), where, key),
                    self.day(card.get(key), where, key),
                )

    def tag_list(self, ids: list[str]) -> str:
        names = [self.label_names.get(i, "") for i in ids]
        return json.dumps(list(f.tags(names)[0]), ensure_ascii=False)

    def list_ref(self, lst: dict, where: Place) -> str | None:
        key = f.get(lst, "id", str, where)
        name = f.get(lst, "name", str, where)
        if key is None:
            return name
        if name and key not in self.list_names:  # a list deleted since: its name, for history
            self.list_names[key] = f.name(name, where, "the list name")
        return key

    def day(self, value: Any, where: Place, key: str) -> str | None:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            not_date = QT_TRANSLATE_NOOP("Import", "%1: %2 should be a date, but it is %3.")
            raise ImportProblem(not_date, where, f.field_word(key), f.kind_of(value))
        return f.iso_day_or_moment(value, where, key).isoformat()

    def owner_events(self, members: list[str], moves) -> list[ImportedEvent]:
        """Members joining and leaving → owner changes (the owner is the first member). The
        card's members before its history are found by undoing the history from now."""
        current = list(members)
        for _at, _actor, move, member in reversed(moves):
            if move == "add" and member in current:
                current.remove(member)
            elif move == "remove" and member not in current:
                current.insert(0, member)
        raw: list[ImportedEvent] = []
        for at, actor, move, member in moves:
            owner = current[0] if current else None
            if move == "add" and member not in current:
                current.append(member)
            elif move == "remove" and member in current:
                current.remove(member)
            now = current[0] if current else None
            if now != owner:
                raw.append(ImportedEvent(at, actor, "owner", owner, now))
        # A → nobody, then nobody → B soon after: the card moved from A to B.
        merged: list[ImportedEvent] = []
        for event in raw:
            last = merged[-1] if merged else None
            if (
                last is not None
                and last.new is None
                and event.old is None
                and last.old is not None
                and event.new is not None
                and event.at - last.at <= SAME_MOVE
            ):
                merged[-1] = ImportedEvent(event.at, event.actor, "owner", last.old, event.new)
            else:
                merged.append(event)
        return merged

    # -- cards -----------------------------------------------------------------------------

    def card(self, card, index, columns, label_names, lists_by_card, by_card) -> ImportedTask:
        where: Place = said(_CARD, index + 1)
        card_id = f.get(card, "id", str, where, required=True)
        raw_name = f.get(card, "name", str, where, required=True)
        where = said(_NAMED_CARD, index + 1, repr(raw_name[:40]))
        title, full_title = f.title_and_rest(raw_name, where)
        if not title:
            title = "(untitled card)"
        desc = f.text(f.get(card, "desc", str, where) or "", where, "the description")
        parts = [full_title, desc] if full_title else [desc]
        for checklist in sorted(lists_by_card.get(card_id, ()), key=_pos):
            parts.append(self.checklist(checklist, where))
        description = "\n\n".join(p for p in parts if p.strip()).strip()
        f.text(description, where, "the description with its checklists", MAX_TEXT)
        list_id = f.get(card, "idList", str, where)
        column = list_id if list_id in columns else None
        if list_id is not None and column is None:
            self.warnings.append(said(_LIST_NOT_IN_EXPORT, where))
        closed = bool(f.get(card, "closed", bool, where))
        archived = closed or (column is not None and columns[column].closed)
        members = f.id_list(card, "idMembers", where)
        label_ids = f.id_list(card, "idLabels", where)
        tag_names = [label_names[i] for i in label_ids if isinstance(i, str) and i in label_names]
        if not tag_names:
            for i, label in enumerate(f.get(card, "labels", list, where) or []):
                here = said(QT_TRANSLATE_NOOP("Import", "%1, label %2"), where, i + 1)
                if not isinstance(label, dict):
                    kind = f.kind_of(label)
                    no_object = QT_TRANSLATE_NOOP("Import", "%1 should be an object, but it is %2.")
                    raise ImportProblem(no_object, here, kind)
                name = f.get(label, "name", str, here) or f.get(label, "color", str, here) or ""
                tag_names.append(f.text(name, here, "the name", 1000))
        tags, cut = f.tags([t for t in tag_names if isinstance(t, str)])
        if cut:
            self.warnings.append(said(TAGS_CUT, where))
        due = self.day(f.get(card, "due", str, where), where, "the due date")
        start = self.day(f.get(card, "start", str, where), where, "the start date")
        if start is not None and due is not None and start > due:
            self.warnings.append(said(START_LEFT_OUT, where))
            start = None
        events, created = self.events(card_id, members, by_card.get(card_id, ()), where)
        created_at = created[0] if created else _id_time(card_id)
        owner = next((m for m in members if m in self.people), None)
        return ImportedTask(
            source_id=f"trello:{card_id}",
            title=title,
            column=column,
            description=description,
            owner=owner,
            creator=created[1] if created else None,
            tags=tags,
            start=date.fromisoformat(start) if start else None,
            due=date.fromisoformat(due) if due else None,
            archived=archived,
            created_at=created_at,
            events=events,
            where=where,
        )

    def checklist(self, checklist: dict, where: Place) -> str:
        title = f.get(checklist, "name", str, where) or "Checklist"
        lines = [f"**{f.text(title, where, 'a checklist name', 1000)}**"]
        items = f.get(checklist, "checkItems", list, where) or []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                raise ImportProblem(
                    QT_TRANSLATE_NOOP(
                        "Import", "%1: checklist item %2 should be an object, but it is %3."
                    ),
                    where,
                    i + 1,
                    f.kind_of(item),
                )
        for item in sorted(items, key=_pos):
            text = f.text(f.get(item, "name", str, where) or "", where, "a checklist item")
            mark = "[x]" if item.get("state") == "complete" else "[ ]"
            lines.append(f"- {mark} {text}")
        return "\n".join(lines)


def _pos(item: dict) -> float:
    value = item.get("pos")
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


def _plain(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)[:MAX_TEXT]


def _id_time(card_id: str) -> datetime | None:
    """Trello ids start with their creation time (seconds, 8 hex digits)."""
    try:
        seconds = int(card_id[:8], 16)
    except ValueError:
        return None
    if len(card_id) != 24:
        return None
    return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None)
