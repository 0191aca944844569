from .vec import Vec
from . import util

ORIGIN = Vec(0, 0)
print("geo package:", __name__, __package__)
