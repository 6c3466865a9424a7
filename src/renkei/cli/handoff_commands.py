"""``renkei handoff …`` and ``renkei handoffs``: passing a task between teams from a terminal,
and where its information got lost.

Every write is signed (``--as NAME`` or the remembered identity) and goes through
``BoardSession.apply_all`` with the commands of ``renkei.domain.handoff_commands``; a broken rule is
``renkei: <message>``, exit 1, with nothing written. JSON times are ISO 8601 UTC with ``Z``;
teams and people appear by name.

The parsers are in cli/handoff_parsers.py; the JSON, tables and lines in cli/handoff_output.py.
"""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Sequence
from typing import Any

from renkei.app.board_files import utcnow
from renkei.app.field_input import people_in_order
from renkei.app.session import BoardSession
from renkei.cli import output
from renkei.cli.board_access import (
    CliError,
    board_session,
    out,
    saved_already,
    saved_before,
    sign_in,
    task_or_fail,
)
from renkei.cli.handoff_output import (
    NONE_TEXT,
    entries,
    entries_table,
    finding_word,
    handoff_json,
    headline,
    items_words,
    matrix_json,
    matrix_table,
    missing_text,
    person_name,
    reason_word,
    team_name,
    worst_line,
)
from renkei.cli.words import Cli, arg, error_text, japanese, translate_marked
from renkei.domain import handoff_commands as ho
from renkei.domain.handoff import Handoff
from renkei.domain.handoff_findings import Names
from renkei.domain.handoff_findings import describe as describe_finding
from renkei.domain.model import Board


def _items(pairs: Sequence[str]) -> dict[str, str]:
    provided: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise CliError(arg(Cli.tr("--item %1: write key=value, e.g. --item budget=5M"), pair))
        provided[key.strip()] = value.strip()
    return provided


def _show(args: argparse.Namespace, session: BoardSession, handoff_id: int, line: str) -> int:
    board = session.board
    h = board.handoffs[handoff_id]
    if args.json:
        found = session.handoff_analysis().findings_of(h.task_id)
        mine = [f for f in found if f.handoff_id == handoff_id]
        out(output.dumps(handoff_json(board, h, mine)))
    else:
        out(line)
    return 0


def cmd_send(args: argparse.Namespace) -> int:
    with board_session(args) as session:
        if saved_before(args, session):
            return 0
        task = task_or_fail(session, args.task_id)
        sign_in(session, args.as_name)
        receiver = session.board.find_person(args.to_person)
        if receiver is None:
            names = ", ".join(p.name for p in people_in_order(session.board))
            raise CliError(
                arg(
                    Cli.tr("nobody called %1 on this board (%2)"),
                    repr(args.to_person.strip()),
                    names,
                )
            )
        missing = [key for group in args.missing for key in group]
        try:
            commands = ho.send(
                session.board,
                task.id,
                receiver.id,
                args.template,
                _items(args.item),
                missing,
                args.note,
                actor_id=session.actor_id,
                at=utcnow(),
            )
        except ho.WithinOneTeam as error:
            hint = shlex.quote(f"owner={error.receiver}")
            command = f"renkei task set {task.id} {hint}"
            raise CliError(arg(Cli.tr("%1: %2"), error_text(error), command)) from None
        change = session.apply_all(commands, f"Hand over task {task.id}", change_id=args.change_id)
        if saved_already(args, change):
            return 0
        handoff_id = change.rows[0].entity_id
        h = session.board.handoffs[handoff_id]
        line = arg(
            Cli.tr("Sent handoff %1: %2, %3"),
            h.id,
            headline(session.board, h),
            missing_text(h),
        )
        return _show(args, session, handoff_id, line)


def _react(args: argparse.Namespace, build, label: str, line, *extra: Any) -> int:
    """Sign in, build the commands for the handoff, apply them, print ``line(board, h)``."""
    with board_session(args) as session:
        if saved_before(args, session):
            return 0
        sign_in(session, args.as_name)
        commands = build(
            session.board, args.handoff_id, *extra, actor_id=session.actor_id, at=utcnow()
        )
        change = session.apply_all(
            commands, f"{label} handoff {args.handoff_id}", change_id=args.change_id
        )
        if saved_already(args, change):
            return 0
        h = session.board.handoffs[args.handoff_id]
        return _show(args, session, h.id, line(session.board, h))


