"""How long each page of an exercise's steps stays up, and which page shows at a moment.

Steps drawn large enough to read from the mat do not always fit on one screen; they are then
shown a page at a time, each for a time that follows its length, first page first, over and
over while the get-ready or the rest lasts. Times are whole seconds, so that a page turns when
the countdown does (the runner wakes up then anyway) and a paused session holds its page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = ["PAGE_BASE_S", "PAGE_LEAST_S", "PAGE_PER_CHAR_S", "page_at", "page_times"]

#: A page's time to find and start reading it, plus its reading time per character; slow
#: reading, as from a mat three metres away, between two breaths.
PAGE_BASE_S = 2.5
PAGE_PER_CHAR_S = 0.06
#: Squeezed into a short phase, no page shows for less than this.
PAGE_LEAST_S = 2


def page_times(lengths: Sequence[int], duration_s: float | None) -> list[int]:
    """Whole seconds for each page of `lengths` characters, within `duration_s` if it is known.

    Where the pages' own times add up to more than the phase lasts, each is shortened in
    proportion (never below PAGE_LEAST_S), so that every page shows at least once.
    """
    natural = [PAGE_BASE_S + PAGE_PER_CHAR_S * max(0, length) for length in lengths]
    total = sum(natural)
    if duration_s is not None and duration_s > 0 and total > duration_s:
        squeeze = duration_s / total
        return [max(PAGE_LEAST_S, math.floor(time * squeeze)) for time in natural]
    return [max(PAGE_LEAST_S, math.floor(time + 0.5)) for time in natural]


def page_at(times: Sequence[int], elapsed_s: float, first: int = 0) -> int:
    """The page showing `elapsed_s` seconds after page `first` came up (the phase's start, or
    a key that turned to it); after the last page, the first again."""
    cycle = sum(times)
    if cycle <= 0:
        return 0
    # A hair of slack: 3.0 s computed as 2.9999999 from a deadline still turns the page.
    into = (max(0.0, elapsed_s) + 1e-6) % cycle
    count = len(times)
    for turn in range(count):
        index = (first + turn) % count
        if into < times[index]:
            return index
        into -= times[index]
    return (first + count - 1) % count
