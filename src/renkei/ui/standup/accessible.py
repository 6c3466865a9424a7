"""The standup, read aloud: the current slide's sections and items as a screen reader's
children of the window, and the slide announced when it changes or ↓ shows more.

The tree: the window → the slide (a pane named "Marketing, Team 1 of 4, slide 1 of 7") →
its sections (groupings named "Overdue (2)"; on the overview, its rows) → their items (list
items named from their face: "Call Minato Pharma, Late by 3 days, Daiki Sato"). Lines a
long section keeps for a later page are there too, told offscreen; the "mark as held"
button stays the window's own child. Every word is the slide's own (``build_slides``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

from renkei.i18n import arg
from renkei.i18n.history import join_words
from renkei.i18n.words import label_text, paren_text
from renkei.render.slide_face import OVERVIEW, TEAM, Line, Section
from renkei.render.slide_metrics import slide_body
from renkei.render.slide_plan import Placed, plan_team
from renkei.ui.a11y import Key, PaintedAccessible, post

__all__ = ["StandupAccessible", "line_name", "paged", "slide_changed", "slide_words"]

Text = QAccessible.Text
Role = QAccessible.Role
SLIDE = "slide"


def line_name(line: Line) -> str:
    """An item's words as its face shows them: title, the coloured word, the detail."""
    return join_words(part for part in (line.title, line.word, line.detail) if part)


def slide_words(window) -> str:
    """"Marketing, Team 1 of 4, slide 1 of 7": the slide's title and subtitle, and where it
    is in the walk."""
    slide = window.current_slide
    where = arg(
        QCoreApplication.translate("Standup", "slide %1 of %2"),
        window.index + 1,
        window.slide_count,
    )
    return join_words(part for part in (slide.title, slide.subtitle, where) if part)


def _placed(window) -> dict[str, Placed]:
    """The current team slide's sections by key, with the lines this page shows."""
    face = window.face()
    if face.kind != TEAM or not face.sections:
        return {}
    m = window.metrics()
    plan = plan_team(face.sections, slide_body(QRectF(window.rect()), m), m, face.page)
    return {placed.section.key: placed for placed in plan.placed}


def page_words(window) -> str:
    """What ↓ shows now: "Overdue: 4–9 of 23", one part per section that pages."""
    face = window.face()
    parts = []
    for placed in _placed(window).values():
        if not placed.paged:
            continue
        total = str(len(placed.section.lines))
        if placed.end - placed.start == 1:
            shown = arg(face.shown_one, str(placed.start + 1), total)
        else:
            shown = arg(face.shown_range, str(placed.start + 1), str(placed.end), total)
        parts.append(label_text(placed.section.title, shown))
    return join_words(parts) if parts else ""


class StandupAccessible(PaintedAccessible):
    """The standup window's interface (see the module's note for the tree). Keys: "slide";
    ("section", slide key, section key); ("line", slide key, section key, index)."""

    def _slide(self):
        window = self.view
        return window.current_slide if window.slide_count else None

    def _sections(self) -> tuple[Section, ...]:
        slide = self._slide()
        if slide is None:
            return ()
        if slide.kind == OVERVIEW:
            return (self._overview(),)
        return slide.sections

    def _overview(self) -> Section:
        """The overview's table as one section: a line per team, each number with its
        column's heading."""
        face = self.view.face()
        headings = [heading.word for heading in face.headings]
        lines = []
        for row in face.rows:
            parts = [label_text(h, str(v)) for h, v in zip(headings, row.values, strict=False)]
            lines.append(Line(row.team, join_words(parts), row.forecast))
        return Section(OVERVIEW, self._slide().title, tuple(lines))

    def _section(self, key: Key) -> Section | None:
        slide = self._slide()
        if slide is None or key[1] != slide.key:
            return None
        return next((s for s in self._sections() if s.key == key[2]), None)

    # -- the tree -------------------------------------------------------------------------

    def children_of(self, key: Key | None) -> list:
        slide = self._slide()
        if key is None:
            held = self.view.held_button
            return [SLIDE, held] if held.isVisible() else [SLIDE]
        if slide is None:
            return []
        if key == SLIDE:
            return [("section", slide.key, s.key) for s in self._sections()]
        if key[0] == "section":
            section = self._section(key)
            count = len(section.lines) if section is not None else 0
            return [("line", key[1], key[2], index) for index in range(count)]
        return []

    def parent_key(self, key: Key) -> Key | None:
        if key == SLIDE:
            return None
        if key[0] == "section":
            return SLIDE
        return ("section", key[1], key[2])

    def exists(self, key: Key) -> bool:
        if key == SLIDE:
            return self._slide() is not None
        section = self._section(key)
        if section is None:
            return False
        return key[0] == "section" or 0 <= key[3] < len(section.lines)

    # -- what each item says --------------------------------------------------------------

    def text_of(self, key: Key | None, kind) -> str:
        if key is None:
            return self.view.windowTitle() if kind == Text.Name else ""
        if kind != Text.Name:
            return ""
        if key == SLIDE:
            return slide_words(self.view)
        section = self._section(key)
        if section is None:
            return ""
        if key[0] == "section":
            return paren_text(section.title, str(len(section.lines)))
        return line_name(section.lines[key[3]])

    def rect_of(self, key: Key) -> QRectF | None:
        if key == SLIDE:
            return QRectF(self.view.rect())
        placed = _placed(self.view).get(key[2])
        if placed is None:
            return QRectF(self.view.rect()) if key[1] == OVERVIEW else None
        if key[0] == "line" and not placed.start <= key[3] < placed.end:
            return None
        return placed.rect

    def role_of(self, key: Key | None):
        if key is None:
            return Role.Window
        if key == SLIDE:
            return Role.Pane
        return Role.Grouping if key[0] == "section" else Role.ListItem

    def state_of(self, key: Key | None):
        if key is None:
            return self.base_state()
        state = QAccessible.State()
        state.offscreen = self.rect_of(key) is None
        state.readOnly = True
        return state


# -- events: the window calls these ----------------------------------------------------------


def slide_changed(window) -> None:
    """Another slide shows: say which."""
    if window.slide_count:
        _announce(window, slide_words(window))


def paged(window) -> None:
    """↓ or ↑ showed other lines of the slide: say which."""
    words = page_words(window)
    if words:
        _announce(window, words)


def _announce(window, words: str) -> None:
    post(window, QAccessibleAnnouncementEvent(window, words), words)
