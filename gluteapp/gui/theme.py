"""Light and dark palettes, or the system's own look, switched live and following the desktop."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyleFactory

if TYPE_CHECKING:
    from gluteapp.gui.settings import Settings

log = logging.getLogger(__name__)

CHOICES = ("system", "light", "dark")

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

#: The app's green (the icon's background), the highlight in both palettes.
BRAND_GREEN = "#2f6f5e"

# role: (active and inactive, disabled). Contrast is checked in tests/gui/test_theme.py:
# text on its background at least 7:1, highlighted text and links at least 4.5:1.
LIGHT: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#f3f4f1", "#eeefec"),
    Role.WindowText: ("#1b1e1c", "#8e9490"),
    Role.Base: ("#ffffff", "#f6f7f4"),
    Role.AlternateBase: ("#edf0eb", "#eef0ec"),
    Role.ToolTipBase: ("#ffffff", "#ffffff"),
    Role.ToolTipText: ("#1b1e1c", "#8e9490"),
    Role.PlaceholderText: ("#5f6662", "#a3a8a5"),
    Role.Text: ("#1b1e1c", "#8e9490"),
    Role.Button: ("#e9ebe7", "#e4e6e2"),
    Role.ButtonText: ("#1b1e1c", "#8e9490"),
    Role.BrightText: ("#ffffff", "#ffffff"),
    Role.Light: ("#ffffff", "#ffffff"),
    Role.Midlight: ("#f2f3f0", "#f2f3f0"),
    Role.Mid: ("#b7bcb8", "#c4c8c5"),
    Role.Dark: ("#8a908c", "#a0a5a2"),
    Role.Shadow: ("#3c403e", "#6c706e"),
    Role.Highlight: (BRAND_GREEN, "#c3cdc9"),
    Role.HighlightedText: ("#ffffff", "#f2f4f3"),
    Role.Accent: (BRAND_GREEN, "#c3cdc9"),
    Role.Link: ("#1d5f86", "#8ea9ba"),
    Role.LinkVisited: ("#6b3f8f", "#a995ba"),
}

DARK: dict[QPalette.ColorRole, tuple[str, str]] = {
    Role.Window: ("#232629", "#232629"),
    Role.WindowText: ("#e7e9e7", "#767c79"),
    Role.Base: ("#1a1c1e", "#1f2123"),
    Role.AlternateBase: ("#272a2d", "#25282b"),
    Role.ToolTipBase: ("#2e3235", "#2e3235"),
    Role.ToolTipText: ("#e7e9e7", "#767c79"),
    Role.PlaceholderText: ("#9aa19d", "#5f6562"),
    Role.Text: ("#e7e9e7", "#767c79"),
    Role.Button: ("#2f3336", "#2a2d30"),
    Role.ButtonText: ("#e7e9e7", "#767c79"),
    Role.BrightText: ("#ffffff", "#ffffff"),
    Role.Light: ("#43484c", "#3a3e42"),
    Role.Midlight: ("#383c40", "#33373a"),
    Role.Mid: ("#1f2224", "#1f2224"),
    Role.Dark: ("#141618", "#141618"),
    Role.Shadow: ("#000000", "#000000"),
    Role.Highlight: ("#327a66", "#3a4542"),
    Role.HighlightedText: ("#ffffff", "#9aa19d"),
    Role.Accent: ("#327a66", "#3a4542"),
    Role.Link: ("#79bde3", "#5a7a8c"),
    Role.LinkVisited: ("#c0a4e0", "#7c6b8c"),
}


def build_palette(colours: dict[QPalette.ColorRole, tuple[str, str]]) -> QPalette:
    palette = QPalette()
    for role, (normal, disabled) in colours.items():
        palette.setColor(Group.Active, role, QColor(normal))
        palette.setColor(Group.Inactive, role, QColor(normal))
        palette.setColor(Group.Disabled, role, QColor(disabled))
    return palette


def light_palette() -> QPalette:
    return build_palette(LIGHT)


def dark_palette() -> QPalette:
    return build_palette(DARK)


def is_dark(palette: QPalette) -> bool:
    """True when the window background is darker than its text."""
    return palette.color(Role.Window).lightness() < palette.color(Role.WindowText).lightness()


def resolve(choice: str, scheme: Qt.ColorScheme, platform_is_dark: bool) -> str:
    """What to show: 'light', 'dark', or 'platform' (the desktop's own style and palette).

    "system" keeps the platform's look when it already matches the desktop's colour scheme,
    and fills in our own dark palette where a platform style knows no dark mode.
    """
    if choice in ("light", "dark"):
        return choice
    if scheme == Qt.ColorScheme.Dark and not platform_is_dark:
        return "dark"
    return "platform"


class _ThemeState(QObject):
    """Remembers the platform style and the current choice; follows the desktop's scheme."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        #: The platform's style, noted when our own first replaces it. Until then the app has
        #: never asked for the style, which spares start-up QStyle's Python enums.
        self.platform_style: str | None = None
        self.choice = "system"
        self.shown = "platform"
        app.styleHints().colorSchemeChanged.connect(self.on_scheme_changed)

    def on_scheme_changed(self, scheme: Qt.ColorScheme) -> None:
        """The desktop's answer (the portal's, on GNOME) may come after the window is built."""
        if self.choice == "system":
            log.info("the desktop switched to the %s colour scheme", scheme.name.lower())
            self.apply("system", scheme)
            # A platform theme may set its own palette after telling us: look again then.
            QTimer.singleShot(0, self, lambda: refresh_widgets(self.app))

    def apply(self, choice: str, scheme: Qt.ColorScheme | None = None) -> str:
        if choice not in CHOICES:
            raise ValueError(f"unknown theme {choice!r}; expected one of {CHOICES}")
        self.choice = choice
        hints = self.app.styleHints()
        if choice == "system":
            hints.unsetColorScheme()
            if self.platform_style is not None:
                self._set_style(self.platform_style)
            self.app.setPalette(QPalette())  # back to the platform's palette
            if scheme is None:
                scheme = hints.colorScheme()
            shown = resolve(choice, scheme, is_dark(self.app.palette()))
        else:
            # Window decorations follow this where the platform supports it (Windows, macOS).
            hints.setColorScheme(
                Qt.ColorScheme.Dark if choice == "dark" else Qt.ColorScheme.Light
            )
            shown = choice
        if shown != "platform":
            # Fusion draws everything from the palette; native styles may ignore parts of it.
            self._use_own_style()
            self.app.setPalette(dark_palette() if shown == "dark" else light_palette())
        self.shown = shown
        refresh_widgets(self.app)
        return "dark" if is_dark(self.app.palette()) else "light"

    def _use_own_style(self) -> None:
        from gluteapp.gui.style import GluteappStyle

        style = self.app.style()
        if not isinstance(style, GluteappStyle):
            if self.platform_style is None:
                self.platform_style = style.name() if style is not None else "fusion"
            self.app.setStyle(GluteappStyle())

    def _set_style(self, name: str) -> None:
        style = self.app.style()
        if style is not None and style.name().lower() == name.lower():
            return
        created = QStyleFactory.create(name)
        if created is not None:
            self.app.setStyle(created)


def refresh_widgets(app: QApplication) -> None:
    """Bring along what Qt leaves in the old colours when the application palette changes.

    A style sheet resolves `palette(base)` once, when it is applied, and a rich-text label
    takes its link colour from the palette when its text is parsed: both keep the colours of
    the theme they were made in (a white rail, a #0000FF link on a dark window) until redone.
    """
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet(sheet)  # re-polishes, resolving palette() afresh
        if isinstance(widget, QLabel) and widget.textFormat() != Qt.TextFormat.PlainText:
            text = widget.text()
            if "<a " in text:
                widget.clear()
                widget.setText(text)


_state: _ThemeState | None = None


def _state_for(app: QApplication) -> _ThemeState:
    global _state
    if _state is None or _state.app is not app:
        _state = _ThemeState(app)
    return _state


def apply_theme(app: QApplication, choice: str) -> str:
    """Apply "system", "light" or "dark"; return what is now shown, "light" or "dark".

    With "system", a later change of the desktop's colour scheme is followed live.
    """
    return _state_for(app).apply(choice)


def current_choice(app: QApplication) -> str:
    return _state_for(app).choice


def follow_theme_setting(app: QApplication, settings: Settings) -> str:
    """Apply the THEME setting now and again whenever it changes; return what is shown."""
    from gluteapp.gui.settings import THEME

    def on_changed(key: str) -> None:
        if key == THEME.key:
            apply_theme(app, settings.get(THEME))

    settings.changed.connect(on_changed)
    return apply_theme(app, settings.get(THEME))
