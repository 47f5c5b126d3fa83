"""A due reminder reaches the desktop: the portal (the way out of a sandbox), else the service."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from gluteapp.gui.reminders import ReminderService
from gluteapp.gui.settings import Settings
from tests.gui.desktop_session import fake_desktop, private_bus

MIN = 60.0
SAID = "You have been sitting for 45 minutes. A two-minute standing break?"


@pytest.fixture
def bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.delenv("FLATPAK_ID", raising=False)
    with private_bus(tmp_path) as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        yield address


@pytest.fixture
def due(tmp_path: Path) -> Iterator[ReminderService]:
    """A service with no tray (as in a sandbox, or a desktop without one), made due."""
    now = [1000.0]
    wall = dt.datetime(2026, 11, 23, 9, 0).astimezone()
    service = ReminderService(Settings(tmp_path / "settings.ini"), clock=lambda: now[0],
                              wall_clock=lambda: wall, use_tray=False)
    service.start()
    now[0] += 45 * MIN
    yield service
    service.shutdown()


def test_through_the_portal(bus: str, due: ReminderService) -> None:
    with fake_desktop(bus, "--portal", "--notifications") as (_desktop, said):
        due.check()
        assert due.is_due
        assert said.expect("portal-notify") == (
            f"portal-notify sa{{sv}} reminder Time to stand up | {SAID}")
        assert not any(line.startswith("notify") for line in said.so_far())


def test_outside_a_sandbox_the_notification_service_when_there_is_no_portal(
        bus: str, due: ReminderService) -> None:
    with fake_desktop(bus, "--notifications") as (_desktop, said):
        due.check()
        assert said.expect("notify") == (
            f"notify susssasa{{sv}}i Gluteapp Time to stand up | {SAID}")


def test_in_a_sandbox_only_the_portal(
        bus: str, due: ReminderService, monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("FLATPAK_ID", "org.gluteapp.gluteapp")
    with fake_desktop(bus, "--notifications") as (_desktop, said), caplog.at_level("INFO"):
        due.check()
        assert said.so_far(settle_s=1.5) == ["ready"]
    assert "no desktop notification for the reminder" in caplog.text
