# sys.stdout/stderr/stdin objects, their buffers, sys.getsizeof.
import sys

print(sys.stdout.write("direct\n"), sys.stdout.name, sys.stderr.name, sys.stdin.name)
sys.stdout.flush()
print(sys.stdout.buffer.write(b"raw bytes\n"))
sys.stdout.buffer.flush()
print(str(sys.stdout), repr(sys.stderr))
print(repr(sys.stdin))
print(sys.stdin.readline() == "", sys.stdin.read() == "")
print(sys.stdout.encoding, sys.stdin.mode, sys.stdout.mode, sys.stdout.isatty())
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError", e)
try:
    sys.stdout.buffer.write("text")
except TypeError as e:
    print("TypeError", e)
print("the end", file=sys.stdout)


class A:
    pass


for v in (0, 1, 2**40, 2**70, 1.0, True, None, "", "abc", b"", b"ab", [], [1, 2], (), (1, 2), {}, {1: 2}):
    print(repr(v), sys.getsizeof(v))
print(sys.getsizeof(A()) > 0, sys.getsizeof(set()) > 0)
