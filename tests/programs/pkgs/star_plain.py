import sys as _sys

one = 1
two = 2
_private = 3


def helper():
    return "helped"
