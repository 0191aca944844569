"""Regular expressions, on the native engine `_re` (the fancy-regex crate).

Patterns are str patterns with Python's syntax; what the engine cannot
do raises `re.error` saying so: `\\N{...}` escapes, scoped VERBOSE
flags, LOCALE, bytes patterns. Differences that remain: `\\w` and `\\s`
follow Unicode's definitions rather than str.isalnum/isspace (a few
rare characters differ); after an empty match the next search starts
one character on.
"""

import _re

error = _re.error
PatternError = error

__all__ = [
    "match",
    "fullmatch",
    "search",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
    "compile",
    "purge",
    "escape",
    "error",
    "Pattern",
    "Match",
    "A",
    "I",
    "L",
    "M",
    "S",
    "X",
    "U",
    "ASCII",
    "IGNORECASE",
    "LOCALE",
    "MULTILINE",
    "DOTALL",
    "VERBOSE",
    "UNICODE",
    "NOFLAG",
    "RegexFlag",
]

_FLAG_NAMES = [
    (256, "ASCII"),
    (2, "IGNORECASE"),
    (4, "LOCALE"),
    (8, "MULTILINE"),
    (16, "DOTALL"),
    (32, "UNICODE"),
    (64, "VERBOSE"),
    (128, "DEBUG"),
]


class RegexFlag(int):
    """A combination of the flags, shown by name."""

    def __or__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) | int(other))
        return NotImplemented

    __ror__ = __or__

    def __and__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) & int(other))
        return NotImplemented

    __rand__ = __and__

    def __xor__(self, other):
        if isinstance(other, int):
            return RegexFlag(int(self) ^ int(other))
        return NotImplemented

    def __invert__(self):
        return RegexFlag(~int(self) & 511)

    def _names(self):
        v = int(self)
        names = []
        for bit, name in _FLAG_NAMES:
            if v & bit:
                names.append("re." + name)
                v &= ~bit
        if v:
            names.append(hex(v))
        return names

    def __repr__(self):
        names = self._names()
        return "|".join(names) if names else "re.NOFLAG"

    __str__ = __repr__

    @property
    def name(self):
        names = self._names()
        return "|".join(n[3:] for n in names) if names else None

    @property
    def value(self):
        return int(self)


A = ASCII = RegexFlag(256)
I = IGNORECASE = RegexFlag(2)
L = LOCALE = RegexFlag(4)
M = MULTILINE = RegexFlag(8)
S = DOTALL = RegexFlag(16)
U = UNICODE = RegexFlag(32)
X = VERBOSE = RegexFlag(64)
DEBUG = RegexFlag(128)
T = TEMPLATE = RegexFlag(1)
NOFLAG = RegexFlag(0)


def _index(v, what="indices"):
    if isinstance(v, int):
        return int(v)
    if hasattr(type(v), "__index__"):
        return type(v).__index__(v)
    raise TypeError(f"{what} must be integers")


_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b", "\\": "\\"}


def _parse_template(template, pattern):
    """A replacement string as a list of parts: str literals and group
    numbers (ints)."""
    parts = []
    lit = []
    i = 0
    n = len(template)
    groups = pattern.groups
    while i < n:
        c = template[i]
        if c != "\\":
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error("bad escape (end of pattern) at position %d" % i)
        d = template[i + 1]
        start = i
        i += 2
        if d == "g":
            if i >= n or template[i] != "<":
                raise error("missing < at position %d" % i)
            close = template.find(">", i + 1)
            if close == i + 1 or i + 1 >= n:
                raise error("missing group name at position %d" % (i + 1))
            if close < 0:
                raise error("missing >, unterminated name at position %d" % (i + 1))
            name = template[i + 1 : close]
            if name.isdigit():
                g = int(name)
                if g > groups:
                    raise error("invalid group reference %d at position %d" % (g, i + 1))
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                g = pattern.groupindex[name]
            else:
                raise error("bad character in group name '%s' at position %d" % (name, i + 1))
            i = close + 1
            _flush(parts, lit)
            parts.append(g)
        elif d == "0":
            v = 0
            k = 0
            while k < 2 and i < n and template[i] in "01234567":
                v = v * 8 + int(template[i])
                i += 1
                k += 1
            lit.append(chr(v))
        elif d.isdigit():
            if (
                d in "01234567"
                and i + 1 < n
                and template[i] in "01234567"
                and template[i + 1] in "01234567"
            ):
                v = int(template[i - 1 : i + 2], 8)
                if v > 0o377:
                    raise error(
                        "octal escape value \\%s outside of range 0-0o377 at position %d"
                        % (template[i - 1 : i + 2], start)
                    )
                lit.append(chr(v))
                i += 2
                continue
            num = d
            if i < n and template[i].isdigit():
                num += template[i]
                i += 1
            g = int(num)
            if g > groups:
                raise error("invalid group reference %d at position %d" % (g, start + 1))
            _flush(parts, lit)
            parts.append(g)
        elif d in _ESCAPES:
            lit.append(_ESCAPES[d])
        elif d.isascii() and d.isalpha():
            raise error("bad escape \\%s at position %d" % (d, start))
        else:
            lit.append("\\" + d)
    _flush(parts, lit)
    return parts


