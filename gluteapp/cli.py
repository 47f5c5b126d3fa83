"""Command-line entry point: the GUI by default, plus commands that need no window."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from gluteapp import __version__

if TYPE_CHECKING:
    from gluteapp.core.exercises import Library
    from gluteapp.storage import HistoryStore

VIEWS = ("library", "sessions", "plan", "history")
#: The languages of `--lang`: English, and those the app is translated into.
LANGUAGES = ("en", "de")
LANG_HELP = ("the language for this run only (en or de), over the setting; commands print "
             "English without it")


def _add_lang(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """`--lang` before or after a command: a command's own default must not hide the top one."""
    parser.add_argument("--lang", choices=LANGUAGES, metavar="LANG", help=LANG_HELP,
                        default=None if top else argparse.SUPPRESS)


def _use_language(args: argparse.Namespace) -> str:
    """Install the translation `--lang` asks for, so words from gluteapp.gui.words follow it;
    return the content language ("en" when none was asked for)."""
    language: str = getattr(args, "lang", None) or "en"
    if language != "en":
        from PySide6.QtCore import QCoreApplication

        from gluteapp.gui.i18n import install_translator

        # Words only: no window, so no display is needed.
        app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
        install_translator(app, language)
    return language


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        message = f"size {text!r} is not WIDTHxHEIGHT, e.g. 1280x800"
        raise argparse.ArgumentTypeError(message) from None
    if not (320 <= width <= 7680 and 240 <= height <= 4320):
        raise argparse.ArgumentTypeError(f"size {text!r} is outside 320x240 .. 7680x4320")
    return width, height


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 <= seconds <= 24 * 3600:
        raise argparse.ArgumentTypeError(f"{text!r} is not between 0 and 86400 seconds")
    return seconds


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gluteapp",
        description=(
            "Guided home sessions, an exercise library and progress charts for weak, "
            "underactive glutes. Without a command, the app window opens."
        ),
    )
    parser.add_argument("--version", action="version", version=f"gluteapp {__version__}")
    parser.add_argument(
        "--data-dir", type=Path, metavar="DIR",
        help="keep all state (database, settings, backups, logs, routines) under DIR",
    )
    parser.add_argument(
        "--screenshot", type=Path, metavar="FILE",
        help="render the main window to a PNG file and exit (works with no display)",
    )
    parser.add_argument("--view", choices=VIEWS, default=None, help="area to show first")
    parser.add_argument(
        "--size", type=_size, default=None, metavar="WxH", help="window size, e.g. 1280x800"
    )
    parser.add_argument(
        "--routine", metavar="ID_OR_FILE", help="open the player with this routine"
    )
    parser.add_argument(
        "--autostart", action="store_true", help="with --routine: start the session at once"
    )
    parser.add_argument(
        "--at", type=_seconds, default=None, metavar="SECONDS",
        help="with --screenshot and --routine: render the player this many seconds after Start,"
        " on a simulated clock (nothing is recorded)",
    )
    parser.add_argument(
        "--paused", action="store_true", help="with --at: render it paused at that moment"
    )
    parser.add_argument(
        "--skip-first-run", action="store_true",
        help="mark the first run as done without asking (managed installs, tests)",
    )
    _add_lang(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    exercises = commands.add_parser("exercises", help="print the exercise library")
    exercises.add_argument("--json", action="store_true", help="every field, as JSON")
    exercises.add_argument(
        "--check", type=Path, metavar="FILE",
        help="validate a library file, or a translation of one (exercises.de.toml), and exit; "
        "a library is checked with every translation beside it, which must leave out no text",
    )
    _add_lang(exercises)

    routines = commands.add_parser("routines", help="list built-in and user routines")
    routines.add_argument("--json", action="store_true", help="as JSON")
    _add_lang(routines)

    check = commands.add_parser("check-routine", help="validate a routine file")
    check.add_argument("file", type=Path)
    _add_lang(check)

    export = commands.add_parser("export", help="export the history")
    export.add_argument("--csv", type=Path, required=True, metavar="FILE",
                        help="write every set as CSV")

    demo = commands.add_parser(
        "demo-history", help="fill an empty data folder with realistic synthetic history")
    demo.add_argument("--years", type=float, default=1.0, metavar="N",
                      help="how many years back (default 1; 0.5 is six months)")
    demo.add_argument("--daily", action="store_true",
                      help="a session every day (for benchmarks) instead of 2-3 a week")
    demo.add_argument("--seed", type=int, default=0, help="random seed (default 0)")

    figures = commands.add_parser(
        "figures", help="write every exercise's start and end pictures as PNG files")
    figures.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    figures.add_argument("--size", dest="figure_size", type=_figure_size, default=(512, 512),
                         metavar="WxH", help="picture size in pixels (default 512x512)")
    figures.add_argument("--theme", choices=("light", "dark"), default="light",
                         help="the colours of the light or the dark theme (default light)")

    sheet = commands.add_parser(
        "sheet", help="write a routine's printable home-exercise sheet as a PDF")
    sheet.add_argument("routine", metavar="ROUTINE_ID_OR_FILE")
    sheet.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    sheet.add_argument("--paper", choices=("a4", "letter"), default=None,
                       help="paper size (default: Letter where the locale measures in inches, "
                       "else A4)")
    _add_lang(sheet)

    from gluteapp.programme_cli import add_commands as add_programme_commands

    add_programme_commands(commands)

    backup = commands.add_parser(
        "backup", help="write one file with the history, settings, routines and own exercises")
    backup.add_argument("file", type=Path, metavar="FILE",
                        help="the backup file to write (a ZIP archive)")
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")
    restore = commands.add_parser(
        "restore", help="check a backup file, keep the current data aside and restore it")
    restore.add_argument("file", type=Path, metavar="FILE",
                         help="a backup file, or an automatic backup of the history "
                         "(backups/history-….db), which restores the history alone")
    return parser


def _check_library(path: Path) -> int:
    """`exercises --check`: a library with every translation beside it, or one translation."""
    from gluteapp.core.content_language import (
        is_translation,
        load_library_words,
        translation_gaps,
        translation_path,
    )
    from gluteapp.core.exercises import LibraryError, load_library
    from gluteapp.core.safe_files import shown_path

    language = is_translation(path)
    english = path.with_name(f"{path.name.split('.')[0]}{path.suffix}") if language else path
    try:
        library = load_library(english)
        said = {}
        if language:
            said[language] = load_library_words(path, language)
        else:
            for other in LANGUAGES[1:]:  # every translation beside the library
                if translation_path(path, other).is_file():
                    said[other] = load_library_words(translation_path(path, other), other)
    except LibraryError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    gaps = [gap for words in said.values() for gap in translation_gaps(library, words)]
    for gap in gaps:
        print(f"error: {gap}", file=sys.stderr)
    if gaps:
        return 1
    languages = "".join(f", complete in {code}" for code in said)
    print(f"{shown_path(path)}: OK, {len(library)} exercises{languages}")
    return 0


def _cmd_exercises(args: argparse.Namespace) -> int:
    from gluteapp.core.assets import builtin_library
    from gluteapp.core.exercises import LibraryError, exercise_to_dict
    from gluteapp.gui.words import dosage_words  # QtCore only; English with no translator

    if args.check is not None:
        return _check_library(args.check)
    language = _use_language(args)
    try:
        library = builtin_library(language)
    except (LibraryError, FileNotFoundError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.json:
        exercises = [
            exercise_to_dict(e) | {"dosage_text": dosage_words(e.dosage, e.per_side),
                                   "language": library.language}
            for e in library
        ]
        json.dump(exercises, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return 0
    width = max(len(e.id) for e in library)
    for exercise in library:
        dose = dosage_words(exercise.dosage, exercise.per_side)
        print(f"{exercise.id:<{width}}  {exercise.name}  ({dose})")
    return 0


def _cmd_routines(args: argparse.Namespace) -> int:
    from gluteapp.core.assets import builtin_library
    from gluteapp.core.paths import resolve_paths
    from gluteapp.core.routines import builtin_routines, user_routines
    from gluteapp.core.timeline import routine_duration_s

    paths = resolve_paths(args.data_dir)
    library = _with_own_exercises(builtin_library(_use_language(args)), paths.exercises)
    found = user_routines(paths.routines, library)
    rows = []
    for kind, routines in (("built-in", builtin_routines(library)), ("user", found.routines)):
        for routine in routines:
            rows.append({
                "id": routine.id,
                "name": routine.name,
                "kind": kind,
                "description": routine.description,
                "duration_s": routine_duration_s(routine, library),
                "exercises": [step.exercise for step in routine.steps],
                "sets": sum(step.set_count for step in routine.steps),
            })
    if args.json:
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        width = max(len(str(row["id"])) for row in rows)
        for row in rows:
            minutes = float(row["duration_s"]) / 60  # type: ignore[arg-type]
            print(f"{row['id']:<{width}}  {row['kind']:<8}  {minutes:4.0f} min  {row['name']}")
    for problem in found.errors:
        print(f"warning: {problem}", file=sys.stderr)
    return 0


def _with_own_exercises(builtin: Library, folder: Path) -> Library:
    """The built-in library with your own exercises; a file of yours that is bad is a warning."""
    from gluteapp.core.own_library import combined

    library, problems = combined(builtin, folder)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    return library


def _cmd_check_routine(args: argparse.Namespace) -> int:
    from gluteapp.core.assets import builtin_library
    from gluteapp.core.routines import RoutineError, load_routine
    from gluteapp.core.safe_files import shown_path

    try:
        routine = load_routine(args.file, builtin_library(_use_language(args)))
    except RoutineError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    # A folder name that is not UTF-8 cannot be printed as it is.
    print(f"{shown_path(args.file)}: OK, {routine.name!r} with {len(routine.steps)} steps")
    return 0


def _open_store(args: argparse.Namespace) -> HistoryStore:
    from gluteapp.core.paths import ensure_writable, resolve_paths
    from gluteapp.storage import open_history

    paths = resolve_paths(args.data_dir)
    ensure_writable(paths)
    return open_history(paths.data_dir, daily_backup=False)


def _cmd_export(args: argparse.Namespace) -> int:
    from gluteapp.core.paths import DataDirError
    from gluteapp.storage import StorageError
    from gluteapp.storage.export import export_csv

    folder = args.csv.absolute().parent
    if not folder.is_dir():
        print(f"error: cannot write {args.csv}: the folder {folder} does not exist",
              file=sys.stderr)
        return 1
    try:
        store = _open_store(args)
    except (StorageError, DataDirError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    try:
        rows = export_csv(store, args.csv)
    except (OSError, StorageError) as error:  # export_csv wraps a failed write in StorageError
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        store.close(backup=False)
    print(f"{args.csv}: {rows} sets")
    if damaged := store.row_report.message():  # said once, after the sets that were written
        print(f"warning: {damaged}", file=sys.stderr)
    return 0


def _cmd_demo_history(args: argparse.Namespace) -> int:
    from gluteapp.core.paths import DataDirError, ensure_writable, resolve_paths
    from gluteapp.storage import StorageError
    from gluteapp.storage.export import fill_demo_history

    if not 0 < args.years <= 30:
        print("error: --years must be more than 0 and at most 30", file=sys.stderr)
        return 2
    paths = resolve_paths(args.data_dir)
    try:
        ensure_writable(paths)
        sessions = fill_demo_history(paths.data_dir, args.years, seed=args.seed,
                                     daily=args.daily)
    except (StorageError, DataDirError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{paths.data_dir}: {sessions} synthetic sessions written")
    return 0


def _figure_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size {text!r} is not WIDTHxHEIGHT, e.g. 512x512"
                                         ) from None
    if not (32 <= width <= 4096 and 32 <= height <= 4096):
        raise argparse.ArgumentTypeError(f"size {text!r} is outside 32x32 .. 4096x4096")
    return width, height


def _painting_app() -> None:
    """A Qt application that can paint and lay out text, with no window or display."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        QGuiApplication(sys.argv[:1])


def _cmd_figures(args: argparse.Namespace) -> int:
    _painting_app()
    from PySide6.QtCore import QSize

    from gluteapp.core.assets import builtin_library
    from gluteapp.gui.figure_files import write_figures
    from gluteapp.gui.theme import dark_palette, light_palette

    palette = dark_palette() if args.theme == "dark" else light_palette()
    try:
        written = write_figures(args.out_dir, QSize(*args.figure_size), builtin_library(),
                                palette)
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{args.out_dir}: {len(written)} pictures")
    return 0


def _cmd_sheet(args: argparse.Namespace) -> int:
    _painting_app()
    from gluteapp.core.assets import builtin_library
    from gluteapp.core.paths import resolve_paths
    from gluteapp.core.routines import RoutineError, find_routine
    from gluteapp.gui.sheet import default_paper, write_sheet

    paths = resolve_paths(args.data_dir)
    library = _with_own_exercises(builtin_library(_use_language(args)), paths.exercises)
    try:
        routine = find_routine(args.routine, library, paths.routines)
        written = write_sheet(args.out, routine, library, paper=args.paper or default_paper())
    except RoutineError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: cannot write {args.out}: {error.strerror or error}", file=sys.stderr)
        return 1
    print(f"{written}: {routine.name!r}, {len(routine.steps)} exercises")
    return 0


def _cmd_programme(args: argparse.Namespace) -> int:
    from gluteapp.programme_cli import export_command, import_command

    return (export_command if args.command == "export-programme" else import_command)(args)


def _cmd_backup(args: argparse.Namespace) -> int:
    from gluteapp.core.paths import resolve_paths
    from gluteapp.core.safe_files import shown_path
    from gluteapp.storage.data_backup import BackupError, describe, write_data_backup

    try:
        written = write_data_backup(resolve_paths(args.data_dir), args.file,
                                    overwrite=args.force)
    except BackupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{shown_path(written.path)}: {describe(written.contents)}")
    for line in written.left_out:
        print(f"warning: left out {line}", file=sys.stderr)
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from gluteapp.core.paths import resolve_paths
    from gluteapp.core.safe_files import shown_path
    from gluteapp.storage import StorageError
    from gluteapp.storage.data_backup import describe, restore_data_backup

    try:
        result = restore_data_backup(resolve_paths(args.data_dir), args.file)
    except StorageError as error:  # BackupError: a bad file, a running copy, a failed step
        print(f"error: {error}", file=sys.stderr)
        return 1
    kept = (f"What was there before is kept in {shown_path(result.kept_aside)}"
            if result.kept_aside else "There was no data before")
    print(f"{shown_path(result.source)}: restored {describe(result.contents)}. {kept}.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; a reader that stops early (`| head`) ends it quietly, with no traceback."""
    try:
        code = _main(argv)
        sys.stdout.flush()  # a closed pipe is found here, while the handler below still runs
    except BrokenPipeError:
        # Python's documented remedy: point stdout at nothing so the exit flush cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return code


def _main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.autostart and not args.routine:
        build_parser().error("--autostart needs --routine")
    if args.at is not None and not (args.screenshot and args.routine):
        build_parser().error("--at needs --screenshot and --routine")
    if args.paused and args.at is None:
        build_parser().error("--paused needs --at")
    if args.command == "exercises":
        return _cmd_exercises(args)
    if args.command == "routines":
        return _cmd_routines(args)
    if args.command == "check-routine":
        return _cmd_check_routine(args)
    if args.command == "export":
        return _cmd_export(args)
    if args.command == "demo-history":
        return _cmd_demo_history(args)
    if args.command == "figures":
        return _cmd_figures(args)
    if args.command == "sheet":
        return _cmd_sheet(args)
    if args.command in ("export-programme", "import-programme"):
        return _cmd_programme(args)
    if args.command in ("backup", "restore"):
        return _cmd_backup(args) if args.command == "backup" else _cmd_restore(args)
    if args.at is not None:
        from msgspec.structs import replace

        from gluteapp.launch import StartupOptions, run

        options = StartupOptions.from_args(args)
        return run(replace(options, extra={"at": args.at, "paused": args.paused}))
    from gluteapp.launch import run_gui

    return run_gui(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