def cmd_ack(args: argparse.Namespace) -> int:
    return _react(
        args,
        ho.acknowledge,
        "Acknowledge",
        lambda board, h: arg(Cli.tr("Acknowledged handoff %1: %2"), h.id, headline(board, h)),
    )


def cmd_accept(args: argparse.Namespace) -> int:
    def line(board: Board, h: Handoff) -> str:
        task = board.tasks[h.task_id]
        team = team_name(board, task.team_id) or NONE_TEXT
        return arg(
            Cli.tr("Accepted handoff %1: task %2 “%3” is now %4's (%5)"),
            h.id,
            h.task_id,
            task.title,
            person_name(board, task.owner_id),
            team,
        )

    return _react(args, ho.accept, "Accept", line)


def cmd_return(args: argparse.Namespace) -> int:
    return _react(
        args,
        ho.return_,
        "Return",
        lambda board, h: arg(
            Cli.tr("Returned handoff %1 (%2): %3, missing %4"),
            h.id,
            reason_word(h.reason),
            headline(board, h),
            items_words(h.returned_missing),
        ),
        args.reason,
        args.missing,
    )


def cmd_reject(args: argparse.Namespace) -> int:
    return _react(
        args,
        ho.reject,
        "Reject",
        lambda board, h: arg(
            Cli.tr("Rejected handoff %1 (%2): %3"),
            h.id,
            reason_word(h.reason),
            headline(board, h),
        ),
        args.reason,
    )


def cmd_ask(args: argparse.Namespace) -> int:
    def line(board: Board, h: Handoff) -> str:
        q = h.questions[-1]
        return arg(
            Cli.tr("Asked question %1 on handoff %2 about %3: %4"),
            q.id,
            h.id,
            items_words([q.item]),
            q.text,
        )

    return _react(args, ho.ask, "Ask about", line, args.item, args.question)


def cmd_answer(args: argparse.Namespace) -> int:
    def line(board: Board, h: Handoff) -> str:
        q = next(q for q in h.questions if q.id == args.question)
        return arg(
            Cli.tr("Answered question %1 on handoff %2 (%3): %4"),
            q.id,
            h.id,
            items_words([q.item]),
            q.answer,
        )

    return _react(args, ho.answer, "Answer on", line, args.question, args.text)


def cmd_handoffs(args: argparse.Namespace) -> int:
    if args.matrix and args.lost:
        raise CliError(Cli.tr("--lost lists handoffs; it does not go with --matrix"))
    with board_session(args) as session:
        board = session.board
        analysis = session.handoff_analysis()
        if args.matrix:
            cells = matrix_json(board, analysis.matrix)
            if args.json:
                out(output.dumps(cells))
            elif cells:
                out(matrix_table(cells))
                out()
                out(worst_line(board, analysis))
            else:
                out(Cli.tr("No handoffs yet."))
            return 0
        listed = entries(board, analysis)
        found = [e.findings for e in analysis.entries]  # the entries' findings, as listed
        if args.lost:
            found = [f for e, f in zip(listed, found, strict=True) if e["findings"]]
            listed = [e for e in listed if e["findings"]]
        if args.json:
            out(output.dumps(listed))
            return 0
        if not listed:
            out(Cli.tr("Nothing lost.") if args.lost else Cli.tr("No handoffs yet."))
            return 0
        out(entries_table(listed))
        names = Names(
            teams={t.id: t.name for t in board.teams.values()},
            people={p.id: p.name for p in board.people.values()},
        )
        details = [(e, f) for e, fs in zip(listed, found, strict=True) for f in fs]
        if details:
            out()
            out(Cli.tr("Findings:"))
            for e, f in details:
                if e["id"] is not None:
                    ident = arg(Cli.tr("handoff %1"), e["id"])
                else:
                    ident = Cli.tr("no handoff")
                sentence = describe_finding(f, names, translate_marked) if japanese() else f.detail
                out(
                    arg(
                        Cli.tr("  task %1 (%2) %3: %4"),
                        e["task_id"],
                        ident,
                        finding_word(f.kind),
                        sentence,
                    )
                )
    return 0
