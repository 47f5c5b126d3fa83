"""The benchmarks' leave-outs still undo their change in this tree.

Each change's gain is measured by building HEAD with one change undone (benchmarks/wheels.py
reverses a diff of benchmarks/leave_out with `patch`). A later change to the same lines makes
that diff fail, and benchmarks/run_all.sh then stops half-way, after minutes of measuring.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN_ALL = ROOT / "benchmarks" / "run_all.sh"


def leave_outs_of_head() -> list[str]:
    """The leave-outs run_all.sh applies to HEAD (`HEAD+$L/NAME.diff`)."""
    return sorted(set(re.findall(r"HEAD\+\$L/([\w-]+\.diff)", RUN_ALL.read_text())))


def test_run_all_measures_the_latest_changes_by_leaving_them_out() -> None:
    names = leave_outs_of_head()
    assert {"calendar_cells.diff", "trend_thinning.diff", "scan_first.diff", "lazy_toml.diff",
            "figure_math.diff", "day_pairs.diff", "zone_seconds.diff", "no_activation.diff",
            "week_sums.diff"} <= set(names)
    for name in names:
        assert (ROOT / "benchmarks" / "leave_out" / name).is_file(), name


@pytest.mark.parametrize("name", leave_outs_of_head())
def test_each_leave_out_of_head_reverses_onto_the_tree(name: str) -> None:
    diff = ROOT / "benchmarks" / "leave_out" / name
    tried = subprocess.run(["patch", "-R", "-p1", "--dry-run", "-i", str(diff)], cwd=ROOT,
                           capture_output=True, text=True, check=False)
    assert tried.returncode == 0, f"{name} no longer applies:\n{tried.stdout}{tried.stderr}"
    assert "FAILED" not in tried.stdout


def leave_outs_of_commits() -> list[tuple[str, str]]:
    """The leave-outs run_all.sh applies to a named commit (`abc1234+$L/NAME.diff`): changes
    measured where they were made, whose lines a later change rewrote."""
    return sorted(set(re.findall(r"\b([0-9a-f]{7,40})\+\$L/([\w-]+\.diff)", RUN_ALL.read_text())))


@pytest.mark.parametrize(("commit", "name"), leave_outs_of_commits())
def test_each_leave_out_of_a_commit_reverses_onto_that_commit(commit: str, name: str,
                                                              tmp_path: Path) -> None:
    archive = subprocess.run(["git", "archive", commit, "gluteapp"], cwd=ROOT,
                             capture_output=True, check=False)
    if archive.returncode != 0:
        shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=ROOT,
                                 capture_output=True, text=True, check=False).stdout.strip()
        if shallow == "true":
            pytest.skip(f"a shallow clone, without {commit}")
        pytest.fail(f"{commit} is not in this clone: {archive.stderr.decode()}")
    subprocess.run(["tar", "-x", "-C", str(tmp_path)], input=archive.stdout, check=True)
    diff = ROOT / "benchmarks" / "leave_out" / name
    tried = subprocess.run(["patch", "-R", "-p1", "--dry-run", "-i", str(diff)], cwd=tmp_path,
                           capture_output=True, text=True, check=False)
    assert tried.returncode == 0, f"{name} no longer applies to {commit}:\n{tried.stdout}"
    assert "FAILED" not in tried.stdout


def test_a_leave_out_of_a_commit_is_found() -> None:
    assert {("3bad222", "day_counts.diff"),
            ("3bad222", "calendar_drawing.diff")} <= set(leave_outs_of_commits())
