"""The parsers of ``renkei handoff …`` and ``renkei handoffs`` (their handlers are in
cli/handoff_commands.py, imported when one of them runs: ``later``)."""

from __future__ import annotations

import argparse
from typing import Any

from renkei.cli.loading import later
from renkei.cli.words import Joined
from renkei.domain.handoff import REJECT_REASONS, RETURN_REASONS
from renkei.domain.i18n import QT_TRANSLATE_NOOP


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
    send.set_defaults(handler=later("handoff_commands", "cmd_send"))

    for name, cmd, text in (
        ("ack", "cmd_ack", QT_TRANSLATE_NOOP("Cli", "acknowledge a handoff sent to you")),
        (
            "accept",
            "cmd_accept",
            QT_TRANSLATE_NOOP("Cli", "take the task over (its owner and team become yours)"),
        ),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("handoff_id", type=int, metavar="ID")
        _json(action)
        action.set_defaults(handler=later("handoff_commands", cmd))

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
    return_.set_defaults(handler=later("handoff_commands", "cmd_return"))

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
    reject.set_defaults(handler=later("handoff_commands", "cmd_reject"))

    ask = actions.add_parser("ask", help=QT_TRANSLATE_NOOP("Cli", "ask the sender about one item"))
    ask.add_argument("handoff_id", type=int, metavar="ID")
    ask.add_argument("--item", required=True, metavar="ITEM")
    ask.add_argument("--question", required=True, metavar="TEXT")
    _json(ask)
    ask.set_defaults(handler=later("handoff_commands", "cmd_ask"))

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
    answer.set_defaults(handler=later("handoff_commands", "cmd_answer"))

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
    _json(listing, QT_TRANSLATE_NOOP("Cli", "a JSON array instead of a table"))
    listing.set_defaults(handler=later("handoff_commands", "cmd_handoffs"))


def _json(
    parser: argparse.ArgumentParser,
    text: str = QT_TRANSLATE_NOOP("Cli", "print the handoff as JSON"),
) -> None:
    parser.add_argument("--json", action="store_true", help=text)
