# A future statement naming a feature that does not exist is a SyntaxError.
from __future__ import annotations, nope
print("never")
