"""A long range read a row a week in SQL gives the numbers `core.stats` gives from every set.

The store sums each local week's sessions (`week_digests`) and one exercise's weeks
(`exercise_weeks`) in SQL, telling a session's local day from its UTC start by the zone's
offsets. These tests hold those rows to the same sums made in Python from the session digests,
and the History numbers made from them to `core.stats.range_stats` over every set, on a real
SQLite file, in zones east and west of UTC and across summer time: sessions a minute either
side of local midnight, on the night the clocks change, a standing break, a session without
sets, sides cut short, and rows written before the partial flag existed (NULL).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from msgspec.structs import fields

from gluteapp.core.assets import builtin_library
from gluteapp.core.demo import generate_history
from gluteapp.core.history_digest import (
    DayCounts,
    LazySeq,
    WeekDigest,
    digest_exercise_series,
    fold_exercise_weeks,
    fold_weeks,
    range_window,
    week_range_stats,
    zone_offsets,
)
from gluteapp.core.records import FeltIn, SessionStatus, Side
from gluteapp.core.stats import (
    STANDING_BREAK_ID,
    WEEKLY_AFTER_WEEKS,
    Aggregate,
    HistoryRange,
    RangeStats,
    range_stats,
    week_middle,
)
from gluteapp.storage import HistoryStore, open_history
from gluteapp.storage.export import insert_sessions
from gluteapp.storage.rows import EARLIEST, LATEST
from tests.storage.test_digests import add_edge_cases, hold, reps, series_close

BERLIN = ZoneInfo("Europe/Berlin")
TODAY = date(2026, 4, 8)  # a Wednesday, ten days after the clocks went forward in Berlin
# 2026-03-29 01:00 UTC: Berlin goes from +1 to +2 hours.
SPRING = datetime(2026, 3, 29, 1, 0, tzinfo=UTC)

ZONES: list[tzinfo | None] = [UTC, timezone(timedelta(hours=-9)),
                              timezone(timedelta(hours=13)), BERLIN, None]
ZONE_IDS = ["utc", "minus9", "plus13", "berlin", "local"]


def add_night_sessions(store: HistoryStore) -> dict[str, int]:
    """Sessions whose local day (and week) turns on the offset of the night they began."""
    ids: dict[str, int] = {}

    def session(name: str, at: datetime, routine: str = "glute-amnesia-wake-up",
                status: SessionStatus = SessionStatus.COMPLETED) -> int:
        sid = store.start_session(routine, name, at)
        store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, at, 30.0, pain=3,
                                   felt_in=FeltIn.GLUTES))
        store.finish_session(sid, status, at + timedelta(minutes=5))
        ids[name] = sid
        return sid

    # Sunday 22 March, 23:59 in Berlin (+1): still that week. A minute later, Monday.
    session("sunday-late", datetime(2026, 3, 22, 22, 59, tzinfo=UTC))
    session("monday-early", datetime(2026, 3, 22, 23, 0, tzinfo=UTC))
    # The night the clocks change: 23:30 UTC on Saturday is 00:30 Sunday in Berlin (+1).
    session("spring-night", datetime(2026, 3, 28, 23, 30, tzinfo=UTC))
    # Sunday 29 March 22:30 UTC: at +2 already, 00:30 on Monday 30 March in Berlin, a new
    # week; at the winter offset it would have been Sunday 23:30, the week before.
    session("after-the-change", datetime(2026, 3, 29, 22, 30, tzinfo=UTC))
    # A standing break that night too, left early: its sets count, the session (and so its
    # status) toward the goal does not.
    session("desk", datetime(2026, 3, 29, 22, 40, tzinfo=UTC), STANDING_BREAK_ID,
            SessionStatus.ENDED_EARLY)
    # A session started and left without a set.
    ids["empty"] = store.start_session("gluteus-medius-a", "Empty",
                                       datetime(2026, 3, 30, 6, 0, tzinfo=UTC))
    # Sides cut short, and the same written before the flag existed (NULL: judged by results).
    at = datetime(2026, 3, 31, 17, 0, tzinfo=UTC)
    sid = store.start_session("gluteus-medius-a", "Sides", at)
    for number, side, held, cut in ((1, Side.LEFT, 30.0, False), (1, Side.RIGHT, 11.0, True),
                                    (2, Side.LEFT, 12.0, True), (2, Side.RIGHT, 9.0, True)):
        store.record_set(sid, hold("side-plank", number, side, at, held, cut_short=cut))
    old = store.record_set(sid, reps("wall-clamshell", 1, Side.LEFT, at, 12, cut_short=False))
    store.record_set(sid, reps("wall-clamshell", 1, Side.RIGHT, at, 4, cut_short=True))
    store._db.execute("UPDATE sets SET cut_short = NULL WHERE id >= ?", (old,))
    store.finish_session(sid, SessionStatus.ENDED_EARLY, at + timedelta(minutes=9))
    ids["sides"] = sid
    return ids


@pytest.fixture(scope="module")
def night(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HistoryStore,
                                                                      dict[str, int]]]:
    data = Path(tmp_path_factory.mktemp("weeks")) / "data"
    store = open_history(data, daily_backup=False)
    insert_sessions(store, generate_history(date(2026, 3, 15), 1.2, 11, daily=False))
    add_edge_cases(store)  # test_digests' own cases (mid-March 2026)
    ids = add_night_sessions(store)
    yield store, ids
    store.close(backup=False)


def test_the_zone_offsets_are_found_to_the_second() -> None:
    pairs = zone_offsets(datetime(2025, 6, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC),
                         BERLIN)
    assert pairs == [
        (int(datetime(2025, 6, 1, tzinfo=UTC).timestamp()), 7200),
        (int(datetime(2025, 10, 26, 1, 0, tzinfo=UTC).timestamp()), 3600),
        (int(SPRING.timestamp()), 7200),
        (int(datetime(2026, 10, 25, 1, 0, tzinfo=UTC).timestamp()), 3600),
    ]
    assert zone_offsets(datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC),
                        timezone(timedelta(hours=-9))) == [
        (int(datetime(2026, 1, 1, tzinfo=UTC).timestamp()), -9 * 3600)]


@pytest.mark.parametrize("zone", ["Europe/Berlin", "Australia/Lord_Howe", "America/St_Johns",
                                  "Africa/Casablanca", "Asia/Kolkata"])
def test_the_systems_zone_gives_the_offsets_its_zone_gives(
    zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system's zone (None) is asked through the C library: the same changes, to the
    second, as the zone itself, and as `astimezone()` sees them on either side."""
    import time

    first, last = datetime(2016, 12, 5, 9, 30, 15, 250000, tzinfo=UTC), datetime(2026, 12, 7,
                                                                               tzinfo=UTC)
    named = zone_offsets(first, last, ZoneInfo(zone))
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        system = zone_offsets(first, last, None)
        for second, offset in system[1:]:
            before = datetime.fromtimestamp(second - 1, UTC).astimezone().utcoffset()
            after = datetime.fromtimestamp(second, UTC).astimezone().utcoffset()
            assert after == timedelta(seconds=offset)
            assert before != after
    finally:
        monkeypatch.undo()
        time.tzset()
    assert system == named
    assert system[0] == (int(first.timestamp()), system[0][1])
    changes = {"Europe/Berlin": 20, "Australia/Lord_Howe": 20, "America/St_Johns": 20,
               "Asia/Kolkata": 0}
    if zone in changes:
        assert len(system) - 1 == changes[zone]
    else:  # Morocco: summer time, its breaks for Ramadan, then (2018) a new standard offset
        assert len(system) > 10


