"""The moving figure without Qt: forward kinematics, resting on the floor, easing between
keyframes, and where the figure is at each moment of a session."""

from __future__ import annotations

import math
import random

import pytest

from gluteapp.core.assets import assets_dir
from gluteapp.core.kinematics import (
    HOLD_MOVE_S,
    PROPORTIONS,
    SURFACE_HEIGHTS,
    Basis,
    Figure,
    Glutes,
    Movement,
    Role,
    Timing,
    TimingKind,
    add,
    body_basis,
    body_parts,
    cross,
    dot,
    ease,
    forward_kinematics,
    mul,
    rotate,
    unit,
)
from gluteapp.core.motion import FigureMoment, figure_moment
from gluteapp.core.poses import Angles, BodyPoint, LyingOn, Posture, View, load_poses, range_of
from gluteapp.core.records import Side
from tests.core.test_engine_helpers import FakeClock, make_session

POSES = load_poses(assets_dir() / "poses.toml")
OWN_POSES = [key for key in POSES.pose_keys()
             if getattr(POSES.entry(*key), "same_as", None) is None]
IDS = [f"{e}/{v}" if v else e for e, v in OWN_POSES]
#: Samples per keyframe-to-keyframe segment: about one frame of a 1.2 s move at 30 fps.
SAMPLES = 40
#: The figure drawn 256 pixels across its stage, as on the library page.
PIXELS = 256


def pixels_per_unit(figure: Figure) -> float:
    left, bottom, right, top = figure.bounds
    return PIXELS / max(right - left, top - bottom)


@pytest.fixture(scope="module", params=OWN_POSES, ids=IDS)
def figure(request: pytest.FixtureRequest) -> Figure:
    exercise_id, variation = request.param
    pose = POSES.pose(exercise_id, variation)
    assert pose is not None
    return Figure.of(pose)


def positions(movement: Movement) -> list[float]:
    return [i / SAMPLES for i in range(movement.count * SAMPLES)]


def test_floor_contacts_stay_on_the_floor_through_the_whole_movement(figure: Figure) -> None:
    movement = figure.movement
    pose = movement.pose
    scale = pixels_per_unit(figure)
    worst = 0.0
    for position in positions(movement):
        index = int(position)
        start = pose.frames[index].contacts
        end = pose.frames[(index + 1) % movement.count].contacts
        body = movement.body_at(position)
        for point, surface in start.items():
            if surface.carries_weight and end.get(point) == surface:
                gap = abs(body.contact_bottom(point) - SURFACE_HEIGHTS[surface]) * scale
                worst = max(worst, gap)
    assert worst <= 3.0, f"a contact left its surface by {worst:.1f} px"


def test_nothing_passes_through_the_floor(figure: Figure) -> None:
    movement = figure.movement
    scale = pixels_per_unit(figure)
    lowest = min(movement.body_at(p).lowest() for p in positions(movement))
    assert lowest * scale >= -0.5


def test_joint_angles_stay_in_a_human_range(figure: Figure) -> None:
    movement = figure.movement
    for position in positions(movement):
        for name, value in movement.angles_at(position).items():
            low, high = range_of(name)
            assert low - 1e-6 <= value <= high + 1e-6, (position, name, value)


def test_at_each_keyframe_the_angles_are_the_keyframes_exactly(figure: Figure) -> None:
    movement = figure.movement
    for index in range(movement.count):
        assert movement.angles_at(float(index)) == movement.angles[index]
        assert movement.body_at(float(index)) is movement.keyframes[index]


def test_keyframe_angles_are_the_files_except_for_feet_and_hands_laid_down(
        figure: Figure) -> None:
    movement = figure.movement
    derived = {"left_ankle", "right_ankle", "left_wrist", "right_wrist"}
    for frame, angles in zip(movement.pose.frames, movement.angles, strict=True):
        for (name, written), (_, used) in zip(frame.angles.items(), angles.items(),
                                              strict=True):
            if name not in derived:
                assert used == written, name


def test_the_figure_does_not_jump_at_a_keyframe(figure: Figure) -> None:
    movement = figure.movement
    scale = pixels_per_unit(figure)
    for index in range(movement.count):
        before = movement.body_at((index - 1e-4) % movement.count)
        at = movement.keyframes[index]
        jump = max(math.dist(before.points[k], at.points[k]) for k in at.points) * scale
        assert jump <= 8.0, f"keyframe {index}: {jump:.1f} px"


