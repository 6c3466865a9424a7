"""``renkei handoff …`` and ``renkei handoffs``: passing a task between teams from a terminal,
and where its information got lost.

Every write is signed (``--as NAME`` or the remembered identity) and goes through
``BoardSession.apply_all`` with the commands of ``renkei.domain.handoff_commands``; a broken rule is
``renkei: <message>``, exit 1, with nothing written. JSON times are ISO 8601 UTC with ``Z``;
teams and people appear by name.
"""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Sequence
from datetime import datetime, timedelta
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
from renkei.cli.words import Cli, Joined, arg, japanese, translate, translate_marked, words_list
from renkei.domain import handoff_commands as ho
from renkei.domain.durations import duration_text
from renkei.domain.handoff import (
    REJECT_REASONS,
    RETURN_REASONS,
    STATE_LABELS,
    Handoff,
    HandoffState,
    item_label,
    reason_label,
)
from renkei.domain.handoff_findings import Names
from renkei.domain.handoff_findings import describe as describe_finding
from renkei.domain.handoff_log import SILENT, HandoffAnalysis, HandoffEntry
from renkei.domain.handoff_loss import Finding, MatrixCell
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.domain.model import Board

NONE_TEXT = output.NONE_TEXT


# -- the parsers -----------------------------------------------------------------------------


def add_parsers(sub: Any) -> None:
    """``handoff ACTION …`` and ``handoffs`` on the top-level sub-parsers."""
    handoff = sub.add_parser(
        "handoff",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "hand a task to another team, and react to it (needs --as NAME)",
        ),
    )
    actions = handoff.add_subparsers(dest="handoff_command", metavar="ACTION", required=True)

    send = actions.add_parser(
        "send",
        help=QT_TRANSLATE_NOOP("Cli", "hand a task to a person (and their team)"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Hand TASK from its owner and team to a person and that person's team, with the "
            "template's information packet: --item key=value for what you provide, --missing key "
            "for what you know is missing (items not named are missing too).",
        ),
    )
    send.add_argument("task_id", type=int, metavar="TASK")
    send.add_argument("--to-person", required=True, metavar="NAME")
    send.add_argument(
        "--template",
        default="lead",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the handoff template (default: lead)",
        ),
    )
    send.add_argument("--item", action="append", default=[], metavar="KEY=VALUE")
    send.add_argument("--missing", action="append", nargs="+", default=[], metavar="KEY")
    send.add_argument("--note", default="", metavar="TEXT")
    _json(send)
    send.set_defaults(handler=cmd_send)

    for name, handler, text in (
        ("ack", cmd_ack, "acknowledge a handoff sent to you"),
        ("accept", cmd_accept, "take the task over (its owner and team become yours)"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("handoff_id", type=int, metavar="ID")
        _json(action)
        action.set_defaults(handler=handler)

    return_ = actions.add_parser(
        "return",
        help=QT_TRANSLATE_NOOP("Cli", "send a handoff back for what is missing"),
        description=Joined(
            (QT_TRANSLATE_NOOP("Cli", "Return a handoff. Reasons: %1."), ", ".join(RETURN_REASONS))
        ),
    )
    return_.add_argument("handoff_id", type=int, metavar="ID")
    return_.add_argument("--reason", required=True, metavar="CODE")
    return_.add_argument("--missing", required=True, nargs="+", metavar="ITEM")
    _json(return_)
    return_.set_defaults(handler=cmd_return)

    reject = actions.add_parser(
        "reject",
        help=QT_TRANSLATE_NOOP("Cli", "refuse a handoff for good"),
        description=Joined(
            (QT_TRANSLATE_NOOP("Cli", "Reject a handoff. Reasons: %1."), ", ".join(REJECT_REASONS))
        ),
    )
    reject.add_argument("handoff_id", type=int, metavar="ID")
    reject.add_argument("--reason", required=True, metavar="CODE")
    _json(reject)
    reject.set_defaults(handler=cmd_reject)

    ask = actions.add_parser("ask", help=QT_TRANSLATE_NOOP("Cli", "ask the sender about one item"))
    ask.add_argument("handoff_id", type=int, metavar="ID")
    ask.add_argument("--item", required=True, metavar="ITEM")
    ask.add_argument("--question", required=True, metavar="TEXT")
    _json(ask)
    ask.set_defaults(handler=cmd_ask)

    answer = actions.add_parser(
        "answer",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "answer a receiver's question (the sender)",
        ),
    )
    answer.add_argument("handoff_id", type=int, metavar="ID")
    answer.add_argument("--question", required=True, type=int, metavar="QID")
    answer.add_argument("--text", required=True, metavar="TEXT")
    _json(answer)
    answer.set_defaults(handler=cmd_answer)

    listing = sub.add_parser(
        "handoffs",
        help=QT_TRANSLATE_NOOP("Cli", "list handoffs and where information got lost"),
        description=QT_TRANSLATE_NOOP(
            "Cli",
            "Every handoff with its findings (dropped, incomplete_at_send, lost_in_transit, "
            "lost_downstream, bounced, silent_handoff, stalled). A task passed to another team "
            "without a handoff (its owner or team changed) shows as its own entry in state "
            "'silent', with the teams of that moment. A handoff imported without its information "
            "packet says 'packet unknown'. --lost keeps only entries with findings; --matrix "
            "shows the team-to-team matrix instead, silent handoffs included, and the pair that "
            "loses the most (every pair of a tie).",
        ),
    )
    listing.add_argument(
        "--lost",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "only entries with findings",
        ),
    )
    listing.add_argument(
        "--matrix",
        action="store_true",
        help=QT_TRANSLATE_NOOP(
            "Cli",
            "the team-to-team matrix",
        ),
    )
    _json(listing, "a JSON array instead of a table")
    listing.set_defaults(handler=cmd_handoffs)


