"""`gluteapp export-programme` and `import-programme`, run as the installed program runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.test_programme_hostile import CASES
from tests.e2e.conftest import run_app
from tests.programme_files import ROUTINE, fill_data_folder, tree_digest


def _exported(tmp_path: Path) -> Path:
    sender = fill_data_folder(tmp_path / "sender")
    target = tmp_path / "knee.gluteprogramme"
    done = run_app("export-programme", "knee-rehab", str(target), data_dir=sender)
    assert done.returncode == 0, done.stderr
    assert done.stdout == (f"{target}: the routine 'Knee rehab', with 2 own exercises and "
                           "1 picture\n")
    return target


def test_dry_run_says_what_it_would_add_and_changes_nothing(tmp_path: Path) -> None:
    programme = _exported(tmp_path)
    receiver = tmp_path / "receiver"
    receiver.mkdir()
    before = tree_digest(receiver)
    done = run_app("import-programme", str(programme), "--dry-run", data_dir=receiver)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"{programme}: the routine 'Knee rehab', with 2 own exercises and 1 picture "
        "(written by Gluteapp 0.1.0)",
        "  new: routine 'Knee rehab' (knee-rehab)",
        "  new: exercise 'Clam against the wall' (own-wall-clam)",
        "  new: exercise 'Heel slide' (own-heel-slide)",
        "dry run: nothing was written; importing would add 3 and find 0 in conflict",
    ]
    assert tree_digest(receiver) == before
    absent = tmp_path / "absent"
    run_app("import-programme", str(programme), "--dry-run", data_dir=absent)
    assert not absent.exists()


def test_import_then_a_conflict_refused_until_rename_or_replace(tmp_path: Path) -> None:
    programme = _exported(tmp_path)
    receiver = tmp_path / "receiver"
    done = run_app("import-programme", str(programme), data_dir=receiver)
    assert done.returncode == 0, done.stderr
    assert "  written: routines/knee-rehab.toml" in done.stdout.splitlines()
    assert (receiver / "exercises" / "pictures" / "clam.png").is_file()

    mine = ROUTINE.replace("sets = 3", "sets = 5")
    (receiver / "routines" / "knee-rehab.toml").write_text(mine)
    before = tree_digest(receiver)
    refused = run_app("import-programme", str(programme), data_dir=receiver)
    assert refused.returncode == 1
    assert refused.stderr == (
        f"error: {programme}: your data folder already has, with other content: routine "
        "'Knee rehab' (knee-rehab). Nothing was imported. Run again with --replace to overwrite "
        "them, or with --rename to keep both (the imported ones get new ids)\n")
    assert tree_digest(receiver) == before

    renamed = run_app("import-programme", str(programme), "--rename", data_dir=receiver)
    assert renamed.returncode == 0, renamed.stderr
    assert "  renamed: knee-rehab -> knee-rehab-2" in renamed.stdout.splitlines()
    assert (receiver / "routines" / "knee-rehab.toml").read_text() == mine
    kept = (receiver / "routines" / "knee-rehab-2.toml").read_text()
    assert 'name = "Knee rehab (2)"' in kept
    assert 'exercise = "own-wall-clam"' in kept  # the same exercise: it was already there
    listed = run_app("routines", data_dir=receiver)  # both load, with the exercises they use
    assert listed.stderr == ""
    assert sorted(line.split()[0] for line in listed.stdout.splitlines()
                  if " user " in line) == ["knee-rehab", "knee-rehab-2"]

    replaced = run_app("import-programme", str(programme), "--replace", data_dir=receiver)
    assert replaced.returncode == 0, replaced.stderr
    assert (receiver / "routines" / "knee-rehab.toml").read_text() == ROUTINE


def test_a_hostile_file_is_one_line_on_stderr_and_no_traceback(tmp_path: Path) -> None:
    receiver = fill_data_folder(tmp_path / "receiver")
    before = tree_digest(receiver)
    for hostile, fault in ((tmp_path / "x.gluteprogramme", "not a zip archive"),
                           (tmp_path, "is not a regular file")):
        if hostile.suffix:
            hostile.write_bytes(b"\x00" * 100)
        done = run_app("import-programme", str(hostile), data_dir=receiver)
        assert done.returncode == 1
        assert done.stdout == ""
        assert done.stderr.startswith(f"error: {hostile}: ")
        assert fault in done.stderr
        assert done.stderr.count("\n") == 1
    assert tree_digest(receiver) == before
    both = run_app("import-programme", "x", "--replace", "--rename", data_dir=receiver)
    assert both.returncode == 2
    assert "not allowed with argument" in both.stderr


@pytest.mark.parametrize("case", ["climbs out with ..", "symbolic link", "a compression bomb",
                                  "a newer version", "picture that is not an image",
                                  "cut short at half", "photo that leaves the folder"])
def test_hostile_programmes_through_the_command_change_nothing_even_with_replace(
        case: str, tmp_path: Path) -> None:
    build, fault = CASES[case]
    receiver = fill_data_folder(tmp_path / "receiver")
    before = tree_digest(receiver)
    hostile = build(tmp_path)
    for flags in ((), ("--replace",), ("--rename",), ("--dry-run",)):
        done = run_app("import-programme", str(hostile), *flags, data_dir=receiver)
        assert done.returncode == 1
        assert done.stderr.startswith(f"error: {hostile}: ")
        assert fault in done.stderr
        assert done.stderr.count("\n") == 1
        assert "Traceback" not in done.stderr
    assert tree_digest(receiver) == before


def test_building_the_parser_loads_nothing_the_programme_commands_need() -> None:
    """Every start builds the parser, the app's too: the commands' modules load when one runs."""
    code = ("import sys, gluteapp.cli; gluteapp.cli.build_parser();"
            "print(sorted(m for m in sys.modules if m.startswith(('gluteapp.core', 'msgspec'))))")
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip() == "[]"
