"""Resume that finds you: the real program killed during a session started from a routine
file; the next start offers to resume it at once, in whichever area opens, and resumes it."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gluteapp.core.records import SessionStatus
from gluteapp.core.stats import sets_done
from gluteapp.gui.player.sessions import ResumeBanner
from tests.gui.conftest import StartApp, settle

ROUTINE = """
name = "Kill drill"
prepare_s = 1

[[steps]]
exercise = "glute-bridge"
sets = 3
hold_s = 1
rest_s = 1
rest_after_s = 1

[[steps]]
exercise = "side-plank"
sets = 2
hold_s = 1
rest_s = 30
"""

SAVED = re.compile(r"set saved: id=(\d+) session=(\d+) exercise=(\S+) set=(\d+) side=(\w+)")


def kill_after_sets(data_dir: Path, routine: Path, count: int) -> list[tuple[str, int, str]]:
    """Run the real program on `routine`, SIGKILL it once `count` sets are saved."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "GLUTEAPP_AUDIO_BACKEND": "visual"}
    process = subprocess.Popen(
        [sys.executable, "-m", "gluteapp", "--data-dir", str(data_dir), "--skip-first-run",
         "--routine", str(routine), "--autostart"],
        env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = data_dir / "logs" / "gluteapp.log"
    saved: list[tuple[str, int, str]] = []
    try:
        deadline = time.monotonic() + 60
        while len(saved) < count:
            assert process.poll() is None, "the program exited before the kill"
            assert time.monotonic() < deadline, "the session saved no sets in time"
            time.sleep(0.05)
            text = log.read_text(encoding="utf-8") if log.exists() else ""
            saved = [(m[3], int(m[4]), m[5]) for m in SAVED.finditer(text)]
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    return saved


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_killed_session_from_a_file_is_offered_at_once_and_resumes(
        start_app: StartApp, tmp_path: Path, language: str) -> None:
    routine = tmp_path / "elsewhere" / "kill-drill.toml"
    routine.parent.mkdir()
    routine.write_text(ROUTINE, encoding="utf-8")
    data_dir = tmp_path / "data"  # the folder start_app opens
    (data_dir).mkdir()
    (data_dir / "settings.ini").write_text(f"[ui]\nlanguage={language}\n", encoding="utf-8")
    before = kill_after_sets(data_dir, routine, 4)
    routine.unlink()  # the file is gone too: the session kept what it needs

    app = start_app(skip_first_run=True)  # a plain start: the Library opens
    settle()
    assert app.window.current_area() == "library"
    banner = app.window.findChild(ResumeBanner)
    assert banner is not None
    assert banner.isVisible()  # offered above the library, not only on the Sessions page
    assert banner.record is not None
    assert banner.record.routine_name == "Kill drill"
    assert not banner.resume_button.isHidden()
    if language == "de":  # the offer, its date and its buttons in the person's language
        text = banner.text.text()
        assert "unterbrochen" in text
        started = banner.record.started_at.astimezone()
        assert started.strftime("%b") not in text  # no English month name
        assert started.strftime("%d.%m.") in text  # a German date
        assert banner.resume_button.text() != "Resume where it stopped"

    banner.resume_button.click()
    settle()
    assert app.window.current_area() == "sessions"
    assert not banner.isVisible()
    player = app.controller.player
    assert player is not None
    assert player.resumed  # the summary says what it timed: the part since the resume
    session = player.session
    assert session.is_paused  # it waits for the person, at the first set not done
    phase = session.phase
    assert phase.side is not None
    assert (phase.exercise_id, phase.set_number, phase.side.value) not in before
    assert phase.kind.is_work
    while not session.is_finished:
        player.runner.skip()  # the rest of the session, each phase cut at once
    settle()
    stored = app.history.list_sessions()
    assert len(stored) == 1  # resumed, not a second session
    assert stored[0].status is SessionStatus.ENDED_EARLY or stored[0].status is (
        SessionStatus.COMPLETED)
    kept = [(s.exercise_id, s.set_number, s.side.value) for s in stored[0].sets]
    assert kept[:len(before)] == before  # what was saved before the kill is all there
    # The summary counts the sets saved before the kill, as the History does: it had shown
    # only this run's ("0 of 5 sets" after a resume that finished the session).
    done = sets_done(stored[0].sets)
    assert done >= 1
    shown = re.match(r"(\d+)\D+(\d+)", player.summary.totals.text())
    assert shown is not None
    assert (int(shown[1]), int(shown[2])) == (done, 5)
    # Only the part after the resume was timed, and the summary says so.
    since = {"en": "since you resumed", "de": "seit dem Fortsetzen"}[language]
    assert since in player.summary.totals.text()
    assert "in total" not in player.summary.totals.text()
    bridge = [s for s in stored[0].sets if s.exercise_id == "glute-bridge"]
    cell = player.summary.table.item(0, 1)
    assert cell is not None
    assert cell.text() == f"{sets_done(bridge)} / 3"
    app.controller.leave()


_BANNER_DATE = """
import sys
from datetime import datetime
from PySide6.QtWidgets import QApplication
from gluteapp.core.history_records import SessionRecord
from gluteapp.core.records import SessionStatus
from gluteapp.gui.i18n import install_translator
from gluteapp.gui.player.sessions import ResumeBanner
app = QApplication(sys.argv[:1])
install_translator(app, "system")
banner = ResumeBanner()
started = datetime(2026, 12, 7, 9, 12).astimezone()
banner.offer(SessionRecord(1, "glute-amnesia-wake-up", "Wake-up", started, None,
                           SessionStatus.INTERRUPTED))
print(banner.text.text())
"""


@pytest.mark.parametrize(("lang", "expected"), [
    ("C", "from 07/12/2026 09:12 was interrupted"),
    ("POSIX", "from 07/12/2026 09:12 was interrupted"),
    ("en_US.UTF-8", "from 12/7/26 9:12"),
    ("de_DE.UTF-8", "vom 07.12.26 09:12"),
])
def test_the_offer_dates_the_session_as_the_system_language_writes_dates(
    lang: str, expected: str
) -> None:
    """Started with the system's language (no setting): under the C locale, with no language
    set, the date read "7 12 2026 09:12"; it is written in British English's order instead."""
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("LC_", "LANG"))}
    env.update(LANG=lang, LC_ALL=lang, QT_QPA_PLATFORM="offscreen", TZ="Europe/Berlin")
    ran = subprocess.run([sys.executable, "-c", _BANNER_DATE], capture_output=True, text=True,
                         env=env, timeout=120, check=False)
    assert ran.returncode == 0, ran.stderr
    assert expected in ran.stdout


