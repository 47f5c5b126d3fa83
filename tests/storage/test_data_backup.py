"""Backup files of the whole data folder: written, read back, and refused when they are bad."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
import warnings
import zipfile
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from gluteapp.core import folder_lock
from gluteapp.core.paths import AppPaths, ensure_writable, resolve_paths
from gluteapp.storage import data_backup, open_history
from gluteapp.storage.data_backup import (
    BackupError,
    apply_restore,
    restore_data_backup,
    stage_history_backup,
    stage_restore,
    write_data_backup,
)
from gluteapp.storage.schema import SCHEMA_VERSION
from tests.storage.storage_helpers import FakeClock, fill_history

ROUTINE = b'id = "mine"\nname = "Mine"\n\n[[steps]]\nexercise = "glute_bridge"\nsets = 2\n'
PICTURE = bytes(range(256)) * 40  # binary, like a photo
RESTORED_AT = datetime(2026, 12, 7, 3, 15, tzinfo=UTC)


def tree(folder: Path) -> dict[str, str]:
    """Every file and folder under `folder`, with the hash of each file's bytes. A file gone
    between the listing and its reading (a running app's settings lock, held for a moment)
    is left out."""
    found: dict[str, str] = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs:
            found[os.path.relpath(os.path.join(root, name), folder) + "/"] = "folder"
        for name in files:
            path = Path(root, name)
            try:
                data = path.read_bytes()
            except FileNotFoundError:
                continue
            found[os.path.relpath(path, folder)] = hashlib.sha256(data).hexdigest()
    return found


def history_rows(database: Path) -> dict[str, list[tuple[object, ...]]]:
    with closing(sqlite3.connect(database)) as conn:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
            for table in ("sessions", "sets", "dose_choices", "hurts")
        }


def make_data(folder: Path, sessions: int = 3) -> AppPaths:
    """A data folder like a person's: a history, settings, a routine, an own exercise."""
    paths = resolve_paths(folder)
    with open_history(paths.data_dir, clock=FakeClock(), daily_backup=False) as store:
        fill_history(store, sessions)
    paths.settings.write_text("[General]\ntheme=dark\nlanguage=de\n", encoding="utf-8")
    paths.routines.mkdir(exist_ok=True)
    (paths.routines / "mine.toml").write_bytes(ROUTINE)
    pictures = paths.data_dir / "exercises" / "pictures"
    pictures.mkdir(parents=True)
    (paths.data_dir / "exercises" / "wall_press.toml").write_text(
        'id = "wall_press"\nname = "Wall press — für Anna"\n', encoding="utf-8")
    (pictures / "wall press.png").write_bytes(PICTURE)
    return paths


@pytest.fixture
def source(tmp_path: Path) -> AppPaths:
    return make_data(tmp_path / "source")


@pytest.fixture
def backup_file(tmp_path: Path, source: AppPaths) -> Path:
    return write_data_backup(source, tmp_path / "backup.zip").path


def test_restore_into_a_fresh_folder_gives_the_same_data(
    tmp_path: Path, source: AppPaths, backup_file: Path
) -> None:
    fresh = resolve_paths(tmp_path / "fresh")
    result = restore_data_backup(fresh, backup_file, clock=lambda: RESTORED_AT)
    assert history_rows(fresh.database) == history_rows(source.database)
    assert len(history_rows(fresh.database)["sets"]) == 6
    assert fresh.settings.read_bytes() == source.settings.read_bytes()
    assert (fresh.routines / "mine.toml").read_bytes() == ROUTINE
    assert (fresh.data_dir / "exercises" / "pictures" / "wall press.png").read_bytes() == PICTURE
    assert (fresh.data_dir / "exercises" / "wall_press.toml").read_bytes() == (
        source.data_dir / "exercises" / "wall_press.toml").read_bytes()
    assert result.contents.sessions == 3
    assert result.contents.routine_files == 1
    assert result.contents.exercise_files == 2
    # Nothing was there before, so nothing was moved aside and no empty folder is left.
    assert result.kept_aside is None
    assert sorted(p.name for p in fresh.data_dir.iterdir()) == [
        "exercises", "history.db", "routines", "settings.ini"]


def test_the_restored_history_opens_and_takes_new_sessions(
    tmp_path: Path, backup_file: Path
) -> None:
    fresh = resolve_paths(tmp_path / "fresh")
    restore_data_backup(fresh, backup_file)
    with open_history(fresh.data_dir, clock=FakeClock(), daily_backup=False) as store:
        assert len(store.list_sessions()) == 3
        store.start_session("basics", "Basics", datetime(2026, 1, 1, tzinfo=UTC))
        assert len(store.list_sessions()) == 4


def test_restore_keeps_the_current_data_aside_intact(
    tmp_path: Path, backup_file: Path
) -> None:
    current = make_data(tmp_path / "current", sessions=5)
    (current.routines / "only_here.toml").write_bytes(b"id = 'x'\n")
    before = tree(current.data_dir)
    result = restore_data_backup(current, backup_file, clock=lambda: RESTORED_AT)
    assert result.kept_aside == current.data_dir / "before-restore-2026-12-07T03-15-00Z"
    kept = tree(result.kept_aside)
    for name, digest in before.items():
        if not name.startswith(("backups", "logs", "cache")):
            assert kept[name] == digest, name
    assert len(history_rows(result.kept_aside / "history.db")["sessions"]) == 5
    assert len(history_rows(current.database)["sessions"]) == 3
    assert not (current.routines / "only_here.toml").exists()
    assert result.moved_aside == ("exercises", "history.db", "routines", "settings.ini")


def test_a_second_restore_in_the_same_second_gets_its_own_aside_folder(
    tmp_path: Path, backup_file: Path
) -> None:
    current = make_data(tmp_path / "current")
    first = restore_data_backup(current, backup_file, clock=lambda: RESTORED_AT)
    second = restore_data_backup(current, backup_file, clock=lambda: RESTORED_AT)
    assert second.kept_aside != first.kept_aside
    assert second.kept_aside.name == "before-restore-2026-12-07T03-15-00Z-2"


def test_the_backup_is_a_consistent_snapshot_while_the_history_is_open(
    tmp_path: Path, source: AppPaths
) -> None:
    with open_history(source.data_dir, clock=FakeClock(), daily_backup=False) as store:
        fill_history(store, 2, start=datetime(2025, 6, 1, tzinfo=UTC))
        written = write_data_backup(source, tmp_path / "open.zip")
    assert written.contents.sessions == 5
    assert written.contents.newest_session == datetime(2025, 6, 3, tzinfo=UTC)


def test_an_existing_file_is_not_overwritten_unless_asked(
    tmp_path: Path, source: AppPaths, backup_file: Path
) -> None:
    assert backup_file.stat().st_mode & 0o777 == 0o600  # health data: its owner's alone
    before = backup_file.read_bytes()
    with pytest.raises(BackupError, match=r"backup\.zip: the file exists already"):
        write_data_backup(source, backup_file)
    assert backup_file.read_bytes() == before
    write_data_backup(source, backup_file, overwrite=True)
    assert zipfile.is_zipfile(backup_file)


def test_files_that_cannot_go_in_are_named_and_left_out(
    tmp_path: Path, source: AppPaths
) -> None:
    os.mkfifo(source.routines / "pipe.toml")
    (source.routines / "link.toml").symlink_to(source.routines / "mine.toml")
    (source.routines / "back\\slash.toml").write_bytes(ROUTINE)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.toml").write_bytes(ROUTINE)
    (source.data_dir / "exercises" / "linked").symlink_to(elsewhere)
    written = write_data_backup(source, tmp_path / "b.zip")
    assert len(written.left_out) == 4
    assert any("linked: a link to a folder" in line for line in written.left_out)
    assert any("pipe.toml: not a plain file" in line for line in written.left_out)
    assert any("back\\slash.toml: its name holds a backslash" in line
               for line in written.left_out)
    with zipfile.ZipFile(written.path) as archive:
        assert "routines/mine.toml" in archive.namelist()
        assert "routines/pipe.toml" not in archive.namelist()


def test_no_backup_without_a_history(tmp_path: Path) -> None:
    empty = resolve_paths(tmp_path / "empty")
    empty.data_dir.mkdir()
    with pytest.raises(BackupError, match="holds no history"):
        write_data_backup(empty, tmp_path / "b.zip")
    assert not (tmp_path / "b.zip").exists()


def test_a_read_only_target_folder_is_refused_with_nothing_left(
    tmp_path: Path, source: AppPaths
) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(BackupError, match=r"locked/b\.zip: Permission denied"):
            write_data_backup(source, folder / "b.zip")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_full_disk_while_writing_leaves_no_partial_file(
    tmp_path: Path, source: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(data_backup.os, "fsync", full)
    with pytest.raises(BackupError, match=r"out/b\.zip: No space left on device\. Check that"):
        write_data_backup(source, folder / "b.zip")
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("name", [
    "backup with spaces.zip", "Sicherung für Anna – März.zip", "line\nbreak.zip",
    "-starts-with-a-dash.zip", "no-suffix", "long" * 62 + ".zip",
])
def test_odd_file_names_back_up_and_restore(tmp_path: Path, source: AppPaths, name: str) -> None:
    written = write_data_backup(source, tmp_path / name)
    assert written.path.name == name
    fresh = resolve_paths(tmp_path / "fresh folder ä")
    restore_data_backup(fresh, written.path)
    assert history_rows(fresh.database) == history_rows(source.database)


def test_a_file_name_that_is_not_utf8_is_named_readably(tmp_path: Path, source: AppPaths) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/bad\xff name.zip"))
    odd.write_bytes(b"not a zip")
    current = make_data(tmp_path / "current")
    before = tree(current.data_dir)
    said = "bad\ufffd name.zip is not a backup of Gluteapp"
    with pytest.raises(BackupError, match=re.escape(said)) as caught:
        restore_data_backup(current, odd)
    str(caught.value).encode("utf-8")  # printable and loggable as it is
    assert tree(current.data_dir) == before


# --- bad backup files --------------------------------------------------------------------------

def rewrite(backup: Path, target: Path, *, manifest: Callable[[dict[str, object]], object]
            | None = None, members: Callable[[dict[str, bytes]], None] | None = None,
            fix_hashes: bool = False) -> Path:
    """A copy of `backup` with its manifest and members changed."""
    with zipfile.ZipFile(backup) as archive:
        contents = {name: archive.read(name) for name in archive.namelist()}
    loaded = json.loads(contents.pop(data_backup.MANIFEST_NAME))
    if members is not None:
        members(contents)
    if fix_hashes:
        loaded["files"] = [
            {"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
            for name, data in contents.items()]
    new_manifest = manifest(loaded) if manifest is not None else loaded
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in contents.items():
            archive.writestr(name, data)
        archive.writestr(data_backup.MANIFEST_NAME, json.dumps(new_manifest))
    return target


def with_key(key: str, value: object) -> Callable[[dict[str, object]], object]:
    def change(manifest: dict[str, object]) -> object:
        manifest[key] = value
        return manifest
    return change


def first_file(**changes: object) -> Callable[[dict[str, object]], object]:
    def change(manifest: dict[str, object]) -> object:
        files = manifest["files"]
        assert isinstance(files, list)
        files[0].update(changes)
        return manifest
    return change


def add_member(name: str, data: bytes) -> Callable[[dict[str, bytes]], None]:
    def change(members: dict[str, bytes]) -> None:
        members[name] = data
    return change


def newer_history(members: dict[str, bytes]) -> None:
    members["history.db"] = _database_bytes(f"PRAGMA user_version = {SCHEMA_VERSION + 1}",
                                            "CREATE TABLE sessions (id INTEGER PRIMARY KEY)",
                                            "CREATE TABLE sets (id INTEGER PRIMARY KEY)")


def foreign_history(members: dict[str, bytes]) -> None:
    members["history.db"] = _database_bytes("CREATE TABLE photos (id INTEGER PRIMARY KEY)")


def damaged_history(members: dict[str, bytes]) -> None:
    data = bytearray(members["history.db"])
    data[4096:8192] = b"\xff" * 4096  # the second page
    members["history.db"] = bytes(data)


def _database_bytes(*statements: str) -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "x.db")
        with closing(sqlite3.connect(path)) as conn:
            for statement in statements:
                conn.execute(statement)
            conn.commit()
        return path.read_bytes()


def _bad_files(good: Path, folder: Path) -> Iterator[tuple[str, Path, str]]:
    """(what is wrong, the file, what the message must say)."""
    def at(name: str) -> Path:
        return folder / name

    data = good.read_bytes()
    at("truncated.zip").write_bytes(data[: len(data) // 2])
    yield "cut in half", at("truncated.zip"), "not a ZIP archive, or it was cut short"
    at("empty.zip").write_bytes(b"")
    yield "empty", at("empty.zip"), "is empty"
    at("text.zip").write_text("these are not the droids\n")
    yield "text", at("text.zip"), "not a ZIP archive"
    at("binary.zip").write_bytes(os.urandom(70_000))
    yield "random bytes", at("binary.zip"), "not a ZIP archive"
    flipped = bytearray(data)
    middle = len(flipped) // 3
    flipped[middle : middle + 64] = bytes(b ^ 0x5A for b in flipped[middle : middle + 64])
    at("flipped.zip").write_bytes(bytes(flipped))
    yield "bytes flipped inside", at("flipped.zip"), "damaged"
    with zipfile.ZipFile(at("foreign.zip"), "w") as archive:
        archive.writestr("holiday.jpg", b"\xff\xd8\xff")
    yield "another program's zip", at("foreign.zip"), "holds no gluteapp-backup.json"
    huge = at("huge.zip")
    with open(huge, "wb") as handle:
        handle.truncate(data_backup.MAX_BACKUP_BYTES + 1)  # sparse: nothing is written
    yield "over a gigabyte", huge, "larger than any backup"
    os.mkfifo(at("pipe.zip"))
    yield "a named pipe", at("pipe.zip"), "a named pipe"
    at("folder.zip").mkdir()
    yield "a folder", at("folder.zip"), "a folder"
    yield "missing", at("nowhere.zip"), "cannot be read: No such file"
    yield ("a newer format", rewrite(good, at("v2.zip"), manifest=with_key("version", 2)),
           "written by a newer Gluteapp (backup format 2")
    yield ("a newer schema in the manifest",
           rewrite(good, at("schema.zip"), manifest=with_key("schema_version", SCHEMA_VERSION + 1)),
           "holds a history from a newer Gluteapp")
    yield ("a newer history", rewrite(good, at("newdb.zip"), members=newer_history,
                                      fix_hashes=True), "is from a newer Gluteapp")
    yield ("a foreign database", rewrite(good, at("fdb.zip"), members=foreign_history,
                                         fix_hashes=True), "not a history of Gluteapp")
    yield ("a damaged history", rewrite(good, at("ddb.zip"), members=damaged_history,
                                        fix_hashes=True), "The history in")
    yield ("another format", rewrite(good, at("fmt.zip"), manifest=with_key("format", "zip")),
           "does not say format")
    yield ("a manifest that is a list", rewrite(good, at("list.zip"), manifest=lambda m: [m]),
           "does not say format")
    yield ("a version that is text", rewrite(good, at("vtext.zip"),
                                             manifest=with_key("version", "1")),
           "no valid version")
    yield ("files that is not a list", rewrite(good, at("files.zip"),
                                               manifest=with_key("files", "all")),
           "Expected `array`, got `str` - at `$.files`")
    yield ("an unknown key", rewrite(good, at("key.zip"), manifest=with_key("owner", "x")),
           "unknown field `owner`")
    yield ("a size that is text", rewrite(good, at("size.zip"), manifest=first_file(size="9")),
           "Expected `int`, got `str` - at `$.files[0].size`")
    yield ("a wrong checksum", rewrite(good, at("sum.zip"), manifest=first_file(sha256="0" * 64)),
           "does not match its checksum")
    yield ("a checksum that is not hex", rewrite(good, at("hex.zip"),
                                                 manifest=first_file(sha256="xyz")),
           "not SHA-256 hex")
    yield ("a wrong size", rewrite(good, at("wsize.zip"), manifest=first_file(size=3)),
           "its manifest says 3")
    yield ("a size beyond the limit", rewrite(good, at("bsize.zip"),
                                              manifest=first_file(size=10**12)),
           "outside 0 to 512 MB")
    for name, label in (("../../evil.toml", "dotdot"), ("/etc/passwd", "absolute"),
                        ("routines/../../x.toml", "dotdot2"), ("routines\\..\\x", "backslash"),
                        ("C:/x.toml", "drive"), ("routines/a\nb.toml", "newline")):
        yield (f"a path {label}",
               rewrite(good, at(f"path-{label}.zip"), members=add_member(name, b"x"),
                       fix_hashes=True), "which cannot be restored")
    at("fake.db").write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    yield "an SQLite header on noise", at("fake.db"), "fake.db"
    at("photos.db").write_bytes(_database_bytes("CREATE TABLE photos (id INTEGER PRIMARY KEY)"))
    yield "another program's database", at("photos.db"), "not a history of Gluteapp"
    yield ("a file inside what is a file",
           rewrite(good, at("inside.zip"), members=add_member("routines/mine.toml/x.toml", b"x"),
                   fix_hashes=True), "a file and a folder of one name")
    yield ("a file the manifest does not list",
           rewrite(good, at("extra.zip"), members=add_member("routines/extra.toml", b"x")),
           "which its manifest does not list")
    yield ("no history", rewrite(good, at("nohist.zip"),
                                 members=lambda m: m.pop("history.db"), fix_hashes=True),
           "holds no history")
    yield ("a listed file missing", rewrite(good, at("gone.zip"),
                                            members=lambda m: m.pop("routines/mine.toml")),
           "is missing 'routines/mine.toml'")
    yield ("settings that are binary",
           rewrite(good, at("set.zip"), members=add_member("settings.ini", b"\xff\xfe\x00\x01"),
                   fix_hashes=True), "settings.ini is not UTF-8 text")
    yield ("a manifest that is JSON null",
           rewrite(good, at("null.zip"), manifest=lambda m: None), "does not say format")
    yield ("a manifest that is not JSON", raw_zip(at("json.zip"), [
        (data_backup.MANIFEST_NAME, b'{"format": "gluteapp-backup", ', {})]),
        "gluteapp-backup.json is not valid JSON text")
    yield ("a manifest in Latin-1", raw_zip(at("latin.zip"), [
        (data_backup.MANIFEST_NAME, '{"format": "sauvegarde é"}'.encode("latin-1"), {})]),
        "is not valid JSON text")
    with zipfile.ZipFile(good) as archive:
        manifest = archive.read(data_backup.MANIFEST_NAME)
        history = archive.read("history.db")
    yield ("a file packed twice", raw_zip(at("twice.zip"), [
        ("history.db", history, {}), ("history.db", history, {}),
        (data_backup.MANIFEST_NAME, manifest, {})]), "holds 'history.db' twice")
    yield ("an encrypted file", raw_zip(at("locked.zip"), [
        ("history.db", history, {"flag_bits": 0x1}),
        (data_backup.MANIFEST_NAME, manifest, {})]), "holds an encrypted file")
    yield ("a file packed with bzip2", raw_zip(at("bz.zip"), [
        ("history.db", history, {"compress_type": zipfile.ZIP_BZIP2}),
        (data_backup.MANIFEST_NAME, manifest, {})]), "packed in a way Gluteapp does not write")


def raw_zip(target: Path, members: list[tuple[str, bytes, dict[str, int]]]) -> Path:
    """A ZIP archive written member by member, with its packing and flags as given."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name": that is the point of one of them
        with zipfile.ZipFile(target, "w") as archive:
            for name, data, fields in members:
                info = zipfile.ZipInfo(name)
                info.compress_type = fields.get("compress_type", zipfile.ZIP_STORED)
                archive.writestr(info, data)
                # Written into the central directory (where readers look) when it closes.
                archive.filelist[-1].flag_bits |= fields.get("flag_bits", 0)
    return target


@pytest.fixture
def bad_files(tmp_path: Path, backup_file: Path) -> list[tuple[str, Path, str]]:
    folder = tmp_path / "bad"
    folder.mkdir()
    return list(_bad_files(backup_file, folder))


def test_bad_backup_files_are_refused_and_the_data_folder_is_unchanged(
    tmp_path: Path, bad_files: list[tuple[str, Path, str]]
) -> None:
    current = make_data(tmp_path / "current", sessions=4)
    before = tree(current.data_dir)
    assert len(bad_files) == 44
    for what, path, says in bad_files:
        with pytest.raises(BackupError) as caught:
            restore_data_backup(current, path)
        message = str(caught.value)
        assert says in message, f"{what}: {message}"
        assert path.name in message, f"{what}: the file is not named: {message}"
        assert "Nothing was changed" in message, what
        assert "\n" not in message, what
        assert tree(current.data_dir) == before, what


def test_a_refused_restore_into_a_new_folder_leaves_no_folder(
    tmp_path: Path, bad_files: list[tuple[str, Path, str]]
) -> None:
    fresh = resolve_paths(tmp_path / "fresh")
    _what, path, _says = bad_files[10]  # a newer format: refused after unpacking started
    with pytest.raises(BackupError, match="newer Gluteapp"):
        restore_data_backup(fresh, path)
    assert not fresh.data_dir.exists()


def test_a_file_larger_than_the_limit_is_refused_before_it_is_unpacked(
    tmp_path: Path, source: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Five megabytes of zeros pack into a few kilobytes: the size it unpacks to is what counts."""
    monkeypatch.setattr(data_backup, "MAX_FILE_BYTES", 10_000)
    big = b"\0" * 5_000_000  # compresses to a few KB
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("routines/bomb.toml", big)
        archive.writestr(data_backup.MANIFEST_NAME, json.dumps({
            "format": "gluteapp-backup", "version": 1, "app_version": "0", "schema_version": 1,
            "created_at": "2026-01-01T00:00:00Z",
            "files": [{"path": "routines/bomb.toml", "size": len(big),
                       "sha256": hashlib.sha256(big).hexdigest()},
                      {"path": "history.db", "size": 1, "sha256": "0" * 64}]}))
    current = make_data(tmp_path / "current")
    before = tree(current.data_dir)
    with pytest.raises(BackupError, match=r"bomb\.zip lists 'routines/bomb\.toml' with a size"):
        restore_data_backup(current, bomb)
    assert tree(current.data_dir) == before


def test_a_full_disk_while_unpacking_changes_nothing(
    tmp_path: Path, backup_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    current = make_data(tmp_path / "current")
    before = tree(current.data_dir)

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(data_backup.os, "fsync", full)
    with pytest.raises(BackupError, match=r"backup\.zip: the disk holding .* is full"):
        restore_data_backup(current, backup_file)
    assert tree(current.data_dir) == before


def test_a_read_only_data_folder_is_said_and_left_alone(
    tmp_path: Path, backup_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root the test cannot make a folder read-only; the staging folder fails as it would."""
    current = make_data(tmp_path / "current")
    before = tree(current.data_dir)

    def read_only(*_args: object, **_kwargs: object) -> str:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(data_backup.tempfile, "mkdtemp", read_only)
    with pytest.raises(BackupError, match=r"current cannot be written \(Read-only file system\)"):
        restore_data_backup(current, backup_file)
    assert tree(current.data_dir) == before


@pytest.mark.parametrize("failing", range(1, 9))
def test_a_step_that_fails_during_the_swap_puts_everything_back(
    tmp_path: Path, backup_file: Path, monkeypatch: pytest.MonkeyPatch, failing: int
) -> None:
    """Four parts move aside, four come in: whichever move fails, the folder is as it was."""
    current = make_data(tmp_path / "current")
    before = tree(current.data_dir)
    staged = stage_restore(current, backup_file)
    real_move = data_backup._move
    calls: list[Path] = []

    def failing_move(source: Path, target: Path) -> None:
        calls.append(source)
        if len(calls) == failing:
            raise OSError(5, "Input/output error")
        real_move(source, target)

    monkeypatch.setattr(data_backup, "_move", failing_move)
    with pytest.raises(BackupError, match="was put back as it was"):
        apply_restore(staged)
    assert len(calls) == 2 * failing - 1  # each move that was made, made back
    assert tree(current.data_dir) == before


# --- a running copy ----------------------------------------------------------------------------

def test_restore_is_refused_while_another_process_holds_the_folder(
    tmp_path: Path, backup_file: Path
) -> None:
    current = make_data(tmp_path / "current")
    before = tree(current.data_dir)
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys; from pathlib import Path; from gluteapp.core import folder_lock; "
         "assert folder_lock.hold(Path(sys.argv[1])); print('held', flush=True); "
         "sys.stdin.read()", str(current.data_dir)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "held\n"
        assert folder_lock.held_elsewhere(current.data_dir)
        with pytest.raises(BackupError, match="Gluteapp is running on the data folder"):
            restore_data_backup(current, backup_file)
        assert tree(current.data_dir) == before
    finally:
        holder.communicate("")
    assert not folder_lock.held_elsewhere(current.data_dir)
    restore_data_backup(current, backup_file)  # free again once it has quit


def test_the_copy_that_holds_the_folder_may_restore_into_it(
    tmp_path: Path, backup_file: Path
) -> None:
    current = make_data(tmp_path / "current")
    assert folder_lock.hold(current.data_dir)
    try:
        assert not folder_lock.held_elsewhere(current.data_dir)
        result = restore_data_backup(current, backup_file)
        assert result.contents.sessions == 3
    finally:
        folder_lock.release(current.data_dir)


# --- the automatic backups ---------------------------------------------------------------------

def test_an_automatic_backup_restores_the_history_only(tmp_path: Path) -> None:
    current = make_data(tmp_path / "current", sessions=2)
    clock = FakeClock()
    with open_history(current.data_dir, clock=clock, daily_backup=False) as store:
        made = store.backup_now()
        fill_history(store, 3, start=datetime(2025, 9, 1, tzinfo=UTC))
    listed = data_backup.automatic_backups(current.backups)
    # Closing backs up too: after make_data (2 sessions), and now (5).
    assert [(b.sessions, b.readable) for b in listed] == [(5, True), (2, True), (2, True)]
    assert made.path in [b.path for b in listed]
    settings_before = current.settings.read_bytes()
    result = apply_restore(stage_history_backup(current, made.path), clock=lambda: RESTORED_AT)
    assert len(history_rows(current.database)["sessions"]) == 2
    assert len(history_rows(result.kept_aside / "history.db")["sessions"]) == 5
    assert current.settings.read_bytes() == settings_before
    assert (current.routines / "mine.toml").read_bytes() == ROUTINE
    assert result.moved_aside == ("history.db",)


def test_a_damaged_automatic_backup_is_refused(tmp_path: Path) -> None:
    current = make_data(tmp_path / "current")
    current.backups.mkdir(exist_ok=True)
    bad = current.backups / "history-2025-01-01T00-00-00.000000Z.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    before = tree(current.data_dir)
    with pytest.raises(BackupError, match=r"history-2025-01-01T00-00-00\.000000Z\.db"):
        stage_history_backup(current, bad)
    assert tree(current.data_dir) == before


def test_settings_in_the_platform_config_folder_are_backed_up_and_restored(
    tmp_path: Path, backup_file: Path, source: AppPaths
) -> None:
    """Without --data-dir the settings live in another folder (~/.config/gluteapp)."""
    current = AppPaths(tmp_path / "share", config_dir=tmp_path / "config")
    make_data(current.data_dir)  # its settings.ini lands in the data folder: move it over
    current.settings.parent.mkdir()
    current.settings.write_text("[ui]\ntheme=light\n", encoding="utf-8")
    (current.data_dir / "settings.ini").unlink()
    result = restore_data_backup(current, backup_file)
    assert current.settings.read_bytes() == source.settings.read_bytes()
    assert result.kept_aside is not None
    assert (result.kept_aside / "settings.ini").read_text(encoding="utf-8") == (
        "[ui]\ntheme=light\n")
    assert not (current.data_dir / "settings.ini").exists()
    written = write_data_backup(current, tmp_path / "again.zip")
    assert written.contents.has_settings


def test_restore_takes_an_automatic_backup_file_too(tmp_path: Path) -> None:
    """`gluteapp restore backups/history-….db`: the history comes back, the rest stays."""
    current = make_data(tmp_path / "current", sessions=2)
    with open_history(current.data_dir, clock=FakeClock(), daily_backup=False) as store:
        made = store.backup_now()
        fill_history(store, 3, start=datetime(2025, 9, 1, tzinfo=UTC))
    staged = stage_restore(current, made.path)
    assert staged.history_only
    result = apply_restore(staged)
    assert len(history_rows(current.database)["sessions"]) == 2
    assert result.moved_aside == ("history.db",)
    assert (current.routines / "mine.toml").read_bytes() == ROUTINE


def test_a_history_file_with_a_wal_beside_it_is_refused(tmp_path: Path) -> None:
    current = make_data(tmp_path / "current")
    other = make_data(tmp_path / "other")
    Path(f"{other.database}-wal").write_bytes(b"")
    before = tree(current.data_dir)
    with pytest.raises(BackupError, match=r"history\.db has a -wal or -journal file beside it"):
        restore_data_backup(current, other.database)
    assert tree(current.data_dir) == before


def test_a_staging_folder_left_by_a_restore_cut_short_goes_at_the_next(
    tmp_path: Path, backup_file: Path
) -> None:
    current = make_data(tmp_path / "current")
    leftover = current.data_dir / ".restore-staging-abc123"
    (leftover / "routines").mkdir(parents=True)
    (leftover / "history.db").write_bytes(b"half")
    restore_data_backup(current, backup_file)
    assert not leftover.exists()
    assert not list(current.data_dir.glob(".restore-staging-*"))


@pytest.mark.parametrize("stopped_at", range(1, 9))
def test_a_restore_the_machine_stopped_half_way_is_undone_at_the_next_start(
    tmp_path: Path, backup_file: Path, monkeypatch: pytest.MonkeyPatch, stopped_at: int
) -> None:
    """Nothing runs after a power cut: the moves made stay made, the plan says which."""
    current = make_data(tmp_path / "current", sessions=5)
    before = tree(current.data_dir)
    real_move = data_backup._move
    calls: list[Path] = []

    class PowerCut(BaseException):
        pass

    def move(source: Path, target: Path) -> None:
        calls.append(source)
        if len(calls) == stopped_at:
            raise PowerCut
        real_move(source, target)

    monkeypatch.setattr(data_backup, "_move", move)
    with pytest.raises(PowerCut):
        restore_data_backup(current, backup_file)
    monkeypatch.setattr(data_backup, "_move", real_move)
    assert (current.data_dir / ".restore-in-progress.json").exists()
    # The next start makes the folders it needs before it opens the history.
    ensure_writable(current)
    said = data_backup.recover_cut_short_restore(current.data_dir)
    assert said == (f"A restore into {current.data_dir} was cut short (the app or the machine "
                    "stopped); the data that was there before it was put back.")
    after = tree(current.data_dir)
    assert after.pop("logs/") == "folder"  # made by ensure_writable
    assert after == before
    assert len(history_rows(current.database)["sessions"]) == 5
    assert data_backup.recover_cut_short_restore(current.data_dir) is None


def test_a_restore_after_one_cut_short_undoes_it_first(
    tmp_path: Path, backup_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    current = make_data(tmp_path / "current", sessions=5)
    real_move = data_backup._move

    def cut(source: Path, target: Path) -> None:
        if source.name == "routines" and "before-restore" not in str(source):
            raise SystemExit(1)  # after history.db and exercises moved aside
        real_move(source, target)

    monkeypatch.setattr(data_backup, "_move", cut)
    with pytest.raises(SystemExit):
        restore_data_backup(current, backup_file)
    monkeypatch.setattr(data_backup, "_move", real_move)
    result = restore_data_backup(current, backup_file, clock=lambda: RESTORED_AT)
    assert result.kept_aside is not None
    assert len(history_rows(result.kept_aside / "history.db")["sessions"]) == 5
    assert len(history_rows(current.database)["sessions"]) == 3
    assert len(list(current.data_dir.glob("before-restore-*"))) == 1


def test_a_plan_naming_other_files_is_not_followed(tmp_path: Path) -> None:
    current = make_data(tmp_path / "current")
    outside = tmp_path / "precious.txt"
    outside.write_text("mine")
    marker = current.data_dir / ".restore-in-progress.json"
    marker.write_text(json.dumps({
        "format": 1, "staging": str(current.data_dir / ".restore-staging-x"),
        "aside": str(current.data_dir / "before-restore-x"),
        "moves": [[str(tmp_path / "stolen.txt"), str(outside)]]}))
    before = tree(tmp_path)
    said = data_backup.recover_cut_short_restore(current.data_dir)
    assert said == f"{marker} names files that are not Gluteapp's; it was left as it is."
    assert tree(tmp_path) == before
    marker.write_text(json.dumps({
        "format": 1, "staging": str(current.data_dir), "aside": str(current.data_dir / "x"),
        "moves": []}))
    assert "names files that are not Gluteapp's" in str(
        data_backup.recover_cut_short_restore(current.data_dir))
    assert current.database.exists()
