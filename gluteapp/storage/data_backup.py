"""One file with everything a person made: the history, settings, routines and own exercises.

A backup file is a ZIP archive holding `gluteapp-backup.json` (the manifest: format, version,
and every other file with its size and SHA-256) and those files under their place in the data
folder: `history.db` (a consistent snapshot through SQLite's online backup API), the journal of
sets still waiting to be saved if there is one, `settings.ini`, `routines/…` and `exercises/…`.

A restore checks the whole file before it changes anything: the archive, the manifest, every
name, size and checksum, and the history with the same checks as at start-up. It unpacks into
a staging folder inside the data folder, moves the current data aside into
`before-restore-<UTC time>/`, then moves the staged data into place; a step that fails puts
everything back as it was. A copy of Gluteapp running on the folder is refused (folder_lock).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shutil
import sqlite3
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import msgspec
from msgspec import Struct, field

from gluteapp import __version__
from gluteapp.core import folder_lock
from gluteapp.core.paths import AppPaths
from gluteapp.core.safe_files import has_control_character, is_valid_text, shown_path
from gluteapp.storage.errors import StorageError
from gluteapp.storage.integrity import check_database, read_only_uri
from gluteapp.storage.rows import started_at as checked_started_at
from gluteapp.storage.schema import SCHEMA_VERSION
from gluteapp.storage.timestamps import utc_now

FORMAT = "gluteapp-backup"
FORMAT_VERSION = 1
MANIFEST_NAME = "gluteapp-backup.json"
HISTORY_NAME = "history.db"
JOURNAL_NAME = "history.db.pending"
SETTINGS_NAME = "settings.ini"
FOLDERS = ("routines", "exercises")

# Limits far above a real backup (ten years of daily sessions are a few tens of MB), so that a
# hostile file cannot fill the disk or the memory.
MAX_BACKUP_BYTES = 1 << 30
MAX_FILE_BYTES = 512 << 20
MAX_TOTAL_BYTES = 1 << 30
MAX_FILES = 10_000
MAX_MANIFEST_BYTES = 8 << 20
MAX_SETTINGS_BYTES = 1 << 20
_MAX_DEPTH = 8
_MAX_NAME_CHARS = 200
_CHUNK = 1 << 16
_ASIDE_PREFIX = "before-restore-"
_STAGING_PREFIX = ".restore-staging-"
_MARKER_NAME = ".restore-in-progress.json"
# The history's companions: moved aside and back together with it, never separated.
_HISTORY_COMPANIONS = ("-wal", "-shm", "-journal")


class BackupError(StorageError):
    """A backup could not be written, or a file could not be restored; nothing was changed."""


class _Entry(msgspec.Struct, forbid_unknown_fields=True):
    path: str
    size: int
    sha256: str


class _Manifest(msgspec.Struct, forbid_unknown_fields=True):
    format: str
    version: int
    app_version: str
    created_at: str
    schema_version: int
    files: list[_Entry]


class BackupContents(Struct, frozen=True):
    """What a backup file holds, as a person would ask about it."""

    sessions: int
    newest_session: datetime | None
    schema_version: int
    routine_files: int
    exercise_files: int
    has_settings: bool
    created_at: datetime | None = None
    app_version: str = ""


class WrittenBackup(Struct, frozen=True):
    path: Path
    contents: BackupContents
    #: Files in the folders that could not go in, each with why (a link, a pipe, a bad name).
    left_out: tuple[str, ...] = ()


class StagedRestore(Struct, frozen=True):
    """A backup unpacked and checked in a staging folder, ready to take the data's place."""

    source: Path
    paths: AppPaths
    staging: Path
    contents: BackupContents
    #: The names (as in the manifest's top level) this restore replaces.
    parts: frozenset[str]
    #: The data folder was made for this restore (removed again if it is given up).
    created_data_dir: bool = False

    @property
    def history_only(self) -> bool:
        """An automatic backup of the history: settings, routines and exercises stay."""
        return SETTINGS_NAME not in self.parts


class RestoreResult(Struct, frozen=True):
    source: Path
    contents: BackupContents
    #: Where the data that was there before now is (None: there was none).
    kept_aside: Path | None
    moved_aside: tuple[str, ...] = field(default=())


# --- names -------------------------------------------------------------------------------------

def path_problem(name: str) -> str | None:
    """Why `name` cannot be a file in a backup, or None: only our places, no way out of them."""
    if not is_valid_text(name):
        return "its name is not valid UTF-8"
    if name in (HISTORY_NAME, JOURNAL_NAME, SETTINGS_NAME):
        return None
    parts = name.split("/")
    if parts[0] not in FOLDERS or len(parts) < 2:
        return "it is not a part of a backup (history.db, settings.ini, routines/, exercises/)"
    if len(parts) > _MAX_DEPTH:
        return f"it lies more than {_MAX_DEPTH} folders deep"
    for part in parts[1:]:
        if part in ("", ".", ".."):
            return "its path is empty in places or leads out of its folder ('..')"
        if "\\" in part or ":" in part or "\x00" in part or has_control_character(part):
            return "its name holds a backslash, a colon or a control character"
        if len(part) > _MAX_NAME_CHARS:
            return f"a part of its name is longer than {_MAX_NAME_CHARS} characters"
    return None


