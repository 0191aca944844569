# Methods of builtin types taken from the type (str.upper, list.append, int.__add__, ...), and range slices.
print(str.upper("abc"), list(map(str.strip, [" a ", "b "])), sorted(["B", "a", "C"], key=str.lower))
print(str.center("ab", 6, "*"), str.count("aaa", "a"), str.partition("a-b", "-"), list.__getitem__([5, 6], 1))
l = []; list.append(l, 3); print(l, dict.get({1: 2}, 1), tuple.index((4, 5), 5), int.bit_length(255), float.is_integer(2.0))
print(int.__add__(2, 3), str.join(",", ["x", "y"]), str.upper)
try:
    str.upper(5)
except TypeError as e:
    print(e)
r = range(4)
print(r[1::2], r[::-1], r[1:-2:2], range(1,100,5)[15:5:-3], range(100,1,-5)[5:15:3], list(range(1,100,5)[15:5:-3]))
