"""Storage test fixtures: a real data folder in tmp_path and a hand-driven UTC clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from gluteapp.storage import HistoryStore, open_history
from tests.storage.storage_helpers import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path, clock: FakeClock) -> Iterator[HistoryStore]:
    opened = open_history(data_dir, clock=clock)
    yield opened
    opened.close(backup=False)
