"""A proportioned body moved by joint angles: forward kinematics, placement on the floor, easing
between keyframes, and the figure projected to flat shapes for the GUI to paint.

Qt-free. Lengths are in body heights (a standing body is 1.0 tall), the floor is y = 0 and
y points up. The body is built in three dimensions and seen from one side (`View`), so a knee
that opens towards the ceiling or a leg that steps across behind the other reads as it would
in a photograph; the shapes handed to the GUI are flat polygons sorted far to near.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import StrEnum

from msgspec import Struct
from msgspec.structs import replace

from gluteapp.core.poses import (
    RANGES,
    Angles,
    BandAt,
    BodyPoint,
    Highlight,
    LyingOn,
    Pose,
    Posture,
    Surface,
    View,
    WallSide,
)

Vec = tuple[float, float, float]
Point = tuple[float, float]

UP: Vec = (0.0, 1.0, 0.0)

#: Heights of the props that carry weight, in body heights (a 17 cm step for a 1.75 m person).
STEP_HEIGHT = 0.1
BLOCK_HEIGHT = 0.07
#: How far apart, horizontally, two supports must be before the body is tilted to rest on both.
LEVEL_SPAN = 0.12
RANGE_ANKLE = RANGES["ankle"]
#: From the middle of the knee to the floor when kneeling; a hand laid flat, wrist to floor.
KNEE_PAD = 0.048
PALM = 0.026
#: A hold moves from the start to the end pose in its first seconds, then keeps still.
HOLD_MOVE_S = 1.2


# --- vectors -------------------------------------------------------------------------------------


def add(a: Vec, b: Vec) -> Vec:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def sub(a: Vec, b: Vec) -> Vec:
    return (a[0] - b[0], a[1] - b[1], a[2] - b[2])


def mul(a: Vec, k: float) -> Vec:
    return (a[0] * k, a[1] * k, a[2] * k)


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])


def length(a: Vec) -> float:
    return math.sqrt(dot(a, a))


def unit(a: Vec) -> Vec:
    size = length(a)
    return (0.0, 0.0, 0.0) if size == 0 else mul(a, 1.0 / size)


def rotate(v: Vec, axis: Vec, degrees: float) -> Vec:
    """`v` turned about the unit vector `axis` by `degrees`, right-handed (Rodrigues)."""
    if degrees == 0:
        return v
    angle = math.radians(degrees)
    return _turned(v, axis, math.cos(angle), math.sin(angle))


def _turned(v: Vec, axis: Vec, c: float, s: float) -> Vec:
    """Rodrigues' formula for an angle's cosine `c` and sine `s`: v c + (axis x v) s +
    axis (axis . v)(1 - c), written out (a figure turns some 50,000 vectors as it is built),
    in the same order of operations as `add`, `mul`, `cross` and `dot` would take."""
    vx, vy, vz = v
    ax, ay, az = axis
    k = (ax * vx + ay * vy + az * vz) * (1 - c)
    return (vx * c + (ay * vz - az * vy) * s + ax * k,
            vy * c + (az * vx - ax * vz) * s + ay * k,
            vz * c + (ax * vy - ay * vx) * s + az * k)


class Basis(Struct, frozen=True):
    """A body part's orientation: forward, up (towards the head, or along a limb) and right."""

    f: Vec
    u: Vec
    r: Vec

    def turn(self, axis: str, degrees: float) -> Basis:
        """Turned about one of its own axes ('f', 'u' or 'r')."""
        if degrees == 0:
            return self
        return self.rotated(getattr(self, axis), degrees)

    def rotated(self, axis: Vec, degrees: float) -> Basis:
        """Turned about a fixed (world) axis."""
        if degrees == 0:
            return self
        angle = math.radians(degrees)
        c, s = math.cos(angle), math.sin(angle)
        return Basis(_turned(self.f, axis, c, s), _turned(self.u, axis, c, s),
                     _turned(self.r, axis, c, s))

    def at(self, forward: float = 0.0, up: float = 0.0, right: float = 0.0) -> Vec:
        """A vector given in this basis, in world terms (`add` and `mul`, written out)."""
        (fx, fy, fz), (ux, uy, uz), (rx, ry, rz) = self.f, self.u, self.r
        return (fx * forward + ux * up + rx * right, fy * forward + uy * up + ry * right,
                fz * forward + uz * up + rz * right)


# --- proportions ---------------------------------------------------------------------------------


class Proportions(Struct, frozen=True):
    """Segment lengths and thicknesses, in body heights; an adult of ordinary build, drawn a
    little sturdier than life so that the limbs read from across a room."""

    hip_half: float = 0.058  # hip joint from the middle of the pelvis
    thigh: float = 0.245
    shank: float = 0.246
    ankle_height: float = 0.039
    lumbar: float = 0.11  # hip joints to the waist
    chest: float = 0.18  # waist to the shoulders
    shoulder_half: float = 0.105
    neck: float = 0.028
    head_up: float = 0.085  # base of the neck to the middle of the head
    head_r: float = 0.072
    upper_arm: float = 0.17
    forearm: float = 0.145
    hand: float = 0.075
    heel_back: float = 0.015
    toe_front: float = 0.118
    thigh_r: tuple[float, float] = (0.062, 0.04)
    shank_r: tuple[float, float] = (0.038, 0.024)
    foot_r: tuple[float, float] = (0.022, 0.013)
    upper_arm_r: tuple[float, float] = (0.036, 0.026)
    forearm_r: tuple[float, float] = (0.025, 0.019)
    hand_r: tuple[float, float] = (0.021, 0.016)
    neck_r: float = 0.04
    chest_r: float = 0.084
    waist_r: float = 0.068
    pelvis_r: float = 0.074
    buttock_r: float = 0.07
    nose_r: float = 0.02


PROPORTIONS = Proportions()


# --- the body ------------------------------------------------------------------------------------


class Sphere(Struct, frozen=True):
    centre: Vec
    radius: float

    @property
    def bottom(self) -> float:
        return self.centre[1] - self.radius


class Body(Struct, frozen=True):
    """Joint positions and part orientations of one pose, in world terms."""

    points: Mapping[str, Vec]
    bases: Mapping[str, Basis]
    proportions: Proportions = PROPORTIONS

    def moved(self, offset: Vec) -> Body:
        return Body({k: add(p, offset) for k, p in self.points.items()}, self.bases,
                    self.proportions)

    def turned(self, pivot: Vec, axis: Vec, degrees: float) -> Body:
        if degrees == 0:
            return self
        points = {k: add(pivot, rotate(sub(p, pivot), axis, degrees))
                  for k, p in self.points.items()}
        bases = {k: b.rotated(axis, degrees) for k, b in self.bases.items()}
        return Body(points, bases, self.proportions)

    def sphere(self, name: str) -> Sphere:
        """The named round part (`torso_spheres`, contacts): centre and radius."""
        return _SPHERES[name](self)

    def contact_sphere(self, point: BodyPoint) -> Sphere:
        return self.sphere(_CONTACT_SPHERES[point])

    def contact_reference(self, point: BodyPoint) -> tuple[Vec, float]:
        """A point of the contact part and how far its lowest point lies below it; a foot
        counts as laid flat and a hand as laid flat on its palm."""
        if point in (BodyPoint.LEFT_FOOT, BodyPoint.RIGHT_FOOT):
            side = "left" if point is BodyPoint.LEFT_FOOT else "right"
            return self.points[f"{side}_ankle"], self.proportions.ankle_height
        if point in (BodyPoint.LEFT_HAND, BodyPoint.RIGHT_HAND):
            side = "left" if point is BodyPoint.LEFT_HAND else "right"
            return self.points[f"{side}_wrist"], PALM
        sphere = self.contact_sphere(point)
        return sphere.centre, sphere.radius

    def contact_bottom(self, point: BodyPoint) -> float:
        """The height of the lowest point of a contact part (see `contact_reference`)."""
        centre, below = self.contact_reference(point)
        return centre[1] - below

    def lowest(self) -> float:
        """The lowest point of the whole body's surface."""
        return min(part.lowest for part in body_parts(self))


