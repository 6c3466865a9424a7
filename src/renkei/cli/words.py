"""The command line's words in the user's language: Japanese under a Japanese locale
(LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else English.

Headless reads stay as fast as before: English needs no catalogue (the source text is
English), and Japanese loads Qt's translator (QtCore only) the first time a word is printed,
so ``renkei tasks --json`` (keys, codes and values for a script, never translated) loads no
translation at all. Argparse's parser is built with the English text, marked for lupdate
(``QT_TRANSLATE_NOOP("Cli", …)``); ``HelpFormatter`` translates when help, usage or an error is
printed, and ``speaking_argparse`` gives argparse's own words ("usage:", "error:") too.

A command's words are written ``Cli.tr("Task %1: nothing changed.")`` and their values filled
with ``arg``; the domain's marked sentences (risks, findings) take ``translate_marked``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from typing import Any

from renkei.domain.i18n import (
    QT_TRANSLATE_NOOP,
    TranslationContext,
    arg,
    join_list,
    system_language,
    told,
    untranslated,
)

__all__ = [
    "Cli",
    "HelpFormatter",
    "Joined",
    "Parser",
    "arg",
    "error_text",
    "translate",
    "translate_marked",
]

# The language of this command, read from the environment when it starts (``begin``).
_language: list[str] = []
# The application this process made to translate (none when one was running already).
_made: list[Any] = []
# What loading Japanese made (the translator, the locale before), undone by ``end``.
_loaded: list[Any] = []


def begin(language: str | None = None) -> str:
    """This command speaks ``language`` (default: the locale's); returns it."""
    end()
    _language[:] = [language or system_language()]
    return _language[0]


def language() -> str:
    if not _language:
        begin()
    return _language[0]


def japanese() -> bool:
    return language() == "ja"


def end() -> None:
    """Take back what speaking Japanese installed (a process that runs several commands,
    as the tests do, starts each in its own language)."""
    if _loaded:
        from PySide6.QtCore import QLocale  # noqa: PLC0415

        app, translator, before = _loaded
        if app is not None and translator is not None:
            app.removeTranslator(translator)
        QLocale.setDefault(before)
        _loaded.clear()
    _language.clear()
    if _made:
        # The application made to translate goes with the command: a process that goes on
        # (the tests, a script calling main() in turn) may need a QApplication next.
        _made.pop().shutdown()


def _load_japanese() -> None:
    """Qt's translator for Japanese, installed once per command (QtCore only)."""
    if _loaded:
        return
    from PySide6.QtCore import QCoreApplication, QLocale, QTranslator  # noqa: PLC0415

    # Not through renkei.i18n.language: its package loads the views' shared words (~0.1 s),
    # which a table of tasks does not need.
    app = QCoreApplication.instance()
    if app is None:
        app = QCoreApplication(sys.argv[:1])
        _made.append(app)  # shut down by ``end``
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    translator = QTranslator(app)
    path = resources.files("renkei.resources") / "translations" / "renkei_ja.qm"
    if path.is_file() and translator.load(str(path)):
        app.installTranslator(translator)
    else:
        translator = None
    _loaded[:] = [app, translator, before]


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """Qt's translate in this command's language; English is the source text ("%n" filled,
    "(s)" resolved) without loading Qt."""
    if not japanese():
        return untranslated(context, text, n)
    _load_japanese()
    from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

    return QCoreApplication.translate(context, text, disambiguation, n)


def translate_marked(context: str, text: str, n: int = -1) -> str:
    """``translate`` as the domain's rules take it (risk and finding sentences)."""
    return translate(context, text, None, n)


def error_text(error: BaseException) -> str:
    """An error's words in the command's language (``renkei.domain.i18n.Sentence``)."""
    return told(error, translate_marked)


class Cli(TranslationContext):
    """The command line's words: ``Cli.tr(text)``, ``Cli.tr("%n task(s)", "", n)``."""

    @classmethod
    def tr(cls, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return translate(cls.__name__, text, disambiguation, n)


def words_list(items: Sequence[str]) -> str:
    """Items as the language lists them: "Budget, Need" / "予算、ニーズ"."""
    return join_list(items, translate_marked if japanese() else None)


# -- argparse --------------------------------------------------------------------------------


class Joined(str):
    """A help text made of marked parts (one sentence each), translated part by part: a
    description that ends with a list built in code, or an epilog of two marked texts. A
    part with values is a tuple: ``(QT_TRANSLATE_NOOP("Cli", "Files up to %1."), "20 MB")``."""

    parts: tuple[str | tuple[str, ...], ...]

    def __new__(cls, *parts: str | tuple[str, ...]) -> Joined:
        made = super().__new__(cls, " ".join(_part(p, untranslated) for p in parts))
        made.parts = parts
        return made


def _part(part: str | tuple[str, ...], translate_: Any) -> str:
    if isinstance(part, tuple):
        return arg(translate_("Cli", part[0]), *part[1:])
    return translate_("Cli", part)


def help_text(text: str | None) -> str | None:
    """A marked help text in this command's language (argparse's own "-h" help too)."""
    if text is None or text == argparse.SUPPRESS or not japanese():
        return text
    if isinstance(text, Joined):
        return "".join(_part(part, _help_part) for part in text.parts)
    return _help_part("Cli", text)


def _help_part(context: str, text: str) -> str:
    if text in _WHEN_BUILT:
        return translate("argparse", text)
    return translate(context, text)


class Parser(argparse.ArgumentParser):
    """Argparse's parser whose help and usage are translated when printed; its sub-commands'
    parsers are of this class too (argparse makes them with the parent's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


class HelpFormatter(argparse.HelpFormatter):
    """Argparse's formatter, translating the marked texts when help is printed."""

    def start_section(self, heading: str | None) -> None:
        if heading is not None and japanese():
            heading = translate("argparse", heading)
            self._headings = getattr(self, "_headings", set()) | {heading}
        super().start_section(heading)

    def format_help(self) -> str:
        text = super().format_help()
        # Argparse ends a heading with an ASCII colon; Japanese writes the full-width one.
        for heading in getattr(self, "_headings", ()):
            text = text.replace(f"{heading}:\n", f"{heading}：\n")
        return text

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return help_text(action.help)

    def _format_text(self, text: str) -> str:
        return super()._format_text(help_text(text) or "")

    def _split_lines(self, text: str, width: int) -> list[str]:
        if not japanese():
            return super()._split_lines(text, width)
        return _wrap(self._whitespace_matcher.sub(" ", text).strip(), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if not japanese():
            return super()._fill_text(text, width, indent)
        lines = _wrap(self._whitespace_matcher.sub(" ", text).strip(), width - len(indent))
        return "\n".join(indent + line for line in lines)

    def add_usage(self, usage, actions, groups, prefix=None) -> None:
        if prefix is None and japanese():
            prefix = translate("argparse", "usage: ")
        super().add_usage(usage, actions, groups, prefix)


def _wrap(text: str, width: int) -> list[str]:
    """Japanese help wrapped as a terminal shows it (a kanji takes two columns), between
    phrases and with kinsoku (renkei.render.line_breaks)."""
    from renkei.cli.output import display_width  # noqa: PLC0415
    from renkei.render.line_breaks import break_lines  # noqa: PLC0415

    return break_lines(text, display_width, max(width, 20)) or [""]


# Argparse's own words, as its gettext calls name them (Python 3.11 to 3.13).
ARGPARSE_WORDS = (
    QT_TRANSLATE_NOOP("argparse", "usage: "),
    QT_TRANSLATE_NOOP("argparse", "positional arguments"),
    QT_TRANSLATE_NOOP("argparse", "options"),
    QT_TRANSLATE_NOOP("argparse", "show this help message and exit"),
    QT_TRANSLATE_NOOP("argparse", "show program's version number and exit"),
    QT_TRANSLATE_NOOP("argparse", "%(prog)s: error: %(message)s\n"),
    QT_TRANSLATE_NOOP("argparse", "argument %(argument_name)s: %(message)s"),
    QT_TRANSLATE_NOOP("argparse", "unrecognized arguments: %s"),
    QT_TRANSLATE_NOOP("argparse", "the following arguments are required: %s"),
    QT_TRANSLATE_NOOP("argparse", "one of the arguments %s is required"),
    QT_TRANSLATE_NOOP("argparse", "not allowed with argument %s"),
    QT_TRANSLATE_NOOP("argparse", "expected one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at most one argument"),
    QT_TRANSLATE_NOOP("argparse", "expected at least one argument"),
    QT_TRANSLATE_NOOP("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    QT_TRANSLATE_NOOP("argparse", "invalid %(type)s value: %(value)r"),
    QT_TRANSLATE_NOOP("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    QT_TRANSLATE_NOOP("argparse", "ignored explicit argument %r"),
)
# Asked for while the parser is built: translated when printed (``HelpFormatter``), so that
# building the parser never loads the catalogue.
_WHEN_BUILT = frozenset(
    {
        "positional arguments",
        "options",
        "show this help message and exit",
        "show program's version number and exit",
    }
)


def _argparse_gettext(message: str) -> str:
    if message in _WHEN_BUILT:
        return message
    return translate("argparse", message)


@contextmanager
def speaking_argparse() -> Iterator[None]:
    """Argparse's own messages ("usage:", "error:", "invalid choice") in this command's
    language while the block runs; English leaves argparse as it is."""
    if not japanese():
        yield
        return
    before = argparse._  # type: ignore[attr-defined]
    argparse._ = _argparse_gettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = before  # type: ignore[attr-defined]
