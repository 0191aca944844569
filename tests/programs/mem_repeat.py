# Repetition and concatenation a script sizes beyond any memory: MemoryError
# (or CPython's OverflowError past the address space), never an abort; the
# program goes on afterwards.


def attempt(label, f):
    try:
        r = f()
        print(label, "->", type(r).__name__, len(r))
    except (MemoryError, OverflowError) as e:
        print(label, "->", type(e).__name__, str(e))


big = 10**12
attempt("list * big", lambda: [0] * big)
attempt("big * list", lambda: big * [1, 2])
attempt("tuple * big", lambda: (0,) * big)
attempt("str * big", lambda: "a" * big)
attempt("bytes * big", lambda: b"a" * big)
attempt("bytearray * big", lambda: bytearray(b"ab") * big)
attempt("list * 2**62", lambda: [0] * 2**62)
attempt("list2 * 2**62", lambda: [0, 0] * 2**62)
attempt("tuple2 * 2**62", lambda: (1, 2) * 2**62)
attempt("str2 * 2**62", lambda: "ab" * 2**62)
attempt("bytes2 * 2**62", lambda: b"ab" * 2**62)
attempt("list * 2**63", lambda: [0] * 2**63)
attempt("str * 2**63", lambda: "a" * 2**63)
attempt("str * (2**63-1)", lambda: "a" * (2**63 - 1))
attempt("bytes(big)", lambda: bytes(big))
attempt("bytearray(big)", lambda: bytearray(big))
attempt("bytes(2**63)", lambda: bytes(2**63))


def inplace_list():
    x = [1, 2]
    x *= big
    return x


def inplace_str():
    x = "ab"
    x *= 2**62
    return x


def inplace_bytearray():
    x = bytearray(b"ab")
    x *= big
    return x


attempt("list *= big", inplace_list)
attempt("str *= 2**62", inplace_str)
attempt("bytearray *= big", inplace_bytearray)

# What fits still works, by doubling or not.
print([1, 2] * 3, (0,) * 4, "ab" * 3, b"xy" * 2, bytearray(b"z") * 3)
print([] * big, "" * big, () * big, b"" * big)
print(len([0] * 100000), len("abc" * 33333), len(b"q" * 7), [7] * 0, "x" * -5)
s = "é"
for _ in range(5):
    s = s + s
print(len(s), s[:3])
t = (1,)
for _ in range(4):
    t = t + t
print(t)
print(len(bytes(5)), bytearray(3), b"a" + b"b", bytearray(b"a") + b"bc")
ba = bytearray(b"q")
ba += b"rs"
ba *= 2
print(ba)
