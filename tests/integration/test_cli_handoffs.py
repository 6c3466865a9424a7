"""`renkei handoff …` and `renkei handoffs` on a real demo board, run in-process."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from renkei.cli.main import main

SENDER = "Haruka Aoki"  # Marketing
RECEIVER = "Yuki Tanaka"  # Inside Sales


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def run(capsys, board):
    """Run `renkei --board BOARD [--as NAME] ARGS…` and capture what it printed."""

    def run(*argv: str, actor: str | None = None) -> Result:
        prefix = ["--board", board] + (["--as", actor] if actor else [])
        code = main([*prefix, *argv])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


def marketing_task(run) -> dict:
    """An open Marketing task with an owner, to hand over."""
    tasks = run("tasks", "--json").json()
    return next(
        t
        for t in tasks
        if t["team"] == "Marketing" and t["owner"] and t["status"] in ("To do", "In progress")
    )


def send(run, task_id: int, *extra: str) -> Result:
    return run(
        "handoff",
        "send",
        str(task_id),
        "--to-person",
        RECEIVER,
        "--item",
        "company=Kansai Foods",
        "--item",
        "contact=m.ito@example.jp",
        "--item",
        "need=CRM rollout",
        "--missing",
        "budget",
        "timeline",
        *extra,
        actor=SENDER,
    )


def entry(run, handoff_id: int, *flags: str) -> dict:
    listed = run("handoffs", "--json", *flags).json()
    return next(e for e in listed if e["id"] == handoff_id)


def test_send_shows_missing_items_and_incomplete_finding(run):
    """send with items and missing → handoffs --json lists it with an incomplete_at_send finding."""
    task = marketing_task(run)
    result = send(run, task["id"], "--note", "hot lead", "--json")
    assert result.code == 0, result.err
    sent = result.json()
    assert (sent["from_team"], sent["to_team"], sent["to_person"]) == (
        "Marketing",
        "Inside Sales",
        RECEIVER,
    )
    # The sender is whoever sent it (a teammate of the owner here), not the owner.
    assert sent["from_person"] == SENDER and sent["template"] == "lead"
    assert sent["sent_at"].endswith("Z") and sent["note"] == "hot lead"
    listed = entry(run, sent["id"])
    assert listed["state"] == "sent" and listed["task_id"] == task["id"]
    assert listed["task"] == task["title"]
    assert {"budget", "timeline"} <= set(listed["missing_items"])
    assert "company" not in listed["missing_items"]
    incomplete = next(f for f in listed["findings"] if f["kind"] == "incomplete_at_send")
    assert set(incomplete["items"]) == set(listed["missing_items"])
    assert "sent without" in incomplete["detail"]
    assert set(listed) >= {
        "id",
        "task_id",
        "task",
        "from_team",
        "to_team",
        "from_person",
        "to_person",
        "template",
        "sent_at",
        "acknowledged_at",
        "state",
        "missing_items",
        "findings",
    }


def test_send_prints_one_line(run):
    """Without --json send prints one sentence naming the hop and the missing count."""
    task = marketing_task(run)
    result = send(run, task["id"])
    assert result.code == 0, result.err
    assert result.out.startswith("Sent handoff ")  # the demo has handoffs of its own
    assert f": task {task['id']} “{task['title']}” " in result.out
    assert f"Marketing → Inside Sales ({RECEIVER}), 5 items missing" in result.out
    assert len(result.out.strip().splitlines()) == 1


def test_unknown_item_is_refused(run):
    """An --item key the template does not have: exit 1, nothing sent."""
    task = marketing_task(run)
    before = run("handoffs", "--json").json()
    result = run(
        "handoff", "send", str(task["id"]), "--to-person", RECEIVER, "--item", "x=1", actor=SENDER
    )
    assert result.code == 1 and "has no item(s) x" in result.err
    assert run("handoffs", "--json").json() == before


def test_ack_then_accept_moves_the_owner(run):
    """ack then accept: the handoff is accepted and the task's owner and team are the receiver's."""
    task = marketing_task(run)
    handoff_id = send(run, task["id"], "--json").json()["id"]
    acked = run("handoff", "ack", str(handoff_id), actor=RECEIVER)
    assert acked.code == 0, acked.err
    assert acked.out.startswith(f"Acknowledged handoff {handoff_id}:")
    assert entry(run, handoff_id)["acknowledged_at"].endswith("Z")
    accepted = run("handoff", "accept", str(handoff_id), "--json", actor=RECEIVER)
    assert accepted.code == 0, accepted.err
    assert accepted.json()["state"] == "accepted"
    moved = next(t for t in run("tasks", "--json").json() if t["id"] == task["id"])
    assert (moved["owner"], moved["team"]) == (RECEIVER, "Inside Sales")


def test_only_the_receiver_may_accept(run):
    """Someone other than the receiver accepting: exit 1, the owner stays."""
    task = marketing_task(run)
    handoff_id = send(run, task["id"], "--json").json()["id"]
    result = run("handoff", "accept", str(handoff_id), actor="Misaki Nakamura")
    assert result.code == 1 and "only the receiver" in result.err
    same = next(t for t in run("tasks", "--json").json() if t["id"] == task["id"])
    assert same["owner"] == task["owner"]


def test_return_is_a_bounce(run):
    """return with a reason and missing items → state returned and a bounced finding."""
    task = marketing_task(run)
    handoff_id = send(run, task["id"], "--json").json()["id"]
    result = run(
        "handoff",
        "return",
        str(handoff_id),
        "--reason",
        "missing_info",
        "--missing",
        "budget",
        "contact",
        actor=RECEIVER,
    )
    assert result.code == 0, result.err
    assert result.out.startswith(f"Returned handoff {handoff_id} (missing_info)")
    listed = entry(run, handoff_id, "--lost")
    assert listed["state"] == "returned"
    assert listed["returned_missing"] == ["budget", "contact"]
    bounced = next(f for f in listed["findings"] if f["kind"] == "bounced")
    assert bounced["items"] == ["budget", "contact"]
    # contact was sent as provided and came back missing: lost on the way.
    lost = next(f for f in listed["findings"] if f["kind"] == "lost_in_transit")
    assert lost["items"] == ["contact"]


def test_reject_with_unknown_reason_writes_nothing(run):
    """reject with a reason not in the list: exit 1, the handoff still open, history unchanged."""
    task = marketing_task(run)
    handoff_id = send(run, task["id"], "--json").json()["id"]
    before = run("history", "--json").json()
    result = run("handoff", "reject", str(handoff_id), "--reason", "boring", actor=RECEIVER)
    assert result.code == 1
    assert result.err.startswith("renkei: reject reason 'boring' is not one of")
    assert "Traceback" not in result.err
    assert run("history", "--json").json() == before
    assert entry(run, handoff_id)["state"] == "sent"


def test_reject_with_a_known_reason(run):
    """reject --reason no_need closes the handoff as rejected, a bounced finding."""
    task = marketing_task(run)
    handoff_id = send(run, task["id"], "--json").json()["id"]
    result = run("handoff", "reject", str(handoff_id), "--reason", "no_need", actor=RECEIVER)
    assert result.code == 0, result.err
    listed = entry(run, handoff_id)
    assert listed["state"] == "rejected" and listed["reason"] == "no_need"
    assert "bounced" in [f["kind"] for f in listed["findings"]]


def test_ask_and_answer_round_trip(run):
    """The receiver asks about an item, the sender answers; both show in the handoff's JSON."""
    task = marketing_task(run)
    handoff_id = send(run, task["id"], "--json").json()["id"]
    asked = run(
        "handoff",
        "ask",
        str(handoff_id),
        "--item",
        "budget",
        "--question",
        "Any range?",
        "--json",
        actor=RECEIVER,
    )
    assert asked.code == 0, asked.err
    question = asked.json()["questions"][0]
    assert (question["item"], question["text"], question["asked_by"]) == (
        "budget",
        "Any range?",
        RECEIVER,
    )
    assert question["answer"] is None
    answered = run(
        "handoff",
        "answer",
        str(handoff_id),
        "--question",
        str(question["id"]),
        "--text",
        "3-5M yen",
        actor=SENDER,
    )
    assert answered.code == 0, answered.err
    assert answered.out.startswith(f"Answered question {question['id']} on handoff {handoff_id}")
    final = entry(run, handoff_id)["questions"][0]
    assert (final["answer"], final["answered_by"]) == ("3-5M yen", SENDER)
    assert final["answered_at"].endswith("Z")


