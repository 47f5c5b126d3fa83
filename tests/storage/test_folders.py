"""A data folder or history file that cannot be written gives a StorageError saying what to do."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from gluteapp.storage import StorageError, open_history
from tests.storage.storage_helpers import FakeClock

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def test_parent_is_a_regular_file(tmp_path: Path, clock: FakeClock) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(StorageError) as refused:
        open_history(blocker / "data", clock=clock)
    message = str(refused.value)
    assert str(blocker / "data") in message
    assert "a file, not a folder" in message
    assert "writable" in message
    assert "different data folder" in message


def test_data_folder_path_is_a_file(tmp_path: Path, clock: FakeClock) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("x")
    with pytest.raises(StorageError, match="cannot save your history in the folder"):
        open_history(blocker, clock=clock)
    assert blocker.read_text() == "x"


def test_history_file_that_is_a_folder(data_dir: Path, clock: FakeClock) -> None:
    (data_dir / "history.db").mkdir(parents=True)
    with pytest.raises(StorageError, match="not a regular file"):
        open_history(data_dir, clock=clock)


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder even this process cannot write to: chmod 0o500, or for root the immutable flag."""
    folder = tmp_path / "ro"
    folder.mkdir()
    if not IS_ROOT:
        folder.chmod(0o500)
        yield folder
        folder.chmod(0o700)
        return
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("running as root without chattr: cannot make a folder read-only for root")
    made = subprocess.run([chattr, "+i", str(folder)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"running as root and chattr +i failed: {made.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run([chattr, "-i", str(folder)], check=True)


def test_read_only_data_folder(read_only_folder: Path, clock: FakeClock) -> None:
    # Prove the folder really refuses writes to this process, so the test cannot pass by accident.
    with pytest.raises(PermissionError):
        (read_only_folder / "probe").write_text("x")
    with pytest.raises(StorageError) as refused:
        open_history(read_only_folder, clock=clock)
    message = str(refused.value)
    assert str(read_only_folder) in message
    assert "read-only" in message
    assert list(read_only_folder.iterdir()) == []


def test_history_file_without_write_permission(data_dir: Path, clock: FakeClock) -> None:
    with open_history(data_dir, clock=clock, daily_backup=False) as store:
        store.close(backup=False)
    db_path = data_dir / "history.db"
    if IS_ROOT:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(db_path)]).returncode != 0:
            pytest.skip("running as root: cannot make a file read-only for root here")
        undo = [chattr, "-i", str(db_path)]
    else:
        db_path.chmod(0o400)
        undo = ["chmod", "600", str(db_path)]
    try:
        with pytest.raises(StorageError) as refused:
            open_history(data_dir, clock=clock)
    finally:
        subprocess.run(undo, check=True)
    assert str(db_path) in str(refused.value)
    assert "Make the file writable" in str(refused.value)
