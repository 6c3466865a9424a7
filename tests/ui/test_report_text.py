"""The report's text on paper: a run cut into pages puts each heading, row and repeated
table header on the page it belongs to, in the PDF's text layer as well as to the eye."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
from PySide6.QtGui import QPainter

from renkei.export.pdf import new_writer, register_fonts
from renkei.export.report_text import TextRun

pytestmark = pytest.mark.usefixtures("qapp", "poppler")


def pages_text(run: TextRun, page_height: float, tmp_path) -> list[str]:
    """Paint the run's pages into a PDF, one slice a page, and read each page's text back."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = new_writer(buffer, "a4", "test")
    painter = QPainter(writer)
    scale = writer.resolution() / 72.0
    slices = run.pages(page_height)
    for n, part in enumerate(slices):
        if n:
            writer.newPage()
        painter.resetTransform()
        painter.scale(scale, scale)
        run.paint(painter, QPointF(40, 40), part)
    painter.end()
    buffer.close()
    pdf = tmp_path / "run.pdf"
    pdf.write_bytes(bytes(data.data()))
    return [
        subprocess.run(
            ["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, len(slices) + 1)
    ]


def test_a_heading_pushed_to_the_next_page_is_only_there(tmp_path):
    register_fonts()
    run = TextRun(300)
    for n in range(3):
        run.text(f"Paragraph {n} of the first page.")
    run.heading("Second heading")
    run.text("What the heading keeps with it.")
    heading = run.units()[3]
    # The page ends just under the heading: it keeps more than that with it, so it moves.
    (first, second) = pages_text(run, heading.bottom + 5, tmp_path)
    assert "Paragraph 2" in first and "Second heading" not in first
    assert "Second heading" in second and "Paragraph 2" not in second


def test_a_long_table_repeats_its_header_and_splits_between_rows(tmp_path):
    register_fonts()
    run = TextRun(300)
    run.table([("Task", 2), ("Owner", 1)], [[f"Task number {n}", f"Owner {n}"] for n in range(40)])
    texts = pages_text(run, 200, tmp_path)
    assert len(texts) > 2
    for page in texts:
        assert "Task" in page.splitlines() and "Owner" in page.splitlines()  # every page
    rows = [line for page in texts for line in page.splitlines() if line.startswith("Task number")]
    assert rows == [f"Task number {n}" for n in range(40)]  # each row once, in order
    japanese = TextRun(300)
    japanese.text("山田さんの月日")
    assert "山田さんの月日" in pages_text(japanese, 200, tmp_path)[0]  # no radicals
