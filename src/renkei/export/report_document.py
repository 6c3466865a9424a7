"""The report's sections as text runs: which headings, sentences and tables each one shows,
in which type and ink. The words come ready from ``report_sections``; the layout and the page
breaks are ``report_text``'s.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from renkei.export.report_scope import Due, TaskLabel
from renkei.export.report_sections import (
    ChangesSection,
    Cover,
    Figure,
    HandoffSection,
    Reason,
    RiskSection,
    TeamSection,
)
from renkei.export.report_text import ACCENT, Cell, Para, TextRun
from renkei.export.report_text import Figure as Tile
from renkei.i18n import arg
from renkei.i18n.contexts import Report
from renkei.render.theme import LIGHT

Check = Callable[[], None]


def _task(task: TaskLabel) -> Cell:
    paras = [Para(task.title, bold=True)]
    if task.team is not None:
        paras.append(Para(task.team, colour=LIGHT.muted, size=7))
    return paras


def _due(due: Due | None) -> Cell:
    if due is None:
        return QCoreApplication.translate("Report", "—")
    ink = LIGHT.late if due.late else LIGHT.muted
    return [Para(due.day), Para(due.words, colour=ink, bold=due.late, size=7)]


def _reasons(reasons: tuple[Reason, ...]) -> Cell:
    paras: list[Para] = []
    for reason in reasons:
        paras.append(Para(reason.word, bold=True, colour=LIGHT.late, icon=True))
        paras.append(Para(reason.detail, size=7))
    return paras


def _tile(figure: Figure) -> Tile:
    colour: QColor | None = LIGHT.late if figure.alarming else None
    return Tile(str(figure.number), figure.words, colour)


# -- the runs -----------------------------------------------------------------------------------


def cover_run(cover: Cover, width: float) -> TextRun:
    run = TextRun(width, top_margin=40.0)
    run.text(cover.board_name, 28, LIGHT.text, bold=True)
    run.text(cover.subtitle, 16, ACCENT, bold=True, space_before=1.0)
    run.text(cover.since, 11)
    run.text(cover.as_of, 9, LIGHT.muted)
    run.heading(QCoreApplication.translate("Report", "Summary"), 2, space_before=18.0)
    run.figures([_tile(f) for f in cover.statuses])
    run.figures([_tile(f) for f in cover.signals])
    if cover.worst_pair is not None:
        run.text(cover.worst_pair, 9, space_before=6.0)
    if cover.forecasts:
        run.heading(
            QCoreApplication.translate("Report", "Will it finish in time?"), 2, space_before=14.0
        )
        for line in cover.forecasts:
            run.text(line.text, 9, LIGHT.late if line.late else None)
    return run


def risk_run(section: RiskSection, width: float, check: Check) -> TextRun:
    run = TextRun(width)
    run.heading(QCoreApplication.translate("Report", "At risk"))
    if not section.at_risk:
        run.text(QCoreApplication.translate("Report", "No task is at risk."), 9, LIGHT.muted)
    else:
        run.text(
            Report.tr("%n task(s) at risk, soonest due first.", "", len(section.at_risk)),
            8,
            LIGHT.muted,
        )
        run.table(
            [
                (QCoreApplication.translate("Report", "Task"), 3),
                (QCoreApplication.translate("Report", "Owner"), 1.4),
                (QCoreApplication.translate("Report", "Due"), 1.3),
                (QCoreApplication.translate("Report", "Why"), 4),
            ],
            [[_task(r.task), r.owner, _due(r.due), _reasons(r.reasons)] for r in section.at_risk],
            check,
        )
    run.heading(QCoreApplication.translate("Report", "Overdue"))
    if not section.overdue:
        run.text(QCoreApplication.translate("Report", "Nothing is overdue."), 9, LIGHT.muted)
        return run
    run.table(
        [
            (QCoreApplication.translate("Report", "Task"), 3.2),
            (QCoreApplication.translate("Report", "Owner"), 1.5),
            (QCoreApplication.translate("Report", "Due"), 1.4),
            (QCoreApplication.translate("Report", "Status"), 1.3),
            (QCoreApplication.translate("Report", "Priority"), 1),
        ],
        [[_task(r.task), r.owner, _due(r.due), r.status, r.priority] for r in section.overdue],
        check,
    )
    return run


def teams_run(teams: tuple[TeamSection, ...], width: float, check: Check) -> TextRun:
    run = TextRun(width)
    for team in teams:
        check()
        run.heading(arg(QCoreApplication.translate("Report", "Team: %1"), team.name))
        counts = (
            Report.tr("%n open task(s)", "", team.open_tasks),
            arg(QCoreApplication.translate("Report", "%1 at risk"), str(team.at_risk)),
            arg(QCoreApplication.translate("Report", "%1 overdue"), str(team.overdue)),
            arg(QCoreApplication.translate("Report", "%1 blocked"), str(team.blocked)),
            Report.tr("%n handoff(s) waiting for the team", "", team.waiting),
        )
        run.text(" · ".join(counts), 9)
        if team.due:
            run.heading(QCoreApplication.translate("Report", "Due this week"), 2)
            run.table(
                [
                    (QCoreApplication.translate("Report", "Task"), 3.5),
                    (QCoreApplication.translate("Report", "Owner"), 1.5),
                    (QCoreApplication.translate("Report", "Due"), 1.4),
                    (QCoreApplication.translate("Report", "Status"), 1.4),
                ],
                [[_task(r.task), r.owner, _due(r.due), r.status] for r in team.due],
                check,
            )
        if team.blocked_rows:
            run.heading(QCoreApplication.translate("Report", "Blocked"), 2)
            run.table(
                [
                    (QCoreApplication.translate("Report", "Task"), 3),
                    (QCoreApplication.translate("Report", "Owner"), 1.4),
                    (QCoreApplication.translate("Report", "Waiting for"), 3),
                ],
                [[_task(r.task), r.owner, "\n".join(r.waiting_for)] for r in team.blocked_rows],
                check,
            )
        if team.waiting_rows:
            run.heading(QCoreApplication.translate("Report", "Handoffs waiting for the team"), 2)
            run.table(
                [
                    (QCoreApplication.translate("Report", "Task"), 3),
                    (QCoreApplication.translate("Report", "From"), 2),
                    (QCoreApplication.translate("Report", "To"), 1.5),
                    (QCoreApplication.translate("Report", "Waiting"), 1.2),
                ],
                [
                    [_task(r.task), f"{r.from_team}\n{r.from_person}", r.to_person, r.waited]
                    for r in team.waiting_rows
                ],
                check,
            )
        if team.people:
            run.heading(QCoreApplication.translate("Report", "Who is doing what"), 2)
            run.table(
                [
                    (QCoreApplication.translate("Report", "Person"), 1.5),
                    (QCoreApplication.translate("Report", "Current work"), 5),
                ],
                [
                    [r.person, "\n".join(r.work) + (f"\n+{r.more}" if r.more else "")]
                    for r in team.people
                ],
                check,
            )
    return run


def board_heading_run(width: float) -> TextRun:
    run = TextRun(width)
    run.heading(QCoreApplication.translate("Report", "Board snapshot"), keep=0)
    return run


def handoffs_run(section: HandoffSection, width: float, check: Check) -> TextRun:
    run = TextRun(width)
    dash = QCoreApplication.translate("Report", "—")
    run.heading(QCoreApplication.translate("Report", "Handoffs"))
    run.heading(QCoreApplication.translate("Report", "Team to team"), 2)
    if not section.pairs:
        run.text(QCoreApplication.translate("Report", "No handoffs yet."), 9, LIGHT.muted)
    else:
        run.table(
            [
                (QCoreApplication.translate("Report", "Pair"), 2.2),
                (QCoreApplication.translate("Report", "Handoffs"), 1.0),
                (QCoreApplication.translate("Report", "Acknowledged in time"), 1.5),
                (QCoreApplication.translate("Report", "Median to acknowledge"), 1.6),
                (QCoreApplication.translate("Report", "Returned or rejected"), 1.5),
                (QCoreApplication.translate("Report", "Most lost items"), 2.1),
                (QCoreApplication.translate("Report", "Without a handoff"), 1.4),
            ],
            [
                [
                    r.pair,
                    str(r.handoffs),
                    r.in_time,
                    r.median,
                    r.returned,
                    [Para(item, colour=LIGHT.lost, bold=True) for item in r.lost] or dash,
                    str(r.silent),
                ]
                for r in section.pairs
            ],
            check,
        )
    run.heading(QCoreApplication.translate("Report", "Worst chains"), 2)
    if not section.chains:
        run.text(QCoreApplication.translate("Report", "No handoff chain broke."), 9, LIGHT.muted)
        return run
    run.text(
        QCoreApplication.translate(
            "Report", "The five tasks whose handoffs went worst, and the hop where each broke."
        ),
        8,
        LIGHT.muted,
    )
    run.table(
        [
            (QCoreApplication.translate("Report", "Task"), 2.5),
            (QCoreApplication.translate("Report", "Where it broke"), 4),
            (QCoreApplication.translate("Report", "Items lost"), 2),
        ],
        [
            [
                [
                    Para(r.task, bold=True),
                    Para(Report.tr("%n hop(s)", "", r.hops), colour=LIGHT.muted, size=7),
                ],
                [
                    Para(r.word, bold=True, colour=LIGHT.lost, icon=True),
                    Para(r.detail, size=7),
                ],
                r.items,
            ]
            for r in section.chains
        ],
        check,
    )
    return run


def changes_run(section: ChangesSection, width: float, check: Check) -> TextRun:
    run = TextRun(width)
    run.heading(arg(QCoreApplication.translate("Report", "Changes since %1"), section.since))
    for team in section.teams:
        check()
        run.heading(team.team, 2)
        if not team.rows:
            run.text(QCoreApplication.translate("Report", "No changes."), 9, LIGHT.muted)
            continue
        run.table(
            [
                (QCoreApplication.translate("Report", "When"), 1.4),
                (QCoreApplication.translate("Report", "What"), 1.3),
                (QCoreApplication.translate("Report", "Task"), 3),
                (QCoreApplication.translate("Report", "Detail"), 2.3),
            ],
            [[r.when, r.what, [Para(r.task, bold=True)], r.detail] for r in team.rows],
            check,
        )
        if team.older:
            run.text(Report.tr("…and %n older change(s).", "", team.older), 8, LIGHT.muted)
    return run
