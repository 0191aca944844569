# An array's bytes: bytes(a), bytearray(a), bytes + a, tobytes/frombytes
# of every type code (floats included).
from array import array

print(bytes(array("b", [1, -1])), bytearray(array("h", [0x102, -2])))
print(b"ab" + array("H", [0x4142]), bytearray(b"x") + array("B", [1, 2]))
print(bytes(array("q", [-1])), bytes(array("Q", [2**64 - 1])), bytes(array("i")))
for code in "bBhHiIlLqQfd":
    a = array(code, [1, 2, 3])
    b = array(code)
    b.frombytes(a.tobytes())
    print(code, len(a.tobytes()), a.tobytes() == bytes(a), b == a, b)
f = array("d", [0.5, -2.25])
print(f.tobytes(), bytes(array("f", [1.5])))
