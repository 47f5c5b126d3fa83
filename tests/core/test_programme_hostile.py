"""Malformed and hostile programme files: each refused with one line naming the file and the
fault, and the data folder byte-for-byte as it was."""

from __future__ import annotations

import os
import stat
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Library
from gluteapp.core.programme import (
    ENTRY_DATE,
    MANIFEST,
    MAX_ENTRIES,
    MAX_PROGRAMME_BYTES,
    DataFolder,
    ProgrammeError,
    Resolution,
    apply_import,
    plan_import,
    read_programme,
)
from tests.programme_files import (
    CLAM,
    PHOTO,
    ROUTINE,
    archive,
    fill_data_folder,
    good_archive,
    good_files,
    manifest,
    patch_entry,
    tree_digest,
)

Build = Callable[[Path], Path]  # writes the hostile file under the folder given, returns it


def zip_file(entries: dict[str, bytes] | list[tuple[str, bytes]], **options: int) -> Build:
    def build(folder: Path) -> Path:
        path = folder / "hostile.gluteprogramme"
        path.write_bytes(archive(entries, **options))
        return path
    return build


def raw_file(data: bytes) -> Build:
    def build(folder: Path) -> Path:
        path = folder / "hostile.gluteprogramme"
        path.write_bytes(data)
        return path
    return build


def with_manifest(text: str | bytes, files: dict[str, bytes] | None = None) -> Build:
    """A programme whose manifest is `text`, with the good files (or these)."""
    data = text.encode() if isinstance(text, str) else text
    return zip_file({MANIFEST: data, **(good_files() if files is None else files)})


def with_file(name: str, data: bytes | None, **manifest_options: str | int) -> Build:
    """The good programme with one file changed (None: left out), its manifest kept true."""
    files = good_files()
    if data is None:
        del files[name]
    else:
        files[name] = data
    return zip_file({MANIFEST: manifest(files, **manifest_options).encode(),  # type: ignore[arg-type]
                     **files})


def entry(name: str, data: bytes = b"x", mode: int = stat.S_IFREG | 0o644,
          compress: int = zipfile.ZIP_DEFLATED) -> Build:
    """The good programme plus one entry made by hand (its mode and compression)."""
    def build(folder: Path) -> Path:
        path = folder / "hostile.gluteprogramme"
        with zipfile.ZipFile(path, "w") as out:
            files = good_files()
            out.writestr(MANIFEST, manifest(files))
            for good_name, good_data in files.items():
                out.writestr(good_name, good_data)
            info = zipfile.ZipInfo(name, date_time=ENTRY_DATE)
            info.external_attr = mode << 16
            info.compress_type = compress
            out.writestr(info, data)
        return path
    return build


def patched(name: str, patch: Callable[[bytearray, int], None]) -> Build:
    """The good programme with the table-of-contents record of one entry changed by hand."""
    return raw_file(patch_entry(good_archive(), name, patch))


def smaller_size(data: bytearray, record: int) -> None:
    struct.pack_into("<I", data, record + 24, 10)  # the uncompressed size: a lie


def encrypted_flag(data: bytearray, record: int) -> None:
    data[record + 8] |= 0x1  # general-purpose flags, bit 0: encrypted


def declared_entries(count: int) -> Build:
    """The good programme with its end record declaring `count` entries."""
    data = bytearray(good_archive())
    end = data.rindex(b"PK\x05\x06")
    struct.pack_into("<HH", data, end + 8, count, count)
    return raw_file(bytes(data))


def folder_as_file(folder: Path) -> Path:
    path = folder / "a-folder.gluteprogramme"
    path.mkdir()
    return path


def fifo_as_file(folder: Path) -> Path:
    path = folder / "pipe.gluteprogramme"
    os.mkfifo(path)
    return path


def missing_file(folder: Path) -> Path:
    return folder / "not-there.gluteprogramme"


def oversized_file(folder: Path) -> Path:
    path = folder / "huge.gluteprogramme"
    with open(path, "wb") as out:
        out.truncate(MAX_PROGRAMME_BYTES + MB)  # sparse: costs no disk
    return path


def too_many_entries() -> Build:
    files = good_files()
    extra = [(f"exercises/pictures/p{n}.png", PHOTO) for n in range(MAX_ENTRIES)]
    return zip_file([(MANIFEST, manifest(files).encode()), *files.items(), *extra])


def unpacks_too_much() -> Build:
    """Nine pictures of 7.9 MB of zeros each: 140 KB packed, over 64 MB unpacked."""
    zeros = bytes(int(7.9 * 1024 * 1024))
    files = good_files()
    extra = [(f"exercises/pictures/p{n}.png", zeros) for n in range(9)]
    return zip_file([(MANIFEST, manifest(files).encode()), *files.items(), *extra])


