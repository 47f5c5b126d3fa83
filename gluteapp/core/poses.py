"""The movement of each exercise as data: view, posture, keyframes of joint angles, contacts, props.

Read from `assets/poses.toml` and validated here like the exercise library: every angle is
checked against a human range, every contact and view against the posture, and a mistake is
reported with the pose and the field it is in. The kinematics (`gluteapp.core.kinematics`)
turns a pose into a moving figure; this module only knows the data.

Every pose describes the LEFT side of a one-sided exercise (the left leg works, or the body lies
on the side the exercise names left); the right side is its mirror image.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import msgspec
from msgspec import Meta, Struct
from msgspec.structs import astuple, replace

from gluteapp.core.assets import assets_dir
from gluteapp.core.exercises import Exercise, Library
from gluteapp.core.safe_files import UnusableFileError, read_limited_text, shown_path, shown_value

MAX_POSES_BYTES = 1024 * 1024
MAX_POSES = 500
MAX_KEYFRAMES = 12


class PoseError(ValueError):
    """A poses file that cannot be used, with a message naming the pose and the field."""


class View(StrEnum):
    """Which side of the body faces the viewer: `side` is the left side (the working one)."""

    SIDE = "side"
    FRONT = "front"
    BACK = "back"
    HEAD = "head"
    FEET = "feet"


class Posture(StrEnum):
    """How the body is laid out before any joint bends."""

    STANDING = "standing"
    SEATED = "seated"
    KNEELING = "kneeling"
    SUPINE = "supine"  # lying on the back
    PRONE = "prone"  # lying face down
    SIDE_LYING = "side_lying"  # on the side named by `lying_on`
    QUADRUPED = "quadruped"  # on hands and knees


class Surface(StrEnum):
    """What a body part touches. Floor, step and block carry weight at a known height; wall and
    chair are placed where the body touches them."""

    FLOOR = "floor"
    STEP = "step"
    BLOCK = "block"
    CHAIR = "chair"
    WALL = "wall"

    @property
    def carries_weight(self) -> bool:
        return self in (Surface.FLOOR, Surface.STEP, Surface.BLOCK)


class BodyPoint(StrEnum):
    """The parts of the body that can touch something."""

    LEFT_FOOT = "left_foot"  # the whole sole, laid flat
    RIGHT_FOOT = "right_foot"
    LEFT_TOES = "left_toes"  # the ball of the foot, heel up
    RIGHT_TOES = "right_toes"
    LEFT_HEEL = "left_heel"
    RIGHT_HEEL = "right_heel"
    LEFT_ANKLE = "left_ankle"
    RIGHT_ANKLE = "right_ankle"
    LEFT_KNEE = "left_knee"
    RIGHT_KNEE = "right_knee"
    LEFT_HIP = "left_hip"  # the outside of the hip
    RIGHT_HIP = "right_hip"
    SEAT = "seat"  # the buttocks
    UPPER_BACK = "upper_back"
    LEFT_SHOULDER = "left_shoulder"
    RIGHT_SHOULDER = "right_shoulder"
    LEFT_ELBOW = "left_elbow"
    RIGHT_ELBOW = "right_elbow"
    LEFT_HAND = "left_hand"
    RIGHT_HAND = "right_hand"
    HEAD = "head"


class WallSide(StrEnum):
    """Where a wall stands, seen from the body at rest."""

    FRONT = "front"
    BACK = "back"
    LEFT = "left"
    RIGHT = "right"


class BandAt(StrEnum):
    """Where a mini band loops round both legs."""

    THIGHS = "thighs"
    ABOVE_KNEES = "above_knees"
    BELOW_KNEES = "below_knees"
    ANKLES = "ankles"


class Highlight(StrEnum):
    """Which glute works (in the left-side pose; the right side mirrors it)."""

    LEFT = "left"
    RIGHT = "right"
    BOTH = "both"


class LyingOn(StrEnum):
    LEFT = "left"
    RIGHT = "right"


# --- angles, each in a human range (degrees) -----------------------------------------------------

HipFlex = Annotated[float, Meta(ge=-30, le=135)]
HipAbd = Annotated[float, Meta(ge=-30, le=60)]
HipRot = Annotated[float, Meta(ge=-45, le=60)]
Knee = Annotated[float, Meta(ge=0, le=150)]
Ankle = Annotated[float, Meta(ge=-35, le=50)]  # + points the toes, - pulls them up
ShoulderFlex = Annotated[float, Meta(ge=-60, le=180)]
ShoulderAbd = Annotated[float, Meta(ge=-30, le=180)]
Elbow = Annotated[float, Meta(ge=0, le=150)]
TrunkFlex = Annotated[float, Meta(ge=-30, le=90)]
TrunkBend = Annotated[float, Meta(ge=-40, le=40)]
TrunkTwist = Annotated[float, Meta(ge=-40, le=40)]
Neck = Annotated[float, Meta(ge=-40, le=60)]
PelvisPitch = Annotated[float, Meta(ge=-90, le=90)]
PelvisRoll = Annotated[float, Meta(ge=-30, le=30)]
PelvisYaw = Annotated[float, Meta(ge=-45, le=45)]

#: The ranges above, for the tests and for checking angles the kinematics derives.
RANGES: dict[str, tuple[float, float]] = {
    "hip_flex": (-30, 135), "hip_abd": (-30, 60), "hip_rot": (-45, 60), "knee": (0, 150),
    "ankle": (-35, 50), "shoulder_flex": (-60, 180), "shoulder_abd": (-30, 180),
    "elbow": (0, 150), "trunk_flex": (-30, 90), "trunk_bend": (-40, 40),
    "trunk_twist": (-40, 40), "neck": (-40, 60), "pelvis_pitch": (-90, 90),
    "pelvis_roll": (-30, 30), "pelvis_yaw": (-45, 45), "wrist": (-95, 95),
}


class HipAngles(Struct, frozen=True, forbid_unknown_fields=True):
    """Flexion (thigh forward), abduction (thigh out) and outward rotation; unset = as before."""

    flex: HipFlex | None = None
    abd: HipAbd | None = None
    rot: HipRot | None = None


class ShoulderAngles(Struct, frozen=True, forbid_unknown_fields=True):
    """Flexion (arm forward and up from hanging) and abduction (arm out to the side)."""

    flex: ShoulderFlex | None = None
    abd: ShoulderAbd | None = None


class TrunkAngles(Struct, frozen=True, forbid_unknown_fields=True):
    """The chest against the pelvis: flexion forward, side bend to the left, twist to the left."""

    flex: TrunkFlex | None = None
    bend: TrunkBend | None = None
    twist: TrunkTwist | None = None


class PelvisAngles(Struct, frozen=True, forbid_unknown_fields=True):
    """The pelvis against the posture: pitch forward, roll (left side up), yaw to the left."""

    pitch: PelvisPitch | None = None
    roll: PelvisRoll | None = None
    yaw: PelvisYaw | None = None


Contacts = Annotated[dict[BodyPoint, Surface], Meta(max_length=12)]


class Keyframe(Struct, frozen=True, forbid_unknown_fields=True):
    """One still of the movement. Whatever it leaves out is as in the keyframe before it."""

    name: Annotated[str, Meta(min_length=1, max_length=40)] = ""
    end: bool = False  # the keyframe shown as the "end" picture (default: the second)
    contacts: Contacts | None = None  # replaces the pose's contacts for this keyframe
    pelvis: PelvisAngles | None = None
    trunk: TrunkAngles | None = None
    neck: Neck | None = None
    left_hip: HipAngles | None = None
    right_hip: HipAngles | None = None
    left_knee: Knee | None = None
    right_knee: Knee | None = None
    left_ankle: Ankle | None = None
    right_ankle: Ankle | None = None
    left_shoulder: ShoulderAngles | None = None
    right_shoulder: ShoulderAngles | None = None
    left_elbow: Elbow | None = None
    right_elbow: Elbow | None = None


Slug = Annotated[str, Meta(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Degrees = Annotated[float, Meta(ge=-60, le=60)]


class PoseEntry(Struct, frozen=True, forbid_unknown_fields=True):
    """One exercise's movement, or one variation's, as written in the file."""

    exercise: Slug
    variation: Annotated[str, Meta(min_length=2, max_length=80)] | None = None
    same_as: Slug | None = None  # show another exercise's movement (a variation that is one)
    view: View = View.SIDE
    turn: Degrees = 0.0  # the viewer walks this far round the body, to the left
    elevation: Annotated[float, Meta(ge=0, le=50)] = 0.0  # and looks down this steeply
    posture: Posture = Posture.STANDING
    lying_on: LyingOn = LyingOn.RIGHT
    contacts: Contacts = {}
    wall: WallSide = WallSide.FRONT
    band: BandAt | None = None
    weights: bool = False  # a dumbbell in each hand
    highlight: Highlight = Highlight.LEFT
    start_step: Annotated[int, Meta(ge=1, le=50)] = 1  # the step that describes the start
    end_step: Annotated[int, Meta(ge=1, le=50)] = 2  # and the one that describes the end
    move_s: Annotated[float, Meta(ge=0.3, le=10)] = 1.2  # self-paced: one keyframe to the next
    dwell_s: Annotated[float, Meta(ge=0, le=10)] = 0.3  # and the stay at each keyframe
    keyframe: Annotated[list[Keyframe], Meta(max_length=MAX_KEYFRAMES)] = []

    def __post_init__(self) -> None:
        if self.same_as is not None:
            if self.keyframe:
                raise ValueError("a pose with same_as takes its keyframes from that exercise")
            return
        if len(self.keyframe) < 2:
            raise ValueError("a movement needs at least two keyframes")
        if sum(1 for k in self.keyframe if k.end) > 1:
            raise ValueError("only one keyframe can be the end")
        if self.end_step < self.start_step:
            raise ValueError("end_step comes before start_step")
        problem = _view_problem(self.posture, self.lying_on, self.view)
        if problem:
            raise ValueError(problem)


class PosesFile(Struct, forbid_unknown_fields=True):
    pose: Annotated[list[PoseEntry], Meta(max_length=MAX_POSES)]


# --- the resolved form the kinematics uses -----------------------------------------------------


class Angles(Struct, frozen=True):
    """Every joint angle of one keyframe, in degrees, nothing left unset."""

    pelvis_pitch: float = 0.0
    pelvis_roll: float = 0.0
    pelvis_yaw: float = 0.0
    trunk_flex: float = 0.0
    trunk_bend: float = 0.0
    trunk_twist: float = 0.0
    neck: float = 0.0
    left_hip_flex: float = 0.0
    left_hip_abd: float = 0.0
    left_hip_rot: float = 0.0
    right_hip_flex: float = 0.0
    right_hip_abd: float = 0.0
    right_hip_rot: float = 0.0
    left_knee: float = 0.0
    right_knee: float = 0.0
    left_ankle: float = 0.0
    right_ankle: float = 0.0
    left_shoulder_flex: float = 0.0
    left_shoulder_abd: float = 0.0
    right_shoulder_flex: float = 0.0
    right_shoulder_abd: float = 0.0
    left_elbow: float = 0.0
    right_elbow: float = 0.0
    # Not written in the file: a hand laid flat on the floor bends the wrist this far.
    left_wrist: float = 0.0
    right_wrist: float = 0.0

    def items(self) -> Iterator[tuple[str, float]]:
        # `__struct_fields__`, not `msgspec.structs.fields`, which reads the annotations anew
        # at every call (0.3 ms; a figure blends its poses hundreds of times).
        return zip(self.__struct_fields__, astuple(self), strict=True)

    def blend(self, other: Angles, amount: float) -> Angles:
        """`amount` of the way to `other`; exactly self at 0 and exactly other at 1."""
        keep = 1.0 - amount
        return Angles(*(a * keep + b * amount
                        for a, b in zip(astuple(self), astuple(other), strict=True)))


def range_of(angle_name: str) -> tuple[float, float]:
    """The human range of an `Angles` field: 'left_hip_flex' -> RANGES['hip_flex']."""
    key = angle_name.removeprefix("left_").removeprefix("right_")
    return RANGES[key]


class Frame(Struct, frozen=True):
    """A resolved keyframe: its angles and what touches what."""

    name: str
    angles: Angles
    contacts: Mapping[BodyPoint, Surface]


class Pose(Struct, frozen=True):
    """An exercise's movement, ready for the kinematics: at least two frames."""

    exercise_id: str
    variation: str | None
    view: View
    turn: float
    elevation: float
    posture: Posture
    lying_on: LyingOn
    wall: WallSide
    band: BandAt | None
    weights: bool
    highlight: Highlight
    start_step: int
    end_step: int
    move_s: float
    dwell_s: float
    frames: tuple[Frame, ...]
    end_index: int  # the frame shown as the end picture

    @property
    def start(self) -> Frame:
        return self.frames[0]

    @property
    def end(self) -> Frame:
        return self.frames[self.end_index]

    @property
    def surfaces(self) -> frozenset[Surface]:
        return frozenset(s for frame in self.frames for s in frame.contacts.values())


