"""Build hook: compile resources.qrc with pyside6-rcc into the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

GENERATED = "gluteapp/gui/_resources_rc.py"


def find_rcc() -> list[str]:
    """The rcc command of the PySide6 in the build environment."""
    found = shutil.which("pyside6-rcc")
    if found:
        return [found]
    scripts = Path(sysconfig.get_path("scripts")) / "pyside6-rcc"
    if scripts.exists():
        return [str(scripts)]
    return [sys.executable, "-c", "from PySide6.scripts.pyside_tool import rcc; rcc()"]


def compile_resources(root: Path) -> Path:
    out = root / GENERATED
    subprocess.run([*find_rcc(), str(root / "resources.qrc"), "-o", str(out)], check=True)
    return out


class ResourceBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        compile_resources(Path(self.root))
        build_data.setdefault("artifacts", []).append(GENERATED)


if __name__ == "__main__":  # `python hatch_build.py` recompiles after editing resources.qrc
    print(compile_resources(Path(__file__).resolve().parent))
