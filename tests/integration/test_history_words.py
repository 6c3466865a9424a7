"""`renkei history` as a person reads it, on a real board: local time to the minute, names,
labels for codes, and a task's handoffs (send → return → re-send → accept) among its edits."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from datetime import datetime

import pytest

from renkei.domain import handoff_commands as ho
from renkei.domain.commands import Create, set_task

# Times as the store keeps them (naive UTC); the tests read them in Tokyo (UTC+9).
CREATED = datetime(2026, 11, 23, 9, 0)
SENT = datetime(2026, 11, 24, 0, 30)
LEAD = {
    "company": "Kansai Foods",
    "contact": "m.ito@example.jp",
    "timeline": "Q1",
    "decision_maker": "Mr Ito",
    "source": "Webinar",
    "consent": "yes",
}


@pytest.fixture
def tokyo(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _create(store, entity, actor=None, at=CREATED, **values):
    return store.apply(Create(entity, tuple(values.items())), actor, at).rows[0].entity_id


def _run(store, build, actor, at, *args, **kwargs):
    commands = build(store.load(), *args, actor_id=actor, at=at, **kwargs)
    return store.apply_all(commands, actor, at)


@pytest.fixture
def chain(store):
    """Aoki (Marketing) hands a lead to Tanaka (Inside Sales) without budget and need;
    Tanaka returns it for them; Aoki re-sends it complete; Tanaka accepts; then he sets a due
    date, and a script with no name unlinks a dependency."""
    marketing = _create(store, "team", name="Marketing")
    sales = _create(store, "team", name="Inside Sales")
    aoki = _create(store, "person", name="Haruka Aoki", team_id=marketing)
    tanaka = _create(store, "person", name="Yuki Tanaka", team_id=sales)
    todo = store.load().find_status("To do").id
    task = _create(
        store,
        "task",
        aoki,
        title="Kansai Foods lead",
        status_id=todo,
        owner_id=aoki,
        team_id=marketing,
    )
    first = (
        _run(store, ho.send, aoki, SENT, task, tanaka, "lead", LEAD, ("budget", "need"))
        .rows[0]
        .entity_id
    )
    _run(store, ho.acknowledge, tanaka, datetime(2026, 11, 24, 1, 10), first)
    _run(
        store,
        ho.return_,
        tanaka,
        datetime(2026, 11, 24, 2, 0),
        first,
        "missing_info",
        ["budget", "need"],
    )
    complete = {**LEAD, "budget": "5M", "need": "CRM"}
    second = (
        _run(store, ho.send, aoki, datetime(2026, 11, 24, 5, 0), task, tanaka, "lead", complete)
        .rows[0]
        .entity_id
    )
    _run(store, ho.accept, tanaka, datetime(2026, 11, 24, 6, 0), second)
    board = store.load()
    store.apply(
        set_task(board.tasks[task], due=datetime(2026, 12, 3).date()),
        tanaka,
        datetime(2026, 11, 25, 8, 15),
    )
    board = store.load()
    store.apply(set_task(board.tasks[task], tags=("crm", "kansai")), None, datetime(2026, 11, 26))
    return task


ENGLISH = [
    "2026-11-23 18:00  Haruka Aoki     Created “Kansai Foods lead”",
    "2026-11-24 09:30  Haruka Aoki     Lead handoff sent: Haruka Aoki (Marketing) → "
    "Yuki Tanaka (Inside Sales); sent without Need, Budget",
    "2026-11-24 10:10  Yuki Tanaka     Handoff acknowledged: Haruka Aoki (Marketing) → "
    "Yuki Tanaka (Inside Sales)",
    "2026-11-24 11:00  Yuki Tanaka     Handoff returned (Missing information): Haruka Aoki "
    "(Marketing) → Yuki Tanaka (Inside Sales); missing Budget, Need",
    "2026-11-24 14:00  Haruka Aoki     Lead handoff re-sent: Haruka Aoki (Marketing) → "
    "Yuki Tanaka (Inside Sales)",
    "2026-11-24 15:00  Yuki Tanaka     Handoff accepted: Haruka Aoki (Marketing) → "
    "Yuki Tanaka (Inside Sales)",
    "2026-11-24 15:00  Yuki Tanaka     Owner: Haruka Aoki → Yuki Tanaka",
    "2026-11-24 15:00  Yuki Tanaka     Team: Marketing → Inside Sales",
    "2026-11-25 17:15  Yuki Tanaka     Due date: (none) → Thu 3 Dec",
    "2026-11-26 09:00  unknown person  Tags: (none) → crm, kansai",
]

JAPANESE = [
    "11月23日(月) 18:00  Haruka Aoki  「Kansai Foods lead」を作成しました",
    "11月24日(火) 09:30  Haruka Aoki  リードの引き継ぎを送りました：Haruka Aoki（Marketing） → "
    "Yuki Tanaka（Inside Sales）（未記入のまま送信：ニーズ、予算）",
    "11月24日(火) 10:10  Yuki Tanaka  引き継ぎを受領しました：Haruka Aoki（Marketing） → "
    "Yuki Tanaka（Inside Sales）",
    "11月24日(火) 11:00  Yuki Tanaka  引き継ぎを差し戻しました（情報の抜け漏れ）："
    "Haruka Aoki（Marketing） → Yuki Tanaka（Inside Sales）。未記入：予算、ニーズ",
    "11月24日(火) 14:00  Haruka Aoki  リードの引き継ぎを再送しました：Haruka Aoki（Marketing） → "
    "Yuki Tanaka（Inside Sales）",
    "11月24日(火) 15:00  Yuki Tanaka  引き継ぎを引き受けました：Haruka Aoki（Marketing） → "
    "Yuki Tanaka（Inside Sales）",
    "11月24日(火) 15:00  Yuki Tanaka  担当者：Haruka Aoki → Yuki Tanaka",
    "11月24日(火) 15:00  Yuki Tanaka  チーム：Marketing → Inside Sales",
    "11月25日(水) 17:15  Yuki Tanaka  期限：（なし） → 12月3日(木)",
    "11月26日(木) 09:00  不明な人     タグ：（なし） → crm、kansai",
]


def test_task_history_reads_in_english_with_its_handoffs(run, board_path, chain, tokyo):
    """Times in local time to the minute, names and labels, the handoff chain in order."""
    result = run("--board", str(board_path), "history", str(chain), "--lang", "en")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith(f"Task {chain} “Kansai Foods lead”")
    assert lines[1:] == ENGLISH


def test_task_history_json_keeps_raw_values_and_adds_the_line(run, board_path, chain, tokyo):
    """--json: stored values and UTC times as before, each entry's line as `text`, and the
    other rows of a handoff event under `also`."""
    result = run("--board", str(board_path), "history", str(chain), "--json", "--lang", "en")
    entries = json.loads(result.out)
    assert [e["text"].split(" · ", 2)[2] for e in entries] == [
        line.split("  ", 1)[1].lstrip().split("  ", 1)[1].lstrip() for line in ENGLISH
    ]
    returned = entries[3]
    assert (returned["entity"], returned["field"], returned["old"], returned["new"]) == (
        "handoff",
        "state",
        "acknowledged",
        "returned",
    )
    assert returned["at"] == "2026-11-24T02:00:00Z"
    also = {a["field"]: a["new"] for a in returned["also"]}
    assert also["reason"] == "missing_info"
    assert also["returned_missing"] == ["budget", "need"]
    assert also["resolved_at"] == "2026-11-24T02:00:00"
    assert entries[-1]["actor"] is None and entries[-1]["new"] == ["crm", "kansai"]


def test_task_history_reads_in_japanese_under_a_japanese_locale(board_path, chain):
    """LANG=ja_JP: the same lines in Japanese, lists joined with 、, dates as 12月3日(木)."""
    env = {**os.environ, "LANG": "ja_JP.UTF-8", "TZ": "Asia/Tokyo"}
    env.pop("LANGUAGE", None)
    done = subprocess.run(
        [sys.executable, "-m", "renkei.cli.main", "--board", str(board_path), "history"]
        + [str(chain)],
        capture_output=True,
        timeout=120,
        env=env,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1:] == JAPANESE


def test_board_history_names_the_task_of_each_handoff_event(run, board_path, chain, tokyo):
    """The whole board's history says which task a handoff event is about, and never shows
    a stored code, an ISO time with microseconds or a JSON list."""
    result = run("--board", str(board_path), "history", "--lang", "en")
    text = result.out
    assert re.search(
        rf"^2026-11-24 11:00  Yuki Tanaka +task {chain} +Handoff returned \(Missing information\)",
        text,
        re.MULTILINE,
    )
    for raw in ("missing_info", ".000", '["', "T02:00", "acknowledged_at", "(nobody)"):
        assert raw not in text


def test_a_row_with_only_a_login_names_the_login(run, store, board_path, chain):
    """No person, but the login that wrote it: "login jdoe", never "someone"."""
    store.login = "jdoe"
    board = store.load()
    store.apply(set_task(board.tasks[chain], progress=30), None)
    result = run("--board", str(board_path), "history", str(chain), "--json")
    entries = json.loads(result.out)
    assert entries[-1]["text"].split(" · ")[1:] == ["login jdoe", "Progress: 0% → 30%"]
    assert json.dumps(entries[-1]["login"]) == '"jdoe"'


def test_questions_a_rejection_and_a_withdrawn_send_read_as_events(qapp, store, chain, tokyo):
    """Asked and answered about an item, a send undone (withdrawn) and a rejection with its
    reason: each one line naming the hop, in English and in Japanese. (``qapp``: Japanese
    needs a Qt application, and one made here must be the widgets' kind.)"""
    from renkei.domain.commands import SetFields
    from renkei.domain.handoff import HandoffState
    from renkei.domain.model import Activity
    from renkei.i18n.history import history_entries
    from renkei.i18n.language import speaking

    board = store.load()
    aoki = board.find_person("Haruka Aoki").id
    tanaka = board.find_person("Yuki Tanaka").id
    accepted = max(board.handoffs)
    _run(store, ho.ask, tanaka, datetime(2026, 11, 27, 1, 0), accepted, "budget", "Net of tax?")
    _run(store, ho.answer, aoki, datetime(2026, 11, 27, 2, 0), accepted, 1, "Yes, net")
    # Tanaka hands it back to Marketing; the send is undone (withdrawn), then sent and rejected.
    back = _run(store, ho.send, tanaka, datetime(2026, 11, 28, 0, 0), chain, aoki, "lead", LEAD)
    back_id = back.rows[0].entity_id
    store.apply(
        SetFields(
            "handoff",
            back_id,
            (("state", HandoffState.WITHDRAWN),),
            (("state", HandoffState.SENT),),
        ),
        tanaka,
        datetime(2026, 11, 28, 0, 5),
    )
    again = _run(store, ho.send, tanaka, datetime(2026, 11, 28, 1, 0), chain, aoki, "lead", LEAD)
    _run(
        store,
        ho.reject,
        aoki,
        datetime(2026, 11, 28, 3, 0),
        again.rows[0].entity_id,
        "no_budget",
    )
    board = store.load()
    rows = store.history("handoff", entity_ids=sorted(board.handoffs), since=datetime(2026, 11, 27))
    hop = "Yuki Tanaka (Inside Sales) → Haruka Aoki (Marketing)"
    aoki_to_tanaka = "Haruka Aoki (Marketing) → Yuki Tanaka (Inside Sales)"
    with speaking("en"):
        lines = [e.text for e in history_entries(board, rows)]
    assert lines == [
        f"2026-11-27 10:00 · Yuki Tanaka · Asked about Budget ({aoki_to_tanaka}): “Net of tax?”",
        f"2026-11-27 11:00 · Haruka Aoki · Answered about Budget ({aoki_to_tanaka}): “Yes, net”",
        f"2026-11-28 09:00 · Yuki Tanaka · Lead handoff sent: {hop}; sent without Need, Budget",
        f"2026-11-28 09:05 · Yuki Tanaka · Handoff withdrawn (its sending undone): {hop}",
        f"2026-11-28 10:00 · Yuki Tanaka · Lead handoff sent: {hop}; sent without Need, Budget",
        f"2026-11-28 12:00 · Haruka Aoki · Handoff rejected (No budget): {hop}",
    ]
    with speaking("ja"):
        rejected = history_entries(board, rows)[-1].what
        unknown = history_entries(
            board, [Activity(1, CREATED, None, "task", chain, "x", "", "", 1)]
        )
    assert rejected == (
        "引き継ぎを却下しました（予算なし）：Yuki Tanaka（Inside Sales） → Haruka Aoki（Marketing）"
    )
    assert unknown[0].who == "不明な人"
