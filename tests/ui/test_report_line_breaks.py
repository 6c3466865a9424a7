"""The report's Japanese breaks by phrase (render.line_breaks) in its narrow table cells, read
back from the PDF with pdftotext: words and names whole, no line starting with a small kana,
ー or a closing mark; and Qt lays out the lines it is given without breaking them again."""

from __future__ import annotations

import re

import pytest
from tests.ui.test_report_text import pages_text

from renkei.export.report_text import LINE_SEPARATOR, Para, TextRun

pytestmark = pytest.mark.usefixtures("qapp", "poppler")

# What may not start a line, as pdftotext gives it back (not "…": a message may start with it).
KINSOKU = set("ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー、。，．）」』】")

CELLS = [
    "2件が期限超過、1件が期限延期、10件中4件がリスクあり",
    "エンタープライズ案件パイプライン FY2026",
    "インサイドセールスの森 健太さんへ引き継ぎ",
    "ウェビナー不参加者向けナーチャリングメール配信",
]
WHOLE = ["期限超過", "期限延期", "リスクあり", "パイプライン", "森 健太", "ナーチャリング"]


def narrow_run() -> TextRun:
    from renkei.export.pdf import register_fonts

    register_fonts()
    run = TextRun(220.0, names=("森 健太", "佐藤 大輝"))
    # Two columns of 110 pt: 102 pt of text at 8 pt, some twelve ideographs a line.
    run.table([("タスク", 1), ("理由", 1)], [[c, [Para(c, size=8)]] for c in CELLS])
    return run


def test_narrow_cells_break_by_phrase_and_keep_words_and_names_whole(tmp_path):
    run = narrow_run()
    (page,) = pages_text(run, 800.0, tmp_path)
    lines = [line.strip() for line in page.splitlines() if line.strip()]
    for line in lines:
        assert line[0] not in KINSOKU, lines
    # Every cell was broken into more than one line, and no word or name across two.
    for cell in CELLS:
        assert cell.replace(" ", "") not in [line.replace(" ", "") for line in lines]
    for word in WHOLE:
        assert sum(line.count(word) for line in lines) == 2 * sum(c.count(word) for c in CELLS), (
            word,
            lines,
        )


def rewrapped(run: TextRun) -> tuple[list[str], int]:
    """The Japanese blocks of a laid-out run that Qt broke into more lines than were put in
    (line separators + 1), and how many Japanese blocks there are."""
    found, checked = [], 0
    block = run.doc.begin()
    while block.isValid():
        text = block.text()
        if any(ord(ch) > 0x3000 for ch in text):
            if block.layout().lineCount() != text.count(LINE_SEPARATOR) + 1:
                found.append(text)
            checked += 1
        block = block.next()
    return found, checked


def test_qt_lays_out_the_lines_it_is_given_without_breaking_them_again():
    """The widths the run breaks at are no wider than Qt's columns."""
    run = narrow_run()
    run.units()  # laid out
    assert rewrapped(run) == ([], 2 + 2 * len(CELLS))  # the two headers and every cell


def test_english_cells_are_left_to_qt():
    run = TextRun(220.0)
    run.table([("Task", 1), ("Why", 1)], [["Call Minato Pharma about the budget", "Late"]])
    texts = []
    block = run.doc.begin()
    while block.isValid():
        texts.append(block.text())
        block = block.next()
    assert "Call Minato Pharma about the budget" in texts


def test_the_japanese_demo_report_breaks_no_word_or_name(
    tmp_path, demo_boards, japanese_ui, monkeypatch
):
    """The Japanese demo's full report: no line starts with a kinsoku character and no
    person's name is split across lines (pdftotext gives a cell's lines one after another),
    but for a katakana name wider than its column (the per-team tables' owner column), cut
    only between its given and family names: エミリー・|カーター."""
    import subprocess

    from renkei.app.session import BoardSession
    from renkei.export.report import ReportOptions, export_pdf
    from renkei.store.board_store import BoardStore

    # Every run of the report, as it is cut into pages: no block broken again by Qt.
    cut = TextRun.pages
    seen: list[tuple[list[str], int]] = []

    def pages(run: TextRun, page_height: float):
        slices = cut(run, page_height)
        seen.append(rewrapped(run))
        return slices

    monkeypatch.setattr(TextRun, "pages", pages)
    store = BoardStore.open(demo_boards.copy(tmp_path / "ja.renkei", "ja"))
    try:
        session = BoardSession(store, None)
        out = tmp_path / "ja.pdf"
        export_pdf(session, out, ReportOptions(full=True))
        names = [p.name for p in session.board.people.values()]
    finally:
        store.dispose()
    assert [again for again, _n in seen if again] == []
    assert sum(n for _again, n in seen) > 200
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines:
        assert line[0] not in KINSOKU, line
    squeezed = re.sub(r"\s+", "", text)
    mentioned = 0
    joined = "\n".join(lines)
    for name in names:
        whole = sum(line.count(name) for line in lines)
        at_dot = joined.count(name.replace("・", "・\n")) if "・" in name else 0
        assert whole + at_dot == squeezed.count(name.replace(" ", "")), name
        mentioned += whole
    assert mentioned > 10
    # The words Qt split before (期限延|期, パイ|プライン, リ|スクあり) come back whole.
    for word in ("期限延期", "パイプライン", "リスクあり"):
        assert any(word in line for line in lines), word
        assert squeezed.count(word) == sum(line.count(word) for line in lines), word
