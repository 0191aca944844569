# open()'s errors: missing files, folders, bad modes and arguments,
# closed files, operations a mode does not allow.
import io
import os

fn = "_tmp_open_err_%d.txt" % os.getpid()


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        print(type(e).__name__ + ":", str(e).replace(fn, "NAME"))
        return None
    return r


attempt(open, "no_such_file_here.txt")
try:
    open("no_such_dir/x.txt", "w")
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename, isinstance(e, FileNotFoundError))
attempt(open, ".")
attempt(open, ".", "w")
for mode in ["rw", "rr", "q", "rbt", "+", "b", "wx", "", "r+++"]:
    attempt(open, fn, mode)
attempt(open, fn, "rb", encoding="utf-8")
attempt(open, fn, "rb", errors="strict")
attempt(open, fn, "rb", newline="")
attempt(open, fn, "r", buffering=0)
attempt(open, fn, "w", newline="x")
attempt(open, fn, "w", encoding="no-such-codec")
attempt(open, [])
attempt(open, 3.5)
attempt(open, fn, 1)

try:
    with open(fn, "w") as f:
        f.write("text\n")
    attempt(open, fn, "x")
    f = open(fn)
    attempt(f.write, "x")
    f.close()
    for op in [f.read, f.readline, f.tell, f.readlines, lambda: f.write("x"), lambda: next(f),
               lambda: f.seek(0)]:
        attempt(op)
    print(f.closed, repr(f).replace(fn, "NAME"))
    f.close()
    with open(fn, "w") as f:
        attempt(f.read)
    with open(fn) as f:
        attempt(f.seek, 1, 1)
        attempt(f.seek, 1, 2)
        attempt(f.seek, -1)
    with open(fn, "rb") as f:
        attempt(f.write, b"x")
        attempt(f.write, "str")
    with open(fn, "wb") as f:
        attempt(f.read)
        attempt(f.write, "str")
    f = open(fn, "rb")
    f.close()
    attempt(f.read)
    print(repr(f).replace(fn, "NAME"))
    f = open(fn, "rb", buffering=0)
    f.close()
    attempt(f.read)
    print(repr(f))
    # A size past an index.
    with open(fn) as f:
        attempt(f.read, 2**70)
    print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
finally:
    os.remove(fn)
attempt(os.remove, fn)
