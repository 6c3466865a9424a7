"""What everything that shows a board reads from it: the one read model.

The cards, the timeline, the standup, the PDF report, the handoff views and the CLI take a
``BoardReadModel`` rather than a session: a board snapshot with the clock it is judged by and
what is derived from it (risk, blocked, handoff findings), computed once and kept in step with
every ``Change``. ``renkei.app.session.BoardSession`` implements it; a test may hand in anything
with the same shape. Defined here, in the pure domain, so that painters and reports can name it
without importing the app.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from renkei.domain.forecast import Forecast
from renkei.domain.handoff_log import HandoffAnalysis
from renkei.domain.model import Activity, Board
from renkei.domain.risk import RiskContext, RiskReason


class BoardReadModel(Protocol):
    @property
    def board(self) -> Board:
        """The snapshot on screen: everything up to the last change read."""
        ...

    def today(self) -> date:
        """The day dates are judged by ("due tomorrow", "3 days late")."""
        ...

    def now(self) -> datetime:
        """The moment handoff ages are measured from (UTC)."""
        ...

    def risk_context(self) -> RiskContext: ...

    def risk(self, task_id: int) -> tuple[RiskReason, ...]:
        """Why the task is at risk, worst first; () when it is not."""
        ...

    def blocked(self, task_id: int) -> bool:
        """Whether the task waits for another that is not done."""
        ...

    def handoff_analysis(self) -> HandoffAnalysis: ...

    def history(self, task_id: int) -> list[Activity]:
        """The task's audit trail, oldest first."""
        ...

    def task_activity_since(self, since: datetime) -> list[Activity]:
        """Every change to any task strictly after ``since``, oldest first."""
        ...

    def forecasts(self) -> list[Forecast]:
        """When each team's, then each project's, open work will be done (domain/forecast)."""
        ...
