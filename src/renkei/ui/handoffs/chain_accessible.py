"""The handoff chain, read aloud: one child per hop, named with the words its row paints.

The tree: the chain view (a pane named "Handoffs of “Call Minato Pharma”", described by the
verdict) → its hops ("1. Marketing → Inside Sales, Emily Carter → Misaki Nakamura, Waiting,
sent 3 Dec, waiting 4 d, Lost here, Lost: Budget"). The current hop (the outlined one, moved
with ↑ ↓) is the focused and selected item; Enter (the press action) opens its handoff."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QAccessible, QAccessibleActionInterface

from renkei.i18n import arg
from renkei.i18n.history import join_words
from renkei.i18n.words import date_text, quoted
from renkei.ui.a11y import Key, PaintedAccessible, tell_focus, watch_focus
from renkei.ui.handoffs.chain_layout import HopRow, span_words

__all__ = ["ChainAccessible", "current_changed", "hop_name", "watch_focus"]

Text = QAccessible.Text
Role = QAccessible.Role


def hop_name(row: HopRow, now: float, today: date) -> str:
    """The hop's words, as painted: label, people · state, when sent, the bar's span words,
    and on the breaking hop "Lost here" / "Broke here" before its findings line."""
    parts = [row.label, row.people, row.state]
    handoff = row.entry.handoff
    if handoff is not None:
        sent = date_text(handoff.sent_at.date(), today)
        parts.append(arg(QCoreApplication.translate("Handoff", "sent %1"), sent))
    parts.append(span_words(row, now))
    if row.breaking:
        parts.append(
            QCoreApplication.translate("Handoffs", "Lost here")
            if row.lost_here
            else QCoreApplication.translate("Handoffs", "Broke here")
        )
    parts.extend(row.finding_words)
    return join_words(part for part in parts if part)


class ChainAccessible(PaintedAccessible):
    """The chain view's interface (see the module's note for the tree); keys are hop
    indexes."""

    def _rows(self) -> list[HopRow]:
        return self.view._chain.rows

    def children_of(self, key: Key | None) -> list:
        return list(range(len(self._rows()))) if key is None else []

    def exists(self, key: Key) -> bool:
        return isinstance(key, int) and 0 <= key < len(self._rows())

    def focused_key(self) -> Key | None:
        current = self.view._current
        return current if current is not None and self.exists(current) else None

    def text_of(self, key: Key | None, kind) -> str:
        chain = self.view._chain
        if key is None:
            if kind == Text.Name:
                if not chain.title:
                    return self.view.accessibleName()
                words = QCoreApplication.translate("Handoffs", "Handoffs of %1")
                return arg(words, quoted(chain.title))
            return chain.verdict if kind == Text.Description else ""
        if kind == Text.Name:
            today = self.view.session.today()
            return hop_name(self._rows()[key], chain.now, today)
        return ""

    def rect_of(self, key: Key) -> QRectF | None:
        return QRectF(self.view.row_rect(key))

    def role_of(self, key: Key | None):
        return Role.Pane if key is None else Role.ListItem

    def state_of(self, key: Key | None):
        if key is None:
            return self.base_state()
        state = QAccessible.State()
        current = self.view._current == key
        state.focusable = state.selectable = True
        state.selected = current
        state.focused = current and self.view.hasFocus()
        visible = self.view.visibleRegion().boundingRect()
        state.offscreen = not QRectF(visible).intersects(QRectF(self.view.row_rect(key)))
        return state

    def actions_of(self, key: Key) -> list[str]:
        actions = QAccessibleActionInterface
        if self._rows()[key].handoff_id is None:
            return [actions.setFocusAction()]
        return [actions.pressAction(), actions.setFocusAction()]

    def action_words(self, key: Key, name: str) -> str:
        if name == QAccessibleActionInterface.pressAction():
            return QCoreApplication.translate("Handoffs", "Open this handoff")
        if name == QAccessibleActionInterface.setFocusAction():
            return QCoreApplication.translate("Handoffs", "Select the hop")
        return name

    def do_action(self, key: Key, name: str) -> None:
        view = self.view
        view.set_current(key)
        if name == QAccessibleActionInterface.pressAction():
            view._activate(key)
        else:
            view.setFocus()


def current_changed(view) -> None:
    """The current hop changed: it is the focused and selected item now."""
    tell_focus(view, selection=True)