def test_a_week_point_is_drawn_at_the_weeks_middle_in_local_time() -> None:
    monday = date(2026, 3, 23)
    assert week_middle(monday, BERLIN) == datetime(2026, 3, 26, 12, 0, tzinfo=BERLIN)
    assert week_middle(monday, BERLIN).astimezone(UTC).hour == 11


@pytest.mark.parametrize("tz", ZONES, ids=ZONE_IDS)
@pytest.mark.parametrize("history_range", [HistoryRange.YEAR, HistoryRange.ALL])
def test_the_weeks_summed_in_sql_are_the_weeks_summed_here(
    night: tuple[HistoryStore, dict[str, int]], history_range: HistoryRange, tz: tzinfo | None
) -> None:
    store, _ = night
    since, until = range_window(history_range, TODAY, tz)
    weeks = store.week_digests(since, until, tz)
    assert len(weeks) > WEEKLY_AFTER_WEEKS
    assert weeks == fold_weeks(store.session_digests(since, until), tz)


def test_the_night_the_clocks_change_is_counted_in_the_right_week(
    night: tuple[HistoryStore, dict[str, int]],
) -> None:
    store, _ = night
    since, until = range_window(HistoryRange.ALL, TODAY, BERLIN)
    weeks = {w.monday: w for w in store.week_digests(since, until, BERLIN)}
    before, after = weeks[date(2026, 3, 23)], weeks[date(2026, 3, 30)]
    # Week of 23 March: "monday-early" (Mon 00:00) and "spring-night" (Sun 00:30), not
    # "sunday-late" (the week before) nor "after-the-change" (Mon 30 March, 00:30 at +2).
    assert before.per_day == (1, 0, 0, 0, 0, 0, 1)
    # Week of 30 March: "after-the-change" and the cut-short session toward the goal on Mon
    # and Tue; the standing break and the empty session are sessions of the week, not counted.
    assert after.per_day == (1, 1, 0, 0, 0, 0, 0)
    assert (after.sessions, after.recorded, after.counted) == (4, 3, 2)
    assert (after.completed, after.ended_early) == (1, 1)
    assert weeks[date(2026, 3, 16)].per_day[6] >= 1  # "sunday-late", Sunday 22 March
    # In UTC the clocks do not change: "spring-night" is on Saturday, "after-the-change" on
    # Sunday of the week before, "monday-early" on Sunday 22 March with "sunday-late".
    utc = {w.monday: w for w in store.week_digests(*range_window(HistoryRange.ALL, TODAY, UTC),
                                                    UTC)}
    assert utc[date(2026, 3, 23)].per_day == (0, 0, 0, 0, 0, 1, 1)
    assert utc[date(2026, 3, 30)].per_day == (0, 1, 0, 0, 0, 0, 0)
    assert utc[date(2026, 3, 16)].per_day[6] == weeks[date(2026, 3, 16)].per_day[6] + 1


