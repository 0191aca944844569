# open() in text mode: writing, reading by size, line and iteration,
# universal newlines, encodings, seek/tell, append, truncate, with.
import os

fn = "_tmp_open_text_%d.txt" % os.getpid()


def show(f):
    print(repr(f).replace(fn, "NAME"), f.mode, f.name == fn, f.closed)


try:
    with open(fn, "w") as f:
        show(f)
        print(f.write("first line\n"), f.write("naïve café — ok\n"))
        f.writelines(["dos\r\n", "mac\r", "last without newline"])
        print(f.tell(), f.writable(), f.readable(), f.seekable())
    show(f)

    with open(fn) as f:
        print(repr(f.readline()))
        print(repr(f.read(5)), f.tell())
        print(f.readlines())
        print(repr(f.read()), repr(f.readline()))
    with open(fn) as f:
        print(f.newlines, len(f.read()), f.newlines)

    with open(fn, newline="") as f:
        print(list(f))
    with open(fn, newline="\r") as f:
        print(f.readlines())
    with open(fn, "rb") as f:
        data = f.read()
        print(len(data), data[:40])

    # Line iteration, and a for loop over open() itself.
    n = 0
    for line in open(fn, encoding="utf-8"):
        n += 1
        print(n, repr(line))

    # seek and tell: tell gives positions seek accepts.
    with open(fn, encoding="utf-8") as f:
        f.readline()
        pos = f.tell()
        rest = f.readline()
        f.seek(pos)
        print(pos, f.readline() == rest)
        f.seek(0)
        print(repr(f.read(3)))
        print(f.seek(0, 2) == os.path.getsize(fn))
        print(repr(f.read()))

    # Append, then r+ overwriting at the start, then truncate.
    with open(fn, "a") as f:
        print(f.tell() == os.path.getsize(fn))
        f.write("\nappended\n")
    with open(fn, "r+") as f:
        f.write("FIRST")
        f.seek(0)
        print(repr(f.readline()))
    with open(fn, "w+") as f:
        f.write("abc\ndef\n")
        f.seek(0)
        print(repr(f.read()))
        f.seek(4)
        print(f.truncate(), repr(open(fn).read()))

    # Encodings.
    with open(fn, "w", encoding="latin-1") as f:
        print(f.encoding)
        f.write("café\n")
    with open(fn, "rb") as f:
        print(f.read())
    with open(fn, encoding="latin-1") as f:
        print(repr(f.read()))
    try:
        with open(fn, encoding="ascii") as f:
            f.read()
    except ValueError as e:
        print("ValueError")
    with open(fn, encoding="ascii", errors="replace") as f:
        print(repr(f.read()))
    with open(fn, "w", encoding="ascii") as f:
        try:
            f.write("café")
        except ValueError as e:
            print("ValueError")
    with open(fn, "w", newline="\r\n") as f:
        f.write("a\nb\n")
    with open(fn, "rb") as f:
        print(f.read())

    # A long file crosses the read-ahead's chunks (also inside a
    # multi-byte character).
    with open(fn, "w") as f:
        for i in range(3000):
            f.write("line %d é€\n" % i)
    with open(fn) as f:
        lines = f.readlines()
    print(len(lines), lines[0], lines[-1], end="")
    with open(fn) as f:
        text = f.read()
    print(len(text), text.count("€"))
finally:
    os.remove(fn)
print(os.path.exists(fn))
