"""The real player program on machines without sound: it must run, flash, and say why.

Each case runs `python -m gluteapp.gui.audio` in a child process so that QtMultimedia meets the
environment under test when it first starts (it reads the sound server's address only once).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.audio_sink import run_player

SHORT = "sounds/prepare_tick@0,sounds/go@0.2,voice/three@0.3"
EXPECTED_FLASHES = ["sounds/prepare_tick", "sounds/go", "voice/three"]


def silent_machine(tmp_path: Path) -> dict[str, str]:
    """No sound server to reach, and no player program on PATH for playsound3 to find."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "GLUTEAPP_AUDIO_BACKEND"}
    env.update(
        {
            "XDG_RUNTIME_DIR": str(runtime),
            # An address that leads nowhere: libpulse fails fast and never autospawns a server.
            "PULSE_SERVER": f"unix:{runtime / 'no-server'}",
            "PATH": str(empty_bin),
        }
    )
    return env


def test_no_audio_device_runs_and_cues_visually(tmp_path: Path) -> None:
    report, _ = run_player(["play", SHORT, "--lead-in", "0.1"], silent_machine(tmp_path))
    assert report["backend_name"] == "visual"
    reason = report["backend_reason"]
    assert "QtMultimedia found no audio output device" in reason
    assert "playsound3 found no player program" in reason
    assert report["visual_cues"] == EXPECTED_FLASHES
    assert report["dropped"] == []


def test_info_reports_backend_and_speech(tmp_path: Path) -> None:
    report, _ = run_player(["info"], silent_machine(tmp_path))
    assert report["backend_name"] == "visual"
    assert report["speech_name"] == "clips" or report["speech_name"].startswith("qt:")
    assert report["speech_reason"]


def test_qtmultimedia_unloadable_in_a_real_process(tmp_path: Path) -> None:
    """Blocked before the first import, as a missing libpulse would; the app must not notice."""
    env = silent_machine(tmp_path)
    env["PATH"] = os.environ["PATH"]  # playsound3 may find its player; there is no server to hear
    script = (
        "import sys; sys.modules['PySide6.QtMultimedia'] = None\n"
        "from gluteapp.gui.audio import main\n"
        f"raise SystemExit(main(['play', {SHORT!r}, '--lead-in', '0.1']))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**env, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["backend_name"] in {"playsound", "visual"}
    assert "PySide6.QtMultimedia cannot be loaded" in report["backend_reason"]
    assert report["visual_cues"] == EXPECTED_FLASHES


@pytest.mark.parametrize("forced", ["qt", "playsound"])
def test_a_forced_backend_that_cannot_work_falls_through(tmp_path: Path, forced: str) -> None:
    env = silent_machine(tmp_path)
    env["GLUTEAPP_AUDIO_BACKEND"] = forced
    report, _ = run_player(["play", SHORT, "--lead-in", "0.1"], env)
    assert report["backend_name"] == "visual"
    assert f"GLUTEAPP_AUDIO_BACKEND={forced}" in report["backend_reason"]
    assert report["visual_cues"] == EXPECTED_FLASHES
