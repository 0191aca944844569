print("circ_a starts")
A_EARLY = "early"
from pkgs import circ_b
A_LATE = "late"


def from_a():
    return "a sees b: " + circ_b.B_VALUE
