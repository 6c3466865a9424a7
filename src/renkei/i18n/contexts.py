"""Translation contexts for texts with a count ("%n task(s)") written outside a class of that
name: ``Report.tr("%n hop(s)", "", hops)``.

Why classes: pyside6-lupdate reads the count of ``Context.tr(text, "", n)`` whatever it is,
and files the text under ``Context`` as a plural. It does not for
``QCoreApplication.translate(context, text, None, n)``: its Python reader takes a bare name
there for PyQt4's old encoding argument (no plural forms) and skips the call when the count
is an expression (``len(tasks)``). Texts without a count use ``QCoreApplication.translate``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from renkei.domain import i18n


class TranslationContext(i18n.TranslationContext):
    """``Context.tr(text, disambiguation, n)``: Qt's translate in the context named after the
    class, as ``Q_DECLARE_TR_FUNCTIONS`` gives a C++ class."""

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(cls.__name__, text, disambiguation, n)


class Handoffs(TranslationContext):
    """The handoff views' words."""


class Kanban(TranslationContext):
    """The kanban board's words."""


class MergeCopies(TranslationContext):
    """Merging the conflict copies a sync tool left."""


class Slips(TranslationContext):
    """How far a task's due date moved (the detail pane)."""


class Report(TranslationContext):
    """The PDF status report."""


class Timeline(TranslationContext):
    """The timeline's words."""
