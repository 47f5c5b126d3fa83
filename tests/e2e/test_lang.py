"""`--lang en|de` on the real command line: the library, the routines, a routine check and a
screenshot in the language asked for, before or after the command; English without it."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import run_app

ASSETS = Path(__file__).parents[2] / "assets"


def exercises(*args: str) -> list[dict[str, Any]]:
    result = run_app("exercises", "--json", *args)
    assert result.returncode == 0, result.stderr
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


@pytest.fixture(scope="module")
def english() -> list[dict[str, Any]]:
    return exercises()


@pytest.fixture(scope="module")
def german() -> list[dict[str, Any]]:
    return exercises("--lang", "de")


TEXTS = ("name", "summary", "steps", "tips", "cautions", "mistakes", "why")


def test_exercises_json_in_german_has_every_text_and_version_in_german(
    english: list[dict[str, Any]], german: list[dict[str, Any]]
) -> None:
    said = tomllib.loads((ASSETS / "exercises.de.toml").read_text(encoding="utf-8"))["exercise"]
    assert [e["id"] for e in german] == [e["id"] for e in english]
    for mine, theirs in zip(german, english, strict=True):
        assert mine["language"] == "de"
        words = said[mine["id"]]
        for field in TEXTS:
            assert mine[field] == words[field], (mine["id"], field)
        assert not set(mine["steps"]) & set(theirs["steps"])
        assert not set(mine["cautions"]) & set(theirs["cautions"])
        assert not set(mine["tips"]) & set(theirs["tips"])
        assert mine["dosage"] == theirs["dosage"] | {"note": mine["dosage"]["note"]}
        for kind in ("easier", "harder"):
            for version, original in zip(mine[kind], theirs[kind], strict=True):
                assert version["name"] == original["name"]  # what routines store
                assert version["label"] == words["versions"][original["name"]]["name"]
                assert version["label"] != original["label"]
                assert version["how"] != original["how"]
                assert original["label"] == original["name"]


def test_the_dose_words_follow_the_language(
    english: list[dict[str, Any]], german: list[dict[str, Any]]
) -> None:
    stand_de = next(e for e in german if e["id"] == "single-leg-stand")
    stand_en = next(e for e in english if e["id"] == "single-leg-stand")
    assert stand_de["dosage_text"] == "3 x 30-60 s pro Seite"
    assert stand_en["dosage_text"] == "3 x 30-60 s per side"
    assert stand_en["language"] == "en"


def test_lang_goes_before_or_after_the_command() -> None:
    before = run_app("--lang", "de", "routines", "--json")
    after = run_app("routines", "--json", "--lang", "de")
    plain = run_app("routines", "--json")
    for result in (before, after, plain):
        assert result.returncode == 0, result.stderr
    assert json.loads(before.stdout) == json.loads(after.stdout)
    names = {row["id"]: row["name"] for row in json.loads(after.stdout)}
    assert names["desk-break"] == "Schreibtischpause"
    assert names["glute-amnesia-wake-up"] == "Gesäß aufwecken"
    english = {row["id"]: row for row in json.loads(plain.stdout)}
    assert english["desk-break"]["name"] == "Desk break"
    german = {row["id"]: row for row in json.loads(after.stdout)}
    assert german["desk-break"]["duration_s"] == english["desk-break"]["duration_s"]
    assert german["desk-break"]["description"] != english["desk-break"]["description"]


def test_the_text_listing_in_german() -> None:
    result = run_app("exercises", "--lang", "de")
    assert result.returncode == 0, result.stderr
    assert "single-leg-stand" in result.stdout
    assert "Einbeinstand  (3 x 30-60 s pro Seite)" in result.stdout


def test_check_routine_names_the_german_exercise(tmp_path: Path) -> None:
    routine = tmp_path / "wrong.toml"
    routine.write_text('name = "Falsch"\nprepare_s = 5\n\n[[steps]]\nexercise = "side-plank"\n'
                       'sets = 2\nhold_s = 20\nvariation = "Top-leg lift"\n', encoding="utf-8")
    result = run_app("check-routine", str(routine), "--lang", "de")
    assert result.returncode == 1
    assert "is not a variation of 'Seitstütz'" in result.stderr
    assert "'Top-leg lifts'" in result.stderr  # versions are still named by their key


def test_an_unknown_language_is_refused() -> None:
    result = run_app("exercises", "--lang", "fr")
    assert result.returncode == 2
    assert "invalid choice: 'fr'" in result.stderr


def test_check_fails_on_a_missing_german_text(tmp_path: Path) -> None:
    (tmp_path / "exercises.toml").write_bytes((ASSETS / "exercises.toml").read_bytes())
    german = (ASSETS / "exercises.de.toml").read_text(encoding="utf-8")
    cut = german.index("[exercise.bird-dog]")
    end = german.index("[exercise.glute-bridge]")
    (tmp_path / "exercises.de.toml").write_text(german[:cut] + german[end:], encoding="utf-8")
    for checked in ("exercises.toml", "exercises.de.toml"):
        result = run_app("exercises", "--check", str(tmp_path / checked))
        assert result.returncode == 1, checked
        assert "exercise 'bird-dog': no translation" in result.stderr
    shipped = run_app("exercises", "--check", str(ASSETS / "exercises.toml"))
    assert shipped.returncode == 0, shipped.stderr
    assert shipped.stdout.strip().endswith("OK, 23 exercises, complete in de")


def test_a_screenshot_in_german_leaves_the_setting_alone(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shot = tmp_path / "library-de.png"
    result = run_app("--screenshot", str(shot), "--view", "library", "--skip-first-run",
                     "--lang", "de", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert shot.stat().st_size > 10_000
    log = (data / "logs" / "gluteapp.log").read_text(encoding="utf-8")
    assert "language: de" in log
    settings = (data / "settings.ini").read_text(encoding="utf-8")  # the first run is done
    assert "language=de" not in settings.replace(" ", "")
    again = run_app("--screenshot", str(shot), "--view", "library", "--skip-first-run",
                    data_dir=data)
    assert again.returncode == 0, again.stderr
    log = (data / "logs" / "gluteapp.log").read_text(encoding="utf-8")
    assert log.count("language: de") == 1  # the next run follows the setting: English
