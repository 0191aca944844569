# traceback: format_exception / print_exception / format_exc / print_exc,
# limits (argument and sys.tracebacklimit), chains, exception-only lines.
import io
import sys
import traceback


def inner(n):
    if n == 0:
        raise ValueError("deep")
    inner(n - 1)


def show(lines):
    for line in lines:
        for part in line.rstrip("\n").split("\n"):
            if part.startswith("  File "):
                part = part.split('"')[0] + part.split('"')[2]
            print("|" + part)


try:
    inner(2)
except ValueError as e:
    err = e
    show(traceback.format_exception(e))
    show(traceback.format_exception(type(e), e, e.__traceback__ if hasattr(e, "__traceback__") else sys.exc_info()[2], limit=2))
    show(traceback.format_exception(e, limit=-1))
    show([traceback.format_exc(limit=1)])
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    show([buf.getvalue()])

print(traceback.format_exception_only(err))
print(traceback.format_exception_only(KeyError, KeyError("k")))
print(traceback.format_exception_only(ValueError()))


class MyError(Exception):
    pass


try:
    try:
        {}["x"]
    except KeyError as k:
        raise MyError("wrapped") from k
except MyError as e:
    show(traceback.format_exception(e))
    show(traceback.format_exception(e, chain=False))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        int("nope")
except ValueError as e:
    buf = io.StringIO()
    traceback.print_exception(e, file=buf)
    show([buf.getvalue()])

sys.tracebacklimit = 1
try:
    inner(3)
except ValueError as e:
    show(traceback.format_exception(e))
sys.tracebacklimit = 0
try:
    inner(1)
except ValueError as e:
    show(traceback.format_exception(e))
del sys.tracebacklimit


def recurse(n):
    if n == 0:
        raise RuntimeError("bottom")
    recurse(n - 1)


try:
    recurse(8)
except RuntimeError as e:
    show(traceback.format_exception(e))

print(traceback.format_exc())
