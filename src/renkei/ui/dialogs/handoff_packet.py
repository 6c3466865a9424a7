"""The information packet of a handoff: which template fits a pair of teams, and the fields the
sender fills in — one row per item with its value and "provided" / "missing" beside it.

``PacketFields`` builds the rows inside a scroll area of the dialog that holds it and keeps
what was typed when the template changes; the dialog places ``header`` and ``scroll`` in its
own layout and listens to ``on_edit``. Its words belong to the send dialog's context."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from renkei.domain import fields
from renkei.domain.handoff import Handoff, HandoffTemplate
from renkei.i18n import arg
from renkei.ui.dialogs.handoff_base import item_text, warm_color
from renkei.ui.text import muted_text_color

FALLBACK_TEMPLATE = "lead"
VISIBLE_ITEM_ROWS = 8  # more items than this scroll inside the packet


def template_text(template: HandoffTemplate) -> str:
    """A template as the user reads it: its translated label, else its name."""
    return (
        QCoreApplication.translate("Handoff", template.label) if template.label else template.name
    )


def team_matches(template_team: str | None, team_name: str) -> bool:
    """A template's descriptive team name fits a board team when either contains the other,
    ignoring case: "Sales" fits "Inside Sales" and "Field Sales"."""
    if not template_team or not team_name:
        return False
    a, b = template_team.strip().casefold(), team_name.strip().casefold()
    return bool(a and b) and (a in b or b in a)


def pick_template(
    templates: Sequence[HandoffTemplate], sender_team: str, receiver_team: str
) -> str | None:
    """The template for a handoff between these teams: one whose ``to_team`` fits the
    receiver's team, preferring one whose ``from_team`` fits the sender's team (then one for
    any sender); else "lead"; else the first. None without templates."""
    best: tuple[int, int] | None = None
    found: str | None = None
    for index, t in enumerate(templates):
        if not team_matches(t.to_team, receiver_team):
            continue
        if team_matches(t.from_team, sender_team):
            rank = 0
        elif not t.from_team:
            rank = 1
        else:
            rank = 2
        if best is None or (rank, index) < best:
            best, found = (rank, index), t.name
    if found is not None:
        return found
    names = [t.name for t in templates]
    if FALLBACK_TEMPLATE in names:
        return FALLBACK_TEMPLATE
    return names[0] if names else None


class PacketFields:
    """The packet's rows in ``owner`` (a dialog): ``header`` (title and "3 of 8 items provided")
    and ``scroll`` (the rows) to lay out; ``item_edits`` / ``item_states`` by item name.

    ``history``: the task's earlier handoffs, newest first, whose values prefill the rows."""

    def __init__(self, owner: QWidget, history: Sequence[Handoff], on_edit: Callable[[], None]):
        self.owner = owner
        self.history = list(history)
        self.on_edit = on_edit
        self.item_edits: dict[str, QLineEdit] = {}
        self.item_states: dict[str, QLabel] = {}
        self._typed: dict[str, str] = {}  # every value shown or typed so far, by item name

        title = QLabel(QCoreApplication.translate("SendHandoffDialog", "Information packet"), owner)
        bold = QFont(title.font())
        bold.setBold(True)
        title.setFont(bold)
        self.count_label = QLabel(owner)
        self.header = QHBoxLayout()
        self.header.addWidget(title)
        self.header.addStretch(1)
        self.header.addWidget(self.count_label)

        self.scroll = QScrollArea(owner)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)
        # Not a stop of its own (an unnamed frame where typed text went nowhere): Tab goes
        # straight to its fields, which scroll into view as they take the focus.
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    @staticmethod
    def missing_word() -> str:
        return QCoreApplication.translate("SendHandoffDialog", "missing")

    @staticmethod
    def ok_word() -> str:
        return QCoreApplication.translate("SendHandoffDialog", "provided")

    def rebuild(self, template: HandoffTemplate | None) -> None:
        """One row per item of ``template``: label, value, provided/missing. Values typed for
        items the new template shares with the old one stay."""
        for name, edit in self.item_edits.items():
            self._typed[name] = edit.text()
        old = self.scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.item_edits = {}
        self.item_states = {}
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 4, 0)
        grid.setColumnStretch(1, 1)
        metrics = self.owner.fontMetrics()
        state_width = max(
            metrics.horizontalAdvance(text) for text in (self.missing_word(), self.ok_word())
        )
        items = template.items if template else ()
        for row, name in enumerate(items):
            edit = QLineEdit(body)
            edit.setMaxLength(fields.MAX_ITEM_VALUE)
            edit.setPlaceholderText(
                QCoreApplication.translate("SendHandoffDialog", "not known yet")
            )
            edit.setText(self._typed.get(name, self.previous_value(name)))
            edit.setCursorPosition(0)
            label = QLabel(
                arg(QCoreApplication.translate("Handoff", "%1:"), item_text(name)),
                body,
            )
            label.setBuddy(edit)
            state = QLabel(body)
            state.setMinimumWidth(state_width + 4)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(state, row, 2)
            self.item_edits[name] = edit
            self.item_states[name] = state
            edit.textChanged.connect(self.on_edit)
        self.scroll.setWidget(body)
        if items:
            row_height = self.item_edits[items[0]].sizeHint().height() + grid.verticalSpacing()
            shown = min(len(items), VISIBLE_ITEM_ROWS)
            self.scroll.setMinimumHeight(row_height * shown)

    def previous_value(self, name: str) -> str:
        """What the task's latest handoff that carried this item said about it."""
        for h in self.history:
            value = h.value(name)
            if value is not None:
                return value
        return ""

    def values(self) -> dict[str, str]:
        """Every item's value as typed, stripped, in template order."""
        return {name: edit.text().strip() for name, edit in self.item_edits.items()}

    def show_states(self) -> int:
        """ "provided" (muted) or "missing" (warm, bold) beside each row and the count above;
        returns how many are missing."""
        warm = warm_color(self.owner.palette())
        values = self.values()
        for name, value in values.items():
            state = self.item_states[name]
            palette = state.palette()
            font = QFont(state.font())
            if value:
                state.setText(self.ok_word())
                palette.setColor(QPalette.ColorRole.WindowText, muted_text_color(palette))
                font.setBold(False)
            else:
                state.setText(self.missing_word())
                palette.setColor(QPalette.ColorRole.WindowText, warm)
                font.setBold(True)
            state.setPalette(palette)
            state.setFont(font)
        missing = sum(1 for v in values.values() if not v)
        self.count_label.setText(
            arg(
                QCoreApplication.translate("SendHandoffDialog", "%1 of %2 items provided"),
                str(len(values) - missing),
                str(len(values)),
            )
        )
        return missing