def test_the_stage_holds_every_drawing(figure: Figure) -> None:
    left, bottom, right, top = figure.bounds
    for position in positions(figure.movement)[::5]:
        drawing = figure.painter.drawing(figure.movement.body_at(position))
        for shape in drawing.shapes:
            if shape.role is Role.FLOOR:
                continue
            for x, y in shape.points:
                assert left <= x <= right
                assert bottom <= y <= top


# --- building blocks ---------------------------------------------------------------------------


def test_ease_is_exact_at_the_ends_and_symmetric() -> None:
    assert ease(0.0) == 0.0
    assert ease(1.0) == 1.0
    assert ease(0.5) == pytest.approx(0.5)
    assert ease(0.25) == pytest.approx(1 - ease(0.75))
    assert ease(0.1) < 0.1  # slow away from a keyframe


def test_a_standing_body_is_one_body_height_tall() -> None:
    body = forward_kinematics(Angles(), body_basis(Posture.STANDING, LyingOn.RIGHT, View.SIDE))
    top = body.points["head"][1] + PROPORTIONS.head_r
    sole = body.contact_bottom(BodyPoint.LEFT_FOOT)
    assert top - sole == pytest.approx(1.0, abs=0.03)


def test_hip_flexion_brings_the_knee_forward_to_hip_height() -> None:
    rest = body_basis(Posture.STANDING, LyingOn.RIGHT, View.SIDE)
    body = forward_kinematics(Angles(left_hip_flex=90), rest)
    hip, knee = body.points["left_hip"], body.points["left_knee"]
    forward = body.bases["pelvis"].f
    assert knee[1] == pytest.approx(hip[1])
    along = sum((k - h) * f for k, h, f in zip(knee, hip, forward, strict=True))
    assert along == pytest.approx(PROPORTIONS.thigh)


def test_the_side_view_shows_the_left_side() -> None:
    rest = body_basis(Posture.STANDING, LyingOn.RIGHT, View.SIDE)
    body = forward_kinematics(Angles(), rest)
    assert body.points["left_hip"][2] > body.points["right_hip"][2]  # nearer the viewer


def test_a_bridge_lifts_the_hips_into_a_line_with_the_shoulders_and_knees() -> None:
    movement = Movement(POSES.pose("glute-bridge"))  # type: ignore[arg-type]
    down, up = movement.keyframes
    assert up.points["pelvis"][1] - down.points["pelvis"][1] > 0.055  # 10 cm of 1.75 m
    trunk = [a - b for a, b in zip(up.points["pelvis"], up.points["shoulders"], strict=True)]
    thigh = [a - b for a, b in zip(up.points["left_knee"], up.points["left_hip"], strict=True)]
    cosine = sum(a * b for a, b in zip(trunk, thigh, strict=True)) / (
        math.hypot(*trunk) * math.hypot(*thigh))
    assert math.degrees(math.acos(cosine)) < 12
    for body in (down, up):
        assert body.sphere("upper_back").bottom == pytest.approx(0.0, abs=0.01)
        assert body.contact_bottom(BodyPoint.LEFT_FOOT) == pytest.approx(0.0, abs=0.01)


def test_a_clamshell_opens_the_top_knee_and_keeps_the_feet_together() -> None:
    movement = Movement(POSES.pose("wall-clamshell"))  # type: ignore[arg-type]
    closed, opened = movement.keyframes
    assert opened.points["left_knee"][1] - closed.points["left_knee"][1] > 0.07
    feet_apart = math.dist(opened.points["left_ankle"], opened.points["right_ankle"])
    assert feet_apart < 0.09  # ankle to ankle: the feet touch