def test_plain_owner_change_is_a_silent_entry(run):
    """task set owner=… from a Marketing person to one in Customer Success shows as a `silent`
    entry in --lost, naming the owners' teams; a reassignment inside Marketing is no entry."""
    task = marketing_task(run)
    inside = "Emily Carter" if task["owner"] != "Emily Carter" else "Kenta Mori"
    changed = run("task", "set", str(task["id"]), f"owner={inside}", actor=SENDER)
    assert changed.code == 0, changed.err
    listed = run("handoffs", "--json", "--lost").json()
    assert [e for e in listed if e["task_id"] == task["id"]] == []
    task["owner"] = inside
    other = "Shota Kobayashi"  # Customer Success
    changed = run("task", "set", str(task["id"]), f"owner={other}", actor=SENDER)
    assert changed.code == 0, changed.err
    listed = run("handoffs", "--json", "--lost").json()
    silent = [e for e in listed if e["task_id"] == task["id"]]
    assert len(silent) == 1
    (found,) = silent
    assert (found["state"], found["id"]) == ("silent", None)
    assert (found["from_person"], found["to_person"]) == (task["owner"], other)
    assert (found["from_team"], found["to_team"]) == ("Marketing", "Customer Success")
    assert found["task"] == task["title"]
    assert [f["kind"] for f in found["findings"]] == ["silent_handoff"]
    assert all(e["findings"] for e in listed)


