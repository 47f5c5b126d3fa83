"""The pose data: every exercise and variation has a movement, and bad pose files are refused
with a message naming the pose and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from gluteapp.core.assets import assets_dir, builtin_library
from gluteapp.core.poses import (
    Angles,
    BodyPoint,
    PoseError,
    Posture,
    Surface,
    View,
    builtin_poses,
    check_against_library,
    load_poses,
    parse_poses,
)

LIBRARY = builtin_library()
POSES = load_poses(assets_dir() / "poses.toml")

MINIMAL = """
[[pose]]
exercise = "glute-bridge"
posture = "supine"
contacts = { upper_back = "floor", seat = "floor" }

[[pose.keyframe]]
left_hip = { flex = 40 }
left_knee = 100

[[pose.keyframe]]
left_hip = { flex = 5 }
"""


def test_every_exercise_has_a_pose() -> None:
    missing = [e.id for e in LIBRARY if POSES.pose(e.id) is None]
    assert missing == []


def test_every_variation_has_a_movement() -> None:
    # Either its own pose, another exercise's (same_as), or the exercise's when it moves alike.
    for exercise in LIBRARY:
        for variation in (*exercise.easier, *exercise.harder):
            pose = POSES.pose(exercise.id, variation.name)
            assert pose is not None, (exercise.id, variation.name)
            assert len(pose.frames) >= 2


def test_every_variation_that_points_elsewhere_shows_that_exercise() -> None:
    pose = POSES.pose("single-leg-stand", "Single-leg Romanian deadlift")
    assert pose is not None
    assert pose.exercise_id == "single-leg-rdl"


def test_variations_with_their_own_movement_differ_from_the_exercise() -> None:
    own = POSES.pose("side-plank")
    knees = POSES.pose("side-plank", "From the knees")
    assert own is not None
    assert knees is not None
    assert knees.end.angles.left_knee == pytest.approx(90)
    assert own.end.angles.left_knee == 0


def test_the_poses_fit_the_library() -> None:
    assert check_against_library(POSES, LIBRARY) == []


def test_start_and_end_steps_name_real_steps() -> None:
    for exercise in LIBRARY:
        entry = POSES.entry(exercise.id)
        assert entry is not None
        assert 1 <= entry.start_step <= entry.end_step <= len(exercise.steps), exercise.id


def test_builtin_poses_are_the_shipped_file() -> None:
    assert len(builtin_poses()) == len(POSES)


def test_a_keyframe_repeats_what_it_leaves_out() -> None:
    pose = parse_poses(MINIMAL).pose("glute-bridge")
    assert pose is not None
    second = pose.frames[1].angles
    assert second.left_hip_flex == 5
    assert second.left_knee == 100  # from the keyframe before


def test_contacts_default_to_the_poses_and_a_keyframe_can_replace_them() -> None:
    pose = POSES.pose("single-leg-stand")
    assert pose is not None
    assert set(pose.start.contacts) == {BodyPoint.LEFT_FOOT, BodyPoint.RIGHT_FOOT}
    assert dict(pose.end.contacts) == {BodyPoint.LEFT_FOOT: Surface.FLOOR}


def test_the_end_picture_is_the_second_keyframe_unless_one_says_end() -> None:
    bridge = POSES.pose("glute-bridge")
    walk = POSES.pose("lateral-band-walk")
    assert bridge is not None
    assert walk is not None
    assert bridge.end_index == 1
    assert walk.end_index == 2
    assert walk.end.name == "wide"


def test_blending_angles_is_exact_at_both_ends() -> None:
    a = Angles(left_knee=0.1, left_hip_flex=33.3, neck=-7.7)
    b = Angles(left_knee=0.3, left_hip_flex=-12.9, neck=51.1)
    assert a.blend(b, 0.0) == a
    assert a.blend(b, 1.0) == b
    assert a.blend(b, 0.5).left_knee == pytest.approx(0.2)


def test_angles_items_name_every_field_in_order_with_its_value() -> None:
    names = Angles.__struct_fields__
    angles = Angles(*(float(index) for index in range(len(names))))
    assert list(angles.items()) == [(name, float(index)) for index, name in enumerate(names)]
    assert [name for name, _ in angles.items()][:2] == ["pelvis_pitch", "pelvis_roll"]
    # Each field blends with its own counterpart, not with a neighbour's.
    halfway = angles.blend(Angles(), 0.5)
    assert dict(halfway.items()) == {name: index / 2 for index, name in enumerate(names)}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("left_knee = 100", None),
        ("left_knee = 170", r"pose 'glute-bridge', field 'keyframe\[0\]\.left_knee'"),
        ("right_hip = { flex = 200 }", r"field 'keyframe\[0\]\.right_hip\.flex'"),
        ("left_ankle = -60", r"Expected `float` >= -35"),
        ("elbow = 10", r"unknown field `elbow`"),
    ],
)
def test_angles_out_of_a_human_range_are_refused(change: str, message: str | None) -> None:
    text = MINIMAL.replace("left_knee = 100", change)
    if message is None:
        assert parse_poses(text).pose("glute-bridge") is not None
        return
    with pytest.raises(PoseError, match=message):
        parse_poses(text)


def test_one_keyframe_is_not_a_movement() -> None:
    text = MINIMAL.split("[[pose.keyframe]]\nleft_hip = { flex = 5 }")[0]
    with pytest.raises(PoseError, match="at least two keyframes"):
        parse_poses(text)


def test_a_view_the_posture_cannot_have_is_refused() -> None:
    text = MINIMAL.replace('posture = "supine"', 'posture = "supine"\nview = "front"')
    with pytest.raises(PoseError, match="a supine body cannot be seen from its front"):
        parse_poses(text)


def test_side_lying_on_the_right_cannot_show_its_left_side() -> None:
    text = MINIMAL.replace('posture = "supine"', 'posture = "side_lying"')
    with pytest.raises(PoseError, match="shows its left side to the ceiling"):
        parse_poses(text)


def test_a_pose_given_twice_is_refused() -> None:
    with pytest.raises(PoseError, match="'glute-bridge' is given twice"):
        parse_poses(MINIMAL + MINIMAL)


def test_same_as_an_exercise_without_a_pose_is_refused() -> None:
    text = MINIMAL + '\n[[pose]]\nexercise = "frog-pump"\nsame_as = "side-plank"\n'
    with pytest.raises(PoseError, match="'frog-pump' is the same as 'side-plank'"):
        parse_poses(text)


def test_same_as_with_keyframes_of_its_own_is_refused() -> None:
    text = MINIMAL.replace('posture = "supine"', 'posture = "supine"\nsame_as = "frog-pump"')
    with pytest.raises(PoseError, match="takes its keyframes from that exercise"):
        parse_poses(text)


def test_unknown_contact_surface_is_refused() -> None:
    text = MINIMAL.replace('seat = "floor"', 'seat = "sofa"')
    with pytest.raises(PoseError, match=r"field 'contacts\.\.\.'|Invalid enum value 'sofa'"):
        parse_poses(text)


def test_not_toml_is_refused() -> None:
    with pytest.raises(PoseError, match="not valid TOML"):
        parse_poses("[[pose]\n")


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PoseError, match="cannot be read"):
        load_poses(tmp_path / "poses.toml")


def test_poses_naming_unknown_exercises_are_reported() -> None:
    text = MINIMAL.replace('exercise = "glute-bridge"', 'exercise = "moon-walk"')
    problems = check_against_library(parse_poses(text), LIBRARY)
    assert problems == ["pose 'moon-walk': no such exercise in the library"]


def test_the_shipped_views_suit_their_postures() -> None:
    for exercise_id, variation in POSES.pose_keys():
        pose = POSES.pose(exercise_id, variation)
        assert pose is not None
        if pose.posture is Posture.SUPINE:
            assert pose.view in (View.SIDE, View.HEAD, View.FEET)
