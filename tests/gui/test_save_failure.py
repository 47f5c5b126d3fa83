"""A set that cannot be saved is shown to the person at once, and the session goes on."""

from __future__ import annotations

from pathlib import Path

from gluteapp.core.engine import PhaseKind
from gluteapp.storage import open_history
from tests.gui.conftest import StartApp, settle

# Two self-counted sets: Done (Enter) records each one, so the test needs no waiting.
PUMPS = """name = "Pumps"
prepare_s = 5

[[steps]]
exercise = "frog-pump"
sets = 2
reps = 12
rest_s = 10
"""


def start_pumps(start_app: StartApp, tmp_path: Path):  # type: ignore[no-untyped-def]
    routines = tmp_path / "data" / "routines"
    routines.mkdir(parents=True)
    (routines / "pumps.toml").write_text(PUMPS, encoding="utf-8")
    app = start_app(routine="pumps", autostart=True, skip_first_run=True)
    player = app.controller.player
    assert player is not None
    runner = player.runner
    runner.skip()  # past the get-ready countdown
    assert runner.session.phase.kind is PhaseKind.REPS
    return app, runner


def test_a_refused_save_is_shown_and_the_session_goes_on(
    start_app: StartApp, tmp_path: Path
) -> None:
    app, runner = start_pumps(start_app, tmp_path)
    assert app.problems.isHidden()
    runner.done()  # set 1 is saved
    runner.skip()  # past the rest
    # The disk now refuses every write (the real SQLite file, made query-only underneath).
    app.history._store._db.execute("PRAGMA query_only = 1")
    runner.done()  # set 2 cannot be saved
    settle()
    assert app.problems.isVisibleTo(app.window)
    # The set and then the session's end could not be written; both are on show, newest first.
    saved_set, finished = app.problems.messages()[::-1]
    assert saved_set.startswith("Could not save the set in ")
    assert finished.startswith("Could not finish the session in ")
    assert str(tmp_path / "data" / "history.db") in saved_set
    text = app.problems.text.text()
    assert f"Not saved: {saved_set}" in text
    assert app.problems.accessibleName() == text
    # The session was not stopped by the failure: it finished normally, with both sets counted.
    assert runner.session.is_finished
    assert len(runner.session.completed_sets) == 2
    app.history._store._db.execute("PRAGMA query_only = 0")
    app.shutdown()
    with open_history(tmp_path / "data", daily_backup=False) as store:
        (session,) = store.list_sessions()
    # The set that had to wait is written once the file takes writes again (issue 19).
    assert [s.set_number for s in session.sets] == [1, 2]


def test_the_banner_counts_repeats_and_can_be_dismissed(
    start_app: StartApp, tmp_path: Path
) -> None:
    app, runner = start_pumps(start_app, tmp_path)
    app.history._store._db.execute("PRAGMA query_only = 1")
    runner.done()
    runner.skip()
    runner.done()
    settle()
    assert app.problems.count >= 2
    assert f"({app.problems.count} problems so far.)" in app.problems.text.text()
    app.problems.dismiss_button.click()
    assert app.problems.messages() == []
    # The line about the sets waiting stays until they are saved (issue 19).
    assert app.problems.text.text().startswith("2 finished sets are waiting to be saved.")
    app.history._store._db.execute("PRAGMA query_only = 0")
    assert app.history.retry_pending()
    assert app.problems.text.text() == (
        "The 2 sets that were waiting are saved in your history now.")
    app.problems.dismiss_button.click()
    assert app.problems.isHidden()


def test_a_set_is_in_the_database_before_the_player_reacts_to_it(
    start_app: StartApp, tmp_path: Path
) -> None:
    app, runner = start_pumps(start_app, tmp_path)
    player = app.controller.player
    assert player is not None
    seen_in_database: list[int] = []

    def count_rows(_events: object) -> None:
        seen_in_database.append(len(app.history.list_sessions()[0].sets))

    # A listener connected after the player, like the player's own: it already finds the row.
    runner.events.connect(count_rows)
    runner.done()
    assert seen_in_database[-1] == 1
    # End it here: ended while the app shuts down, it would wake the sitting reminder again.
    app.controller.end()
