"""sqlite-utils without numpy: the history never stores a numpy or pandas value.

sqlite-utils imports numpy (and looks for pandas) when it is first imported, only to map their
scalar types to column types. numpy takes about a hundred milliseconds to import; the history
opens right after the first paint (and before a screenshot), where no chart needs it yet. So
sqlite-utils is imported with both marked as absent, and the marks are taken away at once:
numpy imports as usual when a chart needs it. Importing this module does it; `gluteapp.storage`
imports it first.
"""

from __future__ import annotations

import sys

_ABSENT = ("numpy", "pandas")


def import_sqlite_utils() -> None:
    """Import sqlite-utils without numpy or pandas, unless either is already loaded."""
    if "sqlite_utils" in sys.modules or any(name in sys.modules for name in _ABSENT):
        return
    for name in _ABSENT:
        sys.modules[name] = None  # type: ignore[assignment]  # "absent", to the import system
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in _ABSENT:
            if sys.modules.get(name, "") is None:
                del sys.modules[name]


import_sqlite_utils()
