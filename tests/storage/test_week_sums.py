"""The weeks kept summed in the file (storage.week_sums) stay the weeks summed from the digests.

History's "All" reads the weeks before the current one from `week_sums` and sums only the
current week. Every test here writes to a real SQLite file the way the app (or another
program) does, then holds what "All" reads to the same range read without the kept sums (from
1970 on: `week_digests` and `exercise_totals` with a `since` sum the digests). A trigger left
out, a week not summed again, a zone or a new week not noticed: each shows as a difference.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gluteapp.core.demo import generate_history
from gluteapp.core.history_digest import ExerciseTotal, WeekDigest, range_window
from gluteapp.core.records import FeltIn, SessionStatus, SetRating, Side
from gluteapp.core.stats import HistoryRange, week_start
from gluteapp.storage import HistoryStore, open_history, week_sums
from gluteapp.storage.export import insert_sessions
from gluteapp.storage.rows import EARLIEST
from tests.storage.test_digests import hold, reps
from tests.storage.test_partial_sets import old_history

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
TODAY = date(2026, 4, 8)  # a Wednesday, ten days after the clocks went forward in Berlin


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A year and a half of sessions, written once; each test opens a copy."""
    data = Path(tmp_path_factory.mktemp("week-sums")) / "data"
    with open_history(data, daily_backup=False) as store:
        insert_sessions(store, generate_history(TODAY, 1.5, 7, daily=False))
    return data / "history.db"


@pytest.fixture
def store(seeded_file: Path, tmp_path: Path) -> Iterator[HistoryStore]:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(seeded_file, data / "history.db")
    opened = open_history(data, daily_backup=False)
    yield opened
    opened.close(backup=False)


def kept(store: HistoryStore, today: date = TODAY,
         tz: tzinfo | None = BERLIN) -> tuple[list[WeekDigest], list[ExerciseTotal]]:
    """What "All" reads: the kept weeks and the current one."""
    _, until = range_window(HistoryRange.ALL, today, tz)
    return store.week_digests(None, until, tz), store.exercise_totals(None, until, tz)


def summed(store: HistoryStore, today: date = TODAY,
           tz: tzinfo | None = BERLIN) -> tuple[list[WeekDigest], list[ExerciseTotal]]:
    """The same range summed from the digests, the kept weeks not read."""
    _, until = range_window(HistoryRange.ALL, today, tz)
    return store.week_digests(EARLIEST, until, tz), store.exercise_totals(EARLIEST, until)


def assert_same(store: HistoryStore, today: date = TODAY, tz: tzinfo | None = BERLIN) -> None:
    weeks, totals = kept(store, today, tz)
    assert len(weeks) > 60
    assert (weeks, totals) == summed(store, today, tz)
    assert noted(store) == 0


def noted(store: HistoryStore) -> int:
    return int(store._db.execute("SELECT count(*) FROM week_sums_stale").fetchone()[0])


def kept_mondays(store: HistoryStore) -> list[date]:
    return [date.fromordinal(row[0]) for row in store._db.execute(
        "SELECT monday FROM week_sums ORDER BY monday")]


def test_the_first_read_sums_every_week_before_this_one_and_keeps_them(
        store: HistoryStore) -> None:
    assert kept_mondays(store) == []  # made empty: nothing summed before the first read
    weeks, _ = kept(store)
    this_week = week_start(TODAY)
    assert weeks[-1].monday == this_week
    assert kept_mondays(store) == [w.monday for w in weeks if w.monday < this_week]
    assert_same(store)
    # The sums are in the file: opened again, the weeks are current and nothing is summed.
    store.close(backup=False)
    with open_history(store.path.parent, daily_backup=False) as again:
        _, until = range_window(HistoryRange.ALL, TODAY, BERLIN)
        offsets = again._zone_offsets(None, until, BERLIN)
        assert week_sums.is_current(again._db.conn, week_start(TODAY), offsets, BERLIN)
        assert kept(again) == (weeks, summed(again)[1])


def in_week(monday: date, hour: int = 17) -> datetime:
    """Wednesday of a week, in the afternoon UTC."""
    return datetime.combine(monday + timedelta(days=2), datetime.min.time(), UTC).replace(
        hour=hour)


def write_a_past_session(store: HistoryStore) -> None:
    at = in_week(week_start(TODAY) - timedelta(weeks=30))
    sid = store.start_session("glute-amnesia-wake-up", "Backdated", at)
    store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, at, 30.0, pain=2,
                               felt_in=FeltIn.HAMSTRINGS))
    store.record_set(sid, reps("wall-clamshell", 1, Side.LEFT, at, 12))
    store.finish_session(sid, SessionStatus.COMPLETED, at + timedelta(minutes=8))


def session_in(store: HistoryStore, weeks_ago: int) -> int:
    monday = week_start(TODAY) - timedelta(weeks=weeks_ago)
    row = store._db.execute(
        "SELECT id FROM sessions WHERE started_at >= ? AND started_at < ? ORDER BY id LIMIT 1",
        (monday.isoformat(), (monday + timedelta(weeks=1)).isoformat())).fetchone()
    assert row is not None, f"no session {weeks_ago} weeks ago"
    return int(row[0])


