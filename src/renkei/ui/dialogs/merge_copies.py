"""Conflict copies beside the board: offer to merge them, ask about fields changed on both
sides, say what was merged. The merge itself is renkei.app.merge, the same as the CLI's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from renkei.app.board_files import BoardStore
from renkei.app.errors import BoardRefused, StorageError
from renkei.app.merge import (
    Conflict,
    MergePlan,
    MergeRefused,
    Side,
    apply_merge,
    field_label,
    prepare_merge,
    shown_value,
)
from renkei.domain.commands import CommandError
from renkei.i18n import arg
from renkei.i18n.contexts import MergeCopies
from renkei.i18n.words import error_text


class MergeOffer(QDialog):
    """ "These copies hold changes that are not on the board: merge them?" """

    def __init__(self, copies: list[Path], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Conflict copies beside the board"))
        names = "\n".join(f"• {p.name}" for p in copies)
        text = QLabel(
            self.tr(
                "A sync tool left %n copy(s) of this board beside it, made when two people "
                "changed it at the same moment:",
                "",
                len(copies),
            )
            + f"\n\n{names}\n\n"
            + self.tr(
                "Changes saved in them are not on the board yet. Merge replays them onto the "
                "board as the people who made them, at their times, and asks about any field "
                "changed on both sides. Each copy is then kept beside the board, renamed."
            )
        )
        text.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.merge_button = self.buttons.addButton(
            self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        text.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        # Wrapped text gets the height it needs, not the height of one line.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(text)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, copies: list[Path]) -> bool:
        """The seam tests replace: True when the person chose Merge."""
        dialog = cls(copies, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


class ConflictChoices(QDialog):
    """One line per field changed on both sides: keep the board's value or take the copy's
    (the board's is chosen until the person says otherwise)."""

    def __init__(self, plan: MergePlan, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Changed on both sides"))
        intro = QLabel(
            arg(
                self.tr(
                    "These fields were changed both on the board and in %1. Choose the "
                    "value to keep:"
                ),
                plan.copy.name,
            )
        )
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.groups: dict[tuple[str, int, str], QButtonGroup] = {}
        for row, conflict in enumerate(plan.conflicts):
            grid.addWidget(QLabel(self._what(conflict)), row, 0)
            board = QRadioButton(arg(self.tr("Board: %1"), self._value(plan, conflict, "board")))
            copy = QRadioButton(arg(self.tr("Copy: %1"), self._value(plan, conflict, "copy")))
            board.setChecked(True)
            group = QButtonGroup(self)
            group.addButton(board, 0)
            group.addButton(copy, 1)
            self.groups[conflict.key] = group
            grid.addWidget(board, row, 1)
            grid.addWidget(copy, row, 2)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def _what(self, conflict: Conflict) -> str:
        title = f" “{conflict.title}”" if conflict.title else ""
        return f"{conflict.entity.replace('_', ' ')} {conflict.entity_id}{title}: " + (
            field_label(conflict.field)
        )

    def _value(self, plan: MergePlan, conflict: Conflict, side: Side) -> str:
        board = plan.board if side == "board" else plan.copy_board
        value = conflict.board_value if side == "board" else conflict.copy_value
        return shown_value(board, conflict.field, value) or self.tr("(none)")

    def choices(self) -> dict[tuple[str, int, str], Side]:
        return {
            key: "copy" if group.checkedId() == 1 else "board" for key, group in self.groups.items()
        }

    @classmethod
    def ask(cls, parent: QWidget | None, plan: MergePlan) -> dict | None:
        """The seam tests replace: the choices, or None when cancelled."""
        dialog = cls(plan, parent)
        try:
            return dialog.choices() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def offer_merge(parent: QWidget | None, store: BoardStore, copies: list[Path]) -> None:
    """Offer to merge the copies; merge the ones the person agrees to; say what happened."""
    if not MergeOffer.ask(parent, copies):
        return
    lines = []
    for copy in copies:
        try:
            plan = prepare_merge(store, copy)
            choices = ConflictChoices.ask(parent, plan) if plan.conflicts else {}
            if choices is None:
                lines.append(
                    arg(
                        QApplication.translate(
                            "MergeCopies", "%1 was not merged (cancelled); it stays where it is."
                        ),
                        copy.name,
                    )
                )
                continue
            report = apply_merge(store, plan, choices)
        except (MergeRefused, BoardRefused, StorageError, CommandError) as error:
            lines.append(
                arg(
                    QApplication.translate("MergeCopies", "%1 was not merged: %2"),
                    copy.name,
                    error_text(error),
                )
            )
            continue
        if report.changes:
            line = MergeCopies.tr("%n change(s) from %1 merged.", "", report.changes)
        else:
            line = QApplication.translate("MergeCopies", "%1 held nothing new.")
        line = arg(line, copy.name)
        if report.moved_to is not None:
            line += " " + arg(
                QApplication.translate("MergeCopies", "It was kept as %1."), report.moved_to.name
            )
        lines.append(line)
    QMessageBox.information(
        parent, QApplication.translate("MergeCopies", "Merge conflict copies"), "\n\n".join(lines)
    )
