"""Handoff records: templates, business-day SLA math and the transition rules."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from renkei.domain.commands import ValidationError
from renkei.domain.handoff import (
    DEFAULT_TEMPLATES,
    ITEM_LABELS,
    REJECT_REASONS,
    RETURN_REASONS,
    HandoffState,
    accept,
    acknowledge,
    add_business_days,
    answer,
    ask,
    build_items,
    business_time_between,
    lateness,
    reject,
    resend,
    return_,
    send,
    sla_deadline,
)

LEAD = DEFAULT_TEMPLATES["lead"]
AOKI, TANAKA, SATO = 10, 11, 12  # sender, receiver, bystander
MARKETING, INSIDE = 1, 2
FRIDAY_1700 = datetime(2026, 11, 27, 17, 0)  # 2026-11-27 is a Friday


def make(at: datetime = FRIDAY_1700, **provided_override):
    provided = {"company": "Acme", "contact": "ken@acme.example", "budget": "5M JPY"}
    provided.update(provided_override)
    return send(
        id=1,
        task_id=100,
        template=LEAD,
        sender_id=AOKI,
        sender_team_id=MARKETING,
        receiver_id=TANAKA,
        receiver_team_id=INSIDE,
        at=at,
        provided=provided,
        note="hot lead",
    )


# -- templates -----------------------------------------------------------------------------


def test_default_templates_are_lead_deal_request():
    """Exactly the three shipped templates, lead with the items the issue names."""
    assert set(DEFAULT_TEMPLATES) == {"lead", "deal", "request"}
    assert LEAD.items == (
        "company",
        "contact",
        "need",
        "budget",
        "timeline",
        "decision_maker",
        "source",
        "consent",
    )
    assert all(t.sla_business_days == 1 for t in DEFAULT_TEMPLATES.values())


def test_every_default_item_has_a_label():
    """Each item of a shipped template has a translatable label."""
    for template in DEFAULT_TEMPLATES.values():
        for item in template.items:
            assert item in ITEM_LABELS


def test_reason_sets():
    """Reject reasons are the issue's six; returns allow those plus their own."""
    assert REJECT_REASONS == (
        "no_need",
        "no_budget",
        "bad_data",
        "unreachable",
        "duplicate",
        "no_fit",
    )
    assert set(REJECT_REASONS) < set(RETURN_REASONS)
    assert {"missing_info", "wrong_team", "not_ready"} < set(RETURN_REASONS)


# -- sending -------------------------------------------------------------------------------


def test_send_marks_every_template_item_in_order():
    """The packet holds every template item in order, provided or missing."""
    h = make()
    assert [i.name for i in h.items] == list(LEAD.items)
    assert h.provided_items == ("company", "contact", "budget")
    assert h.missing_items == ("need", "timeline", "decision_maker", "source", "consent")
    assert h.state is HandoffState.SENT and h.version == 1
    assert h.value("budget") == "5M JPY" and h.value("need") is None


def test_blank_value_counts_as_missing():
    """An item sent with only whitespace is missing, not provided."""
    h = make(budget="  ")
    assert "budget" in h.missing_items


def test_send_rejects_unknown_item():
    """An item the template does not have is an error, naming the template's items."""
    with pytest.raises(ValidationError, match="no item"):
        build_items(LEAD, {"colour": "blue"})


def test_send_to_self_is_refused():
    """A handoff needs a receiver other than the sender."""
    with pytest.raises(ValidationError):
        send(
            id=1,
            task_id=1,
            template=LEAD,
            sender_id=AOKI,
            sender_team_id=1,
            receiver_id=AOKI,
            receiver_team_id=1,
            at=FRIDAY_1700,
        )


# -- business days -------------------------------------------------------------------------


def test_friday_afternoon_plus_one_business_day_is_monday_afternoon():
    """Friday 17:00 + 1 business day = Monday 17:00."""
    assert add_business_days(FRIDAY_1700, 1) == datetime(2026, 11, 30, 17, 0)


