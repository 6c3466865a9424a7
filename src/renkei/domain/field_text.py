"""A field as a refusal names it (its label, in the person's language) and the text no field
keeps (control characters, broken characters), shared by the store's checks and the importers."""

from __future__ import annotations

import re

from renkei.domain.commands import ValidationError
from renkei.domain.i18n import QT_TRANSLATE_NOOP, Marked

# Fields by their stored names, without "_id" (an Activity row's name) → their labels: what
# the window's history, the command line and a refusal call them ("Due date" / 期限).
FIELD_LABELS = {
    "title": QT_TRANSLATE_NOOP("Field", "Title"),
    "description": QT_TRANSLATE_NOOP("Field", "Description"),
    "status": QT_TRANSLATE_NOOP("Field", "Status"),
    "team": QT_TRANSLATE_NOOP("Field", "Team"),
    "owner": QT_TRANSLATE_NOOP("Field", "Owner"),
    "project": QT_TRANSLATE_NOOP("Field", "Project"),
    "priority": QT_TRANSLATE_NOOP("Field", "Priority"),
    "start": QT_TRANSLATE_NOOP("Field", "Start"),
    "due": QT_TRANSLATE_NOOP("Field", "Due date"),
    "progress": QT_TRANSLATE_NOOP("Field", "Progress"),
    "estimate_hours": QT_TRANSLATE_NOOP("Field", "Estimate"),
    "tags": QT_TRANSLATE_NOOP("Field", "Tags"),
    "depends_on": QT_TRANSLATE_NOOP("Field", "Depends on"),
    "archived": QT_TRANSLATE_NOOP("Field", "Archived"),
    "position": QT_TRANSLATE_NOOP("Field", "Position"),
    "flag": QT_TRANSLATE_NOOP("Field", "At-risk flag"),
    "created": QT_TRANSLATE_NOOP("Field", "Created"),
    "name": QT_TRANSLATE_NOOP("Field", "Name"),
    "role": QT_TRANSLATE_NOOP("Field", "Role"),
    "contact": QT_TRANSLATE_NOOP("Field", "Contact"),
    "state": QT_TRANSLATE_NOOP("Field", "State"),
    "reason": QT_TRANSLATE_NOOP("Field", "Reason"),
    "returned_missing": QT_TRANSLATE_NOOP("Field", "Returned as missing"),
    "acknowledged_at": QT_TRANSLATE_NOOP("Field", "Acknowledged"),
    "resolved_at": QT_TRANSLATE_NOOP("Field", "Decided"),
    "note": QT_TRANSLATE_NOOP("Field", "Note"),
}
ID_FIELDS = {"status_id": "status", "team_id": "team", "owner_id": "owner", "project_id": "project"}

AT_RISK_REASON = Marked("Refusal", QT_TRANSLATE_NOOP("Refusal", "The at-risk reason"))
QUESTION = Marked("Refusal", QT_TRANSLATE_NOOP("Refusal", "A question"))
TAG = Marked("Refusal", QT_TRANSLATE_NOOP("Refusal", "A tag"))
ANSWER = Marked("Refusal", QT_TRANSLATE_NOOP("Refusal", "An answer"))

# A handoff's state as a refusal says it: "cannot accept a handoff that is rejected".
_STATE_WORDS = {
    "sent": QT_TRANSLATE_NOOP("Refusal", "sent"),
    "acknowledged": QT_TRANSLATE_NOOP("Refusal", "acknowledged"),
    "accepted": QT_TRANSLATE_NOOP("Refusal", "accepted"),
    "returned": QT_TRANSLATE_NOOP("Refusal", "returned"),
    "rejected": QT_TRANSLATE_NOOP("Refusal", "rejected"),
    "withdrawn": QT_TRANSLATE_NOOP("Refusal", "withdrawn"),
}


def state_word(state: str) -> Marked:
    """A handoff's state (its stored value, "returned") as a refusal says it."""
    return Marked("Refusal", _STATE_WORDS.get(state, state))


def field_name(name: str) -> Marked | str:
    """A field as a refusal names it: its label ("Due date", 期限), or its stored name for a
    field people never edit by hand (a handoff's ``sent_at``)."""
    label = FIELD_LABELS.get(ID_FIELDS.get(name, name))
    return Marked("Field", label) if label is not None else name


# Characters no field keeps: C0/C1 controls and DEL, and lone surrogates (what Python makes of
# bytes that are not UTF-8, or a JSON "\ud800"; no database can store them). Multi-line text
# keeps tab and line breaks (a description's CR LF and CR become LF).
_BAD_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_BAD_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def normalise_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def text_problem(text: str, multiline: bool = False) -> str | None:
    """What makes ``text`` unfit to keep, in words ("contains a control character (U+0001)"),
    or None. The importers add where it came from."""
    found = (_BAD_IN_TEXT if multiline else _BAD_IN_LINE).search(text)
    if found is None:
        return None
    char = found.group()
    if char == "\x00":
        return "contains a NUL character"
    if "\ud800" <= char <= "\udfff":
        return (
            "is not valid text: it holds a broken character (bytes that are not UTF-8, or a "
            "lone surrogate)"
        )
    if char in "\t\n\r":
        what = {"\t": "a tab", "\n": "a line break", "\r": "a line break"}[char]
        return f"contains {what}; it must be a single line"
    return f"contains a control character (U+{ord(char):04X})"


def check_text(name: object, text: str, multiline: bool = False) -> str:
    """``text`` when it is fit to keep, else ValidationError naming ``name`` (a field's name
    or label, ``field_name``)."""
    found = (_BAD_IN_TEXT if multiline else _BAD_IN_LINE).search(text)
    if found is None:
        return text
    char = found.group()
    if char == "\x00":
        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "%1 contains a NUL character"), name)
    if "\ud800" <= char <= "\udfff":
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Refusal",
                "%1 is not valid text: it holds a broken character (bytes that are not "
                "UTF-8, or a lone surrogate)",
            ),
            name,
        )
    if char == "\t":
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "%1 contains a tab; it must be a single line"), name
        )
    if char in "\n\r":
        raise ValidationError(
            QT_TRANSLATE_NOOP("Refusal", "%1 contains a line break; it must be a single line"),
            name,
        )
    raise ValidationError(
        QT_TRANSLATE_NOOP("Refusal", "%1 contains a control character (U+%2)"),
        name,
        f"{ord(char):04X}",
    )
