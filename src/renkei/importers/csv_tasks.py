"""A CSV file of tasks → ImportPlan: Jira's CSV export, or any spreadsheet with a header row.

The file is streamed row by row (a 50 MB file is not held as text). Its encoding is found
from its first bytes: UTF-8 with or without a BOM, UTF-16 with a BOM (Excel's "Unicode
text"), else Shift_JIS (cp932, what Japanese Excel writes). Each column maps to a task field;
Jira's headers (English or Japanese) and Renkei's own CSV export are recognised, the rest is
chosen by the user (``--mapping "Column=field"`` or the import dialog). Repeated headers
(Jira writes one ``Labels`` column per label) all feed the same field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from renkei.domain.i18n import QT_TRANSLATE_NOOP, Marked
from renkei.domain.model import Priority
from renkei.importers import fields as f
from renkei.importers.csv_rows import csv_rows, open_csv
from renkei.importers.files import check_size, empty
from renkei.importers.model import (
    START_LEFT_OUT,
    TAGS_CUT,
    ImportedColumn,
    ImportedEvent,
    ImportedPerson,
    ImportedTask,
    ImportPlan,
    ImportProblem,
    Note,
    Place,
    Progress,
    counted,
    listed,
    said,
)

FIELDS = (
    "ignore",
    "key",
    "id",
    "title",
    "description",
    "status",
    "owner",
    "creator",
    "team",
    "project",
    "priority",
    "start",
    "due",
    "created",
    "tags",
    "progress",
    "estimate",
    "archived",
    "comment",
)
_HEADERS: Mapping[str, tuple[str, ...]] = {
    "key": ("key", "source", "sourceid", "issuekey", "externalid", "課題キー", "キー"),
    "id": ("id", "taskid", "rowid", "no", "番号"),
    "title": (
        "title",
        "summary",
        "name",
        "task",
        "subject",
        "要約",
        "タイトル",
        "件名",
        "タスク",
        "タスク名",
    ),
    "description": ("description", "notes", "details", "説明", "詳細", "メモ", "備考"),
    "status": ("status", "state", "column", "list", "ステータス", "状態"),
    "owner": ("owner", "assignee", "assignedto", "person", "担当", "担当者"),
    "creator": ("reporter", "creator", "createdby", "報告者", "作成者"),
    "team": ("team", "チーム"),
    "project": ("project", "projectname", "プロジェクト", "プロジェクト名"),
    "priority": ("priority", "優先度"),
    "start": ("start", "startdate", "customfieldstartdate", "開始", "開始日"),
    "due": ("due", "duedate", "deadline", "期限", "期日", "締切", "締め切り"),
    "created": ("created", "createdat", "作成日", "作成日時"),
    "tags": (
        "tags",
        "tag",
        "labels",
        "label",
        "components",
        "component",
        "ラベル",
        "タグ",
        "コンポーネント",
    ),
    "progress": ("progress", "complete", "percentcomplete", "進捗", "進捗率"),
    "estimate": (
        "estimate",
        "estimatehours",
        "originalestimate",
        "見積",
        "見積もり",
        "初期見積もり",
    ),
    "archived": ("archived", "アーカイブ"),
    "comment": ("comment", "comments", "コメント"),
}
_FIELD_OF = {name: field for field, names in _HEADERS.items() for name in names}
_JIRA_MARKERS = ({"summary", "issuekey"}, {"要約", "課題キー"})


def _some(headers, shown: int = 12) -> str:
    """The first column names, for a message a person reads (a file may have 20,000)."""
    names = [h[:40] for h in list(headers)[:shown]]
    more = len(headers) - shown
    return ", ".join(names) + (f" and {more:,} more" if more > 0 else "")


def _norm(header: str) -> str:
    return "".join(ch for ch in header.casefold() if ch.isalnum())


@dataclass(frozen=True, slots=True)
class CsvPreview:
    """What the mapping step shows: the headers, the first rows, the encoding found, whether
    it is a Jira export, and the proposed mapping (header → field)."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    encoding: str
    delimiter: str
    jira: bool
    mapping: dict[str, str]


