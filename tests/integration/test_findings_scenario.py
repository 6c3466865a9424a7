"""A small board lived through on a real SQLite file, one change at a time through the change
path, and every finding written out by hand: each silent handoff names the teams people
were in at that moment, reassignments inside a team are no finding, a tie is a tie."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from importers_data import TRELLO_SAMPLE, trello_board, write_json
from renkei.app.session import BoardSession
from renkei.cli.main import main
from renkei.domain import handoff_commands as ho
from renkei.domain.commands import Create, SetFields, set_task
from renkei.render.card_face import card_face
from renkei.store.board_store import BoardStore
from renkei.ui.handoffs.log_view import ENTRY_ROLE, Column, HandoffLogModel
from renkei.ui.handoffs.matrix_view import TeamMatrixModel
from renkei.ui.handoffs.tab import HandoffsTab

T0 = datetime(2026, 11, 23, 9, 0)  # a Monday
NOW = T0 + timedelta(days=3)
LEAD = {
    "company": "Kansai Foods",
    "contact": "m.ito@example.jp",
    "need": "CRM",
    "timeline": "Q1",
    "decision_maker": "CFO",
    "source": "Webinar",
    "consent": "yes",
}
FULL = {**LEAD, "budget": "5M"}


class Scenario:
    """The board, built by the test: teams, people and tasks as ids by name."""

    def __init__(self, store):
        self.store = store
        self.ids: dict[str, int] = {}
        self.kinds: dict[str, str] = {}

    def create(self, entity: str, name: str, **values) -> int:
        field = "title" if entity == "task" else "name"
        row = Create(entity, ((field, name), *values.items()))
        ident = self.store.apply(row, None, T0 - timedelta(days=7)).rows[0].entity_id
        self.ids[name] = ident
        self.kinds[name] = entity
        return ident

    def owner(self, task: str, person: str, by: str, at: datetime) -> None:
        current = self.store.load().tasks[self.ids[task]]
        self.store.apply(set_task(current, owner_id=self.ids[person]), self.ids[by], at)

    def task_team(self, task: str, team: str, by: str, at: datetime) -> None:
        current = self.store.load().tasks[self.ids[task]]
        self.store.apply(set_task(current, team_id=self.ids[team]), self.ids[by], at)

    def move_person(self, person: str, team: str, at: datetime) -> None:
        current = self.store.load().people[self.ids[person]]
        values = (("team_id", self.ids[team]),)
        base = (("team_id", current.team_id),)
        self.store.apply(SetFields("person", current.id, values, base), None, at)

    def run(self, build, actor: str, at: datetime, *args, **kwargs):
        commands = build(self.store.load(), *args, actor_id=self.ids[actor], at=at, **kwargs)
        return self.store.apply_all(commands, self.ids[actor], at)

    def analysis(self):
        session = BoardSession(self.store, None, today=lambda: date(2026, 11, 26), now=lambda: NOW)
        return session.handoff_analysis()

    def names(self, entity: str) -> dict[int, str]:
        return {ident: name for name, ident in self.ids.items() if self.kinds[name] == entity}


@pytest.fixture
def scene(store):
    s = Scenario(store)
    status = store.load().find_status("To do").id
    for team in ("Marketing", "Inside Sales", "Customer Success"):
        s.create("team", team)
    for person, team in (
        ("Aoki", "Marketing"),
        ("Mori", "Marketing"),
        ("Sato", "Inside Sales"),
        ("Ito", "Inside Sales"),
        ("Kato", "Customer Success"),
    ):
        s.create("person", person, team_id=s.ids[team])
    s.create("person", "Newcomer")  # in no team
    for task, team, owner in (
        ("Webinar leads", "Marketing", "Aoki"),
        ("Case study", "Marketing", "Mori"),
        ("Budget fill-in", "Inside Sales", "Mori"),
        ("Nurture mail", "Marketing", "Mori"),
        ("CRM cleanup", "Marketing", "Newcomer"),
        ("Onboarding kit", "Marketing", "Aoki"),
    ):
        s.create("task", task, status_id=status, team_id=s.ids[team], owner_id=s.ids[owner])
    return s


def described(analysis, s: Scenario) -> set[tuple]:
    """Every finding as (task, kind, from team, to team, from person, to person, items)."""
    tasks, teams, people = s.names("task"), s.names("team"), s.names("person")
    return {
        (
            tasks[f.task_id],
            f.kind,
            teams.get(f.from_team_id),
            teams.get(f.to_team_id),
            people.get(f.from_person_id),
            people.get(f.to_person_id),
            f.items,
        )
        for f in analysis.findings
    }


def live_the_week(s: Scenario) -> None:
    h = timedelta(hours=1)
    d = timedelta(days=1)
    # A lead sent without its budget, returned for it, sent again complete and accepted.
    first = s.run(ho.send, "Aoki", T0 + h, s.ids["Webinar leads"], s.ids["Sato"], "lead", LEAD)
    first_id = first.rows[0].entity_id
    s.run(ho.return_, "Sato", T0 + 2 * h, first_id, "missing_info", ["budget"])
    again = s.run(ho.send, "Aoki", T0 + d, s.ids["Webinar leads"], s.ids["Sato"], "lead", FULL)
    s.run(ho.accept, "Sato", T0 + d + h, again.rows[0].entity_id)
    work = s.store.load().tasks[s.ids["Webinar leads"]]
    s.store.apply(set_task(work, progress=40), s.ids["Sato"], T0 + 2 * d)
    # Inside Marketing, Mori gives the case study to Aoki: a reassignment.
    s.owner("Case study", "Aoki", by="Mori", at=T0 + h)
    # Mori (still in Marketing) gives an Inside Sales task to Sato with no handoff.
    s.owner("Budget fill-in", "Sato", by="Mori", at=T0 + 3 * h)
    # A newcomer without a team hands a Marketing task to Aoki: inside Marketing.
    s.owner("CRM cleanup", "Aoki", by="Aoki", at=T0 + 4 * h)
    # The onboarding kit moves to Customer Success while Aoki keeps it.
    s.task_team("Onboarding kit", "Customer Success", by="Aoki", at=T0 + 5 * h)
    # Mori joins Inside Sales, then passes the nurture mail to Ito: one team by then.
    s.move_person("Mori", "Inside Sales", T0 + d)
    s.owner("Nurture mail", "Ito", by="Mori", at=T0 + 2 * d)
    # Aoki passes the case study on to Kato in Customer Success with no handoff.
    s.owner("Case study", "Kato", by="Aoki", at=T0 + 2 * d)


def test_every_change_of_hands_has_exactly_its_findings(scene):
    """Zero false positives, zero misses; each silent handoff's teams are those of its
    moment (Mori was in Marketing when the budget task moved, in Inside Sales later)."""
    live_the_week(scene)
    analysis = scene.analysis()
    M, IS, CS = "Marketing", "Inside Sales", "Customer Success"
    assert described(analysis, scene) == {
        ("Webinar leads", "incomplete_at_send", M, IS, "Aoki", "Sato", ("budget",)),
        ("Webinar leads", "bounced", M, IS, "Aoki", "Sato", ("budget",)),
        ("Budget fill-in", "silent_handoff", M, IS, "Mori", "Sato", ()),
        ("Onboarding kit", "silent_handoff", M, CS, "Aoki", "Aoki", ()),
        ("Case study", "silent_handoff", M, CS, "Aoki", "Kato", ()),
    }
    budget = analysis.findings_of(scene.ids["Budget fill-in"])
    assert budget[0].detail == (
        "Marketing → Inside Sales (Mori → Sato): changed hands with no handoff record"
    )
    assert budget[0].at == T0 + timedelta(hours=3)


def test_the_matrix_counts_silent_handoffs_and_ranks_by_them(scene):
    """Marketing → Inside Sales: two handoffs and one silent; Marketing → Customer Success:
    no handoff, two silent. The first loses more (budget lost, half sent back)."""
    live_the_week(scene)
    analysis = scene.analysis()
    ids = scene.ids
    to_sales = analysis.matrix[(ids["Marketing"], ids["Inside Sales"])]
    to_success = analysis.matrix[(ids["Marketing"], ids["Customer Success"])]
    assert (to_sales.count, to_sales.silent, to_sales.lost_items) == (2, 1, (("budget", 1),))
    assert to_sales.returned_or_rejected == 0.5
    assert (to_success.count, to_success.silent, to_success.handoff_ids) == (0, 2, ())
    assert set(analysis.matrix) == {
        (ids["Marketing"], ids["Inside Sales"]),
        (ids["Marketing"], ids["Customer Success"]),
    }
    assert analysis.worst_pairs() == (to_sales,)
    assert analysis.worst_pair() is to_sales


def test_a_tie_is_named_as_a_tie(scene, qapp):
    """One silent handoff to Inside Sales, one to Customer Success, nothing else: both pairs
    lose the most, and neither is picked."""
    scene.owner("Webinar leads", "Sato", by="Aoki", at=T0 + timedelta(hours=1))
    scene.owner("Onboarding kit", "Kato", by="Aoki", at=T0 + timedelta(hours=2))
    analysis = scene.analysis()
    ids = scene.ids
    tied = analysis.worst_pairs()
    assert [(c.from_team_id, c.to_team_id, c.silent) for c in tied] == [
        (ids["Marketing"], ids["Inside Sales"], 1),
        (ids["Marketing"], ids["Customer Success"], 1),
    ]
    assert analysis.worst_pair() is None
    session = BoardSession(scene.store, None, now=lambda: NOW)
    model = TeamMatrixModel(session)
    assert model.worst is None
    for cell in tied:  # the matrix says it on both cells, in words
        assert model.lines(cell) == [
            ("Loses the most (tie)", "alert"),
            ("No handoff", "title"),
            ("1 change of hands with no handoff", "lost"),
        ]


def test_the_cli_names_the_tie_and_counts_silent_handoffs(scene, board_path, capsys):
    """`handoffs --matrix`: a NO RECORD column, and both pairs of the tie."""
    scene.owner("Webinar leads", "Sato", by="Aoki", at=T0 + timedelta(hours=1))
    scene.owner("Onboarding kit", "Kato", by="Aoki", at=T0 + timedelta(hours=2))
    assert main(["--board", str(board_path), "handoffs", "--matrix"]) == 0
    out = capsys.readouterr().out
    rows = {tuple(line.split()[:2]): line.split() for line in out.splitlines()[1:3]}
    assert rows[("Marketing", "Inside")][-1] == "1"
    assert rows[("Marketing", "Customer")][-1] == "1"
    assert "NO RECORD" in out.splitlines()[0]
    assert out.splitlines()[-1] == (
        "Loses the most (tie): Marketing → Inside Sales, Marketing → Customer Success"
    )


# -- a board without teams: a real Trello export -------------------------------------------


def test_a_trello_board_without_teams_has_no_silent_handoffs(board_path, capsys, qapp):
    """The real Trello export, imported; cards passed between its teamless people (the
    way Trello members swap cards): no silent handoff, no "No handoff" badge on any card,
    done or not, and the matrix has nothing to show."""
    assert main(["board", "new", str(board_path)]) == 0
    assert main(["--board", str(board_path), "import", "trello", str(TRELLO_SAMPLE)]) == 0
    capsys.readouterr()
    store = BoardStore.open(board_path, create=False)
    try:
        board = store.load()
        assert not board.teams
        sample = board.find_person("Trello Sample User")
        made = store.apply(Create("person", (("name", "Ana Lima"),)), None, T0)
        other = made.rows[0].entity_id
        moved = 0
        for n, task in enumerate(sorted(board.tasks.values(), key=lambda t: t.id)):
            at = T0 + timedelta(hours=n + 1)
            first = store.apply(set_task(task, owner_id=sample.id), sample.id, at)
            assert first.rows
            now_task = store.load().tasks[task.id]
            store.apply(set_task(now_task, owner_id=other), sample.id, at + timedelta(minutes=30))
            moved += 1
        assert moved == 10
        session = BoardSession(store, sample.id, now=lambda: NOW)
        analysis = session.handoff_analysis()
        assert analysis.findings == ()
        assert analysis.matrix == {}
        assert analysis.worst_pairs() == ()
        done = session.board.done_status_ids()
        assert any(t.status_id in done for t in session.board.tasks.values())
        for task_id in session.board.tasks:
            assert card_face(session, task_id).finding_word == ""
    finally:
        store.dispose()
    assert main(["--board", str(board_path), "handoffs", "--lost"]) == 0
    assert capsys.readouterr().out.strip() == "Nothing lost."
    assert main(["--board", str(board_path), "handoffs", "--matrix"]) == 0
    assert capsys.readouterr().out.strip() == "No handoffs yet."


# -- handoffs imported without their packet ---------------------------------------------------


def test_an_imported_handoff_without_packet_is_packet_unknown(board, tmp_path, capsys, qapp):
    """Cards Trello saw pass from Marketing to Inside Sales become handoffs with no packet:
    "packet unknown", never "sent incomplete" or "info lost"."""
    export = write_json(tmp_path / "board.json", trello_board(cards=8, actions_per_card=7))
    assert main(["--board", board, "--as", "Haruka Aoki", "import", "trello", str(export)]) == 0
    capsys.readouterr()
    store = BoardStore.open(board, create=False)
    try:
        session = BoardSession(store, None)
        imported = {t.id for t in session.board.tasks.values() if t.source_id}
        handoffs = [h for h in session.board.handoffs.values() if h.task_id in imported]
        assert handoffs and not any(h.packet_known for h in handoffs)
        analysis = session.handoff_analysis()
        for h in handoffs:
            kinds = {f.kind for f in analysis.findings_of(h.task_id)}
            assert not kinds & {"incomplete_at_send", "lost_in_transit", "lost_downstream"}
            assert card_face(session, h.task_id).finding_word not in (
                "Info lost",
                "Sent incomplete",
            )
        log = HandoffLogModel(session)  # the Handoffs tab's log: its "Sent without" column
        said = {}
        for row in range(log.rowCount()):
            entry = log.index(row, 0).data(ENTRY_ROLE)
            if entry.handoff is not None:
                said[entry.handoff.id] = log.index(row, Column.MISSING).data()
        assert {said[h.id] for h in handoffs} == {"Packet unknown"}
    finally:
        store.dispose()
    assert main(["--board", board, "handoffs", "--json"]) == 0
    listed = {e["id"]: e for e in json.loads(capsys.readouterr().out)}
    for h in handoffs:
        assert (listed[h.id]["packet_known"], listed[h.id]["missing_items"]) == (False, [])
    assert main(["--board", board, "handoffs"]) == 0
    table = capsys.readouterr().out.splitlines()
    for h in handoffs:
        row = next(line for line in table if line.split()[:1] == [str(h.id)])
        assert "packet unknown" in row


def test_the_handoffs_tab_names_both_pairs_of_a_tie(scene, qtbot):
    """The line above the matrix puts neither pair first in words: "Lose the most, tied"."""
    scene.owner("Webinar leads", "Sato", by="Aoki", at=T0 + timedelta(hours=1))
    scene.owner("Onboarding kit", "Kato", by="Aoki", at=T0 + timedelta(hours=2))
    tab = HandoffsTab(BoardSession(scene.store, None, now=lambda: NOW))
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.wait(20)  # the tab lays its chain out on the next turn of the event loop
    assert tab.worst_label.text() == (
        "Lose the most, tied: <b>Marketing → Inside Sales, Marketing → Customer Success</b>"
    )