def _merge_part(prefix: str, part: Struct | None) -> dict[str, float]:
    if part is None:
        return {}
    changes: dict[str, float] = {}
    for name in part.__struct_fields__:
        value = getattr(part, name)
        if value is not None:
            changes[f"{prefix}_{name}"] = float(value)
    return changes


def resolve_angles(previous: Angles, keyframe: Keyframe) -> Angles:
    """The keyframe's angles: those it names, the previous keyframe's for the rest."""
    changes: dict[str, float] = {}
    for prefix in ("pelvis", "trunk", "left_hip", "right_hip", "left_shoulder",
                   "right_shoulder"):
        changes |= _merge_part(prefix, getattr(keyframe, prefix))
    for name in ("neck", "left_knee", "right_knee", "left_ankle", "right_ankle", "left_elbow",
                 "right_elbow"):
        value = getattr(keyframe, name)
        if value is not None:
            changes[name] = float(value)
    return replace(previous, **changes)


def resolve(entry: PoseEntry, keyframes: list[Keyframe]) -> Pose:
    """An entry with its keyframes (its own, or those of the exercise it is the same as)."""
    frames: list[Frame] = []
    angles = Angles()
    contacts: Mapping[BodyPoint, Surface] = entry.contacts
    for index, keyframe in enumerate(keyframes):
        angles = resolve_angles(angles, keyframe)
        frame_contacts = keyframe.contacts if keyframe.contacts is not None else contacts
        frames.append(Frame(keyframe.name or f"keyframe {index + 1}", angles,
                            dict(frame_contacts)))
    end_index = next((i for i, k in enumerate(keyframes) if k.end), 1)
    return Pose(
        exercise_id=entry.exercise, variation=entry.variation, view=entry.view,
        turn=entry.turn, elevation=entry.elevation, posture=entry.posture,
        lying_on=entry.lying_on, wall=entry.wall, band=entry.band, weights=entry.weights,
        highlight=entry.highlight, start_step=entry.start_step, end_step=entry.end_step,
        move_s=entry.move_s, dwell_s=entry.dwell_s, frames=tuple(frames), end_index=end_index,
    )