def full_and_weekly(store: HistoryStore, history_range: HistoryRange,
                    tz: tzinfo | None) -> tuple[RangeStats, RangeStats]:
    library = builtin_library()
    expected = range_stats(store.list_sessions(), library, history_range, TODAY, 3, tz)
    since, until = range_window(history_range, TODAY, tz)
    got = week_range_stats(store.week_digests(since, until, tz),
                           store.exercise_totals(since, until), library, history_range, TODAY,
                           3, tz, load_sessions=lambda: store.list_sessions(since, until))
    assert got is not None
    return expected, got


@pytest.mark.parametrize("tz", ZONES, ids=ZONE_IDS)
@pytest.mark.parametrize("history_range", [HistoryRange.YEAR, HistoryRange.ALL])
def test_every_number_from_the_weeks_is_the_one_from_every_set(
    night: tuple[HistoryStore, dict[str, int]], history_range: HistoryRange, tz: tzinfo | None
) -> None:
    store, _ = night
    expected, got = full_and_weekly(store, history_range, tz)
    assert expected.summary.sessions > 100
    assert expected.pain_trend is not None
    assert expected.pain_trend.per_week
    for field in fields(RangeStats):
        if field.name in ("sessions", "doses", "sides", "pain", "felt"):
            continue  # read on demand: compared below
        assert getattr(got, field.name) == getattr(expected, field.name), field.name
    assert isinstance(got.calendar, DayCounts)  # its days are made when read
    for name in ("sessions", "pain", "felt"):
        lazy = getattr(got, name)
        assert isinstance(lazy, LazySeq)
        assert not lazy.loaded
        assert len(lazy) == len(getattr(expected, name)), name
    assert tuple(got.sides) == tuple(expected.sides)


