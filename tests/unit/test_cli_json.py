"""The CLI's JSON: valid, readable (one element a line, Japanese as itself) and written by
json's C encoder, never its slow pure-Python one."""

from __future__ import annotations

import json

import pytest

from renkei.cli.output import dumps

TASKS = [
    {"id": 1, "title": "ウェビナーの準備", "tags": ["営業", "q4"], "due": None, "at_risk": True},
    {"id": 2, "title": 'Say "hi"\nthen go', "estimate_hours": 1.5, "depends_on": []},
]


@pytest.mark.parametrize(
    "data",
    [TASKS, TASKS[0], [], {}, "text", 3, None, {1: "an int key"}, [[1, [2]], {"a": {"b": 1}}]],
)
def test_the_json_reads_back_as_the_data(data):
    """Whatever a command prints as JSON decodes to what it meant (int keys as json makes them)."""
    assert json.loads(dumps(data)) == json.loads(json.dumps(data))


def test_each_task_is_one_line_and_japanese_is_itself():
    """An array puts one element a line, so `tasks --json | grep` finds a whole task."""
    text = dumps(TASKS)
    lines = text.splitlines()
    assert lines[0] == "[" and lines[-1] == "]"
    assert [json.loads(line.strip().rstrip(",")) for line in lines[1:-1]] == TASKS
    assert "ウェビナーの準備" in text and "\\u" not in text


def test_an_object_puts_one_member_a_line():
    """`task add --json`: one field a line."""
    lines = dumps(TASKS[0]).splitlines()
    assert lines[1] == '  "id": 1,'
    assert len(lines) == len(TASKS[0]) + 2


def test_only_the_c_encoder_writes(monkeypatch):
    """json's pure-Python encoder (what indent= switches to) is never used."""

    def python_encoder(*args, **kwargs):
        raise AssertionError("the pure-Python JSON encoder was used")

    monkeypatch.setattr(json.encoder, "_make_iterencode", python_encoder)
    many = TASKS * 500
    assert json.loads(dumps(many)) == many
    assert json.loads(dumps(TASKS[0])) == TASKS[0]