# Which side of the body faces the viewer must be level for the posture (no view from above).
_LEVEL_VIEWS: dict[Posture, frozenset[View]] = {
    Posture.STANDING: frozenset({View.SIDE, View.FRONT, View.BACK}),
    Posture.SEATED: frozenset({View.SIDE, View.FRONT, View.BACK}),
    Posture.KNEELING: frozenset({View.SIDE, View.FRONT, View.BACK}),
    Posture.SUPINE: frozenset({View.SIDE, View.HEAD, View.FEET}),
    Posture.PRONE: frozenset({View.SIDE, View.HEAD, View.FEET}),
    Posture.QUADRUPED: frozenset({View.SIDE, View.HEAD, View.FEET}),
}


def _view_problem(posture: Posture, lying_on: LyingOn, view: View) -> str:
    if posture is Posture.SIDE_LYING:
        allowed = frozenset({View.FRONT, View.BACK, View.HEAD, View.FEET})
        if lying_on is LyingOn.RIGHT and view is View.SIDE:
            return ("a body lying on its right side shows its left side to the ceiling, not "
                    "the viewer: use view 'front', 'back', 'head' or 'feet'")
        allowed |= {View.SIDE} if lying_on is LyingOn.LEFT else frozenset()
    else:
        allowed = _LEVEL_VIEWS[posture]
    if view not in allowed:
        names = ", ".join(sorted(v.value for v in allowed))
        return f"a {posture.value} body cannot be seen from its {view.value}: use {names}"
    return ""


