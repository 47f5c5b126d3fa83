"""Where files live: the platform's data, config, state and cache folders, or one --data-dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from gluteapp.core.paths import (
    AppPaths,
    ensure_writable,
    move_to_platform_folders,
    resolve_paths,
)


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of XDG folders inside tmp_path, as a Linux desktop sets them."""
    for name, folder in (("XDG_DATA_HOME", "share"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_STATE_HOME", "state"), ("XDG_CACHE_HOME", "cache")):
        monkeypatch.setenv(name, str(tmp_path / folder))
    return tmp_path


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="the XDG layout is Linux's")
def test_settings_in_config_and_logs_in_state(xdg: Path) -> None:
    paths = resolve_paths()
    assert paths.data_dir == xdg / "share" / "gluteapp"
    assert paths.database == xdg / "share" / "gluteapp" / "history.db"
    assert paths.settings == xdg / "config" / "gluteapp" / "settings.ini"
    assert paths.log_file == xdg / "state" / "gluteapp" / "log" / "gluteapp.log"
    assert paths.cache == xdg / "cache" / "gluteapp"
    ensure_writable(paths)
    assert paths.settings.parent.is_dir()
    assert paths.logs.is_dir()


def test_data_dir_keeps_everything_in_one_folder(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    data = tmp_path / "data"
    assert paths.settings == data / "settings.ini"
    assert paths.log_file == data / "logs" / "gluteapp.log"
    assert paths.cache == data / "cache"
    ensure_writable(paths)
    (data / "settings.ini").write_text("[general]\n", encoding="utf-8")
    assert move_to_platform_folders(paths) == []
    assert (data / "settings.ini").read_text(encoding="utf-8") == "[general]\n"


def _old_install(data: Path) -> dict[str, bytes]:
    """Files as an earlier version left them, all in the data folder."""
    files = {
        "settings.ini": b"[appearance]\ntheme=dark\n[general]\nfirst_run_done=true\n",
        "logs/gluteapp.log": b"2026-11-01 INFO gluteapp: started\n" * 50,
        "logs/gluteapp.log.1": b"older lines\n" * 500,
        "history.db": b"not touched by the move",
    }
    for name, content in files.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_bytes(content)
    return files


def _platform_paths(root: Path) -> AppPaths:
    return AppPaths(root / "share", cache_dir=root / "cache", config_dir=root / "config",
                    log_dir=root / "state" / "log")


def test_an_existing_install_moves_over_without_loss(tmp_path: Path) -> None:
    paths = _platform_paths(tmp_path)
    before = _old_install(paths.data_dir)
    moves = move_to_platform_folders(paths)
    assert len(moves) == 3
    assert all(line.startswith("moved: ") for line in moves), moves
    assert paths.settings.read_bytes() == before["settings.ini"]
    assert (paths.logs / "gluteapp.log").read_bytes() == before["logs/gluteapp.log"]
    assert (paths.logs / "gluteapp.log.1").read_bytes() == before["logs/gluteapp.log.1"]
    assert not (paths.data_dir / "settings.ini").exists()
    assert not (paths.data_dir / "logs").exists()
    assert (paths.data_dir / "history.db").read_bytes() == before["history.db"]
    assert not list(tmp_path.rglob("*.moving")), "no half-copied file is left"
    assert move_to_platform_folders(paths) == [], "the second start has nothing to move"


def test_a_file_already_in_the_new_place_is_kept_and_the_old_one_too(tmp_path: Path) -> None:
    paths = _platform_paths(tmp_path)
    before = _old_install(paths.data_dir)
    paths.settings.parent.mkdir(parents=True)
    paths.settings.write_text("[appearance]\ntheme=light\n", encoding="utf-8")
    paths.logs.mkdir(parents=True)
    (paths.logs / "gluteapp.log").write_text("new lines\n", encoding="utf-8")
    move_to_platform_folders(paths)
    assert paths.settings.read_text(encoding="utf-8") == "[appearance]\ntheme=light\n"
    assert (paths.data_dir / "settings.ini.old").read_bytes() == before["settings.ini"]
    assert (paths.logs / "gluteapp.log").read_text(encoding="utf-8") == "new lines\n"
    assert (paths.logs / "old-gluteapp.log").read_bytes() == before["logs/gluteapp.log"]


def test_a_failed_move_leaves_the_original(tmp_path: Path) -> None:
    paths = _platform_paths(tmp_path)
    before = _old_install(paths.data_dir)
    paths.settings.parent.parent.mkdir(parents=True, exist_ok=True)
    paths.settings.parent.write_text("a file where the config folder should be")
    moves = move_to_platform_folders(paths)
    assert moves[0].startswith(f"could not move {paths.data_dir / 'settings.ini'}")
    assert (paths.data_dir / "settings.ini").read_bytes() == before["settings.ini"]