def rate_an_old_set(store: HistoryStore) -> None:
    sid = session_in(store, 20)
    first = store.get_session(sid).sets[0]
    store.rate_set(first.id, SetRating(pain=7, felt_in=FeltIn.LOWER_BACK))


def end_an_old_session_early(store: HistoryStore) -> None:
    store._db.execute("UPDATE sessions SET status = 'ended_early' WHERE id = ?",
                      (session_in(store, 12),))


def delete_an_old_sessions_sets(store: HistoryStore) -> None:
    store._db.execute("DELETE FROM sets WHERE session_id = ?", (session_in(store, 40),))


def delete_an_old_session(store: HistoryStore) -> None:
    sid = session_in(store, 25)
    for table in ("sets", "hurts", "dose_choices"):
        store._db.execute(f"DELETE FROM {table} WHERE session_id = ?", (sid,))
    store._db.execute("DELETE FROM sessions WHERE id = ?", (sid,))


def move_a_session_to_another_week(store: HistoryStore) -> None:
    to = in_week(week_start(TODAY) - timedelta(weeks=3))
    store._db.execute("UPDATE sessions SET started_at = ? WHERE id = ?",
                      (to.isoformat(), session_in(store, 50)))


def damage_a_start(store: HistoryStore) -> None:
    store._db.execute("UPDATE sessions SET started_at = 'yesterday' WHERE id = ?",
                      (session_in(store, 8),))


WRITES = [write_a_past_session, rate_an_old_set, end_an_old_session_early,
          delete_an_old_sessions_sets, delete_an_old_session, move_a_session_to_another_week,
          damage_a_start]


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__ for w in WRITES])
def test_every_write_to_a_past_week_is_summed_at_the_next_read(
        store: HistoryStore, write: object) -> None:
    before = kept(store)
    assert callable(write)
    write(store)
    assert noted(store) >= 1  # the triggers noted the session
    after = kept(store)
    assert after != before  # the write changed a week (or a total) that was kept
    assert_same(store)


def test_a_noted_start_of_no_week_is_summed_in_none(store: HistoryStore) -> None:
    """Starts that are times but of no week a history counts (year 0, before 1970, after
    2199: damaged rows, which the full read leaves out) are noted like any other; summing
    again must leave them out too, not fail (year 0 has no date)."""
    assert_same(store)
    store._db.conn.executemany(
        "INSERT INTO week_sums_stale (started_at) VALUES (?)",
        [("0000-06-01T00:00:00+00:00",), ("1969-12-31T23:00:00",),
         ("9999-12-31T23:59:59+00:00",), ("2150-06-01T10:00:00",), (17,), (b"\xff",)])
    store._db.conn.commit()
    assert noted(store) == 6
    assert_same(store)


def test_only_the_weeks_written_to_are_summed_again(
        store: HistoryStore, monkeypatch: pytest.MonkeyPatch) -> None:
    kept(store)
    calls: list[tuple[date | None, date]] = []
    sum_again = week_sums._sum_again

    def spy(conn: sqlite3.Connection, first: date | None, end: date, *args: object) -> None:
        calls.append((first, end))
        sum_again(conn, first, end, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(week_sums, "_sum_again", spy)
    write_a_past_session(store)
    assert_same(store)
    monday = week_start(TODAY) - timedelta(weeks=30)
    assert calls == [(monday, monday + timedelta(weeks=1))]
    # More separate weeks than MOST_RUNS: one pass over the history instead.
    calls.clear()
    with_sets = [w.monday for w in kept(store)[0] if w.recorded][:-1]
    spread = with_sets[:: len(with_sets) // (week_sums.MOST_RUNS + 2)]
    assert len(spread) > week_sums.MOST_RUNS
    calls.clear()
    for monday in spread:
        rate_set_in(store, (week_start(TODAY) - monday).days // 7)
    assert_same(store)
    assert calls == [(None, week_start(TODAY))]
    assert noted(store) == 0


def rate_set_in(store: HistoryStore, weeks_ago: int) -> None:
    first = store.get_session(session_in(store, weeks_ago)).sets[0]
    store.rate_set(first.id, SetRating(pain=1, felt_in=FeltIn.GLUTES))


def test_a_session_this_week_needs_no_past_week_summed(store: HistoryStore) -> None:
    kept(store)
    before = kept_mondays(store)
    rows = store._db.execute("SELECT * FROM week_sums ORDER BY monday").fetchall()
    at = datetime.combine(TODAY, datetime.min.time(), UTC).replace(hour=9)
    sid = store.start_session("glute-amnesia-wake-up", "Today", at)
    store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, at, 30.0))
    weeks, _ = kept(store)
    assert weeks[-1].monday == week_start(TODAY)
    assert kept_mondays(store) == before
    assert store._db.execute("SELECT * FROM week_sums ORDER BY monday").fetchall() == rows
    assert_same(store)


def test_weeks_that_pass_are_summed_as_they_pass(store: HistoryStore) -> None:
    assert_same(store, TODAY)
    for later in (TODAY + timedelta(days=5), TODAY + timedelta(days=12),
                  TODAY + timedelta(weeks=9)):
        at = datetime.combine(later, datetime.min.time(), UTC).replace(hour=7)
        sid = store.start_session("glute-amnesia-wake-up", "Later", at)
        store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, at, 30.0))
        assert_same(store, later)
        assert kept_mondays(store)[-1] < week_start(later)
    # A clock set back reads the weeks as they were then.
    assert_same(store, TODAY)


