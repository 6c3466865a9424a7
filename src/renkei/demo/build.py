"""Fill a new board with the Sales × Marketing demo story, or with N synthetic tasks.

The demo goes through the same commands as a user's edits, backdated, so its Activity
history ("who moved the deadline, when") is real history the views can show.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from renkei.demo.story import TEMPLATE_TEAM_WORDS, Story, load_story
from renkei.domain import handoff_commands
from renkei.domain.commands import Create, SetFields
from renkei.domain.model import Priority, RiskFlag
from renkei.store.board_store import BoardStore, utcnow

STATUS_KEYS = ("backlog", "todo", "in_progress", "waiting", "done")
STATUS_NAMES = {
    "en": ("Backlog", "To do", "In progress", "Waiting", "Done"),
    "ja": ("バックログ", "未着手", "進行中", "待ち", "完了"),
}
WIP_LIMITS = {"in_progress": 15, "waiting": 5}
BOARD_NAMES = {"en": "Sales × Marketing", "ja": "営業 × マーケティング"}


class _Builder:
    def __init__(self, store: BoardStore, now: datetime):
        self.store = store
        self.now = now
        board = store.load()
        self.status_ids = {
            key: s.id for key, s in zip(STATUS_KEYS, board.ordered_statuses(), strict=False)
        }

    def at(self, days_ago: float) -> datetime:
        return self.now - timedelta(days=days_ago)

    def create(self, entity: str, actor: int | None, days_ago: float, **values) -> int:
        change = self.store.apply(Create(entity, tuple(values.items())), actor, self.at(days_ago))
        return change.rows[0].entity_id

    def setup_workflow(self, lang: str) -> None:
        board = self.store.load()
        commands = []
        for key, name in zip(STATUS_KEYS, STATUS_NAMES[lang], strict=True):
            status = board.statuses[self.status_ids[key]]
            values = {"name": name, "wip_limit": WIP_LIMITS.get(key)}
            commands.append(SetFields("status", status.id, tuple(values.items())))
        self.store.apply_all(commands, None, self.at(45))

    def name_template_teams(self, lang: str) -> None:
        """The handoff templates' team words in ``lang``, as the teams are named."""
        words = TEMPLATE_TEAM_WORDS.get(lang)
        if not words:
            return
        commands = []
        for template in self.store.load().handoff_templates.values():
            values = {
                side: words.get(getattr(template, side), getattr(template, side))
                for side in ("from_team", "to_team")
                if getattr(template, side) in words
            }
            if values:
                commands.append(SetFields("handoff_template", template.id, tuple(values.items())))
        if commands:
            self.store.apply_all(commands, None, self.at(45))


