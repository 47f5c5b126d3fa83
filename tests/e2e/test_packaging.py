"""Packaging: the desktop entry and metainfo validate, the icon, the Flatpak manifest, the bundle.

The PyInstaller bundle is built (into dist/, which git ignores) and run only with
GLUTEAPP_BUNDLE_TEST=1, which tools/test.sh and so CI set: about a minute of build and 250 MB
of disk. GLUTEAPP_BUNDLE_DIR=dist/gluteapp reuses a bundle already built.
"""

from __future__ import annotations

import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version
from PySide6.QtGui import QImage

from gluteapp import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.gluteapp.gluteapp"
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


def test_metainfo_validates_pedantically() -> None:
    result = subprocess.run(
        [_tool("appstreamcli"), "validate", "--pedantic", "--no-net", str(METAINFO)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    issues = [line for line in result.stdout.splitlines() if re.match(r"[EWP]: ", line)]
    # AppStream 0.16 (Debian 12) still calls <developer> unknown, an "I:" note: AppStream 1.0
    # made it the way to name the developer.
    notes = [line for line in result.stdout.splitlines() if line.startswith("I: ")]
    assert issues == []
    assert all(line.endswith("unknown-tag developer") for line in notes), notes


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
    assert not image.isNull()
    assert image.width() == image.height()


def test_the_desktop_entry_names_the_window_class() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    from gluteapp.launch import DESKTOP_FILE_NAME

    assert DESKTOP_FILE_NAME == APP_ID  # Wayland: the app id is the desktop file's name
    assert entry["Desktop Entry"]["StartupWMClass"] == "Gluteapp"  # X11: the application name


def test_flatpak_manifest_names_what_exists() -> None:
    text = FLATPAK.read_text(encoding="utf-8")
    assert re.search(rf"^id: {re.escape(APP_ID)}$", text, re.MULTILINE)
    assert re.search(r"^command: gluteapp$", text, re.MULTILINE)
    for installed in (DESKTOP, METAINFO, ICON):
        assert str(installed.relative_to(ROOT)) in text, installed.name
    # Never a network permission: the app works offline and says so in its metainfo.
    assert "--share=network" not in text
    # The portal keeps the screen awake and notifies; a sandbox needs no bus names for that.
    for name in ("org.freedesktop.ScreenSaver", "org.freedesktop.Notifications"):
        assert f"--talk-name={name}" not in text


def test_flatpak_pyside6_is_the_baseapps_and_allowed() -> None:
    text = FLATPAK.read_text(encoding="utf-8")
    base = re.search(r"^base-version: '([\d.]+)'$", text, re.MULTILINE)
    assert base is not None
    assert re.search(r"^base: io\.qt\.PySide\.BaseApp$", text, re.MULTILINE)
    # The header says why the BaseApp's PySide6 is used instead of the pinned one.
    assert f"PySide6 {base.group(1)}." in text
    allowed = _dependency_ranges()["pyside6"]
    assert Version(f"{base.group(1)}.0") in allowed, f"pyproject.toml refuses {base.group(1)}"


def test_flatpak_builder_accepts_the_manifest(tmp_path: Path) -> None:
    builder = _tool("flatpak-builder")
    # The Python module is generated, as packaging/build_flatpak.sh does before a build; pip
    # reports each wheel's address and checksum (it asks the index for metadata only).
    (tmp_path / "packaging").mkdir()
    manifest = tmp_path / "packaging" / FLATPAK.name
    shutil.copy(FLATPAK, manifest)
    generated = tmp_path / "packaging" / "python3-requirements.json"
    made = subprocess.run(
        [sys.executable, str(PACKAGING / "flatpak_requirements.py"), "--output", str(generated),
         "--python-version", "3.13"], capture_output=True, text=True, timeout=600)
    assert made.returncode == 0, made.stderr[-3000:]
    shown = subprocess.run([builder, "--show-manifest", str(manifest)], cwd=tmp_path,
                           capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0, shown.stderr
    loaded = json.loads(shown.stdout)
    python, app = loaded["modules"]
    assert app["name"] == "gluteapp"
    wheels = {source["url"].rsplit("/", 1)[1].split("-")[0].lower().replace("_", "-")
              for source in python["sources"]}
    assert {"pyqtgraph", "sqlite-utils", "msgspec", "platformdirs", "jeepney",
            "hatchling"} <= wheels
    assert not wheels & {"pyside6", "pyside6-essentials", "shiboken6", "numpy"}, (
        "the BaseApp brings these; a second copy would shadow them")
    assert all(len(source["sha256"]) == 64 for source in python["sources"])
    # The generated module names the package index; no committed file may.
    hosts = {source["url"].split("/")[2] for source in python["sources"]
             if source["url"].startswith(("https://", "http://"))}
    committed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                               text=True, check=True).stdout.split("\0")
    for name in filter(None, committed):
        path = ROOT / name
        if path.suffix in {".png", ".wav", ".ogg", ".qm", ".svg", ".db"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert not [host for host in hosts if host in text], name


def _dependency_ranges() -> dict[str, SpecifierSet]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    ranges = {}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        ranges[canonicalize_name(requirement.name)] = requirement.specifier
    return ranges


def _constraints() -> dict[str, Version]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            pins[canonicalize_name(name)] = Version(version)
    return pins


def test_dependencies_are_ranges_and_the_tested_pins_fit_them() -> None:
    ranges, pins = _dependency_ranges(), _constraints()
    for name, allowed in ranges.items():
        assert not any(spec.operator == "==" for spec in allowed), f"{name} is pinned"
        assert name in pins, f"constraints.txt does not say which {name} is tested"
        assert pins[name] in allowed, f"the tested {name} {pins[name]} is outside {allowed}"
    assert Version("6.12.0") not in ranges["pyside6"], "PySide6 6.12.0 leaks and crashes"
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "6.12.0" in text.split("dependencies = [", 1)[1].split("]", 1)[0].split('"PySide6')[0]


def test_the_environment_runs_the_tested_versions() -> None:
    pins = _constraints()
    for name in (*_dependency_ranges(), "shiboken6", "sqlite-fts4", "click"):
        assert Version(metadata.version(name)) == pins[name], name


def test_the_license_is_the_gpl3_text() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.lstrip().startswith("GNU GENERAL PUBLIC LICENSE")
    assert "Version 3, 29 June 2007" in text
    assert "END OF TERMS AND CONDITIONS" in text
    assert len(text) > 30_000


def test_the_spec_keeps_what_the_app_needs() -> None:
    spec = (PACKAGING / "gluteapp.spec").read_text(encoding="utf-8")
    excluded = set(re.findall(r'"(Qt\w+)"', spec.split("QT_UNUSED = [", 1)[1].split("]", 1)[0]))
    assert {"QtWebEngineCore", "Qt3DCore", "QtCharts", "QtPdf", "QtBluetooth"} <= excluded
    assert not excluded & {"QtMultimedia", "QtTextToSpeech", "QtSvg", "QtDBus", "QtNetwork",
                           "QtPrintSupport", "QtConcurrent", "QtGui", "QtWidgets",
                           "QtOpenGL", "QtOpenGLWidgets"}
    hidden = spec.split("hiddenimports = ", 1)[1].split("]", 1)[0]
    assert '"PySide6.QtOpenGL"' in hidden, "pyqtgraph imports it where PyInstaller cannot see"


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
    """The bundle as a stranger's machine runs it: `env -i`, only the offscreen platform set.

    No PATH, HOME, LANG or PYTHONPATH from this machine: whatever the bundle needs, it carries.
    """
    return subprocess.run(
        ["env", "-i", "QT_QPA_PLATFORM=offscreen", str(bundle / "gluteapp"), *args], cwd=cwd,
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )


@pytest.mark.slow
@needs_bundle
def test_the_bundle_runs_away_from_the_checkout(bundle: Path, tmp_path: Path) -> None:
    version = _run(bundle, "--version", cwd=tmp_path)
    assert version.returncode == 0
    assert version.stdout.strip() == f"gluteapp {__version__}"
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


#: Where the bundle's screenshots are kept for a person to look at (dist/ is not committed).
SCREENSHOTS = ROOT / "dist" / "bundle-screenshots"
#: Every area, and the player in a running session (a screenshot with a routine shows it).
VIEWS = {
    "library": ("--view", "library"),
    "sessions": ("--view", "sessions"),
    "plan": ("--view", "plan"),
    "history": ("--view", "history"),
    "player": ("--routine", "standing-break", "--autostart"),
}


@pytest.fixture(scope="module")
def bundle_data(bundle: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Half a year of history, written by the bundle itself, so History has charts to draw."""
    data = tmp_path_factory.mktemp("bundle") / "data"
    made = _run(bundle, "--data-dir", str(data), "demo-history", "--years", "0.5", cwd=data.parent)
    assert made.returncode == 0, made.stderr
    return data


@pytest.mark.slow
@needs_bundle
@pytest.mark.parametrize("view", list(VIEWS))
def test_the_bundle_shows_every_view_with_a_bare_environment(
        bundle: Path, bundle_data: Path, view: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / f"{view}.png"
    shot.unlink(missing_ok=True)
    result = _run(bundle, "--data-dir", str(bundle_data), "--skip-first-run", "--size",
                  "1280x800", "--screenshot", str(shot), *VIEWS[view], cwd=bundle_data.parent)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "No module named" not in result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 8) for y in range(0, 800, 8)}
    assert len(colours) > 30, f"only {len(colours)} colours: a blank {view}?"
    log = (bundle_data / "logs" / "gluteapp.log").read_text(encoding="utf-8")
    assert "No module named" not in log
    assert " CRITICAL " not in log, "an unhandled exception"
    if view == "history":
        # The charts are pyqtgraph's, which needs QtOpenGL: drawn, not an empty area. The
        # sessions-per-week bars are the highlight colour, in the left half.
        bars = sum(1 for x in range(120, 640, 4) for y in range(200, 420, 4)
                   if image.pixelColor(x, y).saturation() > 120)
        assert bars > 200, "no chart drawn"
    if view == "player":
        assert "audio backend: " in log  # the cue sounds' backend loaded (or said why not)
