"""The real program on a full disk: one clear line, never a traceback, no finished set lost.

Needs a small tmpfs (root, as in CI); where mounting is not allowed the in-process tests in
tests/gui/test_disk_full.py cover the same ground with SQLite's own SQLITE_FULL injected.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.conftest import run_app

pytestmark = pytest.mark.slow

# Six one-second holds that run by themselves: the sets complete with nobody at the keys.
SIX_HOLDS = """name = "Six holds"
prepare_s = 1

[[steps]]
exercise = "glute-bridge"
sets = 6
hold_s = 1
rest_s = 1
"""


class Tmpfs:
    def __init__(self, where: Path, size: str) -> None:
        where.mkdir(parents=True)
        self.where = where
        result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                                 str(where)], capture_output=True, check=False)
        if result.returncode != 0:
            pytest.skip("cannot mount a tmpfs here; tests/gui/test_disk_full.py injects "
                        "SQLITE_FULL instead")
        self.filler = where / "filler"

    def fill(self) -> None:
        handle = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            for size in (1 << 20, 1 << 16, 1 << 12, 1 << 8, 1):
                with contextlib.suppress(OSError):  # ENOSPC: full at this chunk size
                    while os.write(handle, b"\0" * size):
                        pass
            assert shutil.disk_usage(self.filler.parent).free < 4096
        finally:
            os.close(handle)

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def unmount(self) -> None:
        subprocess.run(["umount", "-l", str(self.where)], capture_output=True, check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Tmpfs]:
    disk = Tmpfs(tmp_path / "small", "8m")
    yield disk
    disk.unmount()


def no_traceback(stderr: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert "Logging error" not in stderr, stderr


def sets_in(db: Path) -> int:
    """The sets in `db`; 0 while the app has made the file but not yet its tables."""
    with closing(sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True, timeout=5)) as conn:
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sets'").fetchone() is None:
            return 0
        return int(conn.execute("SELECT count(*) FROM sets").fetchone()[0])


def test_a_full_disk_at_start_is_one_clear_line_without_tracebacks(
    small_disk: Tmpfs, tmp_path: Path
) -> None:
    data = small_disk.where / "data"
    assert run_app("demo-history", "--years", "0.2", data_dir=data).returncode == 0
    small_disk.fill()
    result = run_app("--screenshot", str(tmp_path / "shot.png"), "--view", "history",
                     data_dir=data)
    no_traceback(result.stderr)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("gluteapp:")]
    assert lines == [
        f"gluteapp: The history could not be opened: Gluteapp cannot open its history file "
        f"{data / 'history.db'}: the disk holding it is full (disk I/O error). Make room on it, "
        "then start Gluteapp again. Nothing was changed."]
    small_disk.free()
    again = run_app("--screenshot", str(tmp_path / "shot.png"), "--view", "history",
                    data_dir=data)
    assert again.returncode == 0, again.stderr


def test_a_session_on_a_disk_that_fills_quits_without_a_traceback(
    small_disk: Tmpfs, tmp_path: Path
) -> None:
    data = small_disk.where / "data"
    (data / "routines").mkdir(parents=True)
    (data / "routines" / "six.toml").write_text(SIX_HOLDS, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = tmp_path / "out.txt"
    with out.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "gluteapp", "--data-dir", str(data), "--skip-first-run",
             "--routine", "six", "--autostart"],
            stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT, env=env)
    try:
        db = data / "history.db"
        deadline = time.monotonic() + 90
        while not (db.exists() and sets_in(db) >= 2):
            assert process.poll() is None, out.read_text()
            assert time.monotonic() < deadline, "two sets were not saved in time"
            time.sleep(0.05)
        small_disk.fill()  # the disk is full after the second set
        time.sleep(12)  # the other four sets finish, and the session with them
        assert process.poll() is None, out.read_text()
        process.send_signal(signal.SIGINT)  # quit as Ctrl+C does
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    output = out.read_text(encoding="utf-8", errors="replace")
    no_traceback(output)
    assert process.returncode == 128 + signal.SIGINT
    small_disk.free()
    assert sets_in(data / "history.db") >= 2
    with closing(sqlite3.connect(data / "history.db")) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
