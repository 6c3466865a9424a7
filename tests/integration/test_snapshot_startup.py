"""A kanban snapshot (and the window it paints) loads the dialogs and the standup slides only
when they are opened: their code is no part of the board's start-up."""

from __future__ import annotations

import json
import os
import subprocess
import sys

OPENED_LATER = (
    *("renkei.ui.dialogs.connect", "renkei.ui.dialogs.move_to_server"),
    *("renkei.ui.dialogs.task_editor", "renkei.ui.dialogs.template_editor"),
    *("renkei.ui.dialogs.standup_order", "renkei.ui.standup.window"),
    *("renkei.ui.dialogs.identity", "renkei.ui.dialogs.merge_copies"),
    *("renkei.ui.timeline.tab", "renkei.ui.handoffs.tab", "renkei.ui.dialogs.import_dialog"),
)

PROBE = f"""
import json, sys
from renkei.cli.main import main
sys.argv = ["renkei", *sys.argv[1:]]
code = main()
print(json.dumps({{
    "code": code,
    "window": "renkei.ui.main_window" in sys.modules,
    "loaded": sorted(m for m in sys.modules if m.startswith({OPENED_LATER!r})),
}}))
"""


def test_a_kanban_snapshot_loads_no_dialog_and_no_standup_window(board, tmp_path):
    out = tmp_path / "kanban.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    argv = ["--board", board, "snapshot", "--view", "kanban", str(out)]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["code"] == 0 and out.stat().st_size > 0
    assert result["window"] is True  # the snapshot did build the main window
    assert result["loaded"] == []
