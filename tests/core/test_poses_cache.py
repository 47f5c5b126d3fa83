"""The figures' poses read through a validated copy in the cache folder, as the library is."""

from __future__ import annotations

from pathlib import Path

import pytest

from gluteapp.core.assets import assets_dir
from gluteapp.core.library_cache import POSES_PREFIX, SUFFIX, load_poses_cached
from gluteapp.core.poses import PoseError, PoseLibrary, load_poses


@pytest.fixture
def poses_file(tmp_path: Path) -> Path:
    path = tmp_path / "poses.toml"
    path.write_bytes((assets_dir() / "poses.toml").read_bytes())
    return path


def copies(cache: Path) -> list[Path]:
    return sorted(cache.glob(f"{POSES_PREFIX}*{SUFFIX}"))


def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from gluteapp.core import poses

    parsed: list[str] = []
    real = poses.parse_poses

    def counting(text: str, origin: str = "poses") -> PoseLibrary:
        parsed.append(origin)
        return real(text, origin)

    monkeypatch.setattr(poses, "parse_poses", counting)
    return parsed


def test_the_copy_gives_the_same_poses_without_reading_the_toml(
    poses_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    parsed = count_parses(monkeypatch)
    first = load_poses_cached(poses_file, cache)
    assert parsed == [str(poses_file)]
    assert len(copies(cache)) == 1
    again = load_poses_cached(poses_file, cache)
    assert parsed == [str(poses_file)]  # the copy was used
    truth = load_poses(poses_file)
    assert again.pose_keys() == truth.pose_keys() == first.pose_keys()
    assert again.entries() == truth.entries()
    for exercise, variation in truth.pose_keys():  # same_as followed alike
        assert again.pose(exercise, variation) == truth.pose(exercise, variation)


def test_an_edited_file_makes_a_new_copy_and_the_old_one_goes(
    poses_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    load_poses_cached(poses_file, cache)
    old = copies(cache)
    poses_file.write_text(poses_file.read_text(encoding="utf-8") + "# edited\n",
                          encoding="utf-8")
    parsed = count_parses(monkeypatch)
    load_poses_cached(poses_file, cache)
    assert parsed == [str(poses_file)]
    assert len(copies(cache)) == 1
    assert copies(cache) != old


@pytest.mark.parametrize("damage", [b"", b"\x00\xff not msgpack", b"\x81\xa4pose\x91\x01"])
def test_a_damaged_copy_is_read_past_and_written_again(
    poses_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: bytes
) -> None:
    cache = tmp_path / "cache"
    load_poses_cached(poses_file, cache)
    (copy,) = copies(cache)
    copy.write_bytes(damage)
    parsed = count_parses(monkeypatch)
    poses = load_poses_cached(poses_file, cache)
    assert parsed == [str(poses_file)]
    assert poses.pose_keys() == load_poses(poses_file).pose_keys()
    assert copy.read_bytes() != damage  # a good copy again


def test_a_broken_file_is_an_error_naming_it_and_leaves_no_copy(
    poses_file: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    poses_file.write_text('[[pose]]\nexercise = 3\n', encoding="utf-8")
    with pytest.raises(PoseError, match=r"poses\.toml"):
        load_poses_cached(poses_file, cache)
    assert copies(cache) == []
    poses_file.write_bytes(b"\xff\xfe not text")
    with pytest.raises(PoseError, match="not UTF-8"):
        load_poses_cached(poses_file, cache)


def test_a_cache_folder_that_cannot_be_written_only_costs_the_toml(
    poses_file: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    poses = load_poses_cached(poses_file, blocker)
    assert poses.pose_keys() == load_poses(poses_file).pose_keys()
    assert blocker.is_file()