def neg(v: Vec) -> Vec:
    return mul(v, -1.0)


def _posture_basis(posture: Posture, lying_on: LyingOn) -> Basis:
    x, y, z = (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0)
    if posture in (Posture.STANDING, Posture.SEATED, Posture.KNEELING):
        return Basis(x, y, z)
    if posture is Posture.SUPINE:
        return Basis(y, x, neg(z))
    if posture in (Posture.PRONE, Posture.QUADRUPED):
        return Basis(neg(y), x, z)
    if lying_on is LyingOn.RIGHT:  # side-lying: the right side down
        return Basis(neg(z), x, neg(y))
    return Basis(z, x, y)


def _view_direction(basis: Basis, view: View) -> Vec:
    return {
        View.SIDE: mul(basis.r, -1.0), View.FRONT: basis.f, View.BACK: mul(basis.f, -1.0),
        View.HEAD: basis.u, View.FEET: mul(basis.u, -1.0),
    }[view]


def body_basis(posture: Posture, lying_on: LyingOn, view: View) -> Basis:
    """The pelvis at rest, turned so that the side of the body `view` names faces the viewer
    (who stands on the +z side looking towards -z)."""
    basis = _posture_basis(posture, lying_on)
    direction = _view_direction(basis, view)
    yaw = -math.degrees(math.atan2(direction[0], direction[2]))
    return basis.rotated(UP, yaw)


def forward_kinematics(angles: Angles, rest: Basis,
                       proportions: Proportions = PROPORTIONS) -> Body:
    """Joint positions from joint angles, the middle of the pelvis at the origin."""
    p = proportions
    pelvis = (rest.turn("r", -angles.pelvis_pitch).turn("f", angles.pelvis_roll)
              .turn("u", angles.pelvis_yaw))
    chest = (pelvis.turn("r", -angles.trunk_flex).turn("f", -angles.trunk_bend)
             .turn("u", angles.trunk_twist))
    head = chest.turn("r", -angles.neck)
    origin: Vec = (0.0, 0.0, 0.0)
    waist = pelvis.at(up=p.lumbar)
    shoulders = add(waist, chest.at(up=p.chest))
    neck = add(shoulders, chest.at(up=p.neck))
    points: dict[str, Vec] = {
        "pelvis": origin, "waist": waist, "shoulders": shoulders, "neck": neck,
        "head": add(neck, head.at(up=p.head_up)),
    }
    bases: dict[str, Basis] = {"pelvis": pelvis, "chest": chest, "head": head}
    for side, sign in (("left", 1.0), ("right", -1.0)):
        _leg(points, bases, angles, side, sign, pelvis, p)
        _arm(points, bases, angles, side, sign, chest, shoulders, p)
    return Body(points, bases, proportions)


def _leg(points: dict[str, Vec], bases: dict[str, Basis], angles: Angles, side: str,
         sign: float, pelvis: Basis, p: Proportions) -> None:
    flex = getattr(angles, f"{side}_hip_flex")
    abd = getattr(angles, f"{side}_hip_abd")
    rot = getattr(angles, f"{side}_hip_rot")
    thigh = pelvis.turn("r", flex).turn("f", sign * abd).turn("u", sign * rot)
    shank = thigh.turn("r", -getattr(angles, f"{side}_knee"))
    foot = shank.turn("r", -getattr(angles, f"{side}_ankle"))
    hip = pelvis.at(right=-sign * p.hip_half)
    knee = add(hip, thigh.at(up=-p.thigh))
    ankle = add(knee, shank.at(up=-p.shank))
    points[f"{side}_hip"] = hip
    points[f"{side}_knee"] = knee
    points[f"{side}_ankle"] = ankle
    bases[f"{side}_thigh"] = thigh
    bases[f"{side}_shank"] = shank
    bases[f"{side}_foot"] = foot
    _place_foot(points, foot, side, ankle, p)


def _place_foot(points: dict[str, Vec], foot: Basis, side: str, ankle: Vec,
                p: Proportions) -> None:
    heel_r, toe_r = p.foot_r
    points[f"{side}_heel"] = add(ankle, foot.at(forward=-p.heel_back,
                                                up=-(p.ankle_height - heel_r)))
    points[f"{side}_toe"] = add(ankle, foot.at(forward=p.toe_front,
                                               up=-(p.ankle_height - toe_r)))


def _arm(points: dict[str, Vec], bases: dict[str, Basis], angles: Angles, side: str,
         sign: float, chest: Basis, shoulders: Vec, p: Proportions) -> None:
    upper = (chest.turn("r", getattr(angles, f"{side}_shoulder_flex"))
             .turn("f", sign * getattr(angles, f"{side}_shoulder_abd")))
    fore = upper.turn("r", getattr(angles, f"{side}_elbow"))
    hand = fore.turn("r", getattr(angles, f"{side}_wrist"))
    shoulder = add(shoulders, chest.at(up=-0.012, right=-sign * p.shoulder_half))
    elbow = add(shoulder, upper.at(up=-p.upper_arm))
    wrist = add(elbow, fore.at(up=-p.forearm))
    points[f"{side}_shoulder"] = shoulder
    points[f"{side}_elbow"] = elbow
    points[f"{side}_wrist"] = wrist
    points[f"{side}_fingers"] = add(wrist, hand.at(up=-p.hand))
    bases[f"{side}_upper_arm"] = upper
    bases[f"{side}_forearm"] = fore
    bases[f"{side}_hand"] = hand


def flatten_feet(body: Body, feet: Iterable[str]) -> Body:
    """Lay the named feet ('left', 'right') flat on the ground, pointing where the shank points;
    the ankle angle follows (see `ankle_angle`)."""
    points = dict(body.points)
    bases = dict(body.bases)
    for side in feet:
        shank = body.bases[f"{side}_shank"]
        forward = unit((shank.f[0], 0.0, shank.f[2]))
        if length(forward) == 0:
            forward = unit((body.bases["pelvis"].f[0], 0.0, body.bases["pelvis"].f[2]))
        foot = Basis(forward, UP, cross(forward, UP))
        bases[f"{side}_foot"] = foot
        _place_foot(points, foot, side, points[f"{side}_ankle"], body.proportions)
    return Body(points, bases, body.proportions)


def ankle_angle(body: Body, side: str) -> float:
    """The ankle's bend as `Angles` measures it (+ toes pointed), from the placed feet."""
    shank = body.bases[f"{side}_shank"]
    foot = body.bases[f"{side}_foot"]
    # 0 when the foot is square to the shank; + when it points away from the shin.
    return math.degrees(math.atan2(-dot(foot.f, shank.u), dot(foot.f, shank.f)))


# --- round parts: contacts and the torso ---------------------------------------------------------


SphereOf = Callable[[Body], Sphere]


