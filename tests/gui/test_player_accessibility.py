"""What a screen reader finds in the running player: Qt's accessibility tree, walked."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from msgspec import Struct
from PySide6.QtGui import QAccessible, QAccessibleInterface

from gluteapp.core.routines import parse_routine
from gluteapp.gui.player.view import PlayerView
from tests.builders import MonoClock
from tests.gui.conftest import StartApp, settle

Role = QAccessible.Role
Text = QAccessible.Text

#: Roles a person acts on: each must say what it is.
CONTROLS = {Role.Button, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.Slider,
            Role.SpinBox, Role.Link}

ROUTINE = """
name = "Heard"
prepare_s = 5

[[steps]]
exercise = "side-plank"
sets = 2
hold_s = 20
rest_s = 45
"""



class Node(Struct):
    role: QAccessible.Role
    name: str
    description: str
    visible: bool


def walk(interface: QAccessibleInterface) -> Iterator[Node]:
    invisible = interface.state().invisible
    yield Node(interface.role(), interface.text(Text.Name), interface.text(Text.Description),
               not invisible)
    for index in range(interface.childCount()):
        child = interface.child(index)
        if child is not None and child.isValid():
            yield from walk(child)


def running_player(start_app: StartApp, tmp_path: Path) -> tuple[PlayerView, MonoClock]:
    """The app's player resting after set 1; leaving the test ends it (see `done`)."""
    app = start_app(skip_first_run=True)
    routine = parse_routine(ROUTINE, str(tmp_path / "heard.toml"), app.library)
    player = app.controller.play_routine(routine)
    clock = MonoClock(1000.0)
    player.runner.clock = clock
    player.runner.start()
    clock.now += 5 + 20 + 5 + 20 + 3  # resting after set 1: every panel on show
    player.runner.evaluate()
    settle()
    return player, clock


def done(player: PlayerView) -> None:
    player.runner.end_early()  # as leaving would: the reminders wake again, then stop
    player.runner.stop()


def tree(player: PlayerView) -> list[Node]:
    interface = QAccessible.queryAccessibleInterface(player)
    assert interface is not None
    return [node for node in walk(interface) if node.visible]


def test_every_control_of_the_running_player_has_a_name(
        start_app: StartApp, tmp_path: Path) -> None:
    player, _ = running_player(start_app, tmp_path)
    controls = [node for node in tree(player) if node.role in CONTROLS]
    assert len(controls) >= 25  # the controls, the volume and the rating's buttons
    assert [node.role for node in controls if not node.name.strip()] == []
    names = {node.name for node in controls}
    assert {"Start or pause (Space)", "It hurts: stop and rest (H)", "Volume",
            "Pain 4 of 10", "Felt it in: Glutes"} <= names
    done(player)


def test_the_time_left_and_the_phase_are_there_as_text(
        start_app: StartApp, tmp_path: Path) -> None:
    player, clock = running_player(start_app, tmp_path)
    nodes = tree(player)
    countdown = [node for node in nodes if node.name == "Time left"]
    assert [node.description for node in countdown] == ["42 seconds left"]
    texts = {node.name for node in nodes if node.role == Role.StaticText}
    assert {"Rest", "Side plank", "Next: set 2 of 2"} <= texts
    clock.now += 10
    player.runner.evaluate()
    settle()
    countdown = [node for node in tree(player) if node.name == "Time left"]
    assert [node.description for node in countdown] == ["32 seconds left"]
    done(player)


def test_each_phase_is_announced_once_not_every_second(
        start_app: StartApp, tmp_path: Path) -> None:
    player, clock = running_player(start_app, tmp_path)
    heard: list[str] = []
    player.announced.connect(heard.append)
    for _ in range(50):  # the rest's last 42 s, ten updates a second, into set 2
        clock.now += 1.0
        player.runner.evaluate()
    assert heard == ["Hold, Left side, 20 seconds left"]
    player.runner.pause()
    player.runner.resume()
    assert heard[1:] == ["Paused, Left side, 12 seconds left", "Hold, Left side, 12 seconds left"]
    assert player.last_announcement == heard[-1]
    done(player)
