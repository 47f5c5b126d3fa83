"""The vocabulary of the exercise library: muscles, equipment, positions and modes, as enums.

Kept apart from the schema in `exercises` so that code needing only these (the settings, the
equipment filter) does not load msgspec and the TOML reader at start-up. What a person reads
for each member is the GUI's to say (`gluteapp.gui.words`), in the UI language.
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


class Position(StrEnum):
    STANDING = "standing"
    SEATED = "seated"
    SIDE_LYING = "side_lying"
    SUPINE = "supine"
    PRONE = "prone"
    QUADRUPED = "quadruped"
    KNEELING = "kneeling"

    @property
    def on_floor(self) -> bool:
        return self not in (Position.STANDING, Position.SEATED)


class Mode(StrEnum):
    HOLD = "hold"
    REPS = "reps"
    TEMPO = "tempo"
    STEPS = "steps"

