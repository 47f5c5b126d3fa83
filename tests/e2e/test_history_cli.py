"""The history from outside: demo data, CSV export, and a damaged or newer database at start."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
from pathlib import Path

from tests.e2e.conftest import run_app


def test_demo_history_then_export_every_set(tmp_path: Path) -> None:
    data = tmp_path / "data"
    filled = run_app("demo-history", "--years", "0.5", data_dir=data)
    assert filled.returncode == 0, filled.stderr
    sessions = int(filled.stdout.split(":")[1].split()[0])
    assert 40 <= sessions <= 90  # two to three a week for six months, with gaps
    again = run_app("demo-history", "--years", "0.5", data_dir=data)
    assert again.returncode == 1
    assert "already holds" in again.stderr
    target = tmp_path / "sets.csv"
    exported = run_app("export", "--csv", str(target), data_dir=data)
    assert exported.returncode == 0, exported.stderr
    with target.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with sqlite3.connect(data / "history.db") as db:
        (count,) = db.execute("SELECT count(*) FROM sets").fetchone()
        (session_count,) = db.execute("SELECT count(*) FROM sessions").fetchone()
    assert len(rows) == count > 0
    assert session_count == sessions
    assert exported.stdout.strip() == f"{target}: {count} sets"
    assert {"exercise_id", "side", "achieved_hold_s", "pain", "felt_in",
            "routine_name"} <= rows[0].keys()
    assert rows[0]["started_at"].endswith("+00:00")


def test_a_corrupt_database_is_moved_aside_and_the_app_starts(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    garbage = bytes(range(256)) * 64
    (data / "history.db").write_bytes(garbage)
    result = run_app("--screenshot", str(tmp_path / "shot.png"), "--view", "history",
                     data_dir=data)
    assert result.returncode == 0, result.stderr
    moved = list(data.glob("history.corrupt-*.db"))
    assert len(moved) == 1
    assert moved[0].read_bytes() == garbage
    log = (data / "logs" / "gluteapp.log").read_text(encoding="utf-8")
    assert moved[0].name in log


def test_a_newer_database_is_refused_and_left_untouched(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with sqlite3.connect(data / "history.db") as db:
        db.execute("PRAGMA user_version = 999")
        db.execute("CREATE TABLE future (x)")
    db.close()
    before = hashlib.sha256((data / "history.db").read_bytes()).hexdigest()
    result = run_app("--screenshot", str(tmp_path / "shot.png"), "--view", "history",
                     data_dir=data)
    assert result.returncode == 1
    assert "newer" in result.stderr.lower()
    assert "history.db" in result.stderr
    assert hashlib.sha256((data / "history.db").read_bytes()).hexdigest() == before
    assert not (tmp_path / "shot.png").exists()
