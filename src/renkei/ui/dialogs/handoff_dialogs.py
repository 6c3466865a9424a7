"""The dialogs of a handoff: send it, return it, reject it, ask about an item, answer.

Each dialog only collects the user's choice and gives it back as a small frozen value (None
when cancelled); the caller turns it into commands with ``renkei.domain.handoff_commands``.
Every dialog has a ``choice()`` that returns what OK would return now (None while OK is
disabled), and a classmethod ``ask(...)`` that shows it modally — the seam callers use.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from renkei.domain import fields
from renkei.domain import handoff_commands as ho
from renkei.domain.handoff import (
    REJECT_REASONS,
    RETURN_REASONS,
    Handoff,
    HandoffTemplate,
    item_label,
    reason_label,
)
from renkei.domain.model import Board, Person
from renkei.ui.text import local_time_text, muted_text_color, tr

FALLBACK_TEMPLATE = "lead"
VISIBLE_ITEM_ROWS = 8  # more items than this scroll inside the packet
SHORT_TEXT = 60  # characters of a value shown inside a combo box
SHORT_QUESTION = 32  # characters of a question in a combo box (the asker's name follows)


# -- small helpers ----------------------------------------------------------------------------


def _item(name: str) -> str:
    return item_label(name, tr)


def _reason(code: str) -> str:
    return reason_label(code, tr)


def template_text(template: HandoffTemplate) -> str:
    """A template as the user reads it: its translated label, else its name."""
    return tr("Handoff", template.label) if template.label else template.name


def _short(text: str, limit: int = SHORT_TEXT) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _team_name(board: Board, team_id: int | None) -> str:
    team = board.teams.get(team_id) if team_id is not None else None
    return team.name if team else ""


def _person_name(board: Board, person_id: int | None) -> str:
    person = board.people.get(person_id) if person_id is not None else None
    return person.name if person else QCoreApplication.translate("Handoff", "someone")


def _muted(label: QLabel) -> QLabel:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, muted_text_color(palette))
    label.setPalette(palette)
    return label


def warm_color(palette: QPalette) -> QColor:
    """A warm colour for "missing" that stays readable: dark amber on a light window (about
    5.8:1), light amber on a dark one."""
    if palette.color(QPalette.ColorRole.Window).lightness() >= 128:
        return QColor("#a33a00")
    return QColor("#ffb36b")


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


class _HandoffDialog(QDialog):
    """What every handoff dialog shares: a heading, who sent it, OK/Cancel, Ctrl+Enter."""

    def __init__(self, board: Board, parent: QWidget | None = None):
        super().__init__(parent)
        self.board = board
        self.setSizeGripEnabled(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(QCoreApplication.translate("Handoff", "Cancel"))
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    @classmethod
    def _run(cls, dialog: _HandoffDialog):
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.choice() if accepted else None
        finally:
            dialog.deleteLater()

    def choice(self):  # pragma: no cover - every dialog has its own
        raise NotImplementedError

    def accept(self) -> None:
        """OK only when there is something to return (Enter must not bypass a disabled OK)."""
        if self.choice() is None:
            return
        super().accept()

    # -- building blocks -------------------------------------------------------------------

    def _heading(self, text: str) -> QLabel:
        heading = QLabel(text, self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        return heading

    def _muted_label(self, text: str = "") -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return _muted(label)

    def _form_label(self, text: str, buddy: QWidget | None = None) -> QLabel:
        label = QLabel(QCoreApplication.translate("Handoff", "{label}:").format(label=text), self)
        if buddy is not None:
            label.setBuddy(buddy)
        return label

    def _sender_line(self, handoff: Handoff) -> QLabel:
        """ "From Yuki Tanaka (Inside Sales) · sent 2026-11-20 14:03"."""
        name = _person_name(self.board, handoff.sender_id)
        team = _team_name(self.board, handoff.sender_team_id)
        if not team:
            sender = self.board.people.get(handoff.sender_id)
            team = _team_name(self.board, sender.team_id if sender else None)
        if team:
            who = QCoreApplication.translate("Handoff", "From %1 (%2)").replace("%1", name)
            who = who.replace("%2", team)
        else:
            who = QCoreApplication.translate("Handoff", "From %1").replace("%1", name)
        sent = QCoreApplication.translate("Handoff", "sent %1").replace(
            "%1", local_time_text(handoff.sent_at)
        )
        return self._muted_label(f"{who} · {sent}")

    def _note_box(self, handoff: Handoff) -> QWidget:
        """The sender's note, selectable, in a light frame; "No note." when there is none."""
        if not handoff.note.strip():
            return self._muted_label(QCoreApplication.translate("Handoff", "No note."))
        note = QLabel(handoff.note, self)
        note.setWordWrap(True)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note.setFrameShape(QFrame.Shape.StyledPanel)
        note.setMargin(6)
        note.setBackgroundRole(QPalette.ColorRole.Base)
        note.setAutoFillBackground(True)
        return note

    def _task_title(self, handoff: Handoff) -> str:
        task = self.board.tasks.get(handoff.task_id)
        return task.title if task else f"#{handoff.task_id}"

    def _text_edit(self, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(edit.fontMetrics().lineSpacing() * 4 + 12)
        edit.installEventFilter(self)
        return edit

    def _fit(self, width: int) -> None:
        """At least ``width`` wide, tall enough for the wrapped text at that width."""
        self.setMinimumWidth(min(width, 420))
        layout = self.layout()
        layout.activate()
        height = layout.totalHeightForWidth(width)
        self.resize(width, max(height, self.sizeHint().height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in a text box means OK (Enter alone is a new line there)."""
        if (
            isinstance(watched, QPlainTextEdit)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if self.ok_button.isEnabled():
                self.accept()
            return True
        return super().eventFilter(watched, event)


# -- send ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SendChoice:
    to_person_id: int
    template: str
    provided: dict[str, str]
    missing: tuple[str, ...]
    note: str


class SendHandoffDialog(_HandoffDialog):
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
        self.item_edits: dict[str, QLineEdit] = {}
        self.item_states: dict[str, QLabel] = {}
        self._typed: dict[str, str] = {}  # every value shown or typed so far, by item name
        self._history = list(reversed(board.handoffs_of(task_id)))
        self.setWindowTitle(self.tr("Hand off “%1”").replace("%1", _short(self.task.title)))
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
        return _team_name(self.board, team_id)

    def _people(self) -> list[Person]:
        order = {t.id: i for i, t in enumerate(self.board.ordered_teams())}
        others = [p for p in self.board.people.values() if p.id != self.sender_id]
        return sorted(
            others, key=lambda p: (order.get(p.team_id, len(order)), p.name.casefold(), p.id)
        )

    def _build(self) -> None:
        board = self.board
        heading = self._heading(self.tr("Hand off “%1”").replace("%1", self.task.title))
        sender = _person_name(board, self.sender_id)
        team = self._sender_team()
        origin = self._muted_label(
            (self.tr("From %1 (%2)").replace("%1", sender).replace("%2", team))
            if team
            else self.tr("From %1").replace("%1", sender)
        )

        self.to_combo = QComboBox(self)
        for person in self._people():
            team_name = _team_name(board, person.team_id)
            text = f"{person.name} — {team_name}" if team_name else person.name
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

        packet_title = QLabel(self.tr("Information packet"), self)
        bold = QFont(packet_title.font())
        bold.setBold(True)
        packet_title.setFont(bold)
        self.count_label = QLabel(self)
        packet_row = QHBoxLayout()
        packet_row.addWidget(packet_title)
        packet_row.addStretch(1)
        packet_row.addWidget(self.count_label)

        self.packet_scroll = QScrollArea(self)
        self.packet_scroll.setWidgetResizable(True)
        self.packet_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.packet_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.packet_scroll.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding
        )

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
        layout.addLayout(packet_row)
        layout.addWidget(self.packet_scroll, 1)
        layout.addWidget(note_label)
        layout.addWidget(self.note_edit)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    def _rebuild_packet(self) -> None:
        """One row per item of the chosen template: label, value, provided/missing."""
        for name, edit in self.item_edits.items():
            self._typed[name] = edit.text()
        old = self.packet_scroll.takeWidget()
        if old is not None:
            old.deleteLater()
        self.item_edits = {}
        self.item_states = {}
        template = self.template()
        body = QWidget()
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 4, 0)
        grid.setColumnStretch(1, 1)
        metrics = self.fontMetrics()
        state_width = max(
            metrics.horizontalAdvance(text) for text in (self._missing_word(), self._ok_word())
        )
        items = template.items if template else ()
        for row, name in enumerate(items):
            edit = QLineEdit(body)
            edit.setMaxLength(fields.MAX_ITEM_VALUE)
            edit.setPlaceholderText(self.tr("not known yet"))
            edit.setText(self._typed.get(name, self._previous_value(name)))
            edit.setCursorPosition(0)
            label = QLabel(
                QCoreApplication.translate("Handoff", "{label}:").format(label=_item(name)), body
            )
            label.setBuddy(edit)
            state = QLabel(body)
            state.setMinimumWidth(state_width + 4)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(state, row, 2)
            self.item_edits[name] = edit
            self.item_states[name] = state
            edit.textChanged.connect(self._update)
        self.packet_scroll.setWidget(body)
        if items:
            row_height = self.item_edits[items[0]].sizeHint().height() + grid.verticalSpacing()
            shown = min(len(items), VISIBLE_ITEM_ROWS)
            self.packet_scroll.setMinimumHeight(row_height * shown)
        if template is not None:
            self.template_hint.setText(self._template_hint(template))
        self.template_hint.setVisible(template is not None)
        self._update()

    def _template_hint(self, t: HandoffTemplate) -> str:
        if t.sla_business_days == 0:
            days = self.tr("to be acknowledged the same day")
        elif t.sla_business_days == 1:
            days = self.tr("to be acknowledged within 1 business day")
        else:
            days = self.tr("to be acknowledged within %1 business days").replace(
                "%1", str(t.sla_business_days)
            )
        if t.from_team and t.to_team:
            teams = self.tr("From %1 to %2").replace("%1", t.from_team).replace("%2", t.to_team)
        elif t.to_team:
            teams = self.tr("To %1").replace("%1", t.to_team)
        else:
            teams = ""
        if not teams:
            return days[:1].upper() + days[1:]
        # Which teams; how soon: the separator is the language's own.
        return self.tr("%1; %2").replace("%1", teams).replace("%2", days)

    def _previous_value(self, name: str) -> str:
        """What the task's latest handoff that carried this item said about it."""
        for h in self._history:
            value = h.value(name)
            if value is not None:
                return value
        return ""

    def _missing_word(self) -> str:
        return self.tr("missing")

    def _ok_word(self) -> str:
        return self.tr("provided")

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
            receiver_team = _team_name(self.board, person.team_id)
            wanted = pick_template(self.templates, self._sender_team(), receiver_team)
            if wanted != self.template_combo.currentData():
                self._select_template(wanted)  # rebuilds through _template_changed
        self._update()

    def _template_changed(self) -> None:
        self._rebuild_packet()

    def values(self) -> dict[str, str]:
        """Every item's value as typed, stripped, in template order."""
        return {name: edit.text().strip() for name, edit in self.item_edits.items()}

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
                self.tr(
                    "%1 is in %2 too: within one team that is a reassignment, not a handoff. "
                    "Change the task's owner instead."
                )
                .replace("%1", _person_name(self.board, receiver_id))
                .replace("%2", _team_name(self.board, inside))
            )
        waiting = self.board.open_handoff(self.task_id)
        if waiting is not None:
            found.append(
                self.tr(
                    "This task is already waiting for a handoff to %1 to be accepted or returned."
                ).replace("%1", _person_name(self.board, waiting.receiver_id))
            )
        if len(self.note_edit.toPlainText()) > fields.MAX_DESCRIPTION:
            found.append(
                self.tr("The note is too long: at most %1 characters.").replace(
                    "%1", str(fields.MAX_DESCRIPTION)
                )
            )
        return found

    def _update(self) -> None:
        warm = warm_color(self.palette())
        values = self.values()
        for name, value in values.items():
            state = self.item_states[name]
            palette = state.palette()
            if value:
                state.setText(self._ok_word())
                palette.setColor(QPalette.ColorRole.WindowText, muted_text_color(palette))
                font = QFont(state.font())
                font.setBold(False)
            else:
                state.setText(self._missing_word())
                palette.setColor(QPalette.ColorRole.WindowText, warm)
                font = QFont(state.font())
                font.setBold(True)
            state.setPalette(palette)
            state.setFont(font)
        missing = sum(1 for v in values.values() if not v)
        self.count_label.setText(
            self.tr("%1 of %2 items provided")
            .replace("%1", str(len(values) - missing))
            .replace("%2", str(len(values)))
        )
        if missing == 0:
            self.ok_button.setText(self.tr("Hand off"))
        elif missing == 1:
            self.ok_button.setText(self.tr("Hand off — 1 item missing"))
        else:
            self.ok_button.setText(
                self.tr("Hand off — %1 items missing").replace("%1", str(missing))
            )
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


# -- return -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReturnChoice:
    reason: str
    missing: tuple[str, ...]


class ReturnHandoffDialog(_HandoffDialog):
    """Send a handoff back to its sender: why, and which items are needed.

    Widgets: ``reason_combo`` (data: reason code), ``item_checks`` (by item name),
    ``ok_button``."""

    def __init__(self, board: Board, handoff: Handoff, parent: QWidget | None = None):
        super().__init__(board, parent)
        self.handoff = handoff
        self.setWindowTitle(self.tr("Return handoff"))
        self._build()
        self._update()
        self._fit(520)
        self.reason_combo.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, board: Board, handoff: Handoff) -> ReturnChoice | None:
        return cls._run(cls(board, handoff, parent))

    def _build(self) -> None:
        h = self.handoff
        heading = self._heading(
            self.tr("Return “%1” to its sender").replace("%1", self._task_title(h))
        )
        explain = self._muted_label(
            self.tr(
                "The sender is asked to add what is missing and hand it off again. "
                "To end the handoff for good, reject it instead."
            )
        )
        self.reason_combo = QComboBox(self)
        for code in RETURN_REASONS:
            self.reason_combo.addItem(_reason(code), code)
        self.reason_combo.setCurrentIndex(self.reason_combo.findData("missing_info"))
        form = QFormLayout()
        form.addRow(self._form_label(self.tr("Reason"), self.reason_combo), self.reason_combo)

        items_title = QLabel(self.tr("What do you need?"), self)
        self.item_checks: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(12)
        for row, item in enumerate(h.items):
            text = _item(item.name)
            if not item.provided:
                text += self.tr(" — not sent")
            check = QCheckBox(text, self)
            check.setChecked(not item.provided)
            check.toggled.connect(self._update)
            value = QLabel(_short(item.value) if item.provided else "", self)
            value.setTextFormat(Qt.TextFormat.PlainText)
            if item.provided and item.value != _short(item.value):
                value.setToolTip(item.value)
            _muted(value)
            grid.addWidget(check, row, 0)
            grid.addWidget(value, row, 1)
            self.item_checks[item.name] = check

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self._sender_line(h))
        layout.addWidget(self._note_box(h))
        layout.addWidget(explain)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(items_title)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Return"))

    def checked(self) -> tuple[str, ...]:
        return tuple(name for name, check in self.item_checks.items() if check.isChecked())

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.checked()))

    def choice(self) -> ReturnChoice | None:
        checked = self.checked()
        reason = self.reason_combo.currentData()
        if not checked or reason is None:
            return None
        return ReturnChoice(reason, checked)


