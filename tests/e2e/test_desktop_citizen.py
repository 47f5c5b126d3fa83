"""The real program where a desktop expects it: XDG folders, moved-over files, its launcher."""

from __future__ import annotations

import configparser
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from gluteapp.storage import open_history

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "packaging" / "org.gluteapp.gluteapp.desktop"


def xdg_env(home: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen",
            "XDG_DATA_HOME": str(home / "share"), "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"), "XDG_CACHE_HOME": str(home / "cache")}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG layout is Linux's")
def test_the_first_start_moves_an_old_install_over_and_uses_it(tmp_path: Path) -> None:
    old = tmp_path / "share" / "gluteapp"
    (old / "logs").mkdir(parents=True)
    settings = "[first_run]\ndone=true\n\n[ui]\ntheme=dark\n"
    (old / "settings.ini").write_text(settings, encoding="utf-8")
    old_log = "2026-11-01 10:00:00,000 INFO gluteapp: an earlier start\n" * 20
    (old / "logs" / "gluteapp.log").write_text(old_log, encoding="utf-8")
    open_history(old, daily_backup=False).close(backup=False)  # the old install's history
    shot = tmp_path / "shot.png"
    result = subprocess.run(
        [sys.executable, "-m", "gluteapp", "--screenshot", str(shot), "--size", "900x600"],
        env=xdg_env(tmp_path), capture_output=True, text=True, stdin=subprocess.DEVNULL,
        timeout=120)
    assert result.returncode == 0, result.stderr
    moved = tmp_path / "config" / "gluteapp" / "settings.ini"
    assert "theme=dark" in moved.read_text(encoding="utf-8")
    assert "done=true" in moved.read_text(encoding="utf-8")
    assert not (old / "settings.ini").exists()
    log = (tmp_path / "state" / "gluteapp" / "log" / "gluteapp.log").read_text("utf-8")
    assert log.startswith(old_log), "the old log was moved, not started afresh"
    assert f"moved: {old / 'settings.ini'} -> {moved}" in log
    assert not (old / "logs").exists()
    # The moved settings were the ones used: the dark theme.
    image = QImage(str(shot))
    assert image.pixelColor(image.width() - 20, image.height() // 2).lightness() < 90
    assert (old / "history.db").is_file(), "the history stays in the data folder"
    assert not (tmp_path / "config" / "gluteapp" / "history.db").exists()


def test_the_window_names_its_desktop_entry(tmp_path: Path) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    wm_class = entry["Desktop Entry"].get("StartupWMClass")
    assert wm_class, "docks on X11 match the window by StartupWMClass"
    script = textwrap.dedent("""
        import sys
        from PySide6.QtGui import QGuiApplication
        from gluteapp.cli import main
        code = main(sys.argv[1:])
        print(QGuiApplication.desktopFileName(), QGuiApplication.applicationName())
        sys.exit(code)
    """)
    result = subprocess.run(
        [sys.executable, "-c", script, "--data-dir", str(tmp_path / "data"), "--screenshot",
         str(tmp_path / "shot.png")],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True, text=True,
        stdin=subprocess.DEVNULL, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    desktop_file_name, application_name = result.stdout.splitlines()[-1].split()
    # Wayland: the app id is the desktop file's name. X11: Qt's WM_CLASS class is the
    # application name, which StartupWMClass names.
    assert desktop_file_name == DESKTOP.stem
    assert application_name == wm_class
