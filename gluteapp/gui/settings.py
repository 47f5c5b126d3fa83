"""Typed settings over QSettings: every key declared once with type, default and description."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from msgspec import Struct
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from gluteapp.core.equipment import parse_equipment
from gluteapp.core.safe_files import UnusableFileError, read_limited_bytes, shown_path
from gluteapp.core.training_days import (
    WEEKDAYS,
    TrainingDaysError,
    format_time_of_day,
    parse_time_of_day,
)
from gluteapp.core.vocabulary import Equipment
from gluteapp.gui import words

T = TypeVar("T", bool, int, str)

#: A settings file is a few hundred bytes; far larger is not one we wrote.
MAX_SETTINGS_BYTES = 256 * 1024

#: Translation context of every text declared here (labels, descriptions, units, choices).
CONTEXT = "Settings"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate knows
    """Marks a text for pyside6-lupdate; it is translated where it is shown, with `tr_setting`."""
    return text


def tr_setting(text: str) -> str:
    """A declared text (label, description, unit, choice label) in the current language."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


class Option(Struct, Generic[T], frozen=True):
    """One setting. `label`, `description`, `unit` and `choice_labels` are English source texts."""

    key: str
    type: type[T]
    default: T
    description: str
    label: str = ""
    choices: tuple[str, ...] = ()
    choice_labels: tuple[str, ...] = ()
    #: The translation context of `choice_labels`: this module's, or `words.CONTEXT` for the
    #: equipment, whose words the library shows too.
    choice_context: str = CONTEXT
    minimum: int | None = None
    maximum: int | None = None
    unit: str = ""
    #: A comma-separated set of `choices` (stored in declaration order, no repeats).
    multiple: bool = False
    #: Kept by the app itself; not shown in the settings dialog.
    internal: bool = False
    #: Takes effect the next time the app starts.
    needs_restart: bool = False
    #: A str holding a time of day as HH:MM (edited with a time field).
    time_of_day: bool = False

    def __post_init__(self) -> None:
        if self.choice_labels and len(self.choice_labels) != len(self.choices):
            raise ValueError(f"{self.key}: one label per choice")
        if self.multiple and (self.type is not str or not self.choices):
            raise ValueError(f"{self.key}: a multiple option is a str with choices")
        if not isinstance(self.default, self.type) or not self.allows(self.default):
            raise ValueError(f"{self.key}: the default {self.default!r} is not a valid value")

    def allows(self, value: T) -> bool:
        """Whether `value` is within the declared range or choices."""
        if isinstance(value, int) and not isinstance(value, bool):
            return (self.minimum is None or value >= self.minimum) and (
                self.maximum is None or value <= self.maximum)
        if isinstance(value, str) and self.time_of_day:
            return _normal_time_of_day(value) is not None
        if isinstance(value, str) and self.choices:
            parts = value.split(",") if self.multiple else [value]
            return all(p in self.choices for p in parts if p or not self.multiple)
        return True

    @property
    def group(self) -> str:
        """The key prefix, e.g. 'audio' for 'audio/volume'."""
        return self.key.split("/", 1)[0]

    def choice_label(self, choice: str) -> str:
        """The untranslated label of one choice (the choice itself when none was declared)."""
        if self.choice_labels and choice in self.choices:
            return self.choice_labels[self.choices.index(choice)]
        return choice

    def choice_text(self, choice: str) -> str:
        """The label of one choice in the current language."""
        label = self.choice_label(choice)
        return QCoreApplication.translate(self.choice_context, label) if label else label

    def accepts(self, raw: object) -> bool:
        """Whether a stored value means something here (else `coerce` gives the default)."""
        if self.type is bool:
            return isinstance(raw, bool) or str(raw).lower() in {
                "true", "1", "yes", "on", "false", "0", "no", "off"}
        if self.type is int:
            try:
                value = int(cast(int, raw))
            except (TypeError, ValueError):
                return False
            return (self.minimum is None or value >= self.minimum) and (
                self.maximum is None or value <= self.maximum)
        if self.multiple:
            items = raw if isinstance(raw, list) else str(raw).split(",")
            return all(str(item).strip() in self.choices for item in items if str(item).strip())
        if self.time_of_day:
            return _normal_time_of_day(str(raw)) is not None
        return not self.choices or str(raw) in self.choices

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
            elif self.multiple:
                # QSettings reads "a,b" back as a list; unknown ids are dropped, not fatal.
                items = raw if isinstance(raw, list) else str(raw).split(",")
                wanted = {str(item).strip() for item in items}
                value = ",".join(c for c in self.choices if c in wanted)
            else:
                value = str(raw)
                if self.choices and value not in self.choices:
                    return self.default
                if self.time_of_day:
                    value = _normal_time_of_day(value) or self.default
        except (TypeError, ValueError):
            return self.default
        return cast(T, value)


