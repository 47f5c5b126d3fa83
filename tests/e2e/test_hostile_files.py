"""A corpus of malformed and hostile routine, exercise and settings files, through the real program.

Each file goes through the commands that read it (`check-routine`, `routines --json`,
`exercises --check`, and the app's start with `--screenshot --view sessions`) and must give a
clear one-line message (or be accepted, for the few that are fine), no traceback, and leave the
data folder as it was. Every command runs under a timeout that only guards against a hang: a
named pipe called x.toml used to hold the program forever.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
from msgspec import Struct

from gluteapp.core.assets import assets_dir

pytestmark = pytest.mark.slow

HANG_GUARD_S = 60
DURATIONS: dict[str, float] = {}

STEP = '[[steps]]\nexercise = "frog-pump"\nsets = 2\nreps = 12\n'
GOOD = f'name = "Pumps"\nprepare_s = 5\n\n{STEP}'


def routine(body: str) -> Callable[[Path], Path]:
    return lambda path: _write(path, body.encode("utf-8"))


def raw(data: bytes) -> Callable[[Path], Path]:
    return lambda path: _write(path, data)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def folder(path: Path) -> Path:
    path.mkdir()
    return path


def link_to(target: str) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.symlink_to(target)
        return path
    return make


def loop(path: Path) -> Path:
    path.symlink_to(path.name)  # points at itself
    return path


def unix_socket(path: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays
    return path


class Hostile(Struct, frozen=True):
    """One file: its name, how to make it, and what its message must say ("OK": accepted)."""

    name: str | bytes
    make: Callable[[Path], Path]
    says: str


def named(name: str | bytes, make: Callable[[Path], Path], says: str) -> Hostile:
    return Hostile(name, make, says)


ROUTINES: list[Hostile] = [
    named("deep-arrays.toml", routine("name = 'x'\nprepare_s = 5\nbad = " + "[" * 500
                                       + "]" * 500 + "\n"), "nested too deeply"),
    named("deep-tables.toml", routine("x = " + "{a = " * 600 + "1" + "}" * 600 + "\n"),
          "nested too deeply"),
    named("deep-in-step.toml", routine(GOOD + "tempo = " + "[" * 800 + "]" * 800 + "\n"),
          "nested too deeply"),
    named("x.toml", fifo, "is not a regular file"),
    named("folder.toml", folder, "is not a regular file"),
    named("zero.toml", link_to("/dev/zero"), "is not a regular file"),
    named("loop.toml", loop, "cannot be read"),
    named("dangling.toml", link_to("no-such-file.toml"), "cannot be read"),
    named("socket.toml", unix_socket, "cannot be read"),
    named("huge-comment.toml", routine(GOOD + "#" * 300_000 + "\n"),
          "a routine file may be at most 256 KB"),
    named("183960-steps.toml", routine(GOOD + STEP * 183_960),
          "a routine file may be at most 256 KB"),
    named("101-steps.toml", routine('name = "Many"\nprepare_s = 5\nsteps = [' + ", ".join(
        '{exercise = "frog-pump", sets = 1, reps = 5}' for _ in range(101)) + "]\n"),
        "a routine may have at most 100"),
    named("ten-mb-id.toml", routine(f'name = "X"\nprepare_s = 5\n[[steps]]\nexercise = '
                                    f'"{"a" * 10_000_000}"\nsets = 1\nreps = 5\n'),
          "a routine file may be at most 256 KB"),
    named("long-id.toml", routine(f'name = "X"\nprepare_s = 5\n[[steps]]\nexercise = '
                                  f'"{"a" * 100_000}"\nsets = 1\nreps = 5\n'),
          "must be at most 60 characters"),
    named("zero-width-name.toml", routine(f'name = "\u200b"\nprepare_s = 5\n{STEP}'),
          "must have at least one visible character"),
    named("blank-name.toml", routine(f'name = "   \u3000"\nprepare_s = 5\n{STEP}'),
          "must have at least one visible character"),
    named("filler-name.toml", routine(f'name = "\u3164\u3164"\nprepare_s = 5\n{STEP}'),
          "must have at least one visible character"),
    named("empty-name.toml", routine(f'name = ""\nprepare_s = 5\n{STEP}'), "must not be empty"),
    named("newline-name.toml", routine(f'name = "a\\nb"\nprepare_s = 5\n{STEP}'),
          "must not contain line breaks"),
    named("escape-name.toml", routine(f'name = "\\u001b[31mred"\nprepare_s = 5\n{STEP}'),
          "must not contain line breaks"),
    named("long-name.toml", routine(f'name = "{"n" * 81}"\nprepare_s = 5\n{STEP}'),
          "must be at most 80 characters"),
    named("bom.toml", raw(b"\xef\xbb\xbf" + GOOD.encode()), "OK"),
    named("latin1.toml", raw('name = "Übung"\nprepare_s = 5\n'.encode("latin-1")
                             + STEP.encode()), "is not UTF-8 text"),
    named("utf16.toml", raw(GOOD.encode("utf-16")), "is not UTF-8 text"),
    named("random-bytes.toml", raw(bytes(range(256)) * 20), "is not UTF-8 text"),
    named("nul-bytes.toml", raw(GOOD.encode() + b"\0\0\0"), "not valid TOML"),
    named("empty.toml", raw(b""), "name: is missing"),
    named("only-comments.toml", routine("# nothing here\n" * 50), "name: is missing"),
    named(b"\xfcbung.toml", routine(GOOD), "the file name is not valid UTF-8 text"),
    named("two\nlines.toml", routine(GOOD), "the file name holds a line break"),
    named("l" * 240 + ".toml", routine(GOOD), "OK"),
    named("long-key.toml", routine(f'name = "X"\nprepare_s = 5\n{"k" * 10_000} = 1\n'),
          "is not a known key"),
    named("long-side.toml", routine(f'{GOOD}extra_side = "{"s" * 100_000}"\n'),
          'must be "left" or "right"'),
    named("tempo-huge.toml", routine(GOOD.replace("reps = 12", 'reps = 12\ntempo = "999-999-999"')),
          "is not 'down-pause-up' seconds"),
    named("tempo-long.toml", routine(GOOD + f'tempo = "{"1" * 200_000}"\n'),
          "must be at most 20 characters"),
    named("sets-billion.toml", routine(GOOD.replace("sets = 2", "sets = 1000000000")),
          "must be at most 20"),
    named("sets-negative.toml", routine(GOOD.replace("sets = 2", "sets = -1")),
          "must be at least 1"),
    named("sets-float.toml", routine(GOOD.replace("sets = 2", "sets = 1.5")),
          "must be a whole number, not a decimal number"),
    named("hold-enormous.toml", routine(f'name = "X"\nprepare_s = 5\n[[steps]]\nexercise = '
                                        f'"glute-bridge"\nsets = 1\nhold_s = {10**30}\n'),
          "must be at most 1800 seconds"),
    named("hold-inf.toml", routine('name = "X"\nprepare_s = 5\n[[steps]]\nexercise = '
                                   '"glute-bridge"\nsets = 1\nhold_s = inf\n'),
          "must be a whole number, not a decimal number"),
    named("hold-nan.toml", routine('name = "X"\nprepare_s = 5\n[[steps]]\nexercise = '
                                   '"glute-bridge"\nsets = 1\nhold_s = nan\n'),
          "must be a whole number, not a decimal number"),
    named("prepare-text.toml", routine(f'name = "X"\nprepare_s = "5"\n{STEP}'),
          "must be a whole number, not text in quotes"),
    named("prepare-date.toml", routine(f'name = "X"\nprepare_s = 1979-05-27\n{STEP}'),
          "prepare_s"),
    named("steps-text.toml", routine('name = "X"\nprepare_s = 5\nsteps = "many"\n'),
          "must be a list, not text in quotes"),
    named("steps-empty.toml", routine('name = "X"\nprepare_s = 5\nsteps = []\n'),
          "needs at least one step"),
    named("steps-numbers.toml", routine('name = "X"\nprepare_s = 5\nsteps = [1, 2, 3]\n'),
          "must be a table, not a whole number"),
    named("exercise-number.toml", routine(GOOD.replace('"frog-pump"', "5")),
          "must be text in quotes, not a whole number"),
    named("unknown-exercise.toml", routine(GOOD.replace("frog-pump", "moon-walk")),
          "is not in the library"),
    named("duplicate-key.toml", routine(GOOD + "sets = 3\n"), "not valid TOML"),
    named("bad-syntax.toml", routine("name = = 'x'\n"), "not valid TOML"),
    named("unterminated.toml", routine('name = "never ends\n'), "not valid TOML"),
    named("long-description.toml", routine(GOOD.replace(
        "prepare_s = 5", f'prepare_s = 5\ndescription = "{"d" * 200_000}"')),
        "must be at most 2000 characters"),
    named("no-variation.toml", routine(GOOD + 'variation = "On the moon"\n'),
          "is not a variation of"),
    named("long-variation.toml", routine(GOOD + f'variation = "{"v" * 100_000}"\n'),
          "must be at most 80 characters"),
    named("per-side-text.toml", routine(GOOD + 'per_side = "yes"\n'),
          "must be true or false, not text in quotes"),
    named("dotted-deep.toml", routine("name = 'x'\nprepare_s = 5\n" + ".".join(["a"] * 3000)
                                      + " = 1\n"), "is not a known key"),
    named("rtl-name.toml", routine(f'name = "\u202ePumps"\nprepare_s = 5\n{STEP}'), "OK"),
    named("marks-only-name.toml", routine(f'name = "\u0301\u0301\u0301"\nprepare_s = 5\n{STEP}'),
          "must have at least one visible character"),
]

LIBRARY_TEXT = (assets_dir() / "exercises.toml").read_text(encoding="utf-8")
FIRST_ID = next(line for line in LIBRARY_TEXT.splitlines() if line.startswith("id = "))
FIRST_NAME = next(line for line in LIBRARY_TEXT.splitlines() if line.startswith("name = "))
_START = LIBRARY_TEXT.index("[[exercise]]")
FIRST_EXERCISE = LIBRARY_TEXT[_START:LIBRARY_TEXT.index("[[exercise]]", _START + 1)]


def library(text: str) -> Callable[[Path], Path]:
    return lambda path: _write(path, text.encode("utf-8"))


LIBRARIES: list[Hostile] = [
    named("deep.toml", library("exercise = " + "[" * 2000 + "]" * 2000), "nested too deeply"),
    named("deep-table.toml", library("x = " + "{a = " * 900 + "1" + "}" * 900),
          "nested too deeply"),
    named("pipe.toml", fifo, "is not a regular file"),
    named("dir.toml", folder, "is not a regular file"),
    named("dangling-lib.toml", link_to("nowhere.toml"), "cannot be read"),
    named("huge.toml", library(LIBRARY_TEXT + "#" * 5_000_000), "may be at most 4.0 MB"),
    named("bom-library.toml", raw(b"\xef\xbb\xbf" + LIBRARY_TEXT.encode()), "OK"),
    named("latin1-lib.toml", raw(LIBRARY_TEXT.encode() + "# Übung\n".encode("latin-1")),
          "is not UTF-8 text"),
    named("binary.toml", raw(bytes(range(256)) * 100), "is not UTF-8 text"),
    named("empty-lib.toml", raw(b""), "exercise"),
    named("no-exercises.toml", library("exercise = []\n"), "holds no exercises"),
    named("invisible-name.toml", library(LIBRARY_TEXT.replace(
        FIRST_NAME, 'name = "\u200b\u200b\u200b"', 1)), "must have at least one visible"),
    named("newline-name.toml", library(LIBRARY_TEXT.replace(FIRST_NAME, 'name = "a\\nbc"', 1)),
          "must not contain line breaks"),
    named("megabyte-id.toml", library(LIBRARY_TEXT.replace(FIRST_ID, f'id = "{"x" * 1_000_000}"',
                                                           1)), "field 'id'"),
    named("duplicate-id.toml", library(LIBRARY_TEXT + FIRST_EXERCISE), "used twice"),
    named("unknown-field.toml", library(LIBRARY_TEXT.replace(FIRST_ID, FIRST_ID + "\n"
                                                             + "q" * 5000 + " = 1", 1)),
          "unknown field"),
    named("wrong-type.toml", library(LIBRARY_TEXT.replace("per_side = true", 'per_side = "y"',
                                                          1)), "field 'per_side'"),
    named(b"\xffexercises.toml", library(LIBRARY_TEXT), "OK"),
    named("syntax.toml", library("[[exercise]\n"), "not valid TOML"),
    named("too-many.toml", library("".join(
        f'[[exercise]]\nid = "e{i}"\n' for i in range(1001))), "holds more than 1000 exercises"),
]

SETTINGS: list[Hostile] = [
    named("settings.ini", fifo, "is not a regular file"),
    named("settings.ini", folder, "is not a regular file"),
    named("settings.ini", link_to("/dev/zero"), "is not a regular file"),
    named("settings.ini", raw(b"[audio]\nvolume=1\n" + b"#" * 400_000), "may be at most 256 KB"),
    named("settings.ini", raw(bytes(range(256)) * 100), "holds binary data, not settings"),
    named("settings.ini", raw(b"[audio]\nvolume=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x10QFoo)\n"),
          "@Variant"),
    named("settings.ini", raw(b"\xef\xbb\xbf[audio]\nvolume=55\n"), "OK"),
    named("settings.ini", raw(b"[audio]\nvolume=loud\n"),
          "audio/volume = 'loud' is not a valid value"),
    named("settings.ini", raw(b"[ui]\ntheme=purple\n"), "ui/theme = 'purple' is not a valid"),
    named("settings.ini", raw(b"[session]\ngoal_per_week=999999999999999999999\n"),
          "session/goal_per_week"),
    named("settings.ini", raw(b"[session]\nequipment=" + b"wall," * 40_000 + b"\n"), "OK"),
    named("settings.ini", raw(b"[audio]\nvolume=\x00\x00\n"), "holds binary data"),
    named("settings.ini", raw(b"[audio]\nvolume=\xff\xfe\n"),
          "audio/volume = '\ufffd\ufffd' is not a valid value"),
    named("settings.ini", raw("".join(f"[g{i}]\nk=v\n" for i in range(10_000)).encode()), "OK"),
    named("settings.ini", raw(b"[" + b"a/" * 5000 + b"b]\nk=v\n"), "cannot be read as settings"),
    named("settings.ini", link_to("missing.ini"), "cannot be read"),
]


def test_the_corpus_holds_at_least_eighty_files() -> None:
    assert len(ROUTINES) + len(LIBRARIES) + len(SETTINGS) >= 80


# --- running the real program --------------------------------------------------------------

def run(*args: str | bytes | Path, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    command: list[str | bytes | Path] = [sys.executable, "-m", "gluteapp"]
    if data is not None:
        command += ["--data-dir", data]
    command += list(args)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    started = time.monotonic()
    result = subprocess.run(command, capture_output=True, timeout=HANG_GUARD_S, env=env,
                            stdin=subprocess.DEVNULL, check=False)
    key = " ".join(str(a) for a in args[:1])
    DURATIONS[key] = max(DURATIONS.get(key, 0.0), time.monotonic() - started)
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8"))


def folder_state(root: Path) -> dict[str, str]:
    """Every entry under `root` (logs aside): a hash for a file, the kind for anything else."""
    state = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root)):
        relative = os.path.relpath(dirpath, os.fsencode(root))
        if relative.split(os.sep.encode())[0] == b"logs":
            continue
        for name in [*filenames, *dirnames]:
            path = os.path.join(dirpath, name)
            key = os.fsdecode(os.path.relpath(path, os.fsencode(root)))
            if os.path.islink(path):
                state[key] = "link to " + os.fsdecode(os.readlink(path))
            elif os.path.isfile(path):
                with open(path, "rb") as handle:
                    state[key] = hashlib.sha256(handle.read()).hexdigest()
            else:
                state[key] = "folder" if os.path.isdir(path) else "special"
    return state


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    for stream in (result.stdout, result.stderr):
        assert "Traceback" not in stream, stream
        assert "Logging error" not in stream, stream


def one_line(stream: str) -> str:
    lines = [line for line in stream.splitlines() if line.strip()]
    assert len(lines) == 1, stream
    assert len(lines[0]) < 600, lines[0][:600]
    return lines[0]


def place(folder_path: Path, item: Hostile) -> Path:
    name = os.fsdecode(item.name) if isinstance(item.name, bytes) else item.name
    return item.make(folder_path / name)


@pytest.fixture(scope="module")
def warm_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder the program has started in once: history, cache and settings in place."""
    data = tmp_path_factory.mktemp("warm") / "data"
    result = run("--screenshot", data.parent / "first.png", "--view", "sessions", data=data)
    assert result.returncode == 0, result.stderr
    return data


