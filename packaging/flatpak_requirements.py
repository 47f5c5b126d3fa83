#!/usr/bin/env python3
"""Write the Flatpak's Python module (python3-requirements.json) from constraints.txt, with pip.

Run before flatpak-builder (packaging/build_flatpak.sh does both). The module lists each wheel
of the tested versions with its address and checksum, as pip's configured index reports them,
so flatpak-builder fetches them itself and the build runs offline. The file is generated, never
committed: it holds the index's addresses, which belong to whoever builds.

PySide6, shiboken6, numpy and packaging are left out: the PySide BaseApp brings them, built for
the KDE runtime's Qt (see the manifest's header for why its PySide6 differs from the pin).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MANIFEST = HERE / "org.gluteapp.gluteapp.yml"
#: The sections of constraints.txt that the app needs at run time and to build its wheel.
SECTIONS = ("the app at run time", "building the wheel")
#: What the BaseApp already installs in /app (a second copy would shadow or break it).
FROM_BASEAPP = {"pyside6", "pyside6-addons", "pyside6-essentials", "shiboken6", "numpy",
                "packaging"}
#: Flatpak architecture: the wheel platform asked of pip (older manylinux tags included).
ARCHES = {"x86_64": "manylinux_2_28_x86_64", "aarch64": "manylinux_2_28_aarch64"}
#: The Python of org.kde.Sdk 6.10, used when flatpak cannot be asked (a wrong guess fails the
#: build loudly: pip refuses a compiled wheel made for another Python).
DEFAULT_PYTHON = "3.13"


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(constraints: Path) -> list[str]:
    """`name==version` lines of the wanted sections, minus what the BaseApp provides."""
    wanted: list[str] = []
    section = ""
    for raw in constraints.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("# ---"):
            section = line.strip("# -")
            continue
        if not line or line.startswith("#") or not section.startswith(SECTIONS):
            continue
        name = line.split("==", 1)[0]
        if normalise(name) not in FROM_BASEAPP:
            wanted.append(line)
    return wanted


def sdk_python(manifest: Path) -> str | None:
    """The SDK's Python version, if flatpak and the SDK are installed here."""
    text = manifest.read_text(encoding="utf-8")
    sdk = re.search(r"^sdk: (\S+)$", text, re.MULTILINE)
    branch = re.search(r"^runtime-version: '?([^'\s]+)'?$", text, re.MULTILINE)
    if sdk is None or branch is None:
        return None
    command = ["flatpak", "run", "--command=python3", f"{sdk.group(1)}//{branch.group(1)}",
               "-c", "import sys; print('%d.%d' % sys.version_info[:2])"]
    try:
        found = subprocess.run(command, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return found.stdout.strip() if found.returncode == 0 else None


def resolve(requirements: list[str], platform: str, python: str) -> list[dict[str, object]]:
    """What pip would install for that platform and Python: each wheel's address and hash."""
    abi = "cp" + python.replace(".", "")
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",
             "--quiet", "--no-deps", "--only-binary=:all:", "--platform", platform,
             "--python-version", python, "--implementation", "cp", "--abi", abi,
             "--abi", "abi3", "--abi", "none", "--report", str(report), *requirements],
            check=True)
        installs = json.loads(report.read_text(encoding="utf-8"))["install"]
    wheels = []
    for item in installs:
        info = item["download_info"]
        wheels.append({"name": item["metadata"]["name"], "version": item["metadata"]["version"],
                       "url": info["url"], "sha256": info["archive_info"]["hashes"]["sha256"]})
    return wheels


def module(requirements: list[str], python: str) -> dict[str, object]:
    by_url: dict[str, dict[str, object]] = {}
    arches_of: dict[str, list[str]] = {}
    for arch, platform in ARCHES.items():
        for wheel in resolve(requirements, platform, python):
            url = str(wheel["url"])
            by_url[url] = wheel
            arches_of.setdefault(url, []).append(arch)
    sources: list[dict[str, object]] = []
    for url, wheel in sorted(by_url.items(), key=lambda item: str(item[1]["name"]).lower()):
        source: dict[str, object] = {"type": "file", "url": url, "sha256": wheel["sha256"]}
        if len(arches_of[url]) < len(ARCHES):  # a compiled wheel, one per architecture
            source["only-arches"] = arches_of[url]
        sources.append(source)
    install = ("pip3 install --no-index --no-deps --no-build-isolation "
               '--find-links="file://${PWD}" --prefix=${FLATPAK_DEST} ' + " ".join(
                   f'"{line}"' for line in requirements))
    return {
        "name": "python3-requirements",
        "buildsystem": "simple",
        "build-commands": [install],
        "sources": sources,
        "cleanup": ["/bin/*.py"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--constraints", type=Path, default=ROOT / "constraints.txt")
    parser.add_argument("--output", type=Path, default=HERE / "python3-requirements.json")
    parser.add_argument("--python-version", default=None,
                        help="the runtime's Python, e.g. 3.13 (default: ask the SDK)")
    args = parser.parse_args()
    python = args.python_version or sdk_python(MANIFEST)
    if python is None:
        python = DEFAULT_PYTHON
        print(f"flatpak_requirements: the SDK could not be asked; assuming Python {python}",
              file=sys.stderr)
    requirements = pinned(args.constraints)
    args.output.write_text(json.dumps(module(requirements, python), indent=2) + "\n",
                           encoding="utf-8")
    print(f"{args.output}: {len(requirements)} packages for Python {python}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
