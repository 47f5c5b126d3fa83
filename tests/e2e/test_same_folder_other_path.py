"""One running copy per data folder, whatever path reaches it: a symlink, or a bind mount."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalServer

from gluteapp.gui.single_instance import server_name
from tests.e2e.conftest import run_app
from tests.e2e.test_single_instance import listening, wait_until

# One long hold: the session is still running when the second copy starts.
LONG_HOLD = """name = "Long hold"
prepare_s = 1

[[steps]]
exercise = "glute-bridge"
sets = 1
hold_s = 600
"""


@pytest.fixture
def bind_mount(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """The data folder, and the same folder bind-mounted at another path."""
    real = tmp_path / "data"
    real.mkdir()
    other = tmp_path / "elsewhere"
    other.mkdir()
    result = subprocess.run(["mount", "--bind", str(real), str(other)], capture_output=True,
                            check=False)
    if result.returncode != 0:
        pytest.skip(f"cannot bind-mount here ({result.stderr.decode().strip()}); the symlink "
                    "test covers the path part")
    yield real, other
    subprocess.run(["umount", "-l", str(other)], capture_output=True, check=False)


def test_a_symlink_and_a_bind_mount_name_the_same_instance(
    tmp_path: Path, bind_mount: tuple[Path, Path]
) -> None:
    real, other = bind_mount
    link = tmp_path / "link"
    link.symlink_to(real)
    assert server_name(link) == server_name(real)
    assert server_name(real / ".." / "data") == server_name(real)
    assert server_name(other) == server_name(real)  # a path string can never see this
    (tmp_path / "another").mkdir()
    assert server_name(tmp_path / "another") != server_name(real)


@pytest.mark.slow
def test_a_second_copy_through_a_bind_mount_hands_over_and_leaves_the_session_running(
    qapp: QCoreApplication, bind_mount: tuple[Path, Path], tmp_path: Path
) -> None:
    real, other = bind_mount
    (real / "routines").mkdir()
    (real / "routines" / "long.toml").write_text(LONG_HOLD, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with (tmp_path / "first.txt").open("wb") as sink:
        first = subprocess.Popen(
            [sys.executable, "-m", "gluteapp", "--data-dir", str(real), "--skip-first-run",
             "--routine", "long", "--autostart"],
            stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT, env=env)
    try:
        wait_until(lambda: listening(server_name(real)), 90, "the first copy to listen")
        wait_until(lambda: statuses(real) == ["running"], 60, "the session to start")

        started = time.monotonic()
        second = run_app("--skip-first-run", data_dir=other, timeout=60)
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stdout
        assert time.monotonic() - started < 60
        assert first.poll() is None
        # The running session was not taken for one cut off by a crash.
        assert statuses(real) == ["running"]
    finally:
        first.kill()
        first.wait(timeout=30)
        QLocalServer.removeServer(server_name(real))


def statuses(data: Path) -> list[str]:
    db = data / "history.db"
    if not db.exists():
        return []
    with closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=5)) as conn:
        try:
            return [str(s) for (s,) in conn.execute("SELECT status FROM sessions ORDER BY id")]
        except sqlite3.OperationalError:
            return []  # the tables are being made