@pytest.fixture(scope="module", autouse=True)
def _report_durations() -> Iterator[None]:
    yield
    if DURATIONS:
        slowest = ", ".join(f"{k}: {v:.1f} s" for k, v in sorted(DURATIONS.items()))
        print(f"\nslowest run of each command: {slowest}")


def ids(items: Sequence[Hostile]) -> list[str]:
    return [repr(item.name)[:40] for item in items]


# --- routines ------------------------------------------------------------------------------

@pytest.mark.parametrize("item", ROUTINES, ids=ids(ROUTINES))
def test_a_hostile_routine_gets_one_clear_line_from_check_routine_and_routines(
    item: Hostile, warm_data: Path, tmp_path: Path
) -> None:
    outside = place(tmp_path, item)
    checked = run("check-routine", outside)
    no_traceback(checked)
    if item.says == "OK":
        assert checked.returncode == 0
        assert ": OK, " in one_line(checked.stdout)
    else:
        assert checked.returncode == 1
        line = one_line(checked.stderr)
        assert line.startswith("error: ")
        assert item.says in line

    routines = warm_data / "routines"
    inside = place(routines, item)
    try:
        before = folder_state(warm_data)
        listed = run("routines", "--json", data=warm_data)
        no_traceback(listed)
        assert listed.returncode == 0
        rows = json.loads(listed.stdout)
        user = [row["id"] for row in rows if row["kind"] == "user"]
        if item.says == "OK":
            assert user == [inside.stem]
            assert listed.stderr.strip() == ""
        else:
            assert user == []
            line = one_line(listed.stderr)
            assert line.startswith("warning: ")
            assert item.says in line
        assert folder_state(warm_data) == before
    finally:
        if inside.is_dir() and not inside.is_symlink():
            inside.rmdir()
        else:
            inside.unlink()


