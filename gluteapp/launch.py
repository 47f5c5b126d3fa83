"""Starting the program: options, logging, errors, signals, one copy per data folder, restarts."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# isort: split
# Before msgspec and the rest: PySide6 reads the source of every module imported after it,
# unless gluteapp.gui has made that check quick (see gluteapp.gui.pyside_scan).
import gluteapp.gui  # noqa: F401

# isort: split
from msgspec import Struct, field
from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from gluteapp import __version__
from gluteapp.core.folder_lock import hold as hold_data_folder
from gluteapp.core.folder_lock import release as release_data_folder
from gluteapp.core.paths import (
    AppPaths,
    DataDirError,
    ensure_writable,
    move_to_platform_folders,
    resolve_paths,
)

if TYPE_CHECKING:
    from gluteapp.gui.single_instance import InstanceServer

log = logging.getLogger("gluteapp")

#: The desktop entry's name without ".desktop": the Wayland app id, so docks and task bars
#: match the window to its launcher (on X11 they match StartupWMClass to the application name).
DESKTOP_FILE_NAME = "org.gluteapp.gluteapp"
#: Exit code after Ctrl+C, as a shell reports a program that SIGINT ended (128 + 2).
EXIT_INTERRUPTED = 128 + signal.SIGINT


def configure_logging(paths: AppPaths) -> None:
    import logging.handlers  # socket, pickle and queue: only `run` needs them, not `Gluteapp`

    # A log line that cannot be written (a full disk) is dropped: logging must never print
    # "--- Logging error ---" and a traceback over the one clear message a person needs.
    logging.raiseExceptions = False
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_file, maxBytes=512_000, backupCount=3, encoding="utf-8",
            # A file name that is not valid UTF-8 is logged with escapes, not refused.
            errors="backslashreplace",
        )
    except OSError as error:
        print(f"gluteapp: the log {paths.log_file} cannot be written "
              f"({error.strerror or error}); going on without it.", file=sys.stderr)
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


class StartupOptions(Struct):
    data_dir: Path | None = None
    screenshot: Path | None = None
    view: str | None = None
    size: tuple[int, int] | None = None
    routine: str | None = None
    autostart: bool = False
    skip_first_run: bool = False
    #: `--lang`: the language of this run ("en", "de"), over the setting; None follows it.
    language: str | None = None
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
            language=getattr(args, "lang", None),
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
    """Start the app; whatever goes wrong on the way is logged and said in one line."""
    from gluteapp.gui.errors import QtMessageLog, no_display_problem

    headless = options.screenshot is not None
    if headless:
        # A screenshot must work on a machine with no display.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif problem := no_display_problem(os.environ, sys.platform):
        # Before QApplication: Qt would abort (exit 134) with a message about plugins.
        print(f"gluteapp: {problem}", file=sys.stderr)
        return 1
    if problem := screenshot_target_problem(options.screenshot):
        print(f"gluteapp: {problem}", file=sys.stderr)
        return 1
    QtMessageLog().install()  # before QApplication, which is where a platform plugin fails

    paths = resolve_paths(options.data_dir)
    try:
        ensure_writable(paths)
    except DataDirError as error:
        return fatal(str(error), headless)
    moved = move_to_platform_folders(paths)
    configure_logging(paths)
    log.info("gluteapp %s starting, data folder %s", __version__, paths.data_dir)
    for line in moved:
        log.info("from the data folder of an earlier version, %s", line)
    try:
        return _run(options, paths, headless)
    except Exception as error:
        from gluteapp.gui.errors import one_line

        log.critical("could not run", exc_info=True)
        return fatal(f"{one_line(error)}. The details are in {paths.log_file}", headless)


def _run(options: StartupOptions, paths: AppPaths, headless: bool) -> int:
    from gluteapp.gui.errors import ErrorReporter

    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    ErrorReporter(paths.log_file, headless, qt_app).install()
    instance: InstanceServer | None = None
    if not headless:  # a screenshot neither hands over nor holds the folder (nor needs QtNetwork)
        from gluteapp.gui.single_instance import InstanceServer, hand_over, server_name

        name = server_name(paths.data_dir)
        if hand_over(name):
            print("gluteapp: already running with this data folder; brought it to the front.")
            return 0
        instance = InstanceServer(name, qt_app)
        instance.listen()
        # Seen without Qt by commands that must not run beside the app (restore).
        if not hold_data_folder(paths.data_dir):
            log.warning("another program holds the data folder %s", paths.data_dir)
    from gluteapp.app import Gluteapp

    app = Gluteapp(qt_app, paths, options)
    problem = app.start()
    if problem:
        return fatal(problem, headless)
    if instance is not None:
        instance.activation_requested.connect(app.window.bring_to_front)
    if options.screenshot is not None:
        try:
            return app.take_screenshot(options.screenshot)
        except OSError as error:
            print(f"gluteapp: cannot write {options.screenshot}: {error.strerror or error}",
                  file=sys.stderr)
            return 1
    interrupt = InterruptHandler(qt_app)
    interrupt.interrupted.connect(lambda: qt_app.exit(EXIT_INTERRUPTED))
    code = qt_app.exec()
    interrupt.close()
    if app.restart_wanted:
        if instance is not None:
            instance.close()  # or the new copy would hand over to this one and exit
            release_data_folder(paths.data_dir)
        return relaunch(options)
    return code


def screenshot_target_problem(target: Path | None) -> str | None:
    """Why a screenshot could not be written there, said before any window is built."""
    if target is None:
        return None
    folder = target.absolute().parent
    if folder.exists() and not folder.is_dir():
        return f"cannot write the screenshot {target}: {folder} is a file, not a folder"
    if not folder.is_dir():
        return f"cannot write the screenshot {target}: the folder {folder} does not exist"
    if target.is_dir():
        return f"cannot write the screenshot {target}: that is a folder"
    if not os.access(folder, os.W_OK):
        return f"cannot write the screenshot {target}: the folder {folder} is not writable"
    return None


class InterruptHandler(QObject):
    """Ctrl+C in the terminal ends the program the way Quit does, without asking.

    Python runs a signal handler only between bytecodes, and Qt's event loop runs none; so
    the C-level handler writes the signal to a socket (`signal.set_wakeup_fd`) that a
    QSocketNotifier watches, which wakes the loop at once.
    """

    interrupted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(),
                                                 warn_on_full_buffer=False)
        # The Python-level handler only stops KeyboardInterrupt; the socket does the work.
        self._previous_handler = signal.signal(signal.SIGINT, lambda _signum, _frame: None)

    def _on_wakeup(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        if signal.SIGINT in received:
            log.info("interrupted (Ctrl+C): ending the session, its finished sets are saved")
            self.interrupted.emit()

    def close(self) -> None:
        signal.set_wakeup_fd(self._previous_fd)
        signal.signal(signal.SIGINT, self._previous_handler)
        self._notifier.setEnabled(False)
        self._reader.close()
        self._writer.close()


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