def build_demo(
    store: BoardStore, lang: str = "en", today: date | None = None, now: datetime | None = None
) -> None:
    """The story board: four teams handing leads on, ~60 tasks over ~8 weeks around today.
    ``now`` (naive UTC, on ``today``) pins the story's clock, for boards that must come out
    the same on every run; by default it is ``_now_for(today)``."""
    if lang not in STATUS_NAMES:
        raise ValueError(f"unknown demo language {lang!r} (use en or ja)")
    story = load_story(lang)
    today = today or date.today()
    builder = _Builder(store, now or _now_for(today))
    builder.setup_workflow(lang)
    builder.name_template_teams(lang)
    team_ids = {
        name: builder.create("team", None, 45, name=name, position=i)
        for i, name in enumerate(story.teams)
    }
    people = {
        p["key"]: builder.create(
            "person",
            None,
            45,
            name=p["name"],
            team_id=team_ids[p["team"]],
            role=p["role"],
            contact=p["contact"],
        )
        for p in story.people
    }
    projects = {
        p["key"]: builder.create(
            "project",
            None,
            44,
            name=p["name"],
            **({"due": today + timedelta(days=p["due"])} if "due" in p else {}),
        )
        for p in story.projects
    }
    # Haruka runs the cross-team standup twice a week; the last one was three days ago, so
    # the demo's standup opens on what changed since.
    for days_ago in story.standups_held_days_ago:
        held_at = builder.at(days_ago)
        builder.create(
            "standup",
            people[story.standup_lead],
            days_ago,
            held_at=held_at,
            held_by=people[story.standup_lead],
        )

    def day(offset):
        return None if offset is None else today + timedelta(days=offset)

    def value(field: str, raw):
        if field == "due" or field == "start":
            return day(raw)
        if field == "status":
            return builder.status_ids[raw]
        if field == "owner":
            return people[raw] if raw else None
        return raw

    field_names = {
        "due": "due",
        "start": "start",
        "status": "status_id",
        "owner": "owner_id",
        "progress": "progress",
    }
    events: list[tuple[float, int | None, int | str, dict]] = []  # (days_ago, actor, task, values)
    task_ids: dict[str, int] = {}
    created_days: dict[str, float] = {}
    created_by: dict[str, int] = {}  # who made each task (and agreed its dependencies)
    # A task handed on starts with its first handoff's sender (and that person's team).
    first_sender: dict[str, str] = {}
    first_sent_ago: dict[str, float] = {}
    for h in sorted(story.handoffs, key=lambda h: -h["days_ago"]):
        first_sender.setdefault(h["task"], h["sender"])
        first_sent_ago.setdefault(h["task"], h["days_ago"])
    team_of = {p["key"]: p["team"] for p in story.people}
    for t in story.tasks:
        history = list(t.get("history", []))
        if (
            t["key"] in first_sender
            and t["status"] == "done"
            and not any(e["field"] == "status" for e in history)
        ):
            # A done task is never handed off: it was in progress while it travelled and
            # finished when it went quiet (after its last handoff step).
            history.append(
                {
                    "days_ago": t["idle_days"],
                    "by": t.get("owner"),
                    "field": "status",
                    "old": "in_progress",
                    "new": "done",
                }
            )
        history.sort(key=lambda e: -e["days_ago"])
        final = {
            "status_id": builder.status_ids[t["status"]],
            "owner_id": people[t["owner"]] if t.get("owner") else None,
            "due": day(t.get("due")),
            "start": day(t.get("start")),
            "progress": t["progress"],
        }
        initial = dict(final)
        for event in reversed(history):  # undo the history to find how the task began
            initial[field_names[event["field"]]] = value(event["field"], event["old"])
        idle = t["idle_days"]
        oldest = max([e["days_ago"] for e in history] + [idle])
        if final["progress"] and not any(e["field"] == "progress" for e in history):
            # The last touch before the task went quiet was a progress update.
            initial["progress"] = max(0, final["progress"] - 20)
            history.append(
                {
                    "days_ago": idle,
                    "by": t.get("owner"),
                    "field": "progress",
                    "old": initial["progress"],
                    "new": final["progress"],
                }
            )
        created_ago = oldest + 3 if history else idle
        # A task exists before it is first handed on.
        created_ago = max(created_ago, first_sent_ago.get(t["key"], 0) + 1)
        created_days[t["key"]] = created_ago
        creator = people[t["owner"]] if t.get("owner") else people[_lead_of(story, t["team"])]
        team = t["team"]
        sender = first_sender.get(t["key"])
        if sender is not None:
            initial["owner_id"] = creator = people[sender]
            team = team_of[sender]
        created_by[t["key"]] = creator
        task_ids[t["key"]] = builder.create(
            "task",
            creator,
            created_ago,
            title=t["title"],
            description=t["description"],
            team_id=team_ids[team],
            project_id=projects.get(t.get("project")),
            priority=Priority.parse(t["priority"]),
            estimate_hours=t.get("estimate"),
            tags=tuple(t["tags"]),
            **{k: v for k, v in initial.items() if v is not None},
        )
        for event in history:
            actor = people.get(event["by"]) if event.get("by") else creator
            events.append(
                (
                    event["days_ago"],
                    actor,
                    t["key"],
                    {field_names[event["field"]]: value(event["field"], event["new"])},
                )
            )
        if t.get("flag"):
            f = t["flag"]
            flag = RiskFlag(f["reason"], people[f["by"]], builder.at(f["days_ago"]))
            events.append((f["days_ago"], people[f["by"]], t["key"], {"flag": flag}))
    # Dependencies were agreed when the tasks were planned.
    for t in story.tasks:
        if t.get("depends_on"):
            deps = tuple(task_ids[k] for k in t["depends_on"])
            when = created_days[t["key"]]
            events.append((when, created_by[t["key"]], t["key"], {"depends_on": deps}))
    # Replay in time order so every row's last change is its latest event; the handoffs'
    # steps go in the same timeline, since accepting one moves its task's owner and team.
    grouped: dict[tuple[float, int | None], list] = defaultdict(list)
    for days_ago, actor, key, values in sorted(events, key=lambda e: -e[0]):
        grouped[(days_ago, actor)].append(SetFields("task", task_ids[key], tuple(values.items())))
    timeline: list[tuple[float, int, Callable[[], None]]] = []

    def apply_later(commands, actor, days_ago):
        return lambda: store.apply_all(commands, actor, builder.at(days_ago))

    for (days_ago, actor), commands in grouped.items():
        timeline.append((days_ago, len(timeline), apply_later(commands, actor, days_ago)))
    for h in story.handoffs:
        sent: dict[str, int] = {}  # the handoff's id once sent
        send = _handoff_send(store, builder, h, sent, task_ids, people)
        timeline.append((h["days_ago"], len(timeline), send))
        for step in h.get("steps", []):
            react = _handoff_step(store, builder, step, sent, people)
            timeline.append((step["days_ago"], len(timeline), react))
    for days_ago, action in _finished_work(
        store, builder, story, today, team_ids, people, projects
    ):
        timeline.append((days_ago, len(timeline), action))
    for _days_ago, _order, action in sorted(timeline, key=lambda e: (-e[0], e[1])):
        action()


