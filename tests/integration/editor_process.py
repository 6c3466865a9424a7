"""One colleague's Renkei, as a separate interpreter: the worker the integration tests start.

    python tests/integration/editor_process.py edit TARGET OUT --proc N --actor ID \
        --own TASK --shared TASK,TASK --edits 75 [--seed S]
    python tests/integration/editor_process.py loop TARGET OUT --actor ID --task TASK --stop FILE
    python tests/integration/editor_process.py open TARGET OUT

TARGET is a board file path or a ``postgresql+psycopg://`` URL. The worker imports what it
needs, prints ``ready`` and waits for one line on stdin, so the test can start every worker
at the same moment. Every outcome is appended to OUT as one JSON line, flushed at once:

    {"outcome": "applied",  "token": ..., "task": ..., "revision": ...}
    {"outcome": "conflict", "token": ..., "task": ...}    (nothing written; re-based, retried)
    {"outcome": "failed",   "token": ..., "task": ..., "error": ...}
    {"outcome": "gave_up",  "token": ..., "task": ...}    (still conflicting after retries)
    {"outcome": "opened",   "created": ..., "revision": ..., "statuses": ...}

Every edit is a read-modify-write through a BoardSession: take the task from the session's
snapshot, ``set_task(task, ...)`` with the snapshot as base, ``session.apply``. Each attempt
carries a token of its own, so the test can find exactly which attempts reached the board.

The second half of this module is the tests' side: set up a board for the workers, start them
together, read their outcomes, and check the board against them.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections import Counter, defaultdict
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from renkei.app.session import BoardSession
from renkei.domain.commands import ConflictError, Create, set_task
from renkei.store.board_store import BoardStore

MAX_ATTEMPTS = 40  # conflicts on one edit before the worker reports it gave up


class Outcomes:
    def __init__(self, path: str):
        self._file = open(path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()

    def write(self, **record) -> None:
        record["t"] = time.time()  # when it was known: right after apply returned
        self._file.write(json.dumps(record) + "\n")
        self._file.flush()

    def close(self) -> None:
        self._file.close()


def wait_for_go() -> None:
    print("ready", flush=True)
    sys.stdin.readline()


def append_token(description: str, token: str) -> str:
    return f"{description} {token}".strip()


def edit(args, out: Outcomes) -> int:
    """``--edits`` edits, each appending a unique token to a task's description: the shared
    tasks are edited by every worker (contended), ``--own`` by this worker alone."""
    rng = random.Random(args.seed * 1000 + args.proc)
    store = BoardStore.open(args.target, create=False)
    session = BoardSession(store, args.actor)
    shared = [int(t) for t in args.shared.split(",") if t]
    wait_for_go()
    for number in range(args.edits):
        task_id = rng.choice(shared) if shared and rng.random() < 0.6 else args.own
        # Half the time edit from whatever the session last saw: stale snapshots make conflicts.
        if rng.random() < 0.5:
            session.pull()
        # A person reads before they edit: the others' saves land in between (without it, one
        # worker that keeps getting the board's lock can make all its edits before the rest).
        time.sleep(rng.uniform(0.0, 0.01))
        for attempt in range(MAX_ATTEMPTS):
            token = f"p{args.proc}e{number}a{attempt}"
            task = session.board.tasks[task_id]
            command = set_task(task, description=append_token(task.description, token))
            try:
                change = session.apply(command, "edit")
            except ConflictError:
                out.write(outcome="conflict", token=token, task=task_id)
                session.pull()  # re-base on what the other person wrote
                continue
            except Exception as error:  # every failure is reported, none hidden
                out.write(outcome="failed", token=token, task=task_id, error=repr(error))
                session.pull()
                continue
            out.write(outcome="applied", token=token, task=task_id, revision=change.revision)
            break
        else:
            out.write(outcome="gave_up", token=token, task=task_id)
    store.dispose()
    return 0


def loop(args, out: Outcomes) -> int:
    """Retitle one task with a fresh token, again and again, until the stop file appears;
    keeps going through server outages (each failed attempt is reported)."""
    store = BoardStore.open(args.target, create=False)
    session = BoardSession(store, args.actor)
    wait_for_go()
    stop = Path(args.stop)
    number = 0
    while not stop.exists():
        token = f"L{number}"
        number += 1
        try:
            task = session.board.tasks[args.task]
            change = session.apply(set_task(task, title=token), "retitle")
        except ConflictError:
            out.write(outcome="conflict", token=token, task=args.task)
        except Exception as error:  # the server is away: report it and go on
            out.write(outcome="failed", token=token, task=args.task, error=repr(error))
        else:
            out.write(outcome="applied", token=token, task=args.task, revision=change.revision)
            time.sleep(args.pause)  # pacing, not synchronisation: a human-ish edit rate
            continue
        # After a failure the snapshot may be behind (or the server down): catch up, pacing
        # the attempts so an outage does not become a busy loop.
        time.sleep(0.05)
        with suppress(Exception):  # still away: the next attempt reports it
            session.pull()
    store.dispose()
    return 0


def open_board(args, out: Outcomes) -> int:
    """Open (and so create and migrate) a board, all workers at the same moment."""
    wait_for_go()
    store = BoardStore.open(args.target)
    board = store.load()
    out.write(
        outcome="opened",
        created=store.created,
        revision=board.revision,
        statuses=len(board.statuses),
    )
    store.dispose()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("edit", "loop", "open"))
    parser.add_argument("target")
    parser.add_argument("out")
    parser.add_argument("--proc", type=int, default=0)
    parser.add_argument("--actor", type=int)
    parser.add_argument("--own", type=int)
    parser.add_argument("--shared", default="")
    parser.add_argument("--edits", type=int, default=75)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--task", type=int)
    parser.add_argument("--stop", default="")
    parser.add_argument("--pause", type=float, default=0.0)
    args = parser.parse_args(argv)
    out = Outcomes(args.out)
    try:
        return {"edit": edit, "loop": loop, "open": open_board}[args.mode](args, out)
    finally:
        out.close()


# -- the tests' side ---------------------------------------------------------------------------

WORKER = Path(__file__).resolve()
START_TIMEOUT = 60.0


@dataclass
class EditBoard:
    """The board the edit workers share: one person per worker, tasks everyone edits, and one
    task per worker that only that worker edits."""

    target: str
    actors: list[int]
    shared: list[int]
    own: list[int]
    setup_revision: int  # write transactions made before the workers started


def prepare_edit_board(target: str, workers: int, shared: int = 2) -> EditBoard:
    store = BoardStore.open(target)
    try:
        todo = store.load().find_status("To do").id
        people = store.apply_all(
            [Create("person", (("name", f"Editor {n}"),)) for n in range(workers)], None
        )
        actors = [rc.entity_id for rc in people.rows]
        tasks = store.apply_all(
            [
                Create("task", (("title", f"Task {n}"), ("status_id", todo)))
                for n in range(shared + workers)
            ],
            None,
        )
        ids = [rc.entity_id for rc in tasks.rows]
        return EditBoard(target, actors, ids[:shared], ids[shared:], store.revision())
    finally:
        store.dispose()


class Workers:
    """Worker processes started together: each is ready (imported, board open) before any is
    told to go, so their edits really overlap."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.procs: list[subprocess.Popen] = []
        self.outputs: list[Path] = []
        self._errors: list = []

    def start(self, mode: str, target: str, *options: str) -> Path:
        number = len(self.procs)
        out = self.folder / f"worker{number}.jsonl"
        err = open(self.folder / f"worker{number}.err", "w")  # noqa: SIM115 - closed in close()
        self._errors.append(err)
        proc = subprocess.Popen(
            [sys.executable, str(WORKER), mode, target, str(out), *options],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=err,
            text=True,
        )
        self.procs.append(proc)
        self.outputs.append(out)
        return out

    def stderr(self, number: int) -> str:
        self._errors[number].flush()
        return (self.folder / f"worker{number}.err").read_text()

    def go(self) -> None:
        """Wait until every worker says ``ready``, then release them all at once."""
        for number, proc in enumerate(self.procs):
            line = proc.stdout.readline()
            if line.strip() != "ready":
                proc.wait(timeout=START_TIMEOUT)
                raise RuntimeError(f"worker {number} did not start:\n{self.stderr(number)}")
        for proc in self.procs:
            proc.stdin.write("go\n")
            proc.stdin.close()

    def wait(self, timeout: float) -> None:
        """Every worker ends, successfully, within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        for number, proc in enumerate(self.procs):
            code = proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            if code != 0:
                raise RuntimeError(f"worker {number} exited with {code}:\n{self.stderr(number)}")

    def outcomes(self, number: int | None = None) -> list[dict]:
        paths = self.outputs if number is None else [self.outputs[number]]
        found = []
        for worker, path in enumerate(paths):
            if not path.exists():
                continue
            for line in path.read_text().splitlines():
                if line.endswith("}"):  # a line still being written is read next time
                    found.append(dict(json.loads(line), worker=worker))
        return found

    def close(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            for stream in (proc.stdin, proc.stdout):
                if stream is not None and not stream.closed:
                    stream.close()
        for err in self._errors:
            err.close()


def run_edit_workers(folder: Path, board: EditBoard, edits: int, timeout: float) -> list[dict]:
    """Every worker makes ``edits`` edits at once; their outcomes, in no particular order."""
    workers = Workers(folder)
    try:
        for number, (actor, own) in enumerate(zip(board.actors, board.own, strict=True)):
            workers.start(
                "edit",
                board.target,
                f"--proc={number}",
                f"--actor={actor}",
                f"--own={own}",
                f"--shared={','.join(map(str, board.shared))}",
                f"--edits={edits}",
            )
        workers.go()
        workers.wait(timeout)
        return workers.outcomes()
    finally:
        workers.close()


def introduced_tokens(old: str | None, new: str | None) -> list[str]:
    """The tokens one description change added."""
    before = set((old or "").split())
    return [token for token in (new or "").split() if token not in before]


def check_edit_board(board: EditBoard, outcomes: list[dict], workers: int, edits: int) -> dict:
    """The board holds exactly what the workers said they did: every applied edit once, at the
    revision they were told, by the right person; no conflict written; no lost update; one
    revision per write transaction, contiguous. Returns counts for the test to report."""
    store = BoardStore.open(board.target, create=False)
    try:
        final = store.load()
        activity = store.history()
    finally:
        store.dispose()
    by_kind = Counter(o["outcome"] for o in outcomes)
    applied = {o["token"]: o for o in outcomes if o["outcome"] == "applied"}
    refused = {o["token"]: o for o in outcomes if o["outcome"] != "applied"}
    assert by_kind["failed"] == 0, [o for o in outcomes if o["outcome"] == "failed"][:3]
    assert by_kind["gave_up"] == 0, [o for o in outcomes if o["outcome"] == "gave_up"][:3]
    assert len(applied) == by_kind["applied"], "a token was reported applied twice"
    # Every edit of every worker ended applied (conflicts were retried on a fresh base).
    finished = Counter(o["worker"] for o in applied.values())
    assert finished == dict.fromkeys(range(workers), edits), finished

    # The audit trail: which tokens each description change added.
    tasks = set(board.shared) | set(board.own)
    written: Counter[str] = Counter()
    for row in activity:
        if row.entity != "task" or row.entity_id not in tasks or row.field != "description":
            continue
        for token in introduced_tokens(row.old, row.new):
            written[token] += 1
            reported = applied.get(token)
            assert reported is not None, f"{token} is on the board but was not reported applied"
            assert row.revision == reported["revision"], (token, row.revision, reported)
            assert row.entity_id == reported["task"], (token, row.entity_id, reported)
            assert row.actor_id == board.actors[reported["worker"]], (token, row.actor_id)
    doubled = sorted(t for t, n in written.items() if n > 1)
    lost = sorted(set(applied) - set(written))
    leaked = sorted(set(refused) & set(written))
    assert not doubled, f"written more than once: {doubled[:10]}"
    assert not lost, f"reported applied, missing from Activity: {lost[:10]}"
    assert not leaked, f"reported as conflicts, yet written: {leaked[:10]}"

    # No lost update: each description is its applied tokens in revision order.
    per_task: dict[int, list[dict]] = defaultdict(list)
    for o in applied.values():
        per_task[o["task"]].append(o)
    for task_id in tasks:
        expected = [o["token"] for o in sorted(per_task[task_id], key=lambda o: o["revision"])]
        assert final.tasks[task_id].description.split() == expected, f"task {task_id}"

    # One revision per write transaction, each used once, none skipped.
    revisions = sorted(o["revision"] for o in applied.values())
    assert len(set(revisions)) == len(revisions), "two edits were given the same revision"
    assert final.revision == board.setup_revision + len(applied)
    assert revisions == list(range(board.setup_revision + 1, final.revision + 1))
    assert sorted({row.revision for row in activity}) == list(range(1, final.revision + 1))
    return {"applied": len(applied), "conflicts": by_kind["conflict"], "revision": final.revision}


if __name__ == "__main__":
    sys.exit(main())
