"""Where the report's text pages break: between headings, paragraphs and table rows, a
heading never alone at the foot of a page, a table's header again above its rows on the next."""

from __future__ import annotations

from renkei.export.report_text import Slice, Unit, paginate

PAGE = 100.0


def test_what_fits_stays_on_one_page():
    units = [Unit(0, 20), Unit(25, 60), Unit(60, 95)]
    assert paginate(units, PAGE, 95) == [Slice(0, 95)]


def test_a_unit_that_does_not_fit_starts_the_next_page_whole():
    units = [Unit(0, 40), Unit(45, 90), Unit(92, 130), Unit(130, 150)]
    assert paginate(units, PAGE, 150) == [Slice(0, 92), Slice(92, 150)]


def test_a_heading_keeps_room_for_what_follows():
    """A heading ending at 75 with 30 points to keep goes to the next page, not alone."""
    units = [Unit(0, 50), Unit(55, 75, keep=30), Unit(78, 110)]
    assert paginate(units, PAGE, 110) == [Slice(0, 55), Slice(55, 110)]


def test_a_table_header_is_repeated_above_the_rows_of_the_next_page():
    head = (10.0, 20.0)
    units = [
        Unit(0, 8),
        Unit(10, 20, keep=24),
        *(Unit(20 + 20 * n, 40 + 20 * n, header=head) for n in range(8)),  # rows to 180
    ]
    pages = paginate(units, PAGE, 180)
    # Page 1 holds the rows up to 100; page 2 the header again, then the rows from 100 to 180.
    assert pages == [Slice(0, 100), Slice(100, 180, header=head)]
    assert all(p.header_height() + p.bottom - p.top <= PAGE for p in pages)


def test_rows_under_a_repeated_header_leave_it_room():
    head = (0.0, 10.0)
    rows = [Unit(10 + 30 * n, 40 + 30 * n, header=head) for n in range(6)]  # to 190
    pages = paginate([Unit(0, 10, keep=24), *rows], PAGE, 190)
    assert pages == [Slice(0, 100), Slice(100, 190, header=head)]
    # 90 points of rows and 10 of header: the next row (190 to 220) would go on a third page
    assert paginate([Unit(0, 10, keep=24), *rows, Unit(190, 220, header=head)], PAGE, 220) == [
        Slice(0, 100),
        Slice(100, 190, header=head),
        Slice(190, 220, header=head),
    ]


def test_a_unit_taller_than_a_page_is_cut_at_the_page_foot():
    units = [Unit(0, 30), Unit(30, 250)]
    assert paginate(units, PAGE, 250) == [
        Slice(0, 30),
        Slice(30, 130),
        Slice(130, 230),
        Slice(230, 250),
    ]


def test_an_empty_run_is_one_empty_page():
    assert paginate([], PAGE, 0) == [Slice(0, 0)]


def test_decorations_are_found_by_page_in_the_order_they_were_put_in():
    """A page's rules and signs are looked up, not scanned for (a long run has thousands),
    and come back in the order they were put in: the order they were always painted in."""
    from renkei.export.report_text import _ByHeight

    heights = [30.0, 5.0, 12.5, 40.0, 12.5, 0.0, 25.0, 40.0, 18.0]
    placed = _ByHeight([(y, n) for n, y in enumerate(heights)])
    edges = [-1.0, 0.0, 5.0, 12.5, 20.0, 25.0, 40.0, 41.0]
    for top in edges:
        for bottom in edges:
            assert placed.between(top, bottom) == [
                n for n, y in enumerate(heights) if top <= y < bottom
            ]
            assert placed.between(top, bottom, bottom_too=True) == [
                n for n, y in enumerate(heights) if top <= y <= bottom
            ]


def test_a_heading_and_its_lead_in_go_with_a_table_pushed_to_the_next_page():
    """Heading (60–70) and the line under it (70–78) keep with what follows; the table header
    (80–90) keeps its first two rows (to 130), which do not fit: all of them move together,
    nothing is left at the foot of page 1."""
    head = (80.0, 90.0)
    units = [
        Unit(0, 55),
        Unit(60, 70, keep=20),
        Unit(70, 78, keep=20),
        Unit(80, 90, keep=40),
        Unit(90, 110, header=head),
        Unit(110, 130, header=head),
    ]
    assert paginate(units, PAGE, 130) == [Slice(0, 60), Slice(60, 130)]


def test_a_keep_asks_no_more_room_than_is_left_in_the_run():
    """A heading near the end keeps only what follows it: the short line after it."""
    units = [Unit(0, 80), Unit(82, 90, keep=60), Unit(90, 98)]
    assert paginate(units, PAGE, 98) == [Slice(0, 98)]


def test_no_table_row_stands_alone_on_a_page():
    from renkei.export.report_text import _row_keep

    edges = [0.0, 10.0, 30.0, 50.0, 70.0, 90.0]  # a header and four rows
    assert _row_keep(edges, 0, 1) == 40.0  # the header keeps the first two rows
    assert _row_keep(edges, 1, 1) == 20.0  # the first row the second
    assert _row_keep(edges, 2, 1) == 0.0  # a row in the middle may end a page
    assert _row_keep(edges, 3, 1) == 20.0  # the last but one keeps the last
    assert _row_keep(edges, 4, 1) == 0.0  # the last row keeps nothing
    assert _row_keep([0.0, 10.0, 30.0], 0, 1) == 20.0  # one row: the header keeps it


def test_a_long_table_cut_leaves_two_rows_at_least_on_each_page():
    head = (0.0, 10.0)
    edges = [0.0, 10.0] + [10.0 + 20.0 * n for n in range(1, 6)]  # five rows, to 110
    from renkei.export.report_text import _row_keep

    units = [
        Unit(edges[n], edges[n + 1], keep=_row_keep(edges, n, 1), header=None if n == 0 else head)
        for n in range(len(edges) - 1)
    ]
    pages = paginate(units, PAGE, 110)
    # Without the rule, rows 1–4 (to 90) would fill page 1 and row 5 stand alone on page 2.
    assert pages == [Slice(0, 70), Slice(70, 110, header=head)]
