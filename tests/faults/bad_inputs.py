"""A generated corpus of bad input for the `renkei` command line: field values, Trello exports
and CSV files, each mutated one way from a good one. Every case must be refused with one short
line and exit status 1, leaving the board byte-identical (tests/faults/test_bad_input.py)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TRELLO_FIXTURES = (
    "trello_trello2planka_sample-board-export.json",
    "trello_nextcloud-deck_data-trelloJson.json",
)
CSV_FIXTURES = ("generic_tasks.csv", "jira_export.csv")
WRITER = "Kenta Mori"  # a person of the demo board
TASK = "3"  # a task of the demo board

BIG = "x" * 120_000  # an over-long value: the message must not echo it in full


@dataclass(frozen=True)
class Case:
    """One bad input: the arguments after ``renkei --board BOARD`` (``{in}`` is the input
    file), and the input file's bytes when there is one."""

    kind: str  # "cli", "trello" or "csv"
    name: str
    argv: tuple[str, ...]
    data: bytes | None = None
    suffix: str = ""
    # Arguments that only a process can receive (bytes that are not UTF-8).
    raw_argv: tuple[bytes, ...] | None = None
    tags: frozenset[str] = field(default_factory=frozenset)


# -- command-line values ---------------------------------------------------------------------

# Field → values that field must refuse (each also gets the text-wide bad values below).
FIELD_VALUES: dict[str, tuple[str, ...]] = {
    "title": ("", "   ", "x" * 201, BIG),
    "description": ("x" * 20_001, BIG),
    "status": ("", "Nowhere", "\u00a0"),
    "team": ("", "No such team", "   "),
    "owner": ("Nobody Here", "Kenta"),
    "project": ("No such project",),
    "priority": ("", "bogus", "0", "highest!"),
    "start": ("2026-02-30", "tomorrow", "20261203", "2026-13-01", "0000-01-01"),
    "due": ("2026-02-30", "31/12/2026", "yesterday", "2026-12-01T10:00"),
    "progress": ("", "abc", "101", "-1", "50.5", "nan", "inf", "1e999", "1_0"),
    "estimate": ("x", "-1", "100001", "nan", "inf", "-inf", "1e999", "NaN"),
    "tags": ("y" * 41, ",".join(f"t{i}" for i in range(21))),
    "depends_on": (TASK, "99999", "x", "3.5", "-1"),
    "archived": ("", "maybe", "2", "nan"),
    "flag": ("y" * 201, BIG),
}
# Every text field refuses these: control characters (a title no line break or tab either),
# lone surrogates (what Python makes of bytes that are not UTF-8), NUL.
TEXT_FIELDS = ("title", "description", "tags", "flag")
BROKEN_TEXT = (
    ("control-1", "a\x01b"),
    ("escape", "a\x1b[31mred"),
    ("delete", "a\x7fb"),
    ("c1-next-line", "a\x85b"),
    ("nul", "a\x00b"),
    ("surrogate", "a\ud800b"),
    ("undecodable-byte", "a\udcffb"),  # as Python reads the byte 0xff from argv
)
TITLE_ONLY = (("tab", "a\tb"), ("line-break", "a\nb"), ("vertical-tab", "a\x0bb"))
BAD_ASSIGNMENTS = ("colour=red", "=x", "noequals", "title", "progress=1=2", "due==2026-01-01")


