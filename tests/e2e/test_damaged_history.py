"""The real program on a history with a bad value, and on another program's database."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from tests.e2e.conftest import run_app

pytestmark = pytest.mark.slow


def no_traceback(text: str) -> None:
    assert "Traceback" not in text, text
    assert "Logging error" not in text, text


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """Demo history whose latest set's start is not a time and whose one before has a pain of
    "x" (the file passes integrity_check)."""
    data = tmp_path / "data"
    assert run_app("demo-history", "--years", "0.3", data_dir=data).returncode == 0
    with closing(sqlite3.connect(data / "history.db")) as conn:
        last = conn.execute("SELECT max(id) FROM sets").fetchone()[0]
        conn.execute("UPDATE sets SET started_at = 'not a time' WHERE id = ?", (last,))
        conn.execute("PRAGMA ignore_check_constraints = 1")
        conn.execute("UPDATE sets SET pain = 'x' WHERE id = ?", (last - 1,))
        conn.commit()
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    return data


def last_set(data: Path) -> int:
    with closing(sqlite3.connect(data / "history.db")) as conn:
        return int(conn.execute("SELECT max(id) FROM sets").fetchone()[0])


@pytest.mark.parametrize("view", ["history", "plan", "sessions"])
def test_every_area_opens_on_a_history_with_a_bad_value(
    damaged: Path, tmp_path: Path, view: str
) -> None:
    shot = tmp_path / f"{view}.png"
    result = run_app("--screenshot", str(shot), "--view", view, data_dir=damaged)
    no_traceback(result.stderr)
    assert result.returncode == 0, result.stderr  # it used to end in a segmentation fault
    assert shot.stat().st_size > 0
    log = (damaged / "logs" / "gluteapp.log").read_text(encoding="utf-8")
    told = f"sets row {last_set(damaged)}: started_at 'not a time' is not a time (left out)"
    # History opens on its overview, drawn from each session's digest: it reads sets (and
    # finds this one) when its session list is shown.
    assert (told in log) is (view != "history")


def test_export_writes_every_readable_set_and_warns_once(damaged: Path, tmp_path: Path) -> None:
    with closing(sqlite3.connect(damaged / "history.db")) as conn:
        total = conn.execute("SELECT count(*) FROM sets").fetchone()[0]
    target = tmp_path / "sets.csv"
    result = run_app("export", "--csv", str(target), data_dir=damaged)
    no_traceback(result.stderr)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{target}: {total - 1} sets"
    (warning,) = result.stderr.strip().splitlines()
    assert warning.startswith("warning: 2 damaged values in the history (1 row left out): ")
    pain = f"sets row {last_set(damaged) - 1}: pain 'x' is not a count from 0 to 10"
    assert f"{pain} (read without it)" in warning
    assert len(target.read_text(encoding="utf-8").splitlines()) == 1 + total - 1


def test_another_programs_database_is_refused_untouched_by_the_app_and_the_export(
    tmp_path: Path,
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    with closing(sqlite3.connect(data / "history.db")) as conn:
        conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO contacts (name) VALUES ('Ada')")
        conn.commit()
    before = hashlib.sha256((data / "history.db").read_bytes()).hexdigest()

    shot = run_app("--screenshot", str(tmp_path / "shot.png"), data_dir=data)
    export = run_app("export", "--csv", str(tmp_path / "out.csv"), data_dir=data)

    for result in (shot, export):
        no_traceback(result.stderr)
        assert result.returncode == 1
        assert f"{data / 'history.db'} is not a Gluteapp history: it holds the tables " \
               "'contacts'" in result.stderr
    assert hashlib.sha256((data / "history.db").read_bytes()).hexdigest() == before
    assert sorted(p.name for p in data.iterdir() if p.name.startswith("history")) == [
        "history.db"]  # no -wal, -shm, backup or copy moved aside
    assert not (tmp_path / "out.csv").exists()
