"""How ``renkei handoff …`` and ``renkei handoffs`` show handoffs: JSON for a script (times
ISO 8601 UTC with ``Z``, teams and people by name), tables and lines for a person (codes in
English, labels in Japanese). The commands themselves are in cli/handoff_commands.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from renkei.cli import output
from renkei.cli.words import Cli, arg, japanese, translate, translate_marked, words_list
from renkei.domain.durations import duration_text
from renkei.domain.handoff import (
    STATE_LABELS,
    Handoff,
    HandoffState,
    item_label,
    reason_label,
)
from renkei.domain.handoff_log import SILENT, HandoffAnalysis, HandoffEntry
from renkei.domain.handoff_loss import Finding, MatrixCell
from renkei.domain.model import Board

NONE_TEXT = output.NONE_TEXT


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


def finding_word(kind: str) -> str:
    if not japanese():
        return kind
    from renkei.i18n.words import finding_word as label  # noqa: PLC0415 - Qt, for Japanese only

    return label(kind)


def items_words(keys: Sequence[str]) -> str:
    if not japanese():
        return ", ".join(keys)
    return words_list([item_label(k, translate_marked) for k in keys])


def reason_word(code: str | None) -> str:
    if not code:
        return NONE_TEXT
    return reason_label(code, translate_marked) if japanese() else code


# -- shaping -----------------------------------------------------------------------------------


def team_name(board: Board, team_id: int | None) -> str | None:
    return output.name_of(board, "teams", team_id)


def person_name(board: Board, person_id: int | None) -> str | None:
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
        "from_team": team_name(board, h.sender_team_id),
        "to_team": team_name(board, h.receiver_team_id),
        "from_person": person_name(board, h.sender_id),
        "to_person": person_name(board, h.receiver_id),
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
                "asked_by": person_name(board, q.asked_by),
                "asked_at": output.utc_iso(q.asked_at),
                "text": q.text,
                "answer": q.answer,
                "answered_by": person_name(board, q.answered_by),
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
        "from_team": team_name(board, entry.from_team_id),
        "to_team": team_name(board, entry.to_team_id),
        "from_person": person_name(board, entry.from_person_id),
        "to_person": person_name(board, entry.to_person_id),
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
    return items_words(entry["missing_items"]) or NONE_TEXT


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
                words_list(list(dict.fromkeys(finding_word(f["kind"]) for f in e["findings"])))
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
                "from_team": team_name(board, cell.from_team_id),
                "to_team": team_name(board, cell.to_team_id),
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
            words_list([f"{items_words([i['item']])} ×{i['count']}" for i in c["most_lost_items"]])
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
            f"{team_name(board, c.from_team_id) or NONE_TEXT} → "
            f"{team_name(board, c.to_team_id) or NONE_TEXT}"
            for c in worst
        ]
    )
    if len(worst) > 1:
        return arg(Cli.tr("Loses the most (tie): %1"), pairs)
    return arg(Cli.tr("Loses the most: %1"), pairs)


def missing_text(h: Handoff) -> str:
    count = len(h.missing_items)
    if not count:
        return Cli.tr("all items provided")
    return arg(Cli.tr("%n item(s) missing (%1)", "", count), items_words(h.missing_items))


def headline(board: Board, h: Handoff) -> str:
    """``task 12 “…” Marketing → Inside Sales (Yuki Tanaka)``"""
    return arg(
        Cli.tr("task %1 “%2” %3 → %4 (%5)"),
        h.task_id,
        _title(board, h.task_id) or "",
        team_name(board, h.sender_team_id) or NONE_TEXT,
        team_name(board, h.receiver_team_id) or NONE_TEXT,
        person_name(board, h.receiver_id),
    )
