import sys

print(sys.argv)
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1)
print(sys.byteorder, sys.platform)
print(type(sys.version).__name__, sys.version_info[:2] >= (3, 8), sys.version_info[0])
print(type(sys.implementation.name).__name__)
print(sys.path[0] == sys.path[0].rstrip("/"), isinstance(sys.path, list))
print("sys" in sys.modules, sys.modules["sys"] is sys)
old = sys.getrecursionlimit()
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
n = sys.stdout.write("written directly\n")
print(n)
sys.stdout.flush()
s = sys.intern("interned")
print(s)
print(sys.exc_info())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v))
try:
    sys.exit(3)
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code, e.args)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit", e.code)
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    sys.setrecursionlimit("x")
except TypeError as e:
    print("TypeError", e)
