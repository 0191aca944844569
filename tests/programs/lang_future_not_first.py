# A future statement after other statements is a SyntaxError.
import sys
from __future__ import annotations
print("never")