def test_a_side_plank_holds_a_straight_line_on_a_forearm() -> None:
    movement = Movement(POSES.pose("side-plank"))  # type: ignore[arg-type]
    plank = movement.keyframes[movement.pose.end_index]
    head, pelvis, ankle = (plank.points[k] for k in ("neck", "pelvis", "left_ankle"))
    # The pelvis lies on the line from the ankle to the neck, within 2 cm of a 1.75 m body.
    line = [b - a for a, b in zip(ankle, head, strict=True)]
    to_pelvis = [p - a for a, p in zip(ankle, pelvis, strict=True)]
    t = sum(u * v for u, v in zip(line, to_pelvis, strict=True)) / sum(u * u for u in line)
    off = math.dist([a + t * u for a, u in zip(ankle, line, strict=True)], pelvis)
    assert off < 0.012
    assert plank.sphere("left_elbow").bottom == pytest.approx(0.0, abs=0.005)
    assert plank.points["pelvis"][1] > 0.15


def test_timings_map_onto_the_cycle() -> None:
    movement = Movement(POSES.pose("single-leg-squat"))  # type: ignore[arg-type]
    end = float(movement.pose.end_index)
    assert movement.position(Timing.start()) == 0.0
    assert movement.position(Timing.end()) == end
    assert movement.position(Timing(TimingKind.DOWN, 0.0)) == 0.0
    assert movement.position(Timing(TimingKind.DOWN, 1.0)) == end
    assert movement.position(Timing(TimingKind.DOWN, 0.5)) == end / 2
    assert movement.position(Timing(TimingKind.PAUSE, 0.3)) == end
    assert movement.position(Timing(TimingKind.UP, 0.0)) == end
    assert movement.position(Timing(TimingKind.UP, 1.0)) == 0.0
    assert movement.position(Timing(TimingKind.HOLD, HOLD_MOVE_S)) == end
    assert movement.position(Timing(TimingKind.HOLD, 100.0)) == end
    step = movement.pose.move_s + movement.pose.dwell_s
    assert movement.position(Timing(TimingKind.CYCLE, 0.0)) == 0.0
    assert movement.position(Timing(TimingKind.CYCLE, movement.pose.move_s)) == 1.0
    assert movement.position(Timing(TimingKind.CYCLE, 2 * step)) == 0.0


def test_glutes_show_on_the_near_side_only() -> None:
    figure = Figure.of(POSES.pose("single-leg-stand"), Glutes())  # type: ignore[arg-type]
    parts = [s.part for s in figure.drawing(Timing.end()).shapes if s.role is Role.GLUTE]
    assert parts == ["left_glute"]


def test_the_far_leg_is_drawn_before_the_body_and_the_near_leg_after() -> None:
    figure = Figure.of(POSES.pose("single-leg-stand"))  # type: ignore[arg-type]
    order = [s.part for s in figure.drawing(Timing.end()).shapes]
    assert order.index("right_thigh") < order.index("upper_torso") < order.index("left_thigh")
    far = next(s for s in figure.drawing(Timing.end()).shapes if s.part == "right_thigh")
    assert far.role is Role.FAR


def test_every_body_part_is_drawn() -> None:
    figure = Figure.of(POSES.pose("bird-dog"))  # type: ignore[arg-type]
    drawn = {s.part for s in figure.drawing(Timing.start()).shapes}
    body = figure.movement.keyframes[0]
    assert {part.name for part in body_parts(body)} <= drawn


# --- the figure in a session, on a fake clock ----------------------------------------------------

TEMPO_STEPS = """
[[steps]]
exercise = "squat"
sets = 1
reps = 2
tempo = "2-1-3"
rest_after_s = 10

[[steps]]
exercise = "bridge"
sets = 1
hold_s = 20
"""


class Run:
    """A session on a fake clock, ticked the way the runner ticks it."""

    def __init__(self, steps: str, prepare_s: int = 5) -> None:
        self.clock = FakeClock()
        self.session = make_session(steps, prepare_s=prepare_s, switch_sides_s=4)
        self.session.start(self.clock())

    def after(self, seconds: float) -> FigureMoment:
        now = self.clock.advance(seconds)
        self.session.tick(now)
        moment = figure_moment(self.session, now)
        assert moment is not None
        return moment


def test_the_get_ready_shows_the_first_exercises_start_pose_on_its_first_side() -> None:
    moment = Run(TEMPO_STEPS).after(1)
    assert (moment.exercise_id, moment.side, moment.timing, moment.moving) == (
        "squat", Side.LEFT, Timing.start(), False)


