"""Hand a task to someone in another team: whom, which kind of packet, its values, a note."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from renkei.domain import fields
from renkei.domain import handoff_commands as ho
from renkei.domain.handoff import HandoffTemplate
from renkei.domain.model import Board, Person
from renkei.i18n import arg
from renkei.ui.dialogs.handoff_base import HandoffDialog, person_name, short, team_name
from renkei.ui.dialogs.handoff_packet import PacketFields, pick_template, template_text


@dataclass(frozen=True)
class SendChoice:
    to_person_id: int
    template: str
    provided: dict[str, str]
    missing: tuple[str, ...]
    note: str


class SendHandoffDialog(HandoffDialog):
    """Hand a task to someone: whom, which kind of packet, its values, a note.

    Widgets tests use: ``to_combo`` (data: person id), ``template_combo`` (data: template
    name), ``item_edits`` / ``item_states`` (by item name), ``count_label``, ``note_edit``,
    ``ok_button``, ``message_label``."""

    def __init__(self, board: Board, task_id: int, sender_id: int, parent: QWidget | None = None):
        super().__init__(board, parent)
        self.task_id = task_id
        self.sender_id = sender_id
        self.task = board.tasks[task_id]
        self.templates = list(board.handoff_templates.values())
        self.setWindowTitle(arg(self.tr("Hand off “%1”"), short(self.task.title)))
        self._build()
        self._select_template(pick_template(self.templates, self._sender_team(), ""))
        self._rebuild_packet()
        self.to_combo.currentIndexChanged.connect(self._receiver_changed)
        self.template_combo.currentIndexChanged.connect(self._template_changed)
        self.note_edit.textChanged.connect(self._update)
        self._update()
        self._fit(560)
        self.to_combo.setFocus()

    @classmethod
    def ask(
        cls, parent: QWidget | None, board: Board, task_id: int, sender_id: int
    ) -> SendChoice | None:
        """Show the dialog; what the user chose, or None when cancelled."""
        return cls._run(cls(board, task_id, sender_id, parent))

    # -- building --------------------------------------------------------------------------

    def _sender_team(self) -> str:
        sender = self.board.people.get(self.sender_id)
        team_id = sender.team_id if sender and sender.team_id is not None else self.task.team_id
        return team_name(self.board, team_id)

    def _people(self) -> list[Person]:
        order = {t.id: i for i, t in enumerate(self.board.ordered_teams())}
        others = [p for p in self.board.people.values() if p.id != self.sender_id]
        return sorted(
            others, key=lambda p: (order.get(p.team_id, len(order)), p.name.casefold(), p.id)
        )

    def _build(self) -> None:
        board = self.board
        heading = self._heading(arg(self.tr("Hand off “%1”"), self.task.title))
        sender = person_name(board, self.sender_id)
        team = self._sender_team()
        origin = self._muted_label(
            (arg(self.tr("From %1 (%2)"), sender, team))
            if team
            else arg(self.tr("From %1"), sender)
        )

        self.to_combo = QComboBox(self)
        for person in self._people():
            team = team_name(board, person.team_id)
            text = f"{person.name} — {team}" if team else person.name
            self.to_combo.addItem(text, person.id)
            if person.role:
                self.to_combo.setItemData(
                    self.to_combo.count() - 1, person.role, Qt.ItemDataRole.ToolTipRole
                )
        self.to_combo.setPlaceholderText(self.tr("Choose who takes it over…"))
        self.to_combo.setCurrentIndex(-1)
        self.template_combo = QComboBox(self)
        for t in self.templates:
            self.template_combo.addItem(template_text(t), t.name)
        for combo in (self.to_combo, self.template_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(20)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.template_hint = self._muted_label()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._form_label(self.tr("To"), self.to_combo), self.to_combo)
        form.addRow(self._form_label(self.tr("Kind"), self.template_combo), self.template_combo)
        form.addRow("", self.template_hint)

        history = reversed(board.handoffs_of(self.task_id))
        self.packet = PacketFields(self, history, self._update)

        self.note_edit = self._text_edit(
            self.tr("Anything the receiver should know that the packet does not say.")
        )
        # The packet, not the note, takes the height the window gains.
        line = self.note_edit.fontMetrics().lineSpacing()
        self.note_edit.setMaximumHeight(line * 6 + 12)
        self.note_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        note_label = self._form_label(self.tr("Note"), self.note_edit)

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setObjectName("handoffMessage")
        self.message_label.setStyleSheet(
            "#handoffMessage { background: #fff4dc; border: 1px solid #d9a441;"
            " border-radius: 3px; color: #3d2b00; padding: 4px 6px; }"
        )
        self.message_label.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(origin)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addSpacing(4)
        layout.addLayout(self.packet.header)
        layout.addWidget(self.packet.scroll, 1)
        layout.addWidget(note_label)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    def _rebuild_packet(self) -> None:
        """One row per item of the chosen template; its hint under the choice."""
        template = self.template()
        self.packet.rebuild(template)
        # Tab in the order the dialog is read: kind, the packet's fields, then the note.
        stops = [self.template_combo, *self.packet.item_edits.values(), self.note_edit]
        for before, after in itertools.pairwise(stops):
            QWidget.setTabOrder(before, after)
        if template is not None:
            self.template_hint.setText(self._template_hint(template))
        self.template_hint.setVisible(template is not None)
        self._update()

    # The packet's widgets, by the names the tests and callers know.

    @property
    def item_edits(self) -> dict[str, QLineEdit]:
        return self.packet.item_edits

    @property
    def item_states(self) -> dict[str, QLabel]:
        return self.packet.item_states

    @property
    def count_label(self) -> QLabel:
        return self.packet.count_label

    @property
    def packet_scroll(self) -> QScrollArea:
        return self.packet.scroll

    def _template_hint(self, t: HandoffTemplate) -> str:
        if t.sla_business_days == 0:
            days = self.tr("to be acknowledged the same day")
        elif t.sla_business_days == 1:
            days = self.tr("to be acknowledged within 1 business day")
        else:
            days = arg(
                self.tr("to be acknowledged within %1 business days"), str(t.sla_business_days)
            )
        if t.from_team and t.to_team:
            teams = arg(self.tr("From %1 to %2"), t.from_team, t.to_team)
        elif t.to_team:
            teams = arg(self.tr("To %1"), t.to_team)
        else:
            teams = ""
        if not teams:
            return days[:1].upper() + days[1:]
        # Which teams; how soon: the separator is the language's own.
        return arg(self.tr("%1; %2"), teams, days)

    # -- behaviour -------------------------------------------------------------------------

    def template(self) -> HandoffTemplate | None:
        name = self.template_combo.currentData()
        return next((t for t in self.templates if t.name == name), None)

    def _select_template(self, name: str | None) -> None:
        index = self.template_combo.findData(name)
        if index >= 0:
            self.template_combo.setCurrentIndex(index)

    def _receiver_changed(self) -> None:
        person_id = self.to_combo.currentData()
        person = self.board.people.get(person_id) if person_id is not None else None
        if person is not None:
            receiver_team = team_name(self.board, person.team_id)
            wanted = pick_template(self.templates, self._sender_team(), receiver_team)
            if wanted != self.template_combo.currentData():
                self._select_template(wanted)  # rebuilds through _template_changed
        self._update()

    def _template_changed(self) -> None:
        self._rebuild_packet()

    def values(self) -> dict[str, str]:
        """Every item's value as typed, stripped, in template order."""
        return self.packet.values()

    def missing(self) -> tuple[str, ...]:
        return tuple(name for name, value in self.values().items() if not value)

    def problems(self) -> list[str]:
        """What stops sending, in words ('' for "nothing chosen yet": no reproach)."""
        found = []
        if self.to_combo.currentData() is None:
            found.append("")
        if self.template() is None:
            found.append(self.tr("This board has no handoff templates."))
        receiver_id = self.to_combo.currentData()
        inside = (
            ho.same_team(self.board, self.task_id, self.sender_id, receiver_id)
            if receiver_id is not None
            else None
        )
        if inside is not None:
            found.append(
                arg(
                    self.tr(
                        "%1 is in %2 too: within one team that is a reassignment, not a handoff. "
                        "Change the task's owner instead."
                    ),
                    person_name(self.board, receiver_id),
                    team_name(self.board, inside),
                )
            )
        waiting = self.board.open_handoff(self.task_id)
        if waiting is not None:
            found.append(
                arg(
                    self.tr(
                        "This task is already waiting for a handoff to %1 to be accepted "
                        "or returned."
                    ),
                    person_name(self.board, waiting.receiver_id),
                )
            )
        if len(self.note_edit.toPlainText()) > fields.MAX_DESCRIPTION:
            found.append(
                arg(
                    self.tr("The note is too long: at most %1 characters."),
                    str(fields.MAX_DESCRIPTION),
                )
            )
        return found

    def _update(self) -> None:
        missing = self.packet.show_states()
        if missing == 0:
            self.ok_button.setText(self.tr("Hand off"))
        elif missing == 1:
            self.ok_button.setText(self.tr("Hand off — 1 item missing"))
        else:
            self.ok_button.setText(arg(self.tr("Hand off — %1 items missing"), str(missing)))
        problems = self.problems()
        self.ok_button.setEnabled(not problems)
        shown = "\n".join(p for p in problems if p)
        self.message_label.setText(shown)
        self.message_label.setVisible(bool(shown))

    def choice(self) -> SendChoice | None:
        """What OK would return now; None while something is still to be chosen."""
        if self.problems():
            return None
        values = self.values()
        return SendChoice(
            to_person_id=self.to_combo.currentData(),
            template=self.template_combo.currentData(),
            provided={name: value for name, value in values.items() if value},
            missing=tuple(name for name, value in values.items() if not value),
            note=self.note_edit.toPlainText().strip(),
        )
