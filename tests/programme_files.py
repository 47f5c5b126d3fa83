"""Data folders with routines and own exercises, and programme archives built by hand, for the
programme-file tests."""

from __future__ import annotations

import hashlib
import io
import os
import struct
import warnings
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from gluteapp.core.programme import ENTRY_DATE

ROUTINE = """\
# Prescribed by my physiotherapist
name = "Knee rehab"
description = "Three times a week."
prepare_s = 10

[[steps]]
exercise = "own-wall-clam"
sets = 3
reps = 12

[[steps]]
exercise = "glute-bridge"
sets = 2
hold_s = 20

[[steps]]
exercise = "own-heel-slide"
sets = 2
reps = 10
"""

SOURCE = """
[[exercise.sources]]
title = "My physiotherapist's sheet"
publisher = "Practice Dr. Weber"
"""


def own_exercise(exercise_id: str, name: str, picture: str = "") -> str:
    """One own exercise file in the library's schema, with an optional [picture] table."""
    return f"""\
# Written by hand
[[exercise]]
id = "{exercise_id}"
name = "{name}"
summary = "A side-lying move the physiotherapist showed me."
primary_muscles = ["gluteus_medius"]
position = "side_lying"
mode = "reps"
per_side = true
steps = ["Lie on your side with knees bent.", "Open the top knee and close it slowly."]
tips = ["Keep the heels together all the time."]
cautions = ["Stop if the hip hurts."]
mistakes = []
{SOURCE}
[exercise.dosage]
sets = 3
rest_s = 30
reps = {{ min = 10, max = 15 }}
{picture}"""


def png(width: int = 4, height: int = 3, colour: bytes = b"\xc0\x40\x40") -> bytes:
    """A real, decodable RGB PNG."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    rows = b"".join(b"\0" + colour * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


PHOTO = png()
CLAM = own_exercise("own-wall-clam", "Clam against the wall", '\n[picture]\nphoto = "clam.png"\n')
SLIDE = own_exercise("own-heel-slide", "Heel slide",
                     '\n[picture]\nfigure = "wall-clamshell"\nstart = { left_knee = 10.0 }\n')


def fill_data_folder(data: Path) -> Path:
    """A data folder with the routine 'knee-rehab', its two own exercises and one photo."""
    (data / "routines").mkdir(parents=True, exist_ok=True)
    (data / "exercises" / "pictures").mkdir(parents=True, exist_ok=True)
    (data / "routines" / "knee-rehab.toml").write_text(ROUTINE, encoding="utf-8")
    (data / "exercises" / "own-wall-clam.toml").write_text(CLAM, encoding="utf-8")
    (data / "exercises" / "own-heel-slide.toml").write_text(SLIDE, encoding="utf-8")
    (data / "exercises" / "pictures" / "clam.png").write_bytes(PHOTO)
    return data


def good_files() -> dict[str, bytes]:
    """The files of a good programme, by their names in the archive."""
    return {
        "routine.toml": ROUTINE.encode(),
        "exercises/own-heel-slide.toml": SLIDE.encode(),
        "exercises/own-wall-clam.toml": CLAM.encode(),
        "exercises/pictures/clam.png": PHOTO,
    }


def manifest(files: dict[str, bytes], *, version: int = 1, routine: str = "knee-rehab",
             extra: str = "") -> str:
    lines = ['format = "gluteapp-programme"', f"version = {version}", 'app_version = "0.1.0"',
             f'routine = "{routine}"', extra]
    for name, data in files.items():
        lines += ["[[files]]", f'path = "{name}"', f"size = {len(data)}",
                  f'sha256 = "{hashlib.sha256(data).hexdigest()}"']
    return "\n".join(lines) + "\n"


def archive(entries: dict[str, bytes] | list[tuple[str, bytes]],
            compress: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of exactly these entries, in this order (duplicates allowed as a list)."""
    buffer = io.BytesIO()
    items = entries.items() if isinstance(entries, dict) else entries
    with zipfile.ZipFile(buffer, "w", compress) as out, warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Duplicate name", UserWarning)  # wanted here
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=ENTRY_DATE)
            info.compress_type = compress
            info.external_attr = 0o100644 << 16
            out.writestr(info, data)
    return buffer.getvalue()


def patch_entry(data: bytes, name: str, patch: Callable[[bytearray, int], None]) -> bytes:
    """`patch(data, offset)` at the central-directory record of `name` (offset of 'PK\\1\\2')."""
    out = bytearray(data)
    start = 0
    while True:
        central = out.index(b"PK\x01\x02", start)
        name_length = struct.unpack_from("<H", out, central + 28)[0]
        if out[central + 46:central + 46 + name_length] == name.encode():
            patch(out, central)
            return bytes(out)
        start = central + 4


def good_archive() -> bytes:
    files = good_files()
    return archive({"programme.toml": manifest(files).encode(), **files})


def tree_digest(folder: Path) -> str:
    """Every name, kind, mode and byte under `folder`: equal digests mean an unchanged tree."""
    digest = hashlib.sha256()
    if not folder.exists():
        return "absent"
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(dirs + files):
            path = Path(root) / name
            info = path.lstat()
            digest.update(f"{path.relative_to(folder)}\0{info.st_mode}\0".encode())
            if path.is_file() and not path.is_symlink():
                digest.update(path.read_bytes())
    return digest.hexdigest()