def _normal_time_of_day(text: str) -> str | None:
    """"7:05" -> "07:05"; None for what is not a time of day."""
    try:
        return format_time_of_day(parse_time_of_day(text))
    except TrainingDaysError:
        return None


SECONDS = QT_TRANSLATE_NOOP("Settings", "s")
MINUTES = QT_TRANSLATE_NOOP("Settings", "min")

BEEPS = Option(
    "audio/beeps", bool, True,
    QT_TRANSLATE_NOOP("Settings", "Play beeps and chimes for countdowns and phase changes."),
    label=QT_TRANSLATE_NOOP("Settings", "Beeps and chimes"),
)
VOICE = Option(
    "audio/voice", bool, True,
    QT_TRANSLATE_NOOP("Settings", "Speak cues such as 'Three, two, one, go'."),
    label=QT_TRANSLATE_NOOP("Settings", "Spoken cues"),
)
SPEAK_SETUP = Option(
    "audio/speak_setup", bool, True,
    QT_TRANSLATE_NOOP(
        "Settings", "Speak the setup steps and one coach tip before each exercise."
    ),
    label=QT_TRANSLATE_NOOP("Settings", "Speak setup and tips"),
)
VOLUME = Option(
    "audio/volume", int, 80, QT_TRANSLATE_NOOP("Settings", "Cue volume in percent."),
    label=QT_TRANSLATE_NOOP("Settings", "Volume"), minimum=0, maximum=100, unit="%",
)
MUTED = Option(
    "audio/muted", bool, False,
    QT_TRANSLATE_NOOP("Settings", "Silence every cue (the screen still flashes)."),
    label=QT_TRANSLATE_NOOP("Settings", "Mute all cues"),
)
TICK_LAST_S = Option(
    "audio/tick_last_s", int, 3,
    QT_TRANSLATE_NOOP("Settings", "Tick during the last N seconds of a hold or rest."),
    label=QT_TRANSLATE_NOOP("Settings", "Final ticks"), minimum=0, maximum=10, unit=SECONDS,
)
HALFWAY_CUE = Option(
    "audio/halfway", bool, True, QT_TRANSLATE_NOOP("Settings", "Chime halfway through a hold."),
    label=QT_TRANSLATE_NOOP("Settings", "Halfway chime"),
)
PREPARE_S = Option(
    "session/prepare_s", int, 10,
    QT_TRANSLATE_NOOP("Settings", "Get-ready countdown before the first exercise, in seconds."),
    label=QT_TRANSLATE_NOOP("Settings", "Get ready"), minimum=3, maximum=60, unit=SECONDS,
)
SWITCH_SIDES_S = Option(
    "session/switch_sides_s", int, 5,
    QT_TRANSLATE_NOOP("Settings", "Time to change sides in a per-side exercise, in seconds."),
    label=QT_TRANSLATE_NOOP("Settings", "Switch sides"), minimum=2, maximum=30, unit=SECONDS,
)
DEFAULT_REST_S = Option(
    "session/default_rest_s", int, 60,
    QT_TRANSLATE_NOOP("Settings", "Rest between sets when a routine does not say."),
    label=QT_TRANSLATE_NOOP("Settings", "Default rest"), minimum=10, maximum=300, unit=SECONDS,
)
WEAKER_SIDE = Option(
    "session/weaker_side", str, "none",
    QT_TRANSLATE_NOOP("Settings", "The side that starts per-side exercises."),
    label=QT_TRANSLATE_NOOP("Settings", "Weaker side"),
    choices=("none", "left", "right"),
    choice_labels=(
        QT_TRANSLATE_NOOP("Settings", "Neither"),
        QT_TRANSLATE_NOOP("Settings", "Left"),
        QT_TRANSLATE_NOOP("Settings", "Right"),
    ),
)
GOAL_PER_WEEK = Option(
    "session/goal_per_week", int, 2,
    QT_TRANSLATE_NOOP("Settings", "Sessions per week you aim for."),
    label=QT_TRANSLATE_NOOP("Settings", "Weekly goal"), minimum=1, maximum=7,
    unit=QT_TRANSLATE_NOOP("Settings", "per week"),
)
#: Everyone is assumed to have a floor or mat, so it is not asked for.
EQUIPMENT_CHOICES: tuple[Equipment, ...] = tuple(e for e in Equipment if e is not Equipment.MAT)
EQUIPMENT = Option(
    "session/equipment", str, "wall,chair",
    QT_TRANSLATE_NOOP(
        "Settings", "What you have at home; exercises that need anything else are set aside."
    ),
    label=QT_TRANSLATE_NOOP("Settings", "Equipment at hand"),
    choices=tuple(e.value for e in EQUIPMENT_CHOICES),
    choice_labels=tuple(words.EQUIPMENT_WORDS[e] for e in EQUIPMENT_CHOICES),
    choice_context=words.CONTEXT,
    multiple=True,
)
REMINDERS = Option(
    "reminders/enabled", bool, True,
    QT_TRANSLATE_NOOP("Settings", "Remind me to stand up and move."),
    label=QT_TRANSLATE_NOOP("Settings", "Sitting-break reminders"),
)
REMINDER_INTERVAL_MIN = Option(
    "reminders/interval_min", int, 45,
    QT_TRANSLATE_NOOP("Settings", "Minutes of sitting between reminders."),
    label=QT_TRANSLATE_NOOP("Settings", "Remind me every"), minimum=10, maximum=240,
    unit=MINUTES,
)
TRAINING_DAYS = Option(
    "reminders/training_days", str, "",
    QT_TRANSLATE_NOOP(
        "Settings", "On these days, at the time below, a reminder offers the day's session."),
    label=QT_TRANSLATE_NOOP("Settings", "Training days"),
    choices=WEEKDAYS,
    choice_labels=(
        QT_TRANSLATE_NOOP("Settings", "Monday"),
        QT_TRANSLATE_NOOP("Settings", "Tuesday"),
        QT_TRANSLATE_NOOP("Settings", "Wednesday"),
        QT_TRANSLATE_NOOP("Settings", "Thursday"),
        QT_TRANSLATE_NOOP("Settings", "Friday"),
        QT_TRANSLATE_NOOP("Settings", "Saturday"),
        QT_TRANSLATE_NOOP("Settings", "Sunday"),
    ),
    multiple=True,
)
TRAINING_TIME = Option(
    "reminders/training_time", str, "18:00",
    QT_TRANSLATE_NOOP("Settings", "When the training-day reminder comes."),
    label=QT_TRANSLATE_NOOP("Settings", "Training time"),
    time_of_day=True,
)
TRAINING_SETTLED = Option(
    "reminders/training_settled", str, "",
    QT_TRANSLATE_NOOP(
        "Settings", "The last day whose training reminder was given, skipped or trained."),
    label=QT_TRANSLATE_NOOP("Settings", "Training reminder done"),
    internal=True,
)
THEME = Option(
    "ui/theme", str, "system", QT_TRANSLATE_NOOP("Settings", "Colour theme."),
    label=QT_TRANSLATE_NOOP("Settings", "Theme"),
    choices=("system", "light", "dark"),
    choice_labels=(
        QT_TRANSLATE_NOOP("Settings", "Follow the system"),
        QT_TRANSLATE_NOOP("Settings", "Light"),
        QT_TRANSLATE_NOOP("Settings", "Dark"),
    ),
)
REDUCED_MOTION = Option(
    "ui/reduced_motion", bool, False,
    QT_TRANSLATE_NOOP(
        "Settings", "Show each exercise's start and end pictures instead of a moving figure."),
    label=QT_TRANSLATE_NOOP("Settings", "Reduced motion"),
)
LANGUAGE = Option(
    "ui/language", str, "system",
    QT_TRANSLATE_NOOP("Settings", "Language of the app; takes effect after a restart."),
    label=QT_TRANSLATE_NOOP("Settings", "Language"),
    choices=("system", "en", "de"),
    # Language names stay in their own language, so a person can find theirs.
    choice_labels=(QT_TRANSLATE_NOOP("Settings", "System language"), "English", "Deutsch"),
    needs_restart=True,
)
FIRST_RUN_DONE = Option(
    "first_run/done", bool, False,
    QT_TRANSLATE_NOOP("Settings", "The disclaimer was accepted and the questions answered."),
    label=QT_TRANSLATE_NOOP("Settings", "First run done"),
    internal=True,
)