def test_the_days_counted_are_made_when_read_and_equal_the_pairs() -> None:
    counts = [0, 2, 0, 1, 3]
    first = date(2026, 3, 29)
    days = DayCounts(first.toordinal(), counts)
    pairs = tuple((first + timedelta(days=n), count) for n, count in enumerate(counts))
    assert len(days) == 5
    assert days[0] == (date(2026, 3, 29), 0)
    assert days[-1] == (date(2026, 4, 2), 3)
    assert days[1:3] == ((date(2026, 3, 30), 2), (date(2026, 3, 31), 0))
    assert days[-2:] == pairs[-2:]
    assert days[10:] == ()
    assert tuple(days) == pairs
    assert days == pairs
    assert pairs == days
    assert days == list(pairs)
    assert days != pairs[:-1]
    assert hash(days) == hash(pairs)
    with pytest.raises(IndexError):
        days[5]


def test_a_lazy_sequence_equals_its_items_and_is_read_once() -> None:
    reads: list[int] = []

    def load() -> list[int]:
        reads.append(1)
        return [3, 1, 2]

    lazy = LazySeq(3, load)
    assert len(lazy) == 3
    assert not lazy.loaded
    assert lazy == (3, 1, 2)
    items = [3, 1, 2]
    assert items == lazy  # the list's own == gives way to the sequence's
    assert lazy != (3, 1)
    assert lazy != (1, 2, 3)
    assert hash(lazy) == hash((3, 1, 2))
    assert lazy[1:] == (1, 2)
    assert lazy.loaded
    assert reads == [1]


def test_a_short_all_is_left_to_the_session_digests(tmp_path: Path) -> None:
    store = open_history(tmp_path / "data", daily_backup=False)
    try:
        at = datetime(2026, 3, 30, 17, 0, tzinfo=UTC)
        sid = store.start_session("r", "R", at)
        store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, at, 30.0, pain=2))
        since, until = range_window(HistoryRange.ALL, TODAY, UTC)
        weeks = store.week_digests(since, until, UTC)
        assert [w.monday for w in weeks] == [date(2026, 3, 30)]
        assert week_range_stats(weeks, [], builtin_library(), HistoryRange.ALL, TODAY, 2, UTC,
                                load_sessions=list) is None
    finally:
        store.close(backup=False)


@pytest.mark.parametrize("tz", [UTC, BERLIN, timezone(timedelta(hours=-9))],
                         ids=["utc", "berlin", "minus9"])
@pytest.mark.parametrize("aggregate", list(Aggregate))
def test_an_exercise_summed_per_week_in_sql_is_the_one_summed_here(
    night: tuple[HistoryStore, dict[str, int]], aggregate: Aggregate, tz: tzinfo
) -> None:
    store, _ = night
    library = builtin_library()
    since, until = range_window(HistoryRange.ALL, TODAY, tz)
    for exercise_id in ("glute-bridge", "side-plank", "wall-clamshell", "single-leg-stand"):
        rows = store.exercise_weeks(exercise_id, since, until, tz)
        folded = fold_exercise_weeks(store.exercise_digests(exercise_id, since, until), tz)
        assert [(r.session_id, r.started_at, r.groups, r.done, r.one_sided, r.newest_kind,
                 r.newest_at, r.felt) for r in rows] == [
            (r.session_id, r.started_at, r.groups, r.done, r.one_sided, r.newest_kind,
             r.newest_at, r.felt) for r in folded], exercise_id
        got = digest_exercise_series(rows, exercise_id, library, aggregate, weekly=True)
        expected = digest_exercise_series(folded, exercise_id, library, aggregate, weekly=True)
        assert got.per_week
        assert got.felt is None or got.felt.per_week
        series_close(got, expected)
        assert len(got.progress) > WEEKLY_AFTER_WEEKS or exercise_id != "glute-bridge"


