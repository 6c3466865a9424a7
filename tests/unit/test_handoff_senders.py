"""Who may hand a task off: its owner or someone in its team, never a done task, never
within one team; the sender recorded is whoever sent it, with their team at that moment."""

from __future__ import annotations

from datetime import datetime

import pytest

from renkei.domain import handoff_commands as ho
from renkei.domain.commands import Create, ValidationError
from renkei.domain.handoff import DEFAULT_TEMPLATES
from renkei.domain.model import Board, Person, Status, StoredTemplate, Task, Team

MARKETING, INSIDE, FIELD = 1, 2, 3
AOKI, MORI = 10, 11  # Marketing
SATO, TANAKA = 20, 21  # Inside Sales
ITO = 30  # Field Sales
DRIFTER = 40  # no team
TODO, DONE = 1, 2
AT = datetime(2026, 12, 7, 10, 0)

LEAD = DEFAULT_TEMPLATES["lead"]


def board(**task_values) -> Board:
    """One Inside Sales task owned by Daiki Sato, plus people in three teams."""
    values = {"id": 5, "title": "Call Kansai Foods", "status_id": TODO}
    values.update(team_id=INSIDE, owner_id=SATO)
    values.update(task_values)
    return Board(
        name="t",
        revision=1,
        teams={
            MARKETING: Team(MARKETING, "Marketing"),
            INSIDE: Team(INSIDE, "Inside Sales"),
            FIELD: Team(FIELD, "Field Sales"),
        },
        people={
            AOKI: Person(AOKI, "Haruka Aoki", MARKETING),
            MORI: Person(MORI, "Kenta Mori", MARKETING),
            SATO: Person(SATO, "Daiki Sato", INSIDE),
            TANAKA: Person(TANAKA, "Yuki Tanaka", INSIDE),
            ITO: Person(ITO, "Ryo Ito", FIELD),
            DRIFTER: Person(DRIFTER, "Sam Drifter", None),
        },
        statuses={
            TODO: Status(TODO, "To do", 0),
            DONE: Status(DONE, "Done", 1, is_done=True),
        },
        tasks={5: Task(**values)},
        handoff_templates={1: StoredTemplate(LEAD.name, LEAD.items, id=1)},
    )


def sent(commands) -> dict:
    (create,) = commands
    assert isinstance(create, Create) and create.entity == "handoff"
    return dict(create.values)


def send(b: Board, actor: int | None, to: int = ITO):
    return ho.send(b, 5, to, "lead", {"company": "Kansai Foods"}, actor_id=actor, at=AT)


def test_the_owner_sends_from_their_own_team():
    values = sent(send(board(), SATO))
    assert (values["sender_id"], values["sender_team_id"]) == (SATO, INSIDE)
    assert (values["receiver_id"], values["receiver_team_id"]) == (ITO, FIELD)


def test_a_teammate_of_the_task_sends_as_themselves():
    """Yuki (Inside Sales) hands off Daiki's task: the handoff is from Yuki, not Daiki."""
    values = sent(send(board(), TANAKA))
    assert (values["sender_id"], values["sender_team_id"]) == (TANAKA, INSIDE)


def test_an_owner_outside_the_task_team_sends_from_their_own_team():
    """The sender team is the sender's team at that moment, not the task's."""
    values = sent(send(board(owner_id=AOKI), AOKI))
    assert (values["sender_id"], values["sender_team_id"]) == (AOKI, MARKETING)


def test_someone_neither_owner_nor_in_the_team_is_refused_with_who_may():
    with pytest.raises(ValidationError) as caught:
        send(board(), AOKI)
    assert str(caught.value) == (
        "Only Daiki Sato (the owner) or someone in Inside Sales can hand this task off"
    )


def test_refusal_without_an_owner_names_only_the_team():
    with pytest.raises(ValidationError) as caught:
        send(board(owner_id=None), ITO, to=AOKI)
    assert str(caught.value) == "Only someone in Inside Sales can hand this task off"


def test_refusal_without_a_team_names_only_the_owner():
    with pytest.raises(ValidationError) as caught:
        send(board(team_id=None), TANAKA)
    assert str(caught.value) == "Only Daiki Sato (the owner) can hand this task off"


def test_a_task_with_neither_owner_nor_team_may_be_sent_by_anyone():
    values = sent(send(board(owner_id=None, team_id=None), AOKI))
    assert (values["sender_id"], values["sender_team_id"]) == (AOKI, MARKETING)


def test_nobody_cannot_send():
    with pytest.raises(ValidationError, match="say who is handing the task over"):
        send(board(), None)


def test_a_done_task_cannot_be_handed_off_even_by_its_owner():
    with pytest.raises(ValidationError) as caught:
        send(board(status_id=DONE), SATO)
    assert str(caught.value) == "task 5 is done (Done): a finished task cannot be handed off"


def test_within_one_team_is_a_reassignment_not_a_handoff():
    with pytest.raises(ValidationError) as caught:
        send(board(), SATO, to=TANAKA)
    assert str(caught.value) == (
        "Yuki Tanaka is in Inside Sales too: passing a task within one team is a "
        "reassignment, not a handoff; change the task's owner instead"
    )


def test_to_the_sender_own_team_is_a_reassignment_too():
    """Haruka owns an Inside Sales task; giving it to Kenta (Marketing, her team) is no hop."""
    with pytest.raises(ValidationError, match="Kenta Mori is in Marketing too"):
        send(board(owner_id=AOKI), AOKI, to=MORI)


def test_a_receiver_without_a_team_is_not_within_one_team():
    values = sent(send(board(), SATO, to=DRIFTER))
    assert (values["receiver_id"], values["receiver_team_id"]) == (DRIFTER, None)


def test_sending_to_oneself_keeps_its_own_message():
    with pytest.raises(ValidationError, match="goes to someone else"):
        send(board(), SATO, to=SATO)


def test_send_refusal_as_data():
    """What the window words in its own language."""
    b = board()
    assert ho.send_refusal(b, 5, SATO) is None
    assert ho.send_refusal(b, 5, TANAKA) is None
    assert ho.send_refusal(b, 5, AOKI) == ho.SendRefusal("not_allowed", 5, SATO, INSIDE)
    assert ho.send_refusal(b, 5, None) == ho.SendRefusal("no_actor", 5)
    assert ho.send_refusal(board(status_id=DONE), 5, SATO) == ho.SendRefusal(
        "done", 5, status_id=DONE
    )


def test_same_team_compares_the_receiver_with_sender_and_task_teams():
    b = board()
    assert ho.same_team(b, 5, SATO, TANAKA) == INSIDE
    assert ho.same_team(b, 5, SATO, ITO) is None
    assert ho.same_team(b, 5, AOKI, MORI) == MARKETING  # the sender's team
    assert ho.same_team(b, 5, SATO, DRIFTER) is None