def _shown(name: str) -> str:
    return shown_path(name)


# --- writing -----------------------------------------------------------------------------------

def write_data_backup(paths: AppPaths, target: Path, *, overwrite: bool = False,
                      clock: Callable[[], datetime] = utc_now) -> WrittenBackup:
    """Write one backup file of the data folder to `target`; raises BackupError.

    The file is written under a temporary name beside `target` and renamed only once it is
    complete and on disk, so `target` is either the whole backup or untouched.
    """
    target = Path(os.path.abspath(target))
    shown = shown_path(target)
    _check_target(target, overwrite)
    if not paths.database.is_file():
        raise BackupError(
            f"There is nothing to back up yet: the data folder {shown_path(paths.data_dir)} "
            "holds no history (history.db). Nothing was written.")
    files, left_out = _files_to_back_up(paths)
    created = clock()
    partial: Path | None = None
    try:
        with tempfile.TemporaryDirectory(prefix=".gluteapp-backup-", dir=target.parent) as work:
            snapshot = Path(work) / HISTORY_NAME
            _snapshot_history(paths.database, snapshot)
            history = _history_contents(snapshot)
            # Not named after the target: a name near the length limit would not take more.
            fd, name = tempfile.mkstemp(prefix=".gluteapp-backup-", suffix=".partial",
                                        dir=target.parent)
            partial = Path(name)
            with os.fdopen(fd, "w+b") as raw:
                _write_archive(raw, [(HISTORY_NAME, snapshot), *files], created)
                raw.flush()
                os.fsync(raw.fileno())
            os.replace(partial, target)
            partial = None
    except OSError as error:
        raise BackupError(
            f"Could not write the backup {shown}: {error.strerror or error}. Check that the "
            "folder is writable and the disk is not full. Nothing was written."
        ) from None
    finally:
        if partial is not None:
            partial.unlink(missing_ok=True)
    contents = BackupContents(
        sessions=history[0], newest_session=history[1], schema_version=history[2],
        routine_files=sum(1 for n, _ in files if n.startswith("routines/")),
        exercise_files=sum(1 for n, _ in files if n.startswith("exercises/")),
        has_settings=any(n == SETTINGS_NAME for n, _ in files),
        created_at=created, app_version=__version__)
    return WrittenBackup(target, contents, tuple(left_out))


def _check_target(target: Path, overwrite: bool) -> None:
    shown = shown_path(target)
    folder = target.parent
    if not folder.is_dir():
        raise BackupError(f"Cannot write the backup {shown}: the folder {shown_path(folder)} "
                          "does not exist. Nothing was written.")
    if os.path.lexists(target):
        if not target.is_file() or target.is_symlink():
            raise BackupError(f"Cannot write the backup {shown}: something that is not a plain "
                              "file (a folder, a link, a pipe) has that name. Nothing was written.")
        if not overwrite:
            raise BackupError(f"Cannot write the backup {shown}: the file exists already. "
                              "Choose another name or remove it first. Nothing was written.")


def _files_to_back_up(paths: AppPaths) -> tuple[list[tuple[str, Path]], list[str]]:
    """(name in the backup, file) for the settings and every file in the folders, and what
    could not go in."""
    files: list[tuple[str, Path]] = []
    left_out: list[str] = []
    journal = paths.database.with_name(JOURNAL_NAME)
    for name, path in ((JOURNAL_NAME, journal), (SETTINGS_NAME, paths.settings)):
        if path.is_file() and not path.is_symlink():
            files.append((name, path))
    for folder_name in FOLDERS:
        _folder_files(paths.data_dir, folder_name, files, left_out)
    if len(files) >= MAX_FILES:
        raise BackupError(f"The data folder {shown_path(paths.data_dir)} holds more than "
                          f"{MAX_FILES} files to back up. Nothing was written.")
    return files, left_out


def _folder_files(data_dir: Path, folder_name: str, files: list[tuple[str, Path]],
                  left_out: list[str]) -> None:
    """Every plain file under `data_dir/folder_name`, in name order; links are not followed."""
    folder = data_dir / folder_name
    if folder.is_symlink():
        left_out.append(f"{shown_path(folder)}: a link to a folder")
        return
    if not folder.is_dir():
        return
    for root, dirs, names in os.walk(folder):
        here = Path(root)
        dirs.sort()
        left_out += [f"{shown_path(here / d)}: a link to a folder" for d in dirs
                     if (here / d).is_symlink()]
        for file_name in sorted(names):
            path = here / file_name
            relative = "/".join(path.relative_to(data_dir).parts)
            why = path_problem(relative)
            if why is None:
                try:
                    if not stat.S_ISREG(path.lstat().st_mode):
                        why = "not a plain file (a link, a pipe or a device)"
                except OSError as error:
                    why = f"cannot be read ({error.strerror or error})"
            if why is None:
                files.append((relative, path))
            else:
                left_out.append(f"{shown_path(path)}: {why}")


