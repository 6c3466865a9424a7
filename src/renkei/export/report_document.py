"""The report's sections as text runs: which headings, sentences and tables each one shows,
in which type and ink. The words come ready from ``report_sections``; the layout and the page
breaks are ``report_text``'s.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from renkei.domain.health import Health
from renkei.export.report_scope import Due, TaskLabel
from renkei.export.report_sections import (
    BlockedRow,
    ChangesSection,
    HandoffSection,
    Reason,
    TeamSection,
)
from renkei.export.report_summary import MAX_STUCK, HealthRow, SecondPage, Summary, TopRisk
from renkei.export.report_text import HEADING_KEEP, Cell, Chip, Para, TextRun
from renkei.i18n import arg
from renkei.i18n.contexts import Report
from renkei.i18n.words import join_list, parts_text, quoted
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
    """A sentence a reason, after a warning sign: the sentence names the reason itself
    ("Overdue: …", "Flagged by …", "Waits for …"), so the badge word is not said again."""
    return [Para(r.detail, size=7, icon=True, icon_colour=LIGHT.late) for r in reasons]


# -- the appendix -------------------------------------------------------------------------------


def _status(status: str) -> Cell:
    return [Para(arg(QCoreApplication.translate("Report", "Status: %1"), status), size=7)]


def _waits(row: BlockedRow) -> Cell:
    waits = join_list([quoted(t) for t in row.waiting_for])
    text = arg(QCoreApplication.translate("Report", "Blocked: waits for %1"), waits)
    return [Para(text, size=7, icon=True, icon_colour=LIGHT.blocked)]


def teams_run(
    teams: tuple[TeamSection, ...], width: float, check: Check, names: tuple[str, ...] = ()
) -> TextRun:
    """The appendix's first pages: each team's work at risk, due this week or blocked in one
    table (a task in one row only), and the handoffs waiting for it."""
    run = TextRun(width, names=names)
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
        run.text(parts_text(counts), 9, keep=HEADING_KEEP)
        rows = [
            [_task(r.task), r.owner, _due(r.due), _reasons(r.reasons)] for r in team.at_risk_rows
        ]
        rows += [[_task(r.task), r.owner, _due(r.due), _status(r.status)] for r in team.due]
        rows += [
            [_task(r.task), r.owner, QCoreApplication.translate("Report", "—"), _waits(r)]
            for r in team.blocked_rows
        ]
        if rows:
            run.heading(
                QCoreApplication.translate("Report", "At risk, due this week or blocked"), 2
            )
            run.table(
                [
                    (QCoreApplication.translate("Report", "Task"), 3),
                    (QCoreApplication.translate("Report", "Owner"), 1.4),
                    (QCoreApplication.translate("Report", "Due"), 1.3),
                    (QCoreApplication.translate("Report", "Why"), 4),
                ],
                rows,
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
    return run


def board_heading_run(width: float) -> TextRun:
    run = TextRun(width)
    run.heading(QCoreApplication.translate("Report", "Board snapshot"), keep=0)
    return run


def handoffs_run(
    section: HandoffSection, width: float, check: Check, names: tuple[str, ...] = ()
) -> TextRun:
    run = TextRun(width, names=names)
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


# -- the first two pages ------------------------------------------------------------------------

SUMMARY_PADDING = 3.0  # the first page's tables, a little tighter than the appendix's
HEALTH_INK = {Health.ON_TRACK: LIGHT.done, Health.AT_RISK: LIGHT.risk, Health.OFF_TRACK: LIGHT.late}


def _health_table(run: TextRun, heading: str, rows: tuple[HealthRow, ...], check: Check) -> None:
    if not rows:
        return
    run.table(
        [
            (heading, 2.0),
            (QCoreApplication.translate("Report", "Health"), 1.0),
            (QCoreApplication.translate("Report", "Why"), 2.3),
            (QCoreApplication.translate("Report", "Forecast against the deadline"), 4.7),
        ],
        [
            [
                [Para(r.name, bold=True)],
                Chip(r.word, HEALTH_INK[r.health]),
                _why(r),
                [Para(line, colour=LIGHT.late if r.forecast_late else None) for line in r.forecast],
            ]
            for r in rows
        ],
        check,
        SUMMARY_PADDING,
    )


def _why(row: HealthRow) -> Cell:
    if not row.why:
        return QCoreApplication.translate("Report", "—")
    if row.by_hand:
        return [
            Para(row.why),
            Para(
                QCoreApplication.translate("Report", "Set by the lead"), colour=LIGHT.muted, size=7
            ),
        ]
    return row.why


def summary_run(
    page: Summary,
    width: float,
    check: Check,
    appendix: bool,
    rows: int = MAX_STUCK,
    names: tuple[str, ...] = (),
) -> TextRun:
    """Page 1: the state of the board in one page (``appendix``: the report goes on with the
    detail, which the line under the top risks points to); at most ``rows`` handoffs stuck
    and deadlines moved, the rest counted. ``names``: people's names, never broken inside."""
    run = TextRun(width, names=names)
    run.text(page.board_name, 16, LIGHT.text, bold=True)
    run.text(f"{page.subtitle}\u2003{page.since}\u2003{page.as_of}", 8, LIGHT.muted)
    _health_table(run, QCoreApplication.translate("Report", "Team"), page.teams, check)
    _health_table(run, QCoreApplication.translate("Report", "Project"), page.projects, check)
    run.heading(QCoreApplication.translate("Report", "Top risks"), 2)
    if not page.risks:
        run.text(QCoreApplication.translate("Report", "No task is at risk."), 9, LIGHT.muted)
    else:
        run.table(
            [
                (QCoreApplication.translate("Report", "Task"), 2.8),
                (QCoreApplication.translate("Report", "Owner"), 1.6),
                (QCoreApplication.translate("Report", "Why"), 2.9),
                (QCoreApplication.translate("Report", "What is needed"), 2.5),
            ],
            [
                [[Para(r.task.title, bold=True)], _owner(r), _risk_why(r), r.needed]
                for r in page.risks
            ],
            check,
            SUMMARY_PADDING,
        )
        if page.more_risks:
            more = (
                Report.tr("…and %n more task(s) at risk, in the appendix.", "", page.more_risks)
                if appendix
                else Report.tr("…and %n more task(s) at risk.", "", page.more_risks)
            )
            run.text(more, 7, LIGHT.muted)
    run.heading(QCoreApplication.translate("Report", "Handoffs stuck"), 2)
    stuck = len(page.stuck) + page.more_stuck
    if not page.stuck:
        run.text(QCoreApplication.translate("Report", "No handoff is stuck."), 9, LIGHT.muted)
    elif rows == 0:  # a page too short for even one row: the count
        run.text(Report.tr("%n handoff(s) stuck.", "", stuck), 9)
    else:
        run.table(
            [
                (QCoreApplication.translate("Report", "Task"), 3.0),
                (QCoreApplication.translate("Report", "Where it is stuck"), 6.0),
            ],
            [[_task(r.task), r.detail] for r in page.stuck[:rows]],
            check,
            SUMMARY_PADDING,
        )
        more = page.more_stuck + max(0, len(page.stuck) - rows)
        if more:
            run.text(Report.tr("…and %n more.", "", more), 7, LIGHT.muted)
    run.heading(QCoreApplication.translate("Report", "Deadlines moved since the last standup"), 2)
    moved = len(page.moved) + page.more_moved
    if not page.moved:
        run.text(QCoreApplication.translate("Report", "No deadline moved."), 9, LIGHT.muted)
    elif rows == 0:
        run.text(Report.tr("%n deadline(s) moved.", "", moved), 9)
    else:
        run.table(
            [
                (QCoreApplication.translate("Report", "Task"), 3.6),
                (QCoreApplication.translate("Report", "Was due"), 1.4),
                (QCoreApplication.translate("Report", "Now due"), 1.4),
                (QCoreApplication.translate("Report", "Moved by"), 1.6),
            ],
            [[_task(r.task), r.old, r.new, r.by] for r in page.moved[:rows]],
            check,
            SUMMARY_PADDING,
        )
        more = page.more_moved + max(0, len(page.moved) - rows)
        if more:
            run.text(Report.tr("…and %n more.", "", more), 7, LIGHT.muted)
    return run


