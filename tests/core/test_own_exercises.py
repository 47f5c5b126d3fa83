"""Your own exercises on disk: the TOML round trip, the pictures and every way a file can be bad."""

from __future__ import annotations

import struct
from pathlib import Path

import msgspec
import pytest
from msgspec.structs import replace

from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import LibraryError, Mode, Muscle
from gluteapp.core.own_exercises import (
    MAX_PICTURE_BYTES,
    MAX_PICTURE_SIDE,
    PICTURES,
    Picture,
    adjusted_pose,
    check_picture,
    load_own_exercises,
    own_exercise_to_toml,
    own_id_for,
    parse_own_exercise,
    read_retired_names,
    retire_own_exercise,
    save_own_exercise,
)
from gluteapp.core.own_library import CombinedLibrary, combined
from gluteapp.core.poses import builtin_poses

LIBRARY = builtin_library("en")
BUILTIN = set(LIBRARY.ids)

EXERCISE = """\
[[exercise]]
id = "own-band-clam"
name = "Band clam"
summary = "The clamshell my physiotherapist gave me, with a band."
primary_muscles = ["gluteus_medius"]
secondary_muscles = ["gluteus_minimus"]
equipment = ["mini_band", "mat"]
position = "side_lying"
mode = "tempo"
per_side = true
dosage = { sets = 3, rest_s = 45, reps = { min = 10, max = 15 }, tempo = "2-1-2" }
steps = ["Lie on your side, knees bent.", "Open the top knee against the band."]
tips = ["Keep the heels together."]
cautions = ["Stop if the hip pinches."]
mistakes = []
sources = [{ title = "Dr Meier, physiotherapy", publisher = "your own notes" }]
"""
FIGURE = ('\n[picture]\nfigure = "wall-clamshell"\nstart = { left_knee = 10 }\n'
          'end = { left_hip_abd = -5.5 }\n')


def png(width: int = 40, height: int = 30) -> bytes:
    return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR"
            + struct.pack(">II", width, height) + b"\x08\x02\x00\x00\x00" + b"\0" * 4)


def jpeg(width: int = 640, height: int = 480) -> bytes:
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + app0 + sof + b"\xff\xda\x00\x02" + b"\xff\xd9"


def parse(text: str) -> object:
    return parse_own_exercise(text, "own-band-clam.toml", BUILTIN)


# --- the round trip ------------------------------------------------------------------------


@pytest.mark.parametrize("picture", ["", FIGURE, '\n[picture]\nphoto = "own-band-clam-1.jpg"\n'])
def test_an_exercise_reads_back_equal_from_the_file_it_writes(picture: str) -> None:
    own = parse_own_exercise(EXERCISE + picture, "a.toml", BUILTIN)
    text = own_exercise_to_toml(own)
    again = parse_own_exercise(text, "b.toml", BUILTIN)
    assert again == own
    assert again.exercise.mode is Mode.TEMPO
    assert again.exercise.dosage.tempo == "2-1-2"
    assert again.exercise.primary_muscles == [Muscle.GLUTEUS_MEDIUS]
    assert own_exercise_to_toml(again) == text


def test_the_written_file_keeps_quotes_line_breaks_and_umlauts(tmp_path: Path) -> None:
    own = parse_own_exercise(EXERCISE + FIGURE, "a.toml", BUILTIN)
    tricky = replace(own, exercise=msgspec.structs.replace(
        own.exercise, name='Gesäß "Muschel"', tips=["Back\\slash and\nline break, then \x7f."]))
    path = save_own_exercise(tricky, tmp_path, BUILTIN)
    assert path == tmp_path / "own-band-clam.toml"
    found, problems = load_own_exercises(tmp_path, BUILTIN)
    assert problems == []
    assert found == [tricky]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary left


def test_ids_are_made_from_the_name_and_never_reused() -> None:
    assert own_id_for("Müde Füße!", set()) == "own-muede-fuesse"
    assert own_id_for("Clam", {"own-clam", "own-clam-2"}) == "own-clam-3"
    assert own_id_for("???", set()) == "own-exercise"


# --- malformed files -----------------------------------------------------------------------