def _json(parser: argparse.ArgumentParser, text: str = "print the handoff as JSON") -> None:
    parser.add_argument("--json", action="store_true", help=text)


# -- words: codes for a script (JSON) and in English, labels in Japanese -----------------------


def _state_word(state: str) -> str:
    if not japanese():
        return state
    if state == SILENT:
        return Cli.tr("no record")
    try:
        return translate("Handoff", STATE_LABELS[HandoffState(state)])
    except (KeyError, ValueError):
        return state


def _finding_word(kind: str) -> str:
    if not japanese():
        return kind
    from renkei.i18n.words import finding_word  # noqa: PLC0415 - Qt, for Japanese only

    return finding_word(kind)


def _items_words(keys: Sequence[str]) -> str:
    if not japanese():
        return ", ".join(keys)
    return words_list([item_label(k, translate_marked) for k in keys])


def _reason_word(code: str | None) -> str:
    if not code:
        return NONE_TEXT
    return reason_label(code, translate_marked) if japanese() else code


# -- shaping -----------------------------------------------------------------------------------


def _team(board: Board, team_id: int | None) -> str | None:
    return output.name_of(board, "teams", team_id)


def _person(board: Board, person_id: int | None) -> str | None:
    return output.name_of(board, "people", person_id)


def _title(board: Board, task_id: int) -> str | None:
    task = board.tasks.get(task_id)
    return task.title if task is not None else None


def finding_json(f: Finding) -> dict[str, Any]:
    return {"kind": f.kind, "items": list(f.items), "detail": f.detail, "at": output.utc_iso(f.at)}


def handoff_json(board: Board, h: Handoff, found: Sequence[Finding] = ()) -> dict[str, Any]:
    return {
        "id": h.id,
        "task_id": h.task_id,
        "task": _title(board, h.task_id),
        "from_team": _team(board, h.sender_team_id),
        "to_team": _team(board, h.receiver_team_id),
        "from_person": _person(board, h.sender_id),
        "to_person": _person(board, h.receiver_id),
        "template": h.template,
        "sent_at": output.utc_iso(h.sent_at),
        "acknowledged_at": output.utc_iso(h.acknowledged_at),
        "resolved_at": output.utc_iso(h.resolved_at),
        "state": h.state.value,
        "reason": h.reason,
        "note": h.note,
        "items": [{"item": i.name, "provided": i.provided, "value": i.value} for i in h.items],
        "missing_items": list(h.missing_items) if h.packet_known else [],
        "packet_known": h.packet_known,
        "returned_missing": list(h.returned_missing),
        "questions": [
            {
                "id": q.id,
                "item": q.item,
                "asked_by": _person(board, q.asked_by),
                "asked_at": output.utc_iso(q.asked_at),
                "text": q.text,
                "answer": q.answer,
                "answered_by": _person(board, q.answered_by),
                "answered_at": output.utc_iso(q.answered_at),
            }
            for q in h.questions
        ],
        "version": h.version,
        "findings": [finding_json(f) for f in found],
    }


