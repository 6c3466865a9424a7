"""Marks user-visible strings in Qt-free code for translation, and fills their placeholders.

Qt's ``pyside6-lupdate`` reads ``QT_TRANSLATE_NOOP("Context", "text")`` and
``Context.tr("text", "", n)`` in Python sources, so the strings written here reach the
translation catalogue while this package stays free of Qt. The UI translates the marked text
at display time with the same context (``renkei.i18n``).

Placeholders are Qt's: ``%1`` … ``%9`` filled by :func:`arg`, and ``%n`` filled with the count
by Qt's translate (which also picks the plural form).
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

# Qt's translate as the rules call it: (context, text) or (context, text, n), n filling "%n".
Translate = Callable[..., str]

_PLACEHOLDER = re.compile(r"%([1-9])")

PLURAL = -1
"""The count in ``Context.tr(text, "", PLURAL)``: marks a constant as a text with plural forms
(lupdate takes a ``tr`` with a count for one) while leaving its ``%n`` to be filled later."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate matches the name
    return text


class TranslationContext:
    """Qt's ``Q_DECLARE_TR_FUNCTIONS`` for Python: ``class Risk(TranslationContext)`` gives
    ``Risk.tr(text, "", n)``, which lupdate files under the context "Risk" (the class name),
    as a plural when it has a count. Here, free of Qt, ``tr`` only marks the text; the subclass
    in ``renkei.i18n`` translates it."""

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return untranslated(cls.__name__, text, n)


def arg(text: str, *values: object) -> str:
    """Fill ``%1`` … ``%9`` with ``values`` in one pass, as Qt's ``QString.arg`` does: a value
    that itself holds "%2" is left alone, and a translation may put the places in any order."""

    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, text)


class Marked(NamedTuple):
    """A word or phrase marked for translation, given as a value of a ``Sentence``: a
    field's label (``Marked("Field", "Due date")``), a place in a file (``Marked("Import",
    "row %1", (12,))``), told in the sentence's language. ``str`` is the English."""

    context: str
    text: str
    values: tuple[object, ...] = ()

    def __str__(self) -> str:
        return arg(self.text, *self.values)


class Listed(NamedTuple):
    """Names given as one value of a ``Sentence`` or ``Marked``, listed the language's way
    when told ("Sprint, Epic" / "Sprint、Epic", ``join_list``). ``str`` is the English."""

    items: tuple[object, ...]

    def __str__(self) -> str:
        return join_list(str(item) for item in self.items)


class Sentence(Exception):
    """An error whose message is a sentence marked for translation, told in either language.

    Raise it with the marked text and its values, never with a text already filled in::

        raise ValidationError(QT_TRANSLATE_NOOP("Refusal", "%1 must be a date"), label)

    ``str(error)`` is the English (logs, tests, ``--json``); ``error.said(translate)`` is the
    person's language, for the window (``renkei.i18n.error_text``) and the command line. A value
    that is itself a ``Sentence`` (a reason inside a reason) or a ``Marked`` word (a field's
    label) is told in the same language. An
    error raised with a plain text (an old raise, a server's own words) is shown as it is:
    the catalogue has no entry for it, so translate gives it back unchanged."""

    context = "Refusal"

    def __init__(self, text: str = "", *values: object):
        self.text = text
        self.values = values
        super().__init__(arg(text, *values))

    def said(self, translate: Translate) -> str:
        values = [_said(v, translate) for v in self.values]
        return arg(translate(self.context, self.text) if self.text else "", *values)

    def __reduce__(self) -> tuple[Any, ...]:
        # Made again without __init__, whose arguments differ from one kind to another
        # (BoardDamaged(path, detail)): a copy (dataclasses.asdict deep-copies) or a pickle
        # keeps the English, the marked text, its values and whatever else the error holds.
        return (_made_again, (type(self), self.args), self.__dict__)


def _made_again(kind: type[Sentence], args: tuple[object, ...]) -> Sentence:
    return kind.__new__(kind, *args)


class ValueRefused(Sentence, ValueError):
    """A value that cannot be read (a date, a priority, a status line), told like any
    ``Sentence``; a ``ValueError`` to the code that catches one."""


def _said(value: object, translate: Translate) -> object:
    if isinstance(value, Sentence):
        return value.said(translate)
    if isinstance(value, Marked):
        values = [_said(v, translate) for v in value.values]
        return arg(translate(value.context, value.text), *values)
    if isinstance(value, Listed):
        return join_list((str(_said(item, translate)) for item in value.items), translate)
    return value


def told(said: object, translate: Translate) -> str:
    """What an error or a marked phrase says to a person: a ``Sentence``, ``Marked`` or
    ``Listed`` in their language, anything else as it is."""
    return str(_said(said, translate))


LIST_SEPARATOR = QT_TRANSLATE_NOOP("History", ", ")


def join_list(items: Iterable[str], translate: Translate | None = None) -> str:
    """Words listed the language's way: "Budget, Need" in English, "予算、ニーズ" in
    Japanese (``translate``: Qt's, as the domain's sentences take it)."""
    separator = (translate or untranslated)("History", LIST_SEPARATOR)
    return separator.join(item for item in items if item)


def untranslated(context: str, text: str, n: int = -1) -> str:
    """The translate the rules use without Qt: the English source with ``%n`` filled in and
    its "(s)" resolved ("1 day", "3 days"), as the English catalogue does in the app."""
    if n == -1:
        return text
    return text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")


def system_language() -> str:
    """'ja' under a Japanese locale, else 'en' (LANGUAGE, LC_ALL, LC_MESSAGES, LANG order).

    Here, with no Qt, because both sides need it: the app makes the first-run demo board in
    this language and the views (renkei.i18n) load its translator, and neither may import
    the other."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    code = locale.getlocale()[0] or ""
    return "ja" if code.lower().startswith("ja") else "en"
