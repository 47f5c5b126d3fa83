"""Unhandled exceptions and Qt's own messages go to the log; the person gets a plain word."""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QObject,
    Qt,
    QThread,
    QtMsgType,
    qFormatLogMessage,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

log = logging.getLogger("gluteapp")
qt_log = logging.getLogger("qt")

LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def one_line(error: BaseException) -> str:
    """The exception in a line a person can read out: its message, or its type's name."""
    text = " ".join(str(error).split())
    return text or type(error).__name__


class ErrorReporter(QObject):
    """Becomes `sys.excepthook`: logs the traceback, then says in one message where it is.

    PySide6 hands an exception raised in a slot to `sys.excepthook` and carries on with the
    event loop, so the program goes on; the message does not block it either (non-modal, and
    shown without taking the keys from a running session).
    """

    def __init__(self, log_file: Path, headless: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.headless = headless
        self.box: QMessageBox | None = None
        self.count = 0

    def install(self) -> None:
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_excepthook

    def excepthook(self, kind: type[BaseException], error: BaseException,
                   trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.critical("unhandled exception", exc_info=(kind, error, trace))
        self.count += 1
        summary = one_line(error)
        if self.headless or QCoreApplication.instance() is None:
            print(f"gluteapp: unexpected problem ({summary}); details in {self.log_file}",
                  file=sys.stderr)
            return
        self.show_message(summary)

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        # A worker thread cannot touch widgets; the log is where it shows.
        log.critical("unhandled exception in thread %s",
                     args.thread.name if args.thread else "?",
                     exc_info=args.exc_value or True)

    def show_message(self, summary: str) -> None:
        if QThread.currentThread() is not self.thread():
            return  # logged already; widgets live in the main thread
        text = self.tr(
            "Something went wrong, and Gluteapp carried on. If something does not work as "
            "expected, the log says what happened:\n{path}"
        ).format(path=self.log_file)
        if self.count > 1:
            text += "\n\n" + self.tr("This has happened %n times since the start.", "",
                                     self.count)
        details = self.tr("The problem: {summary}").format(summary=summary)
        box = self.box
        if box is None:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Gluteapp"), text,
                              QMessageBox.StandardButton.Ok, _main_window())
            box.setObjectName("error_message")
            box.setWindowModality(Qt.WindowModality.NonModal)
            box.setModal(False)
            # A session followed from the mat keeps its keys (space, M) while this shows.
            box.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
            box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.box = box
        box.setText(text)
        box.setInformativeText(details)
        box.show()


def _main_window() -> QWidget | None:
    active = QApplication.activeWindow()
    if active is not None:
        return active
    shown = [w for w in QApplication.topLevelWidgets()
             if w.isVisible() and w.objectName() != "error_message"]
    return shown[0] if shown else None


class QtMessageLog:
    """Qt's own warnings and errors into our log, and to stderr as Qt would print them.

    A platform plugin that cannot start (no display, a missing X library) is a qFatal that
    would abort with a core dump: it ends the program with a sentence and exit code 1 instead.
    """

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.previous: object = None

    def install(self) -> None:
        self.previous = qInstallMessageHandler(self.handle)

    def uninstall(self) -> None:
        qInstallMessageHandler(None)

    def handle(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        category = context.category or "qt"
        level = LEVELS.get(kind, logging.WARNING)
        qt_log.log(level, "%s: %s", category, message)
        if level >= logging.WARNING:
            self.seen.append(message)
            print(qFormatLogMessage(kind, context, message), file=sys.stderr, flush=True)
        if kind == QtMsgType.QtFatalMsg and "platform plugin" in message:
            print(f"gluteapp: {no_window_message(self.seen)}", file=sys.stderr, flush=True)
            logging.shutdown()
            os._exit(1)


def no_window_message(qt_messages: list[str]) -> str:
    """Why no window can open, from what Qt said on the way, in words a person can act on."""
    unreachable = next((m for m in qt_messages if "could not connect to display" in m), None)
    if unreachable is not None:
        display = unreachable.rsplit("display", 1)[-1].strip() or os.environ.get("DISPLAY", "")
        return (f"cannot open a window: the display {display!r} cannot be reached. Start "
                "Gluteapp from a desktop session, or use --screenshot FILE (which needs no "
                "display).")
    if any("xcb-cursor0" in m for m in qt_messages):
        return ("cannot open a window: Qt's X11 support needs the library libxcb-cursor0 "
                "(on Debian and Ubuntu: apt install libxcb-cursor0).")
    return ("cannot open a window: Qt could not start its display support. Start Gluteapp "
            "from a desktop session, or set QT_QPA_PLATFORM to a platform that works here.")


def no_display_problem(environ: dict[str, str] | os._Environ[str], platform: str) -> str | None:
    """Say why no window can open before Qt tries (and aborts), or None if one may.

    Only X11 and Wayland systems need a display named in the environment; Windows and macOS
    always have one. QT_QPA_PLATFORM chosen by hand (offscreen, vnc, eglfs) is trusted.
    """
    if platform.startswith(("win", "darwin", "cygwin")):
        return None
    if environ.get("QT_QPA_PLATFORM") or environ.get("WAYLAND_DISPLAY") or environ.get("DISPLAY"):
        return None
    return ("cannot open a window: no display (neither DISPLAY nor WAYLAND_DISPLAY is set). "
            "Start Gluteapp from a desktop session, or use --screenshot FILE, which needs no "
            "display.")
