"""Marks user-visible strings in Qt-free code for translation.

Qt's ``lupdate`` recognises calls named ``QT_TRANSLATE_NOOP`` in Python sources, so the
strings written here reach the translation catalogue while this package stays free of Qt.
The UI translates the marked text at display time with the same context.
"""

from __future__ import annotations

from collections.abc import Callable

# Qt's translate as the rules call it: (context, text) or (context, text, n), n filling "%n".
Translate = Callable[..., str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - lupdate matches the name
    return text


def QT_TRANSLATE_N_NOOP(context: str, text: str) -> str:  # noqa: N802 - as Qt names it
    """A text with a count (``%n``), translated with its plural forms ("%n day(s)")."""
    return text


def untranslated(context: str, text: str, n: int = -1) -> str:
    """The translate the rules use without Qt: the English source with ``%n`` filled in and
    its "(s)" resolved ("1 day", "3 days"), as the English catalogue does in the app."""
    if n == -1:
        return text
    return text.replace("%n", str(n)).replace("(s)", "" if n == 1 else "s")