def test_the_app_starts_on_every_hostile_routine_at_once(
    warm_data: Path, tmp_path: Path
) -> None:
    routines = warm_data / "routines"
    placed = [place(routines, item) for item in ROUTINES]
    try:
        before = folder_state(warm_data)
        shot = tmp_path / "sessions.png"
        result = run("--screenshot", shot, "--view", "sessions", data=warm_data)
        no_traceback(result)
        assert result.returncode == 0, result.stderr
        assert shot.stat().st_size > 0
        assert folder_state(warm_data) == before
        log = (warm_data / "logs" / "gluteapp.log").read_text(encoding="utf-8", errors="replace")
        assert "Traceback" not in log
    finally:
        for path in placed:
            if path.is_dir() and not path.is_symlink():
                path.rmdir()
            else:
                path.unlink()


@pytest.mark.parametrize(
    ("routine_id", "says"),
    [("deep-arrays", "nested too deeply"), ("x", "is not a regular file"),
     ("183960-steps", "at most 256 KB"), ("zero-width-name", "visible character"),
     ("ten-mb-id", "at most 256 KB"), ("socket", "cannot be read")],
)
def test_opening_a_hostile_routine_at_start_is_one_line(
    warm_data: Path, tmp_path: Path, routine_id: str, says: str
) -> None:
    item = next(i for i in ROUTINES if i.name == f"{routine_id}.toml")
    path = place(warm_data / "routines", item)
    try:
        before = folder_state(warm_data)
        result = run("--screenshot", tmp_path / "shot.png", "--routine", routine_id,
                     data=warm_data)
        no_traceback(result)
        assert result.returncode == 1
        line = one_line(result.stderr.replace("This plugin does not support propagateSizeHints()",
                                              ""))
        assert line.startswith("gluteapp: ")
        assert says in line
        assert folder_state(warm_data) == before
    finally:
        path.unlink()


