"""Light and dark palettes: readable, applied live, following the desktop when asked to."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gluteapp.gui import resources
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
    assert current_choice(app) == "light" and not is_dark(app.palette())
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
    assert is_dark(app.palette()) and isinstance(app.style(), GluteappStyle)
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
