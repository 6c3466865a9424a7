"""The chain of one task as plain values: its hops (labels, words, tooltip), which one broke,
where each sits on the page and on the shared time axis. No widget: the view measures its
fonts into ``ChainMetrics`` and its width into a ``ChainAxis``; the painter draws from these."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from renkei.domain.handoff import STATE_LABELS, item_label, reason_label
from renkei.domain.handoff_log import SILENT, HandoffAnalysis, HandoffEntry
from renkei.domain.handoff_loss import (
    LOST_KINDS,
    Finding,
    FindingKind,
    Names,
    describe,
    format_span,
)
from renkei.domain.model import Board
from renkei.i18n import arg, translate_marked
from renkei.i18n.contexts import Handoffs
from renkei.i18n.words import join_list, label_text, paren_text, parts_text, wide_parts_text
from renkei.ui.text import board_names, local_time_text, span_text

MARGIN = 14
MIN_ROW_HEIGHT = 44
LEFT_SHARE = 0.38  # of the widget's width, for the "N. Team → Team" column
MIN_LEFT_WIDTH = 150
AXIS_GAP = 18
RIGHT_PAD = 22
_LOST = frozenset(kind.value for kind in LOST_KINDS)


def stamp(at: datetime) -> float:
    """A stored (naive UTC) time as seconds since the epoch."""
    return at.replace(tzinfo=UTC).timestamp()


def _midnight_stamp(day: date) -> float:
    """Local midnight of ``day`` as seconds since the epoch."""
    return datetime(day.year, day.month, day.day).astimezone().timestamp()


def short_finding_text(finding: Finding) -> str:
    """A few words for a non-lost finding: 'Dropped — acknowledged 2 day(s) late'."""
    params = dict(finding.params)
    key = params.get("template", "")
    kind = finding.kind
    if kind == FindingKind.DROPPED.value:
        late = params.get("late")
        span = format_span(late, translate_marked) if isinstance(late, timedelta) else ""
        if key == "dropped_late":
            return arg(
                QCoreApplication.translate("Handoffs", "Dropped — acknowledged %1 late"), span
            )
        return arg(
            QCoreApplication.translate("Handoffs", "Dropped — not acknowledged, %1 overdue"), span
        )
    if kind == FindingKind.BOUNCED.value:
        reason = reason_label(str(params.get("reason") or ""), translate_marked)
        word = (
            QCoreApplication.translate("Handoffs", "Rejected")
            if key == "bounced_rejected"
            else QCoreApplication.translate("Handoffs", "Returned")
        )
        return paren_text(word, reason) if reason else word
    if kind == FindingKind.SILENT_HANDOFF.value:
        return QCoreApplication.translate("Handoffs", "Changed hands without a handoff record")
    if kind == FindingKind.STALLED.value:
        days = int(params.get("days") or 0)
        return Handoffs.tr("Stalled — no activity for %n business day(s)", "", days)
    if kind in _LOST:
        items = join_list([item_label(i, translate_marked) for i in finding.items])
        return arg(QCoreApplication.translate("Handoffs", "Lost: %1"), items)
    return kind


def span_words(row: HopRow, now: float) -> str:
    """What the bar's side says: 'acknowledged in 1 h' / 'waiting 3 d' ("" when neither:
    no handoff record, or decided without an acknowledgement)."""
    h = row.entry.handoff
    if h is None:
        return ""
    if h.acknowledged_at is not None:
        return arg(
            QCoreApplication.translate("Handoffs", "acknowledged in %1"),
            span_text(h.acknowledged_at - h.sent_at),
        )
    if h.state.is_open:
        moment = datetime.fromtimestamp(now, UTC).replace(tzinfo=None)
        waited = span_text(moment - h.sent_at)
        return arg(QCoreApplication.translate("Handoffs", "waiting %1"), waited)
    return ""


@dataclass
class HopRow:
    """One hop of the chain, with its words; ``top`` and the heights are set by placing."""

    index: int
    entry: HandoffEntry
    label: str
    people: str
    state: str
    lost: tuple[str, ...]
    breaking: bool
    lost_here: bool
    findings_text: str
    tooltip: str
    finding_words: tuple[str, ...] = ()  # the findings line's parts, each said on its own
    top: float = 0.0
    main_height: float = 0.0
    height: float = 0.0
    events: list[float] = field(default_factory=list)

    @property
    def handoff_id(self) -> int | None:
        return self.entry.handoff.id if self.entry.handoff is not None else None


@dataclass(frozen=True)
class ChainMetrics:
    """Heights that follow the font: the header, the axis band, a hop and its findings line."""

    title: float
    verdict: float
    header: float
    axis: float
    main: float
    findings: float
    small: float
    legend: float

    @classmethod
    def measure(cls, height_of: Callable[[float, bool], float]) -> ChainMetrics:
        """``height_of(scale, bold)``: the line height of the view's font at that scale."""
        title = height_of(1.3, True)
        label = height_of(1.05, True)
        small = height_of(0.92, False)
        base = height_of(1.0, True)
        return cls(
            title=title,
            verdict=base,
            header=MARGIN + title + 4 + base + 12,
            axis=small + 10,
            main=max(float(MIN_ROW_HEIGHT), label + small + 16),
            findings=small + 10,
            small=small,
            legend=small + 16,
        )


