# from __future__ import braces: CPython's answer.
from __future__ import braces
print("never")
