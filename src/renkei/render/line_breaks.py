"""Where a line of text may break, as its readers expect: Japanese by phrase, Latin at spaces.

Japanese has no spaces, so a painter that breaks "anywhere a character ends" cuts words
(ナーチャリン|グ, インサイド|セールス) and names (エミリー・カー|ター) and starts a line
with 。 or a small kana. Here a line breaks only:

- between the phrases BudouX (a maintained phrase segmenter) finds in Japanese text (but not
  inside a run of kanji, where it splits compounds: 期限超|過), and after a run of spaces;
- never inside a run of katakana (ー and ・ between katakana included: エミリー・カーター),
  nor inside a span the caller names as unbreakable (a person's name, "森 健太");
- with kinsoku: no line starts with a small kana, ー, 。、 or a closing bracket, and no line
  ends with an opening bracket (the character moves to the next line with its neighbour).

Only a piece wider than the whole line is cut between characters, still with kinsoku.

    lines = break_lines(text, metrics.horizontalAdvance, width, max_lines=2, unbreakable=names)

``metrics`` is a QFontMetricsF (or anything whose width function takes a str); with
``max_lines`` the last line kept ends in "…" when text is left over.

Where Qt wraps the text itself (a QLabel, a QTextDocument), ``phrase_joined`` puts a WORD
JOINER (U+2060, "no break here" to Qt's line breaker) between the characters Qt could break
between but these rules do not: the text then wraps by phrase. It is for display only: a
joined text is never stored, edited or copied out (``without_joiners`` takes them out).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

ELLIPSIS = "…"
WORD_JOINER = "\u2060"
# Phrases longer than this (BudouX keeps ウェビナー不参加者向けナーチャリングメール配信
# whole) also break where a word starts inside them, for a wrapper that cannot cut them well.
LONG_PHRASE = 10
# No line starts with these (JIS X 4051's 行頭禁則: small kana, the long vowel mark, iteration
# marks, closing brackets and the punctuation that follows a word).
NO_LINE_START = frozenset(
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "ーゝゞヽヾ々〻"
    "、。，．,.:;!?！？：；・…‥〜"
    "）)]｝}」』】〉》〕〙〛”’»"
)
# No line ends with these (行末禁則: opening brackets).
NO_LINE_END = frozenset("（([｛{「『【〈《〔〘〚“‘«")
_KATAKANA_JOINERS = frozenset("ー・")
# No word starts with these: a piece cut between characters does not start a line with them.
_NO_WORD_START = frozenset("んンを")

WidthOf = Callable[[str], float]


# The script BudouX segments: hiragana, katakana (with the small and half-width ones), the
# CJK ideographs (extension A, the unified block, the compatibility block) and 々.
_JAPANESE = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f々]"
)


def is_japanese(ch: str) -> bool:
    """Hiragana, katakana or a CJK ideograph (the script BudouX segments)."""
    return _JAPANESE.match(ch) is not None


def has_japanese(text: str) -> bool:
    """Any of ``text`` in the script BudouX segments (one scan in C: the report asks this of
    every cell of a 1,000-page appendix)."""
    return _JAPANESE.search(text) is not None


def _is_kanji(ch: str) -> bool:
    code = ord(ch)
    return (
        0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
    ) or ch in "々〆"


def _is_katakana(ch: str) -> bool:
    code = ord(ch)
    return 0x30A1 <= code <= 0x30FA or 0x31F0 <= code <= 0x31FF or 0xFF66 <= code <= 0xFF9D


@cache
def _parser() -> Any:
    """BudouX's Japanese model, loaded once (about 2 ms) and only when Japanese is broken."""
    import budoux  # noqa: PLC0415 - only Japanese text needs it

    return budoux.load_default_japanese_parser()


def break_opportunities(text: str, unbreakable: Iterable[str] = ()) -> list[int]:
    """The offsets where a line may break in one paragraph of ``text`` (a break at ``i`` puts
    ``text[i:]`` on the next line), ascending, neither 0 nor ``len(text)``."""
    size = len(text)
    allowed: set[int] = set()
    # After a run of spaces, in any script.
    for i in range(1, size):
        if text[i - 1] == " " and text[i] != " ":
            allowed.add(i)
    # Between Japanese phrases.
    if has_japanese(text):
        at = 0
        for phrase in _parser().parse(text):
            at += len(phrase)
            # Inside a run of kanji BudouX is unsure (期限超|過, 提案|書): a compound stays whole.
            if 0 < at < size and not (_is_kanji(text[at - 1]) and _is_kanji(text[at])):
                allowed.add(at)
    blocked = _inside_spans(text, unbreakable)
    return [i for i in sorted(allowed) if i not in blocked and _may_break(text, i)]