def cli_cases() -> list[Case]:
    cases: list[Case] = []
    for name, values in FIELD_VALUES.items():
        for i, value in enumerate(values):
            label = f"task-set-{name}-{i}"
            cases.append(
                Case("cli", label, ("--as", WRITER, "task", "set", TASK, f"{name}={value}"))
            )
    for name in TEXT_FIELDS:
        for label, value in BROKEN_TEXT:
            argv = ("--as", WRITER, "task", "set", TASK, f"{name}={value}")
            cases.append(Case("cli", f"task-set-{name}-{label}", argv))
    for label, value in TITLE_ONLY:
        argv = ("--as", WRITER, "task", "set", TASK, f"title={value}")
        cases.append(Case("cli", f"task-set-title-{label}", argv))
    for i, assignment in enumerate(BAD_ASSIGNMENTS):
        argv = ("--as", WRITER, "task", "set", TASK, "title=Fine", assignment)
        cases.append(Case("cli", f"task-set-assignment-{i}", argv))
    # A field given twice, an unknown task, a write without a name, a name nobody has.
    cases += [
        Case("cli", "task-set-twice", ("--as", WRITER, "task", "set", TASK, "due=", "due=")),
        Case("cli", "task-set-no-task", ("--as", WRITER, "task", "set", "99999", "title=x")),
        Case("cli", "task-set-nobody", ("--as", "Nobody Here", "task", "set", TASK, "title=x")),
        Case("cli", "task-set-as-control", ("--as", "Kenta\x01Mori", "task", "set", TASK, "due=")),
        Case("cli", "task-set-as-surrogate", ("--as", "\udcff", "task", "set", TASK, "due=")),
        Case("cli", "task-set-as-long", ("--as", BIG, "task", "set", TASK, "due=")),
    ]
    add = ("--as", WRITER, "task", "add")
    for label, value in (*BROKEN_TEXT, ("empty", " "), ("long", "x" * 201), ("big", BIG)):
        cases.append(
            Case("cli", f"task-add-title-{label}", (*add, "--title", value, "--team", "Marketing"))
        )
    for label, team in (("empty", ""), ("unknown", "Nowhere"), ("control", "Market\x01ing")):
        cases.append(Case("cli", f"task-add-team-{label}", (*add, "--title", "x", "--team", team)))
    for label, option, value in (
        ("due", "--due", "2026-02-30"),
        ("start-after-due", "--start", "2026-12-31"),
        ("owner", "--owner", "Nobody Here"),
        ("status", "--status", "Nowhere"),
        ("project", "--project", "a\ud800"),
    ):
        argv = (*add, "--title", "x", "--team", "Marketing", option, value)
        if label == "start-after-due":
            argv += ("--due", "2026-01-01")
        cases.append(Case("cli", f"task-add-{label}", argv))
    # Bytes that are not UTF-8, as a terminal passes them: only a process receives them so.
    for name in ("title", "description", "tags", "flag"):
        raw = ("--as", WRITER, "task", "set", TASK)
        cases.append(
            Case(
                "cli",
                f"task-set-{name}-invalid-utf8-bytes",
                (),
                raw_argv=(*(a.encode() for a in raw), f"{name}=a".encode() + b"\xff\xfeb"),
                tags=frozenset({"process"}),
            )
        )
    return cases


# -- board locations -------------------------------------------------------------------------

BAD_LOCATIONS = (
    "mysql://u:p@host/x",
    "mysql+pymysql://u@host/x",
    "sqlite+pysqlite:///{dir}/other.renkei",
    "sqlite:///{dir}/other.renkei",
    "oracle://u@h/x",
    "http://example.com/board",
    "foo://x",
    "postgresql+asyncpg://u@h/x",
    "postgresql+psycopg2://u@h/x",
    "postgres://u@h:notaport/x",
    "postgresql://u@h",
    "x" * 400 + "://y",
    "\x01://y",
    "/dev/null",  # not a board file
    "{dir}",  # a folder
    "{dir}/missing\udcff.renkei",  # no board there (a byte that is not UTF-8 in its name)
)


def location_cases() -> list[Case]:
    return [
        Case("cli", f"board-url-{i}", ("--board-override", url, "tasks"))
        for i, url in enumerate(BAD_LOCATIONS)
    ]


# -- Trello exports --------------------------------------------------------------------------

Mutation = Callable[[dict], object]


def _card(d: dict, key: str, value) -> None:
    d["cards"][0][key] = value


def _first(d: dict, kind: str, key: str, value) -> None:
    for action in d["actions"]:
        if action.get("type") == kind:
            action[key] = value
            return
    raise LookupError(kind)


def _first_data(d: dict, kind: str, key: str, value) -> None:
    for action in d["actions"]:
        if action.get("type") == kind:
            action["data"][key] = value
            return
    raise LookupError(kind)


