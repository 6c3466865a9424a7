"""Where information got lost: each finding kind on small, hand-built handoff chains."""

from __future__ import annotations

from datetime import datetime, timedelta

from renkei.domain.handoff import (
    DEFAULT_TEMPLATES,
    Handoff,
    HandoffItem,
    HandoffState,
    HandoffTemplate,
    Question,
)
from renkei.domain.handoff_loss import (
    KINDS,
    TEMPLATES,
    Finding,
    Names,
    OwnerChange,
    PersonTeams,
    all_findings,
    describe,
    findings_for_task,
    format_span,
    team_matrix,
)

MKT, INSIDE, FIELD, CS = 1, 2, 3, 4  # teams
AOKI, TANAKA, SATO, KATO = 10, 11, 12, 13  # one person per team, same order
TASK = 100
# Who is in which team: each person has always been in their own team.
TEAMS_OF = PersonTeams(now={AOKI: MKT, TANAKA: INSIDE, SATO: FIELD, KATO: CS})
FRI = datetime(2026, 11, 27, 17, 0)  # a Friday
MON = datetime(2026, 11, 30, 9, 0)
NOW = datetime(2026, 12, 10, 12, 0)
LEAD_ITEMS = DEFAULT_TEMPLATES["lead"].items
TEMPLATES_ = dict(DEFAULT_TEMPLATES)
NAMES = Names(
    teams={MKT: "Marketing", INSIDE: "Inside Sales", FIELD: "Field Sales", CS: "Customer Success"},
    people={AOKI: "Aoki", TANAKA: "Tanaka", SATO: "Sato", KATO: "Kato"},
)


def hop(
    hid: int,
    sender: int,
    s_team: int,
    receiver: int,
    r_team: int,
    sent: datetime,
    *,
    missing: tuple[str, ...] = (),
    template: str = "lead",
    state: HandoffState = HandoffState.ACCEPTED,
    ack: datetime | None = None,
    resolved: datetime | None = None,
    reason: str | None = None,
    returned_missing: tuple[str, ...] = (),
    questions: tuple[Question, ...] = (),
    task: int = TASK,
) -> Handoff:
    """A handoff with every template item provided except ``missing``; a decided handoff
    is acknowledged and resolved an hour after sending unless told otherwise."""
    names = TEMPLATES_[template].items
    items = tuple(HandoffItem(n, n not in missing, "" if n in missing else "x") for n in names)
    if state is not HandoffState.SENT:
        ack = ack or sent + timedelta(hours=1)
    if state in (HandoffState.ACCEPTED, HandoffState.RETURNED, HandoffState.REJECTED):
        resolved = resolved or ack
    return Handoff(
        id=hid,
        task_id=task,
        template=template,
        sender_id=sender,
        sender_team_id=s_team,
        receiver_id=receiver,
        receiver_team_id=r_team,
        note="",
        items=items,
        state=state,
        sent_at=sent,
        acknowledged_at=ack,
        resolved_at=resolved,
        reason=reason,
        returned_missing=returned_missing,
        questions=questions,
    )


def busy(*people: int, start: datetime = MON, days: int = 15) -> dict:
    """Activity on TASK by these people every day, so nothing counts as stalled."""
    return {TASK: [(p, start + timedelta(days=d, hours=2)) for p in people for d in range(days)]}


def find(handoffs, changes=(), activity=None, now=NOW, **kw) -> list[Finding]:
    return findings_for_task(
        TASK,
        list(handoffs),
        list(changes),
        busy(AOKI, TANAKA, SATO, KATO) if activity is None else activity,
        TEMPLATES_,
        now,
        names=NAMES,
        **{"teams": TEAMS_OF, **kw},
    )


def of_kind(found: list[Finding], kind: str) -> list[Finding]:
    return [f for f in found if f.kind == kind]


# -- baseline ------------------------------------------------------------------------------


