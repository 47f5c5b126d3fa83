"""The validated copy of the exercise library: written, reused, replaced, never trusted blindly."""

from __future__ import annotations

from pathlib import Path

import msgspec
import platformdirs
import pytest

from gluteapp.core import library_cache
from gluteapp.core.assets import assets_dir
from gluteapp.core.exercises import Library, LibraryError, LibraryFile, load_library
from gluteapp.core.library_cache import PREFIX, SUFFIX, cache_file, load_library_cached
from gluteapp.core.paths import resolve_paths

SHIPPED = assets_dir() / "exercises.toml"


@pytest.fixture
def toml(tmp_path: Path) -> Path:
    """A private copy of the shipped library, free to edit."""
    path = tmp_path / "exercises.toml"
    path.write_bytes(SHIPPED.read_bytes())
    return path


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every time the TOML is read and validated, its origin (the cache's own path never is)."""
    calls: list[str] = []
    real = library_cache.parse_library

    def counting(text: str, origin: str = "exercise library") -> Library:
        calls.append(origin)
        return real(text, origin)

    monkeypatch.setattr(library_cache, "parse_library", counting)
    return calls


def copies(cache: Path) -> list[Path]:
    return sorted(cache.glob(f"{PREFIX}*{SUFFIX}"))


def test_the_first_load_validates_the_toml_and_writes_the_copy(
    toml: Path, tmp_path: Path, parses: list[str]
) -> None:
    cache = tmp_path / "cache"
    library = load_library_cached(toml, cache)
    assert parses == [str(toml)]
    assert copies(cache) == [cache_file(toml, cache)]
    assert list(library) == list(load_library(SHIPPED))


def test_the_next_load_reuses_the_copy_and_gives_the_same_library(
    toml: Path, tmp_path: Path, parses: list[str]
) -> None:
    cache = tmp_path / "cache"
    first = load_library_cached(toml, cache)
    second = load_library_cached(toml, cache)
    assert parses == [str(toml)]  # only the first load read the TOML
    assert list(second) == list(first)
    assert second.ids == first.ids
    assert second["glute-bridge"].dosage == first["glute-bridge"].dosage


def test_an_edited_toml_replaces_the_copy(toml: Path, tmp_path: Path, parses: list[str]) -> None:
    cache = tmp_path / "cache"
    load_library_cached(toml, cache)
    old_copy = copies(cache)
    text = toml.read_text(encoding="utf-8")
    assert 'name = "Glute bridge"' in text
    toml.write_text(text.replace('name = "Glute bridge"', 'name = "Bridge, edited"'),
                    encoding="utf-8")
    library = load_library_cached(toml, cache)
    assert library["glute-bridge"].name == "Bridge, edited"
    assert len(parses) == 2
    assert copies(cache) == [cache_file(toml, cache)] != old_copy  # the stale copy is gone


def test_a_new_schema_does_not_trust_a_copy_validated_by_the_old_one(
    toml: Path, tmp_path: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    load_library_cached(toml, cache)
    monkeypatch.setattr(library_cache, "_schema_fingerprint", lambda: b"a changed schema")
    load_library_cached(toml, cache)
    assert len(parses) == 2


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00\xffnot msgpack at all",
        msgspec.msgpack.encode({"exercise": [{"id": "no-such-shape"}]}),
    ],
    ids=["empty", "garbage", "wrong-shape"],
)
def test_a_corrupt_copy_falls_back_to_the_toml_and_is_rewritten(
    toml: Path, tmp_path: Path, parses: list[str], content: bytes
) -> None:
    cache = tmp_path / "cache"
    expected = list(load_library_cached(toml, cache))
    target = cache_file(toml, cache)
    target.write_bytes(content)
    assert list(load_library_cached(toml, cache)) == expected
    assert len(parses) == 2
    # The copy was made good again and serves the next start.
    assert msgspec.msgpack.decode(target.read_bytes(), type=LibraryFile).exercise == expected
    load_library_cached(toml, cache)
    assert len(parses) == 2


def test_a_copy_that_breaks_a_rule_beyond_the_schema_is_not_used(
    toml: Path, tmp_path: Path, parses: list[str]
) -> None:
    cache = tmp_path / "cache"
    library = load_library_cached(toml, cache)
    first = next(iter(library))
    doubled = LibraryFile(exercise=[first, first])  # valid per field, but an id used twice
    cache_file(toml, cache).write_bytes(msgspec.msgpack.encode(doubled))
    assert load_library_cached(toml, cache).ids == library.ids
    assert len(parses) == 2


def test_an_unwritable_cache_folder_still_loads_the_library(
    toml: Path, tmp_path: Path, parses: list[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    assert len(load_library_cached(toml, blocker / "cache")) == len(load_library(SHIPPED))
    assert len(load_library_cached(toml, blocker / "cache")) == len(load_library(SHIPPED))
    assert len(parses) == 2  # nothing could be cached, so each load reads the TOML


def test_a_broken_toml_raises_as_load_library_does_even_with_an_old_copy(
    toml: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    load_library_cached(toml, cache)
    toml.write_text(toml.read_text(encoding="utf-8").replace("sets = 3", "sets = 99", 1),
                    encoding="utf-8")
    with pytest.raises(LibraryError) as cached_error:
        load_library_cached(toml, cache)
    with pytest.raises(LibraryError) as plain_error:
        load_library(toml)
    assert str(cached_error.value) == str(plain_error.value)
    assert "field 'dosage.sets'" in str(cached_error.value)


def test_a_missing_toml_is_a_library_error(tmp_path: Path) -> None:
    with pytest.raises(LibraryError, match="cannot be read"):
        load_library_cached(tmp_path / "missing.toml", tmp_path / "cache")


def test_the_cache_is_the_platforms_or_inside_a_chosen_data_folder(tmp_path: Path) -> None:
    assert resolve_paths(tmp_path / "data").cache == (tmp_path / "data" / "cache").absolute()
    assert resolve_paths().cache == platformdirs.user_cache_path("gluteapp", appauthor=False)
