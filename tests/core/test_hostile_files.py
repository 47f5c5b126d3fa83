"""Routine, library and cache files are read defensively: one bad file gives one clear line."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from gluteapp.core.assets import assets_dir, builtin_library
from gluteapp.core.exercises import Library, LibraryError, load_library, parse_library
from gluteapp.core.library_cache import PREFIX, SUFFIX, cache_key, load_library_cached
from gluteapp.core.routines import (
    MAX_ROUTINE_BYTES,
    MAX_STEPS,
    RoutineError,
    find_routine,
    load_routine,
    parse_routine,
    user_routines,
)
from gluteapp.core.safe_files import (
    has_visible_character,
    name_problem,
    read_limited_text,
    shown_path,
    shown_value,
)

STEP = '[[steps]]\nexercise = "frog-pump"\nsets = 2\nreps = 12\n'
GOOD = f'name = "Pumps"\nprepare_s = 5\n\n{STEP}'


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


def routine_error(path: Path, library: Library) -> str:
    with pytest.raises(RoutineError) as raised:
        load_routine(path, library)
    message = str(raised.value)
    assert "\n" not in message
    assert len(message) < 400
    return message


def in_thread(action: object, timeout_s: float = 20) -> None:
    """Run `action` where a hang shows as a failure instead of a stuck test run."""
    done = threading.Event()
    failure: list[BaseException] = []

    def run() -> None:
        try:
            action()  # type: ignore[operator]
        except BaseException as error:  # handed to the test thread
            failure.append(error)
        done.set()

    threading.Thread(target=run, daemon=True).start()
    assert done.wait(timeout_s), "the read did not return: it blocks"
    if failure:
        raise failure[0]


def test_deeply_nested_brackets_are_refused_not_a_recursion_error(
    tmp_path: Path, library: Library
) -> None:
    path = tmp_path / "deep.toml"
    path.write_text("name = 'x'\nprepare_s = 5\nbad = " + "[" * 500 + "]" * 500 + "\n")
    assert path.stat().st_size < 1200
    message = routine_error(path, library)
    assert message == f"{path}: not valid TOML: its lists or tables are nested too deeply"
    with pytest.raises(LibraryError, match="nested too deeply"):
        parse_library("exercise = " + "[" * 2000 + "]" * 2000)


def test_a_folder_with_a_deeply_nested_file_still_lists_the_others(
    tmp_path: Path, library: Library
) -> None:
    (tmp_path / "a-deep.toml").write_text("x = " + "{a = " * 600 + "1" + "}" * 600)
    (tmp_path / "b-good.toml").write_text(GOOD)
    found = user_routines(tmp_path, library)
    assert [r.id for r in found.routines] == ["b-good"]
    assert len(found.errors) == 1
    assert "nested too deeply" in found.errors[0]


def test_a_named_pipe_called_x_toml_is_refused_at_once(tmp_path: Path, library: Library) -> None:
    pipe = tmp_path / "x.toml"
    os.mkfifo(pipe)
    (tmp_path / "good.toml").write_text(GOOD)
    messages: list[str] = []
    in_thread(lambda: messages.append(routine_error(pipe, library)))
    assert messages == [f"{pipe}: is not a regular file (a folder, named pipe or device); "
                        "a routine file must be a plain text file"]
    found: list[object] = []
    in_thread(lambda: found.append(user_routines(tmp_path, library)))
    assert [r.id for r in found[0].routines] == ["good"]  # type: ignore[attr-defined]
    with pytest.raises(RoutineError, match="is not a regular file"):
        in_thread(lambda: find_routine("x", library, tmp_path))
    with pytest.raises(LibraryError, match="is not a regular file"):
        in_thread(lambda: load_library(pipe))


def test_a_folder_or_device_named_like_a_routine_is_refused(
    tmp_path: Path, library: Library
) -> None:
    folder = tmp_path / "folder.toml"
    folder.mkdir()
    assert "is not a regular file" in routine_error(folder, library)
    assert "is not a regular file" in routine_error(Path("/dev/zero"), library)


def test_size_and_step_limits_with_clear_messages(tmp_path: Path, library: Library) -> None:
    huge = tmp_path / "huge.toml"
    huge.write_text(GOOD + "\n" + STEP * 20000)
    assert huge.stat().st_size > MAX_ROUTINE_BYTES
    assert routine_error(huge, library) == (
        f"{huge}: is 1015 KB; a routine file may be at most 256 KB")
    many = tmp_path / "many.toml"
    inline = ", ".join('{exercise = "frog-pump", sets = 1, reps = 5}' for _ in range(MAX_STEPS + 1))
    many.write_text(f'name = "Many"\nprepare_s = 5\nsteps = [{inline}]\n')
    assert routine_error(many, library) == (
        f"{many}: steps (line 3): has too many steps: a routine may have at most {MAX_STEPS}")
    at_limit = tmp_path / "at-limit.toml"
    at_limit.write_text(
        'name = "Many"\nprepare_s = 5\nsteps = [' + ", ".join(
            '{exercise = "frog-pump", sets = 1, reps = 5}' for _ in range(MAX_STEPS)) + "]\n")
    assert len(load_routine(at_limit, library).steps) == MAX_STEPS


def test_a_ten_megabyte_id_gives_a_short_message(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "long.toml"
    path.write_text(f'name = "X"\nprepare_s = 5\n[[steps]]\nexercise = "{"a" * 10_000_000}"\n'
                    "sets = 1\nreps = 5\n")
    assert routine_error(path, library) == (
        f"{path}: is 9.5 MB; a routine file may be at most 256 KB")
    long_id = "a" * 100_000  # within the file limit: refused by the id's own limit
    with pytest.raises(RoutineError) as raised:
        parse_routine(f'name = "X"\nprepare_s = 5\n[[steps]]\nexercise = "{long_id}"\nsets = 1\n'
                      "reps = 5\n", "long.toml", library)
    assert str(raised.value) == (
        "long.toml: steps[1].exercise (line 4): must be at most 60 characters")
    with pytest.raises(RoutineError) as unknown_key:
        parse_routine(f'name = "X"\nprepare_s = 5\n{long_id} = 1\n', "key.toml", library)
    assert len(str(unknown_key.value)) < 400
    with pytest.raises(RoutineError) as side:
        parse_routine(f'name = "X"\nprepare_s = 5\n{STEP}extra_side = "{long_id}"\n',
                      "side.toml", library)
    assert len(str(side.value)) < 400


@pytest.mark.parametrize(
    "name",
    ["\u200b", "\u200b\u200c\u200d\u2060", " \u00a0\u3000", "\ufeff", "\u3164\u3164",
     "\u0301\u0301", "\u2800"],
)
def test_a_name_nobody_can_see_is_refused(tmp_path: Path, library: Library, name: str) -> None:
    with pytest.raises(RoutineError) as raised:
        parse_routine(f'name = "{name}"\nprepare_s = 5\n{STEP}', "invisible.toml", library)
    assert str(raised.value) == ("invisible.toml: name (line 1): must have at least one visible "
                                 "character (it is empty or invisible)")


def test_a_name_with_a_line_break_or_escape_code_is_refused(library: Library) -> None:
    with pytest.raises(RoutineError, match="must not contain line breaks"):
        parse_routine(f'name = "Two\\nlines"\nprepare_s = 5\n{STEP}', "lines.toml", library)
    with pytest.raises(RoutineError, match="must not contain line breaks"):
        parse_routine(f'name = "\\u001b[31mRed"\nprepare_s = 5\n{STEP}', "esc.toml", library)


def test_a_byte_order_mark_is_accepted(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    assert load_routine(path, library).name == "Pumps"
    toml = (assets_dir() / "exercises.toml").read_bytes()
    bom_library = tmp_path / "exercises.toml"
    bom_library.write_bytes(b"\xef\xbb\xbf" + toml)
    assert len(load_library(bom_library)) == len(builtin_library())


def test_text_that_is_not_utf8_names_the_byte(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('name = "Übung"\nprepare_s = 5\n'.encode("latin-1") + STEP.encode())
    assert routine_error(path, library) == (
        f"{path}: is not UTF-8 text (byte 9 cannot be read); save it as UTF-8")


def test_a_file_name_that_is_not_utf8_is_refused_with_a_printable_message(
    tmp_path: Path, library: Library
) -> None:
    raw = os.fsencode(tmp_path) + b"/\xfcbung.toml"
    with open(raw, "w", encoding="utf-8") as handle:
        handle.write(GOOD)
    (tmp_path / "good.toml").write_text(GOOD)
    found = user_routines(tmp_path, library)
    assert [r.id for r in found.routines] == ["good"]
    (message,) = found.errors
    assert message == (f"{tmp_path}/\ufffdbung.toml: the file name is not valid UTF-8 text; "
                       "rename the file (its name becomes the routine's id, which the history "
                       "stores)")
    message.encode("utf-8")  # printable and loggable as it is
    with pytest.raises(RoutineError, match="not valid UTF-8"):
        find_routine(os.fsdecode(raw), library)


def test_a_file_name_with_a_line_break_is_refused(tmp_path: Path, library: Library) -> None:
    path = tmp_path / "two\nlines.toml"
    path.write_text(GOOD)
    assert routine_error(path, library) == (
        f"{tmp_path}/two\\nlines.toml: the file name holds a line break or other control "
        "character; rename the file")


def test_an_invisible_exercise_name_in_a_library_is_refused(library: Library) -> None:
    toml = (assets_dir() / "exercises.toml").read_text(encoding="utf-8")
    first_name = next(line for line in toml.splitlines() if line.startswith("name = "))
    with pytest.raises(LibraryError, match="field 'name': must have at least one visible"):
        parse_library(toml.replace(first_name, 'name = "\u200b\u200b\u200b"', 1))


def test_a_huge_library_id_gives_a_short_message(library: Library) -> None:
    toml = (assets_dir() / "exercises.toml").read_text(encoding="utf-8")
    first_id = next(line for line in toml.splitlines() if line.startswith("id = "))
    with pytest.raises(LibraryError) as raised:
        parse_library(toml.replace(first_id, f'id = "{"x" * 1_000_000}"', 1))
    assert len(str(raised.value)) < 400


def test_a_cache_copy_that_is_a_pipe_or_huge_is_ignored(tmp_path: Path) -> None:
    toml = assets_dir() / "exercises.toml"
    cache = tmp_path / "cache"
    cache.mkdir()
    copy = cache / f"{PREFIX}{cache_key(toml.read_bytes())}{SUFFIX}"
    os.mkfifo(copy)
    loaded: list[Library] = []
    in_thread(lambda: loaded.append(load_library_cached(toml, cache)))
    assert len(loaded[0]) == len(builtin_library())


def test_shown_paths_and_values_are_one_printable_line() -> None:
    assert shown_path(os.fsdecode(b"/tmp/\xff\xfe.toml")) == "/tmp/\ufffd\ufffd.toml"
    assert shown_path("/tmp/a\tb.toml") == "/tmp/a\\tb.toml"
    assert shown_value("x" * 100) == repr("x" * 60 + "…")
    assert shown_value("bad\udcffname") == repr("bad?name")
    assert not has_visible_character("\u200b\u2060 ")
    assert has_visible_character("\u200bA")
    assert name_problem("Morning") is None


def test_reading_limits_are_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(ValueError, match=r"is 2 KB; a thing may be at most 1 KB"):
        read_limited_text(path, 1024, "thing")
