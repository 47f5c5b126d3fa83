"""Programme files between real data folders: export, import, conflicts and a failed move."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Library
from gluteapp.core.own_exercises import read_own_exercise
from gluteapp.core.programme import (
    MANIFEST,
    ConflictError,
    DataFolder,
    Kind,
    ProgrammeError,
    Resolution,
    Status,
    apply_import,
    export_programme,
    own_library,
    plan_import,
    read_programme,
)
from gluteapp.core.routines import load_routine
from tests.programme_files import CLAM, PHOTO, ROUTINE, SLIDE, fill_data_folder, png, tree_digest

SHARED = ("routines/knee-rehab.toml", "exercises/own-wall-clam.toml",
          "exercises/own-heel-slide.toml", "exercises/pictures/clam.png")


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


@pytest.fixture
def exported(tmp_path: Path, library: Library) -> Path:
    """knee.gluteprogramme, exported from a data folder 'sender' with the routine in it."""
    sender = fill_data_folder(tmp_path / "sender")
    (sender / "routines" / "other.toml").write_text(
        'name = "Other"\nprepare_s = 5\n[[steps]]\nexercise = "frog-pump"\nsets = 1\nreps = 5\n')
    target = tmp_path / "knee.gluteprogramme"
    export_programme("knee-rehab", target, DataFolder(sender), library)
    return target


def test_export_then_import_into_a_fresh_folder_gives_the_same_files_byte_for_byte(
        tmp_path: Path, exported: Path, library: Library) -> None:
    receiver = DataFolder(tmp_path / "receiver")
    plan = plan_import(read_programme(exported, library), receiver)
    assert [(item.kind, item.id, item.status) for item in plan.items] == [
        (Kind.ROUTINE, "knee-rehab", Status.NEW),
        (Kind.EXERCISE, "own-wall-clam", Status.NEW),
        (Kind.EXERCISE, "own-heel-slide", Status.NEW),
    ]
    result = apply_import(plan)
    assert result.routine_id == "knee-rehab"
    assert result.renamed == {}
    for name in SHARED:
        assert (receiver.data_dir / name).read_bytes() == (tmp_path / "sender" / name).read_bytes()
    # Only what the routine uses travels: not the sender's other routine.
    assert sorted(p.name for p in receiver.routines.iterdir()) == ["knee-rehab.toml"]
    assert not list(receiver.data_dir.glob(".programme-import-*"))
    # What arrived is usable: the routine loads with the exercises it brought.
    routine = load_routine(receiver.routines / "knee-rehab.toml", own_library(receiver, library))
    assert routine.exercise_ids == ["own-wall-clam", "glute-bridge", "own-heel-slide"]
    clam = read_own_exercise(receiver.exercises / "own-wall-clam.toml", library.ids)
    assert clam.photo == "clam.png"


def test_the_archive_holds_the_manifest_first_and_the_same_content_gives_the_same_bytes(
        tmp_path: Path, exported: Path, library: Library) -> None:
    with zipfile.ZipFile(exported) as archive:
        assert archive.namelist() == [MANIFEST, "routine.toml", "exercises/own-wall-clam.toml",
                                      "exercises/own-heel-slide.toml",
                                      "exercises/pictures/clam.png"]
        manifest = archive.read(MANIFEST).decode()
        kinds = {info.filename: info.compress_type for info in archive.infolist()}
    # A photo is compressed already; the texts are deflated.
    assert kinds["exercises/pictures/clam.png"] == zipfile.ZIP_STORED
    assert kinds["routine.toml"] == zipfile.ZIP_DEFLATED
    assert 'format = "gluteapp-programme"' in manifest
    assert "version = 1\n" in manifest
    assert 'routine = "knee-rehab"' in manifest
    assert f"size = {len(PHOTO)}" in manifest
    again = tmp_path / "again.gluteprogramme"
    export_programme("knee-rehab", again, DataFolder(tmp_path / "sender"), library)
    assert again.read_bytes() == exported.read_bytes()
    assert not list(tmp_path.glob(".*.part"))


def test_importing_the_same_programme_twice_finds_everything_there_and_writes_nothing(
        tmp_path: Path, exported: Path, library: Library) -> None:
    receiver = DataFolder(tmp_path / "receiver")
    apply_import(plan_import(read_programme(exported, library), receiver))
    before = tree_digest(receiver.data_dir)
    plan = plan_import(read_programme(exported, library), receiver)
    assert [item.status for item in plan.items] == [Status.SAME] * 3
    assert apply_import(plan).written == ()
    assert tree_digest(receiver.data_dir) == before


def _receiver_with_other_versions(tmp_path: Path) -> DataFolder:
    """A folder with its own 'knee-rehab' and 'own-wall-clam', both different from the sender's."""
    receiver = fill_data_folder(tmp_path / "receiver")
    (receiver / "routines" / "knee-rehab.toml").write_text(ROUTINE.replace("sets = 3", "sets = 4"))
    (receiver / "exercises" / "own-wall-clam.toml").write_text(
        CLAM.replace("Clam against the wall", "My own clam"))
    return DataFolder(receiver)