def _sphere_table() -> dict[str, SphereOf]:
    def joint(name: str, radius: float | str) -> SphereOf:
        def make(body: Body) -> Sphere:
            r = radius if isinstance(radius, float) else _radius(body.proportions, radius)
            return Sphere(body.points[name], r)
        return make

    def at_pelvis(forward: float, up: float, right: float, radius: str) -> SphereOf:
        def make(body: Body) -> Sphere:
            centre = body.bases["pelvis"].at(forward, up, right)
            return Sphere(add(body.points["pelvis"], centre),
                          _radius(body.proportions, radius))
        return make

    def at_chest(forward: float, up: float, right: float, radius: str) -> SphereOf:
        def make(body: Body) -> Sphere:
            centre = body.bases["chest"].at(forward, up, right)
            return Sphere(add(body.points["waist"], centre), _radius(body.proportions, radius))
        return make

    table: dict[str, SphereOf] = {
        "head": joint("head", "head_r"),
        "nose": _nose,
        "neck": joint("neck", "neck_r"),
        "waist": joint("waist", "waist_r"),
        "seat": at_pelvis(-0.035, -0.02, 0.0, "pelvis_r"),
        "upper_back": at_chest(0.0, 0.12, 0.0, "chest_r"),
    }
    for side, sign in (("left", -1.0), ("right", 1.0)):
        table[f"{side}_chest"] = at_chest(0.012, 0.125, sign * 0.056, "chest_r")
        table[f"{side}_pelvis"] = at_pelvis(0.0, 0.012, sign * 0.052, "pelvis_r")
        table[f"{side}_buttock"] = at_pelvis(-0.036, -0.022, sign * 0.048, "buttock_r")
        table[f"{side}_shoulder"] = joint(f"{side}_shoulder", 0.044)
        table[f"{side}_elbow"] = joint(f"{side}_elbow", 0.026)
        table[f"{side}_hand"] = joint(f"{side}_fingers", 0.024)
        table[f"{side}_knee"] = joint(f"{side}_knee", KNEE_PAD)
        table[f"{side}_ankle"] = joint(f"{side}_ankle", 0.026)
        table[f"{side}_heel"] = joint(f"{side}_heel", 0.022)
        table[f"{side}_toe"] = joint(f"{side}_toe", 0.013)
    return table


def _nose(body: Body) -> Sphere:
    head = body.bases["head"]
    p = body.proportions
    return Sphere(add(body.points["head"], head.at(forward=p.head_r * 0.92, up=-0.012)),
                  p.nose_r)


def _radius(p: Proportions, name: str) -> float:
    value = getattr(p, name)
    return float(value)


_SPHERES: dict[str, SphereOf] = _sphere_table()

_CONTACT_SPHERES: dict[BodyPoint, str] = {
    BodyPoint.LEFT_FOOT: "left_heel", BodyPoint.RIGHT_FOOT: "right_heel",
    BodyPoint.LEFT_TOES: "left_toe", BodyPoint.RIGHT_TOES: "right_toe",
    BodyPoint.LEFT_HEEL: "left_heel", BodyPoint.RIGHT_HEEL: "right_heel",
    BodyPoint.LEFT_ANKLE: "left_ankle", BodyPoint.RIGHT_ANKLE: "right_ankle",
    BodyPoint.LEFT_KNEE: "left_knee", BodyPoint.RIGHT_KNEE: "right_knee",
    BodyPoint.LEFT_HIP: "left_pelvis", BodyPoint.RIGHT_HIP: "right_pelvis",
    BodyPoint.SEAT: "seat", BodyPoint.UPPER_BACK: "upper_back",
    BodyPoint.LEFT_SHOULDER: "left_shoulder", BodyPoint.RIGHT_SHOULDER: "right_shoulder",
    BodyPoint.LEFT_ELBOW: "left_elbow", BodyPoint.RIGHT_ELBOW: "right_elbow",
    BodyPoint.LEFT_HAND: "left_hand", BodyPoint.RIGHT_HAND: "right_hand",
    BodyPoint.HEAD: "head",
}

UPPER_TORSO = ("left_chest", "right_chest", "left_shoulder", "right_shoulder", "waist")
LOWER_TORSO = ("waist", "left_pelvis", "right_pelvis", "left_buttock", "right_buttock")


class Part(Struct, frozen=True):
    """A piece of the body's surface: a tapered capsule between two spheres, or a hull round
    several. `lowest` is its lowest point."""

    name: str
    spheres: tuple[Sphere, ...]
    kind: str  # "capsule", "hull" or "ball"
    side: str = ""  # "left", "right" or "" for the middle of the body

    @property
    def lowest(self) -> float:
        return min(s.bottom for s in self.spheres)


def _capsule(body: Body, name: str, side: str, a: str, b: str,
             radii: tuple[float, float]) -> Part:
    return Part(name, (Sphere(body.points[a], radii[0]), Sphere(body.points[b], radii[1])),
                "capsule", side)


def body_parts(body: Body) -> list[Part]:
    """Every piece of the body's surface."""
    p = body.proportions
    parts = [
        Part("upper_torso", tuple(body.sphere(n) for n in UPPER_TORSO), "hull"),
        Part("lower_torso", tuple(body.sphere(n) for n in LOWER_TORSO), "hull"),
        Part("neck", (body.sphere("neck"), Sphere(body.points["head"], p.neck_r)), "capsule"),
        Part("head", (body.sphere("head"), body.sphere("nose")), "hull"),
    ]
    for side in ("left", "right"):
        parts += [
            _capsule(body, f"{side}_thigh", side, f"{side}_hip", f"{side}_knee", p.thigh_r),
            _capsule(body, f"{side}_shank", side, f"{side}_knee", f"{side}_ankle", p.shank_r),
            _capsule(body, f"{side}_foot", side, f"{side}_heel", f"{side}_toe", p.foot_r),
            _capsule(body, f"{side}_upper_arm", side, f"{side}_shoulder", f"{side}_elbow",
                     p.upper_arm_r),
            _capsule(body, f"{side}_forearm", side, f"{side}_elbow", f"{side}_wrist",
                     p.forearm_r),
            _capsule(body, f"{side}_hand", side, f"{side}_wrist", f"{side}_fingers", p.hand_r),
        ]
    return parts


# --- placing the body on its supports ----------------------------------------------------------


SURFACE_HEIGHTS = {Surface.FLOOR: 0.0, Surface.STEP: STEP_HEIGHT, Surface.BLOCK: BLOCK_HEIGHT}


def supports(contacts: Mapping[BodyPoint, Surface]) -> list[tuple[BodyPoint, Surface]]:
    """The contacts that carry weight, in the order given (the first is the anchor)."""
    return [(point, surface) for point, surface in contacts.items() if surface.carries_weight]


#: Contacts met by turning the foot at the ankle rather than by moving the body.
_TIPS: dict[BodyPoint, tuple[str, str]] = {
    BodyPoint.LEFT_TOES: ("left", "toe"), BodyPoint.RIGHT_TOES: ("right", "toe"),
    BodyPoint.LEFT_HEEL: ("left", "heel"), BodyPoint.RIGHT_HEEL: ("right", "heel"),
}


def _laid_flat(contacts: Mapping[BodyPoint, Surface], left: BodyPoint,
               right: BodyPoint) -> list[str]:
    return [side for side, point in (("left", left), ("right", right))
            if point in contacts and contacts[point].carries_weight]


def _flat_feet(contacts: Mapping[BodyPoint, Surface]) -> list[str]:
    return _laid_flat(contacts, BodyPoint.LEFT_FOOT, BodyPoint.RIGHT_FOOT)


