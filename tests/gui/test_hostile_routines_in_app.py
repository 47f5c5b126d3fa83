"""Broken routine files in the user's folder: the app lists the others and says what is wrong."""

from __future__ import annotations

import os
from pathlib import Path

from gluteapp.storage import open_history
from tests.gui.conftest import StartApp, settle

GOOD = 'name = "Pumps"\nprepare_s = 5\n\n[[steps]]\nexercise = "frog-pump"\nsets = 1\nreps = 5\n'
DEEP = "name = 'x'\nprepare_s = 5\nbad = " + "[" * 600 + "]" * 600 + "\n"


def routines_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "routines"
    folder.mkdir(parents=True)
    return folder


def test_a_file_name_that_is_not_utf8_is_shown_as_a_problem_not_played(
    start_app: StartApp, tmp_path: Path
) -> None:
    folder = routines_folder(tmp_path)
    with open(os.fsencode(folder) + b"/\xfcbung.toml", "w", encoding="utf-8") as handle:
        handle.write(GOOD)
    (folder / "pumps.toml").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "x.toml")
    (folder / "deep.toml").write_text(DEEP, encoding="utf-8")
    app = start_app(view="sessions", skip_first_run=True)
    assert app.sessions is not None
    picker = app.sessions.picker
    assert sorted(picker.user_ids) == ["pumps"]
    shown = picker.problems.text().splitlines()
    assert shown == [
        f"{folder}/deep.toml: not valid TOML: its lists or tables are nested too deeply",
        f"{folder}/x.toml: is not a regular file (a folder, named pipe or device); a routine "
        "file must be a plain text file",
        f"{folder}/\ufffdbung.toml: the file name is not valid UTF-8 text; rename the file "
        "(its name becomes the routine's id, which the history stores)",
    ]
    assert picker.problems.isVisibleTo(app.window)
    # The good one plays and is saved as usual.
    app.controller.open_routine("pumps", autostart=True)
    player = app.controller.player
    assert player is not None
    player.runner.skip()
    player.runner.done()
    settle()
    app.shutdown()
    with open_history(tmp_path / "data", daily_backup=False) as store:
        (session,) = store.list_sessions()
        store.close(backup=False)
    assert session.routine_id == "pumps"
    assert len(session.sets) == 1


def test_a_broken_sitting_break_routine_is_said_above_every_area(
    start_app: StartApp, tmp_path: Path
) -> None:
    folder = routines_folder(tmp_path)
    (folder / "standing-break.toml").write_text(DEEP, encoding="utf-8")  # the person's own
    app = start_app(view="sessions", skip_first_run=True)
    assert app.reminders is not None
    app.reminders.start_break_requested.emit()
    settle()
    assert app.controller.player is None
    assert app.problems.text.text() == (
        f"{folder}/standing-break.toml: not valid TOML: its lists or tables are nested too "
        "deeply")


def test_only_a_file_name_that_is_not_utf8_is_not_offered_to_play(
    start_app: StartApp, tmp_path: Path
) -> None:
    folder = routines_folder(tmp_path)
    with open(os.fsencode(folder) + b"/\xfcbung.toml", "w", encoding="utf-8") as handle:
        handle.write(GOOD)
    app = start_app(view="sessions", skip_first_run=True)
    assert app.sessions is not None
    picker = app.sessions.picker
    assert picker.user_ids == set()  # it used to be listed, and playing it stored nothing
    assert "the file name is not valid UTF-8 text" in picker.problems.text()