@dataclass
class Chain:
    """What the view shows for one task (or for none)."""

    title: str = ""
    verdict: str = ""
    verdict_kind: str = "none"  # "none", "ok", "broke"
    rows: list[HopRow] = field(default_factory=list)
    t0: float = 0.0  # the axis runs from t0 to t1 (seconds since the epoch)
    t1: float = 1.0
    now: float = 0.0

    def content_height(self, m: ChainMetrics) -> int:
        height = m.header
        if self.rows:
            height += m.axis + sum(row.height for row in self.rows) + m.legend
        return int(height + MARGIN)

    def row_at(self, y: float) -> int | None:
        for row in self.rows:
            if row.top <= y < row.top + row.height:
                return row.index
        return None

    def place_rows(self, m: ChainMetrics) -> None:
        y = m.header + m.axis
        for row in self.rows:
            row.top = y
            row.main_height = m.main
            row.height = m.main + (m.findings if row.findings_text else 0.0)
            y += row.height


@dataclass(frozen=True)
class ChainAxis:
    """The time axis across a view ``width`` wide: the hop labels on the left, time on the right."""

    width: float
    t0: float
    t1: float

    @property
    def left_width(self) -> float:
        return max(float(MIN_LEFT_WIDTH), self.width * LEFT_SHARE)

    def span(self) -> tuple[float, float]:
        left = MARGIN + self.left_width + AXIS_GAP
        right = max(left + 40.0, self.width - MARGIN - RIGHT_PAD)
        return left, right

    def x_of(self, moment: float) -> float:
        left, right = self.span()
        share = (moment - self.t0) / (self.t1 - self.t0)
        return left + share * (right - left)

    def ticks(self, text_width: Callable[[str], float]) -> list[tuple[float, str]]:
        """Date ticks (x, label) at local midnights, spaced so labels never overlap."""
        fmt = _date_format()
        locale = QLocale()
        first = datetime.fromtimestamp(self.t0).date()
        last = datetime.fromtimestamp(self.t1).date()

        def label(day: date) -> str:
            return locale.toString(QDate(day.year, day.month, day.day), fmt)

        def days_from(start: date, step: int) -> list[date]:
            out, day = [], start
            while day <= last:
                out.append(day)
                day += timedelta(days=step)
            return out

        def months() -> list[date]:
            out, year, month = [], first.year, first.month
            while date(year, month, 1) <= last:
                out.append(date(year, month, 1))
                month += 1
                if month == 13:
                    year, month = year + 1, 1
            return out

        monday = first + timedelta(days=(7 - first.weekday()) % 7)
        candidates = [
            (1, days_from(first, 1)),
            (2, days_from(first, 2)),
            (7, days_from(monday, 7)),
            (14, days_from(monday, 14)),
            (30, months()),
        ]
        per_day = self.x_of(self.t0 + 86400) - self.x_of(self.t0)
        chosen: list[date] = candidates[-1][1]
        for step, days in candidates:
            widest = max((text_width(label(d)) for d in days), default=0.0)
            if step * per_day >= widest + 14:
                chosen = days
                break
        left, right = self.span()
        out = []
        for day in chosen:
            x = self.x_of(_midnight_stamp(day))
            if left - 0.5 <= x <= right + 0.5:
                out.append((x, label(day)))
        return out


