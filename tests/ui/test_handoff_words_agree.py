"""One duration, said the same way by the window, the cards, the standup, the PDF report and
the CLI; and a lead sent back shows on the standup as sent back, with who has it now."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from renkei.app.session import BoardSession
from renkei.app.standup import build_agenda
from renkei.cli.main import main
from renkei.domain import handoff_commands as ho
from renkei.domain.commands import Create
from renkei.domain.durations import duration_text
from renkei.export.report_scope import ReportScope
from renkei.export.report_sections import handoff_section
from renkei.render.card_face import card_face
from renkei.ui.handoffs.matrix_view import TeamMatrixModel
from renkei.ui.standup.slides import TEAM, build_slides


def test_duration_text_keeps_two_figures():
    """Minutes under an hour, hours with a decimal under ten, whole hours under two days,
    then days with a decimal."""
    cases = {
        timedelta(seconds=20): "1 min",
        timedelta(minutes=40): "40 min",
        timedelta(minutes=59, seconds=40): "1 h",
        timedelta(minutes=72): "1.2 h",
        timedelta(hours=9, minutes=56): "9.9 h",
        timedelta(hours=9, minutes=58): "10 h",
        timedelta(hours=14, minutes=20): "14 h",
        timedelta(hours=47, minutes=20): "47 h",
        timedelta(hours=60): "2.5 d",
        timedelta(days=3): "3 d",
    }
    assert {span: duration_text(span) for span in cases} == cases


def test_the_median_reads_the_same_in_window_report_and_cli(demo_session, board_path, capsys):
    """Marketing → Inside Sales: 1.2 business hours to acknowledge, everywhere."""
    board = demo_session.board
    pair = (board.find_team("Marketing").id, board.find_team("Inside Sales").id)
    cell = demo_session.handoff_analysis().matrix[pair]
    window = TeamMatrixModel(demo_session).lines(cell)
    assert ("median 1.2 h to acknowledge", "body") in window
    rows = handoff_section(ReportScope(demo_session, None, None)).pairs
    assert next(r for r in rows if r.pair == "Marketing → Inside Sales").median == "1.2 h"
    assert main(["--board", str(board_path), "handoffs", "--matrix"]) == 0
    line = next(
        row
        for row in capsys.readouterr().out.splitlines()
        if row.startswith("Marketing") and "Inside Sales" in row
    )
    assert "  1.2 h  " in line


def test_a_waiting_handoff_waits_as_long_on_the_card_as_on_the_standup(demo_session):
    """The card's badge and the standup's line say one duration (under Waiting for us, or
    on the task's line in the section that shows it, when it is overdue or due today)."""
    board = demo_session.board
    waiting = next(h for h in board.handoffs.values() if h.state.value == "sent")
    badge = card_face(demo_session, waiting.task_id).handoff_word
    agenda = build_agenda(demo_session, None)
    slides = build_slides(agenda, board, demo_session.today())
    receiver = next(
        s for s in slides if s.kind == TEAM and s.key == (TEAM, waiting.receiver_team_id)
    )
    lines = [line for section in receiver.sections for line in section.lines]
    title = board.tasks[waiting.task_id].title
    assert badge.startswith("Waiting ")
    mine = [line for line in lines if line.title == title]
    assert len(mine) == 1  # once on the slide
    assert mine[0].word == badge or badge in mine[0].detail.split(" · ")


def test_the_standup_shows_a_bounce_and_who_has_the_task_now(store):
    """Sent without the budget, returned for it, sent again and accepted: Marketing's slide
    shows the lead once, its newest event first with the earlier ones after it (newest
    first), and who has the lead now."""
    t0 = datetime(2026, 11, 23, 9, 0)

    def make(entity, **values):
        row = Create(entity, tuple(values.items()))
        return store.apply(row, None, t0 - timedelta(days=7)).rows[0].entity_id

    marketing, sales = make("team", name="Marketing"), make("team", name="Inside Sales")
    aoki = make("person", name="Aoki", team_id=marketing)
    sato = make("person", name="Sato", team_id=sales)
    status = store.load().find_status("To do").id
    task = make("task", title="Webinar leads", status_id=status, team_id=marketing, owner_id=aoki)
    lead = {"company": "Kansai Foods", "contact": "m.ito@example.jp", "need": "CRM"}

    def run(build, actor, at, *args):
        commands = build(store.load(), *args, actor_id=actor, at=at)
        return store.apply_all(commands, actor, at).rows[0].entity_id

    first = run(ho.send, aoki, t0 + timedelta(hours=1), task, sato, "lead", lead)
    run(ho.return_, sato, t0 + timedelta(hours=2), first, "missing_info", ["budget"])
    full = {**lead, "budget": "5M"}
    second = run(ho.send, aoki, t0 + timedelta(days=1), task, sato, "lead", full)
    run(ho.accept, sato, t0 + timedelta(days=1, hours=1), second)

    session = BoardSession(
        store, aoki, today=lambda: date(2026, 11, 25), now=lambda: t0 + timedelta(days=2)
    )
    agenda = build_agenda(session, t0)
    slides = build_slides(agenda, session.board, session.today())
    slide = next(s for s in slides if s.key == (TEAM, marketing))
    changes = next(sec for sec in slide.sections if sec.key == "changes")
    assert [(line.title, line.word, line.detail) for line in changes.lines] == [
        (
            "Webinar leads",
            "Handed to Inside Sales",
            "Aoki · now with Sato · Returned: missing Budget · Handed to Inside Sales",
        ),
    ]
