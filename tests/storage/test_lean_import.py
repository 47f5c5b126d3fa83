"""The history's code loads sqlite-utils without numpy and without running dateutil's parser."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
import gluteapp.storage
from sqlite_utils import recipes
loaded = sorted(sys.modules)
parsed = recipes.parsedate("3 March 2025")  # sqlite-utils' helper: the parser runs now
print(json.dumps({"loaded": loaded, "parsed": parsed,
                  "after": "dateutil.parser._parser" in sys.modules}))
"""


def test_storage_loads_neither_numpy_nor_the_date_parser_until_used() -> None:
    ran = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                         timeout=120)
    assert ran.returncode == 0, ran.stderr
    seen = json.loads(ran.stdout.strip().splitlines()[-1])
    loaded = set(seen["loaded"])
    assert "sqlite_utils" in loaded
    assert "numpy" not in loaded
    assert "dateutil.parser._parser" not in loaded  # the lazy module has not run
    # Used, it works as if imported the usual way.
    assert seen["parsed"] == "2025-03-03"
    assert seen["after"]