def _date_format() -> str:
    locale = QLocale()
    if locale.language() == QLocale.Language.Japanese:
        return "M月d日"  # the app's one date style (12月8日), without the weekday on an axis
    if locale.language() == QLocale.Language.Chinese:
        return "M/d"
    short = locale.dateFormat(QLocale.FormatType.ShortFormat).lower()
    return "d MMM" if short.startswith("d") else "MMM d"


# -- building the chain ---------------------------------------------------------------------


def build_chain(board: Board, analysis: HandoffAnalysis | None, task_id: int | None) -> Chain:
    """The hops of ``task_id``'s chain with their words and the verdict (rows not placed)."""
    if task_id is None or analysis is None:
        return Chain(
            verdict=QCoreApplication.translate("Handoffs", "Select a task to see its handoffs")
        )
    task = board.tasks.get(task_id)
    chain = Chain(title=task.title if task is not None else f"#{task_id}")
    entries = analysis.chain(task_id)
    if not entries:
        chain.verdict = QCoreApplication.translate("Handoffs", "No handoffs yet")
        return chain
    breaking = analysis.breaking_finding(task_id)
    breaking_index = _breaking_index(entries, breaking)
    names = board_names(board)
    for index, entry in enumerate(entries):
        is_breaking = index == breaking_index
        chain.rows.append(_make_row(board, index, entry, is_breaking, breaking, names))
    if breaking is None or breaking_index is None:
        chain.verdict, chain.verdict_kind = (
            QCoreApplication.translate("Handoffs", "No information lost on this chain"),
            "ok",
        )
    else:
        row = chain.rows[breaking_index]
        text = arg(
            QCoreApplication.translate("Handoffs", "Broke at hop %1: %2"),
            breaking_index + 1,
            _team_pair(board, row.entry),
        )
        if row.lost:
            labels = join_list([item_label(i, translate_marked) for i in row.lost])
            lost = arg(QCoreApplication.translate("Handoffs", "lost: %1"), labels)
            text = wide_parts_text([text, lost])
        else:
            text = wide_parts_text([text, short_finding_text(breaking)])
        chain.verdict, chain.verdict_kind = text, "broke"
    _span_axis(chain, analysis.now)
    return chain


def _breaking_index(chain: list[HandoffEntry], breaking: Finding | None) -> int | None:
    if breaking is None:
        return None
    for index, entry in enumerate(chain):
        if breaking.handoff_id is not None:
            if entry.handoff is not None and entry.handoff.id == breaking.handoff_id:
                return index
        elif entry.state == SILENT and breaking in entry.findings:
            return index
    return None


def _team_name(board: Board, team_id: int | None, person_id: int | None) -> str:
    """The team's name; without a team on the hop (an owner-only change), the person's
    own team; "No team" when neither is known."""
    if team_id is None and person_id is not None:
        person = board.people.get(person_id)
        team_id = person.team_id if person is not None else None
    if team_id is None:
        return QCoreApplication.translate("Handoffs", "No team")
    team = board.teams.get(team_id)
    return team.name if team is not None else f"#{team_id}"


def _person_name(board: Board, person_id: int | None) -> str:
    if person_id is None:
        return QCoreApplication.translate("Handoffs", "nobody")
    person = board.people.get(person_id)
    return person.name if person is not None else f"#{person_id}"


