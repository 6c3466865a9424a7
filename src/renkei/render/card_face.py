"""What a task's card says, in words: built once per change of the task by the kanban, and
for the PDF report's board snapshot, so both show the same card."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from renkei.domain.handoff import HandoffState, sla_deadline, template_for
from renkei.domain.handoff_log import HandoffAnalysis
from renkei.domain.model import Priority
from renkei.domain.read_model import BoardReadModel
from renkei.domain.risk import due_soon
from renkei.i18n import arg
from renkei.i18n.words import due_text, finding_word, risk_words, span_text
from renkei.render.card import CardFace


def card_face(
    session: BoardReadModel, task_id: int, handoffs: HandoffAnalysis | None = None
) -> CardFace:
    """The card of ``task_id`` on the board. ``handoffs``: an analysis that is right for
    this task (the kanban's, worked out for the cards on screen); by default the board's."""
    board = session.board
    task = board.tasks[task_id]
    owner = board.people.get(task.owner_id) if task.owner_id is not None else None
    status = board.statuses.get(task.status_id)
    done = bool(status and status.is_done)
    reasons = session.risk(task_id)
    team_index = None
    if task.team_id is not None and task.team_id in board.teams:
        team_index = board.teams[task.team_id].position
    today = session.today()
    priority_word = ""
    if task.priority >= Priority.HIGH:
        priority_word = QCoreApplication.translate("Priority", task.priority.label)
    analysis = handoffs if handoffs is not None else session.handoff_analysis()
    waiting_word, waiting_late, lost_word = _handoff_words(session, analysis, task_id)
    return CardFace(
        title=task.title,
        initials=owner.initials if owner else "",
        owner_label=owner_label(owner.name) if owner else "",
        owner_name=owner.name if owner else "",
        due_text="" if done else due_text(task.due, today),
        late=task.due is not None and task.due < today and not done,
        soon=not done and due_soon(task.due, today, session.risk_context().due_soon_days),
        risk_word=risk_words(reasons),
        blocked_word=QCoreApplication.translate("Kanban", "Blocked")
        if not done and session.blocked(task_id)
        else "",
        progress=task.progress,
        done=done,
        team_index=team_index,
        priority_word=priority_word,
        handoff_word=waiting_word,
        handoff_late=waiting_late,
        finding_word=lost_word,
        title_names=names_in(task.title, (p.name for p in board.people.values())),
    )


def names_in(text: str, names) -> tuple[str, ...]:
    """The names among ``names`` that ``text`` mentions (to be kept whole on one line)."""
    return tuple(name for name in names if len(name) > 1 and name in text)


def owner_label(name: str) -> str:
    """How a card names its owner, short but a name, as colleagues say it: the family name
    of a Japanese name ('佐藤 大輝' → '佐藤'; katakana is written given・family, so
    'エミリー・カーター' → 'カーター'), the given name and the family initial of a Western one
    ('Daiki Sato' → 'Daiki S.'), a single word as it is."""
    name = " ".join(name.split())
    if not name:
        return ""
    if "・" in name:
        return name.split("・")[-1].strip() or name
    parts = name.split(" ")
    if any(_cjk(ch) for ch in parts[0]):
        return parts[0]
    if len(parts) == 1:
        return parts[0]
    return f"{parts[0]} {parts[-1][0]}."


def _cjk(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def _handoff_words(
    session: BoardReadModel, analysis: HandoffAnalysis, task_id: int
) -> tuple[str, bool, str]:
    """The waiting badge (how long, late past the SLA) and the finding badge's word."""
    waiting_word, late = "", False
    waiting = analysis.waiting.get(task_id)
    if waiting is not None and waiting.state is HandoffState.SENT:
        since = span_text(analysis.now - waiting.sent_at)
        waiting_word = arg(QCoreApplication.translate("Kanban", "Waiting %1"), since)
        template = template_for(waiting, session.board.templates_by_name())
        late = analysis.now > sla_deadline(waiting, template)
    breaking = analysis.breaking_finding(task_id)
    return waiting_word, late, finding_word(breaking.kind) if breaking else ""