def test_a_conflict_is_refused_without_a_resolution_and_nothing_changes(
        tmp_path: Path, exported: Path, library: Library) -> None:
    receiver = _receiver_with_other_versions(tmp_path)
    before = tree_digest(receiver.data_dir)
    plan = plan_import(read_programme(exported, library), receiver)
    assert [(item.id, item.status) for item in plan.items] == [
        ("knee-rehab", Status.CONFLICT), ("own-wall-clam", Status.CONFLICT),
        ("own-heel-slide", Status.SAME)]
    with pytest.raises(ConflictError, match=r"--replace .* --rename") as raised:
        apply_import(plan)
    assert str(raised.value).startswith(f"{exported}: your data folder already has")
    assert "routine 'Knee rehab' (knee-rehab)" in str(raised.value)
    assert "exercise 'Clam against the wall' (own-wall-clam)" in str(raised.value)
    assert tree_digest(receiver.data_dir) == before


def test_replace_overwrites_the_conflicting_files_with_the_programmes(
        tmp_path: Path, exported: Path, library: Library) -> None:
    receiver = _receiver_with_other_versions(tmp_path)
    result = apply_import(plan_import(read_programme(exported, library), receiver),
                          Resolution.REPLACE)
    assert result.renamed == {}
    assert (receiver.routines / "knee-rehab.toml").read_text() == ROUTINE
    assert (receiver.exercises / "own-wall-clam.toml").read_text() == CLAM
    assert sorted(p.name for p in receiver.exercises.glob("*.toml")) == [
        "own-heel-slide.toml", "own-wall-clam.toml"]


def test_rename_keeps_both_and_the_renamed_routine_uses_the_renamed_exercise(
        tmp_path: Path, exported: Path, library: Library) -> None:
    receiver = _receiver_with_other_versions(tmp_path)
    mine_routine = (receiver.routines / "knee-rehab.toml").read_bytes()
    mine_clam = (receiver.exercises / "own-wall-clam.toml").read_bytes()
    result = apply_import(plan_import(read_programme(exported, library), receiver),
                          Resolution.RENAME)
    assert result.renamed == {"own-wall-clam": "own-wall-clam-2", "knee-rehab": "knee-rehab-2"}
    assert result.routine_id == "knee-rehab-2"
    assert (receiver.routines / "knee-rehab.toml").read_bytes() == mine_routine
    assert (receiver.exercises / "own-wall-clam.toml").read_bytes() == mine_clam
    both = own_library(receiver, library)
    routine = load_routine(receiver.routines / "knee-rehab-2.toml", both)
    assert routine.name == "Knee rehab (2)"
    assert routine.exercise_ids == ["own-wall-clam-2", "glute-bridge", "own-heel-slide"]
    assert [step.sets for step in routine.steps] == [3, 2, 2]
    clam = both["own-wall-clam-2"]
    assert clam.name == "Clam against the wall (2)"
    assert clam.steps == read_own_exercise(receiver.exercises / "own-wall-clam.toml",
                                           library.ids).exercise.steps