def _may_break(text: str, i: int) -> bool:
    before, after = text[i - 1], text[i]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if _katakana_word(text, i):
        return False
    # A Latin word is never split (BudouX may mark a boundary between letters and kana only).
    return not (before.isascii() and before.isalnum() and after.isascii() and after.isalnum())


def _katakana_word(text: str, i: int) -> bool:
    """Whether offset ``i`` falls inside one katakana word (ー and ・ joining katakana)."""
    before, after = text[i - 1], text[i]
    left = _is_katakana(before) or (
        before in _KATAKANA_JOINERS and i >= 2 and _is_katakana(text[i - 2])
    )
    right = _is_katakana(after) or (
        after in _KATAKANA_JOINERS and i + 1 < len(text) and _is_katakana(text[i + 1])
    )
    return left and right


def _inside_spans(text: str, spans: Iterable[str]) -> set[int]:
    """Offsets strictly inside any occurrence of any of ``spans``."""
    inside: set[int] = set()
    for span in spans:
        if len(span) < 2:
            continue
        start = text.find(span)
        while start >= 0:
            inside.update(range(start + 1, start + len(span)))
            start = text.find(span, start + 1)
    return inside


def break_lines(
    text: str,
    width_of: WidthOf,
    max_width: float,
    max_lines: int | None = None,
    unbreakable: Iterable[str] = (),
) -> list[str]:
    """``text`` as lines no wider than ``max_width`` (as ``width_of`` measures a string),
    broken only where ``break_opportunities`` allows; a "\\n" in ``text`` always breaks.
    With ``max_lines``, at most that many lines, the last ending in "…" if text was left out.
    Spaces at the end of a line are dropped. An empty text gives no lines."""
    spans = tuple(unbreakable)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_paragraph_lines(paragraph, width_of, max_width, spans) or [""])
    while lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    if lines == [""]:
        return []
    if max_lines is not None and len(lines) > max_lines:
        kept = lines[: max(1, max_lines)]
        kept[-1] = with_ellipsis(kept[-1], width_of, max_width)
        return kept
    return lines


