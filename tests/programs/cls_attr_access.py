class Settings:
    defaults = {"color": "blue", "size": 10}

    def __init__(self, **overrides):
        for key, value in Settings.defaults.items():
            setattr(self, key, overrides.get(key, value))
        for key in overrides:
            if key not in Settings.defaults:
                setattr(self, "x_" + key, overrides[key])


s = Settings(size=12, shape="round")
print(s.color, s.size, s.x_shape)
print(getattr(s, "color"), getattr(s, "weight", "n/a"), getattr(s, "size", 0))
print(hasattr(s, "x_shape"), hasattr(s, "shape"), hasattr(Settings, "defaults"))

for name in ["color", "size", "missing"]:
    try:
        print(name, "->", getattr(s, name))
    except AttributeError as e:
        print(name, "-> AttributeError:", e)

try:
    s.nothing_here
except AttributeError as e:
    print("AttributeError:", e)

try:
    Settings.nothing
except AttributeError as e:
    print("AttributeError:", e)

setattr(s, "size", getattr(s, "size") * 2)
print(s.size)


class Record:
    fields = ["name", "qty", "price"]

    def __init__(self, *values):
        for f, v in zip(Record.fields, values):
            setattr(self, f, v)

    def as_dict(self):
        return {f: getattr(self, f, None) for f in Record.fields}


rows = [Record("bolt", 100, 0.25), Record("nut", 250), Record("gear")]
for r in rows:
    print(r.as_dict())

print(sum(getattr(r, "qty", 0) * getattr(r, "price", 0) for r in rows))
method = getattr(rows[0], "as_dict")
print(method()["name"])
ops = {"upper": "HELLO", "lower": "hello", "title": "Hello"}
for op in ["upper", "lower"]:
    print(op, getattr("hElLo", op)() == ops[op])
del s.color
print(hasattr(s, "color"))
try:
    del s.color
except AttributeError as e:
    print("AttributeError:", e)
