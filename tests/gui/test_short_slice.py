"""The player's thread holds a short time slice while a session runs, and gives it back."""

from __future__ import annotations

import sys
import threading

import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.engine import Session
from gluteapp.core.routines import parse_routine
from gluteapp.gui.player.runner import SessionRunner
from gluteapp.gui.player.short_slice import SHORT_SLICE_NS, ShortSlice, read_attr
from tests.builders import MonoClock

ROUTINE = ('name = "Slice"\nprepare_s = 5\n\n[[steps]]\nexercise = "glute-bridge"\nsets = 1\n'
           'hold_s = 30\n')

def _offered() -> bool:
    short = ShortSlice()
    offered = short.hold()
    short.release()
    return offered


needs_linux = pytest.mark.skipif(sys.platform != "linux" or not _offered(),
                                 reason="a thread's own time slice needs Linux 6.12 or later")


def own_slice() -> tuple[int, int, int]:
    attr = read_attr()
    assert attr is not None
    return int(attr.sched_runtime), int(attr.sched_nice), int(attr.sched_policy)


@needs_linux
def test_holding_sets_only_the_slice_and_release_puts_it_back() -> None:
    before = own_slice()
    short = ShortSlice()
    assert short.hold()
    assert short.held
    runtime, nice, policy = own_slice()
    assert runtime == SHORT_SLICE_NS != before[0]
    assert (nice, policy) == before[1:]
    assert short.hold()  # again: nothing more to do
    short.release()
    assert not short.held
    assert own_slice() == before
    short.release()  # twice is harmless
    assert own_slice() == before


@needs_linux
def test_the_slice_is_the_calling_threads_own() -> None:
    before = own_slice()
    seen: list[tuple[int, int, int]] = []

    def other() -> None:
        short = ShortSlice()
        short.hold()
        seen.append(own_slice())
        short.release()

    worker = threading.Thread(target=other)
    worker.start()
    worker.join()
    assert seen[0][0] == SHORT_SLICE_NS
    assert own_slice() == before  # this thread never changed


@needs_linux
def test_a_running_session_holds_it_and_a_pause_or_stop_gives_it_back() -> None:
    library = builtin_library()
    before = own_slice()
    runner = SessionRunner(Session(parse_routine(ROUTINE, "slice.toml", library), library),
                           MonoClock())
    assert own_slice() == before  # a player shown but not started asks for nothing
    runner.start()
    assert runner.short_slice.held
    assert own_slice()[0] == SHORT_SLICE_NS
    runner.pause()
    assert own_slice() == before
    runner.resume()
    assert own_slice()[0] == SHORT_SLICE_NS
    runner.stop()
    assert own_slice() == before


def test_where_the_system_offers_nothing_holding_says_so_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gluteapp.gui.player import short_slice

    monkeypatch.setattr(short_slice.sys, "platform", "win32")
    short = ShortSlice()
    assert not short.hold()
    assert not short.held
    short.release()
    assert read_attr() is None