def test_weekend_start_counts_from_monday_midnight():
    """Sent Saturday 10:00 with one business day: due Tuesday 00:00."""
    assert add_business_days(datetime(2026, 11, 28, 10, 0), 1) == datetime(2026, 12, 1, 0, 0)
    assert add_business_days(datetime(2026, 11, 29, 23, 0), 0) == datetime(2026, 11, 30, 0, 0)


def test_midweek_and_multi_day():
    """Wednesday + 3 business days = Monday, same time."""
    assert add_business_days(datetime(2026, 11, 25, 9, 0), 3) == datetime(2026, 11, 30, 9, 0)


def test_negative_business_days_refused():
    """Counting backwards is not supported."""
    with pytest.raises(ValueError):
        add_business_days(FRIDAY_1700, -1)


def test_business_time_skips_the_weekend():
    """Friday 17:00 to Monday 09:00 counts 7 + 9 hours: weekday clock time, no weekend."""
    assert business_time_between(FRIDAY_1700, datetime(2026, 11, 30, 9, 0)) == timedelta(hours=16)
    assert business_time_between(datetime(2026, 11, 30), FRIDAY_1700) == timedelta(0)


def test_sla_across_weekend_monday_morning_is_on_time():
    """Sent Friday afternoon, acknowledged Monday morning: within the SLA."""
    h = acknowledge(make(), TANAKA, datetime(2026, 11, 30, 9, 30))
    assert sla_deadline(h, LEAD) == datetime(2026, 11, 30, 17, 0)
    assert lateness(h, LEAD, datetime(2026, 12, 5)) is None


def test_sla_across_weekend_tuesday_afternoon_is_late():
    """Acknowledged Tuesday 15:00 is 22 business hours late."""
    h = acknowledge(make(), TANAKA, datetime(2026, 12, 1, 15, 0))
    assert lateness(h, LEAD, datetime(2026, 12, 5)) == timedelta(hours=22)


def test_open_handoff_lateness_grows_with_now():
    """Unacknowledged: on time until the deadline, overdue after it."""
    h = make()
    assert lateness(h, LEAD, datetime(2026, 11, 30, 16, 0)) is None
    assert lateness(h, LEAD, datetime(2026, 12, 2, 17, 0)) == timedelta(days=2)


# -- transitions ---------------------------------------------------------------------------


def test_acknowledge_then_accept():
    """The receiver acknowledges then accepts; versions bump, times recorded."""
    at1, at2 = datetime(2026, 11, 30, 9), datetime(2026, 11, 30, 10)
    h = accept(acknowledge(make(), TANAKA, at1), TANAKA, at2)
    assert h.state is HandoffState.ACCEPTED
    assert (h.acknowledged_at, h.resolved_at, h.version) == (at1, at2, 3)


def test_accept_from_sent_acknowledges_implicitly():
    """Accepting straight from SENT sets the acknowledgement time too."""
    at = datetime(2026, 11, 30, 9)
    h = accept(make(), TANAKA, at)
    assert h.acknowledged_at == at and h.resolved_at == at


def test_only_receiver_may_act():
    """Sender or bystander cannot acknowledge, accept, return, reject or ask."""
    h, at = make(), datetime(2026, 11, 30, 9)
    for who in (AOKI, SATO):
        with pytest.raises(ValidationError, match="only the receiver"):
            acknowledge(h, who, at)
        with pytest.raises(ValidationError, match="only the receiver"):
            accept(h, who, at)
        with pytest.raises(ValidationError, match="only the receiver"):
            return_(h, who, at, "missing_info", ["need"])
        with pytest.raises(ValidationError, match="only the receiver"):
            reject(h, who, at, "no_fit")
        with pytest.raises(ValidationError, match="only the receiver"):
            ask(h, who, at, "budget", "How much?")


def test_acknowledge_only_from_sent():
    """A second acknowledgement, or one after accepting, is refused."""
    at = datetime(2026, 11, 30, 9)
    acked = acknowledge(make(), TANAKA, at)
    with pytest.raises(ValidationError, match="acknowledged"):
        acknowledge(acked, TANAKA, at)
    with pytest.raises(ValidationError, match="accepted"):
        acknowledge(accept(acked, TANAKA, at), TANAKA, at)