def test_a_tempo_rep_goes_down_for_the_down_seconds_then_pauses_then_comes_up() -> None:
    run = Run(TEMPO_STEPS)
    run.after(5)  # the get-ready is over: rep 1 starts down
    down = run.after(0.5)
    assert down.timing == Timing(TimingKind.DOWN, 0.25)
    assert down.moving
    assert run.after(1.0).timing == Timing(TimingKind.DOWN, 0.75)
    pause = run.after(1.0)  # 2.5 s: in the 1 s pause
    assert pause.timing.kind is TimingKind.PAUSE
    assert not pause.moving  # the end pose, held still
    up = run.after(1.5)  # 4.0 s: 1 s into the 3 s up
    assert up.timing.kind is TimingKind.UP
    assert up.timing.value == pytest.approx(1 / 3)
    second = run.after(2.5).timing  # rep 2
    assert second.kind is TimingKind.DOWN
    assert second.value == pytest.approx(0.25)


def test_pause_freezes_the_figure() -> None:
    run = Run(TEMPO_STEPS)
    run.after(5.8)
    run.session.pause(run.clock())
    frozen = run.after(0)
    later = run.after(30)
    assert frozen == later
    assert not frozen.moving
    assert frozen.timing.kind is TimingKind.DOWN
    assert frozen.timing.value == pytest.approx(0.4)


def test_the_right_side_is_mirrored_and_the_switch_shows_its_start_pose() -> None:
    run = Run(TEMPO_STEPS)
    run.after(5 + 12)  # both reps on the left: 2 x 6 s
    switching = run.after(1)
    assert (switching.side, switching.timing, switching.mirrored) == (
        Side.RIGHT, Timing.start(), True)
    right = run.after(4)
    assert right.side is Side.RIGHT
    assert right.mirrored
    assert right.timing.kind is TimingKind.DOWN


def test_the_rest_shows_the_next_exercises_start_pose_and_a_hold_holds() -> None:
    run = Run(TEMPO_STEPS)
    run.after(5 + 12 + 4 + 12)  # up to the rest before the bridge
    rest = run.after(2)
    assert (rest.exercise_id, rest.side, rest.timing) == ("bridge", Side.BOTH, Timing.start())
    run.after(8)
    moving_in = run.after(0.6)
    assert moving_in.timing.kind is TimingKind.HOLD
    assert moving_in.timing.value == pytest.approx(0.6)
    assert moving_in.moving
    holding = run.after(5)
    assert not holding.moving


def test_self_paced_reps_follow_the_session_time() -> None:
    run = Run('[[steps]]\nexercise = "pump"\nsets = 1\nreps = 12\n', prepare_s=3)
    run.after(3)
    moment = run.after(4.5)
    assert moment.timing.kind is TimingKind.CYCLE
    assert moment.timing.value == pytest.approx(4.5)
    assert moment.moving


def test_a_finished_session_shows_no_figure() -> None:
    run = Run(TEMPO_STEPS)
    run.after(7)
    run.session.end_early(run.clock())
    assert figure_moment(run.session, run.clock()) is None


def test_turning_gives_rodrigues_formula_to_the_last_bit() -> None:
    """The rotation is written out for speed; it must give what the formula built from the
    vector helpers gives, bit for bit, so every figure stays the picture it was."""
    rng = random.Random(7)
    for _ in range(500):
        v = (rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1))
        axis = unit((rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1)))
        degrees = rng.uniform(-180, 180)
        c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
        formula = add(add(mul(v, c), mul(cross(axis, v), s)), mul(axis, dot(axis, v) * (1 - c)))
        assert rotate(v, axis, degrees) == formula
        basis = Basis(v, axis, cross(v, axis))
        turned = basis.rotated(axis, degrees)
        assert (turned.f, turned.u, turned.r) == tuple(rotate(w, axis, degrees)
                                                       for w in (basis.f, basis.u, basis.r))
        assert basis.turn("u", degrees) == turned
        forward, up, right = rng.uniform(-1, 1), rng.uniform(-1, 1), rng.uniform(-1, 1)
        assert basis.at(forward, up, right) == add(add(mul(v, forward), mul(axis, up)),
                                                   mul(basis.r, right))
    assert rotate((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), 90) == pytest.approx((0.0, 0.0, -1.0))
    assert rotate((0.3, 0.2, 0.1), (0.0, 0.0, 1.0), 0) == (0.3, 0.2, 0.1)
