"""A desktop session for tests: a private D-Bus, an Xvfb screen, stand-in desktop services."""

from __future__ import annotations

import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed (tools/setup.sh installs it)")
    return found


@contextmanager
def private_bus(folder: Path) -> Iterator[str]:
    """A session bus of our own; yields its address."""
    daemon = subprocess.Popen(
        [need("dbus-daemon"), "--session", "--nofork", "--print-address=1",
         f"--address=unix:path={folder / 'bus'}"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert daemon.stdout is not None
    try:
        yield daemon.stdout.readline().strip()
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        daemon.stdout.close()


@contextmanager
def xvfb(width: int, height: int) -> Iterator[str]:
    """A virtual X screen with no window manager (windows sit at 0,0); yields its DISPLAY."""
    read, write = os.pipe()
    server = subprocess.Popen(
        [need("Xvfb"), "-displayfd", str(write), "-screen", "0", f"{width}x{height}x24",
         "-nolisten", "tcp"], pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as numbers:
        display = f":{numbers.readline().strip()}"
    try:
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


class Lines:
    """The output of a child process, line by line, waited for with a deadline."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        self.process = process
        self.seen: list[str] = []
        self._queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, args=(process.stdout,), daemon=True).start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self._queue.put(line.rstrip("\n"))

    def so_far(self, settle_s: float = 0.5) -> list[str]:
        """Every line up to now, after giving one in flight time to arrive (for absences)."""
        time.sleep(settle_s)
        while not self._queue.empty():
            self.seen.append(self._queue.get())
        return self.seen

    def expect(self, prefix: str, timeout_s: float = 30) -> str:
        deadline = time.monotonic() + timeout_s
        while True:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"no line starting {prefix!r}; saw {self.seen}"
            try:
                line = self._queue.get(timeout=remaining)
            except queue.Empty:
                continue
            self.seen.append(line)
            if line.startswith(prefix):
                return line


@contextmanager
def fake_desktop(address: str, *options: str) -> Iterator[tuple[subprocess.Popen[str], Lines]]:
    """tests/gui/fake_desktop.py on the bus, started and ready; stdin takes its commands."""
    service = subprocess.Popen(
        [sys.executable, str(HERE / "fake_desktop.py"), address, *options],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    lines = Lines(service)
    try:
        lines.expect("ready")
        yield service, lines
    finally:
        service.terminate()
        service.wait(timeout=10)
        for stream in (service.stdin, service.stdout):
            if stream is not None:
                stream.close()


def tell(service: subprocess.Popen[str], command: str) -> None:
    assert service.stdin is not None
    service.stdin.write(command + "\n")
    service.stdin.flush()


GRAB = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
QGuiApplication.primaryScreen().grabWindow(0).save(sys.argv[1], "PNG")
"""


def grab_screen(display: str, target: Path) -> Path:
    """The whole X screen as another client sees it, as a PNG."""
    subprocess.run([sys.executable, "-c", GRAB, str(target)], check=True, timeout=60,
                   env={**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
                   stdin=subprocess.DEVNULL)
    return target
