"""Light and dark palettes: readable, applied live, following the desktop when asked to."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from gluteapp.gui import resources
from gluteapp.gui.main_window import Area, MainWindow
from gluteapp.gui.settings import THEME, Settings
from gluteapp.gui.style import GluteappStyle
from gluteapp.gui.theme import (
    DARK,
    LIGHT,
    apply_theme,
    build_palette,
    current_choice,
    follow_theme_setting,
    is_dark,
    resolve,
)
from gluteapp.storage.export import fill_demo_history
from tests.gui.conftest import StartApp, settle
from tests.gui.desktop_session import fake_desktop, grab_screen, private_bus, tell, xvfb

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    """The test application, handed back in the system theme whatever a test chose."""
    platform_style = qapp.style().name()
    platform_window = qapp.palette().color(Role.Window)
    yield qapp
    apply_theme(qapp, "system")
    assert qapp.style().name() == platform_style
    assert qapp.palette().color(Role.Window) == platform_window


# WCAG: 7:1 for body text (AAA), 4.5:1 for highlighted text and links, 3:1 for hints that
# always sit beside a control's own label.
PAIRS = [
    (Role.WindowText, Role.Window, 7.0),
    (Role.Text, Role.Base, 7.0),
    (Role.Text, Role.AlternateBase, 7.0),
    (Role.ButtonText, Role.Button, 7.0),
    (Role.ToolTipText, Role.ToolTipBase, 7.0),
    (Role.HighlightedText, Role.Highlight, 4.5),
    (Role.Link, Role.Base, 4.5),
    (Role.LinkVisited, Role.Base, 4.5),
    (Role.PlaceholderText, Role.Base, 4.5),
    (Role.PlaceholderText, Role.Window, 4.5),
]


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize(("text", "background", "minimum"), PAIRS)
def test_palettes_are_readable(
    colours: dict[QPalette.ColorRole, tuple[str, str]], text: Role, background: Role,
    minimum: float,
) -> None:
    palette = build_palette(colours)
    ratio = contrast(palette.color(Group.Active, text), palette.color(Group.Active, background))
    assert ratio >= minimum, f"{text.name} on {background.name}: {ratio:.2f}:1"


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_disabled_text_is_dimmer_but_still_visible(
    colours: dict[QPalette.ColorRole, tuple[str, str]],
) -> None:
    palette = build_palette(colours)
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        enabled = contrast(
            palette.color(Group.Active, role), palette.color(Group.Active, Role.Window)
        )
        disabled = contrast(
            palette.color(Group.Disabled, role), palette.color(Group.Disabled, Role.Window)
        )
        assert 1.8 <= disabled < enabled, role.name


def test_dark_and_light_are_applied_live(qtbot: QtBot, app: QApplication) -> None:
    label = QLabel("Hold")
    qtbot.addWidget(label)
    label.show()
    assert apply_theme(app, "dark") == "dark"
    assert current_choice(app) == "dark"
    assert isinstance(app.style(), GluteappStyle)
    assert app.palette().color(Role.Window) == QColor(DARK[Role.Window][0])
    QApplication.processEvents()
    assert label.palette().color(Role.WindowText) == QColor(DARK[Role.WindowText][0])
    assert is_dark(label.palette())
    assert apply_theme(app, "light") == "light"
    QApplication.processEvents()
    assert label.palette().color(Role.Window) == QColor(LIGHT[Role.Window][0])
    assert not is_dark(app.palette())


def test_the_theme_setting_is_followed_live(app: QApplication, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    settings.set(THEME, "dark")
    assert follow_theme_setting(app, settings) == "dark"
    settings.set(THEME, "light")
    assert current_choice(app) == "light"
    assert not is_dark(app.palette())
    settings.set(THEME, "system")
    assert current_choice(app) == "system"


def test_an_unknown_theme_is_refused(app: QApplication) -> None:
    with pytest.raises(ValueError, match="unknown theme"):
        apply_theme(app, "sepia")


def test_system_follows_the_desktop_scheme_live(app: QApplication) -> None:
    apply_theme(app, "system")
    platform_window = app.palette().color(Role.Window)
    assert not is_dark(app.palette())  # the offscreen platform is light
    hints = app.styleHints()
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert is_dark(app.palette())
    assert isinstance(app.style(), GluteappStyle)
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert app.palette().color(Role.Window) == platform_window
    assert not isinstance(app.style(), GluteappStyle)


def test_an_explicit_choice_ignores_the_desktop(app: QApplication) -> None:
    apply_theme(app, "light")
    app.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not is_dark(app.palette())


@pytest.mark.parametrize(
    ("choice", "scheme", "platform_dark", "expected"),
    [
        ("light", Qt.ColorScheme.Dark, True, "light"),
        ("dark", Qt.ColorScheme.Light, False, "dark"),
        ("system", Qt.ColorScheme.Dark, False, "dark"),  # a style with no dark mode
        ("system", Qt.ColorScheme.Dark, True, "platform"),  # the desktop already did it
        ("system", Qt.ColorScheme.Light, False, "platform"),
        ("system", Qt.ColorScheme.Unknown, False, "platform"),
    ],
)
def test_resolve(choice: str, scheme: Qt.ColorScheme, platform_dark: bool, expected: str) -> None:
    assert resolve(choice, scheme, platform_dark) == expected


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0, 3.0])
def test_svg_icons_stay_sharp_at_any_scale(qapp: QApplication, ratio: float) -> None:
    pixmap = resources.icon("app.svg").pixmap(QSize(32, 32), ratio)
    assert pixmap.size() == QSize(round(32 * ratio), round(32 * ratio))
    assert pixmap.devicePixelRatio() == ratio
    # The corner is transparent and the middle is painted: the SVG was rendered, not scaled up.
    image = pixmap.toImage()
    assert image.pixelColor(0, 0).alpha() == 0
    assert image.pixelColor(image.width() // 2, image.height() // 2).alpha() == 255


# --- every widget follows: the rail, lists with style sheets, links --------------------------


def _near(colour: QColor, target: QColor, within: int = 40) -> bool:
    return (abs(colour.red() - target.red()) + abs(colour.green() - target.green())
            + abs(colour.blue() - target.blue())) <= within


def _count_near(image: QImage, target: QColor, area: QRect | None = None,
                within: int = 40) -> int:
    area = area or image.rect()
    return sum(1 for x in range(area.left(), area.right() + 1)
               for y in range(area.top(), area.bottom() + 1)
               if _near(image.pixelColor(x, y), target, within))


def _window_with_a_list_and_a_link() -> tuple[MainWindow, QListWidget, QLabel]:
    page = QWidget()
    link = QLabel(page)
    link.setTextFormat(Qt.TextFormat.RichText)
    link.setText('Stop if it hurts. <a href="page:disclaimer">Read the disclaimer</a>')
    routines = QListWidget(page)
    routines.setObjectName("routine_list")
    routines.setStyleSheet("QListWidget#routine_list::item { padding: 6px 8px; }")
    routines.addItems(["Morning", "Standing break"])
    layout = QVBoxLayout(page)
    layout.addWidget(link)
    layout.addWidget(routines)
    window = MainWindow([Area("library", "Library", QIcon(), lambda: page),
                         Area("sessions", "Sessions", QIcon(), QWidget)])
    window.resize(700, 400)
    return window, routines, link


@pytest.mark.parametrize(("first", "then"), [("light", "dark"), ("dark", "light")])
def test_a_switch_recolours_the_rail_lists_and_links(
        qtbot: QtBot, app: QApplication, tmp_path: Path, first: str, then: str) -> None:
    settings = Settings(tmp_path / "settings.ini")
    settings.set(THEME, first)
    follow_theme_setting(app, settings)
    window, routines, link = _window_with_a_list_and_a_link()
    qtbot.addWidget(window)
    window.show()
    QApplication.processEvents()
    settings.set(THEME, then)  # as the Settings dialog does, while everything is on screen
    QApplication.processEvents()
    colours = DARK if then == "dark" else LIGHT
    old = LIGHT if then == "dark" else DARK
    shot = window.grab().toImage()
    base = QColor(colours[Role.Base][0])
    rail = window.findChild(QWidget, "navigation_rail")
    assert rail is not None
    assert shot.pixelColor(rail.width() // 2, shot.height() - 60) == base, "the rail"
    list_shot = routines.grab().toImage()
    assert list_shot.pixelColor(list_shot.width() - 20, list_shot.height() - 10) == base
    link_shot = link.grab().toImage()
    assert _count_near(link_shot, QColor(colours[Role.Link][0])) > 10
    assert _count_near(link_shot, QColor(old[Role.Link][0]), within=10) == 0
    selected = window.findChild(QListWidget, "area_nav")
    assert selected is not None
    text = selected.palette().color(Role.Text)
    assert contrast(text, base) >= 7, "the selected area's label stays readable"


# --- the desktop's portal switches the colour scheme ------------------------------------------

LINK_AREA = QRect(1070, 365, 200, 30)  # "About these muscles" beside the body diagram
RAIL_POINT = (50, 600)


def _start_app(data: Path, display: str, address: str) -> subprocess.Popen[str]:
    env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb",
           "QT_QPA_PLATFORMTHEME": "gnome",  # Qt's GNOME theme reads the portal's colour scheme
           "DBUS_SESSION_BUS_ADDRESS": address, "GLUTEAPP_AUDIO_BACKEND": "visual"}
    return subprocess.Popen(
        [sys.executable, "-m", "gluteapp", "--data-dir", str(data), "--skip-first-run",
         "--size", "1280x800"], env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True)


def _screen_when(display: str, tmp_path: Path, rail_is_dark: bool) -> QImage:
    """The screen once the rail shows the expected theme (the window paints in its own time)."""
    deadline = time.monotonic() + 60
    attempt = 0
    while True:
        attempt += 1
        image = QImage(str(grab_screen(display, tmp_path / f"screen-{attempt}.png")))
        rail = image.pixelColor(*RAIL_POINT)
        painted = rail != QColor("black")  # the bare X screen, before the window shows
        if painted and (rail.lightness() < 60) == rail_is_dark:
            return image
        assert time.monotonic() < deadline, f"the rail stayed {rail.name()}"
        time.sleep(0.2)


@pytest.mark.slow
def test_a_portal_switch_to_dark_recolours_the_rail_and_the_links(tmp_path: Path) -> None:
    with (private_bus(tmp_path) as address, xvfb(1280, 800) as display,
          fake_desktop(address, "--portal", "--color-scheme", "2") as (portal, said)):
        app = _start_app(tmp_path / "data", display, address)
        try:
            said.expect("read-all")
            light = _screen_when(display, tmp_path, rail_is_dark=False)
            assert light.pixelColor(*RAIL_POINT).lightness() > 200
            dark_link = QColor(DARK[Role.Link][0])
            assert _count_near(light, dark_link, LINK_AREA) < 3
            tell(portal, "color-scheme 1")  # the person switches the desktop to dark
            said.expect("switched 1")
            dark = _screen_when(display, tmp_path, rail_is_dark=True)
        finally:
            app.terminate()
            _, errors = app.communicate(timeout=30)
    assert dark.pixelColor(*RAIL_POINT) == QColor(DARK[Role.Base][0])
    assert _count_near(dark, dark_link, LINK_AREA) > 15, "the link took the dark link colour"
    assert "Traceback" not in errors


@pytest.mark.slow
def test_a_dark_desktop_answering_late_still_darkens_everything(tmp_path: Path) -> None:
    # GNOME's portal answers after the window is built: the app paints light, then turns dark.
    with (private_bus(tmp_path) as address, xvfb(1280, 800) as display,
          fake_desktop(address, "--portal", "--color-scheme", "1",
                       "--answer-delay-ms", "1500") as (_portal, said)):
        app = _start_app(tmp_path / "data", display, address)
        try:
            said.expect("read-all")
            dark = _screen_when(display, tmp_path, rail_is_dark=True)
        finally:
            app.terminate()
            app.communicate(timeout=30)
    assert dark.pixelColor(*RAIL_POINT) == QColor(DARK[Role.Base][0])
    assert _count_near(dark, QColor(DARK[Role.Link][0]), LINK_AREA) > 15


def test_the_history_charts_follow_a_switch(
        start_app: StartApp, app: QApplication, tmp_path: Path) -> None:
    fill_demo_history(tmp_path / "data", 0.5)
    gluteapp = start_app(view="history", skip_first_run=True)
    gluteapp.settings.set(THEME, "light")
    window = gluteapp.window
    window.resize(1280, 800)
    window.show()
    settle()
    panel = window.findChild(QWidget, "chart_pain")
    assert panel is not None
    before = panel.grab().toImage()
    gluteapp.settings.set(THEME, "dark")
    settle()
    after = panel.grab().toImage()
    # The plot's own background, inside the panel, well away from lines and labels.
    point = (after.width() - 30, after.height() // 2)
    assert before.pixelColor(*point).lightness() > 200
    assert after.pixelColor(*point).lightness() < 60