TRELLO_MUTATIONS: dict[str, Mutation] = {
    "card-name-surrogate": lambda d: _card(d, "name", "a\ud800b"),
    "card-name-control": lambda d: _card(d, "name", "a\x01b"),
    "card-name-escape": lambda d: _card(d, "name", "\x1b[2J"),
    "card-name-nul": lambda d: _card(d, "name", "a\x00b"),
    "card-name-number": lambda d: _card(d, "name", 5),
    "card-name-null": lambda d: _card(d, "name", None),
    "card-name-huge": lambda d: _card(d, "name", BIG),
    "card-desc-control": lambda d: _card(d, "desc", "line\x02"),
    "card-desc-surrogate": lambda d: _card(d, "desc", "\udfff"),
    "card-desc-huge": lambda d: _card(d, "desc", BIG),
    "card-desc-list": lambda d: _card(d, "desc", ["a"]),
    "card-id-number": lambda d: _card(d, "id", 12),
    "card-id-missing": lambda d: d["cards"][0].pop("id"),
    "card-id-control": lambda d: _card(d, "id", "abc\x01"),
    "card-closed-text": lambda d: _card(d, "closed", "yes"),
    "card-due-number": lambda d: _card(d, "due", 5),
    "card-due-text": lambda d: _card(d, "due", "next week"),
    "card-due-invalid-day": lambda d: _card(d, "due", "2024-02-30"),
    "card-start-list": lambda d: _card(d, "start", []),
    "card-labels-text": lambda d: _card(d, "labels", "x"),
    "card-idLabels-numbers": lambda d: _card(d, "idLabels", [1, 2]),
    "card-idMembers-null-and-number": lambda d: _card(d, "idMembers", [None, 5]),
    "card-idMembers-text": lambda d: _card(d, "idMembers", "me"),
    "card-labels-numbers": lambda d: (_card(d, "idLabels", []), _card(d, "labels", [1])),
    "card-label-name-control": lambda d: (
        _card(d, "idLabels", []),
        _card(d, "labels", [{"name": "urgent\x01"}]),
    ),
    "checklist-items-text": lambda d: d["checklists"][0].__setitem__("checkItems", ["a"]),
    "card-idList-number": lambda d: _card(d, "idList", 3),
    "card-not-object": lambda d: d["cards"].insert(0, "card"),
    "card-duplicate": lambda d: d["cards"].append(copy.deepcopy(d["cards"][0])),
    "cards-not-list": lambda d: d.__setitem__("cards", {"a": 1}),
    "lists-missing": lambda d: d.pop("lists"),
    "list-name-control": lambda d: d["lists"][0].__setitem__("name", "To\x07do"),
    "list-name-surrogate": lambda d: d["lists"][0].__setitem__("name", "\ud83d"),
    "list-name-null": lambda d: d["lists"][0].__setitem__("name", None),
    "list-id-missing": lambda d: d["lists"][0].pop("id"),
    "list-closed-number": lambda d: d["lists"][0].__setitem__("closed", 1),
    "list-not-object": lambda d: d["lists"].append(7),
    "member-name-control": lambda d: d["members"][0].__setitem__("fullName", "Ann\x1bBee"),
    "member-name-surrogate": lambda d: d["members"][0].__setitem__("fullName", "\udcff"),
    "member-id-number": lambda d: d["members"][0].__setitem__("id", 1),
    "members-not-list": lambda d: d.__setitem__("members", "x"),
    "actions-not-list": lambda d: d.__setitem__("actions", {}),
    "action-not-object": lambda d: d["actions"].append([]),
    "action-type-missing": lambda d: d["actions"][0].pop("type"),
    "action-type-number": lambda d: d["actions"][0].__setitem__("type", 3),
    "action-date-bad": lambda d: _first(d, "createCard", "date", "yesterday"),
    "action-date-missing": lambda d: d["actions"].__setitem__(
        0, {k: v for k, v in _create_card(d).items() if k != "date"}
    ),
    "action-data-list": lambda d: _first(d, "createCard", "data", [1]),
    "action-card-text": lambda d: _first_data(d, "createCard", "card", "c"),
    "board-name-number": lambda d: d.__setitem__("name", 1),
    "board-name-control": lambda d: d.__setitem__("name", "Board\x03"),
    "root-list": lambda d: [d],
    "root-text": lambda d: "a Trello board",
}


