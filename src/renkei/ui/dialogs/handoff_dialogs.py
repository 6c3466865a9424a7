"""The dialogs of a handoff: send it, return it, reject it, ask about an item, answer.

Each dialog only collects the user's choice and gives it back as a small frozen value (None
when cancelled); the caller turns it into commands with ``renkei.domain.handoff_commands``.
Every dialog has a ``choice()`` that returns what OK would return now (None while OK is
disabled), and a classmethod ``ask(...)`` that shows it modally — the seam callers use.

One module per dialog; what they share lives in ``handoff_base`` (the base dialog and the
names of people, teams and items) and ``handoff_packet`` (the packet's fields and the choice
of template). This module is where callers import them from.
"""

from __future__ import annotations

from renkei.ui.dialogs.answer_question import AnswerChoice, AnswerQuestionDialog
from renkei.ui.dialogs.ask_about_item import AskAboutItemDialog, AskChoice
from renkei.ui.dialogs.handoff_base import warm_color
from renkei.ui.dialogs.handoff_packet import pick_template, team_matches, template_text
from renkei.ui.dialogs.reject_handoff import RejectHandoffDialog
from renkei.ui.dialogs.return_handoff import ReturnChoice, ReturnHandoffDialog
from renkei.ui.dialogs.send_handoff import SendChoice, SendHandoffDialog

__all__ = [
    "AnswerChoice",
    "AnswerQuestionDialog",
    "AskAboutItemDialog",
    "AskChoice",
    "RejectHandoffDialog",
    "ReturnChoice",
    "ReturnHandoffDialog",
    "SendChoice",
    "SendHandoffDialog",
    "pick_template",
    "team_matches",
    "template_text",
    "warm_color",
]
