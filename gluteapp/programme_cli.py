"""`gluteapp export-programme` and `gluteapp import-programme`: programme files from a terminal."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# The parser is built on every start, the app's too: what the commands need loads when one runs.
if TYPE_CHECKING:
    from gluteapp.core.programme import DataFolder, ImportPlan, PlannedItem


def add_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export-programme",
        help="write a routine of your own, with your own exercises and photos it uses, as one "
        "programme file to share")
    export.add_argument("routine", metavar="ROUTINE", help="the id of a routine of your own")
    export.add_argument("file", type=Path, metavar="FILE",
                        help="the programme file to write (e.g. knee.gluteprogramme)")
    imported = commands.add_parser(
        "import-programme", help="add the routine and exercises of a programme file")
    imported.add_argument("file", type=Path, metavar="FILE")
    imported.add_argument("--dry-run", action="store_true",
                          help="say what would be added and change nothing")
    either = imported.add_mutually_exclusive_group()
    either.add_argument("--replace", action="store_true",
                        help="overwrite your routine or exercises of the same id")
    either.add_argument("--rename", action="store_true",
                        help="keep both: the imported ones that conflict get new ids")


def _folder(args: argparse.Namespace) -> DataFolder:
    from gluteapp.core.paths import resolve_paths
    from gluteapp.core.programme import DataFolder

    return DataFolder(resolve_paths(args.data_dir).data_dir)


def export_command(args: argparse.Namespace) -> int:
    from gluteapp.core.assets import builtin_library
    from gluteapp.core.programme import ProgrammeError, export_programme
    from gluteapp.core.safe_files import shown_path

    try:
        programme = export_programme(args.routine, args.file, _folder(args), builtin_library())
    except ProgrammeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{shown_path(args.file)}: {programme.summary}")
    return 0


def _item_line(item: PlannedItem) -> str:
    from gluteapp.core.programme import Status

    words = {Status.NEW: "new", Status.SAME: "already there",
             Status.CONFLICT: "conflict, already there with other content"}
    return f"  {words[item.status]}: {item.kind.value} {item.name!r} ({item.id})"


def _describe(plan: ImportPlan) -> None:
    programme = plan.programme
    print(f"{programme.origin}: {programme.summary} "
          f"(written by Gluteapp {programme.app_version})")
    for item in plan.items:
        print(_item_line(item))


def import_command(args: argparse.Namespace) -> int:
    from gluteapp.core.assets import builtin_library
    from gluteapp.core.programme import (
        ProgrammeError,
        Resolution,
        apply_import,
        conflict_message,
        plan_import,
        read_programme,
    )
    from gluteapp.core.safe_files import shown_path

    folder = _folder(args)
    try:
        plan = plan_import(read_programme(args.file, builtin_library()), folder)
    except ProgrammeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    _describe(plan)
    if args.dry_run:
        count = len(plan.new) + len(plan.conflicts)
        print(f"dry run: nothing was written; importing would add {len(plan.new)} and find "
              f"{len(plan.conflicts)} in conflict" if count else
              "dry run: nothing was written; everything is already there")
        if plan.conflicts:
            print("a conflict needs --replace (overwrite yours) or --rename (keep both)")
        return 0
    resolution = (Resolution.REPLACE if args.replace else
                  Resolution.RENAME if args.rename else Resolution.REFUSE)
    if plan.conflicts and resolution is Resolution.REFUSE:
        print(f"error: {conflict_message(plan)}", file=sys.stderr)
        return 1
    try:
        result = apply_import(plan, resolution)
    except ProgrammeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for old, new in result.renamed.items():
        print(f"  renamed: {old} -> {new}")
    for path in result.written:
        print(f"  written: {shown_path(path.relative_to(folder.data_dir))}")
    if not result.written:
        print("nothing to add: everything is already there")
    else:
        print(f"imported: {result.routine_name!r} ({result.routine_id}) is in your routines")
    return 0