def _snapshot_history(database: Path, snapshot: Path) -> None:
    """A consistent copy of the live history (the app may be writing to it meanwhile)."""
    shown = shown_path(database)
    try:
        check = check_database(database)
    except sqlite3.Error as error:
        raise BackupError(f"Cannot read the history {shown} ({error}). Nothing was written."
                          ) from None
    if check.damage is not None:
        raise BackupError(
            f"The history {shown} is damaged ({check.damage}). Start Gluteapp, which repairs it "
            "from its automatic backups, then back up again. Nothing was written.")
    if check.is_foreign or check.is_newer:
        raise BackupError(f"The history {shown} is not one this version of Gluteapp can read "
                          "(another program's, or a newer Gluteapp's). Nothing was written.")
    try:
        with (closing(sqlite3.connect(read_only_uri(database), uri=True)) as source,
              closing(sqlite3.connect(snapshot)) as copy):
            source.backup(copy)
            # A rollback-journal file is self-contained: no -wal beside it to lose.
            copy.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        raise BackupError(f"Cannot copy the history {shown} into the backup ({error}). Check "
                          "that the disk is not full. Nothing was written.") from None


def _write_archive(raw: IO[bytes], files: list[tuple[str, Path]],
                   created: datetime) -> list[_Entry]:
    stamp = created.astimezone(UTC)
    date_time = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute,
                 stamp.second)
    entries: list[_Entry] = []
    total = 0
    with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, path in files:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            digest = hashlib.sha256()
            size = 0
            with _open_regular(path) as source, archive.open(info, "w") as member:
                while chunk := source.read(_CHUNK):
                    size += len(chunk)
                    if size > MAX_FILE_BYTES:
                        raise BackupError(
                            f"{shown_path(path)} is larger than {MAX_FILE_BYTES >> 20} MB, the "
                            "most one file in a backup may be. Nothing was written.")
                    digest.update(chunk)
                    member.write(chunk)
            total += size
            if total > MAX_TOTAL_BYTES:
                raise BackupError(f"The data to back up is larger than {MAX_TOTAL_BYTES >> 20} "
                                  "MB, the most a backup may hold. Nothing was written.")
            entries.append(_Entry(name, size, digest.hexdigest()))
        manifest = _Manifest(FORMAT, FORMAT_VERSION, __version__,
                             stamp.strftime("%Y-%m-%dT%H:%M:%SZ"), SCHEMA_VERSION, entries)
        info = zipfile.ZipInfo(MANIFEST_NAME, date_time=date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        archive.writestr(info, msgspec.json.format(msgspec.json.encode(manifest), indent=2))
    return entries


@contextmanager
def _open_regular(path: Path) -> Iterator[IO[bytes]]:
    """A plain file opened for reading without blocking on a pipe; OSError otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a plain file", str(path))
        handle = os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise
    with handle:
        yield handle


def _history_contents(database: Path) -> tuple[int, datetime | None, int]:
    """(sessions, when the newest started, schema version) of a closed history file."""
    with closing(sqlite3.connect(read_only_uri(database, immutable=True), uri=True)) as conn:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        has_sessions = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'").fetchone()
        if not has_sessions:
            return 0, None, version
        count = int(conn.execute("SELECT count(*) FROM sessions").fetchone()[0])
        starts = conn.execute(
            "SELECT started_at FROM sessions ORDER BY started_at DESC LIMIT 20").fetchall()
    newest = next((moment for (value,) in starts
                   if (moment := checked_started_at(value)) is not None), None)
    return count, newest, version


# --- checking and staging ----------------------------------------------------------------------

def stage_restore(paths: AppPaths, source: Path) -> StagedRestore:
    """Check `source` completely and unpack it into a staging folder; raises BackupError.

    Nothing outside the staging folder changes, and on any fault the staging folder is removed,
    so the data folder is exactly as it was.
    """
    source = Path(os.path.abspath(source))
    if _is_history_file(source):  # backups/history-….db: what the app backs up every day
        return stage_history_backup(paths, source)
    with _staging(paths, source) as (staging, created):
        with _open_backup(source) as archive:
            manifest = _read_manifest(archive, source)
            _unpack(archive, manifest, staging, source)
        contents = _check_unpacked(staging, manifest, source)
        # What a restore replaces: all of it, also the parts this backup does not hold (the
        # settings of a backup without settings are the defaults, not the current ones).
        parts = frozenset({HISTORY_NAME, JOURNAL_NAME, SETTINGS_NAME, *FOLDERS})
        return StagedRestore(source, paths, staging, contents, parts, created)
    raise AssertionError("unreachable")  # pragma: no cover - _staging re-raises


def _is_history_file(path: Path) -> bool:
    """Whether `path` is a plain file that starts as an SQLite database does."""
    try:
        with _open_regular(path) as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False  # said by _open_backup, with the reason


def stage_history_backup(paths: AppPaths, backup: Path) -> StagedRestore:
    """An automatic backup of the history (backups/history-….db), checked and staged."""
    backup = Path(os.path.abspath(backup))
    shown = shown_path(backup)
    if any(os.path.lexists(f"{backup}{suffix}") for suffix in _HISTORY_COMPANIONS):
        # Read as it is, it would miss what its -wal holds.
        raise BackupError(
            f"{shown} has a -wal or -journal file beside it: it is open in a program, or was "
            "not closed cleanly. Quit that program (or open it once with Gluteapp), then try "
            "again. Nothing was changed.")
    with _staging(paths, backup) as (staging, created):
        copy = staging / HISTORY_NAME
        try:
            with _open_regular(backup) as handle:
                if os.fstat(handle.fileno()).st_size > MAX_FILE_BYTES:
                    raise BackupError(f"{shown} is larger than a history may be "
                                      f"({MAX_FILE_BYTES >> 20} MB). Nothing was changed.")
            with (closing(sqlite3.connect(read_only_uri(backup, immutable=True), uri=True))
                  as src, closing(sqlite3.connect(copy)) as dst):
                src.backup(dst)
        except sqlite3.Error as error:
            raise BackupError(f"The backup {shown} cannot be read ({error}). Nothing was "
                              "changed.") from None
        _check_history(copy, backup)
        count, newest, version = _history_contents(copy)
        contents = BackupContents(count, newest, version, 0, 0, False)
        parts = frozenset({HISTORY_NAME, JOURNAL_NAME})
        return StagedRestore(backup, paths, staging, contents, parts, created)
    raise AssertionError("unreachable")  # pragma: no cover


def discard(staged: StagedRestore) -> None:
    """Give up a staged restore: its staging folder goes, the data folder is as it was."""
    shutil.rmtree(staged.staging, ignore_errors=True)
    if staged.created_data_dir:
        with suppress(OSError):
            staged.paths.data_dir.rmdir()


@contextmanager
def _staging(paths: AppPaths, source: Path) -> Iterator[tuple[Path, bool]]:
    """A fresh staging folder in the data folder, removed again if checking fails."""
    data_dir = paths.data_dir
    created = False
    try:
        if not data_dir.exists():
            data_dir.mkdir(parents=True)
            created = True
        said = recover_cut_short_restore(data_dir)
        if said and (data_dir / _MARKER_NAME).exists():  # it could not be undone
            raise BackupError(f"{said} Nothing was changed.")
        for leftover in data_dir.glob(f"{_STAGING_PREFIX}*"):
            # Only ever ours, from a restore cut short (the app or the machine stopped).
            shutil.rmtree(leftover, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=data_dir))
    except OSError as error:
        raise BackupError(
            f"Cannot restore {shown_path(source)}: the data folder {shown_path(data_dir)} cannot "
            f"be written ({error.strerror or error}). Nothing was changed.") from None
    try:
        yield staging, created
    except BaseException as error:
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            with suppress(OSError):
                data_dir.rmdir()
        if isinstance(error, OSError):
            raise _unpack_error(error, source, data_dir) from None
        raise


# A full disk, or one over its quota (errno has no EDQUOT on Windows).
_DISK_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
_DISK_FAULTS = (*_DISK_FULL, errno.EROFS, errno.EACCES, errno.EPERM)


def _unpack_error(error: OSError, source: Path, data_dir: Path) -> BackupError:
    reason = error.strerror or str(error)
    if error.errno in _DISK_FULL:
        return BackupError(f"Cannot restore {shown_path(source)}: the disk holding "
                           f"{shown_path(data_dir)} is full ({reason}). Make room, then try "
                           "again. Nothing was changed.")
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return BackupError(f"Cannot restore {shown_path(source)}: the data folder "
                           f"{shown_path(data_dir)} cannot be written ({reason}). Nothing was "
                           "changed.")
    return BackupError(f"Cannot restore {shown_path(source)}: {reason}. Nothing was changed.")


@contextmanager
def _open_backup(source: Path) -> Iterator[zipfile.ZipFile]:
    shown = shown_path(source)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(source, flags)
    except OSError as error:
        raise BackupError(f"The backup {shown} cannot be read: {error.strerror or error}. "
                          "Nothing was changed.") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise BackupError(f"{shown} is not a backup file: it is a folder, a named pipe or a "
                          "device. Nothing was changed.")
    handle = os.fdopen(fd, "rb")
    with handle:
        if info.st_size > MAX_BACKUP_BYTES:
            raise BackupError(f"{shown} is {info.st_size >> 20} MB, larger than any backup of "
                              f"Gluteapp may be ({MAX_BACKUP_BYTES >> 20} MB). Nothing was "
                              "changed.")
        if info.st_size == 0:
            raise BackupError(f"{shown} is empty, not a backup of Gluteapp. Nothing was changed.")
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
            raise BackupError(
                f"{shown} is not a backup of Gluteapp: it is not a ZIP archive, or it was cut "
                "short. Nothing was changed.") from None
        with archive:
            yield archive


def _read_manifest(archive: zipfile.ZipFile, source: Path) -> _Manifest:
    shown = shown_path(source)
    infos = archive.infolist()
    names = [info.filename for info in infos]
    if MANIFEST_NAME not in names:
        raise BackupError(f"{shown} is not a backup of Gluteapp: it holds no {MANIFEST_NAME}. "
                          "Nothing was changed.")
    if len(infos) > MAX_FILES + 1:
        raise BackupError(f"{shown} holds more than {MAX_FILES} files, more than any backup of "
                          "Gluteapp. Nothing was changed.")
    if len(set(names)) != len(names):
        twice = next(name for name in names if names.count(name) > 1)
        raise BackupError(f"{shown} is damaged: it holds {_shown(twice)!r} twice. Nothing was "
                          "changed.")
    for info in infos:
        if info.flag_bits & 0x1:
            raise BackupError(f"{shown} holds an encrypted file ({_shown(info.filename)!r}); "
                              "backups of Gluteapp are never encrypted. Nothing was changed.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise BackupError(f"{shown} holds {_shown(info.filename)!r} packed in a way Gluteapp "
                              "does not write (only stored or deflated). Nothing was changed.")
    raw = _read_member(archive, archive.getinfo(MANIFEST_NAME), MAX_MANIFEST_BYTES, source)
    manifest = _decode_manifest(raw, shown)
    _check_entries(manifest, {info.filename: info for info in infos}, shown)
    return manifest


def _decode_manifest(raw: bytes, shown: str) -> _Manifest:
    where = f"{shown}: its {MANIFEST_NAME}"
    try:
        loose: Any = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BackupError(f"{where} is not valid JSON text. Nothing was changed.") from None
    if not isinstance(loose, dict) or loose.get("format") != FORMAT:
        raise BackupError(f"{shown} is not a backup of Gluteapp: its {MANIFEST_NAME} does not "
                          f"say format \"{FORMAT}\". Nothing was changed.")
    version = loose.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BackupError(f"{where} has no valid version (a whole number from 1). Nothing was "
                          "changed.")
    if version > FORMAT_VERSION:
        raise BackupError(
            f"{shown} was written by a newer Gluteapp (backup format {version}; this version "
            f"reads up to {FORMAT_VERSION}). Update Gluteapp to restore it. Nothing was changed.")
    try:
        manifest = msgspec.convert(loose, _Manifest, strict=True)
    except msgspec.ValidationError as error:
        raise BackupError(f"{where} is not valid: {error}. Nothing was changed.") from None
    if manifest.schema_version > SCHEMA_VERSION:
        raise BackupError(
            f"{shown} holds a history from a newer Gluteapp (schema version "
            f"{manifest.schema_version}; this version knows up to {SCHEMA_VERSION}). Update "
            "Gluteapp to restore it. Nothing was changed.")
    return manifest


def _check_entries(manifest: _Manifest, infos: dict[str, zipfile.ZipInfo], shown: str) -> None:
    listed: set[str] = set()
    total = 0
    for entry in manifest.files:
        name = _shown(entry.path)
        if problem := path_problem(entry.path):
            raise BackupError(f"{shown} lists {name!r}, which cannot be restored: {problem}. "
                              "Nothing was changed.")
        if entry.path in listed:
            raise BackupError(f"{shown} lists {name!r} twice. Nothing was changed.")
        listed.add(entry.path)
        if not 0 <= entry.size <= MAX_FILE_BYTES:
            raise BackupError(f"{shown} lists {name!r} with a size of {entry.size} bytes, "
                              f"outside 0 to {MAX_FILE_BYTES >> 20} MB. Nothing was changed.")
        total += entry.size
        if len(entry.sha256) != 64 or set(entry.sha256) - set("0123456789abcdef"):
            raise BackupError(f"{shown} lists {name!r} with a checksum that is not SHA-256 hex. "
                              "Nothing was changed.")
        info = infos.get(entry.path)
        if info is None:
            raise BackupError(f"{shown} is missing {name!r}, which its manifest lists: it is "
                              "incomplete. Nothing was changed.")
        if info.file_size != entry.size:
            raise BackupError(f"{shown} is damaged: {name!r} is {info.file_size} bytes, its "
                              f"manifest says {entry.size}. Nothing was changed.")
    if total > MAX_TOTAL_BYTES:
        raise BackupError(f"{shown} would unpack to {total >> 20} MB, more than any backup of "
                          f"Gluteapp ({MAX_TOTAL_BYTES >> 20} MB). Nothing was changed.")
    if HISTORY_NAME not in listed:
        raise BackupError(f"{shown} holds no history ({HISTORY_NAME}). Nothing was changed.")
    unlisted = sorted(set(infos) - listed - {MANIFEST_NAME})
    if unlisted:
        raise BackupError(f"{shown} holds {_shown(unlisted[0])!r}, which its manifest does not "
                          "list. Nothing was changed.")


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int,
                 source: Path) -> bytes:
    shown = shown_path(source)
    if info.file_size > limit:
        raise BackupError(f"{shown}: {_shown(info.filename)!r} is larger than it may be "
                          f"({limit >> 20} MB). Nothing was changed.")
    chunks = []
    size = 0
    with _reading_member(archive, info, source) as member:
        while chunk := member.read(_CHUNK):
            size += len(chunk)
            if size > limit:
                raise BackupError(f"{shown}: {_shown(info.filename)!r} is larger than it may be. "
                                  "Nothing was changed.")
            chunks.append(chunk)
    return b"".join(chunks)


@contextmanager
def _reading_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo,
                    source: Path) -> Iterator[IO[bytes]]:
    """A member opened for reading; damage found while reading it becomes a BackupError."""
    try:
        with archive.open(info) as member:
            yield member
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, RuntimeError,
            NotImplementedError) as error:
        raise BackupError(
            f"{shown_path(source)} is damaged or cut short: {_shown(info.filename)!r} cannot be "
            f"read ({error}). Nothing was changed.") from None


def _unpack(archive: zipfile.ZipFile, manifest: _Manifest, staging: Path, source: Path) -> None:
    shown = shown_path(source)
    for entry in manifest.files:
        target = staging.joinpath(*entry.path.split("/"))
        digest = hashlib.sha256()
        size = 0
        # "xb": a name that a case-blind disk takes for one already unpacked is refused.
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            out = open(target, "xb")  # noqa: SIM115 - closed by the with below
        except OSError as error:
            if error.errno in _DISK_FAULTS:
                raise  # said by _staging: a full or read-only disk
            raise BackupError(
                f"{shown} holds {_shown(entry.path)!r}, which cannot be unpacked "
                f"({error.strerror or error}): a file and a folder of one name, the same name "
                "twice (the disk may not tell upper from lower case), or a name this disk does "
                "not take. Nothing was changed.") from None
        with out, _reading_member(archive, archive.getinfo(entry.path), source) as member:
            while chunk := member.read(_CHUNK):
                size += len(chunk)
                if size > entry.size:
                    break
                digest.update(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        if size != entry.size or digest.hexdigest() != entry.sha256:
            raise BackupError(f"{shown} is damaged: {_shown(entry.path)!r} does not match its "
                              "checksum. Nothing was changed.")


def _check_unpacked(staging: Path, manifest: _Manifest, source: Path) -> BackupContents:
    shown = shown_path(source)
    history = staging / HISTORY_NAME
    _check_history(history, source)
    settings = staging / SETTINGS_NAME
    if settings.exists():
        data = settings.read_bytes()
        if len(data) > MAX_SETTINGS_BYTES:
            raise BackupError(f"{shown}: its settings.ini is larger than settings can be. "
                              "Nothing was changed.")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BackupError(f"{shown}: its settings.ini is not UTF-8 text. Nothing was "
                              "changed.") from None
        if "\x00" in text:
            raise BackupError(f"{shown}: its settings.ini is not text (it holds NUL bytes). "
                              "Nothing was changed.")
    count, newest, version = _history_contents(history)
    names = [entry.path for entry in manifest.files]
    try:
        created: datetime | None = datetime.strptime(
            manifest.created_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        created = None
    return BackupContents(
        sessions=count, newest_session=newest, schema_version=version,
        routine_files=sum(1 for n in names if n.startswith("routines/")),
        exercise_files=sum(1 for n in names if n.startswith("exercises/")),
        has_settings=SETTINGS_NAME in names, created_at=created,
        app_version=manifest.app_version)


def _check_history(history: Path, source: Path) -> None:
    """The staged history passes the checks of start-up, and this version can open it."""
    shown = shown_path(source)
    try:
        check = check_database(history)
    except sqlite3.Error as error:
        raise BackupError(f"The history in {shown} cannot be read ({error}). Nothing was "
                          "changed.") from None
    if check.damage is not None:
        raise BackupError(f"The history in {shown} is damaged ({check.damage}). Nothing was "
                          "changed.")
    if check.is_newer:
        raise BackupError(
            f"The history in {shown} is from a newer Gluteapp (schema version "
            f"{check.user_version}; this version knows up to {SCHEMA_VERSION}). Update Gluteapp "
            "to restore it. Nothing was changed.")
    if check.is_foreign or not check.has_sessions_table:
        raise BackupError(f"The history in {shown} is not a history of Gluteapp (another "
                          "program's database, or an empty one). Nothing was changed.")


# --- swapping ----------------------------------------------------------------------------------

def apply_restore(staged: StagedRestore, *,
                  clock: Callable[[], datetime] = utc_now) -> RestoreResult:
    """Move the current data aside and the staged data into place; all of it or none of it.

    Raises BackupError when a copy of Gluteapp runs on the folder (in another process), or when
    a step fails, after putting everything back.
    """
    paths = staged.paths
    try:
        with _holding(paths.data_dir, staged.source):
            return _swap(staged, clock())
    finally:
        # A swap stopped half-way (Ctrl+C) keeps its staging folder for the undo.
        if not (paths.data_dir / _MARKER_NAME).exists():
            discard(staged)


@contextmanager
def _holding(data_dir: Path, source: Path) -> Iterator[None]:
    """The data folder for this process alone, or a BackupError saying who has it."""
    try:
        with folder_lock.exclusive(data_dir, f"restore {shown_path(source)}"):
            yield
    except folder_lock.FolderBusyError as error:
        raise BackupError(str(error)) from None


def restore_data_backup(paths: AppPaths, source: Path, *,
                        clock: Callable[[], datetime] = utc_now) -> RestoreResult:
    """Check, stage and restore a backup file: `gluteapp restore FILE`."""
    if not paths.data_dir.exists():
        return apply_restore(stage_restore(paths, source), clock=clock)
    # Held from the start: a running copy is the commonest reason to refuse, said before
    # anything is unpacked, and no other restore can start meanwhile.
    with _holding(paths.data_dir, source):
        return apply_restore(stage_restore(paths, source), clock=clock)


def _places(staged: StagedRestore) -> list[tuple[str, Path]]:
    """(name in the backup, its place now) for every part this restore replaces."""
    paths = staged.paths
    places: list[tuple[str, Path]] = []
    for part in sorted(staged.parts):
        if part == SETTINGS_NAME:
            places.append((part, paths.settings))
        elif part == HISTORY_NAME:
            places.append((part, paths.database))
            places += [(part + s, paths.database.with_name(paths.database.name + s))
                       for s in _HISTORY_COMPANIONS]
        else:
            places.append((part, paths.data_dir / part))
    return places


def _swap(staged: StagedRestore, now: datetime) -> RestoreResult:
    data_dir = staged.paths.data_dir
    stamp = f"{_ASIDE_PREFIX}{now.astimezone(UTC):%Y-%m-%dT%H-%M-%SZ}"
    aside = data_dir / stamp
    number = 1
    while os.path.lexists(aside):
        number += 1
        aside = data_dir / f"{stamp}-{number}"
    places = _places(staged)
    moved_aside = [name for name, place in places if os.path.lexists(place)]
    plan = [(place, aside / name) for name, place in places if os.path.lexists(place)]
    plan += [(staged.staging / name, place) for name, place in places
             if os.path.lexists(staged.staging / name)]
    marker = data_dir / _MARKER_NAME
    done: list[tuple[Path, Path]] = []
    try:
        aside.mkdir()
        # Written first, removed last: a restore the machine stops half-way is undone at the
        # next start (recover_cut_short_restore), never left half-restored.
        _write_plan(marker, plan, staged.staging, aside)
        for source, target in plan:
            target.parent.mkdir(parents=True, exist_ok=True)
            _move(source, target)
            done.append((source, target))
        _sync_folder(data_dir)
        marker.unlink()
    except OSError as error:
        left = _undo(done)
        if not left:
            with suppress(OSError):
                marker.unlink()
                aside.rmdir()
        reason = error.strerror or str(error)
        if left:
            raise BackupError(
                f"Restoring {shown_path(staged.source)} failed ({reason}) and putting the data "
                f"back failed too for: {', '.join(left)}. Your earlier data is in "
                f"{shown_path(aside)}.") from None
        raise BackupError(
            f"Restoring {shown_path(staged.source)} failed ({reason}); your data in "
            f"{shown_path(data_dir)} was put back as it was.") from None
    if not moved_aside:
        with suppress(OSError):
            aside.rmdir()
    return RestoreResult(staged.source, staged.contents, aside if moved_aside else None,
                         tuple(moved_aside))


def _write_plan(marker: Path, plan: list[tuple[Path, Path]], staging: Path, aside: Path) -> None:
    text = json.dumps({"format": 1, "staging": str(staging), "aside": str(aside),
                       "moves": [[str(source), str(target)] for source, target in plan]})
    with open(marker, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    _sync_folder(marker.parent)


def recover_cut_short_restore(data_dir: Path) -> str | None:
    """Undo a restore that the app or the machine stopped half-way; a sentence if one was.

    Only while no other process holds the folder: a restore running there now is not undone.
    """
    marker = data_dir / _MARKER_NAME
    if not marker.is_file():
        return None
    try:
        with folder_lock.exclusive(data_dir, "put back a restore that was cut short"):
            return _recover(data_dir, marker)
    except folder_lock.FolderBusyError:
        return None


def _recover(data_dir: Path, marker: Path) -> str:
    shown = shown_path(marker)
    try:
        found: Any = json.loads(marker.read_bytes().decode("utf-8"))
        moves = [(Path(a), Path(b)) for a, b in found["moves"]]
        staging, aside = Path(found["staging"]), Path(found["aside"])
    except (OSError, ValueError, KeyError, TypeError):
        return f"{shown} is not readable; it was left as it is. Nothing was moved."
    # Only our own moves: in the data folder, and the settings file wherever it lives.
    ours = (staging.parent == data_dir and staging.name.startswith(_STAGING_PREFIX)
            and aside.parent == data_dir and aside.name.startswith(_ASIDE_PREFIX))
    paths = [p for move in moves for p in move]
    if not ours or any(not (_is_inside(p, data_dir) or p.name == SETTINGS_NAME) for p in paths):
        return f"{shown} names files that are not Gluteapp's; it was left as it is."
    left = _undo(moves)
    if left:
        return (f"A restore was cut short, and putting back {', '.join(left)} failed; the "
                f"earlier data is in {shown_path(aside)}. {shown} was left in place.")
    marker.unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)
    with suppress(OSError):
        aside.rmdir()
    return (f"A restore into {shown_path(data_dir)} was cut short (the app or the machine "
            "stopped); the data that was there before it was put back.")


def _is_inside(path: Path, folder: Path) -> bool:
    return os.path.commonpath([os.path.abspath(path), os.path.abspath(folder)]) == (
        os.path.abspath(folder)) and ".." not in path.parts


def _move(source: Path, target: Path) -> None:
    """Rename, or copy and remove where the two are on different disks (the settings folder)."""
    try:
        os.replace(source, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        shutil.move(source, target)


def _undo(moves: list[tuple[Path, Path]]) -> list[str]:
    """Move back what was moved, newest first; the names that could not be moved back.

    Every source is fresh or ours alone (the staging folder is kept until the swap is over, the
    aside folder is new), so a source that is still there was never moved; the one exception
    is an empty folder the app made at its start (`routines/`), which gives way.
    """
    left: list[str] = []
    for source, target in reversed(moves):
        try:
            if os.path.lexists(source):
                if not (source.is_dir() and not any(source.iterdir())
                        and os.path.lexists(target)):
                    continue  # never moved
                source.rmdir()
            if not os.path.lexists(target):
                left.append(shown_path(source))  # gone from both places: named, not guessed
                continue
            source.parent.mkdir(parents=True, exist_ok=True)
            _move(target, source)
        except OSError:
            left.append(shown_path(source))
    return left


def _sync_folder(folder: Path) -> None:
    """Make the renames in `folder` durable (not possible, nor needed, on Windows)."""
    if os.name == "nt":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- the automatic backups ---------------------------------------------------------------------

class HistoryBackup(Struct, frozen=True):
    """One automatic backup of the history, with what it holds."""

    path: Path
    taken_at: datetime
    sessions: int
    newest_session: datetime | None
    readable: bool = True


def automatic_backups(backups_dir: Path) -> list[HistoryBackup]:
    """The automatic backups in `backups_dir`, the one with the newest sessions first."""
    from gluteapp.storage.backups import list_backups

    found = []
    for backup in list_backups(backups_dir):
        try:
            count, newest, _version = _history_contents(backup.path)
        except sqlite3.Error:
            found.append(HistoryBackup(backup.path, backup.taken_at, 0, None, readable=False))
            continue
        found.append(HistoryBackup(backup.path, backup.taken_at, count, newest))
    return found


def describe(contents: BackupContents) -> str:
    """What a backup holds, in one English line (the command line's words)."""
    newest = (f" (the newest on {contents.newest_session:%Y-%m-%d})"
              if contents.newest_session else "")
    parts = [f"{contents.sessions} session{'s' * (contents.sessions != 1)}{newest}"]
    if contents.routine_files or contents.exercise_files or contents.has_settings:
        # Not for the history alone (an automatic backup): it holds none of these.
        parts += [
            f"{contents.routine_files} routine file{'s' * (contents.routine_files != 1)}",
            f"{contents.exercise_files} exercise file{'s' * (contents.exercise_files != 1)}"]
    if contents.has_settings:
        parts.append("the settings")
    return ", ".join(parts)
