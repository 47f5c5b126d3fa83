"""A short time slice for the player's thread while a session runs, so its wake-ups come on time.

On a busy machine the thread that draws the countdown wakes up and then waits for a CPU: the
program already running there keeps it until its time slice ends (1.4 ms by default on a
2-core machine, more on larger ones, and longer when several programs queue). Linux 6.12 and
later let any thread ask for a shorter slice (`sched_attr.sched_runtime` for the normal policy,
no privilege needed), and a waking thread with a shorter slice may take the CPU at once. The
thread's share of the CPU stays what it was: only when it runs changes.

Measured with `benchmarks/timer_accuracy.py`, both cores busy: displayed seconds p99 12.1 and
12.3 ms with the default slice, 9.9 and 9.8 ms with 0.2 ms. Elsewhere (another system, an older
kernel that ignores the field, a policy that is not the normal one) nothing is changed.
"""

from __future__ import annotations

import ctypes
import logging
import os
import platform
import sys

log = logging.getLogger(__name__)

#: What the player's thread asks for while a session runs: the kernel's smallest is 0.1 ms.
SHORT_SLICE_NS = 200_000
#: sched_setattr and sched_getattr, by machine.
_CALLS = {"x86_64": (314, 315), "aarch64": (274, 275)}
_SCHED_OTHER = 0


class SchedAttr(ctypes.Structure):
    """The kernel's `struct sched_attr` up to its first version's end (48 bytes)."""

    _fields_ = (
        ("size", ctypes.c_uint32),
        ("sched_policy", ctypes.c_uint32),
        ("sched_flags", ctypes.c_uint64),
        ("sched_nice", ctypes.c_int32),
        ("sched_priority", ctypes.c_uint32),
        ("sched_runtime", ctypes.c_uint64),
        ("sched_deadline", ctypes.c_uint64),
        ("sched_period", ctypes.c_uint64),
    )


def _syscall() -> tuple[ctypes.CDLL, int, int] | None:
    calls = _CALLS.get(platform.machine()) if sys.platform == "linux" else None
    if calls is None:
        return None
    try:
        return ctypes.CDLL(None, use_errno=True), *calls
    except OSError:
        return None


def read_attr() -> SchedAttr | None:
    """The calling thread's scheduling attributes, or None where they cannot be read."""
    found = _syscall()
    if found is None:
        return None
    libc, _set_call, get_call = found
    attr = SchedAttr()
    if libc.syscall(get_call, 0, ctypes.byref(attr), ctypes.sizeof(attr), 0) != 0:
        return None
    return attr


def _write_attr(attr: SchedAttr) -> bool:
    found = _syscall()
    if found is None:
        return False
    libc, set_call, _get_call = found
    attr.size = ctypes.sizeof(attr)
    if libc.syscall(set_call, 0, ctypes.byref(attr), 0) != 0:
        log.debug("no shorter time slice: %s", os.strerror(ctypes.get_errno()))
        return False
    return True


class ShortSlice:
    """Holds a short time slice for the thread that calls `hold`, until it calls `release`."""

    def __init__(self, slice_ns: int = SHORT_SLICE_NS) -> None:
        self.slice_ns = slice_ns
        self._before: int | None = None  # the thread's own slice, while the short one is held

    @property
    def held(self) -> bool:
        return self._before is not None

    def hold(self) -> bool:
        """Ask for the short slice (once); False where the system does not offer it."""
        if self._before is not None:
            return True
        attr = read_attr()
        if attr is None or attr.sched_policy != _SCHED_OTHER:
            return False
        before = int(attr.sched_runtime)
        attr.sched_runtime = self.slice_ns
        if not _write_attr(attr):
            return False
        taken = read_attr()  # a kernel before 6.12 accepts the field and ignores it
        if taken is None or int(taken.sched_runtime) != self.slice_ns:
            return False
        self._before = before
        return True

    def release(self) -> None:
        """Give the thread its own slice back (the nice value and policy were never changed)."""
        if self._before is None:
            return
        attr = read_attr()
        if attr is not None:
            attr.sched_runtime = self._before
            _write_attr(attr)
        self._before = None