BAD_FILES: list[tuple[str, str, str]] = [
    ("not toml", "[[exercise]\nid = 1", "not valid TOML"),
    ("nested too deeply", "x = " + "[" * 2000 + "]" * 2000, "nested too deeply"),
    ("empty", "", "exactly one [[exercise]]"),
    ("two exercises", EXERCISE + EXERCISE.replace("own-band-clam", "own-other"),
     "exactly one [[exercise]]"),
    ("exercise as a table", EXERCISE.replace("[[exercise]]", "[exercise]"),
     "exactly one [[exercise]]"),
    ("unknown top-level key", "colour = 'red'\n" + EXERCISE, "unknown key 'colour'"),
    ("unknown exercise key", EXERCISE + "difficulty = 3\n", "difficulty"),
    ("unknown picture key", EXERCISE + '\n[picture]\nfigure = "wall-clamshell"\nzoom = 2\n',
     "zoom"),
    ("sets as text", EXERCISE.replace("sets = 3", 'sets = "three"'), "dosage.sets"),
    ("per_side as text", EXERCISE.replace("per_side = true", 'per_side = "yes"'), "per_side"),
    ("steps not a list", EXERCISE.replace('steps = ["Lie on your side, knees bent.", '
                                          '"Open the top knee against the band."]',
                                          'steps = "lie down"'), "steps"),
    ("missing name", EXERCISE.replace('name = "Band clam"\n', ""), "name"),
    ("missing cautions", EXERCISE.replace('cautions = ["Stop if the hip pinches."]\n', ""),
     "cautions"),
    ("unknown muscle", EXERCISE.replace('["gluteus_medius"]', '["biceps"]'), "primary_muscles"),
    ("mode against dosage", EXERCISE.replace('mode = "tempo"', 'mode = "hold"'),
     "the dosage describes 'tempo'"),
    ("bad tempo", EXERCISE.replace('"2-1-2"', '"slow"'), "tempo"),
    ("range upside down", EXERCISE.replace("min = 10, max = 15", "min = 15, max = 10"),
     "below min"),
    ("invisible name", EXERCISE.replace('"Band clam"', '"\u200b\u200b\u200b"'), "invisible"),
    ("id without own-", EXERCISE.replace('id = "own-band-clam"', 'id = "band-clam"'),
     "must start with 'own-'"),
    ("id with capitals", EXERCISE.replace('"own-band-clam"', '"own-Band"'), "field 'id'"),
    ("id clash with a built-in", EXERCISE.replace('"own-band-clam"', '"wall-clamshell"'),
     "must start with 'own-'"),
    ("photo and figure", EXERCISE + '\n[picture]\nphoto = "a.png"\nfigure = "wall-clamshell"\n',
     "exactly one of photo or figure"),
    ("no photo nor figure", EXERCISE + "\n[picture]\n", "exactly one of photo or figure"),
    ("photo path up", EXERCISE + '\n[picture]\nphoto = "../../history.db.png"\n',
     "bare file name"),
    ("photo absolute", EXERCISE + '\n[picture]\nphoto = "/etc/passwd.png"\n', "bare file name"),
    ("photo in a folder", EXERCISE + '\n[picture]\nphoto = "pictures/a.jpg"\n', "bare file name"),
    ("photo not a picture name", EXERCISE + '\n[picture]\nphoto = "notes.txt"\n',
     "bare file name"),
    ("photo hidden file", EXERCISE + '\n[picture]\nphoto = ".a.png"\n', "bare file name"),
    ("figure unknown", EXERCISE + '\n[picture]\nfigure = "moonwalk"\n',
     "'moonwalk' is not a built-in exercise"),
    ("figure of an own", EXERCISE + '\n[picture]\nfigure = "own-band-clam"\n',
     "is not a built-in exercise"),
    ("offset too large", EXERCISE + FIGURE.replace("left_knee = 10", "left_knee = 400"),
     "picture.start"),
    ("offset unknown joint", EXERCISE + FIGURE.replace("left_knee", "left_wing"),
     "picture.start"),
    ("offsets on a photo", EXERCISE + '\n[picture]\nphoto = "a.png"\nstart = { neck = 5 }\n',
     "belong to a figure"),
    ("see a missing exercise", EXERCISE + (
        'easier = [{ name = "Smaller", how = "Open the knee only a little.", mode = "reps", '
        'per_side = true, dosage = { sets = 2, rest_s = 30, reps = { min = 8, max = 10 } }, '
        'primary_muscles = ["gluteus_medius"], equipment = [], see = "nothing-here" }]\n'),
     "'nothing-here' is not a built-in exercise"),
    ("NUL bytes", EXERCISE + "\x00\x00", "NUL"),
    ("huge text", EXERCISE + "# " + "x" * 300_000 + "\n", "larger than 256 KB"),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in BAD_FILES],
                         ids=[name for name, _, _ in BAD_FILES])