# -- reject -------------------------------------------------------------------------------------


class RejectHandoffDialog(_HandoffDialog):
    """Refuse a handoff for good, with a reason. Widgets: ``reason_combo``, ``ok_button``."""

    def __init__(self, board: Board, handoff: Handoff, parent: QWidget | None = None):
        super().__init__(board, parent)
        self.handoff = handoff
        self.setWindowTitle(self.tr("Reject handoff"))
        heading = self._heading(self.tr("Reject “%1”").replace("%1", self._task_title(handoff)))
        explain = QLabel(
            self.tr(
                "Rejecting ends this handoff for good: it cannot be sent again. If something "
                "is missing or wrong, return it instead — that asks the sender to fix it."
            ),
            self,
        )
        explain.setWordWrap(True)
        self.reason_combo = QComboBox(self)
        for code in REJECT_REASONS:
            self.reason_combo.addItem(_reason(code), code)
        self.reason_combo.setPlaceholderText(self.tr("Why?"))
        self.reason_combo.setCurrentIndex(-1)
        self.reason_combo.setMinimumContentsLength(16)
        self.reason_combo.currentIndexChanged.connect(self._update)
        form = QFormLayout()
        form.addRow(self._form_label(self.tr("Reason"), self.reason_combo), self.reason_combo)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self._sender_line(handoff))
        layout.addWidget(explain)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Reject"))
        self._update()
        self._fit(460)
        self.reason_combo.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, board: Board, handoff: Handoff) -> str | None:
        return cls._run(cls(board, handoff, parent))

    def _update(self) -> None:
        self.ok_button.setEnabled(self.choice() is not None)

    def choice(self) -> str | None:
        return self.reason_combo.currentData()


