"""Typed settings over QSettings: every key declared once with type, default and description."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QObject, QSettings, Signal

T = TypeVar("T", bool, int, str)


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    type: type[T]
    default: T
    description: str
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def coerce(self, raw: object) -> T:
        """Turn what QSettings stored (often a string) into the declared type, or the default."""
        try:
            if self.type is bool:
                value: object = raw if isinstance(raw, bool) else str(raw).lower() in {
                    "true", "1", "yes", "on"}
            elif self.type is int:
                value = int(cast(int, raw))
                if self.minimum is not None and value < self.minimum:
                    return self.default
                if self.maximum is not None and value > self.maximum:
                    return self.default
            else:
                value = str(raw)
                if self.choices and value not in self.choices:
                    return self.default
        except (TypeError, ValueError):
            return self.default
        return cast(T, value)


BEEPS = Option("audio/beeps", bool, True, "Play beeps and chimes for countdowns and phase changes.")
VOICE = Option("audio/voice", bool, True, "Speak cues such as 'Three, two, one, go'.")
SPEAK_SETUP = Option(
    "audio/speak_setup", bool, True, "Speak the setup steps and one coach tip before each exercise."
)
VOLUME = Option("audio/volume", int, 80, "Cue volume in percent.", minimum=0, maximum=100)
MUTED = Option("audio/muted", bool, False, "Silence every cue (the screen still flashes).")
TICK_LAST_S = Option(
    "audio/tick_last_s", int, 3, "Tick during the last N seconds of a hold or rest.",
    minimum=0, maximum=10,
)
HALFWAY_CUE = Option("audio/halfway", bool, True, "Chime halfway through a hold.")
PREPARE_S = Option(
    "session/prepare_s", int, 10, "Get-ready countdown before the first exercise, in seconds.",
    minimum=3, maximum=60,
)
SWITCH_SIDES_S = Option(
    "session/switch_sides_s", int, 5, "Time to change sides in a per-side exercise, in seconds.",
    minimum=2, maximum=30,
)
DEFAULT_REST_S = Option(
    "session/default_rest_s", int, 60, "Rest between sets when a routine does not say.",
    minimum=10, maximum=300,
)
WEAKER_SIDE = Option(
    "session/weaker_side", str, "none", "The side that starts per-side exercises.",
    choices=("none", "left", "right"),
)
GOAL_PER_WEEK = Option(
    "session/goal_per_week", int, 2, "Sessions per week you aim for.", minimum=1, maximum=7
)
EQUIPMENT = Option("session/equipment", str, "", "Equipment at hand, comma-separated ids.")
REMINDERS = Option("reminders/enabled", bool, True, "Remind me to stand up and move.")
REMINDER_INTERVAL_MIN = Option(
    "reminders/interval_min", int, 45, "Minutes of sitting between reminders.",
    minimum=10, maximum=240,
)
THEME = Option("ui/theme", str, "system", "Colour theme.", choices=("system", "light", "dark"))
LANGUAGE = Option("ui/language", str, "system", "Language.", choices=("system", "en", "de"))
FIRST_RUN_DONE = Option(
    "first_run/done", bool, False, "The disclaimer was accepted and the questions answered."
)

ALL_OPTIONS: tuple[Option[bool] | Option[int] | Option[str], ...] = (
    BEEPS, VOICE, SPEAK_SETUP, VOLUME, MUTED, TICK_LAST_S, HALFWAY_CUE, PREPARE_S,
    SWITCH_SIDES_S, DEFAULT_REST_S, WEAKER_SIDE, GOAL_PER_WEEK, EQUIPMENT, REMINDERS,
    REMINDER_INTERVAL_MIN, THEME, LANGUAGE, FIRST_RUN_DONE,
)


class Settings(QObject):
    """The app's settings, stored as an INI file in the data folder."""

    changed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = QSettings(str(path), QSettings.Format.IniFormat, self)

    def get(self, option: Option[T]) -> T:
        if not self._store.contains(option.key):
            return option.default
        return option.coerce(self._store.value(option.key))

    def set(self, option: Option[T], value: T) -> None:
        checked = option.coerce(value)
        if self._store.contains(option.key) and self.get(option) == checked:
            return
        self._store.setValue(option.key, checked)
        self._store.sync()
        self.changed.emit(option.key)

    def status(self) -> QSettings.Status:
        return self._store.status()