def _finished_work(store, builder, story, today, team_ids, people, projects):
    """The story's finished past work (``[[finished]]``) as timeline steps: each day's tasks
    made in progress three days before, moved to Done on the day, archived at the week's
    Friday review. Its weeks are the seven-day spans that end on the last standup's day,
    and nothing happens after that standup. One change per moment, not per task."""
    last = builder.now - timedelta(days=min(story.standups_held_days_ago) + 0.2)
    made: dict[datetime, list] = defaultdict(list)  # when → the tasks' values
    finished: dict[datetime, list[str]] = defaultdict(list)  # when → task keys
    archived: dict[datetime, list[str]] = defaultdict(list)
    for entry_index, entry in enumerate(story.finished):
        weeks = entry["per_week"]
        turn = 0
        for back, count in zip(range(len(weeks), 0, -1), weeks, strict=True):
            span = [last.date() - timedelta(days=7 * back - 1 - d) for d in range(7)]
            days = [d for d in span if d.weekday() < 5 and datetime.combine(d, time(8)) <= last]
            friday = next((d for d in span if d.weekday() == 4), span[-1])
            review = min(datetime.combine(friday, time(9, 0)), last)
            for j in range(count if days else 0):
                day = days[(2 * j + 1) * len(days) // (2 * count)]
                at = datetime.combine(day, time(8, 0))
                title = entry["titles"][turn % len(entry["titles"])]
                key = f"finished-{entry_index}-{turn}"
                turn += 1
                values = {
                    "title": title,
                    "team_id": team_ids[entry["team"]],
                    "owner_id": people[entry["owner"]],
                    "status_id": builder.status_ids["in_progress"],
                    "progress": 50,
                }
                if entry.get("project"):
                    values["project_id"] = projects[entry["project"]]
                made[at - timedelta(days=3)].append((key, values))
                finished[at].append(key)
                archived[max(review, at)].append(key)
    ids: dict[str, int] = {}
    done = builder.status_ids["done"]

    def make(at, batch):
        def run() -> None:
            commands = [Create("task", tuple(v.items()), key=k) for k, v in batch]
            change = store.apply_all(commands, None, at)
            ids.update(zip([k for k, _ in batch], (r.entity_id for r in change.rows), strict=True))

        return run

    def finish(at, keys, values):
        def run() -> None:
            store.apply_all([SetFields("task", ids[k], values) for k in keys], None, at)

        return run

    def ago(at: datetime) -> float:
        return (builder.now - at).total_seconds() / 86400

    steps = [(ago(at), make(at, batch)) for at, batch in made.items()]
    finish_values = (("status_id", done), ("progress", 100))
    steps += [(ago(at), finish(at, keys, finish_values)) for at, keys in finished.items()]
    steps += [(ago(at), finish(at, keys, (("archived", True),))) for at, keys in archived.items()]
    return steps


def _handoff_send(store, builder, h, sent, task_ids, people):
    """Send one story handoff from its task's owner, backdated, with the app's own builder."""

    def run() -> None:
        at = builder.at(h["days_ago"])
        board = store.load()
        task = board.tasks[task_ids[h["task"]]]
        if task.owner_id != people[h["sender"]] or board.open_handoff(task.id) is not None:
            raise ValueError(f"story handoff of {h['task']} is not sent by its owner")
        commands = handoff_commands.send(
            board,
            task.id,
            people[h["to"]],
            h["template"],
            provided=h["provided"],
            missing=h.get("missing", []),
            note=h["note"],
            actor_id=task.owner_id,
            at=at,
        )
        change = store.apply_all(commands, task.owner_id, at)
        sent["id"] = change.rows[0].entity_id

    return run


def _handoff_step(store, builder, step, sent, people):
    """One reaction to a story handoff; accepting moves the task to the receiver in the same
    change, exactly as in the app (the same builders)."""

    def run() -> None:
        at = builder.at(step["days_ago"])
        actor = people[step["by"]]
        board = store.load()
        handoff_id = sent["id"]
        action = step["action"]
        who = {"actor_id": actor, "at": at}
        if action == "acknowledge":
            commands = handoff_commands.acknowledge(board, handoff_id, **who)
        elif action == "accept":
            commands = handoff_commands.accept(board, handoff_id, **who)
        elif action == "return":
            commands = handoff_commands.return_(
                board, handoff_id, step["reason"], step["missing"], **who
            )
        elif action == "reject":
            commands = handoff_commands.reject(board, handoff_id, step["reason"], **who)
        elif action == "ask":
            commands = handoff_commands.ask(board, handoff_id, step["item"], step["text"], **who)
        elif action == "answer":
            commands = handoff_commands.answer(
                board, handoff_id, step["question"], step["text"], **who
            )
        else:
            raise ValueError(f"unknown handoff step {action!r}")
        store.apply_all(commands, actor, at)

    return run


def _now_for(today: date) -> datetime:
    """The story's "now": the real clock for today's demo, midday of another day otherwise,
    so history, staleness and due dates all tell one consistent story."""
    if today == date.today():
        return utcnow()
    return datetime.combine(today, time(12, 0))


def _lead_of(story: Story, team: str) -> str:
    return next(p["key"] for p in story.people if p["team"] == team)


SYNTHETIC_WORDS = (
    "Follow up",
    "Qualify",
    "Call",
    "Send proposal to",
    "Update CRM for",
    "Prepare demo for",
    "Check budget of",
    "Renewal talk with",
    "Onboard",
    "Webinar invite for",
    "Case study with",
)
SYNTHETIC_COMPANIES = (
    "Minato Pharma",
    "Kitahama Logistics",
    "Sakura Retail",
    "Komorebi Foods",
    "Aozora Bank",
    "Hikari Motors",
    "Tsubame Travel",
    "Kaede Systems",
    "Nagi Energy",
    "Hoshi Media",
)


def build_synthetic(
    store: BoardStore,
    tasks: int,
    seed: int = 1,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """A board of ``tasks`` random tasks with the demo's teams and people, a fifth of them
    handed on to the next team, for benchmarks."""
    rng = random.Random(seed)
    story = load_story("en")
    today = today or date.today()
    builder = _Builder(store, _now_for(today))
    builder.setup_workflow("en")
    team_ids = [
        builder.create("team", None, 45, name=name, position=i)
        for i, name in enumerate(story.teams)
    ]
    people_by_team: dict[int, list[int]] = defaultdict(list)
    for p in story.people:
        team_id = team_ids[story.teams.index(p["team"])]
        people_by_team[team_id].append(
            builder.create(
                "person",
                None,
                45,
                name=p["name"],
                team_id=team_id,
                role=p["role"],
                contact=p["contact"],
            )
        )
    project_ids = [builder.create("project", None, 44, name=p["name"]) for p in story.projects]
    statuses = list(builder.status_ids.values())
    commands = []
    for i in range(tasks):
        team = rng.choice(team_ids)
        status_index = rng.choices(range(5), weights=(2, 3, 3, 1, 3))[0]
        start = today + timedelta(days=rng.randint(-40, 30)) if rng.random() < 0.85 else None
        due = start + timedelta(days=rng.randint(0, 20)) if start else None
        values = {
            "title": f"{rng.choice(SYNTHETIC_WORDS)} {rng.choice(SYNTHETIC_COMPANIES)} #{i + 1}",
            "status_id": statuses[status_index],
            "team_id": team,
            "owner_id": rng.choice(people_by_team[team]) if rng.random() < 0.95 else None,
            "project_id": rng.choice(project_ids) if rng.random() < 0.7 else None,
            "priority": Priority(rng.choices(range(4), weights=(2, 6, 3, 1))[0]),
            "start": start,
            "due": due,
            "progress": 100 if status_index == 4 else rng.choice((0, 10, 25, 50, 75, 90)),
            "position": float(i + 1) * 1024.0,
        }
        commands.append(Create("task", tuple(values.items())))
    store.apply_all(commands, None, builder.at(1), progress)
    board = store.load()
    ids = sorted(board.tasks)
    links = []
    for index, task_id in enumerate(ids):
        if index > 10 and rng.random() < 0.1:
            links.append(SetFields("task", task_id, (("depends_on", (rng.choice(ids[:index]),)),)))
    if links:
        store.apply_all(links, None, builder.at(0.5))
    _synthetic_handoffs(store, rng, tasks // 5, _now_for(today))


def _synthetic_handoffs(store: BoardStore, rng: random.Random, count: int, now) -> None:
    """``count`` tasks handed to the next team along the path, with packets missing an item
    now and then, and the receivers' reactions: most accepted, some returned, rejected,
    acknowledged or still waiting. Built with the app's own command builders."""
    board = store.load()
    teams = board.ordered_teams()
    people_by_team: dict[int, list[int]] = defaultdict(list)
    for person in board.people.values():
        people_by_team[person.team_id].append(person.id)
    done = board.done_status_ids()
    owned = [
        t
        for t in board.tasks.values()
        if t.owner_id is not None and t.team_id is not None and t.status_id not in done
    ]
    chosen = rng.sample(owned, min(count, len(owned)))
    sends = []
    for task in chosen:
        index = next(i for i, team in enumerate(teams) if team.id == task.team_id)
        receiver = rng.choice(people_by_team[teams[(index + 1) % len(teams)].id])
        template = board.template("deal" if index == 2 else "lead")
        dropped = {name for name in template.items if rng.random() < 0.06}
        values = {name: f"{name} of #{task.id}" for name in template.items if name not in dropped}
        sent_at = now - timedelta(days=rng.uniform(0.2, 40))
        sends += handoff_commands.send(
            board, task.id, receiver, template.name, values, actor_id=task.owner_id, at=sent_at
        )
    if not sends:
        return
    # One batch for speed; each handoff names its own sender (the task's owner).
    store.apply_all(sends, None, now - timedelta(days=40))
    # Reactions are written in six-hour batches stamped with their own time, so the audit
    # trail agrees with the handoffs (an accept's owner change is not a silent handoff).
    board = store.load()
    batches: dict[datetime, list] = defaultdict(list)
    for h in board.handoffs.values():
        roll = rng.random()
        if roll < 0.15:
            continue  # still waiting
        hours = math.ceil((h.sent_at - now).total_seconds() / 3600 / 6 + rng.uniform(0.1, 8))
        at = min(now, now + timedelta(hours=6 * hours))
        by = {"actor_id": h.receiver_id, "at": at}
        if roll < 0.25:
            batches[at] += handoff_commands.acknowledge(board, h.id, **by)
        elif roll < 0.35:
            missing = [rng.choice(h.item_names)]
            batches[at] += handoff_commands.return_(board, h.id, "missing_info", missing, **by)
        elif roll < 0.4:
            batches[at] += handoff_commands.reject(board, h.id, "no_budget", **by)
        else:
            batches[at] += handoff_commands.accept(board, h.id, **by)
    for at in sorted(batches):
        store.apply_all(batches[at], None, at)