ALL_OPTIONS: tuple[Option[bool] | Option[int] | Option[str], ...] = (
    BEEPS, VOICE, SPEAK_SETUP, VOLUME, MUTED, TICK_LAST_S, HALFWAY_CUE, PREPARE_S,
    SWITCH_SIDES_S, DEFAULT_REST_S, WEAKER_SIDE, GOAL_PER_WEEK, EQUIPMENT, REMINDERS,
    REMINDER_INTERVAL_MIN, TRAINING_DAYS, TRAINING_TIME, TRAINING_SETTLED, THEME,
    REDUCED_MOTION, LANGUAGE, FIRST_RUN_DONE,
)

#: The settings dialog shows one group per key prefix, in this order.
GROUPS: dict[str, str] = {
    "audio": QT_TRANSLATE_NOOP("Settings", "Sounds"),
    "session": QT_TRANSLATE_NOOP("Settings", "Session"),
    "reminders": QT_TRANSLATE_NOOP("Settings", "Reminders"),
    "ui": QT_TRANSLATE_NOOP("Settings", "Appearance"),
}


def option_by_key(key: str) -> Option[bool] | Option[int] | Option[str]:
    for option in ALL_OPTIONS:
        if option.key == key:
            return option
    raise KeyError(f"no setting {key!r}")