def test_kind_spellings():
    """The kinds are spelled exactly as the issue names them."""
    assert KINDS == (
        "dropped",
        "incomplete_at_send",
        "lost_in_transit",
        "lost_downstream",
        "bounced",
        "silent_handoff",
        "stalled",
    )


def test_clean_handoff_has_no_findings():
    """Complete, acknowledged in time, accepted and worked on: nothing to report."""
    assert find([hop(1, AOKI, MKT, TANAKA, INSIDE, MON)]) == []


# -- dropped -------------------------------------------------------------------------------


def test_dropped_still_open_says_how_overdue():
    """Sent Friday 17:00, unacknowledged on Wednesday 17:00: two business days overdue."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, FRI, state=HandoffState.SENT)
    [f] = find([h], now=datetime(2026, 12, 2, 17, 0))
    assert f.kind == "dropped" and f.handoff_id == 1
    assert f.at == datetime(2026, 11, 30, 17, 0)
    assert f.detail == (
        "Marketing → Inside Sales (Aoki → Tanaka): not acknowledged, "
        "2 days overdue (SLA: 1 business day)"
    )


def test_open_handoff_before_deadline_is_not_dropped():
    """Sent Friday, still open Monday noon: within the SLA across the weekend."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, FRI, state=HandoffState.SENT)
    assert find([h], now=datetime(2026, 11, 30, 12, 0)) == []


def test_weekend_sla_monday_morning_ack_is_on_time():
    """Sent Friday afternoon, acknowledged Monday morning: not dropped."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, FRI, ack=MON)
    assert of_kind(find([h]), "dropped") == []


def test_weekend_sla_tuesday_afternoon_ack_is_late():
    """Acknowledged Tuesday 15:00: dropped, 22 business hours late."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, FRI, ack=datetime(2026, 12, 1, 15, 0))
    [f] = of_kind(find([h]), "dropped")
    assert "acknowledged 22 hours late (SLA: 1 business day)" in f.detail


def test_sla_follows_the_template():
    """A three-day SLA template tolerates a Wednesday acknowledgement."""
    slow = HandoffTemplate("lead", LEAD_ITEMS, sla_business_days=3)
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, FRI, ack=datetime(2026, 12, 2, 15, 0))
    found = findings_for_task(TASK, [h], [], busy(TANAKA), {"lead": slow}, NOW)
    assert found == []


# -- incomplete_at_send / lost_in_transit ----------------------------------------------------


