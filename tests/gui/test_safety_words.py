"""The one safety rule is said the same way everywhere: the disclaimer page, the README, the first
run, the plan before a session, the library's versions, the rating and the "It hurts" panel."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from gluteapp.core import safety
from gluteapp.core.advice import advise
from gluteapp.core.assets import builtin_library
from gluteapp.core.exercises import Library
from gluteapp.core.routines import Routine, RoutineStep
from gluteapp.core.safety import RulePoint
from gluteapp.gui.first_run import FirstRunDialog
from gluteapp.gui.library.detail import ExerciseDetail
from gluteapp.gui.player.dose_plan import DosePlanView
from gluteapp.gui.player.view import PlayerView
from gluteapp.gui.settings import Settings
from gluteapp.gui.words import pain_scale_hint, safety_rule, safety_rule_lines
from tests.core.test_versions import histories
from tests.gui.test_player import advance, make_player

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def library() -> Library:
    return builtin_library()


def flat(text: str) -> str:
    """One line, single spaces: a page wraps its sentences where it likes."""
    return re.sub(r"\s+", " ", text).strip()


def test_the_words_carry_cores_thresholds() -> None:
    stop = safety.STOP_PAIN_MIN
    assert f"1 to {stop - 1} out of 10" in safety_rule(RulePoint.MILD_PAIN_HOLDS)
    assert f"reaches {stop} out of 10" in safety_rule(RulePoint.STOP_THE_SET)
    assert f"after {safety.PAIN_FREE_SESSIONS_TO_PROGRESS} sessions in a row" in safety_rule(
        RulePoint.NO_PAIN_TO_PROGRESS)
    assert f"1 to {stop - 1}: the dose stays. {stop} or more: stop" in pain_scale_hint()
    assert len(set(safety_rule_lines())) == len(RulePoint)


@pytest.mark.parametrize("where", ["assets/pages/disclaimer.md", "README.md"])
def test_the_rule_is_stated_word_for_word(where: str) -> None:
    text = flat((ROOT / where).read_text(encoding="utf-8"))
    for line in safety_rule_lines():
        assert line in text, line


def test_a_translated_disclaimer_states_the_rule_in_its_language(qapp: QApplication) -> None:
    # disclaimer.de.md (and any other language) must say the same rule, in the words the
    # translation gives it. With no translated page yet this checks nothing, by design.
    from gluteapp.gui.i18n import install_translator

    for page in sorted((ROOT / "assets" / "pages").glob("disclaimer.*.md")):
        language = page.name.split(".")[1]
        try:
            assert install_translator(qapp, language), language
            text = flat(page.read_text(encoding="utf-8"))
            for line in safety_rule_lines():
                assert line in text, (page.name, line)
        finally:
            install_translator(qapp, "en")


def test_the_old_thresholds_are_gone_from_the_pages_and_readme() -> None:
    for path in [ROOT / "README.md", *sorted((ROOT / "assets" / "pages").glob("*.md"))]:
        text = flat(path.read_text(encoding="utf-8")).lower()
        assert "pain at most 2" not in text, path.name
        assert "pain of 5 or more" not in text, path.name
        assert "stop if anything hurts" not in text, path.name
        assert "if something hurts, stop" not in text, path.name  # the rule allows mild pain


def test_the_first_run_shows_the_rule_and_twice_a_week(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = FirstRunDialog(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(dialog)
    shown = flat(dialog.disclaimer.text.toPlainText())
    for line in safety_rule_lines():
        assert line in shown, line
    hint = dialog.questions.goal_hint.text()
    assert hint.startswith("Twice a week")
    assert "three" not in hint
    assert "back to back" not in hint


def test_a_version_shows_its_own_sides_in_the_library(qtbot: QtBot, library: Library) -> None:
    detail = ExerciseDetail()
    qtbot.addWidget(detail)
    detail.show_exercise(library["single-leg-squat"])
    [chair] = detail.easier.cards()
    assert chair.name_label.text() == "Two-leg chair squat"
    assert "per side" not in chair.dosage_label.text()  # both legs at once
    assert "per side" in detail.harder.cards()[0].dosage_label.text()
    assert "safety rule" in detail.disclaimer_label.text()


def test_the_plan_after_pain_offers_the_easier_version_and_other_exercises(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    exercise = library["side-plank"]
    routine = Routine("plan", "Plan", 5, (RoutineStep("side-plank", sets=3, hold_s=30),))
    advice = advise(routine, library, histories(exercise, None)["pain"])
    view = DosePlanView(advice, library)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    [row] = view.rows
    # Stopping pain twice in a row: the easier version, others, and ask a professional.
    assert row.suggestion.variation == "From the knees"
    assert "Ask a doctor or physiotherapist" in row.reason.text()
    others = row.findChild(QLabel, "pain_alternatives")
    assert others is not None
    assert others.text().startswith("Or another exercise for the same muscle: ")
    assert library.name_of(row.suggestion.alternatives[0]) in others.text()
    view.grab().save(str(tmp_path / "plan-after-pain.png"))


# -- the player: "It hurts" and the rating --------------------------------------------------------

LIFTS = """
name = "Plank lifts"
prepare_s = 5

[[steps]]
exercise = "side-plank"
sets = 2
reps = 10
variation = "Top-leg lifts"
rest_s = 45
"""


def stop_text(view: PlayerView) -> str:
    return view.stop_panel.text.text()


def test_it_hurts_says_the_rule_and_what_to_try_next_time(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    view, clock = make_player(qtbot, library)
    view.runner.start()
    advance(view, clock, 7)
    view.hurts_button.click()
    text = stop_text(view)
    lines = text.split("\n")
    assert lines[:2] == [safety_rule(point) for point in safety.AFTER_IT_HURTS]
    assert lines[:2] == [safety_rule(RulePoint.STOP_THE_SET),
                         safety_rule(RulePoint.ASK_A_PROFESSIONAL)]
    assert lines[-1] == f"• {library['side-plank'].cautions[-1]}"
    assert "Next time, try the easier version: From the knees." in text
    assert "Or another exercise for the same muscle: " in text
    assert "Pain is a signal to stop" not in text  # the old words, not the rule's
    view.grab().save(str(tmp_path / "it-hurts.png"))
    view.runner.stop()


def test_it_hurts_on_a_harder_version_goes_back_to_the_exercise(
    qtbot: QtBot, library: Library
) -> None:
    view, clock = make_player(qtbot, library, LIFTS)
    view.runner.start()
    advance(view, clock, 6)
    view.hurts_button.click()
    text = stop_text(view)
    assert "Next time, go back to Side plank itself." in text
    assert "try the easier version" not in text
    view.runner.stop()


def test_pain_that_stops_a_set_opens_the_stop_panel(qtbot: QtBot, library: Library) -> None:
    view, clock = make_player(qtbot, library)
    view.runner.start()
    advance(view, clock, 5 + 20 + 5 + 20.5)
    mild = view.rating.pain_group.button(safety.STOP_PAIN_MIN - 1)
    stopping = view.rating.pain_group.button(safety.STOP_PAIN_MIN)
    assert mild is not None
    assert stopping is not None
    mild.click()
    assert not view.stop_panel.isVisible()  # mild pain: the set may be finished
    stopping.click()
    assert view.stop_panel.isVisible()
    assert view.runner.session.is_paused
    view.runner.stop()


def test_the_rating_says_what_the_pain_numbers_mean(qtbot: QtBot, library: Library) -> None:
    view, _ = make_player(qtbot, library)
    assert view.rating.pain_hint.text() == pain_scale_hint()
    view.runner.stop()