def settings_file_problem(path: Path) -> str | None:
    """Why the settings file cannot be used (then it is left alone), or None if it can.

    Read without blocking (a named pipe in its place must not hang the start) and only up to a
    size no settings file reaches; values of types Gluteapp never writes (`@Variant`) are not
    handed to Qt to decode.
    """
    if not path.exists() and not path.is_symlink():
        return None
    try:
        data = read_limited_bytes(path, MAX_SETTINGS_BYTES, "settings file")
    except UnusableFileError as problem:
        return str(problem)
    if b"@Variant(" in data:
        return f"{shown_path(path)}: holds values of a kind Gluteapp never writes (@Variant)"
    if b"\0" in data:
        return f"{shown_path(path)}: holds binary data, not settings"
    return None


class _MemoryStore:
    """What Settings needs of QSettings, kept in memory: for a settings file left alone."""

    def __init__(self) -> None:
        self._values: dict[str, object] = {}

    def contains(self, key: str) -> bool:
        return key in self._values

    def value(self, key: str) -> object:
        return self._values.get(key)

    def setValue(self, key: str, value: object) -> None:  # noqa: N802 - QSettings' name
        self._values[key] = value

    def sync(self) -> None:
        pass

    def status(self) -> QSettings.Status:
        return QSettings.Status.NoError


class Settings(QObject):
    """The app's settings, stored as an INI file in the data folder.

    A settings file that cannot be used (not a regular file, far too large, not INI) is left
    exactly as it is: the defaults apply, changes last until the app quits, and `problem` says
    why, in one line naming the file.
    """

    changed = Signal(str)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        #: Why the settings file is not used, or None.
        self.problem = settings_file_problem(path)
        self._store: QSettings | _MemoryStore = _MemoryStore()
        if self.problem is None:
            from_file = QSettings(str(path), QSettings.Format.IniFormat, self)
            if from_file.status() == QSettings.Status.NoError:
                self._store = from_file
            else:  # not INI: QSettings would replace it with what it understood on a write
                self.problem = f"{shown_path(path)}: cannot be read as settings"
        if self.problem is not None:
            self.problem += (". Gluteapp uses its default settings and leaves the file as it is; "
                             "move it away to keep your choices again")
        # What the running app uses for the options it only reads when it starts.
        self._at_start = {o.key: self.get_any(o) for o in ALL_OPTIONS if o.needs_restart}

    def get(self, option: Option[T]) -> T:
        if not self._store.contains(option.key):
            return option.default
        return option.coerce(self._store.value(option.key))

    def set(self, option: Option[T], value: T) -> None:
        checked = option.coerce(value)
        if self._store.contains(option.key) and self.get(option) == checked:
            return
        if not self._store.contains(option.key) and checked == option.default:
            # Write it anyway so the file records the choice, but nothing changed for listeners.
            self._store.setValue(option.key, checked)
            self._store.sync()
            return
        self._store.setValue(option.key, checked)
        self._store.sync()
        self.changed.emit(option.key)

    def waiting_for_restart(self) -> list[Option[bool] | Option[int] | Option[str]]:
        """The options changed since this object was made that apply only after a restart."""
        return [
            option_by_key(key) for key, value in self._at_start.items()
            if self.get_any(option_by_key(key)) != value
        ]

    def is_set(self, option: Option[T]) -> bool:
        """Whether a value was ever stored for the option (an answer), not just its default."""
        return self._store.contains(option.key)

    def get_any(self, option: Option[bool] | Option[int] | Option[str]) -> bool | int | str:
        """`get` for code that handles every option alike (the settings dialog)."""
        value: bool | int | str = self.get(cast("Option[Any]", option))
        return value

    def reset(self, option: Option[T]) -> None:
        """Back to the declared default."""
        self.set(option, option.default)

    def status(self) -> QSettings.Status:
        return self._store.status()

    def problems(self) -> list[str]:
        """Every reason a stored setting is not used, one line each (the file's, then values')."""
        found = [self.problem] if self.problem else []
        for option in ALL_OPTIONS:
            if not self._store.contains(option.key):
                continue
            raw = self._store.value(option.key)
            if not option.accepts(raw):
                shown = repr(raw) if len(repr(raw)) <= 40 else repr(raw)[:40] + "…"
                found.append(f"settings: {option.key} = {shown} is not a valid value; "
                             f"the default {option.default!r} is used")
        return found


def equipment_at_hand(settings: Settings) -> frozenset[Equipment]:
    """The EQUIPMENT answer as enum members, for `gluteapp.core.equipment.usable_exercises`."""
    return parse_equipment(settings.get(EQUIPMENT))