def test_incomplete_at_send_names_missing_items():
    """Items marked missing at send are one finding on that hop, in template order."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, MON, missing=("consent", "budget"))
    [f] = find([h])
    assert f.kind == "incomplete_at_send" and f.items == ("budget", "consent")
    assert f.at == MON
    assert f.detail == "Marketing → Inside Sales (Aoki → Tanaka): sent without Budget, Consent"


def test_lost_in_transit_question_and_return():
    """Provided items asked about or returned are lost in transit; missing-at-send ones not."""
    # "need" was missing at send and asked about/returned: that is not a loss in transit.
    asked = MON + timedelta(hours=2)
    questions = (
        Question(1, "budget", TANAKA, asked, "Which fiscal year?"),
        Question(2, "need", TANAKA, asked, "What exactly?"),
    )
    h = hop(
        1,
        AOKI,
        MKT,
        TANAKA,
        INSIDE,
        MON,
        missing=("need",),
        state=HandoffState.RETURNED,
        resolved=MON + timedelta(hours=3),
        reason="missing_info",
        returned_missing=("contact", "need"),
        questions=questions,
    )
    [f] = of_kind(find([h]), "lost_in_transit")
    assert f.items == ("contact", "budget")
    assert f.at == asked and f.to_person_id == TANAKA


# -- lost_downstream -----------------------------------------------------------------------


def test_four_hop_chain_finds_each_loss_on_its_first_hop():
    """Budget lost at hop 2 is reported once; consent, back at hop 3, again at hop 4."""
    # budget: provided at hop 1, missing at hops 2-4 -> reported on hop 2 only.
    # consent: provided at 1, missing at 2, provided again at 3, missing at 4 -> hops 2 and 4.
    chain = [
        hop(1, AOKI, MKT, TANAKA, INSIDE, MON),
        hop(2, TANAKA, INSIDE, SATO, FIELD, MON + timedelta(days=1), missing=("budget", "consent")),
        hop(3, SATO, FIELD, KATO, CS, MON + timedelta(days=2), missing=("budget",)),
        hop(4, KATO, CS, AOKI, MKT, MON + timedelta(days=3), missing=("budget", "consent")),
    ]
    lost = of_kind(find(chain), "lost_downstream")
    assert [(f.handoff_id, f.items) for f in lost] == [
        (2, ("budget", "consent")),
        (4, ("consent",)),
    ]
    assert lost[0].from_team_id == INSIDE and lost[0].to_team_id == FIELD
    assert lost[0].detail.startswith("Inside Sales → Field Sales (Tanaka → Sato): Budget, Consent")


def test_lost_downstream_only_counts_the_later_templates_items():
    """A deal has no 'source': not lost when a lead becomes a deal; its 'budget' is."""
    chain = [
        hop(1, AOKI, MKT, TANAKA, INSIDE, MON),
        hop(
            2,
            TANAKA,
            INSIDE,
            KATO,
            CS,
            MON + timedelta(days=1),
            template="deal",
            missing=("budget",),
        ),
    ]
    [f] = of_kind(find(chain), "lost_downstream")
    assert f.handoff_id == 2 and f.items == ("budget",)


def test_never_provided_item_is_not_lost_downstream():
    """Missing from the first hop on is incomplete_at_send, not lost downstream."""
    chain = [
        hop(1, AOKI, MKT, TANAKA, INSIDE, MON, missing=("budget",)),
        hop(2, TANAKA, INSIDE, SATO, FIELD, MON + timedelta(days=1), missing=("budget",)),
    ]
    found = find(chain)
    assert of_kind(found, "lost_downstream") == []
    assert [f.handoff_id for f in of_kind(found, "incomplete_at_send")] == [1, 2]


# -- bounced -------------------------------------------------------------------------------


def test_resent_after_return_bounces_once_then_accepts():
    """Returned for the budget, re-sent with it, accepted: one bounce, no other loss."""
    first = hop(
        1,
        AOKI,
        MKT,
        TANAKA,
        INSIDE,
        MON,
        missing=("budget",),
        state=HandoffState.RETURNED,
        reason="missing_info",
        returned_missing=("budget",),
    )
    second = hop(2, AOKI, MKT, TANAKA, INSIDE, MON + timedelta(hours=4))
    found = find([first, second])
    [b] = of_kind(found, "bounced")
    assert b.handoff_id == 1 and b.items == ("budget",)
    assert b.detail == (
        "Marketing → Inside Sales (Aoki → Tanaka): returned (Missing information) "
        "for Budget, bounce 1 between these teams"
    )
    assert [f.kind for f in found] == ["incomplete_at_send", "bounced"]


def test_ping_pong_counts_bounces_between_the_same_teams():
    """Bounces either way between the same two teams count up; another pair starts at one."""
    chain = [
        hop(1, AOKI, MKT, TANAKA, INSIDE, MON, state=HandoffState.RETURNED,
            reason="not_ready", returned_missing=("need",)),
        hop(2, AOKI, MKT, TANAKA, INSIDE, MON + timedelta(hours=3)),
        hop(3, TANAKA, INSIDE, AOKI, MKT, MON + timedelta(hours=6),
            state=HandoffState.REJECTED, reason="no_fit"),
        hop(4, TANAKA, INSIDE, SATO, FIELD, MON + timedelta(hours=9),
            state=HandoffState.REJECTED, reason="duplicate"),
    ]  # fmt: skip
    bounces = of_kind(find(chain), "bounced")
    assert [(f.handoff_id, dict(f.params)["count"]) for f in bounces] == [(1, 1), (3, 2), (4, 1)]
    assert bounces[1].detail.endswith("rejected (No fit), bounce 2 between these teams")


# -- silent_handoff ------------------------------------------------------------------------


def test_owner_change_without_handoff_is_silent():
    """The owner moved from Aoki (Marketing) to Tanaka (Inside Sales) and no handoff explains
    it: the hop names the people's teams, not the task's."""
    at = MON + timedelta(days=1)
    change = OwnerChange(TASK, at, AOKI, "owner_id", AOKI, TANAKA)
    [f] = find([], [change], team_now=MKT)
    assert f.kind == "silent_handoff" and f.handoff_id is None
    assert (f.from_person_id, f.to_person_id, f.at) == (AOKI, TANAKA, at)
    assert (f.from_team_id, f.to_team_id) == (MKT, INSIDE)
    assert f.detail == (
        "Marketing → Inside Sales (Aoki → Tanaka): changed hands with no handoff record"
    )


def test_silent_handoff_names_the_teams_people_were_in_at_the_time():
    """Tanaka joined Field Sales after the change: the hop still says Inside Sales."""
    at = MON + timedelta(days=1)
    moved = PersonTeams(
        changes={TANAKA: [(at + timedelta(days=3), INSIDE, FIELD)]},
        now={AOKI: MKT, TANAKA: FIELD},
    )
    change = OwnerChange(TASK, at, AOKI, "owner_id", AOKI, TANAKA)
    [f] = find([], [change], teams=moved)
    assert (f.from_team_id, f.to_team_id) == (MKT, INSIDE)
    after = OwnerChange(TASK, at + timedelta(days=4), TANAKA, "owner_id", TANAKA, AOKI)
    found = find([], [change, after], teams=moved)
    assert [(x.from_team_id, x.to_team_id) for x in found] == [(MKT, INSIDE), (FIELD, MKT)]


def test_reassignment_within_one_team_is_not_a_handoff():
    """Two people of one team, or a teamless person taking over inside the task's team:
    a reassignment (a handoff inside one team is refused), not a finding."""
    at = MON + timedelta(days=1)
    same = PersonTeams(now={AOKI: MKT, TANAKA: MKT})
    change = OwnerChange(TASK, at, AOKI, "owner_id", AOKI, TANAKA)
    assert find([], [change], teams=same, team_now=MKT) == []
    teamless_newcomer = PersonTeams(now={AOKI: MKT})
    assert find([], [change], teams=teamless_newcomer, team_now=MKT) == []


def test_no_silent_handoff_where_nobody_has_a_team():
    """A board without teams (a Trello import): changes of hands cannot cross teams."""
    at = MON + timedelta(days=1)
    changes = [
        OwnerChange(TASK, at, AOKI, "owner_id", AOKI, TANAKA),
        OwnerChange(TASK, at + timedelta(days=1), TANAKA, "owner_id", TANAKA, SATO),
    ]
    assert find([], changes, teams=PersonTeams()) == []


def test_task_team_change_alone_names_its_owner_on_both_sides():
    """The task moved from Marketing to Field Sales while Aoki kept it."""
    at = MON + timedelta(days=1)
    moved = OwnerChange(TASK, at, AOKI, "team_id", MKT, FIELD)
    [f] = find([], [moved], team_now=FIELD, owner_now=AOKI)
    assert (f.from_team_id, f.to_team_id, f.from_person_id, f.to_person_id) == (
        MKT,
        FIELD,
        AOKI,
        AOKI,
    )


def test_owner_and_team_change_together_are_one_silent_handoff():
    """Owner and team changed within the window: one finding naming both."""
    at = MON + timedelta(days=1)
    changes = [
        OwnerChange(TASK, at, AOKI, "owner_id", AOKI, SATO),
        OwnerChange(TASK, at + timedelta(seconds=1), AOKI, "team_id", MKT, FIELD),
    ]
    [f] = find([], changes)
    assert (f.from_team_id, f.to_team_id, f.from_person_id, f.to_person_id) == (
        MKT,
        FIELD,
        AOKI,
        SATO,
    )


def test_accepted_handoff_explains_owner_change():
    """The owner and team change written by an accept is not silent."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, MON)
    assert h.resolved_at is not None
    changes = [
        OwnerChange(TASK, h.resolved_at, TANAKA, "owner_id", AOKI, TANAKA),
        OwnerChange(TASK, h.resolved_at + timedelta(minutes=4), TANAKA, "team_id", MKT, INSIDE),
    ]
    assert find([h], changes) == []


