"""Edits as a person reads them: "• “Call Aozora Bank”  Status → Doing", the row an edit is
about, and the fields an undo or a conflict would overwrite. Shared by the operation's
messages, the unsaved-edit list and the undo questions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from renkei.domain.commands import Command, Create, SetFields
from renkei.domain.model import ENTITY_COLLECTIONS, Board
from renkei.ui.text import field_label, value_text

ENTITY_WORDS = {
    "task": QT_TRANSLATE_NOOP("MainWindow", "task"),
    "person": QT_TRANSLATE_NOOP("MainWindow", "person"),
    "team": QT_TRANSLATE_NOOP("MainWindow", "team"),
    "project": QT_TRANSLATE_NOOP("MainWindow", "project"),
    "status": QT_TRANSLATE_NOOP("MainWindow", "column"),
}


class FieldClash(NamedTuple):
    """One field an undo (or a save) would overwrite: as a person reads it."""

    field: str  # "Title"
    current: str  # their value, stored now
    restored: str  # the value undo would put back
    changed_by: str  # who changed it since ("" when unknown)


def fill(template: str, *values: str) -> str:
    """Qt-style %1, %2… in one pass, so a value that contains "%2" stays as it is."""
    return re.sub(
        r"%(\d)",
        lambda m: values[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(values) else m[0],
        template,
    )


def subject(board: Board, entity: str, entity_id: Any) -> str:
    """The row an edit is about: “its title or name”, else "task #12"."""
    rows = getattr(board, ENTITY_COLLECTIONS.get(entity, ""), {})
    row = rows.get(entity_id) if isinstance(entity_id, int) else None
    name = getattr(row, "title", None) or getattr(row, "name", None) if row else None
    return f"“{name}”" if name else f"{entity} #{entity_id}"


def describe_commands(board: Board, commands: Iterable[Command]) -> list[str]:
    """Each edit as a line a person recognises: which task, which fields, which values."""
    lines = []
    for command in commands:
        if isinstance(command, SetFields):
            lines.append(f"• {subject(board, command.entity, command.entity_id)}")
            values = dict(command.values)
            if len(values) > 1:
                values.pop("position", None)  # a move: the column says it
            lines.extend(f"    {_field_value(board, n, v)}" for n, v in values.items())
        elif isinstance(command, Create):
            values = dict(command.values)
            name = values.get("title") or values.get("name") or ""
            kind = ENTITY_WORDS.get(command.entity)
            kind = QCoreApplication.translate("MainWindow", kind) if kind else command.entity
            lines.append(
                "• "
                + fill(QCoreApplication.translate("MainWindow", "New %1 “%2”"), kind, str(name))
            )
    return lines


def _field_value(board: Board, name: str, value: Any) -> str:
    if name == "archived":
        return (
            QCoreApplication.translate("MainWindow", "archived")
            if value
            else QCoreApplication.translate("MainWindow", "restored from the archive")
        )
    if name == "position":
        return QCoreApplication.translate("MainWindow", "reordered")
    return f"{field_label(name)} → {value_text(board, name, value)}"


def clash_lines(clashes: Iterable[FieldClash]) -> str:
    """One line per field: who made it what, and what undo would put back."""
    lines = []
    for clash in clashes:
        if clash.changed_by:
            line = QCoreApplication.translate(
                "MainWindow", "• %1: %2 made it “%3”; undo would put back “%4”."
            )
        else:
            line = QCoreApplication.translate(
                "MainWindow", "• %1: now “%3”; undo would put back “%4”."
            )
        lines.append(fill(line, clash.field, clash.changed_by, clash.current, clash.restored))
    return "\n".join(lines)