def test_cannot_accept_a_rejected_handoff():
    """A closed handoff takes no further decisions."""
    at = datetime(2026, 11, 30, 9)
    rejected = reject(make(), TANAKA, at, "duplicate")
    with pytest.raises(ValidationError, match="rejected"):
        accept(rejected, TANAKA, at)
    with pytest.raises(ValidationError, match="rejected"):
        return_(rejected, TANAKA, at, "missing_info", ["need"])


def test_reject_requires_known_reason():
    """Reject reasons outside the list (or empty) are refused."""
    at = datetime(2026, 11, 30, 9)
    for reason in ("meh", "", "missing_info"):
        with pytest.raises(ValidationError, match="reject reason"):
            reject(make(), TANAKA, at, reason)
    done = reject(make(), TANAKA, at, "no_budget")
    assert done.state is HandoffState.REJECTED and done.reason == "no_budget"
    assert done.acknowledged_at == at


def test_return_requires_reason_and_known_missing_items():
    """A return needs a valid reason and at least one item of the packet."""
    h, at = make(), datetime(2026, 11, 30, 9)
    with pytest.raises(ValidationError, match="return reason"):
        return_(h, TANAKA, at, "", ["need"])
    with pytest.raises(ValidationError, match="at least one"):
        return_(h, TANAKA, at, "missing_info", [])
    with pytest.raises(ValidationError, match="not an item"):
        return_(h, TANAKA, at, "missing_info", ["colour"])
    back = return_(h, TANAKA, at, "bad_data", ["budget", "need", "budget"])
    assert back.state is HandoffState.RETURNED
    assert back.returned_missing == ("budget", "need")


def test_action_before_sending_is_refused():
    """A reaction cannot predate the handoff."""
    with pytest.raises(ValidationError, match="before"):
        acknowledge(make(), TANAKA, FRIDAY_1700 - timedelta(minutes=1))


def test_ask_and_answer():
    """The receiver asks about an item; only the sender answers, once."""
    at = datetime(2026, 11, 30, 9)
    h = ask(make(), TANAKA, at, "budget", " Which fiscal year? ")
    assert [(q.id, q.item, q.text) for q in h.questions] == [(1, "budget", "Which fiscal year?")]
    with pytest.raises(ValidationError, match="only the sender"):
        answer(h, 1, TANAKA, at, "FY27")
    h = answer(h, 1, AOKI, at + timedelta(hours=1), "FY27")
    assert h.questions[0].answer == "FY27" and h.questions[0].answered_by == AOKI
    with pytest.raises(ValidationError, match="already answered"):
        answer(h, 1, AOKI, at, "again")
    with pytest.raises(ValidationError, match="no question"):
        answer(h, 9, AOKI, at, "?")
    assert ask(h, TANAKA, at, "need", "What for?").questions[-1].id == 2


def test_ask_about_unknown_item_is_refused():
    """Questions name an item of this handoff's template."""
    with pytest.raises(ValidationError, match="not an item"):
        ask(make(), TANAKA, datetime(2026, 11, 30, 9), "go_live_date", "When?")


def test_resend_after_return_is_a_new_handoff():
    """A returned handoff is re-sent as a new record carrying its values and the fix."""
    at = datetime(2026, 11, 30, 9)
    back = return_(make(), TANAKA, at, "missing_info", ["need"])
    with pytest.raises(ValidationError, match="only the sender"):
        resend(back, id=2, template=LEAD, by=TANAKA, at=at)
    again = resend(back, id=2, template=LEAD, by=AOKI, at=at, provided={"need": "CRM"})
    assert again.id == 2 and again.state is HandoffState.SENT and again.sent_at == at
    assert again.value("need") == "CRM" and again.value("budget") == "5M JPY"
    assert back.state is HandoffState.RETURNED
    with pytest.raises(ValidationError, match="only a returned"):
        resend(again, id=3, template=LEAD, by=AOKI, at=at)
