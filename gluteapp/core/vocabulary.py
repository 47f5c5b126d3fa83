"""The words of the exercise library: muscles, equipment, positions and modes.

Kept apart from the schema in `exercises` so that code needing only these (the settings, the
equipment filter) does not load msgspec and the TOML reader at start-up.
"""

from __future__ import annotations

from enum import StrEnum


class Muscle(StrEnum):
    GLUTEUS_MAXIMUS = "gluteus_maximus"
    GLUTEUS_MEDIUS = "gluteus_medius"
    GLUTEUS_MINIMUS = "gluteus_minimus"
    TFL = "tensor_fasciae_latae"
    HAMSTRINGS = "hamstrings"
    QUADRICEPS = "quadriceps"
    ADDUCTORS = "adductors"
    HIP_FLEXORS = "hip_flexors"
    CALVES = "calves"
    CORE = "core"
    LOWER_BACK = "lower_back"
    SHOULDERS = "shoulders"

    @property
    def label(self) -> str:
        return MUSCLE_LABELS[self]


MUSCLE_LABELS: dict[Muscle, str] = {
    Muscle.GLUTEUS_MAXIMUS: "Gluteus maximus",
    Muscle.GLUTEUS_MEDIUS: "Gluteus medius",
    Muscle.GLUTEUS_MINIMUS: "Gluteus minimus",
    Muscle.TFL: "Tensor fasciae latae",
    Muscle.HAMSTRINGS: "Hamstrings",
    Muscle.QUADRICEPS: "Quadriceps",
    Muscle.ADDUCTORS: "Adductors",
    Muscle.HIP_FLEXORS: "Hip flexors",
    Muscle.CALVES: "Calves",
    Muscle.CORE: "Core",
    Muscle.LOWER_BACK: "Lower back",
    Muscle.SHOULDERS: "Shoulder stabilisers",
}


class Equipment(StrEnum):
    MINI_BAND = "mini_band"
    LONG_BAND = "long_band"
    WALL = "wall"
    CHAIR = "chair"
    STEP = "step"
    MAT = "mat"
    YOGA_BLOCK = "yoga_block"
    DUMBBELL = "dumbbell"
    HANDRAIL = "handrail"

    @property
    def label(self) -> str:
        return EQUIPMENT_LABELS[self]


EQUIPMENT_LABELS: dict[Equipment, str] = {
    Equipment.MINI_BAND: "Mini band",
    Equipment.LONG_BAND: "Long resistance band",
    Equipment.WALL: "Wall",
    Equipment.CHAIR: "Chair",
    Equipment.STEP: "Step or box",
    Equipment.MAT: "Mat",
    Equipment.YOGA_BLOCK: "Yoga block",
    Equipment.DUMBBELL: "Dumbbell",
    Equipment.HANDRAIL: "Handrail or chair back",
}


class Position(StrEnum):
    STANDING = "standing"
    SEATED = "seated"
    SIDE_LYING = "side_lying"
    SUPINE = "supine"
    PRONE = "prone"
    QUADRUPED = "quadruped"
    KNEELING = "kneeling"

    @property
    def label(self) -> str:
        return POSITION_LABELS[self]

    @property
    def on_floor(self) -> bool:
        return self not in (Position.STANDING, Position.SEATED)


POSITION_LABELS: dict[Position, str] = {
    Position.STANDING: "Standing",
    Position.SEATED: "Seated",
    Position.SIDE_LYING: "On the floor, on your side",
    Position.SUPINE: "On the floor, on your back",
    Position.PRONE: "On the floor, face down",
    Position.QUADRUPED: "On the floor, on hands and knees",
    Position.KNEELING: "Kneeling",
}


class Mode(StrEnum):
    HOLD = "hold"
    REPS = "reps"
    TEMPO = "tempo"
    STEPS = "steps"

    @property
    def label(self) -> str:
        return MODE_LABELS[self]


MODE_LABELS: dict[Mode, str] = {
    Mode.HOLD: "Timed hold",
    Mode.REPS: "Reps",
    Mode.TEMPO: "Tempo-paced reps",
    Mode.STEPS: "Steps",
}