MB = 1024 * 1024
GOOD_MANIFEST = manifest(good_files())
BIG_PNG_HEADER = PHOTO[:16] + struct.pack(">II", 20000, 20000) + PHOTO[24:]

CASES: dict[str, tuple[Build, str]] = {
    # Not a programme at all, or not a file.
    "plain text": (raw_file(b"name = 'Knee rehab'\n"), "is not a Gluteapp programme file "
                                                       "(not a zip archive)"),
    "empty": (raw_file(b""), "is empty, not a Gluteapp programme file"),
    "a PNG renamed": (raw_file(PHOTO), "(not a zip archive)"),
    "cut short at half": (raw_file(good_archive()[: len(good_archive()) // 2]),
                          "is a damaged or cut-short zip archive"),
    "cut short by 30 bytes": (raw_file(good_archive()[:-30]),
                              "is a damaged or cut-short zip archive"),
    "a folder": (folder_as_file, "is not a regular file"),
    "a named pipe": (fifo_as_file, "is not a regular file"),
    "missing": (missing_file, "cannot be read: No such file or directory"),
    "larger than 64 MB": (oversized_file, "is 65.0 MB; a programme file may be at most 64.0 MB"),
    # Zip hazards.
    "climbs out with ..": (entry("../escape.toml"), "climbs out of its folder with '..'"),
    "climbs out deeper": (entry("exercises/../../routines/x.toml"), "climbs out of its folder"),
    "absolute path": (entry("/etc/cron.d/evil"), "is an absolute path"),
    "drive letter": (entry("C:/Windows/evil.toml"), "is an absolute path"),
    "backslashes": (entry("exercises\\..\\..\\evil.toml"), "uses backslashes"),
    "symbolic link": (entry("exercises/pictures/link.png", b"/etc/passwd",
                            mode=stat.S_IFLNK | 0o777), "is a symbolic link"),
    "a pipe entry": (entry("exercises/pictures/pipe.png", b"", mode=stat.S_IFIFO | 0o644),
                     "is a special file"),
    "encrypted": (patched("exercises/pictures/clam.png", encrypted_flag),
                  "entry 'exercises/pictures/clam.png' is encrypted"),
    "bzip2": (entry("exercises/pictures/b.png", PHOTO, compress=zipfile.ZIP_BZIP2),
              "compressed with a method Gluteapp does not read"),
    "duplicate entry": (zip_file([(MANIFEST, GOOD_MANIFEST.encode()), *good_files().items(),
                                  ("routine.toml", b"name = 'evil'")]),
                        "entry 'routine.toml' is in the archive twice"),
    "duplicate but for case": (entry("Routine.toml"), "entry 'Routine.toml' is in the archive "
                                                      "twice"),
    "odd characters": (entry("routine\u202e.toml"), "holds characters other than letters"),
    "line break in a name": (entry("exercises/own-a\n.toml"), "holds characters other than"),
    "empty folder name": (entry("exercises//own-a.toml"), "has an empty folder name"),
    "a file no programme holds": (entry("notes.txt"), "is not a file a programme holds"),
    "an exercise without own-": (entry("exercises/glute-bridge.toml"),
                                 "is not a file a programme holds"),
    "sixty thousand entries declared": (declared_entries(60000),
                                        "holds 60000 entries; a programme holds at most 204"),
    "ZIP64": (declared_entries(0xFFFF), "is a ZIP64 archive"),
    "too many entries": (too_many_entries(), f"entries; a programme holds at most {MAX_ENTRIES}"),
    "a 50 MB picture": (entry("exercises/pictures/big.png", bytes(50 * MB)),
                        "entry 'exercises/pictures/big.png' unpacks to 50.0 MB; it may be at "
                        "most 8.0 MB"),
    "a compression bomb": (unpacks_too_much(), "unpacks to more than 64.0 MB"),
    "a size that lies": (patched("routine.toml", smaller_size),
                         "entry 'routine.toml' is damaged or cut short"),
    "a 300 KB exercise": (with_file("exercises/own-wall-clam.toml",
                                    CLAM.encode() + bytes(300_000)),
                          "unpacks to 293 KB; it may be at most 256 KB"),
    # The manifest.
    "no manifest": (zip_file(good_files()), "holds no programme.toml"),
    "manifest not TOML": (with_manifest("format = gluteapp"), "programme.toml: not valid TOML"),
    "manifest nested too deeply": (with_manifest("x = " + "[" * 600 + "]" * 600),
                                   "nested too deeply"),
    "manifest not UTF-8": (with_manifest(b"format = '\xff'"), "is not UTF-8"),
    "another format": (with_manifest(GOOD_MANIFEST.replace("gluteapp-programme", "zip")),
                       "format is 'zip', not 'gluteapp-programme'"),
    "no format": (with_manifest(GOOD_MANIFEST.replace('format = "gluteapp-programme"', "")),
                  "programme.toml: format: is missing; this is not a Gluteapp programme"),
    "a newer version": (with_manifest(GOOD_MANIFEST.replace("version = 1", "version = 2")
                                      + 'signature = "new in 2"\n'),
                        "was written by a newer Gluteapp (programme format version 2; this one "
                        "reads up to version 1); update Gluteapp to import it"),
    "version as text": (with_manifest(GOOD_MANIFEST.replace("version = 1", 'version = "1"')),
                        "version: must be a whole number, not text in quotes"),
    "version 0": (with_manifest(GOOD_MANIFEST.replace("version = 1", "version = 0")),
                  "version: must be at least 1"),
    "unknown key": (with_manifest(GOOD_MANIFEST.replace("version = 1", "version = 1\ncolour = 3")),
                    "'colour' is not a known key"),
    "no routine key": (with_manifest(GOOD_MANIFEST.replace('routine = "knee-rehab"', "")),
                       "programme.toml: routine: is missing"),
    "routine id with a slash": (with_file("routine.toml", ROUTINE.encode(), routine="../x"),
                                "routine: must be a routine id"),
    "a built-in routine's id": (with_file("routine.toml", ROUTINE.encode(),
                                          routine="desk-break"),
                                "'desk-break' is a built-in routine's id"),
    "files not a list": (with_manifest(GOOD_MANIFEST.split("[[files]]")[0] + 'files = "all"\n'),
                         "files: must be a list, not text in quotes"),
    "size as text": (with_manifest(GOOD_MANIFEST.replace("size = ", "size = '", 1)
                                   .replace("\nsha256", "'\nsha256", 1)),
                     "files[1].size: must be a whole number"),
    "a wrong checksum": (with_manifest(GOOD_MANIFEST.replace(GOOD_MANIFEST.split('sha256 = "')[2]
                                                             [:64], "0" * 64)),
                         "does not match its checksum in programme.toml (files[2].sha256)"),
    "a wrong size": (with_manifest(GOOD_MANIFEST.replace(f"size = {len(PHOTO)}", "size = 99")),
                     f"exercises/pictures/clam.png is {len(PHOTO)} bytes, but programme.toml "
                     "says 99"),
    "a checksum that is not hex": (with_manifest(GOOD_MANIFEST.replace('sha256 = "', 'sha256 = "z',
                                                                       1)),
                                   "files[1].sha256: must be 64 lower-case hexadecimal digits"),
    "listed but absent": (zip_file({MANIFEST: GOOD_MANIFEST.encode(),
                                    **{k: v for k, v in good_files().items()
                                       if not k.endswith(".png")}}),
                          "'exercises/pictures/clam.png' is not in the archive"),
    "present but not listed": (with_manifest(manifest({k: v for k, v in good_files().items()
                                                        if not k.endswith(".png")})),
                               "entry 'exercises/pictures/clam.png' is not listed in "
                               "programme.toml"),
    "listed twice": (with_manifest(GOOD_MANIFEST + GOOD_MANIFEST.split("\n[[files]]", 1)[1]
                                   .split("[[files]]")[0].join(["[[files]]", ""])),
                     "is listed twice"),
    "no routine.toml": (with_file("routine.toml", None), "files: does not list routine.toml"),
    # The routine.
    "routine not TOML": (with_file("routine.toml", b"name = "), "routine.toml: not valid TOML"),
    "routine not UTF-8": (with_file("routine.toml", b"name = '\xff'"), "is not UTF-8 text"),
    "routine with an unknown exercise": (
        with_file("routine.toml", ROUTINE.replace("glute-bridge", "glute-brige").encode()),
        "steps[2].exercise (line 12): 'glute-brige' is neither built in nor one of the "
        "programme's exercises (did you mean 'glute-bridge'?)"),
    "routine sets as text": (with_file("routine.toml", ROUTINE.replace("sets = 3", 'sets = "3"')
                                       .encode()),
                             "steps[1].sets (line 8): must be a whole number, not text"),
    "routine with an unknown key": (with_file("routine.toml", ("colour = 1\n" + ROUTINE).encode()),
                                    "routine.toml: colour (line 1): is not a known key"),
    "routine naming an exercise it does not carry": (
        with_file("exercises/own-heel-slide.toml", None),
        "'own-heel-slide' is neither built in nor one of the programme's exercises"),
    # The exercises and pictures.
    "exercise missing a field": (
        with_file("exercises/own-wall-clam.toml", CLAM.replace('summary = "A side-lying move '
                                                               'the physiotherapist showed me."',
                                                               "").encode()),
        "exercise 'own-wall-clam', field '(the entry itself)': Object missing required field "
        "`summary`"),
    "exercise with a wrong type": (
        with_file("exercises/own-wall-clam.toml", CLAM.replace("per_side = true",
                                                               'per_side = "yes"').encode()),
        "field 'per_side': Expected `bool`, got `str`"),
    "exercise with an unknown top-level key": (
        with_file("exercises/own-wall-clam.toml", ("owner = 'me'\n" + CLAM).encode()),
        "unknown key 'owner' at the top level"),
    "exercise whose id is not its name": (
        with_file("exercises/own-wall-clam.toml", CLAM.replace('id = "own-wall-clam"',
                                                               'id = "own-other"').encode()),
        "id: is 'own-other', but the file is named for 'own-wall-clam'"),
    "exercise with a built-in id": (
        with_file("exercises/own-wall-clam.toml", CLAM.replace('id = "own-wall-clam"',
                                                               'id = "glute-bridge"').encode()),
        "your own exercise's id must start with 'own-'"),
    "exercise the routine does not use": (
        with_file("exercises/own-spare.toml", CLAM.replace("own-wall-clam", "own-spare")
                  .replace('photo = "clam.png"', 'figure = "glute-bridge"').encode()),
        "exercises/own-spare.toml: the routine does not use this exercise"),
    "photo that leaves the folder": (
        with_file("exercises/own-wall-clam.toml",
                  CLAM.replace('photo = "clam.png"', 'photo = "../../history.png"').encode()),
        "must be a bare file name"),
    "photo not in the programme": (
        with_file("exercises/own-wall-clam.toml",
                  CLAM.replace('photo = "clam.png"', 'photo = "other.png"').encode()),
        "its photo 'other.png' is not in the programme"),
    "picture no exercise uses": (with_file("exercises/pictures/spare.png", PHOTO),
                                 "exercises/pictures/spare.png: no exercise of the programme "
                                 "uses this picture"),
    "picture that is not an image": (with_file("exercises/pictures/clam.png", b"#!/bin/sh\n"),
                                     "exercises/pictures/clam.png: is not a PNG or JPEG picture"),
    "picture 20000 pixels a side": (with_file("exercises/pictures/clam.png", BIG_PNG_HEADER),
                                    "is 20000 x 20000 pixels; a picture may be at most 8000"),
    "JPEG with no size": (with_file("exercises/pictures/clam.png", b"\xff\xd8\xff\xda\x00\x08"),
                          "is a damaged JPEG (no size before its image data)"),
    "JPEG cut short": (with_file("exercises/pictures/clam.png", b"\xff\xd8\xff\xe0\x00"),
                       "is a JPEG cut short before its size"),
}


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


def test_the_corpus_has_at_least_forty_distinct_faults() -> None:
    assert len(CASES) >= 40
    assert len({fault for _build, fault in CASES.values()}) >= 40


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_programme_is_refused_clearly_and_changes_nothing(
        case: str, tmp_path: Path, library: Library) -> None:
    build, fault = CASES[case]
    data = DataFolder(fill_data_folder(tmp_path / "data"))
    before = tree_digest(data.data_dir)
    hostile = build(tmp_path)
    with pytest.raises(ProgrammeError) as raised:
        apply_import(plan_import(read_programme(hostile, library), data), Resolution.REPLACE)
    message = str(raised.value)
    assert message.startswith(f"{hostile}: "), message
    assert fault in message
    assert "\n" not in message
    assert len(message) < 500
    assert tree_digest(data.data_dir) == before


def test_a_hostile_programme_into_a_folder_that_does_not_exist_creates_nothing(
        tmp_path: Path, library: Library) -> None:
    hostile = with_file("exercises/pictures/clam.png", b"GIF89a")(tmp_path)
    with pytest.raises(ProgrammeError, match="is not a PNG or JPEG picture"):
        plan_import(read_programme(hostile, library), DataFolder(tmp_path / "none"))
    assert not (tmp_path / "none").exists()


def test_a_programme_whose_own_name_is_not_utf8_is_read_and_named_printably(
        tmp_path: Path, library: Library) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/knie-\xff\n.gluteprogramme"))
    odd.write_bytes(good_archive())
    programme = read_programme(odd, library)
    assert programme.origin.endswith("/knie-\ufffd\\n.gluteprogramme")
    programme.origin.encode("utf-8")  # printable and loggable
    odd.write_bytes(b"not a zip")
    with pytest.raises(ProgrammeError, match=r"knie-\ufffd\\n.gluteprogramme: is not a Glute"):
        read_programme(odd, library)
