"""os: the common file-system and process functions (Python source
shipped in framevm, over the native `_os`); `os.path` is `posixpath`."""

import sys
import _os
import posixpath as path

sys.modules["os.path"] = path

name = "posix"
sep = path.sep
altsep = path.altsep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
pathsep = path.pathsep
defpath = path.defpath
devnull = path.devnull
linesep = "\n"

environ = _os.environ
urandom = _os.urandom
error = OSError

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1

getpid = _os.getpid
getcwd = _os.getcwd
chdir = _os.chdir
rename = _os.rename
rmdir = _os.rmdir


def getcwdb():
    return _os.getcwd().encode()


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    environ[key] = value


def unsetenv(key):
    environ.pop(key, None)


def fspath(p):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), "__fspath__", None)
    if f is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(p).__name__)
    return f(p)


def listdir(path="."):
    if isinstance(path, bytes):
        return [n.encode() for n in _os.listdir(path)]
    return _os.listdir(path)


def remove(path, *, dir_fd=None):
    _os.remove(path)


unlink = remove


def mkdir(path, mode=0o777, *, dir_fd=None):
    _os.mkdir(path, mode)


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def replace(src, dst):
    _os.rename(src, dst)


class stat_result(tuple):
    """The result of stat(): a 10-tuple with named fields."""

    n_sequence_fields = 10
    n_fields = 10

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self[7])
    st_mtime = property(lambda self: self[8])
    st_ctime = property(lambda self: self[9])

    def __repr__(self):
        names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid",
                 "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime")
        vals = [self[i] if i < 7 else int(self[i]) for i in range(10)]
        return ("os.stat_result(" + ", ".join(n + "=" + repr(v) for n, v in zip(names, vals))
                + ")")


_UNAME_FIELDS = ("sysname", "nodename", "release", "version", "machine")


class uname_result(tuple):
    """The result of uname(): a 5-tuple with named fields."""

    __module__ = "posix"
    n_sequence_fields = 5
    n_fields = 5
    n_unnamed_fields = 0

    sysname = property(lambda self: self[0])
    nodename = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])

    def __new__(cls, seq):
        seq = tuple(seq)
        if len(seq) != 5:
            raise TypeError("os.uname_result() takes a 5-sequence (%d-sequence given)"
                            % len(seq))
        return tuple.__new__(cls, seq)

    def __repr__(self):
        return ("posix.uname_result(" + ", ".join(
            n + "=" + repr(v) for n, v in zip(_UNAME_FIELDS, self)) + ")")

    def __reduce__(self):
        return (uname_result, (tuple(self),))


def uname():
    return uname_result(_os.uname())


def stat(path, *, dir_fd=None, follow_symlinks=True):
    if follow_symlinks:
        return stat_result(_os.stat(path))
    return stat_result(_os.lstat(path))


def lstat(path, *, dir_fd=None):
    return stat_result(_os.lstat(path))


def access(p, mode):
    return path.exists(p)


def walk(top, topdown=True, onerror=None, followlinks=False):
    try:
        names = listdir(top)
    except OSError as e:
        if onerror is not None:
            onerror(e)
        return
    dirs = []
    files = []
    for n in names:
        if path.isdir(path.join(top, n)):
            dirs.append(n)
        else:
            files.append(n)
    if topdown:
        yield top, dirs, files
    for d in dirs:
        p = path.join(top, d)
        if followlinks or not path.islink(p):
            yield from walk(p, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, files
