"""Starting the program: options, logging, one copy per data folder, and starting again."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMessageBox

from gluteapp import __version__
from gluteapp.core.paths import AppPaths, DataDirError, ensure_writable, resolve_paths

if TYPE_CHECKING:
    from gluteapp.gui.single_instance import InstanceServer

log = logging.getLogger("gluteapp")


def configure_logging(paths: AppPaths) -> None:
    import logging.handlers  # socket, pickle and queue: only `run` needs them, not `Gluteapp`

    handler = logging.handlers.RotatingFileHandler(
        paths.logs / "gluteapp.log", maxBytes=512_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


@dataclass
class StartupOptions:
    data_dir: Path | None = None
    screenshot: Path | None = None
    view: str | None = None
    size: tuple[int, int] | None = None
    routine: str | None = None
    autostart: bool = False
    skip_first_run: bool = False
    extra: dict[str, object] = field(default_factory=dict)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> StartupOptions:
        return cls(
            data_dir=args.data_dir,
            screenshot=args.screenshot,
            view=args.view,
            size=args.size,
            routine=args.routine,
            autostart=args.autostart,
            skip_first_run=args.skip_first_run,
        )


def fatal(message: str, headless: bool) -> int:
    """Say why the app cannot start, in a dialog when there is a screen, always on stderr."""
    print(f"gluteapp: {message}", file=sys.stderr)
    if not headless:
        QApplication.instance() or QApplication(sys.argv[:1])
        QMessageBox.critical(None, "Gluteapp cannot start", message)
    return 1


def run_gui(args: argparse.Namespace) -> int:
    return run(StartupOptions.from_args(args))


def run(options: StartupOptions) -> int:
    from gluteapp.gui.single_instance import InstanceServer, hand_over, server_name

    headless = options.screenshot is not None
    if headless:
        # A screenshot must work on a machine with no display.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    paths = resolve_paths(options.data_dir)
    try:
        ensure_writable(paths)
    except DataDirError as error:
        return fatal(str(error), headless)
    configure_logging(paths)
    log.info("gluteapp %s starting, data folder %s", __version__, paths.data_dir)

    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    instance: InstanceServer | None = None
    if not headless:
        name = server_name(paths.data_dir)
        if hand_over(name):
            print("gluteapp: already running with this data folder; brought it to the front.")
            return 0
        instance = InstanceServer(name, qt_app)
        instance.listen()
    from gluteapp.app import Gluteapp

    app = Gluteapp(qt_app, paths, options)
    problem = app.start()
    if problem:
        return fatal(problem, headless)
    if instance is not None:
        instance.activation_requested.connect(app.window.bring_to_front)
    if options.screenshot is not None:
        return app.take_screenshot(options.screenshot)
    code = qt_app.exec()
    if app.restart_wanted:
        if instance is not None:
            instance.close()  # or the new copy would hand over to this one and exit
        return relaunch(options)
    return code


def relaunch_command(options: StartupOptions) -> list[str]:
    """The command that starts this program again, on the same data folder."""
    if getattr(sys, "frozen", False):  # a PyInstaller bundle is its own executable
        command = [sys.executable]
    else:
        command = [sys.executable, "-m", "gluteapp"]
    if options.data_dir is not None:
        command += ["--data-dir", str(options.data_dir)]
    return command


def relaunch(options: StartupOptions) -> int:
    """Start a new copy of the program that outlives this one (Settings, Restart now)."""
    import subprocess

    command = relaunch_command(options)
    log.info("restarting: %s", command)
    try:
        subprocess.Popen(command, stdin=subprocess.DEVNULL, start_new_session=True)
    except OSError as error:
        print(f"gluteapp: could not start again ({error}); please start it yourself.",
              file=sys.stderr)
        return 1
    return 0