def test_a_weeks_best_and_mean_are_of_its_sets(tmp_path: Path) -> None:
    """Two sessions in a week: the best of all their sets, and the mean of all of them."""
    store = open_history(tmp_path / "data", daily_backup=False)
    try:
        monday = datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
        for day, held in ((0, (20.0, 24.0)), (2, (30.0,))):
            at = monday + timedelta(days=day)
            sid = store.start_session("r", "R", at)
            for number, seconds in enumerate(held, start=1):
                store.record_set(sid, hold("glute-bridge", number, Side.BOTH, at, seconds))
        [week] = store.exercise_weeks("glute-bridge", None, None, UTC)
        library = builtin_library()
        best = digest_exercise_series([week], "glute-bridge", library, Aggregate.BEST)
        mean = digest_exercise_series([week], "glute-bridge", library, Aggregate.MEAN)
        assert [p.value for p in best.progress] == [30.0]
        assert mean.progress[0].value == pytest.approx(74.0 / 3)
        assert mean.progress[0].sets == 3
        assert week.started_at == datetime(2026, 4, 2, 12, 0, tzinfo=UTC)
    finally:
        store.close(backup=False)


def test_a_damaged_start_is_left_out_of_the_weeks_as_of_the_digests(tmp_path: Path) -> None:
    store = open_history(tmp_path / "data", daily_backup=False)
    try:
        at = datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
        for day in range(3):
            sid = store.start_session("r", "R", at + timedelta(days=day))
            store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, at + timedelta(days=day),
                                       30.0))
        store._db.execute("UPDATE sessions SET started_at = 'yesterday' WHERE id = 2")
        weeks = store.week_digests(None, None, UTC)
        assert weeks == fold_weeks(store.session_digests(), UTC)
        assert [(w.monday, w.sessions) for w in weeks] == [(date(2026, 3, 30), 2)]
        assert isinstance(weeks[0], WeekDigest)
    finally:
        store.close(backup=False)


def test_starts_out_of_every_range_are_left_out_without_asking_the_zone(tmp_path: Path) -> None:
    """A start in year 1 or 2199 (another program's, or a damaged file): left out as the
    session digests leave it out, and the zone is asked about 1970 to 2200 at most."""
    store = open_history(tmp_path / "data", daily_backup=False)
    try:
        at = datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
        for day in range(3):
            sid = store.start_session("r", "R", at + timedelta(days=day))
            store.record_set(sid, hold("glute-bridge", 1, Side.BOTH, at + timedelta(days=day),
                                       30.0))
        store._db.execute("UPDATE sessions SET started_at = '0001-01-01T00:00:00.000000+00:00'"
                          " WHERE id = 1")
        store._db.execute("UPDATE sessions SET started_at = '2300-01-01T00:00:00.000000+00:00'"
                          " WHERE id = 3")
        for tz in (None, BERLIN):
            weeks = store.week_digests(None, None, tz)
            assert weeks == fold_weeks(store.session_digests(), tz)
            assert [(w.monday, w.sessions) for w in weeks] == [(date(2026, 3, 30), 1)]
            asked = store._offsets
            assert asked is not None
            assert asked[0][:2] == (EARLIEST, LATEST)  # the span the zone was asked about
    finally:
        store.close(backup=False)