def _paragraph_lines(
    text: str, width_of: WidthOf, max_width: float, spans: tuple[str, ...]
) -> list[str]:
    if not text.strip():
        return []
    cuts = [0, *break_opportunities(text, spans), len(text)]
    pieces = [text[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    lines: list[str] = []
    line = ""
    for piece in pieces:
        if not line:
            line = piece.lstrip(" ") if lines else piece
        elif width_of((line + piece).rstrip(" ")) <= max_width:
            line += piece
        elif is_japanese(piece[0]) and width_of(piece.strip(" ")) > max_width:
            line += piece  # to be cut between characters: it starts on this line
        else:
            lines.append(line.rstrip(" "))
            line = piece.lstrip(" ")
        while line and width_of(line.rstrip(" ")) > max_width:
            head, line = _cut(line, width_of, max_width, spans)
            if not head:
                break
            lines.append(head)
    if line.strip():
        lines.append(line.rstrip(" "))
    return lines


def _cut(
    piece: str, width_of: WidthOf, max_width: float, spans: tuple[str, ...] = ()
) -> tuple[str, str]:
    """A piece wider than a line, cut between characters at the last place that fits: best
    where a word starts (かな|漢字, カタカナ|漢字, not 漢字|かな) outside a katakana word
    or a named span, else outside them, else after a middle dot (エミリー・|カーター), else
    anywhere kinsoku allows (at least one character stays)."""
    fits = 1
    while fits < len(piece) and width_of(piece[: fits + 1]) <= max_width:
        fits += 1
    if fits >= len(piece):
        return piece, ""
    inside = _inside_spans(piece, spans)

    def kinsoku(i: int) -> bool:
        return piece[i] not in NO_LINE_START and piece[i - 1] not in NO_LINE_END

    def whole(i: int) -> bool:
        return (
            kinsoku(i)
            and i not in inside
            and not _katakana_word(piece, i)
            and piece[i] not in _NO_WORD_START
        )

    def boundary(i: int) -> bool:  # not before kana that ends a word (okurigana, particles)
        after = _script(piece[i])
        return whole(i) and _script(piece[i - 1]) != after and after != "hiragana"

    def after_dot(i: int) -> bool:  # a name or word that must be cut: エミリー・|カーター
        return kinsoku(i) and piece[i - 1] == "・"

    for rule in (boundary, whole, after_dot, kinsoku):
        for at in range(fits, 0, -1):
            if rule(at):
                return piece[:at], piece[at:]
    return piece[:fits], piece[fits:]


def _script(ch: str) -> str:
    code = ord(ch)
    if 0x3040 <= code <= 0x309F:
        return "hiragana"
    if _is_katakana(ch) or ch in _KATAKANA_JOINERS:
        return "katakana"
    if is_japanese(ch):
        return "kanji"
    return "other"


def with_ellipsis(line: str, width_of: WidthOf, max_width: float) -> str:
    """``line`` shortened until it and "…" fit ``max_width``, then "…" after it."""
    text = line.rstrip(" ")
    while text and width_of(text + ELLIPSIS) > max_width:
        text = text[:-1].rstrip(" ")
    return text.rstrip(" 、，,・") + ELLIPSIS


def phrase_joined(
    text: str,
    unbreakable: Iterable[str] = (),
    width_of: WidthOf | None = None,
    max_width: float | None = None,
) -> str:
    """``text`` with a WORD JOINER wherever Qt's line breaker may break but these rules do
    not: between Japanese characters inside a phrase or a katakana word, before a kinsoku
    character, inside a named span (at its space too). A phrase longer than ``LONG_PHRASE``
    characters keeps the places inside it where a word starts (ウェビナー|不参加者向け), so
    that a narrow wrapper breaks it there rather than anywhere. Given the line's width
    (``width_of``, ``max_width``), a piece still wider than the line may break anywhere
    kinsoku allows (a QLabel would otherwise let it run past its edge). Text without
    Japanese is returned as it is (English wraps as before, names and all)."""
    if not has_japanese(text):
        return text
    spans = tuple(span for span in unbreakable if len(span) > 1 and span in text)
    fits = None
    if width_of is not None and max_width is not None and max_width > 0:
        fits = lambda piece: width_of(piece) <= max_width  # noqa: E731
    return "\n".join(_joined(line, spans, fits) for line in text.split("\n"))


def without_joiners(text: str) -> str:
    """A joined text as it was (what a copy or an edit must see)."""
    return text.replace(WORD_JOINER, "")


def _joined(line: str, spans: tuple[str, ...], fits: Callable[[str], bool] | None) -> str:
    if len(line) < 2:
        return line
    cuts = [0, *break_opportunities(line, spans), len(line)]
    allowed = set(cuts)
    for start, end in zip(cuts, cuts[1:], strict=False):
        if end - start > LONG_PHRASE:
            allowed.update(start + i for i in _word_starts(line[start:end], spans))
    if fits is not None:
        edges = sorted(allowed)
        for start, end in zip(edges, edges[1:], strict=False):
            if not fits(line[start:end].strip(" ")):
                allowed.update(range(start + 1, end))  # then kinsoku, below, keeps some out
    allowed = {i for i in allowed if i in (0, len(line)) or _kinsoku_ok(line, i)}
    allowed.update(cuts)
    out = [line[0]]
    for i in range(1, len(line)):
        before, after = line[i - 1], line[i]
        if i not in allowed and (_wide(before) or _wide(after) or before == " "):
            out.append(WORD_JOINER)
        out.append(after)
    return "".join(out)


def _kinsoku_ok(line: str, i: int) -> bool:
    return line[i] not in NO_LINE_START and line[i - 1] not in NO_LINE_END


def _wide(ch: str) -> bool:
    """A character Qt may break beside (CJK scripts and their punctuation, full-width forms)."""
    return ord(ch) >= 0x2E80


def _word_starts(piece: str, spans: tuple[str, ...]) -> list[int]:
    """Offsets inside ``piece`` where a word starts: the script changes to kanji or katakana
    (かな|漢字, カタカナ|漢字, not 漢字|かな), outside a katakana word and a named span,
    with kinsoku."""
    inside = _inside_spans(piece, spans)
    found = []
    for i in range(1, len(piece)):
        before, after = piece[i - 1], piece[i]
        if (
            after not in NO_LINE_START
            and before not in NO_LINE_END
            and after not in _NO_WORD_START
            and i not in inside
            and not _katakana_word(piece, i)
            and _script(before) != _script(after)
            and _script(after) in ("kanji", "katakana")
        ):
            found.append(i)
    return found
