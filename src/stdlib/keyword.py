"""keyword: Python's keywords (Python source shipped in framevm)."""

__all__ = ["iskeyword", "issoftkeyword", "kwlist", "softkwlist"]

kwlist = [
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
    'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except',
    'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is',
    'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try',
    'while', 'with', 'yield',
]

softkwlist = ['_', 'case', 'match']

_kw = frozenset(kwlist)
_softkw = frozenset(softkwlist)


def iskeyword(s):
    "Whether s is a keyword of Python."
    return s in _kw


def issoftkeyword(s):
    "Whether s is a soft keyword (a keyword only in some places)."
    return s in _softkw