# --- the collection -------------------------------------------------------------------------------


class PoseLibrary:
    """The poses by exercise id and variation name, with same_as followed."""

    def __init__(self, entries: list[PoseEntry]) -> None:
        self._entries = {(e.exercise, e.variation): e for e in entries}
        self._resolved: dict[tuple[str, str | None], Pose] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def pose_keys(self) -> list[tuple[str, str | None]]:
        return list(self._entries)

    def entries(self) -> list[PoseEntry]:
        return list(self._entries.values())

    @property
    def exercise_ids(self) -> list[str]:
        return sorted({exercise for exercise, variation in self._entries if variation is None})

    def entry(self, exercise_id: str, variation: str | None = None) -> PoseEntry | None:
        return self._entries.get((exercise_id, variation))

    def pose(self, exercise_id: str, variation: str | None = None) -> Pose | None:
        """The movement of an exercise, or of one of its variations when it has its own; None
        when the exercise has no pose."""
        key = (exercise_id, variation)
        if key not in self._entries:
            key = (exercise_id, None)
        if key in self._resolved:
            return self._resolved[key]
        entry = self._entries.get(key)
        if entry is None:
            return None
        pose = self._follow(entry, set())
        self._resolved[key] = pose
        return pose

    def _follow(self, entry: PoseEntry, seen: set[str]) -> Pose:
        if entry.same_as is None:
            return resolve(entry, entry.keyframe)
        if entry.same_as in seen:
            raise PoseError(f"poses: same_as goes round in a circle through {entry.same_as!r}")
        target = self._entries.get((entry.same_as, None))
        if target is None:
            raise PoseError(f"poses: {entry.exercise!r} is the same as {entry.same_as!r}, "
                            "which has no pose")
        return self._follow(target, seen | {entry.same_as})


