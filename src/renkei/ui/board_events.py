"""The session's changes as a Qt signal, so widgets refresh through the event loop."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from renkei.app.session import BoardSession


class BoardEvents(QObject):
    """Relays ``BoardSession`` notifications: ``changed(Change)`` for an applied change,
    ``reset()`` when the whole board was read again."""

    changed = Signal(object)
    reset = Signal()

    def __init__(self, session: BoardSession, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        session.subscribe(self._relay)

    def _relay(self, change) -> None:
        if change is None:
            self.reset.emit()
        else:
            self.changed.emit(change)

    def detach(self) -> None:
        self.session.unsubscribe(self._relay)
