# OrderedDict, defaultdict and Counter.
from collections import OrderedDict, defaultdict, Counter

o = OrderedDict()
print(o)
o["b"] = 1
o["a"] = 2
o["c"] = 3
print(o, list(o), list(o.keys()), list(o.values()), list(o.items()), len(o))
o.move_to_end("b")
print(o)
o.move_to_end("c", last=False)
print(o)
print(o.popitem(), o.popitem(last=False), o)
o2 = OrderedDict([("x", 1), ("y", 2)])
o3 = OrderedDict([("y", 2), ("x", 1)])
print(o2 == o3, o2 == dict(o3), dict(o3) == o2, o2 != o3)
print(OrderedDict(a=1), OrderedDict.fromkeys("ab", 0), o2.get("x"), o2.get("q", 5))
print("x" in o2, o2.pop("x"), o2.setdefault("z", 9), o2)
del o2["z"]
print(o2, dict(o2), list(reversed(OrderedDict(a=1, b=2))))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    o2["missing"]
except KeyError as e:
    print("KeyError", e)

dd = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    dd[word[0]].append(word)
print(dd)
print(dd["a"], dd["z"], len(dd), sorted(dd))
di = defaultdict(int)
for ch in "mississippi":
    di[ch] += 1
print(di, dict(di))
dn = defaultdict()
try:
    dn["k"]
except KeyError as e:
    print("KeyError", e)
print(dd.default_factory is list, dn.default_factory)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)

c = Counter("abracadabra")
print(c)
print(c["a"], c["z"], c.most_common(2), c.total())
print(sorted(c.elements()))
c.update("aaz")
c.update({"b": 10})
print(c)
c.subtract(a=100)
print(c)
a = Counter(a=3, b=1)
b = Counter(a=1, b=2, c=4)
print(a + b, a - b, a | b, a & b)
print(+Counter(a=2, b=-1), -Counter(a=2, b=-1))
print(Counter(), Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter(a=1) == Counter(a=1, b=0))
a += b
print(a)
del a["c"]
del a["nothing"]
print(a, list(a), dict(a))
