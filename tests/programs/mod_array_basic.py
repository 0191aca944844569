import array

a = array.array("B", [1, 2, 3])
print(a, len(a), a[0], a[-1], a.typecode, a.itemsize)
a[1] = 200
a.append(7)
a.extend([8, 9])
print(a, a.tolist(), a[1:3], a[::2], 7 in a, 100 in a)
print(array.array("d", [1.5, 2]), array.array("i"), array.array("q", range(3)) * 2)
print(array.array("h", [1, -2]) + array.array("h", [3]), array.array("l", [5]) == array.array("l", [5]))
b = array.array("H", array.array("b", [1, 2]))
print(b, bool(b), bool(array.array("i")), list(b)[::-1], sum(b))
print(array.array("B", b"ab"), array.array("h", [1, -2]).tobytes(), array.array("B", [104, 105]).tobytes())
c = array.array("i", [5, 1, 4])
c.insert(0, 9)
c.remove(1)
print(c, c.pop(), c.pop(0), c, c.index(5), c.count(5))
c.reverse()
print(c, "d" in array.typecodes)
for tc, v in [("b", 128), ("b", -129), ("B", -1), ("B", 256), ("H", 70000), ("i", 2 ** 31), ("I", -1), ("Q", -1), ("q", 2 ** 63), ("L", 2 ** 64)]:
    try:
        array.array(tc, [v])
    except OverflowError as e:
        print(tc, v, "OverflowError", e)
for bad in [lambda: array.array("X"), lambda: array.array("i", [1.5]), lambda: a[10], lambda: a.__setitem__(10, 1),
            lambda: array.array("d", ["x"]), lambda: a + array.array("b"), lambda: a.index(99)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
