"""Keeping the screen awake: the portal, else the ScreenSaver service, else a logged no-op."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gluteapp.gui.player.inhibit import ScreenKeeper
from tests.gui.desktop_session import Lines, fake_desktop, private_bus


@pytest.fixture
def bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.delenv("FLATPAK_ID", raising=False)  # outside a sandbox unless a test says
    with private_bus(tmp_path) as address:
        yield address


@pytest.fixture
def screensaver(bus: str) -> Iterator[Lines]:
    """tests/gui/fake_screensaver.py on the bus: the service desktops had before the portal."""
    service = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("fake_screensaver.py")), bus],
        stdout=subprocess.PIPE, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    lines = Lines(service)
    try:
        lines.expect("ready")
        yield lines
    finally:
        service.terminate()
        service.wait(timeout=10)
        assert service.stdout is not None
        service.stdout.close()


def test_the_portal_keeps_the_screen_awake_and_lets_go(qtbot: QtBot, bus: str) -> None:
    with fake_desktop(bus, "--portal") as (_portal, said):
        keeper = ScreenKeeper(bus_address=bus)
        assert keeper.inhibit("A guided exercise session is running")
        assert keeper.active
        assert keeper.method == "portal"
        assert keeper.last_result == "screen kept awake"
        # The portal's own signature: window, flags as an unsigned integer (8: idle), options.
        assert said.expect("inhibit") == (
            "inhibit sua{sv} 8 A guided exercise session is running")
        keeper.release()
        assert said.expect("close").startswith(
            "close /org/freedesktop/portal/desktop/request/")
        assert not keeper.active
        assert keeper.last_result == "released"


def test_without_a_portal_the_screensaver_service_is_asked(
        qtbot: QtBot, bus: str, screensaver: Lines) -> None:
    keeper = ScreenKeeper(bus_address=bus)
    assert keeper.inhibit("A guided exercise session is running")
    assert keeper.active
    assert keeper.method == "screensaver"
    assert keeper.last_result == "screen kept awake"
    assert screensaver.expect("inhibit") == (
        "inhibit Gluteapp A guided exercise session is running")
    keeper.release()  # leaves the bus, which ends the inhibition on the service's side
    assert not keeper.active
    assert keeper.last_result == "released"


def test_in_a_sandbox_only_the_portal_is_asked(
        qtbot: QtBot, bus: str, screensaver: Lines, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("FLATPAK_ID", "org.gluteapp.gluteapp")
    keeper = ScreenKeeper(bus_address=bus)
    with caplog.at_level("INFO"):
        assert keeper.inhibit("session") is False
    assert not keeper.active
    assert "the desktop portal refused" in keeper.last_result
    assert "the desktop portal refused" in caplog.text
    assert screensaver.so_far() == ["ready"], "a sandbox may not talk to the ScreenSaver service"


def test_without_any_service_it_is_a_logged_no_op(
        qtbot: QtBot, bus: str, caplog: pytest.LogCaptureFixture) -> None:
    keeper = ScreenKeeper(bus_address=bus)
    with caplog.at_level("INFO"):
        assert keeper.inhibit("session") is False
    assert not keeper.active
    assert "no screensaver service" in keeper.last_result
    assert "no screensaver service" in caplog.text
    keeper.release()  # nothing to release; must not raise