def test_a_photo_whose_name_is_taken_arrives_under_a_new_name_without_asking(
        tmp_path: Path, exported: Path, library: Library) -> None:
    receiver = DataFolder(tmp_path / "receiver")
    receiver.pictures.mkdir(parents=True)
    theirs = png(9, 9, b"\x00\x00\xff")
    (receiver.pictures / "clam.png").write_bytes(theirs)
    plan = plan_import(read_programme(exported, library), receiver)
    assert not plan.conflicts
    result = apply_import(plan)
    assert result.renamed == {"clam.png": "clam-2.png"}
    assert (receiver.pictures / "clam.png").read_bytes() == theirs
    assert (receiver.pictures / "clam-2.png").read_bytes() == PHOTO
    clam = read_own_exercise(receiver.exercises / "own-wall-clam.toml", library.ids)
    assert clam.photo == "clam-2.png"


def test_a_deleted_exercise_the_history_still_names_keeps_its_id(
        tmp_path: Path, exported: Path, library: Library) -> None:
    receiver = DataFolder(tmp_path / "receiver")
    (receiver.exercises / "retired").mkdir(parents=True)
    (receiver.exercises / "retired" / "own-heel-slide.toml").write_text(SLIDE)
    plan = plan_import(read_programme(exported, library), receiver)
    assert [item.id for item in plan.conflicts] == ["own-heel-slide"]
    result = apply_import(plan, Resolution.RENAME)
    assert result.renamed == {"own-heel-slide": "own-heel-slide-2"}
    assert (receiver.exercises / "own-heel-slide-2.toml").is_file()
    assert not (receiver.exercises / "own-heel-slide.toml").exists()


@pytest.mark.parametrize(("failing_move", "moves_in_all"), [(1, 1), (2, 3), (3, 4), (4, 6)])
def test_a_move_that_fails_half_way_puts_everything_back(
        tmp_path: Path, exported: Path, library: Library, monkeypatch: pytest.MonkeyPatch,
        failing_move: int, moves_in_all: int) -> None:
    receiver = _receiver_with_other_versions(tmp_path)
    before = tree_digest(receiver.data_dir)
    plan = plan_import(read_programme(exported, library), receiver)
    real_replace = os.replace
    moves: list[str] = []

    def replace(source: str | Path, target: str | Path) -> None:
        moves.append(str(target))
        if len(moves) == failing_move:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(ProgrammeError) as raised:
        apply_import(plan, Resolution.REPLACE)
    assert str(raised.value) == (f"{receiver.data_dir}: the programme could not be written "
                                 "(No space left on device); your data folder is as it was")
    monkeypatch.undo()
    # Two files replaced, each moved aside and then moved in: four moves; each file already
    # moved aside was put back with one more.
    assert len(moves) == moves_in_all
    assert tree_digest(receiver.data_dir) == before