def test_a_malformed_exercise_is_refused_with_a_message_naming_file_and_fault(
        text: str, expected: str) -> None:
    with pytest.raises(LibraryError) as raised:
        parse(text)
    message = str(raised.value)
    assert message.startswith("own-band-clam.toml: ")
    assert expected in message
    assert len(message) < 600
    assert "\n" not in message


def test_a_bad_file_in_the_folder_is_named_and_the_good_ones_still_load(tmp_path: Path) -> None:
    (tmp_path / "own-band-clam.toml").write_text(EXERCISE + FIGURE, encoding="utf-8")
    (tmp_path / "own-broken.toml").write_text(EXERCISE.replace("own-band-clam", "own-broken")
                                               .replace("sets = 3", "sets = 0"), encoding="utf-8")
    (tmp_path / "own-renamed.toml").write_text(EXERCISE, encoding="utf-8")  # id is not the stem
    (tmp_path / "own-binary.toml").write_bytes(b"\xff\xfe\x00\x01" * 100)
    (tmp_path / "own-folder.toml").mkdir()
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / ".own-band-clam.toml.abc").write_text("a half-written temporary", "utf-8")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()}
    found, problems = load_own_exercises(tmp_path, BUILTIN)
    assert [o.id for o in found] == ["own-band-clam"]
    assert len(problems) == 4
    text = "\n".join(problems)
    assert "own-broken.toml: exercise 'own-broken', field 'dosage.sets'" in text
    assert "own-renamed.toml: exercise 'own-band-clam', field 'id': must be the file's name" in text
    assert "own-binary.toml: is not UTF-8 text" in text
    assert "own-folder.toml: is not a regular file" in text
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.is_file()} == before


def test_a_missing_folder_holds_no_exercises(tmp_path: Path) -> None:
    assert load_own_exercises(tmp_path / "exercises", BUILTIN) == ([], [])


def test_a_photo_that_is_missing_or_not_a_picture_keeps_the_exercise(tmp_path: Path) -> None:
    (tmp_path / "own-band-clam.toml").write_text(
        EXERCISE + '\n[picture]\nphoto = "own-band-clam.png"\n', encoding="utf-8")
    found, problems = load_own_exercises(tmp_path, BUILTIN)
    assert [o.photo for o in found] == ["own-band-clam.png"]
    assert "cannot be read" in problems[0]
    assert "shown without its photo" in problems[0]
    (tmp_path / PICTURES).mkdir()
    (tmp_path / PICTURES / "own-band-clam.png").write_bytes(b"GIF89a" + b"\0" * 50)
    found, problems = load_own_exercises(tmp_path, BUILTIN)
    assert len(found) == 1
    assert "own-band-clam.png: is not a PNG or JPEG picture" in problems[0]
    (tmp_path / PICTURES / "own-band-clam.png").write_bytes(png(800, 600))
    assert load_own_exercises(tmp_path, BUILTIN)[1] == []


# --- pictures ------------------------------------------------------------------------------


def test_png_and_jpeg_sizes_come_from_their_headers() -> None:
    info = check_picture(png(1200, 900), "a.png")
    assert (info.format, info.width, info.height) == ("png", 1200, 900)
    info = check_picture(jpeg(640, 480), "b.jpg")
    assert (info.format, info.width, info.height) == ("jpeg", 640, 480)
    padded = jpeg(321, 123).replace(b"\xff\xc0", b"\xff\xff\xff\xc2")  # fill bytes, progressive
    assert (check_picture(padded, "c.jpg").width, check_picture(padded, "c.jpg").height) == (
        321, 123)


