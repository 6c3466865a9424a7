"""Render a view offscreen to a PNG: README pictures, tests, and looking at what we build."""

from __future__ import annotations

import os
from pathlib import Path

from renkei.app.session import BoardSession
from renkei.files import writable_target, write_atomically

VIEWS = ("kanban", "timeline", "handoffs", "standup")
THEMES = ("light", "dark", "high_contrast")  # never "system": a picture must not depend on it


def snapshot(
    session: BoardSession,
    view: str,
    size: tuple[int, int],
    out: Path,
    theme: str | None = None,
    *,
    slide: int = 1,
    page: int = 1,
) -> None:
    """``theme`` None: the light board and the dark standup slides (the README's). The
    standup: slide ``slide`` (1-based; past the last, the last) after ↓ was pressed
    ``page`` - 1 times."""
    if view not in VIEWS:
        raise ValueError(f"unknown view {view!r} (choose from: {', '.join(VIEWS)})")
    if theme is not None and theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r} (choose from: {', '.join(THEMES)})")
    if not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from renkei.ui.app import create_application
    from renkei.ui.main_window import MainWindow
    from renkei.ui.themes import apply_theme

    app = create_application()
    apply_theme(theme or "light")
    if view == "standup":
        from renkei.ui.standup.picture import render_slide

        last = session.board.last_standup()
        slides = "light" if theme == "light" else "dark"
        since = last.held_at if last else None
        image = render_slide(
            session, max(0, slide - 1), size, theme=slides, since=since, page=max(0, page - 1)
        )
        _save(image, out)
        return
    window = MainWindow(session)
    window.resize(*size)
    # Show the detail pane with something worth reading: the first card at risk.
    for task_id in window.model.task_ids():
        if session.risk(task_id):
            window.board_view.set_current_task(task_id)
            break
    # Laid out as shown but never painted on a screen: grab() below paints it once (with
    # updates on, showing it painted the board first, on 10,000 tasks 80 ms each time).
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.setUpdatesEnabled(False)
    window.show()
    app.processEvents()
    window.board_view.verticalScrollBar().setValue(0)
    if view == "timeline":
        window.tabs.setCurrentWidget(window.timeline_tab)
        app.processEvents()
        window.timeline_tab.view.go_to_today()
    if view == "handoffs":
        # The tab opens on the chain where the team pair that loses the most lost it.
        window.board_view.set_current_task(None)
        window.show_handoffs(None)
        app.processEvents()  # the tab lays itself out once more after it is first shown
    app.processEvents()
    window.setUpdatesEnabled(True)
    _save(window.grab(), out)
    window.close()
    QApplication.processEvents()


def _save(image, out: Path) -> None:
    """Encode in memory, then write under renkei.files' rule (atomically; never over a folder,
    device or read-only file)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    out.parent.mkdir(parents=True, exist_ok=True)
    writable_target(out)  # refuse before encoding a large picture
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # Quality 60 is zlib's level 3: on a board picture, faster than the default and no larger.
    saved = image.save(buffer, "PNG", 60)
    buffer.close()
    if not saved:
        raise OSError(f"could not encode the {out.name} picture as PNG")
    write_atomically(out, bytes(data.data()))