def _create_card(d: dict) -> dict:
    return next(a for a in d["actions"] if a.get("type") == "createCard")


# Mutations of the JSON text itself (what json.dumps cannot write).
TRELLO_TEXT_MUTATIONS: dict[str, Callable[[str], bytes]] = {
    "pos-nan": lambda t: t.replace('"pos": ', '"pos": NaN, "was": ', 1).encode(),
    "pos-infinity": lambda t: t.replace('"pos": ', '"pos": Infinity, "was": ', 1).encode(),
    "pos-minus-infinity": lambda t: t.replace('"pos": ', '"pos": -Infinity, "was": ', 1).encode(),
    "pos-1e999": lambda t: t.replace('"pos": ', '"pos": 1e999, "was": ', 1).encode(),
    "cut-off": lambda t: t[: len(t) // 2].encode(),
    "not-utf8": lambda t: t.replace('"name": "', '"name": "\udcff', 1).encode(
        "utf-8", "surrogateescape"
    ),
    "latin1": lambda t: t.replace('"name": "', '"name": "é', 1).encode("latin-1", "replace"),
    "trailing-garbage": lambda t: (t + "}}").encode(),
    "nested-deep": lambda t: ("[" * 100_000 + "]" * 100_000).encode(),
    "empty": lambda t: b"",
    "blank": lambda t: b" \n\t ",
    "png": lambda t: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "binary-nul": lambda t: b"{\x00\x00\x00",
}


def trello_cases() -> list[Case]:
    cases: list[Case] = []
    for fixture in TRELLO_FIXTURES:
        text = (FIXTURES / fixture).read_text(encoding="utf-8")
        good = json.loads(text)
        short = fixture.split("_")[1]
        for name, mutate in TRELLO_MUTATIONS.items():
            data = copy.deepcopy(good)
            try:
                result = mutate(data)
            except (LookupError, IndexError):
                continue  # this export has nothing to mutate that way
            root = result if isinstance(result, list | str) else data
            raw = json.dumps(root, ensure_ascii=True).encode()
            # A dry run must refuse what the import would refuse; text is what it once missed.
            text_problem = any(w in name for w in ("surrogate", "control", "nul", "escape"))
            for dry in ((), ("--dry-run",)) if text_problem else ((),):
                label = f"{short}-{name}" + ("-dry-run" if dry else "")
                argv = ("--as", WRITER, "import", "trello", *dry, "{in}")
                cases.append(Case("trello", label, argv, raw, ".json"))
        for name, mutate in TRELLO_TEXT_MUTATIONS.items():
            argv = ("--as", WRITER, "import", "trello", "{in}")
            cases.append(Case("trello", f"{short}-{name}", argv, mutate(text), ".json"))
    return cases


# -- CSV files -------------------------------------------------------------------------------


def _cell(rows: list[list[str]], header: str, value: str, row: int = 1) -> list[list[str]]:
    column = rows[0].index(header)
    rows[row][column] = value
    return rows


CSV_CELLS: dict[str, dict[str, tuple[str, str]]] = {
    # fixture → mutation → (header, value)
    "generic_tasks.csv": {
        "title-control": ("タスク名", "電話\x01"),
        "title-escape": ("タスク名", "\x1b[1mbold"),
        "title-empty": ("タスク名", ""),
        "title-huge": ("タスク名", BIG),
        "description-control": ("メモ", "memo\x08"),
        "description-huge": ("メモ", BIG),
        "status-control": ("状態", "未着手\x02"),
        "owner-control": ("担当者", "Haruka\x0cAoki"),
        "team-control": ("チーム", "Inside\x1fSales"),
        "due-bad": ("期限", "2024/02/30"),
        "due-words": ("期限", "来週"),
        "start-bad": ("開始日", "13/13/13"),
        "progress-text": ("進捗", "half"),
        "progress-high": ("進捗", "150%"),
        "progress-nan": ("進捗", "NaN"),
        "progress-inf": ("進捗", "inf"),
        "key-control": ("ID", "T-\x01"),
        "key-huge": ("ID", "k" * 500),
        "tags-control": ("タグ", "lead\x10"),
    },
    "jira_export.csv": {
        "summary-control": ("Summary", "Qualify\x01lead"),
        "summary-delete": ("Summary", "Qualify\x7f"),
        "summary-empty": ("Summary", " "),
        "key-duplicate": ("Issue key", "SALES-102"),
        "created-bad": ("Created", "32/Mar/24 10:15 AM"),
        "due-bad": ("Due date", "12/Foo/24"),
        "estimate-text": ("Original Estimate", "two hours"),
        "estimate-negative": ("Original Estimate", "-7200"),
        "estimate-1e999": ("Original Estimate", "1e999"),
        "estimate-nan": ("Original Estimate", "nan"),
        "description-c1": ("Description", "text\x9b"),
        "assignee-control": ("Assignee", "Haruka\x00Aoki"),
        "comment-control": ("Comment", "13/Mar/24 9:30 AM;5b10;Called\x01twice"),
    },
}

CSV_TEXT_MUTATIONS: dict[str, Callable[[str], bytes]] = {
    "extra-cells": lambda t: t.replace("\n", "\n" + "a," * 40 + "b\n", 1).encode("utf-8"),
    "unclosed-quote": lambda t: (t + '"never closed,\n').encode("utf-8"),
    "no-title-column": lambda t: ",".join(f"c{i}" for i in range(20_000)).encode() + b"\n1,2\n",
    "bytes-not-text": lambda t: t.encode("utf-8").replace(b",", b"\xff\xfe\x00", 3),
    "png": lambda t: b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "zip": lambda t: b"PK\x03\x04" + b"\x00" * 64,
    "empty": lambda t: b"",
    "invalid-utf8-then-sjis": lambda t: t.encode("utf-8") + b"\xff\xff\xff\n",
    "huge-cell": lambda t: (t.splitlines()[0] + "\n" + '"' + "z" * 200_000 + '"\n').encode(),
}
CSV_OPTIONS: dict[str, tuple[str, ...]] = {
    "mapping-unknown-column": ("--mapping", "Nope=title"),
    "mapping-unknown-field": ("--mapping", "{first}=colour"),
    "mapping-malformed": ("--mapping", "no equals sign"),
    "mapping-control": ("--mapping", "{first}\x01=title"),
    "encoding-unknown": ("--encoding", "klingon"),
    "encoding-wrong": ("--encoding", "utf-16"),
    "map-status-unknown": ("--map-status", "Nowhere=Done"),
    "map-status-malformed": ("--map-status", "=Done"),
}


def _csv_bytes(rows: list[list[str]]) -> bytes:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8", "surrogatepass")


def csv_cases() -> list[Case]:
    import csv

    cases: list[Case] = []
    for fixture in CSV_FIXTURES:
        text = (FIXTURES / fixture).read_text(encoding="utf-8-sig")
        rows = list(csv.reader(text.splitlines(keepends=True)))
        short = fixture.removesuffix(".csv")
        for name, (header, value) in CSV_CELLS[fixture].items():
            mutated = _cell(copy.deepcopy(rows), header, value)
            argv = ("--as", WRITER, "import", "csv", "{in}")
            cases.append(Case("csv", f"{short}-{name}", argv, _csv_bytes(mutated), ".csv"))
            if name.endswith("-control"):
                dry = ("--as", WRITER, "import", "csv", "--dry-run", "{in}")
                cases.append(
                    Case("csv", f"{short}-{name}-dry-run", dry, _csv_bytes(mutated), ".csv")
                )
        for name, mutate in CSV_TEXT_MUTATIONS.items():
            argv = ("--as", WRITER, "import", "csv", "{in}")
            cases.append(Case("csv", f"{short}-{name}", argv, mutate(text), ".csv"))
        for name, options in CSV_OPTIONS.items():
            options = tuple(o.replace("{first}", rows[0][0]) for o in options)
            argv = ("--as", WRITER, "import", "csv", *options, "{in}")
            cases.append(Case("csv", f"{short}-{name}", argv, text.encode("utf-8"), ".csv"))
    return cases


def all_cases() -> list[Case]:
    return cli_cases() + location_cases() + trello_cases() + csv_cases()
