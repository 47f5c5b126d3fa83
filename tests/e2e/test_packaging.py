"""Packaging: the desktop entry and metainfo validate, the icon, the Flatpak manifest, the bundle.

The PyInstaller bundle is built (into dist/, which git ignores) and run only with
GLUTEAPP_BUNDLE_TEST=1, which tools/test.sh and so CI set: about a minute of build and 250 MB
of disk. GLUTEAPP_BUNDLE_DIR=dist/gluteapp reuses a bundle already built.
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from gluteapp import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.gluteapp.Gluteapp"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON = PACKAGING / "icons" / f"{APP_ID}.svg"
FLATPAK = PACKAGING / f"{APP_ID}.yml"


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def test_desktop_file_validates() -> None:
    result = subprocess.run([_tool("desktop-file-validate"), str(DESKTOP)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower()


def test_metainfo_validates() -> None:
    result = subprocess.run([_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_entry_and_metainfo_agree() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Icon"] == APP_ID
    assert desktop["Exec"].split()[0] == "gluteapp"
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/binary") == "gluteapp"
    releases = [r.get("version") for r in component.iter("release")]
    assert releases[0] == __version__, "the newest release in the metainfo is this version"


def test_the_hicolor_icon_is_the_app_icon() -> None:
    assert ICON.read_bytes() == (ROOT / "assets" / "icons" / "app.svg").read_bytes()
    image = QImage(str(ICON))  # rendered by Qt's SVG plugin, at its natural size
    assert not image.isNull() and image.width() == image.height()


def test_flatpak_manifest_names_what_exists() -> None:
    text = FLATPAK.read_text(encoding="utf-8")
    assert re.search(rf"^id: {re.escape(APP_ID)}$", text, re.MULTILINE)
    assert re.search(r"^command: gluteapp$", text, re.MULTILINE)
    for installed in (DESKTOP, METAINFO, ICON):
        assert str(installed.relative_to(ROOT)) in text, installed.name
    # Never a network permission: the app works offline and says so in its metainfo.
    assert "--share=network" not in text


def test_the_spec_keeps_what_the_app_needs() -> None:
    spec = (PACKAGING / "gluteapp.spec").read_text(encoding="utf-8")
    excluded = set(re.findall(r'"(Qt\w+)"', spec.split("QT_UNUSED = [", 1)[1].split("]", 1)[0]))
    assert {"QtWebEngineCore", "Qt3DCore", "QtCharts", "QtPdf", "QtBluetooth"} <= excluded
    assert not excluded & {"QtMultimedia", "QtTextToSpeech", "QtSvg", "QtDBus", "QtNetwork",
                           "QtPrintSupport", "QtConcurrent", "QtGui", "QtWidgets"}


# --- the bundle ----------------------------------------------------------------------------------

needs_bundle = pytest.mark.skipif(
    os.environ.get("GLUTEAPP_BUNDLE_TEST") != "1",
    reason="set GLUTEAPP_BUNDLE_TEST=1 to build and run the PyInstaller bundle",
)


@pytest.fixture(scope="module")
def bundle() -> Path:
    given = os.environ.get("GLUTEAPP_BUNDLE_DIR")
    if given:
        return Path(given).resolve()
    dist = ROOT / "dist"
    env = {**os.environ, "DIST": str(dist), "SCREENSHOT": str(dist / "gluteapp-screenshot.png")}
    result = subprocess.run([str(PACKAGING / "build_bundle.sh")], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    built = [line for line in result.stdout.splitlines() if line.startswith("bundle: built in")]
    print(*built)  # "bundle: built in N s, SIZE in DIR", shown by pytest -rP and in CI logs
    return dist / "gluteapp"


def _run(bundle: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "gluteapp"), *args], cwd=cwd, capture_output=True, text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, stdin=subprocess.DEVNULL,
    )


@pytest.mark.slow
@needs_bundle
def test_the_bundle_runs_away_from_the_checkout(bundle: Path, tmp_path: Path) -> None:
    version = _run(bundle, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == f"gluteapp {__version__}"
    exercises = _run(bundle, "exercises", cwd=tmp_path)
    assert exercises.returncode == 0, exercises.stderr
    assert "single-leg-stand" in exercises.stdout  # the data files were bundled and found
    # On a data folder never used before, as a first start would be: no question may wait.
    shot = tmp_path / "shot.png"
    result = _run(bundle, "--screenshot", str(shot), "--data-dir", str(tmp_path / "data"),
                  "--view", "sessions", "--size", "1024x700", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert not image.isNull(), "not a PNG Qt can read"
    assert (image.width(), image.height()) == (1024, 700)
    # A real picture of the window, not a blank or single-colour one.
    colours = {image.pixel(x, y) for x in range(0, 1024, 16) for y in range(0, 700, 14)}
    assert len(colours) > 20, f"only {len(colours)} colours: a blank window?"
    assert (tmp_path / "data" / "history.db").is_file()  # it really used that folder


@pytest.mark.slow
@needs_bundle
def test_the_bundle_carries_what_is_needed_and_not_more(bundle: Path) -> None:
    internal = bundle / "_internal"
    names = {p.name for p in internal.rglob("*") if p.exists()}  # no dangling symlinks
    assert all(p.exists() for p in internal.rglob("*")), "dangling symlinks in the bundle"
    for needed in ("libQt6Multimedia.so.6", "libQt6TextToSpeech.so.6", "libQt6Svg.so.6",
                   "libQt6DBus.so.6", "libQt6Network.so.6", "libqsvgicon.so", "libqsvg.so",
                   "libffmpegmediaplugin.so", "libqxcb.so", "libqoffscreen.so",
                   "exercises.toml", "gluteapp_de.qm", "qtbase_de.qm"):
        assert needed in names, needed
    heavy = re.compile(r"libQt6(WebEngine|3D|Quick3D|Charts|DataVisualization|Pdf|Bluetooth"
                       r"|VirtualKeyboard)")
    assert not sorted(n for n in names if heavy.match(n))
    assert "qtbase_fr.qm" not in names, "Qt's translations only for our languages"
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    size_mb = sum(p.stat().st_size for p in files) / 1e6
    assert size_mb < 320, f"the bundle grew to {size_mb:.0f} MB"
