"""A log line a full disk refuses is dropped in silence, never printed as a traceback."""

from __future__ import annotations

import errno
import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest

from gluteapp.core.paths import ensure_writable, resolve_paths
from gluteapp.launch import configure_logging


class FullDisk:
    """A stream that refuses every write, as a file on a full disk does."""

    def write(self, _text: str) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def close(self) -> None:
        pass


@pytest.fixture
def file_log(tmp_path: Path) -> Iterator[logging.handlers.RotatingFileHandler]:
    root = logging.getLogger()
    before = list(root.handlers)
    raise_before = logging.raiseExceptions
    paths = resolve_paths(tmp_path / "data")
    ensure_writable(paths)
    configure_logging(paths)
    (added,) = [h for h in root.handlers if h not in before]
    assert isinstance(added, logging.handlers.RotatingFileHandler)
    yield added
    root.removeHandler(added)
    added.close()
    logging.raiseExceptions = raise_before


def test_a_log_line_the_disk_refuses_prints_nothing(
    file_log: logging.handlers.RotatingFileHandler, capfd: pytest.CaptureFixture[str]
) -> None:
    kept = file_log.stream
    file_log.stream = FullDisk()  # type: ignore[assignment]
    try:
        logging.getLogger("gluteapp").error("Could not save the set (database or disk is full)")
    finally:
        file_log.stream = kept
    captured = capfd.readouterr()
    assert "Logging error" not in captured.err
    assert "Traceback" not in captured.err
    assert captured.err == ""


def test_a_file_name_that_is_not_utf8_is_logged_with_escapes(
    file_log: logging.handlers.RotatingFileHandler, tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
) -> None:
    logging.getLogger("gluteapp").warning("cannot read %s", "/routines/\udcfcbung.toml")
    file_log.flush()
    assert capfd.readouterr().err == ""
    log = (tmp_path / "data" / "logs" / "gluteapp.log").read_text(encoding="utf-8")
    assert "cannot read /routines/\\udcfcbung.toml" in log