@pytest.mark.parametrize(("started_in", "resumed_in", "shown"), [
    ("en", "de", "Schreibtischpause"),
    ("de", "en", "Desk break"),
])
def test_a_builtin_routine_resumes_under_its_name_in_todays_language(
        start_app: StartApp, tmp_path: Path, started_in: str, resumed_in: str,
        shown: str) -> None:
    """The session keeps the routine as played, with the name of its day: a desk break begun
    in English and resumed in German was headed "Desk break" over German words."""
    from datetime import UTC, datetime, timedelta

    from gluteapp.core.assets import builtin_library
    from gluteapp.core.records import Side
    from gluteapp.core.routines import find_routine, routine_to_toml
    from gluteapp.storage import open_history
    from tests.builders import stored_set

    data_dir = tmp_path / "data"  # the folder start_app opens
    data_dir.mkdir()
    (data_dir / "settings.ini").write_text(f"[ui]\nlanguage={resumed_in}\n", encoding="utf-8")
    routine = find_routine("desk-break", builtin_library(started_in))
    assert routine.name != shown  # stored in the language of its day
    store = open_history(data_dir)
    started = datetime.now(UTC) - timedelta(minutes=5)
    session_id = store.start_session(routine.id, routine.name, started)
    store.set_routine_toml(session_id, routine_to_toml(routine))
    first = routine.steps[0].exercise
    store.record_set(session_id, stored_set(first, Side.LEFT, hold=(30.0, 30.0),
                                            at=started).as_completed_set())
    store.close(backup=False)  # never finished: the next start finds it interrupted

    app = start_app(skip_first_run=True)
    settle()
    banner = app.window.findChild(ResumeBanner)
    assert banner is not None
    assert banner.record is not None
    banner.resume_button.click()
    settle()
    player = app.controller.player
    assert player is not None
    assert player.resumed
    assert player.routine_label.text() == shown
    app.controller.leave()
