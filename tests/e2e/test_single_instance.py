"""One running copy per data folder: a second start hands over, a killed copy's socket is reused."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from gluteapp.gui.single_instance import server_name
from tests.e2e.conftest import run_app

pytestmark = pytest.mark.slow

HANDED_OVER = "another start asked this copy to come to the front"
START_TIMEOUT_S = 90.0


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"gave up after {timeout_s:.0f} s waiting for {what}")


def listening(name: str) -> bool:
    """Connect and leave without a word: the server logs nothing for that."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(300):
        return False
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(300)
    return True


class Instances:
    """Starts `python -m gluteapp` processes on one data folder, and kills them all after."""

    def __init__(self, data_dir: Path, out_dir: Path) -> None:
        self.data_dir = data_dir
        self.out_dir = out_dir
        data_dir.mkdir(parents=True, exist_ok=True)  # named by the folder itself, once it exists
        self.name = server_name(data_dir)
        self.processes: list[subprocess.Popen[bytes]] = []
        self.log = data_dir / "logs" / "gluteapp.log"

    def start(self) -> subprocess.Popen[bytes]:
        out = self.out_dir / f"instance-{len(self.processes)}.txt"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        with out.open("wb") as sink:
            process = subprocess.Popen(
                [sys.executable, "-m", "gluteapp", "--skip-first-run",
                 "--data-dir", str(self.data_dir)],
                stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT, env=env,
            )
        self.processes.append(process)
        return process

    def wait_listening(self, process: subprocess.Popen[bytes]) -> None:
        def ready() -> bool:
            if process.poll() is not None:
                output = (self.out_dir / f"instance-{self.processes.index(process)}.txt")
                pytest.fail(f"the app exited with {process.returncode}: {output.read_text()}")
            return listening(self.name)

        wait_until(ready, START_TIMEOUT_S, "the app to listen for a second start")

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8") if self.log.exists() else ""

    def kill_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=30)
        QLocalServer.removeServer(self.name)  # leave no socket behind in the temp folder


@pytest.fixture
def instances(qapp: QCoreApplication, tmp_path: Path) -> Iterator[Instances]:
    running = Instances(tmp_path / "data", tmp_path)
    yield running
    running.kill_all()


def test_second_start_hands_over_and_a_killed_copy_is_replaced(instances: Instances) -> None:
    first = instances.start()
    instances.wait_listening(first)

    started = time.monotonic()
    second = run_app("--skip-first-run", data_dir=instances.data_dir, timeout=60)
    elapsed_s = time.monotonic() - started
    assert second.returncode == 0, second.stderr
    assert "already running" in second.stdout
    assert elapsed_s < 30, f"the second start took {elapsed_s:.1f} s to hand over"
    wait_until(lambda: HANDED_OVER in instances.log_text(), 20, "the first copy to log it")
    assert first.poll() is None, "the first copy keeps running"
    assert instances.log_text().count(HANDED_OVER) == 1

    # A crash: SIGKILL leaves the socket file behind, with nobody listening on it.
    first.kill()
    first.wait(timeout=30)
    socket_file = Path(tempfile.gettempdir()) / instances.name
    assert socket_file.exists(), "the killed copy should have left its socket behind"
    assert not listening(instances.name)
    stale_inode = socket_file.stat().st_ino

    third = instances.start()
    instances.wait_listening(third)
    assert third.poll() is None
    # The stale file was replaced by a live socket. (With UserAccessOption, Qt binds in a
    # private folder and renames over the old path, so listen() itself succeeds and the
    # removeServer() fallback in InstanceServer.listen is only needed without that option.)
    assert socket_file.stat().st_ino != stale_inode

    # And the recovered copy hands over like the first did.
    fourth = run_app("--skip-first-run", data_dir=instances.data_dir, timeout=60)
    assert fourth.returncode == 0
    assert "already running" in fourth.stdout
    wait_until(lambda: instances.log_text().count(HANDED_OVER) == 2, 20, "the third to log it")


def test_screenshots_do_not_take_the_lock(instances: Instances, tmp_path: Path) -> None:
    first = instances.start()
    instances.wait_listening(first)
    shot = tmp_path / "shot.png"
    result = run_app("--skip-first-run", "--screenshot", str(shot),
                     data_dir=instances.data_dir, timeout=120)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 0
    assert "already running" not in result.stdout
    assert HANDED_OVER not in instances.log_text()