# -- ask about an item ------------------------------------------------------------------------


@dataclass(frozen=True)
class AskChoice:
    item: str
    text: str


class AskAboutItemDialog(_HandoffDialog):
    """Ask the sender about one item of the packet.

    Widgets: ``item_combo`` (data: item name; the first missing item is chosen),
    ``question_edit``, ``ok_button``."""

    def __init__(self, board: Board, handoff: Handoff, parent: QWidget | None = None):
        super().__init__(board, parent)
        self.handoff = handoff
        self.setWindowTitle(self.tr("Ask about the handoff"))
        heading = self._heading(self.tr("Ask about “%1”").replace("%1", self._task_title(handoff)))
        explain = self._muted_label(
            self.tr("%1 sent it and is asked to answer.").replace(
                "%1", _person_name(board, handoff.sender_id)
            )
        )
        self.item_combo = QComboBox(self)
        for item in handoff.items:
            value = _short(item.value) if item.provided else self.tr("not sent")
            self.item_combo.addItem(f"{_item(item.name)}: {value}", item.name)
            if item.provided:
                self.item_combo.setItemData(
                    self.item_combo.count() - 1, item.value, Qt.ItemDataRole.ToolTipRole
                )
        first_missing = next((i.name for i in handoff.items if not i.provided), None)
        self.item_combo.setCurrentIndex(max(self.item_combo.findData(first_missing), 0))
        self.item_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.item_combo.setMinimumContentsLength(24)
        self.question_edit = self._text_edit(self.tr("What do you need to know?"))
        self.question_edit.textChanged.connect(self._update)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._form_label(self.tr("About"), self.item_combo), self.item_combo)
        form.addRow(self._form_label(self.tr("Question"), self.question_edit), self.question_edit)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explain)
        layout.addSpacing(4)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Ask"))
        self._update()
        self._fit(500)
        self.question_edit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, board: Board, handoff: Handoff) -> AskChoice | None:
        return cls._run(cls(board, handoff, parent))

    def _update(self) -> None:
        self.ok_button.setEnabled(self.choice() is not None)

    def choice(self) -> AskChoice | None:
        text = self.question_edit.toPlainText().strip()
        item = self.item_combo.currentData()
        if not text or item is None or len(text) > fields.MAX_QUESTION:
            return None
        return AskChoice(item, text)