def settle(body: Body, contacts: Mapping[BodyPoint, Surface]) -> Body:
    """Rest the body on its weight-carrying contacts.

    The body is tilted (about two level axes through the first contact) until its supports
    lie as nearly as they can on their surfaces, then lowered until the lowest of them touches.
    Feet and hands that carry weight are laid flat; toes and heels are put down by turning the
    ankle. With no support the lowest point goes to the floor. Horizontal position is kept.
    """
    held = [(p, SURFACE_HEIGHTS[s]) for p, s in supports(contacts) if p not in _TIPS]
    if not held:
        body = _tips_down(body, contacts)
        return body.moved((0.0, -body.lowest(), 0.0))
    body = _level(body, held)
    body = flatten_feet(body, _flat_feet(contacts))
    body = flatten_hands(body, _laid_flat(contacts, BodyPoint.LEFT_HAND, BodyPoint.RIGHT_HAND))
    drop = min(body.contact_bottom(point) - height for point, height in held)
    body = _tips_down(body.moved((0.0, -drop, 0.0)), contacts)
    # Between keyframes a limb on its way down may reach the floor a moment early: the body
    # rises that little rather than let it pass through.
    sunk = body.lowest()
    return body.moved((0.0, -sunk, 0.0)) if sunk < 0.0 else body


_X: Vec = (1.0, 0.0, 0.0)
_Z: Vec = (0.0, 0.0, 1.0)


def _level(body: Body, held: Sequence[tuple[BodyPoint, float]]) -> Body:
    """Tilt so the supports' heights above their surfaces are as equal as they can be: a few
    Gauss-Newton steps on two angles, kept small where the supports do not decide them.

    Only the supports' reference points are turned while searching; the body once, at the end.
    """
    pivot = body.contact_sphere(held[0][0]).centre
    references = [(sub(centre, pivot), below + height) for centre, below, height in (
        (*body.contact_reference(point), height) for point, height in held)]
    reach = max(_horizontal(offset) for offset, _ in references)
    if len(held) < 2 or reach <= LEVEL_SPAN:
        return body

    def residuals(tilt_x: float, tilt_z: float) -> list[float]:
        gaps = [rotate(rotate(offset, _X, tilt_x), _Z, tilt_z)[1] - below
                for offset, below in references]
        mean = sum(gaps) / len(gaps)
        return [g - mean for g in gaps]

    angles = [0.0, 0.0]
    step = 0.5
    for _ in range(4):
        base = residuals(*angles)
        columns = [
            [(a - b) / step for a, b in zip(residuals(angles[0] + step, angles[1]), base,
                                            strict=True)],
            [(a - b) / step for a, b in zip(residuals(angles[0], angles[1] + step), base,
                                            strict=True)],
        ]
        # Normal equations with a little damping: (JᵀJ + λI) d = -Jᵀr.
        damping = 1e-6
        a11 = sum(c * c for c in columns[0]) + damping
        a22 = sum(c * c for c in columns[1]) + damping
        a12 = sum(c * d for c, d in zip(*columns, strict=True))
        b1 = -sum(c * r for c, r in zip(columns[0], base, strict=True))
        b2 = -sum(c * r for c, r in zip(columns[1], base, strict=True))
        det = a11 * a22 - a12 * a12
        if abs(det) < 1e-18:
            break
        angles[0] += (b1 * a22 - b2 * a12) / det
        angles[1] += (a11 * b2 - a12 * b1) / det
    return body.turned(pivot, _X, angles[0]).turned(pivot, _Z, angles[1])


def flatten_hands(body: Body, hands: Iterable[str]) -> Body:
    """Lay the named hands flat, fingers pointing the way the head does; the wrist bends."""
    points = dict(body.points)
    bases = dict(body.bases)
    chest = body.bases["chest"]
    forward = unit(_xz(chest.u))
    if length(forward) == 0:
        forward = unit(_xz(chest.f))
    for side in hands:
        fore = body.bases[f"{side}_forearm"]
        angle = math.degrees(math.atan2(dot(forward, fore.f), -dot(forward, fore.u)))
        hand = fore.turn("r", angle)
        bases[f"{side}_hand"] = hand
        points[f"{side}_fingers"] = add(points[f"{side}_wrist"],
                                        hand.at(up=-body.proportions.hand))
    return Body(points, bases, body.proportions)


def wrist_angle(body: Body, side: str) -> float:
    """The wrist's bend as `Angles` measures it, from the placed hands."""
    fore = body.bases[f"{side}_forearm"]
    direction = mul(body.bases[f"{side}_hand"].u, -1.0)
    return math.degrees(math.atan2(dot(direction, fore.f), -dot(direction, fore.u)))


def _tips_down(body: Body, contacts: Mapping[BodyPoint, Surface]) -> Body:
    """Turn each ankle with a toes or heel contact until that tip touches its surface; turn
    any other foot or hand that would go through the floor until it rests on it instead."""
    for point, surface in contacts.items():
        if point in _TIPS and surface.carries_weight:
            side, tip = _TIPS[point]
            body = _ankle_to(body, side, tip, SURFACE_HEIGHTS[surface])
    held = {point for point, surface in contacts.items() if surface.carries_weight}
    for side in ("left", "right"):
        feet = {BodyPoint(f"{side}_{part}") for part in ("foot", "toes", "heel", "ankle")}
        if not feet & held:
            tip = min(("toe", "heel"), key=lambda t: body.sphere(f"{side}_{t}").bottom)
            if body.sphere(f"{side}_{tip}").bottom < 0.0:
                body = _ankle_to(body, side, tip, 0.0, near=True)
        if BodyPoint(f"{side}_hand") not in held and body.sphere(f"{side}_hand").bottom < 0.0:
            body = _wrist_to_floor(body, side)
    return body


def _solve_angle(a: float, b: float, c: float, low: float, high: float,
                 start: float | None) -> float:
    """The angle x in [low, high] degrees with a·cos x + b·sin x = c (the one nearest `start`,
    if given, else the lowest), or the one in range that comes nearest."""
    size = math.hypot(a, b)
    phase = math.degrees(math.atan2(b, a))
    if size < 1e-12:
        return min(high, max(low, start if start is not None else 0.0))
    spread = math.degrees(math.acos(min(1.0, max(-1.0, c / size))))
    candidates = [phase + k * 360.0 + sign * spread for k in (-1, 0, 1) for sign in (-1, 1)]
    inside = [x for x in candidates if low - 1e-9 <= x <= high + 1e-9]
    if not inside or abs(c) > size:
        # No exact answer in range: the end of the range where the sum comes closest.
        def miss(x: float) -> float:
            return abs(a * math.cos(math.radians(x)) + b * math.sin(math.radians(x)) - c)
        return min((low, high, *inside), key=miss)
    if start is None:
        return min(inside)
    return min(inside, key=lambda x: abs(x - start))


def _ankle_to(body: Body, side: str, tip: str, height: float, near: bool = False) -> Body:
    """Turn the ankle until the toe (or heel) tip rests at `height`; with `near`, the turn
    closest to the foot's present angle."""
    p = body.proportions
    shank = body.bases[f"{side}_shank"]
    ankle = body.points[f"{side}_ankle"]
    radius = p.foot_r[1] if tip == "toe" else p.foot_r[0]
    ahead = p.toe_front if tip == "toe" else -p.heel_back
    below = p.ankle_height - radius
    # The foot turned by x: f·cos x - u·sin x forward and u·cos x + f·sin x up, so the tip's
    # height is the ankle's + cos x (ahead·f - below·u) + sin x (-ahead·u - below·f).
    f_y, u_y = shank.f[1], shank.u[1]
    low, high = RANGE_ANKLE
    start = ankle_angle(body, side) if near else None
    if start is not None:  # only a little way from where it is
        low, high = max(low, start - 40.0), min(high, start + 40.0)
    best = _solve_angle(ahead * f_y - below * u_y, -ahead * u_y - below * f_y,
                        height + radius - ankle[1], low, high, start)
    foot = shank.turn("r", -best)
    points = dict(body.points)
    _place_foot(points, foot, side, ankle, p)
    bases = dict(body.bases)
    bases[f"{side}_foot"] = foot
    return Body(points, bases, p)