BAD_PICTURES = [
    ("gif", b"GIF89a" + b"\0" * 20, "is not a PNG or JPEG picture"),
    ("text", b"hello, I am a picture", "is not a PNG or JPEG picture"),
    ("empty", b"", "is not a PNG or JPEG picture"),
    ("png cut short", png()[:20], "cut short"),
    ("png without header chunk", png().replace(b"IHDR", b"IDAT"), "damaged PNG"),
    ("jpeg cut short", jpeg()[:8], "cut short"),
    ("jpeg without size", b"\xff\xd8\xff\xda\x00\x02\xff\xd9", "no size before"),
    ("jpeg bad marker", b"\xff\xd8\x00\x00\x00", "not a marker"),
    ("jpeg bad length", b"\xff\xd8\xff\xe0\x00\x01", "a segment of length 1"),
    ("too wide", png(MAX_PICTURE_SIDE + 1, 10), f"at most {MAX_PICTURE_SIDE} pixels"),
    ("too tall jpeg", jpeg(10, 65000), "65000 pixels"),
    ("zero size", png(0, 10), "which is no picture"),
    ("too many bytes", png() + b"\0" * MAX_PICTURE_BYTES,
     "a picture may be at most 8 MB (8,388,608 bytes)"),
]


@pytest.mark.parametrize(("data", "expected"), [(d, e) for _, d, e in BAD_PICTURES],
                         ids=[name for name, _, _ in BAD_PICTURES])
def test_a_picture_that_cannot_be_used_is_refused_by_name(data: bytes, expected: str) -> None:
    with pytest.raises(LibraryError) as raised:
        check_picture(data, "photo.png")
    assert str(raised.value).startswith("photo.png: ")
    assert expected in str(raised.value)


# --- the figure ----------------------------------------------------------------------------


def test_the_figure_starts_from_the_built_in_pose_with_the_offsets_added() -> None:
    base = builtin_poses().pose("wall-clamshell")
    assert base is not None
    picture = Picture(figure="wall-clamshell", start={"left_knee": 10.0},
                      end={"left_hip_abd": -5.5, "left_elbow": 90.0})
    pose = adjusted_pose(base, picture)
    assert pose.start.angles.left_knee == base.start.angles.left_knee + 10
    assert pose.end.angles.left_hip_abd == base.end.angles.left_hip_abd - 5.5
    assert pose.end.angles.left_elbow == min(150.0, base.end.angles.left_elbow + 90)
    assert pose.start.angles.trunk_flex == base.start.angles.trunk_flex  # untouched


def test_the_combined_library_lists_built_in_then_own_and_draws_the_own_figure(
        tmp_path: Path) -> None:
    (tmp_path / "own-band-clam.toml").write_text(EXERCISE + FIGURE, encoding="utf-8")
    library, problems = combined(LIBRARY, tmp_path)
    assert problems == []
    assert library.ids[: len(LIBRARY)] == LIBRARY.ids
    assert library.ids[-1] == "own-band-clam"
    assert library.is_own("own-band-clam")
    assert not library.is_own("wall-clamshell")
    pose = library.poses.pose("own-band-clam")
    builtin = library.poses.pose("wall-clamshell")
    assert pose is not None
    assert builtin is not None
    assert pose.exercise_id == "own-band-clam"
    assert pose.start.angles.left_knee == builtin.start.angles.left_knee + 10
    assert library.poses.entry("own-band-clam") is None


def test_a_retired_exercise_keeps_its_name_for_old_sessions(tmp_path: Path) -> None:
    (tmp_path / "own-band-clam.toml").write_text(EXERCISE, encoding="utf-8")
    library = CombinedLibrary(LIBRARY, tmp_path)
    library.reload()
    retire_own_exercise("own-band-clam", tmp_path)
    assert read_retired_names(tmp_path) == {"own-band-clam": "Band clam"}
    library.reload()
    assert "own-band-clam" not in library
    assert library.name_of("own-band-clam") == "Band clam"
    assert "own-band-clam" in library.taken_ids  # a new exercise never takes its id
    with pytest.raises(LibraryError):
        retire_own_exercise("../history", tmp_path)