def _owner(row: TopRisk) -> Cell:
    paras = [Para(row.owner)]
    if row.task.team is not None:
        paras.append(Para(row.task.team, colour=LIGHT.muted, size=7))
    return paras


def _risk_why(row: TopRisk) -> Cell:
    """The worst reason's sentence after a warning sign (it names the reason: "Overdue: …"),
    then the other reasons' words."""
    paras = [Para(row.reason, icon=True, icon_colour=LIGHT.late)]
    if row.also:
        also = arg(QCoreApplication.translate("Report", "Also: %1"), row.also)
        paras.append(Para(also, colour=LIGHT.muted, size=7))
    return paras


def second_page_run(
    page: SecondPage,
    changes: ChangesSection,
    width: float,
    check: Check,
    per_team: int,
    names: tuple[str, ...] = (),
) -> TextRun:
    """Page 2: what changed since the last standup — the counts by team, then the newest
    ``per_team`` changes of each team — and the decisions needed."""
    run = TextRun(width, names=names)
    run.heading(arg(QCoreApplication.translate("Report", "Changes since %1"), page.since))
    run.table(
        [
            (QCoreApplication.translate("Report", "Team"), 2.4),
            (QCoreApplication.translate("Report", "Finished"), 1),
            (QCoreApplication.translate("Report", "New"), 1),
            (QCoreApplication.translate("Report", "Moved"), 1),
            (QCoreApplication.translate("Report", "Due date changed"), 1.2),
            (QCoreApplication.translate("Report", "Handed off"), 1.1),
            (QCoreApplication.translate("Report", "Sent back"), 1.1),
        ],
        [
            [
                [Para(r.team, bold=True)],
                str(r.finished),
                str(r.new),
                str(r.moved),
                str(r.deadline),
                str(r.handed_off),
                str(r.sent_back),
            ]
            for r in page.counts
        ],
        check,
    )
    rows = [
        [r.when, [Para(team.team, size=7)], r.what, [Para(r.task, bold=True)], r.detail]
        for team in changes.teams
        for r in team.rows[:per_team]
    ]
    left = sum(max(0, len(team.rows) - per_team) + team.older for team in changes.teams)
    if rows:
        run.table(
            [
                (QCoreApplication.translate("Report", "When"), 1.3),
                (QCoreApplication.translate("Report", "Team"), 1.2),
                (QCoreApplication.translate("Report", "What"), 1.2),
                (QCoreApplication.translate("Report", "Task"), 3),
                (QCoreApplication.translate("Report", "Detail"), 2.1),
            ],
            rows,
            check,
            SUMMARY_PADDING,
        )
    if left:
        run.text(Report.tr("…and %n older change(s).", "", left), 7, LIGHT.muted)
    run.heading(QCoreApplication.translate("Report", "Decisions needed"))
    if not page.decisions:
        run.text(QCoreApplication.translate("Report", "No decision is waiting."), 9, LIGHT.muted)
        return run
    run.table(
        [
            (QCoreApplication.translate("Report", "Decision"), 4.6),
            (QCoreApplication.translate("Report", "Context"), 2.4),
            (QCoreApplication.translate("Report", "Who"), 1.5),
        ],
        [[[Para(d.what, bold=True)], d.why, d.who] for d in page.decisions],
        check,
    )
    if page.more_decisions:
        run.text(Report.tr("…and %n more.", "", page.more_decisions), 7, LIGHT.muted)
    return run
