# struct: every code, byte order, count, alignment, and CPython's errors.
import struct
cases = [("b", 200), ("b", -200), ("B", 256), ("B", -1), ("h", 40000), ("H", -1), ("H", 70000),
 ("i", 2**31), ("I", -1), ("I", 2**32), ("l", 2**63), ("L", -1), ("L", 2**64), ("q", 2**63), ("Q", -1), ("Q", 2**64), ("n", 2**63), ("N", -1), ("P", -1),
 ("<i", 2**31), ("<I", -1), ("<I", 2**32), ("<l", 2**31), ("<L", -1), ("<L", 2**32),("<q", 2**63), ("<Q", -1), ("<Q", 2**64), ("<h", 40000), ("<H", -1), ("<b", 200), ("<B", -1),
 ("b", 1.5), ("b", "x"), ("f", "x"), ("d", None), ("e", 1e10), ("f", 1e300), ("<f", 1e300), ("s", "str"), ("s", 5), ("c", b"ab"), ("c", "a"), ("p", 5), ("?", []), ("<e", 65520.0), ("<e", 65519.0), ("<n", 1)]
for f, v in cases:
    try: print(f, repr(v), struct.pack(f, v))
    except Exception as e: print(f, repr(v), type(e).__name__, e)
for f in ["z", "1", "0z", "3", "<P", "<n", "i i", " i", "2 i"]:
    try: print(f, struct.calcsize(f))
    except Exception as e: print(f, type(e).__name__, e)
for call in [lambda: struct.pack("ii", 1), lambda: struct.pack("i", 1, 2), lambda: struct.unpack("i", b"12"), lambda: struct.unpack("i", "1234"),
             lambda: struct.unpack_from("i", b"0123456789", 8), lambda: struct.unpack_from("i", b"0123456789", -11), lambda: struct.unpack_from("i", b"0123456789", -2),
             lambda: struct.pack_into("i", bytearray(9), 7, 1), lambda: struct.pack_into("i", bytearray(9), -10, 1), lambda: struct.pack_into("i", bytearray(9), -2, 1),
             lambda: struct.pack_into("i", b"123456789", 0, 1), lambda: struct.pack(1, 2), lambda: struct.pack_into("ii", bytearray(9), 0, 1),
             lambda: struct.unpack("i", bytearray(b"1234")), lambda: struct.unpack("i", memoryview(b"1234")), lambda: struct.pack(b"<h", 1), lambda: struct.pack("i", True),
             lambda: struct.unpack("<ee", b"\x00\x7c\x00\x3c"), lambda: struct.pack("<e", float("nan")), lambda: struct.pack("5p", b"abcdefgh"), lambda: struct.unpack("5p", b"\x09abcd"), lambda: struct.pack("i", 2**100),
             lambda: struct.pack("<Q", 2**100), lambda: struct.iter_unpack("i", b"123"), lambda: list(struct.iter_unpack("<h", b"1234")), lambda: struct.pack("2c", b"a", b"b"), lambda: struct.unpack("?c", b"\x02z")]:
    try: print(call())
    except Exception as e: print(type(e).__name__, e)
print(struct.calcsize("bI"), struct.calcsize("=bI"), struct.calcsize("@bhbqb"), struct.calcsize("<bhbqb"), struct.calcsize("c?xe"))
print(struct.pack("@bhbq", 1, 2, 3, 4))
for fmt in ("<", ">", "!", "=", "@"):
    data = struct.pack(fmt + "bBhHiIlLqQ?cefd", -1, 255, -2, 65535, -3, 2**32 - 1, -4, 5, -2**63, 2**64 - 1, True, b"z", 0.5, 1.25, -2.5e-300)
    print(fmt, len(data), data.hex(), struct.unpack(fmt + "bBhHiIlLqQ?cefd", data))
for x in (0.0, -0.0, 1.0, 65504.0, 1.5e-7, 3e-5, 1/3, float("inf"), -float("inf"), 1e-10):
    print(x, struct.unpack("<e", struct.pack("<e", x)), struct.unpack(">f", struct.pack(">f", x)))
print(struct.unpack("<e", struct.pack("<e", float("nan")))[0] != 0.0)
print(struct.pack("3s2p5p", b"abcdef", b"xyz", b"hi"), struct.unpack("3s2p5p", b"abc\x05x\x02hi\x00\x00"))
s = struct.Struct("<hi")
print(s.size, s.format, s.pack(1, 2), s.unpack(b"\x01\x00\x02\x00\x00\x00"), s.unpack_from(b"xx\x01\x00\x02\x00\x00\x00", 2))
print(list(s.iter_unpack(bytes(12))))
buf = bytearray(8)
s.pack_into(buf, 1, -1, -1)
print(buf)
mv = memoryview(bytearray(6))
struct.pack_into("<h", mv, 2, 0x1234)
print(mv.tobytes(), struct.unpack_from("<h", buf, offset=1))
print(struct.pack(b">H", 258), struct.unpack(">H", memoryview(b"xy")))
try:
    raise struct.error("custom")
except struct.error as e:
    print("struct.error", e, isinstance(e, Exception))
