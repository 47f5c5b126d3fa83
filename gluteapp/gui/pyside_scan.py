"""PySide6 reads the source of every module imported after it; this makes that look cheap.

PySide6's `__feature__` support asks, for each newly imported module, whether it uses PySide
(`shibokensupport.feature._mod_uses_pyside`), by reading the module's whole source with
`inspect.getsource` and searching it for "PySide6". Some 300 modules load before the first
paint and numpy's and pyqtgraph's hundreds after it, so that costs tens of milliseconds.

The answer only matters to a module that selects a feature with `from __feature__ import ...`,
and such an import records the module's choice itself. Nothing here does: every other module
is one PySide6 may leave alone (-1, "ignore this module"), which is what a False answer says.
So the check keeps PySide6's own answer for a file that mentions `__feature__`, and answers
False for any other without parsing it.
"""

from __future__ import annotations

import sys
from types import ModuleType

_MARK = "_gluteapp_quick"


def make_scans_quick() -> bool:
    """Replace PySide6's source scan by a quick one; False if PySide6 has none (changed)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or original is None:
        return False
    if getattr(original, _MARK, False):
        return True

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return False  # built-in or compiled: PySide6 would find no source either
        try:
            with open(path, "rb") as source:
                mentions = b"__feature__" in source.read()
        except OSError:
            return False
        return bool(original(module)) if mentions else False

    setattr(uses_pyside, _MARK, True)
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
    return True
