"""sqlite-utils without numpy, and its date parser only when a date is parsed.

sqlite-utils imports numpy (and looks for pandas) when it is first imported, only to map their
scalar types to column types. numpy takes about a hundred milliseconds to import; the history
opens right after the first paint (and before a screenshot), where no chart needs it yet. So
sqlite-utils is imported with both marked as absent, and the marks are taken away at once:
numpy imports as usual when a chart needs it.

It also imports dateutil's parser (some 25 ms) for a helper the history never calls. That
module is loaded lazily (the standard library's `importlib.util.LazyLoader`): it is there to
import, and it runs the first time anything of it is used. Importing this module does both;
`gluteapp.storage` imports it first.
"""

from __future__ import annotations

import importlib.util
import sys

_ABSENT = ("numpy", "pandas")
_LAZY = "dateutil.parser"


def _import_lazily(name: str) -> None:
    """Put `name` in sys.modules as a module that runs on first use (if it can be found)."""
    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
    except ImportError:
        return
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    setattr(sys.modules[parent], child, module)  # as an import would


def import_sqlite_utils() -> None:
    """Import sqlite-utils without numpy or pandas, unless either is already loaded."""
    if "sqlite_utils" in sys.modules or any(name in sys.modules for name in _ABSENT):
        return
    _import_lazily(_LAZY)
    for name in _ABSENT:
        sys.modules[name] = None  # type: ignore[assignment]  # "absent", to the import system
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in _ABSENT:
            if sys.modules.get(name, "") is None:
                del sys.modules[name]


import_sqlite_utils()
