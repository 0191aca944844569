"""A docstring may come before future statements, and several may follow."""
from __future__ import annotations
from __future__ import generator_stop, division as d
import __future__
print(d is __future__.division)
