"""What stops the task editor's form from being saved, in the person's words: the rules
are renkei.domain.fields'; this says which one a field broke, and how."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication

from renkei.domain import fields
from renkei.domain.commands import ValidationError
from renkei.domain.model import Board, Task
from renkei.i18n import arg
from renkei.ui.text import field_label, value_text


def form_problems(values: dict[str, Any], original: Task, flagged: bool) -> list[str]:
    """What stops saving the form's ``values`` (``flagged``: "Flag as at risk" is ticked),
    in words; the rules themselves live in renkei.domain.fields."""
    found = []
    title = values["title"]
    try:
        fields.check_value("task", "title", title)
    except ValidationError:
        if not title:
            found.append(QCoreApplication.translate("TaskEditor", "A title is required."))
        elif len(title) <= fields.MAX_TITLE:  # the field checks refuse its characters
            found.append(
                QCoreApplication.translate(
                    "TaskEditor",
                    "The title holds a character that cannot be saved (a control code).",
                )
            )
        else:
            found.append(
                arg(
                    QCoreApplication.translate(
                        "TaskEditor", "The title is too long: %1 characters, at most %2."
                    ),
                    len(title),
                    fields.MAX_TITLE,
                )
            )
    try:
        fields.check_value("task", "description", values["description"])
    except ValidationError:
        if len(values["description"]) <= fields.MAX_DESCRIPTION:
            found.append(
                QCoreApplication.translate(
                    "TaskEditor",
                    "The description holds a character that cannot be saved (a control code).",
                )
            )
        else:
            found.append(
                arg(
                    QCoreApplication.translate(
                        "TaskEditor", "The description is too long: at most %1 characters."
                    ),
                    fields.MAX_DESCRIPTION,
                )
            )
    candidate = dataclasses.replace(
        original, start=values["start"], due=values["due"], depends_on=()
    )
    try:
        fields.check_task_row(candidate)
    except ValidationError:
        found.append(
            QCoreApplication.translate("TaskEditor", "The due date is before the start date.")
        )
    found.extend(tag_problems(values["tags"]))
    if flagged:
        if not (values["flag"].reason if values["flag"] else "").strip():
            found.append(
                QCoreApplication.translate(
                    "TaskEditor", "Say why the task is at risk, or untick “Flag as at risk”."
                )
            )
        else:
            try:
                fields.check_value("task", "flag", values["flag"])
            except ValidationError:
                if len(values["flag"].reason) <= fields.MAX_TITLE:
                    found.append(
                        QCoreApplication.translate(
                            "TaskEditor",
                            "The at-risk reason holds a character that cannot be saved "
                            "(a control code).",
                        )
                    )
                else:
                    found.append(
                        arg(
                            QCoreApplication.translate(
                                "TaskEditor",
                                "The at-risk reason is too long: at most %1 characters.",
                            ),
                            fields.MAX_TITLE,
                        )
                    )
    return found


def tag_problems(text: str) -> list[str]:
    """What is wrong with a list of tags split by commas or 、: the first bad tag, or too
    many."""
    for tag in fields.split_tags(text):
        try:
            fields.check_value("task", "tags", [tag])
        except ValidationError:
            if len(tag.strip()) <= fields.MAX_TAG:
                return [
                    arg(
                        QCoreApplication.translate(
                            "TaskEditor", "The tag “%1” holds a character that cannot be saved."
                        ),
                        tag.strip()[:20],
                    )
                ]
            return [
                arg(
                    QCoreApplication.translate(
                        "TaskEditor", "The tag “%1…” is too long: at most %2 characters."
                    ),
                    tag.strip()[:20],
                    fields.MAX_TAG,
                )
            ]
    try:
        fields.check_value("task", "tags", text)
    except ValidationError:
        count = len({t.strip() for t in fields.split_tags(text) if t.strip()})
        return [
            arg(
                QCoreApplication.translate("TaskEditor", "Too many tags: %1, at most %2."),
                count,
                fields.MAX_TAGS,
            )
        ]
    return []


def conflict_text(board: Board, conflicts: Iterable[tuple[str, Any, Any]]) -> str:
    """Someone else changed fields this edit changes: their values, and the choice."""
    parts = []
    for name, stored, _wanted in conflicts:
        parts.append(
            arg(
                QCoreApplication.translate("TaskEditor", "%1 is now “%2”"),
                field_label(name),
                value_text(board, name, stored),
            )
        )
    return arg(
        QCoreApplication.translate(
            "TaskEditor",
            "Someone else changed this task while you were editing it: %1. "
            "Save again to replace their change with yours, or Cancel to keep theirs.",
        ),
        "; ".join(parts),
    )


def same_estimate(shown: float | None, stored: float | None, decimals: int) -> bool:
    """The spin box shows fewer decimals than may be stored: equal as far as it shows."""
    if (shown is None) != (stored is None):
        return False
    return abs((shown or 0.0) - (stored or 0.0)) <= 0.5 / 10**decimals + 1e-9
