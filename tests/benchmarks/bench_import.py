"""Import and export figures: a Trello board of 5,000 cards with ~30,000 actions, a Jira CSV
of 10,000 rows, the CSV export of 10,000 tasks, re-importing each (nothing changes), and a
~50 MB Trello export (time and peak memory). Prints figures; it is not a test.

    python tests/benchmarks/bench_import.py [--cards 5000] [--rows 10000] [--big-mb 50]

Files are generated in a temporary folder (nothing large is committed).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: importers_data


def timed(label: str, work):
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    print(f"{label:<58} {seconds:7.2f} s")
    return result


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not carried over from
    the parent across exec)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def jira_csv(path: Path, rows: int) -> None:
    from importers_data import JIRA

    with JIRA.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        headers = next(reader)
        samples = list(reader)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    key = headers.index("Issue key")
    summary = headers.index("Summary")
    for n in range(rows):
        row = list(samples[n % len(samples)])
        row[key] = f"BIG-{n + 1}"
        row[summary] = f"{row[summary]} #{n + 1}"
        writer.writerow(row)
    path.write_text(out.getvalue(), encoding="utf-8")


def import_only(path: Path) -> None:
    from renkei.app.session import BoardSession
    from renkei.importers.apply import run_import
    from renkei.importers.trello import read_trello
    from renkei.store.board_store import BoardStore

    before = peak_mb()
    plan = timed("  read (parse + plan)", lambda: read_trello(path))
    store = BoardStore.open(path.with_suffix(".renkei"))
    session = BoardSession(store, None)
    summary = timed("  import into an empty board", lambda: run_import(session, plan))
    print(f"    {summary.text()}")
    store.dispose()
    print(f"  peak memory: {peak_mb():.0f} MB (Python and the modules alone: {before:.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=5000)
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--big-mb", type=int, default=50)
    parser.add_argument("--import-only", metavar="EXPORT.json", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.import_only:
        import_only(Path(args.import_only))
        return

    from importers_data import trello_board, write_json
    from renkei.app.session import BoardSession
    from renkei.export.csv_tasks import export_csv
    from renkei.importers.apply import run_import
    from renkei.importers.csv_tasks import read_csv
    from renkei.importers.trello import read_trello
    from renkei.store.board_store import BoardStore

    folder = Path(tempfile.mkdtemp(prefix="renkei-bench-import-"))
    # A ~50 MB export: the same board with long descriptions and comments.
    data = trello_board(cards=args.cards, actions_per_card=6)
    target = int(args.big_mb * 1024 * 1024 * 0.97)
    pad = max(0, (target - len(json.dumps(data))) // args.cards)
    for card in data["cards"]:
        card["desc"] = ("Notes from the customer call, next steps agreed. " * (pad // 40 + 1))[:pad]
    big = write_json(folder / "big.json", data)
    del data
    print(f"Large Trello export: {big.stat().st_size / 1024 / 1024:.1f} MB")
    # Measured in a process of its own, so the peak is the import's, not the generator's.
    subprocess.run([sys.executable, __file__, "--import-only", str(big)], check=True)
    data = trello_board(cards=args.cards, actions_per_card=6)
    export = write_json(folder / "trello.json", data)
    size = export.stat().st_size / 1024 / 1024
    print(f"Trello export: {args.cards:,} cards, {len(data['actions']):,} actions, {size:.1f} MB")
    del data
    store = BoardStore.open(folder / "trello.renkei")
    session = BoardSession(store, None)
    plan = timed("  read (parse + plan)", lambda: read_trello(export))
    summary = timed(
        "  import into an empty board (one transaction)", lambda: run_import(session, plan)
    )
    print(f"    {summary.text()}")
    again = timed(
        "  re-import the same export (read + match, nothing written)",
        lambda: run_import(session, read_trello(export)),
    )
    print(f"    {again.text()}")
    store.dispose()

    path = folder / "jira.csv"
    jira_csv(path, args.rows)
    print(f"Jira CSV: {args.rows:,} rows, {path.stat().st_size / 1024 / 1024:.1f} MB")
    store = BoardStore.open(folder / "jira.renkei")
    session = BoardSession(store, None)
    plan = timed("  read (streamed)", lambda: read_csv(path))
    summary = timed("  import into an empty board", lambda: run_import(session, plan))
    print(f"    {summary.text()}")
    again = timed("  re-import the same file", lambda: run_import(session, read_csv(path)))
    print(f"    {again.text()}")
    out = folder / "tasks.csv"
    board = session.board
    rows = timed(f"CSV export of {len(board.tasks):,} tasks", lambda: export_csv(board, out))
    print(f"    {rows:,} rows, {out.stat().st_size / 1024 / 1024:.1f} MB")
    excel = timed(
        "CSV export for Excel (BOM, formula guard)", lambda: export_csv(board, out, excel=True)
    )
    assert excel == rows
    store.dispose()

    print(f"(files in {folder})")


if __name__ == "__main__":
    main()
