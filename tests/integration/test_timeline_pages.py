"""The timeline on paper: real PDFs written through a small page sink on QPdfWriter, read
back with poppler (pdftotext, pdfinfo, pdffonts, pdftoppm)."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QLocale, QMarginsF, QRectF  # noqa: E402
from PySide6.QtGui import QFontDatabase, QPageLayout, QPageSize, QPainter, QPdfWriter  # noqa: E402

from renkei.app.session import BoardSession  # noqa: E402
from renkei.domain.commands import Create  # noqa: E402
from renkei.domain.schedule import span_of  # noqa: E402
from renkei.render.theme import FONT_FAMILIES, FONT_FAMILY, JP_FONT_FAMILY  # noqa: E402
from renkei.render.timeline_pages import paint_timeline  # noqa: E402
from renkei.store.board_store import BoardStore  # noqa: E402
from renkei.ui.fonts import register_fonts  # noqa: E402

# A Qt application for fonts and painting, and poppler to read the PDFs back.
pytestmark = pytest.mark.usefixtures("qapp", "poppler")

RESOLUTION = 300
MARGIN = 24.0  # the printable area's margin, in points
BAND = 40.0  # the sink's own header and footer


class PdfPages:
    """A page sink as the report's: a painter in points at the printable area's top-left,
    the body between a 40 pt header and footer, pages started on request."""

    def __init__(self, path: Path):
        self.writer = QPdfWriter(str(path))
        self.writer.setResolution(RESOLUTION)
        self.writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.writer.setPageMargins(
            QMarginsF(MARGIN, MARGIN, MARGIN, MARGIN), QPageLayout.Unit.Point
        )
        self.painter: QPainter | None = None
        self.landscape = False
        self.page = 0

    def new_page(self, landscape: bool = False) -> None:
        orientation = (
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        self.writer.setPageOrientation(orientation)
        if self.painter is None:
            self.painter = QPainter(self.writer)
            self.painter.scale(RESOLUTION / 72, RESOLUTION / 72)
        else:
            self.writer.newPage()
        self.landscape = landscape
        self.page += 1
        self._furniture()

    def _paint_rect(self) -> QRectF:
        return self.writer.pageLayout().paintRect(QPageLayout.Unit.Point)

    def body(self) -> QRectF:
        paint = self._paint_rect()
        return QRectF(0, BAND, paint.width(), paint.height() - 2 * BAND)

    def _furniture(self) -> None:
        """A header rule and a page number, as the real sink paints its own."""
        paint = self._paint_rect()
        self.painter.save()
        self.painter.drawLine(0, BAND - 8, paint.width(), BAND - 8)
        self.painter.drawLine(
            0, paint.height() - BAND + 8, paint.width(), paint.height() - BAND + 8
        )
        self.painter.restore()

    def finish(self) -> None:
        if self.painter is not None:
            self.painter.end()


@pytest.fixture(autouse=True)
def fonts(qapp):
    if FONT_FAMILY not in QFontDatabase.families():
        register_fonts()


@pytest.fixture
def shots(tmp_path) -> Path:
    """Where pictures go: $RENKEI_SHOTS to look at them, else the test's tmp folder."""
    folder = Path(os.environ.get("RENKEI_SHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def render(session: BoardSession, path: Path, ids=None, **options) -> int:
    pages = PdfPages(path)
    try:
        used = paint_timeline(
            pages, session, list(session.board.tasks) if ids is None else ids, **options
        )
    finally:
        pages.finish()
    assert used == pages.page
    return used


def run(*args) -> str:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True).stdout


def page_count(path: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", path), re.M).group(1))


def page_text(path: Path, page: int) -> str:
    return run("pdftotext", "-layout", "-f", page, "-l", page, path, "-")


def pictures(path: Path, folder: Path, stem: str) -> list[Path]:
    """Every page as a PNG at 50 dpi (earlier pictures of the same name replaced)."""
    for stale in folder.glob(f"{stem}-*.png"):
        stale.unlink()
    run("pdftoppm", "-r", 50, "-png", path, folder / stem)
    return sorted(folder.glob(f"{stem}-*.png"))


def dated_titles(session: BoardSession) -> list[str]:
    return [t.title for t in session.board.tasks.values() if span_of(t) is not None]


def month_names(day: date) -> str:
    return QLocale().standaloneMonthName(day.month, QLocale.FormatType.ShortFormat)


# -- the demo board ---------------------------------------------------------------------------


def test_every_dated_task_is_on_a_landscape_page(demo_session, tmp_path, shots):
    path = tmp_path / "timeline.pdf"
    used = render(demo_session, path, label_width=300)
    assert used == page_count(path)
    text = run("pdftotext", "-layout", path, "-")
    flat = " ".join(text.split())
    missing = [t for t in dated_titles(demo_session) if " ".join(t.split()) not in flat]
    assert not missing
    sizes = re.findall(
        r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", run("pdfinfo", "-f", 1, "-l", used, path)
    )
    assert len(sizes) == used
    assert all(round(float(w)) == 842 and round(float(h)) == 595 for w, h in sizes)
    assert pictures(path, shots, "timeline-demo")


def test_the_default_label_column_elides_long_titles_only(demo_session, tmp_path, shots):
    path = tmp_path / "timeline.pdf"
    render(demo_session, path)
    text = " ".join(run("pdftotext", "-layout", path, "-").split())
    short = [t for t in dated_titles(demo_session) if len(t) <= 22]
    assert short and all(t in text for t in short)
    assert "…" in text  # the long ones are elided, not cut or overprinted
    pictures(path, shots, "timeline-default")


def test_the_date_header_and_caption_are_on_every_page(demo_session, tmp_path):
    path = tmp_path / "timeline.pdf"
    used = render(demo_session, path)
    today = demo_session.today()
    for page in range(1, used + 1):
        text = page_text(path, page)
        assert f"part {page} of {used}" in text or (used == 1 and "Timeline ·" in text)
        months = {month_names(date(2000, m, 1)) for m in range(1, 13)}
        assert any(m in text for m in months), text[:400]
        assert "Task" in text and "Owner" in text
    assert used >= 1 and month_names(today) in run("pdftotext", path, "-")


def test_risk_words_and_conflicts_are_written_not_only_coloured(demo_session, tmp_path, shots):
    board = demo_session.board
    today = demo_session.today()
    status = board.ordered_statuses()[1].id  # "To do": committed work, so risks apply
    owner = board.find_person("Haruka Aoki").id

    def task(title, first, last, **more):
        values = {"title": title, "status_id": status, "owner_id": owner, "start": first}
        values |= {"due": last, **more}
        return demo_session.apply(Create("task", tuple(values.items()))).rows[0].entity_id

    before = task("Print the flyers", today, today + timedelta(days=5))
    after = task(
        "Hand out the flyers",
        today + timedelta(days=2),
        today + timedelta(days=6),
        depends_on=(before,),
    )
    launch = task("Launch day", today + timedelta(days=9), today + timedelta(days=9))
    path = tmp_path / "timeline.pdf"
    assert render(demo_session, path, [before, after, launch]) == 1
    text = run("pdftotext", "-layout", path, "-")
    line = next(x for x in text.splitlines() if "Hand out the flyers" in x)
    assert "Conflict" in line and "Dependency" in line  # words beside the bar, not colour only
    assert "Conflict" not in next(x for x in text.splitlines() if "Print the flyers" in x)
    pictures(path, shots, "timeline-conflict")


def test_many_tasks_take_several_pages_and_say_so(demo_session, tmp_path, shots):
    board = demo_session.board
    status = board.ordered_statuses()[1].id
    teams = [t.id for t in board.ordered_teams()] + [None]
    today = demo_session.today()
    commands = [
        Create(
            "task",
            (
                ("title", f"Bulk task {n:03d}"),
                ("status_id", status),
                ("team_id", teams[n % len(teams)]),
                ("start", today + timedelta(days=(n * 3) % 200 - 60)),
                ("due", today + timedelta(days=(n * 3) % 200 - 60 + n % 12)),
                ("progress", n % 100),
            ),
        )
        for n in range(150)
    ]
    demo_session.apply_all(commands)
    path = tmp_path / "many.pdf"
    used = render(demo_session, path, label_width=260)
    assert used > 1 and used == page_count(path)
    text = run("pdftotext", "-layout", path, "-")
    assert all(f"Bulk task {n:03d}" in text for n in range(150))
    assert f"part {used} of {used}" in text
    assert "(continued)" in text  # a team that goes on over a page is named again
    shots_made = pictures(path, shots, "timeline-many")
    assert len(shots_made) == used


def test_a_board_without_dates_still_gets_one_page(store, tmp_path):
    board = store.load()
    session = BoardSession(store, None)
    path = tmp_path / "empty.pdf"
    assert render(session, path, list(board.tasks)) == 1
    assert "No tasks with dates." in run("pdftotext", path, "-")


# -- Japanese -----------------------------------------------------------------------------------


@pytest.fixture
def japanese_locale():
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def ja_session(tmp_path, demo_boards):
    store = BoardStore.open(demo_boards.copy(tmp_path / "ja.renkei", "ja"))
    board = store.load()
    yield BoardSession(store, next(iter(board.people.values())).id)
    store.dispose()


def test_japanese_titles_copy_back_exactly_with_the_font_embedded(
    ja_session, japanese_locale, tmp_path, shots
):
    path = tmp_path / "ja.pdf"
    used = render(ja_session, path, label_width=330)
    text = run("pdftotext", "-layout", path, "-")
    assert not re.search("[\u2e80-\u2fdf\uf900-\ufaff]", text)  # no radical look-alikes
    flat = "".join(text.split())
    missing = [t for t in dated_titles(ja_session) if "".join(t.split()) not in flat]
    assert not missing
    for page in range(1, used + 1):
        assert re.search(r"\d+月", page_text(path, page))
    fonts = run("pdffonts", path).splitlines()[2:]
    # Only the bundled faces, embedded: the Latin one for digits and Latin letters, the
    # Japanese one for the titles.
    bundled = [family.replace(" ", "") for family in FONT_FAMILIES]
    assert fonts and all(any(name in line for name in bundled) for line in fonts)
    assert any(JP_FONT_FAMILY.replace(" ", "") in line for line in fonts)
    # Embedded (emb), with a Unicode map (uni): the text copies back as it was written.
    assert all(re.search(r"\byes\s+(yes|no)\s+yes\s+\d+\s+\d+\s*$", line) for line in fonts)
    pictures(path, shots, "timeline-ja")