def silent_json(board: Board, entry: HandoffEntry) -> dict[str, Any]:
    """A change of hands with no handoff record, shaped like a handoff; ``sent_at`` is when
    the owner/team changed."""
    return {
        "id": None,
        "task_id": entry.task_id,
        "task": _title(board, entry.task_id),
        "from_team": _team(board, entry.from_team_id),
        "to_team": _team(board, entry.to_team_id),
        "from_person": _person(board, entry.from_person_id),
        "to_person": _person(board, entry.to_person_id),
        "template": None,
        "sent_at": output.utc_iso(entry.at),
        "acknowledged_at": None,
        "resolved_at": None,
        "state": SILENT,
        "reason": None,
        "note": "",
        "items": [],
        "missing_items": [],
        "packet_known": None,  # no handoff, so no packet
        "returned_missing": [],
        "questions": [],
        "version": None,
        "findings": [finding_json(f) for f in entry.findings],
    }


def entries(board: Board, analysis: HandoffAnalysis) -> list[dict[str, Any]]:
    """One entry per handoff (a withdrawn one is left out) and per silent handoff, oldest
    first."""
    return [
        handoff_json(board, e.handoff, e.findings) if e.handoff else silent_json(board, e)
        for e in analysis.entries
    ]


def _hop(entry: dict[str, Any]) -> str:
    return f"{entry['from_team'] or NONE_TEXT} → {entry['to_team'] or NONE_TEXT}"


def _missing_cell(entry: dict[str, Any]) -> str:
    if entry["packet_known"] is False:
        return Cli.tr("packet unknown")  # imported: who passed it to whom, not what was sent
    return _items_words(entry["missing_items"]) or NONE_TEXT


def entries_table(items: Sequence[dict[str, Any]]) -> str:
    rows = []
    for e in items:
        sent = e["sent_at"]
        rows.append(
            [
                str(e["id"]) if e["id"] is not None else NONE_TEXT,
                _state_word(e["state"]),
                output.local_minute(_parse(sent)) if sent else NONE_TEXT,
                _hop(e),
                f"{e['from_person'] or NONE_TEXT} → {e['to_person'] or NONE_TEXT}",
                _missing_cell(e),
                words_list(list(dict.fromkeys(_finding_word(f["kind"]) for f in e["findings"])))
                or NONE_TEXT,
                arg(Cli.tr("%1 “%2”"), e["task_id"], e["task"] or ""),
            ]
        )
    headers = [
        Cli.tr("ID"),
        Cli.tr("STATE"),
        Cli.tr("SENT"),
        Cli.tr("TEAMS"),
        Cli.tr("PEOPLE"),
        Cli.tr("MISSING"),
        Cli.tr("FINDINGS"),
        Cli.tr("TASK"),
    ]
    return output.table(headers, rows, right=(0,))


