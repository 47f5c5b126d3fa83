"""PySide6's check of each newly imported module's source, made quick before the app loads."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from gluteapp.gui import pyside_scan

ASKED = """
import json, sys
import PySide6.QtWidgets
import shibokensupport.feature as feature
asked = []
original = feature._mod_uses_pyside
def spy(module):
    asked.append(module.__name__)
    return original(module)
feature._mod_uses_pyside = spy
import {module}
print(json.dumps(asked))
"""


@pytest.mark.parametrize("module", ["gluteapp.app", "gluteapp.launch"])
def test_the_slow_source_scan_sees_none_of_the_apps_modules(module: str) -> None:
    """Imported after PySide6 (as a test or a tool does, and as `run` does), the app reaches
    gluteapp.gui, which makes the scan quick, before msgspec, platformdirs or any module of
    its own: PySide6 would read each one's whole source otherwise."""
    ran = subprocess.run([sys.executable, "-c", ASKED.format(module=module)],
                         capture_output=True, text=True, check=True)
    asked = json.loads(ran.stdout.strip().splitlines()[-1])
    assert "gluteapp.gui.pyside_scan" in asked  # the spy did see the imports up to there
    slow = [name for name in asked if name.split(".")[0] in ("msgspec", "platformdirs")
            or name.startswith(("gluteapp.core", "gluteapp.gui.", "gluteapp.storage"))]
    assert slow == ["gluteapp.gui.pyside_scan"]


def test_the_quick_scan_asks_pyside_only_about_a_file_that_names_its_features(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    feature = sys.modules["shibokensupport.feature"]
    asked: list[str] = []

    def original(module: ModuleType) -> bool:
        asked.append(module.__name__)
        return True

    monkeypatch.setattr(feature, "_mod_uses_pyside", original)
    assert pyside_scan.make_scans_quick()
    quick = feature._mod_uses_pyside  # type: ignore[attr-defined]
    assert quick is not original
    assert pyside_scan.make_scans_quick()  # a second call keeps the quick one
    assert feature._mod_uses_pyside is quick  # type: ignore[attr-defined]

    plain, chooses = tmp_path / "plain.py", tmp_path / "chooses.py"
    plain.write_text("import PySide6.QtCore\n")
    chooses.write_text("from __feature__ import snake_case\n")
    modules = {}
    for path in (plain, chooses):
        modules[path.stem] = ModuleType(path.stem)
        modules[path.stem].__file__ = str(path)
    built_in = ModuleType("built_in")
    gone = ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")
    assert quick(modules["plain"]) is False
    assert quick(built_in) is False
    assert quick(gone) is False
    assert asked == []
    assert quick(modules["chooses"]) is True
    assert asked == ["chooses"]
