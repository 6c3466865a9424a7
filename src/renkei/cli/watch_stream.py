"""`renkei watch`'s output: every revision once, in order, from the Activity rows themselves.

The session keeps the snapshot (whose names the lines use) and the sync loop says when there
is more to read; what is printed never comes from the snapshot's folded rows. One line per
row changed in a revision: a task edited 25 times gives 25 lines, revisions r+1 … r+25."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC
from typing import Any, TextIO

from renkei.app.board_files import ACTIVITY_PAGE
from renkei.app.session import BoardSession
from renkei.cli import output
from renkei.cli.words import Cli, arg
from renkei.domain.i18n import QT_TRANSLATE_NOOP
from renkei.domain.model import ENTITY_COLLECTIONS, Activity, Board


@dataclass(frozen=True, slots=True)
class RowLine:
    """What one row went through in one revision."""

    revision: int
    entity: str
    entity_id: int
    created: bool
    activity: tuple[Activity, ...]  # its Activity rows in that revision, in order
    made_with: dict[str, str | None] | None  # a new row's fields as made (stored text)


class RevisionStream:
    """Prints every revision after ``revision`` up to the session's, each once, in order."""

    def __init__(
        self,
        session: BoardSession,
        as_json: bool,
        count: int | None,
        revision: int,
        out: TextIO | None = None,
        page: int = ACTIVITY_PAGE,
    ):
        self.session = session
        self.as_json = as_json
        self.count = count
        self.revision = revision  # every revision up to this one has been printed
        self.written = 0
        self._out = out
        self._page = page

    @property
    def finished(self) -> bool:
        return self.count is not None and self.written >= self.count

    def catch_up(self) -> None:
        """Print the revisions the session has read since the last call. A lost connection
        raises StorageError with nothing half-printed: the next call starts again after the
        last revision printed in full."""
        upto = self.session.synced_revision
        store = self.session.store
        pending: list[Activity] = []  # the rows of the revision being gathered
        cursor, after_id = self.revision, None
        while self.revision < upto and not self.finished:
            page = store.activity_since(cursor, self._page, after_id=after_id, upto=upto)
            for row in page:
                if pending and row.revision != pending[0].revision:
                    self._print_revision(pending)
                    pending = []
                pending.append(row)
            if len(page) < self._page:  # everything up to ``upto`` is read
                if pending:
                    self._print_revision(pending)
                self.revision = max(self.revision, upto)
                return
            cursor, after_id = page[-1].revision, page[-1].id

    def _print_revision(self, activity: Sequence[Activity]) -> None:
        """All the lines of one revision: read what they need first, then write them."""
        revision = activity[0].revision
        groups: dict[tuple[str, int], list[Activity]] = {}
        for row in activity:
            groups.setdefault((row.entity, row.entity_id), []).append(row)
        created = {key for key, rows in groups.items() if any(r.field == "created" for r in rows)}
        made: dict[tuple[str, int], dict[str, str | None]] = {}
        for entity in {entity for entity, _ in created}:
            ids = [entity_id for kind, entity_id in created if kind == entity]
            for entity_id, values in self.session.store.values_as_of(entity, ids, revision).items():
                made[(entity, entity_id)] = values
        board = self.session.board
        for (entity, entity_id), rows in groups.items():
            is_new = (entity, entity_id) in created
            line = RowLine(
                revision,
                entity,
                entity_id,
                is_new,
                tuple(rows),
                made.get((entity, entity_id), {}) if is_new else None,
            )
            if self.finished:
                break
            self._write(board, line)
        self.revision = revision

    def _write(self, board: Board, line: RowLine) -> None:
        text = output.json_line(line_json(board, line)) if self.as_json else line_text(board, line)
        out = self._out or sys.stdout
        out.write(text + "\n")
        out.flush()
        self.written += 1


def line_fields(board: Board, line: RowLine) -> tuple[dict[str, Any], dict[str, Any]]:
    """(field → new value, field → value before the revision), named and shaped as
    ``history --json`` shows them. A new row lists every field it was made with and no old
    values; history rows an import brought (comments, Trello lists) appear as fields too."""
    new: dict[str, Any] = {}
    old: dict[str, Any] = {}
    for name, text in (line.made_with or {}).items():
        new[output.field_label(name)] = output.stored_value(board, name, text)
    for row in line.activity:
        if row.field == "created":
            continue
        label = output.field_label(row.field)
        new[label] = output.stored_value(board, row.field, row.new)
        if not line.created:
            old.setdefault(label, output.stored_value(board, row.field, row.old))
    return new, old


def line_json(board: Board, line: RowLine) -> dict[str, Any]:
    first = line.activity[0]
    new, old = line_fields(board, line)
    return {
        "revision": line.revision,
        "entity": line.entity,
        "id": line.entity_id,
        "created": line.created,
        "fields": new,
        "old": old,
        "actor": output.name_of(board, "people", first.actor_id),
        "at": output.utc_iso(first.at),
    }


def line_text(board: Board, line: RowLine) -> str:
    """``14:03:12  r141  Haruka Aoki  task 12 “Call Minato Pharma”  due → 2026-12-03``"""
    first = line.activity[0]
    actor = output.name_of(board, "people", first.actor_id) or Cli.tr("(nobody)")
    at = first.at.replace(tzinfo=UTC) if first.at.tzinfo is None else first.at
    head = f"{at.astimezone():%H:%M:%S}  r{line.revision}  {actor}  {_label(board, line)}  "
    if line.created:
        return head + Cli.tr("created")
    new, _ = line_fields(board, line)
    return head + Cli.tr(" · ").join(
        f"{output.field_words(name)} → {output.value_text(value)}" for name, value in new.items()
    )


def _label(board: Board, line: RowLine) -> str:
    """``task 12 “Call Minato Pharma”``: the title it has now, or the one it was made with."""
    collection = ENTITY_COLLECTIONS.get(line.entity)
    row = getattr(board, collection).get(line.entity_id) if collection else None
    title = getattr(row, "title", None) or getattr(row, "name", None)
    if title is None and line.created:
        title = line.activity[0].new
    kind = ROW_WORDS.get(line.entity)
    row_words = arg(Cli.tr(kind), line.entity_id) if kind else f"{line.entity} {line.entity_id}"
    return arg(Cli.tr("%1 “%2”"), row_words, title) if title else row_words


# A row of each kind, as a line names it ("task 12", "タスク12").
ROW_WORDS = {
    "task": QT_TRANSLATE_NOOP("Cli", "task %1"),
    "person": QT_TRANSLATE_NOOP("Cli", "person %1"),
    "team": QT_TRANSLATE_NOOP("Cli", "team %1"),
    "project": QT_TRANSLATE_NOOP("Cli", "project %1"),
    "status": QT_TRANSLATE_NOOP("Cli", "status %1"),
    "handoff": QT_TRANSLATE_NOOP("Cli", "handoff %1"),
    "handoff_template": QT_TRANSLATE_NOOP("Cli", "handoff_template %1"),
    "standup": QT_TRANSLATE_NOOP("Cli", "standup %1"),
}