def _wrist_to_floor(body: Body, side: str) -> Body:
    """Bend the wrist, as little as will do, until the fingers rest on the floor."""
    p = body.proportions
    fore = body.bases[f"{side}_forearm"]
    wrist = body.points[f"{side}_wrist"]
    radius = body.sphere(f"{side}_hand").radius
    # Bent by x, the hand points along -(u·cos x - f·sin x).
    start = wrist_angle(body, side)
    low, high = RANGES["wrist"]
    low, high = max(low, start - 40.0), min(high, start + 40.0)
    best = _solve_angle(-p.hand * fore.u[1], p.hand * fore.f[1], radius - wrist[1], low, high,
                        start)
    hand = fore.turn("r", best)
    points = dict(body.points)
    points[f"{side}_fingers"] = add(wrist, hand.at(up=-p.hand))
    bases = dict(body.bases)
    bases[f"{side}_hand"] = hand
    return Body(points, bases, p)


def _horizontal(v: Vec) -> float:
    return math.hypot(v[0], v[2])


# --- easing and the place in a movement ----------------------------------------------------------


def ease(t: float) -> float:
    """Ease in and out: slow at both keyframes; exactly 0 at 0 and exactly 1 at 1."""
    if t <= 0.0:
        return 0.0
    if t >= 1.0:
        return 1.0
    return (1.0 - math.cos(math.pi * t)) / 2.0


class TimingKind(StrEnum):
    STILL = "still"  # at a keyframe: `value` is its index
    HOLD = "hold"  # `value` seconds into a hold
    DOWN = "down"  # a tempo rep's lowering, `value` 0..1 of it done
    PAUSE = "pause"  # a tempo rep's pause at the end pose
    UP = "up"  # a tempo rep's return, `value` 0..1 of it done
    CYCLE = "cycle"  # self-paced, `value` seconds into the set


class Timing(Struct, frozen=True):
    """Where in its movement the figure is."""

    kind: TimingKind
    value: float = 0.0

    @staticmethod
    def start() -> Timing:
        return Timing(TimingKind.STILL, 0.0)

    @staticmethod
    def end() -> Timing:
        return Timing(TimingKind.STILL, -1.0)


# --- the movement ---------------------------------------------------------------------------------


class Emphasis(StrEnum):
    NONE = "none"
    PRIMARY = "primary"
    SECONDARY = "secondary"


class Glutes(Struct, frozen=True):
    """How strongly each glute is shown as worked (the exercise's main or helping muscles)."""

    maximus: Emphasis = Emphasis.PRIMARY
    medius: Emphasis = Emphasis.NONE  # medius and the minimus under it


#: The glutes as most exercises work them: the maximus main, the medius not shown.
MAXIMUS_WORKED = Glutes()


class Box(Struct, frozen=True):
    """A prop: a box standing on the floor, in world terms, `axis` being its front."""

    role: str  # "wall", "chair_seat", "chair_back", "chair_leg", "step", "block"
    centre: Vec
    half: Vec  # half sizes along (front, up, side)
    front: Vec  # unit, horizontal


