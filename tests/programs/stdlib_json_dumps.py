# json.dumps: types, float repr, string escaping, indent, separators,
# sort_keys, ensure_ascii, default, skipkeys, allow_nan, circular checks.
import json
from collections import OrderedDict, namedtuple

print(json.dumps(None), json.dumps(True), json.dumps(False))
print(json.dumps(0), json.dumps(-17), json.dumps(2**100), json.dumps(-(2**70)))
for f in [0.0, -0.0, 1.5, 0.1, 1e16, 1e-7, 123456789.123, 1e300, 2.5e-300, 3.0]:
    print(json.dumps(f))
print(json.dumps(float("nan")), json.dumps(float("inf")), json.dumps(-float("inf")))
print(json.dumps("plain"))
print(json.dumps('quote " backslash \\ slash / nl \n cr \r tab \t bs \b ff \f nul \x00 esc \x1b del \x7f'))
print(json.dumps("caf\u00e9 \u20ac \U0001f600 \u4e2d"))
print(json.dumps("caf\u00e9 \u20ac \U0001f600 \u4e2d", ensure_ascii=False))
print(json.dumps([1, "a", None, [2, [3, []]], {}, ()]))
print(json.dumps({"b": 1, "a": [1, 2], "c": {"x": None}}))
print(json.dumps({"b": 1, "a": 2, "c": 3}, sort_keys=True))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none", "s": "str"}))
print(json.dumps({3: "c", 1: "a", 2: "b"}, sort_keys=True))
print(json.dumps((1, 2, (3,))))
print(json.dumps([1, {"a": 2}], separators=(",", ":")))
print(json.dumps({"a": 1, "b": [1, 2]}, separators=(" ; ", " = ")))
data = {"name": "x", "list": [1, 2, {"deep": [True, False]}], "empty": [], "e2": {}, "n": None}
print(json.dumps(data, indent=2))
print(json.dumps(data, indent=0))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps([1, [2, 3]], indent=4, separators=(",", ": ")))
print(json.dumps(OrderedDict([("z", 1), ("a", 2)])))
P = namedtuple("P", "x y")
print(json.dumps(P(1, 2)))


class MyInt(int):
    pass


class MyStr(str):
    pass


print(json.dumps([MyInt(5), MyStr("s"), {MyStr("k"): MyInt(1)}]))


class Thing:
    def __init__(self, v):
        self.v = v


def default(o):
    if isinstance(o, Thing):
        return {"thing": o.v}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError("nope")


print(json.dumps([Thing(1), {3, 1, 2}, Thing(Thing(2))], default=default))


class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)


print(json.dumps({"c": 1 + 2j}, cls=Enc))
print(Enc(indent=1).encode([1j]))

for bad in [Thing(1), {1, 2}, b"bytes", object()]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({(1, 2): 3, "ok": 4}, skipkeys=True))
print(json.dumps({(1, 2): 3}, skipkeys=True))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps({"a": float("inf")}, allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
a = [1]
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError:", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps({"a": 1, 2: 3}, sort_keys=True)
except TypeError as e:
    print("TypeError:", e)
shared = [1]
print(json.dumps([shared, shared]))
print(json.dumps("x" * 3, indent=2))
print(repr(json.JSONEncoder().encode({"k": [1.25]})))
print("".join(json.JSONEncoder().iterencode([1, 2])))
import io

buf = io.StringIO()
json.dump({"a": [1, 2]}, buf, indent=1)
print(buf.getvalue())
