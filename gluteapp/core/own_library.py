"""The library the app shows: the built-in exercises followed by your own, and their figures."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from msgspec.structs import replace

from gluteapp.core.exercises import Exercise, Library
from gluteapp.core.own_exercises import (
    PICTURES,
    OwnExercise,
    Picture,
    adjusted_pose,
    load_own_exercises,
    read_retired_names,
)
from gluteapp.core.poses import Pose, PoseEntry, PoseLibrary, builtin_poses


class CombinedLibrary(Library):
    """Built-in and own exercises in one Library; own ones can be replaced while it is shown.

    Views keep this one object: `set_own` changes what it holds, and whoever changed it tells
    the views to look again. Ids of deleted (retired) exercises still have a name, so old
    sessions in the history keep showing it.
    """

    def __init__(self, builtin: Library, folder: Path | None = None,
                 own: Iterable[OwnExercise] = (),
                 retired: Mapping[str, str] | None = None) -> None:
        super().__init__(builtin, builtin.language)
        self.builtin = builtin
        self.folder = folder
        self._own: dict[str, OwnExercise] = {}
        self._retired: dict[str, str] = {}
        self._poses: OwnPoses | None = None
        #: What the last `reload` could not use, one sentence per file.
        self.problems: list[str] = []
        self.set_own(own, retired or {})

    def set_own(self, own: Iterable[OwnExercise], retired: Mapping[str, str]) -> None:
        mine = sorted(own, key=lambda o: (o.exercise.name.casefold(), o.id))
        self._own = {o.id: o for o in mine if o.id not in self.builtin}
        self._retired = dict(retired)
        self._items = [*self.builtin, *(o.exercise for o in self._own.values())]
        self._by_id = {e.id: e for e in self._items}
        self._poses = None

    def reload(self) -> list[str]:
        """Read the folder again; one sentence per file that could not be used."""
        if self.folder is None:
            return []
        own, problems = load_own_exercises(self.folder, self.builtin.ids)
        self.set_own(own, read_retired_names(self.folder))
        self.problems = problems
        return problems

    @property
    def own_exercises(self) -> list[OwnExercise]:
        return list(self._own.values())

    def own(self, exercise_id: str) -> OwnExercise | None:
        return self._own.get(exercise_id)

    def is_own(self, exercise_id: str) -> bool:
        return exercise_id in self._own

    @property
    def taken_ids(self) -> set[str]:
        """Every id a new exercise must not take: built-in, own and retired."""
        return {*self.builtin.ids, *self._own, *self._retired}

    def photo_path(self, exercise_id: str) -> Path | None:
        own = self._own.get(exercise_id)
        if own is None or own.photo is None or self.folder is None:
            return None
        return self.folder / PICTURES / own.photo

    def name_of(self, exercise_id: str) -> str:
        exercise = self.get(exercise_id)
        if exercise is not None:
            return exercise.name
        return self._retired.get(exercise_id, exercise_id)

    @property
    def poses(self) -> PoseLibrary:
        if self._poses is None:
            self._poses = OwnPoses(builtin_poses(), self._own.values())
        return self._poses


class OwnPoses(PoseLibrary):
    """The built-in poses, and for each own exercise with a figure its adjusted copy."""

    def __init__(self, base: PoseLibrary, own: Iterable[OwnExercise]) -> None:
        super().__init__([])
        self._base = base
        self._pictures: dict[str, tuple[Picture, Exercise]] = {
            o.id: (o.picture, o.exercise) for o in own
            if o.picture is not None and o.picture.figure is not None
        }
        self._made: dict[str, Pose | None] = {}

    def __len__(self) -> int:
        return len(self._base) + len(self._pictures)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, tuple) and len(key) == 2 and key[0] in self._pictures:
            return key[1] is None
        return key in self._base

    def pose_keys(self) -> list[tuple[str, str | None]]:
        return [*self._base.pose_keys(), *((own_id, None) for own_id in self._pictures)]

    @property
    def exercise_ids(self) -> list[str]:
        return sorted([*self._base.exercise_ids, *self._pictures])

    def entry(self, exercise_id: str, variation: str | None = None) -> PoseEntry | None:
        if exercise_id in self._pictures:
            return None  # the built-in entry's step numbers describe another exercise
        return self._base.entry(exercise_id, variation)

    def pose(self, exercise_id: str, variation: str | None = None) -> Pose | None:
        if exercise_id not in self._pictures:
            return self._base.pose(exercise_id, variation)
        if exercise_id not in self._made:
            picture, exercise = self._pictures[exercise_id]
            assert picture.figure is not None
            base = self._base.pose(picture.figure)
            self._made[exercise_id] = None if base is None else replace(
                adjusted_pose(base, picture), exercise_id=exercise_id, variation=None,
                start_step=1, end_step=min(2, len(exercise.steps)))
        return self._made[exercise_id]


def poses_for(library: Library) -> PoseLibrary:
    """The poses that draw `library`'s exercises: with own figures when it has own exercises."""
    return library.poses if isinstance(library, CombinedLibrary) else builtin_poses()


def routines_using(exercise_id: str, folder: Path, library: Library) -> list[str]:
    """The names of your routines in `folder` that have the exercise as a step."""
    from gluteapp.core.routines import user_routines

    return [routine.name for routine in user_routines(folder, library).routines
            if exercise_id in routine.exercise_ids]


def combined(builtin: Library, folder: Path) -> tuple[CombinedLibrary, list[str]]:
    """The built-in library with the own exercises of `folder`, and what could not be read."""
    library = CombinedLibrary(builtin, folder)
    return library, library.reload()
