"""An Activity row's text reads back as the value that was written (a merge replays it)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from renkei.domain import fields
from renkei.domain.handoff import HandoffItem, HandoffState, Question
from renkei.domain.model import Priority, RiskFlag

VALUES = [
    ("task", "title", "Proposal v2"),
    ("task", "description", ""),
    ("task", "priority", Priority.URGENT),
    ("task", "due", date(2026, 12, 10)),
    ("task", "start", None),
    ("task", "position", 3072.0),
    ("task", "position", 1536.5),
    ("task", "progress", 40),
    ("task", "estimate_hours", 2.25),
    ("task", "tags", ("renewal", "営業")),
    ("task", "depends_on", (1, 5)),
    ("task", "archived", True),
    ("task", "owner_id", 7),
    ("task", "owner_id", None),
    ("task", "flag", RiskFlag("client silent", 3, datetime(2026, 12, 1, 9, 30, 0, 125))),
    ("task", "flag", None),
    ("task", "source_id", None),
    ("status", "wip_limit", None),
    ("handoff", "state", HandoffState.ACKNOWLEDGED),
    ("handoff", "acknowledged_at", datetime(2026, 12, 2, 8, 0)),
    ("handoff", "reason", None),
    ("handoff", "items", (HandoffItem("budget", True, "¥2M"), HandoffItem("contact", False, ""))),
    ("handoff", "returned_missing", ("budget",)),
    (
        "handoff",
        "questions",
        (
            Question(
                1,
                "budget",
                4,
                datetime(2026, 12, 3, 10, 0),
                "Which year?",
                "2027",
                2,
                datetime(2026, 12, 3, 11, 0),
            ),
        ),
    ),
    ("handoff_template", "from_team", "Marketing"),
]


@pytest.mark.parametrize(("entity", "name", "value"), VALUES)
def test_decode_reads_back_what_encode_wrote(entity, name, value):
    assert fields.decode(entity, name, fields.encode(value)) == value
