# os and os.path: the common file functions.
import os
import os.path
from os import path as p2

base = "_tmp_os_%d" % os.getpid()

print(os.name, os.sep, repr(os.linesep), os.path is p2, os.curdir, os.pardir)
print(isinstance(os.environ.get("PATH", ""), str), os.getenv("FRAMEVM_SURELY_UNSET"),
      os.getenv("FRAMEVM_SURELY_UNSET", "dflt"), os.environ.get("HOME") == os.getenv("HOME"))
print(os.path.isabs(os.getcwd()), os.path.abspath(".") == os.getcwd())
print(os.getcwd().endswith(os.path.join("tests", "programs")))
print(isinstance(os.getpid(), int))

try:
    os.mkdir(base)
    print(os.path.isdir(base), os.path.isfile(base), os.path.exists(base))
    os.makedirs(os.path.join(base, "a", "b"))
    os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
    try:
        os.makedirs(os.path.join(base, "a"))
    except FileExistsError as e:
        print("FileExistsError", e.errno)
    try:
        os.mkdir(base)
    except FileExistsError as e:
        print(str(e).replace(base, "BASE"))
    f1 = os.path.join(base, "one.txt")
    with open(f1, "w") as f:
        f.write("12345")
    print(os.path.getsize(f1), os.stat(f1).st_size, os.path.isfile(f1))
    print(sorted(os.listdir(base)))
    f2 = os.path.join(base, "a", "two.txt")
    os.rename(f1, f2)
    print(os.path.exists(f1), os.path.exists(f2), sorted(os.listdir(os.path.join(base, "a"))))
    try:
        os.rmdir(base)
    except OSError as e:
        print(type(e).__name__, e.errno)
    try:
        os.remove(os.path.join(base, "a"))
    except OSError as e:
        print(type(e).__name__, e.errno)
    os.unlink(f2)
    try:
        os.remove(f2)
    except FileNotFoundError as e:
        print(str(e).replace(base, "BASE"))
    try:
        os.listdir(os.path.join(base, "nothing"))
    except FileNotFoundError as e:
        print(e.errno, e.filename == os.path.join(base, "nothing"))
    try:
        os.rename(f2, f1)
    except FileNotFoundError as e:
        print(str(e).replace(base, "BASE"))
    os.rmdir(os.path.join(base, "a", "b"))
    os.rmdir(os.path.join(base, "a"))
    print(os.listdir(base))
finally:
    for d in [os.path.join(base, "a", "b"), os.path.join(base, "a"), base]:
        if os.path.isdir(d):
            os.rmdir(d)
print(os.path.exists(base))

# os.path on strings.
j = os.path.join
print(j("a", "b", "c"), j("a/", "b"), j("a", "/b", "c"), j("", "x"), j("a", ""))
for s in ["/a/b/c.txt", "a/b/", "c.txt", "/", "", "//x", "a.b/c", ".bashrc", "x/..y", "a.tar.gz"]:
    print(repr(s), os.path.split(s), os.path.basename(s), os.path.dirname(s),
          os.path.splitext(s))
for s in ["a/./b/../c", "/../a//b/", "", ".", "//a", "///a", "a/..", "../x/../.."]:
    print(repr(s), repr(os.path.normpath(s)))
print(os.path.abspath("/x/y/../z"), os.path.isabs("x"), os.path.isabs("/x"))
print(os.path.exists("no_such_thing_here"), os.path.isdir("."), os.path.isfile("."))
print(os.path.join(b"a", b"b"), os.path.split(b"/x/y"))
try:
    os.path.join("a", b"b")
except TypeError as e:
    print(e)
