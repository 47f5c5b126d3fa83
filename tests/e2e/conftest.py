"""Helpers for tests that start the real program as a separate process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def run_app(*args: str, data_dir: Path | None = None, timeout: float = 120,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m gluteapp ARGS` and return the finished process."""
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    command = [sys.executable, "-m", "gluteapp", *args]
    if data_dir is not None:
        command[3:3] = ["--data-dir", str(data_dir)]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, env=full_env,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"
