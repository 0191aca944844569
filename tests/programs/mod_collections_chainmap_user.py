# collections: ChainMap, UserDict, UserList, UserString, and their places in collections.abc.
from collections import ChainMap, UserDict, UserList, UserString
import collections.abc as abc
base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm["a"], cm["b"], cm["c"], len(cm), sorted(cm), list(cm), cm.get("z", 0), "a" in cm, repr(cm))
cm["d"] = 4; print(over, cm.maps[0] is over)
del cm["b"]; print(cm["b"])
try: del cm["a"]
except KeyError as e: print(e)
child = cm.new_child(); child["a"] = 100; print(child["a"], cm["a"], len(child.maps), child.parents == cm)
print(dict(cm), list(cm.items()), list(cm.keys()), list(cm.values()))
print(ChainMap(), bool(ChainMap()), bool(cm), cm.copy().maps[1] is base)
print(ChainMap({1: 2}) | {3: 4}, {3: 4} | ChainMap({1: 2}))
print(isinstance(cm, abc.MutableMapping), isinstance(cm, abc.Mapping))
print(cm.pop("d"), cm.setdefault("q", 9), cm["q"])
class Lower(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
d = Lower({"A": 1}, B=2); d["C"] = 3
print(d, len(d), d["a"], "b" in d, list(d), d.get("x", "none"), d.pop("a"), d, isinstance(d, abc.MutableMapping))
print(d == {"b": 2, "c": 3}, d.copy(), type(d.copy()).__name__, dict(d.items()))
class Missing(UserDict):
    def __missing__(self, k): return k * 2
print(Missing()["ab"])
ul = UserList([3, 1, 2]); ul.append(0); ul.sort()
print(ul, ul[1:], type(ul[1:]).__name__, ul + [9], [8] + ul, ul * 2, len(ul), 2 in ul, ul == [0, 1, 2, 3], ul < [5])
ul += (7,); print(ul, ul.pop(), ul.index(2), ul.count(1), isinstance(ul, abc.MutableSequence))
us = UserString("Hello")
print(us, repr(us), us.upper(), type(us.upper()).__name__, us + "!", "x" + us, us * 2, us[1:3], len(us), "ell" in us, us == "Hello")
print(us.split("l"), us.startswith("He"), us.find("l"), sorted([UserString("b"), UserString("a")]), hash(us) == hash("Hello"))
print(us.replace("l", "L"), "%s!" % us, us.zfill(8))