def test_handoff_to_someone_else_or_too_far_away_does_not_explain():
    """An accepted handoff to another person, or hours away, leaves the change silent."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, MON)
    assert h.resolved_at is not None
    other = OwnerChange(TASK, h.resolved_at, AOKI, "owner_id", AOKI, SATO)
    later = OwnerChange(TASK, h.resolved_at + timedelta(hours=2), AOKI, "owner_id", AOKI, TANAKA)
    assert len(of_kind(find([h], [other]), "silent_handoff")) == 1
    assert len(of_kind(find([h], [later]), "silent_handoff")) == 1


def test_first_assignment_and_unassignment_are_not_handoffs():
    """Owning an unowned task, or clearing the owner, hands nothing over."""
    changes = [
        OwnerChange(TASK, MON, AOKI, "owner_id", None, AOKI),
        OwnerChange(TASK, MON + timedelta(days=1), AOKI, "owner_id", AOKI, None),
    ]
    assert find([], changes) == []


# -- stalled -------------------------------------------------------------------------------


def test_accepted_then_idle_is_stalled():
    """Accepted Monday 10:00, no activity by the receiver within three business days."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, MON)
    activity = {TASK: [(AOKI, MON + timedelta(days=1))]}  # the sender's activity does not count
    [f] = find([h], activity=activity)
    assert f.kind == "stalled" and f.to_person_id == TANAKA
    assert f.at == datetime(2026, 12, 3, 10, 0)
    assert "no activity by the receiver for 3 business days" in f.detail