@pytest.mark.parametrize("zones", [(BERLIN, NEW_YORK, BERLIN), (UTC, None, NEW_YORK)],
                         ids=["berlin-new-york", "utc-system-new-york"])
def test_read_in_another_zone_the_weeks_are_summed_again_in_it(
        store: HistoryStore, zones: tuple[tzinfo | None, ...]) -> None:
    for tz in zones:
        assert_same(store, TODAY, tz)
    # A session an hour before midnight UTC on a Sunday: Monday in Berlin (a week of its
    # own), Sunday afternoon in New York (the week before).
    sunday = week_start(TODAY) - timedelta(weeks=6, days=1)
    monday = sunday + timedelta(days=1)
    before = {tz: {w.monday: w for w in kept(store, TODAY, tz)[0]} for tz in (BERLIN, NEW_YORK)}
    at = datetime.combine(sunday, datetime.min.time(), UTC).replace(hour=23)
    sid = store.start_session("glute-amnesia-wake-up", "Late", at)
    store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, at, 30.0))
    after = {tz: {w.monday: w for w in kept(store, TODAY, tz)[0]} for tz in (BERLIN, NEW_YORK)}
    assert after[BERLIN][monday].sessions == before[BERLIN][monday].sessions + 1
    assert after[BERLIN][monday].per_day[0] == before[BERLIN][monday].per_day[0] + 1
    assert after[BERLIN][week_start(sunday)] == before[BERLIN][week_start(sunday)]
    assert after[NEW_YORK][week_start(sunday)].per_day[6] == (
        before[NEW_YORK][week_start(sunday)].per_day[6] + 1)
    assert after[NEW_YORK][monday] == before[NEW_YORK][monday]
    assert_same(store, TODAY, NEW_YORK)


def test_a_session_older_than_the_oldest_sums_every_week_again(store: HistoryStore) -> None:
    assert_same(store)
    first = kept_mondays(store)[0]
    at = in_week(first - timedelta(weeks=10))
    sid = store.start_session("glute-amnesia-wake-up", "Older", at)
    store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, at, 30.0))
    assert_same(store)
    assert kept_mondays(store)[0] == first - timedelta(weeks=10)


def test_a_file_that_cannot_be_written_now_reads_the_same_numbers(
        store: HistoryStore, caplog: pytest.LogCaptureFixture) -> None:
    kept(store)
    write_a_past_session(store)
    store._db.execute("PRAGMA query_only = ON")  # as a full disk refuses the sums' writes
    with caplog.at_level(logging.WARNING, logger="gluteapp.storage.history"):
        weeks, totals = kept(store)
    assert "could not keep the week sums" in caplog.text
    assert (weeks, totals) == summed(store)
    assert noted(store) >= 1  # still noted: summed at the next read that can write
    assert not store._db.conn.in_transaction
    store._db.execute("PRAGMA query_only = OFF")
    assert_same(store)


def test_a_history_from_before_the_sums_is_summed_at_its_first_read(
        tmp_path: Path) -> None:
    data = tmp_path / "old"
    old_history(data)
    with open_history(data, daily_backup=False) as store:
        assert kept_mondays(store) == []
        today = date(2026, 6, 1)
        _, until = range_window(HistoryRange.ALL, today, BERLIN)
        weeks = store.week_digests(None, until, BERLIN)
        assert [(w.monday, w.sessions) for w in weeks] == [(date(2025, 9, 1), 1)]
        assert kept_mondays(store) == [date(2025, 9, 1)]
        assert weeks == store.week_digests(EARLIEST, until, BERLIN)
        assert store.exercise_totals(None, until, BERLIN) == store.exercise_totals(
            EARLIEST, until)


def test_a_damaged_digest_is_summed_as_a_number(store: HistoryStore) -> None:
    """A digest holding text where a count belongs (another program's write, an older
    trigger) is summed as SQL sums it, never stops the read."""
    kept(store)
    sid = session_in(store, 12)
    store._db.execute("UPDATE exercise_digest SET done = 'many', one_sided = 'x'"
                      " WHERE session_id = ?", (sid,))
    weeks, totals = kept(store)
    assert len(weeks) > 60
    assert all(isinstance(total.done, int) for total in totals)
    assert totals == store.exercise_totals(EARLIEST, range_window(
        HistoryRange.ALL, TODAY, BERLIN)[1])