def _team_pair(board: Board, entry: HandoffEntry) -> str:
    sender = _team_name(board, entry.from_team_id, entry.from_person_id)
    receiver = _team_name(board, entry.to_team_id, entry.to_person_id)
    return f"{sender} → {receiver}"


def _make_row(
    board: Board,
    index: int,
    entry: HandoffEntry,
    breaking: bool,
    breaking_finding: Finding | None,
    names: Names,
) -> HopRow:
    label = f"{index + 1}. {_team_pair(board, entry)}"
    sender = _person_name(board, entry.from_person_id)
    receiver = _person_name(board, entry.to_person_id)
    people = f"{sender} → {receiver}"
    if entry.handoff is None:
        state = QCoreApplication.translate("Handoffs", "No handoff record")
    else:
        state = QCoreApplication.translate("Handoff", STATE_LABELS[entry.handoff.state])
    lost = entry.lost_items
    parts: list[str] = []
    if entry.handoff is not None and not entry.handoff.packet_known:
        parts.append(QCoreApplication.translate("Handoffs", "Packet unknown"))
    if lost:
        labels = join_list([item_label(i, translate_marked) for i in lost])
        parts.append(arg(QCoreApplication.translate("Handoffs", "Lost: %1"), labels))
    for finding in entry.findings:
        if finding.kind not in _LOST:
            parts.append(short_finding_text(finding))
    lost_here = breaking and breaking_finding is not None and breaking_finding.kind in _LOST
    return HopRow(
        index=index,
        entry=entry,
        label=label,
        people=people,
        state=state,
        lost=lost,
        breaking=breaking,
        lost_here=lost_here,
        findings_text=wide_parts_text(parts),
        finding_words=tuple(parts),
        tooltip=_tooltip(label, people, state, entry, names),
    )


def _tooltip(label: str, people: str, state: str, entry: HandoffEntry, names: Names) -> str:
    lines = [label, parts_text([people, state])]
    h = entry.handoff
    if h is None:
        lines.append(
            arg(
                QCoreApplication.translate("Handoffs", "Changed hands: %1"),
                local_time_text(entry.at),
            )
        )
    else:
        lines.append(
            arg(QCoreApplication.translate("Handoffs", "Sent: %1"), local_time_text(h.sent_at))
        )
        if h.acknowledged_at is not None:
            lines.append(
                arg(
                    QCoreApplication.translate("Handoffs", "Acknowledged: %1"),
                    local_time_text(h.acknowledged_at),
                )
            )
        if h.resolved_at is not None:
            word = QCoreApplication.translate("Handoff", STATE_LABELS[h.state])
            lines.append(label_text(word, local_time_text(h.resolved_at)))
        if h.reason:
            lines.append(
                arg(
                    QCoreApplication.translate("Handoffs", "Reason: %1"),
                    reason_label(h.reason, translate_marked),
                )
            )
    for finding in entry.findings:
        lines.append("⚠ " + describe(finding, names, translate_marked))
    if h is not None:
        lines.append(QCoreApplication.translate("Handoffs", "Click to open this handoff"))
    return "\n".join(lines)


def _span_axis(chain: Chain, now: datetime) -> None:
    """The axis covers the first hop to now (or the last event), with a little air."""
    stamps: list[float] = []
    for row in chain.rows:
        h = row.entry.handoff
        if h is None:
            row.events = [stamp(row.entry.at)]
        else:
            row.events = [stamp(at) for at in (h.sent_at, h.acknowledged_at, h.resolved_at) if at]
        stamps.extend(row.events)
    chain.now = stamp(now)
    start = stamp(chain.rows[0].entry.at)
    end = max([chain.now, *stamps])
    span = max(end - start, 3600.0)
    pad = max(span * 0.04, 1800.0)
    chain.t0 = start - pad
    chain.t1 = end + pad