def default_mapping(headers: tuple[str, ...] | list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for header in headers:
        if header in found:
            continue
        found[header] = _FIELD_OF.get(_norm(header), "ignore")
    return found


def is_jira(headers) -> bool:
    names = {_norm(h) for h in headers}
    return any(marker <= names for marker in _JIRA_MARKERS)


def preview_csv(path: Path, encoding: str | None = None, rows: int = 20) -> CsvPreview:
    handle, found, delimiter = open_csv(path, encoding)
    with handle:
        lines = csv_rows(handle, delimiter, path.name)
        try:
            _, headers = next(lines)
        except StopIteration:
            raise empty(path.name) from None
        sample = []
        for _, row in lines:
            sample.append(tuple(row))
            if len(sample) >= rows:
                break
    headers = [h.strip() for h in headers]
    return CsvPreview(
        tuple(headers),
        tuple(sample),
        "utf-8" if found == "utf-8-sig" else found,
        delimiter,
        is_jira(headers),
        default_mapping(headers),
    )


def parse_mapping(pairs, headers) -> dict[str, str]:
    """``"Column=field"`` pairs → header → field, checked against the file and FIELDS."""
    found = {}
    by_name = {h.casefold(): h for h in headers}
    for pair in pairs:
        column, sep, target = pair.rpartition("=")
        column, target = column.strip(), target.strip().lower()
        if not sep or not column:
            how = QT_TRANSLATE_NOOP("Import", "%1: write the mapping as 'Column=field'.")
            raise ImportProblem(how, repr(pair))
        if column.casefold() not in by_name:
            raise ImportProblem(
                QT_TRANSLATE_NOOP("Import", "%1 is not a column of the file (columns: %2)."),
                repr(column[:40]),
                _some(headers),
            )
        if target not in FIELDS:
            no_field = QT_TRANSLATE_NOOP("Import", "%1 is not a field; use one of %2.")
            raise ImportProblem(no_field, repr(target), ", ".join(FIELDS))
        found[by_name[column.casefold()]] = target
    return found


def read_csv(
    path: Path,
    mapping: Mapping[str, str] | None = None,
    *,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> ImportPlan:
    """The file's rows as tasks. ``mapping`` (header → field) overrides the proposed one."""
    size = check_size(path)
    handle, _found, delimiter = open_csv(path, encoding)
    with handle:
        lines = csv_rows(handle, delimiter, path.name)
        try:
            _, raw_headers = next(lines)
        except StopIteration:
            raise empty(path.name) from None
        headers = [h.strip() for h in raw_headers]
        jira = is_jira(headers)
        chosen = default_mapping(headers)
        chosen.update(mapping or {})
        targets = [chosen.get(h, "ignore") for h in headers]
        if "title" not in targets:
            raise ImportProblem(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "%1: no column holds the task titles (columns: %2). Map one: --mapping "
                    "'Column=title'.",
                ),
                path.name,
                _some(headers) or said(QT_TRANSLATE_NOOP("Import", "none")),
            )
        reader = _RowReader(path.name, headers, targets, jira)
        for count, (where, row) in enumerate(lines, 1):
            reader.add(where, row)
            if progress is not None and count % 1000 == 0:
                progress(min(handle.buffer.tell(), size), size)  # type: ignore[attr-defined]
        if progress is not None:
            progress(size, size)
    return reader.plan(path.stem)


_PRIORITIES = {
    Priority.URGENT: ("highest", "blocker", "critical", "urgent", "p1", "最高", "緊急", "至急"),
    Priority.HIGH: ("high", "major", "p2", "高", "高い"),
    Priority.NORMAL: ("medium", "normal", "p3", "中", "普通", "標準"),
    Priority.LOW: ("low", "lowest", "minor", "trivial", "p4", "p5", "低", "低い", "最低"),
}
_PRIORITY_OF = {word: p for p, words in _PRIORITIES.items() for word in words}
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_JIRA_DATE = re.compile(
    r"^(\d{1,2})/([A-Za-z]{3})/(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm])?)?$"
)
_NUMERIC_DATE = re.compile(
    r"^(\d{2}|\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?$"
)
_FORMULA = ("=", "+", "-", "@")
# Jira comments the import cannot use, counted: the note and its reasons.
_COMMENT_SKIPPED = QT_TRANSLATE_NOOP("Import", "%1 comment skipped: %2.")
_COMMENTS_SKIPPED = QT_TRANSLATE_NOOP("Import", "%1 comments skipped: %2.")
_NO_DATE = said(
    QT_TRANSLATE_NOOP(
        "Import", "no date before its text (Jira writes 12/Mar/24 10:15 AM;author;text)"
    )
)
_NO_TEXT = said(QT_TRANSLATE_NOOP("Import", "no text"))
_TRUE = {"true", "yes", "y", "1", "x", "はい", "済"}
_FALSE = {"false", "no", "n", "0", "", "いいえ"}


def parse_moment(value: str) -> datetime | None:
    """Jira's ``12/Mar/24 10:15 AM``, ``2024-03-12 10:15``, ``2024/03/12`` … → local
    naive datetime; None when it is not one of these."""
    value = value.strip()
    m = _JIRA_DATE.match(value)
    if m:
        day, month_name, year, hour, minute, half = m.groups()
        month = _MONTHS.get(month_name.lower())
        if month is None:
            return None
        year_n = int(year) + (2000 if len(year) == 2 else 0)
        h = int(hour or 0)
        if half:
            if not 1 <= h <= 12:
                return None
            h = h % 12 + (12 if half.lower() == "pm" else 0)
        try:
            return datetime(year_n, month, int(day), h, int(minute or 0))
        except ValueError:
            return None
    m = _NUMERIC_DATE.match(value)
    if m:
        parts = m.groups()
        year_n = int(parts[0]) + (2000 if len(parts[0]) == 2 else 0)
        try:
            month, day, hour, minute, second = (int(p or 0) for p in parts[1:])
            return datetime(year_n, month, day, hour, minute, second)
        except ValueError:
            return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.astimezone().replace(tzinfo=None) if moment.tzinfo else moment


def _split_tags(cell: str) -> list[str]:
    """One cell may list several tags: "a, b", "a;b", "a、b"."""
    return [t for t in re.split(r"[,;、]", cell) if t.strip()]


class _RowReader:
    def __init__(self, name: str, headers: list[str], targets: list[str], jira: bool):
        self.name = name
        self.headers = headers
        self.targets = targets
        self.jira = jira
        self.tasks: list[ImportedTask] = []
        self.people: dict[str, ImportedPerson] = {}
        self.columns: dict[str, ImportedColumn] = {}
        self.counts: dict[str, int] = {}
        self.warnings: list[Note] = []
        self.skipped: dict[Place, int] = {}  # reason → how many cells it cost
        self.no_key = "key" not in targets and "id" not in targets
        if self.no_key:
            no_key = QT_TRANSLATE_NOOP(
                "Import",
                "No column identifies the rows (an issue key or source id): importing this "
                "file again will add its rows again.",
            )
            self.warnings.append(said(no_key))
        ignored = [h for h, t in zip(headers, targets, strict=True) if t == "ignore" and h]
        if ignored:
            not_imported = QT_TRANSLATE_NOOP("Import", "Columns not imported: %1.")
            self.warnings.append(said(not_imported, listed(list(dict.fromkeys(ignored)))))

    def cell_where(self, line: Place, column: str) -> Marked:
        cell = QT_TRANSLATE_NOOP("Import", "%1, %2, column %3")
        return said(cell, self.name, line, repr(column))

    def add(self, line: Place, row: list[str]) -> None:
        if not any(cell.strip() for cell in row):
            return
        # Renkei's --excel export guards formula-like cells with an apostrophe; undo it.
        row = [c[1:] if c[:1] == "'" and c[1:2] in _FORMULA else c for c in row]
        if len(row) > len(self.headers) and any(c.strip() for c in row[len(self.headers) :]):
            raise ImportProblem(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "%1, %2 has %3 cells but the header has %4: is a comma missing its quotes?",
                ),
                self.name,
                line,
                len(row),
                len(self.headers),
            )
        values: dict[str, list[tuple[str, str]]] = {}
        for header, target, text in zip(self.headers, self.targets, row, strict=False):
            if target != "ignore" and text.strip():
                values.setdefault(target, []).append((header, text))
        where = line
        in_file = said(QT_TRANSLATE_NOOP("Import", "%1, %2"), self.name, where)

        def one(field: str) -> tuple[str, str] | None:
            found = values.get(field)
            return found[0] if found else None

        title_cell = one("title")
        if title_cell is None:
            no_title = QT_TRANSLATE_NOOP("Import", "%1: the title (%2) is empty.")
            raise ImportProblem(no_title, in_file, self.column_of("title"))
        title, rest = f.title_and_rest(title_cell[1], self.cell_where(line, title_cell[0]))
        description = ""
        if (cell := one("description")) is not None:
            description = f.text(
                cell[1].replace("\r\n", "\n"), self.cell_where(line, cell[0]), "the text"
            )
        if rest:
            description = f"{rest}\n\n{description}".strip()
        key = None
        if (cell := one("key") or one("id")) is not None:
            raw = f.text(cell[1].strip(), self.cell_where(line, cell[0]), "the key", 150)
            prefix = "jira" if self.jira else "csv"
            key = raw if ":" in raw else f"{prefix}:{raw}"
        column = None
        if (cell := one("status")) is not None:
            status = f.name(cell[1], self.cell_where(line, cell[0]), "the status")[:40]
            column = status.casefold()
            if column not in self.columns:
                self.columns[column] = ImportedColumn(column, status)
            self.counts[column] = self.counts.get(column, 0) + 1
        owner = self.person(one("owner"), line)
        creator = self.person(one("creator"), line)
        tags, cut = f.tags([t for _, c in values.get("tags", []) for t in _split_tags(c)])
        if cut:
            self.warnings.append(said(TAGS_CUT, where))
        start = self.day(one("start"), line)
        due = self.day(one("due"), line)
        if start is not None and due is not None and start > due:
            self.warnings.append(said(START_LEFT_OUT, where))
            start = None
        created = None
        if (cell := one("created")) is not None:
            created = f.utc_naive(self.moment(cell, line).astimezone())
        events = tuple(self.comments(values.get("comment", []), line))
        self.tasks.append(
            ImportedTask(
                source_id=key,
                title=title,
                column=column,
                description=f.text(description, in_file, "the description"),
                owner=owner,
                creator=creator,
                tags=tags,
                start=start,
                due=due,
                archived=self.flag(one("archived"), line),
                priority=self.priority(one("priority"), line),
                created_at=created,
                team=self.short(one("team"), line),
                project=self.short(one("project"), line),
                progress=self.progress(one("progress"), line),
                estimate_hours=self.estimate(one("estimate"), line),
                events=events,
                where=in_file,
            )
        )

    def column_of(self, field: str) -> str:
        return ", ".join(
            repr(h) for h, t in zip(self.headers, self.targets, strict=True) if t == field
        )

    def short(self, cell, line) -> str | None:
        return None if cell is None else f.name(cell[1], self.cell_where(line, cell[0]), "the name")

    def person(self, cell, line) -> str | None:
        if cell is None:
            return None
        person = f.name(cell[1], self.cell_where(line, cell[0]), "the name")
        key = person.casefold()
        self.people.setdefault(key, ImportedPerson(key, person))
        return key

    def moment(self, cell, line) -> datetime:
        found = parse_moment(cell[1])
        if found is None:
            raise ImportProblem(
                QT_TRANSLATE_NOOP(
                    "Import",
                    "%1: %2 is not a date (write it like 2024-03-12, 2024/03/12 or Jira's "
                    "12/Mar/24 10:15 AM).",
                ),
                self.cell_where(line, cell[0]),
                repr(cell[1][:40]),
            )
        return found

    def day(self, cell, line) -> date | None:
        return None if cell is None else self.moment(cell, line).date()

    def priority(self, cell, line) -> Priority | None:
        if cell is None:
            return None
        found = _PRIORITY_OF.get(cell[1].strip().casefold())
        if found is None:
            unknown = QT_TRANSLATE_NOOP(
                "Import", "%1: priority %2 is not one Renkei knows; left as Normal."
            )
            self.warnings.append(said(unknown, line, repr(cell[1].strip()[:20])))
        return found

    def flag(self, cell, line) -> bool:
        if cell is None:
            return False
        text = cell[1].strip().casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        not_flag = QT_TRANSLATE_NOOP("Import", "%1: %2 is not yes or no.")
        raise ImportProblem(not_flag, self.cell_where(line, cell[0]), repr(cell[1][:20]))

    def number(self, cell, line, what: Marked) -> float | None:
        if cell is None:
            return None
        text = cell[1].strip().rstrip("%").replace(",", "")
        not_number = ImportProblem(
            QT_TRANSLATE_NOOP("Import", "%1: %2 is not %3."),
            self.cell_where(line, cell[0]),
            repr(cell[1][:20]),
            what,
        )
        try:
            value = float(text)
        except ValueError:
            raise not_number from None
        if value != value or value in (float("inf"), float("-inf")):
            raise not_number
        return value

    def progress(self, cell, line) -> int | None:
        value = self.number(cell, line, said(QT_TRANSLATE_NOOP("Import", "a percentage")))
        if value is None:
            return None
        if not 0 <= value <= 100:
            out = QT_TRANSLATE_NOOP("Import", "%1: progress must be 0 to 100.")
            raise ImportProblem(out, self.cell_where(line, cell[0]))
        return round(value)

    def estimate(self, cell, line) -> float | None:
        value = self.number(cell, line, said(QT_TRANSLATE_NOOP("Import", "a number of hours")))
        if value is None:
            return None
        if self.jira:
            value = value / 3600  # Jira exports estimates in seconds
        if not 0 <= value <= 100_000:
            out = QT_TRANSLATE_NOOP("Import", "%1: the estimate is out of range.")
            raise ImportProblem(out, self.cell_where(line, cell[0]))
        return round(value, 2)

    def comments(self, cells, line) -> Iterator[ImportedEvent]:
        """Jira writes each comment as ``12/Mar/24 10:15 AM;author id;text``."""
        for header, cell in cells:
            moment_text, sep, rest = cell.partition(";")
            moment = parse_moment(moment_text) if sep else None
            if moment is None:
                self.skipped[_NO_DATE] = self.skipped.get(_NO_DATE, 0) + 1
                continue
            _author, _sep, body = rest.partition(";")
            body = f.text(body.strip(), self.cell_where(line, header), "the comment")
            if not body:
                self.skipped[_NO_TEXT] = self.skipped.get(_NO_TEXT, 0) + 1
            else:
                yield ImportedEvent(f.utc_naive(moment.astimezone()), None, "comment", None, body)

    def plan(self, name: str) -> ImportPlan:
        columns = tuple(
            ImportedColumn(c.key, c.name, False, self.counts.get(c.key, 0))
            for c in self.columns.values()
        )
        return ImportPlan(
            "Jira CSV" if self.jira else "CSV",
            name,
            columns,
            tuple(self.people.values()),
            tuple(self.tasks),
            tuple(self.warnings[:50]),
            skipped=counted(self.skipped, _COMMENT_SKIPPED, _COMMENTS_SKIPPED),
        )