def test_receiver_activity_in_time_is_not_stalled():
    """One comment by the receiver within the window is enough."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, MON)
    activity = {TASK: [(TANAKA, datetime(2026, 12, 2, 16, 0))]}
    assert find([h], activity=activity) == []


def test_not_stalled_before_the_window_ends():
    """Two days after accepting with no activity yet: too early to call it stalled."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, MON)
    assert find([h], activity={}, now=datetime(2026, 12, 2, 10, 0)) == []


def test_passing_the_task_on_counts_as_activity():
    """A receiver who hands the task on within the window has not stalled it."""
    chain = [
        hop(1, AOKI, MKT, TANAKA, INSIDE, MON),
        hop(2, TANAKA, INSIDE, SATO, FIELD, MON + timedelta(days=1)),
    ]
    activity = {TASK: [(SATO, MON + timedelta(days=2))]}
    assert find(chain, activity=activity) == []


def test_stall_days_is_a_parameter():
    """With stall_days=10 the same idle week is not stalled."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, MON)
    assert find([h], activity={}, stall_days=10) == []


# -- putting it together -------------------------------------------------------------------


def test_all_findings_covers_every_task_in_task_order():
    """Findings from handoffs and owner changes of several tasks, grouped by task id."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, MON, missing=("budget",), task=7)
    change = OwnerChange(3, MON, AOKI, "owner_id", AOKI, SATO)
    found = all_findings(
        [h], [change], {7: [(TANAKA, MON + timedelta(days=1))]}, TEMPLATES_, NOW, teams=TEAMS_OF
    )
    assert [(f.task_id, f.kind) for f in found] == [
        (3, "silent_handoff"),
        (7, "incomplete_at_send"),
    ]


