"""The command line of the installed program: version, help, the library, screenshots."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtGui import QImage

from gluteapp import __version__
from tests.e2e.conftest import run_app

REQUIRED_FIELDS = {
    "id", "name", "summary", "primary_muscles", "secondary_muscles", "equipment", "position",
    "mode", "per_side", "dosage", "steps", "tips", "cautions", "mistakes", "easier", "harder",
    "sources",
}


def test_version_and_help() -> None:
    version = run_app("--version")
    assert version.returncode == 0
    assert version.stdout.strip() == f"gluteapp {__version__}"
    helptext = run_app("--help")
    assert helptext.returncode == 0
    for option in ("--screenshot", "--data-dir", "--view", "--size", "exercises"):
        assert option in helptext.stdout


def test_exercises_json_lists_the_library_with_every_field() -> None:
    result = run_app("exercises", "--json")
    assert result.returncode == 0, result.stderr
    exercises = json.loads(result.stdout)
    assert len(exercises) >= 22
    for exercise in exercises:
        missing = REQUIRED_FIELDS - exercise.keys()
        assert not missing, (exercise["id"], missing)
        assert exercise["steps"]
        assert exercise["cautions"]
        assert exercise["sources"]
    by_id = {e["id"]: e for e in exercises}
    stand = by_id["single-leg-stand"]
    assert stand["per_side"]
    assert stand["mode"] == "hold"
    assert stand["dosage"]["sets"] == 3
    assert stand["dosage"]["hold_s"] == {"min": 30, "max": 60}
    plank = by_id["side-plank"]
    assert plank["dosage"]["hold_s"]["min"] == 10
    assert any(v["dosage"].get("hold_s", {}) and v["dosage"]["hold_s"]["max"] >= 30
               for v in plank["harder"]) or plank["dosage"]["hold_s"]["max"] == 30
    assert by_id["single-leg-squat"]["dosage"]["tempo"] == "2-0-2"
    walk = by_id["lateral-band-walk"]
    assert walk["mode"] == "steps"
    assert walk["dosage"]["steps"] == {"min": 10, "max": 15}


def test_exercises_text_listing() -> None:
    result = run_app("exercises")
    assert result.returncode == 0
    assert "single-leg-stand" in result.stdout
    assert "3 x 30-60 s per side" in result.stdout


def test_check_accepts_the_shipped_file_and_names_the_broken_field(tmp_path: Path) -> None:
    shipped = Path(__file__).parents[2] / "assets" / "exercises.toml"
    ok = run_app("exercises", "--check", str(shipped))
    assert ok.returncode == 0, ok.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text(shipped.read_text().replace("sets = 3", 'sets = "three"', 1))
    bad = run_app("exercises", "--check", str(broken))
    assert bad.returncode == 1
    assert "field 'dosage.sets'" in bad.stderr
    assert "exercise '" in bad.stderr
    missing = run_app("exercises", "--check", str(tmp_path / "nope.toml"))
    assert missing.returncode == 1
    assert "cannot be read" in missing.stderr


def test_screenshot_renders_each_view_at_the_requested_size(tmp_path: Path) -> None:
    for view, size in (("library", (1280, 800)), ("library", (800, 600)),
                       ("sessions", (1280, 800)), ("history", (1280, 800))):
        target = tmp_path / f"{view}-{size[0]}.png"
        result = run_app("--screenshot", str(target), "--view", view, "--size",
                         f"{size[0]}x{size[1]}", data_dir=tmp_path / "fresh")
        assert result.returncode == 0, result.stderr
        image = QImage(str(target))
        assert (image.width(), image.height()) == size
        # Not a blank image: many distinct colours.
        colours = {image.pixel(x, y) for x in range(0, size[0], 37) for y in range(0, size[1], 29)}
        assert len(colours) > 8, view


def test_read_only_data_folder_gets_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = run_app("--screenshot", str(tmp_path / "x.png"), data_dir=blocker / "data")
    assert result.returncode == 1
    assert "cannot be written" in result.stderr
    assert str(blocker) in result.stderr
    assert blocker.read_text() == "not a folder"


GOOD_ROUTINE = """
name = "Morning"
prepare_s = 5

[[steps]]
exercise = "glute-bridge"
sets = 2
hold_s = 20
"""


def test_routines_lists_built_in_and_user_routines(tmp_path: Path) -> None:
    folder = tmp_path / "data" / "routines"
    folder.mkdir(parents=True)
    (folder / "morning.toml").write_text(GOOD_ROUTINE)
    (folder / "broken.toml").write_text(GOOD_ROUTINE.replace("glute-bridge", "glute-brige"))
    result = run_app("routines", "--json", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    rows = {row["id"]: row for row in json.loads(result.stdout)}
    for builtin in ("glute-amnesia-wake-up", "desk-break", "gluteus-medius-a",
                    "gluteus-medius-b", "gluteus-minimus-focus", "atrophy-starter",
                    "warm-up-before-leg-day"):
        assert rows[builtin]["kind"] == "built-in"
    assert rows["morning"]["kind"] == "user"
    assert rows["morning"]["sets"] == 2
    assert rows["desk-break"]["duration_s"] <= 300
    assert "broken.toml" in result.stderr
    assert "did you mean 'glute-bridge'" in result.stderr
    text = run_app("routines", data_dir=tmp_path / "data")
    assert "Morning" in text.stdout
    assert "Desk break" in text.stdout


def test_check_routine_reports_file_line_and_fault(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(GOOD_ROUTINE)
    ok = run_app("check-routine", str(good))
    assert ok.returncode == 0
    assert "OK" in ok.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD_ROUTINE.replace("hold_s = 20", "hold_s = 0"))
    result = run_app("check-routine", str(bad))
    assert result.returncode == 1
    assert "bad.toml" in result.stderr
    assert "hold_s" in result.stderr
    unknown = run_app("--screenshot", str(tmp_path / "x.png"), "--routine", "no-such-routine",
                      data_dir=tmp_path / "data")
    assert unknown.returncode == 1
    assert "no-such-routine" in unknown.stderr
