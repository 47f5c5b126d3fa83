"""Restart now: the command `run` uses to start the program again really starts it."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from gluteapp.launch import StartupOptions, relaunch_command

ROUTINE = """
name = "Kept"
prepare_s = 5

[[steps]]
exercise = "glute-bridge"
sets = 1
reps = 8
"""


def test_the_relaunch_command_starts_gluteapp_on_the_same_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    (data / "routines").mkdir(parents=True)
    (data / "routines" / "kept.toml").write_text(ROUTINE, encoding="utf-8")
    command = relaunch_command(StartupOptions(data_dir=data))
    assert command[command.index("--data-dir") + 1] == str(data)
    # The same command with a subcommand added: it is this program, and it reads that folder.
    result = subprocess.run(
        [*command, "routines", "--json"], capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    ids = {row["id"]: row["kind"] for row in json.loads(result.stdout)}
    assert ids["kept"] == "user"
    assert ids["desk-break"] == "built-in"


def test_without_a_data_folder_the_default_one_is_used_again() -> None:
    command = relaunch_command(StartupOptions())
    assert "--data-dir" not in command
    assert command[1:] == ["-m", "gluteapp"]  # tests never run frozen