def _explain(error: msgspec.ValidationError, raw: Mapping[str, Any], origin: str) -> str:
    """'... - at `$.pose[3].keyframe[1].left_knee`' as a message naming the pose."""
    text = str(error)
    message, _, where = text.rpartition(" - at ")
    where = where.strip("`")
    if not message:
        return f"{origin}: {text[:300]}"
    message = message[:200]
    prefix = "$.pose["
    if not where.startswith(prefix) or "]" not in where:
        return f"{origin}: {message} (at {where.removeprefix('$.') or 'the top level'})"
    index_text, _, field = where[len(prefix):].partition("]")
    field = field.lstrip(".") or "(the entry itself)"
    items = raw.get("pose", [])
    index = int(index_text) if index_text.isdigit() else -1
    entry = items[index] if 0 <= index < len(items) and isinstance(items[index], dict) else {}
    name = entry.get("exercise", f"number {index + 1}")
    if isinstance(entry.get("variation"), str):
        name = f"{name} / {entry['variation']}"
    shown = shown_value(name) if isinstance(name, str) else repr(f"number {index + 1}")
    return f"{origin}: pose {shown}, field {shown_value(field)}: {message}"


def parse_poses(text: str, origin: str = "poses") -> PoseLibrary:
    """Validate a poses document; raise PoseError naming the pose and field."""
    import tomllib  # a start reads the validated copy, not the TOML

    text = text.removeprefix("\ufeff")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PoseError(f"{origin}: not valid TOML: {error}") from None
    except RecursionError:
        raise PoseError(f"{origin}: not valid TOML: nested too deeply") from None
    try:
        parsed = msgspec.convert(raw, PosesFile, strict=True)
    except msgspec.ValidationError as error:
        raise PoseError(_explain(error, raw, origin)) from None
    seen: set[tuple[str, str | None]] = set()
    for entry in parsed.pose:
        key = (entry.exercise, entry.variation)
        if key in seen:
            what = entry.exercise + (f" / {entry.variation}" if entry.variation else "")
            raise PoseError(f"{origin}: pose {what!r} is given twice")
        seen.add(key)
    poses = PoseLibrary(parsed.pose)
    for exercise, variation in poses.pose_keys():
        poses.pose(exercise, variation)  # follows same_as, raising on a dangling one
    return poses


def load_poses(path: Path) -> PoseLibrary:
    try:
        text = read_limited_text(path, MAX_POSES_BYTES, "poses file")
    except UnusableFileError as problem:
        raise PoseError(str(problem)) from None
    return parse_poses(text, origin=shown_path(path))


#: Where the validated copy of the built-in poses is kept (`keep_prepared_poses_in`).
_prepared: list[Path] = []


def keep_prepared_poses_in(cache_dir: Path) -> None:
    """Read the built-in poses through a validated copy in `cache_dir` (start-up sets this
    where the library's copy is): decoding it costs a fraction of parsing the TOML."""
    _prepared[:] = [cache_dir]


@cache
def builtin_poses() -> PoseLibrary:
    """The poses shipped with the app, loaded and validated once."""
    path = assets_dir() / "poses.toml"
    if _prepared:
        from gluteapp.core.library_cache import load_poses_cached

        return load_poses_cached(path, _prepared[0])
    return load_poses(path)


def check_against_library(poses: PoseLibrary, library: Library) -> list[str]:
    """What in the poses does not fit the exercise library: unknown exercises or variations,
    step numbers past the exercise's steps. Empty when all is well."""
    problems: list[str] = []
    for exercise_id, variation in poses.pose_keys():
        exercise = library.get(exercise_id)
        if exercise is None:
            problems.append(f"pose {exercise_id!r}: no such exercise in the library")
            continue
        if variation is not None and variation not in _variation_names(exercise):
            problems.append(f"pose {exercise_id!r}: {variation!r} is not one of its variations")
        entry = poses.entry(exercise_id, variation)
        if entry is not None and entry.same_as is None and variation is None and (
                entry.end_step > len(exercise.steps)):
            problems.append(f"pose {exercise_id!r}: end_step {entry.end_step} is past its "
                            f"{len(exercise.steps)} steps")
    return problems


def _variation_names(exercise: Exercise) -> list[str]:
    return [v.name for v in (*exercise.easier, *exercise.harder)]
