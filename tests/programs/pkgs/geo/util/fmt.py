from ..vec import Vec
from .. import ORIGIN
from . import LEVEL


def show(v):
    return f"<{v.x};{v.y}> from {ORIGIN!r} ({LEVEL}, {__name__}, {__package__})"


def unit():
    return Vec(1, 1)
