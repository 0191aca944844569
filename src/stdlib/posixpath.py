"""os.path for POSIX: path names as strings (Python source shipped in
framevm, over `_os`)."""

import _os

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
altsep = None
pathsep = ":"
defpath = "/bin:/usr/bin"
devnull = "/dev/null"


def _check(name, p):
    if not isinstance(p, (str, bytes)):
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(p).__name__)
    return p


def _seps(p):
    return (b"/", b"", b".") if isinstance(p, bytes) else ("/", "", ".")


def isabs(s):
    _check("isabs", s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    _check("join", a)
    slash = _seps(a)[0]
    path = a
    for b in p:
        if type(b) is not type(a):
            if isinstance(b, (str, bytes)):
                raise TypeError("Can't mix strings and bytes in path components")
            _check("join", b)
        if b.startswith(slash):
            path = b
        elif not path or path.endswith(slash):
            path += b
        else:
            path += slash + b
    return path


def split(p):
    _check("split", p)
    slash = _seps(p)[0]
    i = p.rfind(slash) + 1
    head, tail = p[:i], p[i:]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head, tail


def basename(p):
    return split(p)[1]


def dirname(p):
    return split(p)[0]


def splitext(p):
    _check("splitext", p)
    slash, empty, dot = _seps(p)
    sep_i = p.rfind(slash)
    dot_i = p.rfind(dot)
    if dot_i > sep_i:
        # A name made only of leading dots has no extension.
        i = sep_i + 1
        while i < dot_i:
            if p[i:i + 1] != dot:
                return p[:dot_i], p[dot_i:]
            i += 1
    return p, p[:0]


def normpath(path):
    _check("normpath", path)
    slash, empty, dot = _seps(path)
    dotdot = dot + dot
    if not path:
        return dot
    initial = 0
    if path.startswith(slash):
        initial = 2 if path.startswith(slash * 2) and not path.startswith(slash * 3) else 1
    parts = []
    for c in path.split(slash):
        if c == empty or c == dot:
            continue
        if c != dotdot or (not initial and not parts) or (parts and parts[-1] == dotdot):
            parts.append(c)
        elif parts:
            parts.pop()
    out = slash * initial + slash.join(parts)
    return out or dot


def abspath(path):
    _check("abspath", path)
    if not isabs(path):
        cwd = _os.getcwd()
        if isinstance(path, bytes):
            cwd = cwd.encode()
        path = join(cwd, path)
    return normpath(path)


def exists(path):
    try:
        _os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    try:
        _os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def _mode(path):
    try:
        return _os.stat(path)[0]
    except (OSError, ValueError):
        return 0


def isdir(s):
    return _mode(s) & 0o170000 == 0o040000


def isfile(path):
    return _mode(path) & 0o170000 == 0o100000


def islink(path):
    try:
        return _os.lstat(path)[0] & 0o170000 == 0o120000
    except (OSError, ValueError):
        return False


def getsize(filename):
    return _os.stat(filename)[6]


def getmtime(filename):
    return _os.stat(filename)[8]


def expanduser(path):
    _check("expanduser", path)
    if not path.startswith("~"):
        return path
    home = _os.environ.get("HOME")
    if home is None:
        return path
    i = path.find("/")
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    return (home.rstrip("/") or "/") + path[i:]