# --- exercise libraries --------------------------------------------------------------------

@pytest.mark.parametrize("item", LIBRARIES, ids=ids(LIBRARIES))
def test_a_hostile_exercise_library_gets_one_clear_line(item: Hostile, tmp_path: Path) -> None:
    path = place(tmp_path, item)
    before = folder_state(tmp_path)
    result = run("exercises", "--check", path)
    no_traceback(result)
    if item.says == "OK":
        assert result.returncode == 0
        assert ": OK, " in one_line(result.stdout)
    else:
        assert result.returncode == 1
        line = one_line(result.stderr)
        assert line.startswith("error: ")
        assert item.says in line
    assert folder_state(tmp_path) == before


# --- settings ------------------------------------------------------------------------------

@pytest.mark.parametrize("item", SETTINGS, ids=[f"settings-{n}" for n in range(len(SETTINGS))])
def test_a_hostile_settings_file_is_named_once_and_left_alone(
    item: Hostile, warm_data: Path, tmp_path: Path
) -> None:
    settings = warm_data / "settings.ini"
    kept = settings.read_bytes() if settings.is_file() else None
    settings.unlink(missing_ok=True)
    place(warm_data, item)
    log = warm_data / "logs" / "gluteapp.log"
    log_before = log.read_bytes() if log.exists() else b""
    try:
        before = folder_state(warm_data)
        result = run("--screenshot", tmp_path / "shot.png", "--view", "sessions", data=warm_data)
        no_traceback(result)
        assert result.returncode == 0, result.stderr
        assert folder_state(warm_data) == before
        new_log = log.read_bytes()[len(log_before):].decode("utf-8", errors="replace")
        about = [line for line in new_log.splitlines()
                 if "settings" in line and "WARNING" in line]
        if item.says == "OK":
            assert about == []
        else:
            assert len(about) == 1, new_log
            assert item.says in about[0]
    finally:
        if settings.is_dir() and not settings.is_symlink():
            settings.rmdir()
        else:
            settings.unlink(missing_ok=True)
        if kept is not None:
            settings.write_bytes(kept)
