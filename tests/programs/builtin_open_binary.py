# open() in binary mode, buffered and not (FileIO).
import io
import os

fn = "_tmp_open_bin_%d.bin" % os.getpid()
print(io.FileIO, io.BufferedReader, io.BufferedWriter, io.BufferedRandom, io.TextIOWrapper)
print(io.open is open)

try:
    with open(fn, "wb") as f:
        print(repr(f).replace(fn, "NAME"), f.mode, type(f).__name__)
        print(f.write(b"\x00\x01binary\r\n"), f.write(bytearray(b"more\n")))
        f.write(memoryview(b"view\n"))
    with open(fn, "rb") as f:
        print(repr(f).replace(fn, "NAME"), type(f).__name__, f.raw.mode)
        print(f.read(3), f.tell())
        print(f.readline(), f.readline())
        print(f.readlines(), f.read(), f.read(10))
        print(f.seek(-5, 2), f.read())
        print(f.seek(2), f.seek(3, 1), f.read(2))
        buf = bytearray(4)
        f.seek(0)
        print(f.readinto(buf), buf)
    with open(fn, "rb") as f:
        print(list(f))
    with open(fn, "r+b") as f:
        print(type(f).__name__)
        f.write(b"XY")
        f.seek(0)
        print(f.read(6))
        print(f.truncate(4), f.seek(0, 2))
    with open(fn, "rb", buffering=0) as f:
        print(repr(f).replace(fn, "NAME"), type(f).__name__, f.mode, f.closefd)
        print(f.read(), f.readall())
    f = io.FileIO(fn, "w")
    print(f.write(b"raw"), f.mode, f.readable(), f.writable())
    f.close()
    print(repr(f), f.closed)
    with open(fn, "ab") as f:
        print(f.tell())
        f.write(b"+")
    print(open(fn, "rb").read())
    with open(fn, "xb" if not os.path.exists(fn) else "rb") as f:
        print(f.read())
finally:
    os.remove(fn)
