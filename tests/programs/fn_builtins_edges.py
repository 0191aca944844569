# int() literals with prefixes and base 0, pow edge cases, dict.fromkeys/str.maketrans/float.fromhex, property(fget, fset, fdel, doc), dir() through __dir__, keyword merging errors, the lazy __getitem__ iteration protocol.
print(int('0o1_2_3', 8), int('0x_ff', 16), int('-0b101', 0), int(' 12 '), int('0', 0), int('00', 0))
for bad in ['010', '1__2', '_1', '0x', '1_']:
    try:
        print(int(bad, 0))
    except ValueError as e:
        print(e)
print(0 ** (1 << 65), 1 ** (1 << 65), (-1) ** (1 << 65), (-1) ** ((1 << 65) + 1))
print(pow(0, 1, None), pow(2, 3, None), pow(0, 0, 1))
print(dict.fromkeys([1, 2]), dict.fromkeys("ab", 0), str.maketrans("a", "b"), float.fromhex("0x1p-2"))
class P:
    def g(self): return 1
    x = property(g, None, None, "doc")
print(P().x)
class D:
    def __dir__(self): return ["b", "a"]
print(dir(D()))
def f(x, y): pass
try:
    f(x=1)
except TypeError as e: print(e)
def f1(**kw): print(kw)
try:
    f1(**{"a": 1, "b": 2}, **{"b": 3})
except TypeError as e: print(e)
try:
    f1(**{"a": 1}, a=2)
except TypeError as e: print(e)
def g(**kw): return sorted(kw.items())
class Mapping:
    def keys(self): return ["a", "b"]
    def __getitem__(self, k): return k * 2
print(g(**Mapping(), c=1))
try:
    g(**{1: 2})
except TypeError as e:
    print(e)
class Seq:
    def __getitem__(self, i):
        print("getitem", i)
        if i > 2:
            raise StopIteration
        return i * 10
for v in Seq():
    print("got", v)
class Forever:
    def __getitem__(self, i): return i
for a, b in zip(Forever(), "xy"):
    print(a, b)
class BadInt:
    def __int__(self): return None
try:
    int(BadInt())
except TypeError as e:
    print(e)
try:
    round(1, 2, 3)
except TypeError as e:
    print(e)
