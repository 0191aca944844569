# io.StringIO, io.BytesIO and io.IOBase.
import io

s = io.StringIO()
print(s.write("hello\n"), s.write("world\n"), s.tell())
print(repr(s.getvalue()), repr(s.read()))
print(s.seek(0), repr(s.readline()), repr(s.read(3)), repr(s.read()))
s.seek(2)
s.write("LL")
print(repr(s.getvalue()), s.tell())
s.seek(20)
s.write("!")
print(repr(s.getvalue()))
t = io.StringIO("one\ntwo\nthree")
print(list(t))
t.seek(0)
print(t.readlines(), repr(t.readline()))
t.seek(0)
print([line.rstrip() for line in t])
t.seek(4)
print(t.truncate(), repr(t.getvalue()))
print(t.readable(), t.writable(), t.seekable(), t.closed)
with io.StringIO("ctx") as c:
    print(c.read())
print(c.closed)
for f in (c.read, c.getvalue, lambda: c.write("x"), c.tell):
    try:
        f()
    except ValueError as e:
        print("ValueError", e)
try:
    io.StringIO().write(5)
except TypeError as e:
    print("TypeError", e)
try:
    io.StringIO().seek(-1)
except ValueError as e:
    print("ValueError", e)
try:
    io.StringIO("abc").seek(1, 1)
except OSError as e:
    print("OSError", e)
print(io.StringIO("abc").seek(0, 2))
buf = io.StringIO()
print("a", 1, sep="-", end="!\n", file=buf)
print(repr(buf.getvalue()))

b = io.BytesIO(b"abc\ndef\n")
print(b.read(2), b.readline(), b.tell(), list(b), b.read())
b.seek(0, 2)
b.write(b"xyz")
b.seek(-2, 2)
print(b.read(), b.getvalue())
b.seek(15)
b.write(bytearray(b"!"))
print(b.getvalue(), b.tell())
r = io.BytesIO(b"0123456789")
arr = bytearray(4)
print(r.readinto(arr), arr, r.tell())
r.seek(0)
print(r.truncate(3), r.getvalue(), r.seek(0, 1))
src = bytearray(b"keep")
w = io.BytesIO(src)
w.write(b"K")
print(src, w.getvalue())
try:
    io.BytesIO().write("text")
except TypeError as e:
    print("TypeError", e)
try:
    io.BytesIO().seek(-1)
except ValueError as e:
    print("ValueError", e)
with io.BytesIO(b"q") as q:
    pass
print(q.closed)


class Upper(io.IOBase):
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s.upper())
        return len(s)


u = Upper()
print("shout", "this", file=u)
u.writelines(["a", "b"])
print(u.parts, u.readable(), u.writable(), u.closed)
u.close()
print(u.closed)
try:
    u.fileno()
except io.UnsupportedOperation as e:
    print("UnsupportedOperation", e, isinstance(e, OSError), isinstance(e, ValueError))


class Lines(io.StringIO):
    pass


print(list(Lines("x\ny\n")))
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
bc = io.BytesIO()
bc.close()
try:
    bc.read()
except ValueError as e:
    print("ValueError", e)
