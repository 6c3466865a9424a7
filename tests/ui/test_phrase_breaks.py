"""Japanese breaks by phrase where the window and the slides wrap text: kanban card titles,
standup slide titles, the detail pane's labels (render.line_breaks). English breaks at spaces
as before. Expected lines were worked out by hand from the phrases and the bundled font."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF, QGuiApplication

from renkei.render.card import _font, title_lines_of
from renkei.render.card_face import names_in
from renkei.render.line_breaks import NO_LINE_START, WORD_JOINER
from renkei.render.slide_face import Line
from renkei.render.slide_metrics import slide_font
from renkei.render.slide_plan import wrap_text

WEBINAR = "ウェビナー不参加者向けナーチャリングメール配信"
HANDOFF = "インサイドセールスの森 健太さんへ引き継ぎ"


def card_width(text: str) -> float:
    return QFontMetricsF(_font(14)).horizontalAdvance(text)


def test_a_card_title_breaks_where_a_word_starts_not_inside_nurturing(app_font):
    # At this width the old painter kept the longest prefix that fits: ナーチャリ|ング.
    width = card_width("ウェビナー不参加者向けナーチャリ") + 2
    assert card_width("ウェビナー不参加者向けナーチャリン") > width
    # BudouX keeps the whole title as one phrase; too wide for a line, it is cut where a
    # word starts, before the katakana word ナーチャリング, which stays whole.
    lines = title_lines_of(WEBINAR, 14, width)
    assert lines == ("ウェビナー不参加者向け", "ナーチャリングメール配信")


def test_a_card_title_never_breaks_inside_a_persons_name(app_font):
    width = card_width("インサイドセールスの森 健")
    # Without the name the space is a place to break: 森 | 健太.
    assert title_lines_of(HANDOFF, 14, width) == ("インサイドセールスの森", "健太さんへ引き継ぎ")
    names = names_in(HANDOFF, ["森 健太", "佐藤 大輝", "青"])
    assert names == ("森 健太",)
    lines = title_lines_of(HANDOFF, 14, width, names)
    assert lines == ("インサイドセールスの", "森 健太さんへ引き継ぎ")


def test_a_card_title_cut_after_two_lines_ends_in_an_ellipsis(app_font):
    title = "インサイドセールスからフィールドセールスへカスタマーサクセスへ引き継ぎ"
    lines = title_lines_of(title, 14, card_width("インサイドセールスから") + 1)
    assert lines == ("インサイドセールスから", "フィールドセールスへ…")


def test_an_english_card_title_breaks_at_spaces(app_font):
    title = "Call Minato Pharma about the enterprise budget proposal"
    width = card_width("Call Minato Pharma about") + 1
    lines = title_lines_of(title, 14, width)
    assert lines == ("Call Minato Pharma about", "the enterprise budget…")
    assert title_lines_of("Send the deck", 14, width) == ("Send the deck",)


def slide_width(text: str) -> float:
    return QFontMetricsF(slide_font(36, True)).horizontalAdvance(text)


def test_a_slide_title_wraps_by_phrase(app_font):
    title = "北浜ロジスティクスをカスタマーサクセスへ引き継ぎ"
    width = slide_width("北浜ロジスティクスをカスタ")
    assert wrap_text(title, 36.0, True, width) == ("北浜ロジスティクスを", "カスタマーサクセスへ…")
    width = slide_width("ウェビナー不参加者向けナーチャ")
    assert wrap_text(WEBINAR + "の連絡許諾を確認", 36.0, True, width) == (
        "ウェビナー不参加者向け",
        "ナーチャリングメール配信の…",
    )
    width = slide_width("インサイドセールスの森 健")
    assert wrap_text(HANDOFF, 36.0, True, width, 2, ("森 健太",)) == (
        "インサイドセールスの",
        "森 健太さんへ引き継ぎ",
    )


def test_slide_lines_learn_the_names_in_their_titles():
    from renkei.render.slide_face import TEAM, Section, Slide
    from renkei.ui.standup.faces import with_title_names

    plain = Section("week", "This week", (Line("展示会リストを整理"),))
    named = Section("risk", "At risk", (Line(HANDOFF), Line("見積もり作成")))
    slides = [Slide(TEAM, ("team", 1), "営業", sections=(plain, named))]
    found = with_title_names(slides, ["森 健太", "佐藤 大輝"])
    assert found[0].sections[0] is plain  # nothing named: the same object (the plan's cache)
    assert [line.title_names for line in found[0].sections[1].lines] == [("森 健太",), ()]
    assert with_title_names(found[:0], ["森 健太"]) == []


def test_the_team_slide_paints_a_japanese_title_by_phrase(app_font):
    """A title too long for two lines on the slide: the first ends where a phrase ends, the
    second is cut with "…" and starts with no kinsoku character."""
    from tests.ui.test_slide_paint import paint, team_face

    from renkei.render.line_breaks import break_opportunities

    title = (
        "北浜ロジスティクスをカスタマーサクセスへ引き継ぎ後のオンボーディング・キックオフ準備と"
        "みなと製薬情報システム部向けデモとセキュリティチェックシート回答の確認"
    ) * 2  # too long for two lines of a slide's whole width
    _, drawn = paint(team_face(1, titles=[title]), (1280, 720))
    shown = next(text for text, _px in drawn if text.startswith("北浜"))
    first, second = shown.split("\n")
    assert title.startswith(first) and len(first) in break_opportunities(title)
    assert second.endswith("…") and title[len(first) :].startswith(second[:-1])
    assert second[0] not in NO_LINE_START


# -- the detail pane's labels ----------------------------------------------------------------


def test_a_phrase_label_wraps_by_phrase_and_copies_without_joiners(qtbot, app_font):
    from renkei.ui.phrase_label import PhraseLabel

    label = PhraseLabel()
    qtbot.addWidget(label)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.set_phrases(HANDOFF, ["森 健太"])
    assert label.plain_text() == HANDOFF
    # Joined inside the phrases and the name; free between phrases only.
    assert label.text().replace(WORD_JOINER, "|") == (
        "イ|ン|サ|イ|ド|セ|ー|ル|ス|の森| |健|太|さ|ん|へ引|き|継|ぎ"
    )
    label.setSelection(0, len(label.text()))
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == HANDOFF


def test_a_phrase_label_shows_english_as_it_is(qtbot, app_font):
    from renkei.ui.phrase_label import PhraseLabel

    label = PhraseLabel()
    qtbot.addWidget(label)
    label.set_phrases("Call Minato Pharma about the budget", ["Minato Pharma"])
    assert label.text() == "Call Minato Pharma about the budget"


def test_a_katakana_word_wider_than_the_label_still_wraps(qtbot, app_font):
    """A phrase too wide for the label may break inside (QLabel would let it run past the
    edge), still with kinsoku: no line starts with ー or a small kana."""
    from renkei.ui.phrase_label import PhraseLabel

    label = PhraseLabel()
    qtbot.addWidget(label)
    label.setWordWrap(True)
    label.setFixedWidth(round(label.fontMetrics().horizontalAdvance("オンボーディン")))
    label.show()
    label.set_phrases("オンボーディングチェックリストを刷新")
    qtbot.waitExposed(label)
    assert label.sizeHint().width() <= label.width()
    for n in range(1, len(label.text())):
        if label.text()[n] in NO_LINE_START:
            assert label.text()[n - 1] == WORD_JOINER, label.text()