def test_matrix_counts_the_team_pair(run):
    """handoffs --matrix --json has the Marketing → Inside Sales cell with its count (on top of
    the demo's own Marketing → Inside Sales handoffs)."""

    def cell_now():
        cells = run("handoffs", "--matrix", "--json").json()
        pair = ("Marketing", "Inside Sales")
        return next((c for c in cells if (c["from_team"], c["to_team"]) == pair), None)

    before = cell_now()
    count = before["handoffs"] if before else 0
    bounced = round(before["returned_or_rejected"] * count) if before else 0
    lost = {i["item"]: i["count"] for i in before["most_lost_items"]} if before else {}
    tasks = [t for t in run("tasks", "--json").json() if t["team"] == "Marketing" and t["owner"]]
    tasks = [t for t in tasks if t["status"] in ("To do", "In progress")][:2]
    first = send(run, tasks[0]["id"], "--json").json()["id"]
    send(run, tasks[1]["id"])
    run("handoff", "reject", str(first), "--reason", "duplicate", actor=RECEIVER)
    cell = cell_now()
    assert cell["handoffs"] == count + 2
    assert cell["returned_or_rejected"] == round((bounced + 1) / (count + 2), 3)
    # The reject acknowledged it at once: the share acknowledged in time can only grow.
    assert cell["acknowledged_within_sla"] is not None
    if before and before["acknowledged_within_sla"] is not None:
        assert cell["acknowledged_within_sla"] >= before["acknowledged_within_sla"]
    else:
        assert cell["acknowledged_within_sla"] == 1.0
    assert cell["median_hours_to_acknowledge"] is not None
    assert {"item": "budget", "count": lost.get("budget", 0) + 2} in cell["most_lost_items"]
    text = run("handoffs", "--matrix")
    assert text.code == 0
    assert any(
        "Marketing" in line and "Inside Sales" in line and f" {count + 2} " in line
        for line in text.out.splitlines()
    )


def test_handoffs_table_is_readable(run):
    """Without --json, handoffs prints a table and each finding as a sentence."""
    task = marketing_task(run)
    send(run, task["id"])
    result = run("handoffs")
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0].split()[:4] == ["ID", "STATE", "SENT", "TEAMS"]
    assert any("Marketing → Inside Sales" in line and "sent" in line for line in lines)
    assert "incomplete_at_send: Marketing → Inside Sales" in result.out


def test_no_actor_is_refused(run):
    """A handoff write with no --as and no remembered identity: exit 1, nothing sent."""
    task = marketing_task(run)
    before = run("handoffs", "--json").json()
    result = run("handoff", "send", str(task["id"]), "--to-person", RECEIVER)
    assert result.code == 1
    assert "Say who you are with --as NAME" in result.err
    assert run("handoffs", "--json").json() == before


def test_unknown_handoff_is_refused(run):
    """ack of a handoff id the board does not have: exit 1 with a message."""
    result = run("handoff", "ack", "99", actor=RECEIVER)
    assert result.code == 1 and "there is no handoff 99" in result.err


# -- who may hand a task off ------------------------------------------------------------------


def test_someone_outside_the_task_team_is_refused_and_told_who_may(run):
    """Yuki Tanaka (Inside Sales) cannot hand off a Marketing task: exit 1, one line naming
    the owner and the team, nothing written."""
    task = marketing_task(run)
    before = run("handoffs", "--json").json()
    result = run("handoff", "send", str(task["id"]), "--to-person", "Ryo Ito", actor=RECEIVER)
    assert result.code == 1 and result.out == ""
    assert result.err == (
        f"renkei: Only {task['owner']} (the owner) or someone in Marketing can hand this task off\n"
    )
    assert run("handoffs", "--json").json() == before


def test_within_one_team_is_refused_with_the_owner_hint(run):
    """Haruka hands a Marketing task to Kenta Mori, also in Marketing: change the owner."""
    task = marketing_task(run)
    result = run("handoff", "send", str(task["id"]), "--to-person", "Kenta Mori", actor=SENDER)
    assert result.code == 1
    assert result.err == (
        "renkei: Kenta Mori is in Marketing too: passing a task within one team is a "
        "reassignment, not a handoff; change the task's owner instead: "
        f"renkei task set {task['id']} 'owner=Kenta Mori'\n"
    )


def test_a_done_task_is_refused_even_for_its_owner(run):
    tasks = run("tasks", "--json").json()
    done = next(t for t in tasks if t["status"] == "Done" and t["team"] == "Marketing")
    result = run("handoff", "send", str(done["id"]), "--to-person", RECEIVER, actor=done["owner"])
    assert result.code == 1
    assert result.err == (
        f"renkei: task {done['id']} is done (Done): a finished task cannot be handed off\n"
    )