def _flush(parts, lit):
    if lit:
        parts.append("".join(lit))
        lit.clear()


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags):
        if isinstance(pattern, (bytes, bytearray)):
            raise error("bytes patterns are not supported by this implementation")
        if not isinstance(pattern, str):
            raise TypeError("first argument must be string or compiled pattern")
        handle, groups, names, allflags, parents = _re.compile(pattern, int(flags))
        self._handle = handle
        self._parents = parents
        self.pattern = pattern
        if not allflags & 256:
            allflags |= 32
        self.flags = allflags
        self.groups = groups
        self.groupindex = dict(names)
        self._names = {i: n for n, i in names}

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        flags = self.flags & ~32
        if flags:
            return "re.compile(%s, %r)" % (text, RegexFlag(flags))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _check(self, string):
        if not isinstance(string, str):
            if isinstance(string, (bytes, bytearray)):
                raise TypeError("cannot use a string pattern on a bytes-like object")
            raise TypeError("expected string or bytes-like object, got '%s'" % type(string).__name__)
        return str.__str__(string) if type(string) is not str else string

    def _run(self, string, pos, endpos, mode):
        s = self._check(string)
        if endpos is None:
            endpos = len(s)
        pos = _index(pos)
        endpos = _index(endpos)
        found = _re.match(self._handle, s, pos, endpos, mode)
        if found is None:
            return None
        return Match(self, string, found, pos, endpos)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def _all(self, string, pos=0, endpos=None, limit=0):
        s = self._check(string)
        if endpos is None:
            endpos = len(s)
        return s, _re.all(self._handle, s, _index(pos), _index(endpos), limit)

    def finditer(self, string, pos=0, endpos=None):
        s, found = self._all(string, pos, endpos)
        if endpos is None:
            endpos = len(s)
        for m in found:
            yield Match(self, string, m, pos, endpos)

    def findall(self, string, pos=0, endpos=None):
        s, found = self._all(string, pos, endpos)
        g = self.groups
        if g == 0:
            return [m[1][0] for m in found]
        if g == 1:
            return [m[1][1] or "" for m in found]
        return [tuple("" if t is None else t for t in m[1][1:]) for m in found]

    def split(self, string, maxsplit=0):
        if maxsplit < 0:
            return [string]
        return _re.split(self._handle, self._check(string), maxsplit)

    def subn(self, repl, string, count=0):
        s = self._check(string)
        if count < 0:
            return string, 0
        if callable(repl):
            make = lambda m: repl(Match(self, string, m, 0, len(s)))
        else:
            if not isinstance(repl, str):
                raise TypeError("expected str instance, %s found" % type(repl).__name__)
            make = _parse_template(repl, self)
        return _re.sub(self._handle, s, count, make)

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        raise NotImplementedError("Pattern.scanner is not supported by this implementation")


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, found, pos, endpos):
        self.re = pattern
        self.string = string
        self._spans, self._texts = found
        self.pos = pos
        self.endpos = endpos

    def _group_index(self, g):
        if isinstance(g, int):
            g = int(g)
            if 0 <= g <= self.re.groups:
                return g
            raise IndexError("no such group")
        if isinstance(g, str):
            try:
                return self.re.groupindex[g]
            except KeyError:
                raise IndexError("no such group") from None
        if hasattr(type(g), "__index__"):
            return self._group_index(type(g).__index__(g))
        raise IndexError("no such group")

    def _get(self, k, default=None):
        t = self._texts[k]
        return default if t is None else t

    def group(self, *groups):
        if not groups:
            return self._get(0)
        if len(groups) == 1:
            return self._get(self._group_index(groups[0]))
        return tuple(self._get(self._group_index(g)) for g in groups)

    def __getitem__(self, g):
        return self._get(self._group_index(g))

    def groups(self, default=None):
        return tuple(self._get(k, default) for k in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(k, default) for name, k in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._group_index(group)]

    def end(self, group=0):
        return self._spans[2 * self._group_index(group) + 1]

    def span(self, group=0):
        k = self._group_index(group)
        return (self._spans[2 * k], self._spans[2 * k + 1])

    @property
    def regs(self):
        sp = self._spans
        return tuple((sp[2 * k], sp[2 * k + 1]) for k in range(len(sp) // 2))

    def expand(self, template):
        out = []
        for p in _parse_template(template, self.re):
            if p.__class__ is str:
                out.append(p)
            elif self._texts[p] is not None:
                out.append(self._texts[p])
        return "".join(out)

    @property
    def lastindex(self):
        sp = self._spans
        parents = self.re._parents
        best = None
        for k in range(1, self.re.groups + 1):
            if sp[2 * k] < 0:
                continue
            if best is None or sp[2 * k + 1] > sp[2 * best + 1]:
                best = k
            elif sp[2 * k + 1] == sp[2 * best + 1]:
                # The same end: an enclosing group closes after the
                # groups inside it; of two apart, the later one.
                p = parents[k - 1]
                inside = False
                while p:
                    if p == best:
                        inside = True
                        break
                    p = parents[p - 1]
                if not inside:
                    best = k
        return best

    @property
    def lastgroup(self):
        k = self.lastindex
        if k is None:
            return None
        return self.re._names.get(k)

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    p = _cache.get(key)
    if p is None:
        p = Pattern(pattern, flags)
        if len(_cache) >= _MAXCACHE:
            _cache.clear()
        _cache[key] = p
    return p


def compile(pattern, flags=0):
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def purge():
    _cache.clear()


_SPECIAL = frozenset("()[]{}?*+-|^$\\.&~# \t\n\r\v\f")


def escape(pattern):
    if isinstance(pattern, str):
        return "".join("\\" + c if c in _SPECIAL else c for c in pattern)
    pattern = bytes(pattern)
    out = bytearray()
    for b in pattern:
        if chr(b) in _SPECIAL:
            out.append(92)
        out.append(b)
    return bytes(out)


def template(pattern, flags=0):
    return _compile(pattern, flags | T)
