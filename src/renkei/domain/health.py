"""How a team or a project is doing, in one word a manager reads at a glance: On track, At risk
or Off track. The one place the word is decided (the status report's first page shows it).

The rule, from three things the board already knows about the scope's open work — the risk
reasons of its tasks (domain/risk.py), the slips of their due dates (domain/slips.py, the
session's cache) and its forecast (domain/forecast.py):

* **Off track** when its deadline will most likely be missed or is being missed now:
  - the forecast gives it less than an even chance (``on_time_probability`` < 50 %), or
  - at least a quarter of its open tasks are overdue (``OFF_TRACK_OVERDUE_SHARE``), and at
    least two of them (one late task among three is a problem, not a verdict).
* **At risk** when something threatens it, but it can still be done in time:
  - the forecast is late (its P85 lands after the deadline) or gives it under 85 %, or
  - any open task is overdue, or
  - any open task's due date slipped (moved later than its baseline), or
  - at least a fifth of its open tasks are at risk for any reason (``AT_RISK_SHARE``).
* **On track** otherwise — including a scope with nothing open.

A forecast without a date (too little history) says nothing either way: the other facts
decide. Each verdict carries the facts that made it (``HealthReason``), worst first, so the
word is never shown without its why. A lead may overrule the word with a written status line
(``StatusLine``, "Field Sales=At risk: waiting for legal review"): the report then shows the
lead's word and sentence, and says it was set by hand.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from renkei.domain.forecast import Forecast
from renkei.domain.i18n import QT_TRANSLATE_NOOP, Translate, ValueRefused, untranslated
from renkei.domain.model import Task
from renkei.domain.risk import RiskKind, RiskReason
from renkei.domain.slips import Slips

OFF_TRACK_CHANCE = 0.50  # on-time probability below this: off track
AT_RISK_CHANCE = 0.85  # below this (or P85 after the deadline): at risk
OFF_TRACK_OVERDUE_SHARE = 0.25
OFF_TRACK_OVERDUE_MIN = 2
AT_RISK_SHARE = 0.20


class Health(enum.IntEnum):
    """Worse is larger: ``max`` of two is the worse one."""

    ON_TRACK = 0
    AT_RISK = 1
    OFF_TRACK = 2

    @property
    def code(self) -> str:
        return CODES[self]

    def word(self, translate: Translate = untranslated) -> str:
        return translate("Health", WORDS[self])


CODES = {Health.ON_TRACK: "on-track", Health.AT_RISK: "at-risk", Health.OFF_TRACK: "off-track"}
WORDS = {
    Health.ON_TRACK: QT_TRANSLATE_NOOP("Health", "On track"),
    Health.AT_RISK: QT_TRANSLATE_NOOP("Health", "At risk"),
    Health.OFF_TRACK: QT_TRANSLATE_NOOP("Health", "Off track"),
}


class HealthFact(enum.Enum):
    """A fact behind a verdict, worst first."""

    FORECAST_MISSES = "forecast_misses"  # under an even chance of the deadline
    MANY_OVERDUE = "many_overdue"  # a quarter or more of the open work is late
    FORECAST_LATE = "forecast_late"  # P85 after the deadline, or under 85 %
    OVERDUE = "overdue"
    SLIPPED = "slipped"
    MANY_AT_RISK = "many_at_risk"


@dataclass(frozen=True, slots=True)
class HealthReason:
    fact: HealthFact
    count: int = 0  # tasks (overdue, slipped, at risk), or the on-time chance in percent
    of: int = 0  # open tasks, for the shares


@dataclass(frozen=True, slots=True)
class Verdict:
    health: Health
    reasons: tuple[HealthReason, ...]  # worst first; () for on track
    note: str = ""  # the lead's written status line, when set by hand
    by_hand: bool = False


def health(
    open_tasks: Sequence[Task],
    risks: Mapping[int, Sequence[RiskReason]],
    slips: Mapping[int, Slips],
    forecast: Forecast | None,
) -> Verdict:
    """The scope's health from its open (unfinished, unarchived) tasks, each task's risk
    reasons (absent: none), the slips of their due dates (absent: never moved) and the
    scope's forecast (None: none). The rule is the module's docstring."""
    total = len(open_tasks)
    overdue = sum(
        1 for t in open_tasks if any(r.kind is RiskKind.OVERDUE for r in risks.get(t.id, ()))
    )
    slipped = sum(1 for t in open_tasks if (s := slips.get(t.id)) and s.slipped(t.due))
    at_risk = sum(1 for t in open_tasks if risks.get(t.id))
    reasons: list[HealthReason] = []
    verdict = Health.ON_TRACK
    chance = None
    if forecast is not None and forecast.remaining and forecast.due is not None:
        chance = forecast.on_time_probability
    if chance is not None and chance < OFF_TRACK_CHANCE:
        reasons.append(HealthReason(HealthFact.FORECAST_MISSES, round(chance * 100)))
        verdict = Health.OFF_TRACK
    if overdue >= OFF_TRACK_OVERDUE_MIN and overdue >= OFF_TRACK_OVERDUE_SHARE * total:
        reasons.append(HealthReason(HealthFact.MANY_OVERDUE, overdue, total))
        verdict = Health.OFF_TRACK
    if chance is not None and chance >= OFF_TRACK_CHANCE:
        assert forecast is not None
        if forecast.late or chance < AT_RISK_CHANCE:
            reasons.append(HealthReason(HealthFact.FORECAST_LATE, round(chance * 100)))
            verdict = max(verdict, Health.AT_RISK)
    if overdue and not any(r.fact is HealthFact.MANY_OVERDUE for r in reasons):
        reasons.append(HealthReason(HealthFact.OVERDUE, overdue, total))
        verdict = max(verdict, Health.AT_RISK)
    if slipped:
        reasons.append(HealthReason(HealthFact.SLIPPED, slipped, total))
        verdict = max(verdict, Health.AT_RISK)
    if total and at_risk >= AT_RISK_SHARE * total:
        reasons.append(HealthReason(HealthFact.MANY_AT_RISK, at_risk, total))
        verdict = max(verdict, Health.AT_RISK)
    return Verdict(verdict, tuple(reasons))


# -- a lead's written status line -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatusLine:
    """``scope`` ("Field Sales"), the health the lead gives it, and the sentence after it."""

    scope: str
    health: Health
    note: str


class StatusLineError(ValueRefused):
    """A status line that cannot be read; the message says how to write one."""


def parse_status(text: str, words: Iterable[tuple[str, Health]] = ()) -> StatusLine:
    """``"Field Sales=At risk: waiting for legal review"`` → a ``StatusLine``. The health is
    its English word, its code ("at-risk") or any of ``words`` (the reader's language), in
    any case; the sentence after ":" may be left out."""
    name, sep, rest = text.partition("=")
    if not sep or not name.strip():
        raise StatusLineError(
            QT_TRANSLATE_NOOP("Refusal", "%1: write NAME=HEALTH: what is happening"), repr(text)
        )
    word, _colon, note = rest.partition(":")
    if not _colon:  # the full-width colon a Japanese keyboard types
        word, _colon, note = rest.partition("：")
    known = {w.casefold(): h for h, w in WORDS.items()}
    known.update({c: h for h, c in CODES.items()})
    known.update({w.strip().casefold(): h for w, h in words})
    found = known.get(word.strip().casefold())
    if found is None:
        choices = ", ".join(WORDS[h] for h in Health)
        raise StatusLineError(
            QT_TRANSLATE_NOOP("Refusal", "%1 is not a health (use %2)"), repr(word.strip()), choices
        )
    return StatusLine(name.strip(), found, note.strip())


def overruled(verdict: Verdict, line: StatusLine | None) -> Verdict:
    """The lead's line over the rule's verdict (the rule's reasons kept, for the detail)."""
    if line is None:
        return verdict
    return Verdict(line.health, verdict.reasons, line.note, by_hand=True)
