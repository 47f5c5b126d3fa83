"""The typed settings: declarations, coercion, the INI file, and the changed signal."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gluteapp.core.exercises import Equipment
from gluteapp.gui.settings import (
    ALL_OPTIONS,
    EQUIPMENT,
    FIRST_RUN_DONE,
    GOAL_PER_WEEK,
    GROUPS,
    LANGUAGE,
    REMINDER_INTERVAL_MIN,
    THEME,
    VOLUME,
    WEAKER_SIDE,
    Option,
    Settings,
    equipment_at_hand,
    option_by_key,
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


def test_every_option_is_declared_once_and_completely() -> None:
    keys = [o.key for o in ALL_OPTIONS]
    assert len(keys) == len(set(keys))
    for option in ALL_OPTIONS:
        assert option.label, option.key
        assert option.description.endswith("."), option.key
        assert option.coerce(option.default) == option.default
        if not option.internal:
            assert option.group in GROUPS, option.key
        if option.type is int:
            assert option.minimum is not None, option.key
            assert option.maximum is not None, option.key
        if option.choice_labels:
            assert len(option.choice_labels) == len(option.choices)
        assert option_by_key(option.key) is option
    with pytest.raises(KeyError):
        option_by_key("audio/nonsense")


def test_a_bad_declaration_is_refused() -> None:
    with pytest.raises(ValueError, match="default"):
        Option("x/y", int, 50, "Out of range.", minimum=0, maximum=10)
    with pytest.raises(ValueError, match="label per choice"):
        Option("x/y", str, "a", "Two choices, one label.", choices=("a", "b"), choice_labels=("A",))


@pytest.mark.parametrize(
    ("option", "raw", "expected"),
    [
        (VOLUME, "55", 55),
        (VOLUME, "150", 80),  # above the maximum: the default, not a clipped value
        (VOLUME, "loud", 80),
        (FIRST_RUN_DONE, "true", True),
        (FIRST_RUN_DONE, "0", False),
        (THEME, "dark", "dark"),
        (THEME, "purple", "system"),
        (EQUIPMENT, "chair,wall,chair", "wall,chair"),  # declaration order, no repeats
        (EQUIPMENT, ["step", "bogus"], "step"),  # QSettings reads "a,b" back as a list
        (EQUIPMENT, "", ""),
    ],
)
def test_coerce(option: Option, raw: object, expected: object) -> None:  # type: ignore[type-arg]
    assert option.coerce(raw) == expected


def test_values_survive_a_restart_through_the_ini_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    first = Settings(path)
    first.set(VOLUME, 35)
    first.set(WEAKER_SIDE, "left")
    first.set(EQUIPMENT, "mini_band,chair")
    first.set(FIRST_RUN_DONE, True)
    second = Settings(path)
    assert second.get(VOLUME) == 35
    assert second.get(WEAKER_SIDE) == "left"
    assert second.get(EQUIPMENT) == "mini_band,chair"
    assert equipment_at_hand(second) == {Equipment.MINI_BAND, Equipment.CHAIR}
    assert second.get(FIRST_RUN_DONE) is True
    assert second.get(GOAL_PER_WEEK) == GOAL_PER_WEEK.default
    assert "[session]" in path.read_text()
    assert "weaker_side=left" in path.read_text()


def test_a_hand_edited_file_with_nonsense_falls_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[audio]\nvolume=999\n[ui]\ntheme=neon\nlanguage=de\n")
    settings = Settings(path)
    assert settings.get(VOLUME) == VOLUME.default
    assert settings.get(THEME) == THEME.default
    assert settings.get(LANGUAGE) == "de"


def test_changed_is_emitted_once_per_real_change(qtbot: QtBot, settings: Settings) -> None:
    seen: list[str] = []
    settings.changed.connect(seen.append)
    with qtbot.waitSignal(settings.changed) as blocker:
        settings.set(REMINDER_INTERVAL_MIN, 30)
    assert blocker.args == [REMINDER_INTERVAL_MIN.key]
    settings.set(REMINDER_INTERVAL_MIN, 30)  # the same value again
    settings.set(THEME, THEME.default)  # never stored, but already the effective value
    settings.set(REMINDER_INTERVAL_MIN, 5000)  # invalid: coerced to the default, a change
    assert seen == [REMINDER_INTERVAL_MIN.key, REMINDER_INTERVAL_MIN.key]
    assert settings.get(REMINDER_INTERVAL_MIN) == REMINDER_INTERVAL_MIN.default
    settings.set(THEME, "dark")
    settings.reset(THEME)
    assert seen[-2:] == [THEME.key, THEME.key]
    assert settings.get(THEME) == "system"