def test_describe_translates_and_names_default_to_ids():
    """describe rebuilds the sentence through translate; unknown ids show as #id."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, MON, missing=("budget",))
    [f] = findings_for_task(TASK, [h], [], busy(TANAKA), TEMPLATES_, NOW)
    assert f.detail == "#1 → #2 (#10 → #11): sent without Budget"
    japanese = {
        "%1: sent without %2": "%1：%2 が未記入のまま送信",
        "Budget": "予算",
    }
    text = describe(f, NAMES, translate=lambda context, text: japanese.get(text, text))
    assert text == "Marketing → Inside Sales (Aoki → Tanaka)：予算 が未記入のまま送信"
    assert set(TEMPLATES) >= {"dropped_open", "dropped_late", "stalled"}


def test_format_span_units():
    """Spans read in the largest whole unit."""
    assert format_span(timedelta(days=2, hours=5)) == "2 days"
    assert format_span(timedelta(hours=22)) == "22 hours"
    assert format_span(timedelta(seconds=30)) == "1 minute"


# -- team matrix ---------------------------------------------------------------------------


def test_team_matrix_numbers():
    """Counts, SLA share, median wait, bounce share and top lost items per team pair."""
    # Marketing → Inside Sales: 2 of 3 decided handoffs acknowledged in time, median wait 3h,
    # one in four returned; budget lost on two handoffs (an item counts once per handoff).
    handoffs = [
        hop(1, AOKI, MKT, TANAKA, INSIDE, MON, missing=("budget", "consent")),  # 1h wait
        hop(2, AOKI, MKT, TANAKA, INSIDE, MON, ack=MON + timedelta(hours=3),
            missing=("budget",), state=HandoffState.RETURNED, reason="missing_info",
            returned_missing=("budget",)),  # 3h wait
        hop(3, AOKI, MKT, TANAKA, INSIDE, FRI, ack=datetime(2026, 12, 1, 17, 0),
            missing=("timeline",)),  # 24h business wait: late
        hop(4, AOKI, MKT, TANAKA, INSIDE, NOW - timedelta(hours=1), state=HandoffState.SENT),
        hop(5, TANAKA, INSIDE, SATO, FIELD, MON, missing=("budget", "consent")),
    ]  # fmt: skip
    found = all_findings(handoffs, [], busy(TANAKA, SATO), TEMPLATES_, NOW)
    matrix = team_matrix(handoffs, found, TEMPLATES_, NOW)
    assert set(matrix) == {(MKT, INSIDE), (INSIDE, FIELD)}
    cell = matrix[(MKT, INSIDE)]
    assert cell.count == 4 and cell.handoff_ids == (3, 1, 2, 4)
    assert cell.acknowledged_in_sla == 2 / 3  # handoff 4 is not yet due
    assert cell.median_to_acknowledge == timedelta(hours=3)
    assert cell.returned_or_rejected == 1 / 4
    assert cell.lost_items == (("budget", 2), ("consent", 1), ("timeline", 1))
    other = matrix[(INSIDE, FIELD)]
    assert other.count == 1 and other.acknowledged_in_sla == 1.0
    assert other.lost_items == (("budget", 1), ("consent", 1))


def test_team_matrix_with_nothing_decided():
    """A pair whose only handoff is open and not yet due has no SLA share or median."""
    h = hop(1, AOKI, MKT, TANAKA, INSIDE, NOW, state=HandoffState.SENT)
    cell = team_matrix([h], [], TEMPLATES_, NOW)[(MKT, INSIDE)]
    assert cell.acknowledged_in_sla is None and cell.median_to_acknowledge is None
    assert cell.returned_or_rejected == 0 and cell.lost_items == ()
