"""Gluteapp as a person runs it: a wheel built from a commit, installed with its bytecode.

    .venv/bin/python benchmarks/wheels.py [COMMIT ...]   # prints the folder of each install

Each install is a folder for PYTHONPATH holding `gluteapp` compiled to bytecode (pip compiles
what it installs), in front of the venv's own packages; an editable checkout without bytecode
(this environment sets PYTHONDONTWRITEBYTECODE) compiles every module at every start instead.
A commit is exported with `git archive` (the working tree's uncommitted edits are left out) and
may carry patches (`COMMIT+patch.diff`), which is how a change is left out to measure its gain:
the patch reverses just that change. Installs are cached by commit and
patch (in the system temp folder), and remade when the cache is gone.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CACHE = Path(tempfile.gettempdir()) / "gluteapp-bench-wheels"


def resolve(commit: str) -> str:
    return subprocess.run(["git", "rev-parse", "--short=10", commit], cwd=REPO, check=True,
                          capture_output=True, text=True).stdout.strip()


def install(spec: str) -> Path:
    """The PYTHONPATH folder of `spec` (COMMIT or COMMIT+PATCH[+PATCH...]), built if needed."""
    commit, *patches = spec.split("+")
    sha = resolve(commit)
    digest = hashlib.sha1("".join(Path(p).read_text() for p in patches).encode()).hexdigest()
    site = CACHE / (f"{sha}-{digest[:8]}" if patches else sha) / "site"
    if (site / "gluteapp" / "__init__.py").is_file():
        return site
    with tempfile.TemporaryDirectory(prefix="gluteapp-wheel-") as tmp:
        tree = Path(tmp) / "tree"
        tree.mkdir()
        archive = subprocess.run(["git", "archive", sha], cwd=REPO, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        for patch in patches:
            subprocess.run(["patch", "-s", "-R", "-p1", "-i", str(Path(patch).resolve())],
                           cwd=tree, check=True)
        wheels = Path(tmp) / "wheels"
        pip = [sys.executable, "-m", "pip"]
        subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                        str(wheels), str(tree)], check=True)
        if site.parent.exists():
            shutil.rmtree(site.parent)
        # pip compiles every module it installs to bytecode, as an installed app has it.
        subprocess.run([*pip, "install", "--no-deps", "-q", "--target", str(site),
                        *map(str, wheels.glob("*.whl"))], check=True)
    return site


def main(argv: list[str]) -> int:
    for spec in argv or ["HEAD"]:
        print(install(spec))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