class Movement:
    """A pose made to move: the placed body at any point of its cycle, and its props.

    The cycle runs through the keyframes in order and back to the first. Its position `c` goes
    from 0 to the number of keyframes; keyframe k is at c = k, and between two keyframes the
    angles ease in and out.
    """

    def __init__(self, pose: Pose, proportions: Proportions = PROPORTIONS) -> None:
        self.pose = pose
        self.proportions = proportions
        self.rest = body_basis(pose.posture, pose.lying_on, pose.view)
        count = len(pose.frames)
        local = [self._settled(frame.angles, frame.contacts) for frame in pose.frames]
        # The angles the placed keyframes really have: a foot laid flat has the ankle angle
        # that laying it flat gave it, so that easing away from it starts where it is.
        self.angles = [_with_flat_ankles(frame.angles, body, frame.contacts)
                       for frame, body in zip(pose.frames, local, strict=True)]
        offsets: list[Vec] = [mul(_xz(self._anchor_centre(local[0], pose.frames[0].contacts)),
                                  -1.0)]
        for index in range(1, count):
            offsets.append(self._carry(local[index - 1].moved(offsets[-1]), local[index],
                                       index - 1, index))
        closing = self._carry(local[-1].moved(offsets[-1]), local[0], count - 1, 0)
        self._drift = sub(closing, offsets[0])  # spread over the closing segment
        self._offsets = offsets
        self.keyframes = [body.moved(offset) for body, offset in zip(local, offsets,
                                                                      strict=True)]
        self.props = self._props()

    # -- positions ---------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return len(self.pose.frames)

    def body_at(self, position: float) -> Body:
        """The placed body at cycle position `position` (see the class)."""
        count = self.count
        position %= count
        index = int(position)
        fraction = position - index
        if fraction == 0.0:
            return self.keyframes[index]
        following = (index + 1) % count
        amount = ease(fraction)
        start, end = self.pose.frames[index], self.pose.frames[following]
        angles = self.angles[index].blend(self.angles[following], amount)
        held = {p: s for p, s in start.contacts.items() if end.contacts.get(p) == s}
        body = self._settled(angles, held)
        anchor = next((p for p, s in held.items() if s.carries_weight), None)
        if anchor is not None:
            fixed = self.keyframes[index].contact_sphere(anchor).centre
            moved = body.contact_sphere(anchor).centre
            offset = _xz(sub(fixed, moved))
            if following == 0:
                offset = sub(offset, mul(self._drift, amount))
        else:
            target = self._offsets[following] if following else add(self._offsets[-1],
                                                                     self._drift)
            offset = add(mul(self._offsets[index], 1 - amount), mul(target, amount))
        return body.moved(offset)

    def angles_at(self, position: float) -> Angles:
        count = self.count
        position %= count
        index = int(position)
        fraction = position - index
        start = self.angles[index]
        if fraction == 0.0:
            return start
        return start.blend(self.angles[(index + 1) % count], ease(fraction))

    def position(self, timing: Timing) -> float:
        """The cycle position at a `Timing`."""
        end = float(self.pose.end_index)
        kind = timing.kind
        if kind is TimingKind.STILL:
            return end if timing.value < 0 else min(timing.value, self.count - 1)
        if kind is TimingKind.HOLD:
            return end * min(1.0, max(0.0, timing.value) / HOLD_MOVE_S)
        if kind is TimingKind.DOWN:
            return end * _clamp(timing.value)
        if kind is TimingKind.PAUSE:
            return end
        if kind is TimingKind.UP:
            done = _clamp(timing.value)
            return 0.0 if done >= 1.0 else end + (self.count - end) * done
        return self._cycle_position(timing.value)

    def _cycle_position(self, seconds: float) -> float:
        step = self.pose.move_s + self.pose.dwell_s
        within = max(0.0, seconds) % (step * self.count)
        index = int(within // step)
        moving = within - index * step
        if moving >= self.pose.move_s:
            return float((index + 1) % self.count)
        return index + moving / self.pose.move_s

    def is_still(self, timing: Timing) -> bool:
        """Whether the figure stays as it is from this timing on (nothing to animate)."""
        if timing.kind in (TimingKind.STILL, TimingKind.PAUSE):
            return True
        return timing.kind is TimingKind.HOLD and timing.value >= HOLD_MOVE_S

    # -- building ----------------------------------------------------------------------------

    def _settled(self, angles: Angles, contacts: Mapping[BodyPoint, Surface]) -> Body:
        return settle(forward_kinematics(angles, self.rest, self.proportions), contacts)

    @staticmethod
    def _anchor_centre(body: Body, contacts: Mapping[BodyPoint, Surface]) -> Vec:
        held = supports(contacts)
        if held:
            return body.contact_sphere(held[0][0]).centre
        return body.points["pelvis"]

    def _carry(self, placed_before: Body, local: Body, before: int, after: int) -> Vec:
        """The horizontal offset that keeps a support shared by two keyframes where it was."""
        start = self.pose.frames[before].contacts
        end = self.pose.frames[after].contacts
        shared = next((p for p, s in start.items()
                       if s.carries_weight and end.get(p) == s), None)
        if shared is None:
            return mul(_xz(self._anchor_centre(local, end)), -1.0)
        fixed = placed_before.contact_sphere(shared).centre
        return _xz(sub(fixed, local.contact_sphere(shared).centre))

    def _first_with(self, surface: Surface) -> tuple[Body, BodyPoint] | None:
        for body, frame in zip(self.keyframes, self.pose.frames, strict=True):
            for point, touched in frame.contacts.items():
                if touched is surface:
                    return body, point
        return None

    def _props(self) -> list[Box]:
        boxes: list[Box] = []
        facing = unit(_xz(self.keyframes[0].bases["pelvis"].f))
        if length(facing) == 0:  # lying down: the pelvis faces up; use the head direction
            facing = unit(_xz(self.keyframes[0].bases["pelvis"].u))
        for surface in (Surface.STEP, Surface.BLOCK):
            for body, frame in zip(self.keyframes, self.pose.frames, strict=True):
                for point, touched in frame.contacts.items():
                    if touched is surface:
                        boxes.append(_support_box(surface, body, point, facing))
        found = self._first_with(Surface.CHAIR)
        if found is not None:
            boxes += _chair(*found, facing)
        found = self._first_with(Surface.WALL)
        if found is not None:
            boxes.append(_wall(*found, self.pose.wall))
        return _unique(boxes)


def _with_flat_ankles(angles: Angles, body: Body,
                      contacts: Mapping[BodyPoint, Surface]) -> Angles:
    sides = _flat_feet(contacts) + [_TIPS[p][0] for p, s in contacts.items()
                                    if p in _TIPS and s.carries_weight]
    changes = {f"{side}_ankle": ankle_angle(body, side) for side in sides}
    for side in _laid_flat(contacts, BodyPoint.LEFT_HAND, BodyPoint.RIGHT_HAND):
        changes[f"{side}_wrist"] = wrist_angle(body, side)
    return replace(angles, **changes)


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def _xz(v: Vec) -> Vec:
    return (v[0], 0.0, v[2])


def _unique(boxes: list[Box]) -> list[Box]:
    seen: list[Box] = []
    for box in boxes:
        if not any(b.role == box.role and length(sub(b.centre, box.centre)) < 0.02 for b in seen):
            seen.append(box)
    return seen


def _support_box(surface: Surface, body: Body, point: BodyPoint, facing: Vec) -> Box:
    centre = body.contact_sphere(point).centre
    if point in (BodyPoint.LEFT_FOOT, BodyPoint.RIGHT_FOOT):
        side_name = point.value.removesuffix("_foot")
        centre = mul(add(body.points[f"{side_name}_heel"], body.points[f"{side_name}_toe"]), 0.5)
    side = cross(facing, UP)
    if surface is Surface.BLOCK:
        return Box("block", (centre[0], BLOCK_HEIGHT / 2, centre[2]), (0.06, BLOCK_HEIGHT / 2,
                                                                        0.1), facing)
    # A step under one foot, its inside edge just inside that foot so the other hangs free.
    is_left = point.value.startswith("left")
    pelvis = body.points["pelvis"]
    outward = mul(side, 1.0 if dot(sub(centre, pelvis), side) >= 0 else -1.0)
    if not (is_left or point.value.startswith("right")):
        outward = side
    middle = add((centre[0], STEP_HEIGHT / 2, centre[2]), mul(outward, 0.07))
    return Box("step", middle, (0.13, STEP_HEIGHT / 2, 0.13), facing)


def _chair(body: Body, point: BodyPoint, facing: Vec) -> list[Box]:
    """A chair under the seat, or one whose back is under a hand, facing the way the body does
    (or away from it, for a hand on its back)."""
    sphere = body.contact_sphere(point)
    if point in (BodyPoint.LEFT_HAND, BodyPoint.RIGHT_HAND):
        top = sphere.bottom
        front = facing
        back_centre = add((sphere.centre[0], 0.0, sphere.centre[2]), mul(front, 0.02))
        seat_height = max(0.2, top - 0.24)
        seat_centre = add(back_centre, mul(front, 0.13))
    else:
        seat_height = sphere.bottom
        front = facing
        seat_centre = add((sphere.centre[0], 0.0, sphere.centre[2]), mul(front, -0.02))
        back_centre = add(seat_centre, mul(front, -0.12))
        top = seat_height + 0.26
    return _chair_boxes(seat_centre, back_centre, seat_height, top, front)


def _chair_boxes(seat_centre: Vec, back_centre: Vec, seat_height: float, top: float,
                 front: Vec) -> list[Box]:
    side = cross(front, UP)
    boxes = [Box("chair_seat", (seat_centre[0], seat_height - 0.015, seat_centre[2]),
                 (0.13, 0.015, 0.13), front)]
    back_height = top - seat_height
    boxes.append(Box("chair_back", (back_centre[0], seat_height + back_height / 2,
                                    back_centre[2]), (0.012, back_height / 2, 0.125), front))
    legs_height = seat_height - 0.03
    for along in (-0.115, 0.115):
        for across in (-0.115, 0.115):
            centre = add(add(seat_centre, mul(front, along)), mul(side, across))
            boxes.append(Box("chair_leg", (centre[0], legs_height / 2, centre[2]),
                             (0.011, legs_height / 2, 0.011), front))
    return boxes


def _wall(body: Body, point: BodyPoint, where: WallSide) -> Box:
    """A wall standing where the body touches it, on the side of the body `where` names."""
    pelvis = body.bases["pelvis"]
    direction = {
        WallSide.FRONT: pelvis.f, WallSide.BACK: mul(pelvis.f, -1.0),
        WallSide.LEFT: mul(pelvis.r, -1.0), WallSide.RIGHT: pelvis.r,
    }[where]
    normal = unit(_xz(direction))
    if length(normal) == 0:
        normal = unit(_xz(pelvis.u))
    sphere = body.contact_sphere(point)
    thickness = 0.03
    plane = dot(sphere.centre, normal) + sphere.radius + thickness / 2
    along = cross(normal, UP)
    # Along the wall: as far as the body reaches, and a little more; up: above the contact.
    reach = [dot(p, along) for p in body.points.values()]
    middle = (min(reach) + max(reach)) / 2
    half_width = (max(reach) - min(reach)) / 2 + 0.14
    height = max(0.55, sphere.centre[1] + 0.25)
    centre = add(add(mul(normal, plane), mul(along, middle)), (0.0, height / 2, 0.0))
    return Box("wall", centre, (thickness / 2, height / 2, half_width), normal)


# --- projecting to flat shapes -------------------------------------------------------------------


class Role(StrEnum):
    """What a flat shape is, for the painter to choose its colour."""

    FLOOR = "floor"
    MAT = "mat"
    WALL = "wall"
    FURNITURE = "furniture"
    FAR = "far"  # limbs on the far side
    BODY = "body"  # the torso, head and near limbs
    GLUTE = "glute"  # the main target
    GLUTE_HELPS = "glute_helps"  # a glute that helps
    BAND = "band"
    WEIGHT = "weight"


class Shape(Struct, frozen=True):
    """One filled polygon (or, with `line`, a stroked polyline) in stage units, y up."""

    role: Role
    points: tuple[Point, ...]
    line: bool = False
    clip_to_torso: bool = False  # glutes: only where the torso is
    alpha: float = 1.0
    part: str = ""


class Drawing(Struct, frozen=True):
    """The figure and its props, far to near, in stage units: x right, y up, floor at y = 0."""

    shapes: tuple[Shape, ...]
    torso: tuple[tuple[Point, ...], ...]  # outlines that glute shapes are clipped to


class Camera(Struct, frozen=True):
    """The viewer: turned `turn` degrees round the vertical, looking down `elevation`."""

    turn: float = 0.0
    elevation: float = 0.0

    def project(self, v: Vec) -> tuple[float, float, float]:
        """Screen x, screen y (up) and depth (towards the viewer)."""
        x, y, z = rotate(v, UP, self.turn)
        e = math.radians(self.elevation)
        return x, y * math.cos(e) - z * math.sin(e), z * math.cos(e) + y * math.sin(e)

    def towards_viewer(self) -> Vec:
        """A unit vector from the scene towards the viewer, in world terms."""
        e = math.radians(self.elevation)
        return rotate((0.0, math.sin(e), math.cos(e)), UP, -self.turn)


def _circle(centre: Point, radius: float, steps: int = 28) -> list[Point]:
    return [(centre[0] + radius * math.cos(2 * math.pi * i / steps),
             centre[1] + radius * math.sin(2 * math.pi * i / steps)) for i in range(steps)]


def _hull(points: Sequence[Point]) -> tuple[Point, ...]:
    """The convex hull, anticlockwise (Andrew's monotone chain)."""
    ordered = sorted(set(points))
    if len(ordered) <= 2:
        return tuple(ordered)

    def turn(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for point in ordered:
        while len(lower) >= 2 and turn(lower[-2], lower[-1], point) <= 0:
            lower.pop()
        lower.append(point)
    upper: list[Point] = []
    for point in reversed(ordered):
        while len(upper) >= 2 and turn(upper[-2], upper[-1], point) <= 0:
            upper.pop()
        upper.append(point)
    return tuple(lower[:-1] + upper[:-1])


def _arc(centre: Point, radius: float, start: float, end: float, steps: int) -> list[Point]:
    return [(centre[0] + radius * math.cos(start + (end - start) * i / steps),
             centre[1] + radius * math.sin(start + (end - start) * i / steps))
            for i in range(steps + 1)]


def _capsule_outline(a: Point, ra: float, b: Point, rb: float) -> tuple[Point, ...]:
    """Two circles joined by their outer tangents: a tapered limb, anticlockwise."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    distance = math.hypot(dx, dy)
    if distance <= abs(ra - rb) + 1e-9:  # one circle holds the other
        return tuple(_circle(a, ra) if ra >= rb else _circle(b, rb))
    heading = math.atan2(dy, dx)
    spread = math.acos((ra - rb) / distance)
    steps = 10 if max(ra, rb) > 0.03 else 7
    points = _arc(b, rb, heading - spread, heading + spread, steps)
    points += _arc(a, ra, heading + spread, heading + 2 * math.pi - spread, steps)
    return tuple(points)


def _outline(spheres: Sequence[tuple[Point, float]]) -> tuple[Point, ...]:
    points: list[Point] = []
    for centre, radius in spheres:
        points += _circle(centre, radius, 20 if radius > 0.05 else 14)
    return _hull(points)


class Painter:
    """Turns placed bodies into `Drawing`s for one movement, with its glutes and props."""

    def __init__(self, movement: Movement, glutes: Glutes = MAXIMUS_WORKED) -> None:
        self.movement = movement
        self.glutes = glutes
        pose = movement.pose
        self.camera = Camera(pose.turn, pose.elevation)
        self._viewer = self.camera.towards_viewer()
        self._backdrop = self._props()

    @property
    def backdrop(self) -> list[Shape]:
        """The floor, mat and props, the same for every moment of the movement."""
        return self._backdrop

    def drawing(self, body: Body) -> Drawing:
        pelvis_depth = self.camera.project(body.points["pelvis"])[2]
        layered: list[tuple[float, Shape]] = []
        torso: list[tuple[Point, ...]] = []
        for part in body_parts(body):
            shape, depth = self._part_shape(part, pelvis_depth)
            if part.name in ("upper_torso", "lower_torso"):
                torso.append(shape.points)
            layered.append((depth, shape))
        layered.sort(key=lambda item: item[0])
        ordered = [shape for _, shape in layered]
        # The glutes go on the pelvis, over the near thigh, under a near arm or a nearer leg.
        after = max(i for i, shape in enumerate(ordered) if shape.part == "lower_torso" or (
            shape.part.endswith("_thigh") and shape.role is Role.BODY))
        ordered[after + 1:after + 1] = self._glute_shapes(body)
        shapes = [*self._backdrop, *ordered, *self._band(body), *self._weights(body)]
        return Drawing(tuple(shapes), tuple(torso))

    # -- the body -----------------------------------------------------------------------------

    def _flat(self, sphere: Sphere) -> tuple[Point, float, float]:
        x, y, depth = self.camera.project(sphere.centre)
        return (x, y), sphere.radius, depth

    def _part_shape(self, part: Part, pelvis_depth: float) -> tuple[Shape, float]:
        flat = [self._flat(s) for s in part.spheres]
        depth = sum(d for _, _, d in flat) / len(flat)
        if part.kind == "capsule":
            (a, ra, _), (b, rb, _) = flat
            points = _capsule_outline(a, ra, b, rb)
        else:
            points = _outline([(c, r) for c, r, _ in flat])
        far = bool(part.side) and depth < pelvis_depth - 0.03
        if part.name in ("upper_torso", "lower_torso"):
            depth = pelvis_depth
        elif part.name in ("neck", "head"):
            # Nothing of the same body passes between the neck and the viewer but a near arm.
            depth = pelvis_depth + (0.001 if part.name == "neck" else 0.002)
        return Shape(Role.FAR if far else Role.BODY, points, part=part.name), depth

    def _glute_shapes(self, body: Body) -> list[Shape]:
        """The worked glutes, on the pelvis: the maximus fills the buttock, the medius (and the
        minimus under it) fans down the outside of the hip. Each shows where it faces the
        viewer, fading out as it turns away."""
        shapes: list[Shape] = []
        pose = self.movement.pose
        pelvis = body.bases["pelvis"]
        origin = body.points["pelvis"]
        for side in ("left", "right"):
            if pose.highlight.value not in (side, Highlight.BOTH.value):
                continue
            outward = mul(pelvis.r, -1.0 if side == "left" else 1.0)
            buttock = body.sphere(f"{side}_buttock")
            crest = add(origin, add(pelvis.at(forward=-0.01, up=0.05), mul(outward, 0.07)))
            hip = add(origin, add(pelvis.at(forward=-0.012, up=-0.035), mul(outward, 0.085)))
            for emphasis, spheres, normal in (
                # Set back a little: clipped to the torso, it fills the rear of the buttock.
                (self.glutes.maximus,
                 (Sphere(add(buttock.centre, pelvis.at(forward=-0.022)), buttock.radius),),
                 unit(add(mul(pelvis.f, -1.0), mul(outward, 0.5)))),
                (self.glutes.medius, (Sphere(crest, 0.044), Sphere(hip, 0.026)),
                 unit(add(outward, pelvis.at(forward=-0.1, up=0.15)))),
            ):
                if emphasis is Emphasis.NONE:
                    continue
                # Shown where it faces the viewer; a narrow fade, so it is seldom half there.
                alpha = _clamp((dot(normal, self._viewer) + 0.12) / 0.2)
                if alpha <= 0.05:
                    continue
                flat = [self._flat(sphere) for sphere in spheres]
                role = Role.GLUTE if emphasis is Emphasis.PRIMARY else Role.GLUTE_HELPS
                shapes.append(Shape(role, _outline([(c, r) for c, r, _ in flat]),
                                    clip_to_torso=True, alpha=alpha, part=f"{side}_glute"))
        return shapes

    def _band(self, body: Body) -> list[Shape]:
        band = self.movement.pose.band
        if band is None:
            return []
        ring: list[tuple[Point, float]] = []
        for side in ("left", "right"):
            if band is BandAt.ANKLES:
                centre, radius = body.points[f"{side}_ankle"], 0.03
            else:
                share = {BandAt.THIGHS: 0.55, BandAt.ABOVE_KNEES: 0.82,
                         BandAt.BELOW_KNEES: 1.12}[band]
                hip, knee = body.points[f"{side}_hip"], body.points[f"{side}_knee"]
                centre = add(hip, mul(sub(knee, hip), share))
                if share > 1.0:  # below the knee: along the shank
                    ankle = body.points[f"{side}_ankle"]
                    centre = add(knee, mul(sub(ankle, knee), share - 1.0))
                radius = 0.048
            x, y, _ = self.camera.project(centre)
            ring.append(((x, y), radius + 0.008))
        outline = _outline(ring)
        return [Shape(Role.BAND, (*outline, outline[0]), line=True, part="band")]

    def _weights(self, body: Body) -> list[Shape]:
        if not self.movement.pose.weights:
            return []
        shapes = []
        for side in ("left", "right"):
            fore = body.bases[f"{side}_forearm"]
            grip = body.points[f"{side}_fingers"]
            bar = [self.camera.project(add(grip, fore.at(right=k))) for k in (-0.06, 0.06)]
            flat = [((x, y), 0.042) for x, y, _ in bar]
            shapes.append(Shape(Role.WEIGHT, _outline(flat), part=f"{side}_weight"))
        return shapes

    # -- the props ----------------------------------------------------------------------------

    def _props(self) -> list[Shape]:
        movement = self.movement
        pose = movement.pose
        shapes: list[Shape] = []
        low_x, high_x, low_z, high_z = self._floor_extent()
        floor = [(low_x, 0.0, low_z), (high_x, 0.0, low_z), (high_x, 0.0, high_z),
                 (low_x, 0.0, high_z)]
        if pose.posture in (Posture.SUPINE, Posture.PRONE, Posture.SIDE_LYING,
                            Posture.QUADRUPED, Posture.KNEELING):
            inset = 0.05
            mat = [(low_x + inset + 0.08, 0.0, low_z + inset), (high_x - inset - 0.08, 0.0,
                                                                 low_z + inset),
                   (high_x - inset - 0.08, 0.0, high_z - inset),
                   (low_x + inset + 0.08, 0.0, high_z - inset)]
            shapes.append(self._flat_polygon(Role.MAT, mat, thickness=0.012))
        walls = [b for b in movement.props if b.role == "wall"]
        furniture = sorted((b for b in movement.props if b.role != "wall"),
                           key=lambda b: self.camera.project(b.centre)[2])
        shapes = [self._box(b, Role.WALL) for b in walls] + [
            self._floor_line(floor)] + shapes
        shapes += [self._box(b, Role.FURNITURE) for b in furniture]
        return shapes

    def _floor_extent(self) -> tuple[float, float, float, float]:
        xs: list[float] = []
        zs: list[float] = []
        for body in self.movement.keyframes:
            for point in body.points.values():
                xs.append(point[0])
                zs.append(point[2])
        return min(xs) - 0.16, max(xs) + 0.16, min(zs) - 0.12, max(zs) + 0.12

    def _floor_line(self, corners: list[Vec]) -> Shape:
        flat = [self.camera.project(c)[:2] for c in corners]
        if self.camera.elevation < 5:
            low = min(x for x, _ in flat) - 0.35
            high = max(x for x, _ in flat) + 0.35
            return Shape(Role.FLOOR, ((low, 0.0), (high, 0.0)), line=True, part="floor")
        return Shape(Role.FLOOR, _hull(flat), part="floor")

    def _flat_polygon(self, role: Role, corners: list[Vec], thickness: float) -> Shape:
        lifted = [*corners, *((x, y - thickness, z) for x, y, z in corners)]
        return Shape(role, _hull([self.camera.project(c)[:2] for c in lifted]), part=role.value)

    def _box(self, box: Box, role: Role) -> Shape:
        side = cross(box.front, UP)
        corners = [
            add(box.centre, add(add(mul(box.front, a * box.half[0]), mul(UP, b * box.half[1])),
                                mul(side, c * box.half[2])))
            for a in (-1, 1) for b in (-1, 1) for c in (-1, 1)
        ]
        return Shape(role, _hull([self.camera.project(c)[:2] for c in corners]), part=box.role)


def stage_bounds(drawings: Iterable[Drawing]) -> tuple[float, float, float, float]:
    """The box (left, bottom, right, top) round every shape of the drawings."""
    xs: list[float] = []
    ys: list[float] = []
    for drawing in drawings:
        for shape in drawing.shapes:
            if shape.role is Role.FLOOR and shape.line:
                continue  # the floor line runs off both edges
            for x, y in shape.points:
                xs.append(x)
                ys.append(y)
    if not xs:
        return math.inf, math.inf, -math.inf, -math.inf
    return min(xs), min(ys), max(xs), max(ys)


class Figure(Struct):
    """One exercise's movement, ready to draw at any timing, with a fixed stage to draw on."""

    movement: Movement
    painter: Painter
    samples: int = 6
    #: The stage: found in `__post_init__` from the movement (not given).
    bounds: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)

    def __post_init__(self) -> None:
        # Round every part's spheres through the movement (cheaper than drawing it), and the
        # props; a band or weights reach a little past the limbs they are on.
        camera = self.painter.camera
        reach = 0.11 if self.movement.pose.weights else 0.015
        xs: list[float] = []
        ys: list[float] = []
        for index in range(self.movement.count * self.samples):
            for part in body_parts(self.movement.body_at(index / self.samples)):
                for sphere in part.spheres:
                    x, y, _ = camera.project(sphere.centre)
                    radius = sphere.radius + reach
                    xs += (x - radius, x + radius)
                    ys += (y - radius, y + radius)
        left, bottom, right, top = stage_bounds([Drawing(tuple(self.painter.backdrop), ())])
        margin = 0.04
        self.bounds = (min(left, *xs) - margin, min(bottom, 0.0, *ys) - margin,
                       max(right, *xs) + margin, max(top, *ys) + margin)

    @classmethod
    def of(cls, pose: Pose, glutes: Glutes = MAXIMUS_WORKED) -> Figure:
        movement = Movement(pose)
        return cls(movement, Painter(movement, glutes))

    def drawing(self, timing: Timing) -> Drawing:
        return self.painter.drawing(self.movement.body_at(self.movement.position(timing)))

    def body(self, timing: Timing) -> Body:
        return self.movement.body_at(self.movement.position(timing))
