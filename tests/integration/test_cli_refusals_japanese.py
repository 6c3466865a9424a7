"""A refused change on the command line under a Japanese locale: the refusal in Japanese
(the field by its Japanese label), exit 1; the same refusal in English under an English one."""

from __future__ import annotations

import json

import pytest

from renkei.cli.main import main

SENDER = "Haruka Aoki"  # Marketing, on the English demo board
RECEIVER = "Yuki Tanaka"  # Inside Sales
BYSTANDER = "Misaki Nakamura"


def _language(monkeypatch, lang: str) -> None:
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)


@pytest.fixture
def run(capsys, board):
    def run(*argv: str, actor: str | None = None) -> tuple[int, str, str]:
        prefix = ["--board", board] + (["--as", actor] if actor else [])
        code = main([*prefix, *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def _marketing_task(run) -> dict:
    code, out, err = run("tasks", "--json")
    assert code == 0, err
    return next(
        t
        for t in json.loads(out)
        if t["team"] == "Marketing" and t["owner"] and t["status"] in ("To do", "In progress")
    )


def test_a_bystander_acknowledging_is_refused_in_japanese(run, monkeypatch):
    _language(monkeypatch, "en_US.UTF-8")
    task = _marketing_task(run)
    code, out, err = run(
        "handoff", "send", str(task["id"]), "--to-person", RECEIVER, "--json", actor=task["owner"]
    )
    assert code == 0, err
    handoff_id = json.loads(out)["id"]

    _language(monkeypatch, "ja_JP.UTF-8")
    code, out, err = run("handoff", "ack", str(handoff_id), actor=BYSTANDER)
    assert code == 1
    assert "この引き継ぎを受領できるのは引き継ぎ先だけです" in err
    assert "only the receiver" not in err

    _language(monkeypatch, "en_US.UTF-8")
    code, out, err = run("handoff", "ack", str(handoff_id), actor=BYSTANDER)
    assert code == 1
    assert "only the receiver can acknowledge this handoff" in err


def test_a_date_that_is_not_one_is_refused_in_japanese(run, monkeypatch):
    _language(monkeypatch, "ja_JP.UTF-8")
    code, out, err = run("task", "set", "12", "due=notadate", actor=SENDER)
    assert code == 1
    assert "due=notadate：日付ではありません（YYYY-MM-DD で入力してください）" in err
    code, out, err = run("task", "set", "12", "progress=150", actor=SENDER)
    assert code == 1
    assert "progress=150：進捗は0から100までの値で入力してください" in err
    code, out, err = run("task", "set", "12", "title=", actor=SENDER)
    assert code == 1
    assert "タイトルは空にできません" in err


def test_the_same_refusals_in_english(run, monkeypatch):
    _language(monkeypatch, "en_US.UTF-8")
    code, out, err = run("task", "set", "12", "progress=150", actor=SENDER)
    assert code == 1
    assert "progress=150: Progress must be between 0 and 100" in err
    code, out, err = run("task", "set", "12", "due=2026-02-30", actor=SENDER)
    assert code == 1
    assert "due=2026-02-30: not a date in the calendar (use YYYY-MM-DD)" in err