def _parse(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def matrix_json(board: Board, matrix: dict[Any, MatrixCell]) -> list[dict[str, Any]]:
    order = {t.id: n for n, t in enumerate(board.ordered_teams())}

    def key(cell: MatrixCell):
        return (order.get(cell.from_team_id, len(order)), order.get(cell.to_team_id, len(order)))

    result = []
    for cell in sorted(matrix.values(), key=key):
        median = cell.median_to_acknowledge
        result.append(
            {
                "from_team": _team(board, cell.from_team_id),
                "to_team": _team(board, cell.to_team_id),
                "handoffs": cell.count,
                "acknowledged_within_sla": (
                    round(cell.acknowledged_in_sla, 3)
                    if cell.acknowledged_in_sla is not None
                    else None
                ),
                "median_hours_to_acknowledge": (
                    round(median.total_seconds() / 3600, 2) if median is not None else None
                ),
                "median_to_acknowledge": duration_text(median) if median is not None else None,
                "returned_or_rejected": round(cell.returned_or_rejected, 3),
                "most_lost_items": [{"item": i, "count": n} for i, n in cell.lost_items],
                "handoff_ids": list(cell.handoff_ids),
                "silent_handoffs": cell.silent,
            }
        )
    return result


def _percent(value: float | None) -> str:
    return f"{value * 100:.0f}%" if value is not None else NONE_TEXT


def _median_words(cell: dict[str, Any]) -> str:
    """The median wait as a person reads it: '1.2 h' / '1.2時間'."""
    hours = cell["median_hours_to_acknowledge"]
    if hours is None:
        return NONE_TEXT
    if not japanese():
        return cell["median_to_acknowledge"]
    return duration_text(timedelta(hours=hours), translate_marked)


def matrix_table(cells: Sequence[dict[str, Any]]) -> str:
    rows = [
        [
            c["from_team"] or NONE_TEXT,
            c["to_team"] or NONE_TEXT,
            str(c["handoffs"]),
            _percent(c["acknowledged_within_sla"]),
            _median_words(c),
            _percent(c["returned_or_rejected"]),
            words_list([f"{_items_words([i['item']])} ×{i['count']}" for i in c["most_lost_items"]])
            or NONE_TEXT,
            str(c["silent_handoffs"]),
        ]
        for c in cells
    ]
    headers = [
        Cli.tr("FROM"),
        Cli.tr("TO"),
        Cli.tr("HANDOFFS"),
        Cli.tr("ACK IN SLA"),
        Cli.tr("MEDIAN ACK"),
        Cli.tr("BOUNCED"),
        Cli.tr("MOST LOST"),
    ]
    headers.append(Cli.tr("NO RECORD"))  # silent handoffs: changes of hands without a handoff
    return output.table(headers, rows, right=(2, 3, 4, 5, 7))


def worst_line(board: Board, analysis: HandoffAnalysis) -> str:
    """'Loses the most: A → B', or every pair of a tie: 'Loses the most (tie): A → B, C → D'."""
    worst = analysis.worst_pairs()
    if not worst:
        return Cli.tr("Loses the most: no pair (nothing lost, bounced or passed on silently).")
    pairs = words_list(
        [
            f"{_team(board, c.from_team_id) or NONE_TEXT} → "
            f"{_team(board, c.to_team_id) or NONE_TEXT}"
            for c in worst
        ]
    )
    if len(worst) > 1:
        return arg(Cli.tr("Loses the most (tie): %1"), pairs)
    return arg(Cli.tr("Loses the most: %1"), pairs)


def _missing_text(h: Handoff) -> str:
    count = len(h.missing_items)
    if not count:
        return Cli.tr("all items provided")
    return arg(Cli.tr("%n item(s) missing (%1)", "", count), _items_words(h.missing_items))


def _headline(board: Board, h: Handoff) -> str:
    """``task 12 “…” Marketing → Inside Sales (Yuki Tanaka)``"""
    return arg(
        Cli.tr("task %1 “%2” %3 → %4 (%5)"),
        h.task_id,
        _title(board, h.task_id) or "",
        _team(board, h.sender_team_id) or NONE_TEXT,
        _team(board, h.receiver_team_id) or NONE_TEXT,
        _person(board, h.receiver_id),
    )


# -- the commands ------------------------------------------------------------------------------


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
            raise CliError(f"{error}: renkei task set {task.id} {hint}") from None
        change = session.apply_all(commands, f"Hand over task {task.id}", change_id=args.change_id)
        if saved_already(args, change):
            return 0
        handoff_id = change.rows[0].entity_id
        h = session.board.handoffs[handoff_id]
        line = arg(
            Cli.tr("Sent handoff %1: %2, %3"),
            h.id,
            _headline(session.board, h),
            _missing_text(h),
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
        lambda board, h: arg(Cli.tr("Acknowledged handoff %1: %2"), h.id, _headline(board, h)),
    )


def cmd_accept(args: argparse.Namespace) -> int:
    def line(board: Board, h: Handoff) -> str:
        task = board.tasks[h.task_id]
        team = _team(board, task.team_id) or NONE_TEXT
        return arg(
            Cli.tr("Accepted handoff %1: task %2 “%3” is now %4's (%5)"),
            h.id,
            h.task_id,
            task.title,
            _person(board, task.owner_id),
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
            _reason_word(h.reason),
            _headline(board, h),
            _items_words(h.returned_missing),
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
            _reason_word(h.reason),
            _headline(board, h),
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
            _items_words([q.item]),
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
            _items_words([q.item]),
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
                        _finding_word(f.kind),
                        sentence,
                    )
                )
    return 0