# -- answer a question --------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerChoice:
    question_id: int
    text: str


class AnswerQuestionDialog(_HandoffDialog):
    """Answer one of the receiver's open questions.

    Widgets: ``question_combo`` (data: question id; None when there is exactly one open
    question, shown in ``question_label`` instead), ``question_detail``, ``answer_edit``,
    ``ok_button``."""

    def __init__(self, board: Board, handoff: Handoff, parent: QWidget | None = None):
        super().__init__(board, parent)
        self.handoff = handoff
        self.open_questions = [q for q in handoff.questions if q.answer is None]
        self.setWindowTitle(self.tr("Answer a question"))
        heading = self._heading(
            self.tr("Answer a question about “%1”").replace("%1", self._task_title(handoff))
        )
        self.question_combo: QComboBox | None = None
        self.question_label: QLabel | None = None
        if len(self.open_questions) == 1:
            self.question_label = QLabel(self._question_text(self.open_questions[0], None), self)
            self.question_label.setWordWrap(True)
            self.question_label.setTextFormat(Qt.TextFormat.PlainText)
            self.question_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
            )
            chooser: QWidget = self.question_label
        else:
            self.question_combo = QComboBox(self)
            for q in self.open_questions:
                self.question_combo.addItem(self._question_text(q, SHORT_QUESTION), q.id)
            self.question_combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            self.question_combo.setMinimumContentsLength(24)
            self.question_combo.currentIndexChanged.connect(self._show_detail)
            if not self.open_questions:
                self.question_combo.setPlaceholderText(self.tr("No open questions"))
                self.question_combo.setEnabled(False)
            chooser = self.question_combo
        self.question_detail = self._muted_label()
        self.question_detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.answer_edit = self._text_edit(self.tr("Your answer"))
        self.answer_edit.textChanged.connect(self._update)
        self.answer_edit.setEnabled(bool(self.open_questions))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._form_label(self.tr("Question"), chooser), chooser)
        form.addRow("", self.question_detail)
        form.addRow(self._form_label(self.tr("Answer"), self.answer_edit), self.answer_edit)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addSpacing(4)
        layout.addLayout(form, 1)
        layout.addWidget(self.buttons)
        self.ok_button.setText(self.tr("Answer"))
        self._show_detail()
        self._update()
        self._fit(520)
        self.answer_edit.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, board: Board, handoff: Handoff) -> AnswerChoice | None:
        return cls._run(cls(board, handoff, parent))

    def _question_text(self, q, limit: int | None) -> str:
        text = q.text if limit is None else _short(q.text, limit)
        return f"{_item(q.item)}: {text} — {_person_name(self.board, q.asked_by)}"

    def current_question_id(self) -> int | None:
        if self.question_combo is None:
            return self.open_questions[0].id
        return self.question_combo.currentData()

    def _show_detail(self) -> None:
        """Under the choice: the full question (a combo shows it shortened), when it was asked,
        and what the packet says about the item."""
        qid = self.current_question_id()
        q = next((q for q in self.open_questions if q.id == qid), None)
        if q is None:
            self.question_detail.setText(self.tr("Nobody is waiting for an answer."))
            return
        parts = []
        if self.question_combo is not None and _short(q.text, SHORT_QUESTION) != q.text:
            parts.append(f"“{q.text}”")
        parts.append(self.tr("Asked %1.").replace("%1", local_time_text(q.asked_at)))
        value = self.handoff.value(q.item)
        parts.append(
            self.tr("The packet says: %1").replace("%1", _short(value, 120))
            if value is not None
            else self.tr("The packet did not include it.")
        )
        self.question_detail.setText("\n".join(parts))

    def _update(self) -> None:
        self.ok_button.setEnabled(self.choice() is not None)

    def choice(self) -> AnswerChoice | None:
        text = self.answer_edit.toPlainText().strip()
        qid = self.current_question_id()
        if not text or qid is None or len(text) > fields.MAX_QUESTION:
            return None
        return AnswerChoice(qid, text)
