"""Keeping the screen awake: a real D-Bus call where the service exists, a logged no-op if not."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gluteapp.gui.player.inhibit import ScreenKeeper


@pytest.fixture
def private_bus(tmp_path: Path) -> Iterator[str]:
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (tools/setup.sh installs it)")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1",
         f"--address=unix:path={tmp_path / 'bus'}"],
        stdout=subprocess.PIPE, text=True)
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    try:
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        daemon.stdout.close()


def test_inhibits_and_releases_over_dbus(qtbot: QtBot, private_bus: str) -> None:
    service = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("fake_screensaver.py")), private_bus],
        stdout=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert service.stdout is not None
    try:
        assert service.stdout.readline().strip() == "ready"
        keeper = ScreenKeeper(bus_address=private_bus)
        assert keeper.inhibit("A guided exercise session is running")
        assert keeper.active and keeper.last_result == "screen kept awake"
        assert service.stdout.readline().strip() == (
            "inhibit Gluteapp A guided exercise session is running")
        keeper.release()  # leaves the bus, which ends the inhibition on the service's side
        assert not keeper.active and keeper.last_result == "released"
    finally:
        service.terminate()
        service.wait(timeout=10)
        service.stdout.close()


def test_without_the_service_it_is_a_logged_no_op(
        qtbot: QtBot, private_bus: str, caplog: pytest.LogCaptureFixture) -> None:
    keeper = ScreenKeeper(bus_address=private_bus)
    with caplog.at_level("INFO"):
        assert keeper.inhibit("session") is False
    assert not keeper.active
    assert "no screensaver service" in keeper.last_result
    assert "no screensaver service" in caplog.text
    keeper.release()  # nothing to release; must not raise