def test_an_import_that_fails_into_a_fresh_folder_leaves_no_folder_behind(
        tmp_path: Path, exported: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    receiver = DataFolder(tmp_path / "fresh")
    plan = plan_import(read_programme(exported, library), receiver)
    real_replace = os.replace
    calls = iter(range(100))

    def replace(source: str | Path, target: str | Path) -> None:
        if next(calls) == 2:
            raise OSError(13, "Permission denied")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(ProgrammeError, match="Permission denied"):
        apply_import(plan)
    assert not receiver.data_dir.exists()


def test_export_refuses_a_built_in_routine_a_missing_one_and_an_unwritable_target(
        tmp_path: Path, library: Library) -> None:
    folder = DataFolder(fill_data_folder(tmp_path / "data"))
    with pytest.raises(ProgrammeError, match="'desk-break' is a built-in routine"):
        export_programme("desk-break", tmp_path / "x.gluteprogramme", folder, library)
    with pytest.raises(ProgrammeError, match=r"no routine of your own 'knee' in .*routines"):
        export_programme("knee", tmp_path / "x.gluteprogramme", folder, library)
    target = tmp_path / "missing" / "x.gluteprogramme"
    with pytest.raises(ProgrammeError, match=rf"{target}: cannot be written: No such file"):
        export_programme("knee-rehab", target, folder, library)
    assert not list(tmp_path.rglob("*.gluteprogramme*"))


def test_export_names_an_own_exercise_that_is_broken_or_a_photo_that_is_missing(
        tmp_path: Path, library: Library) -> None:
    folder = DataFolder(fill_data_folder(tmp_path / "data"))
    (folder.pictures / "clam.png").unlink()
    with pytest.raises(ProgrammeError, match=r"cannot export: .*pictures/clam.png: cannot be"):
        export_programme("knee-rehab", tmp_path / "x.gluteprogramme", folder, library)
    (folder.exercises / "own-heel-slide.toml").write_text(SLIDE.replace("summary", "summery"))
    with pytest.raises(ProgrammeError,
                       match=r"cannot export: .*own-heel-slide.toml: .* unknown field `summery`"):
        export_programme("knee-rehab", tmp_path / "x.gluteprogramme", folder, library)
    assert not list(tmp_path.glob("*.gluteprogramme*"))


def test_a_routine_file_named_with_spaces_travels_under_an_id_made_from_its_name(
        tmp_path: Path, library: Library) -> None:
    folder = DataFolder(fill_data_folder(tmp_path / "data"))
    (folder.routines / "knee-rehab.toml").rename(folder.routines / "Mein Knie ü.toml")
    target = tmp_path / "knie.gluteprogramme"
    programme = export_programme("Mein Knie ü", target, folder, library)
    assert programme.routine.id == "mein-knie-ue"
    receiver = DataFolder(tmp_path / "receiver")
    apply_import(plan_import(read_programme(target, library), receiver))
    assert (receiver.routines / "mein-knie-ue.toml").read_text() == ROUTINE


def test_renamed_ids_and_names_stay_within_their_limits(
        tmp_path: Path, library: Library) -> None:
    """A 60-character exercise id and an 80-character routine id still load once renamed."""
    long_id = "own-" + "a" * 56
    long_routine = "r" * 80
    folder = DataFolder(fill_data_folder(tmp_path / "sender"))
    clam = CLAM.replace("own-wall-clam", long_id).replace("Clam against the wall", "C" * 60)
    (folder.exercises / "own-wall-clam.toml").unlink()
    (folder.exercises / f"{long_id}.toml").write_text(clam)
    (folder.routines / "knee-rehab.toml").unlink()
    (folder.routines / f"{long_routine}.toml").write_text(
        ROUTINE.replace("own-wall-clam", long_id).replace("Knee rehab", "K" * 80))
    target = tmp_path / "long.gluteprogramme"
    export_programme(long_routine, target, folder, library)
    receiver = DataFolder(fill_data_folder(tmp_path / "receiver"))
    (receiver.exercises / f"{long_id}.toml").write_text(clam.replace("C" * 60, "D" * 60))
    (receiver.routines / f"{long_routine}.toml").write_text(ROUTINE)
    result = apply_import(plan_import(read_programme(target, library), receiver),
                          Resolution.RENAME)
    assert result.renamed == {long_id: long_id[:58] + "-2", long_routine: "r" * 78 + "-2"}
    both = own_library(receiver, library)
    routine = load_routine(receiver.routines / f"{'r' * 78}-2.toml", both)
    assert routine.name == "K" * 76 + " (2)"
    assert both[long_id[:58] + "-2"].name == "C" * 56 + " (2)"


def test_a_file_saved_after_the_plan_was_shown_stops_the_import(
        tmp_path: Path, exported: Path, library: Library) -> None:
    receiver = DataFolder(tmp_path / "receiver")
    plan = plan_import(read_programme(exported, library), receiver)
    assert not plan.conflicts
    receiver.exercises.mkdir(parents=True)
    (receiver.exercises / "own-heel-slide.toml").write_text(SLIDE.replace("Heel slide", "Mine"))
    before = tree_digest(receiver.data_dir)
    with pytest.raises(ProgrammeError, match="changed since the import was shown; nothing was"):
        apply_import(plan, Resolution.REPLACE)
    assert tree_digest(receiver.data_dir) == before
