def to_json(value, indent=0):
    pad = "  " * indent
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = [pad + "  " + to_json(v, indent + 1) for v in value]
        return "[\n" + ",\n".join(inner) + "\n" + pad + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = [pad + "  " + to_json(str(k)) + ": " + to_json(v, indent + 1) for k, v in value.items()]
        return "{\n" + ",\n".join(inner) + "\n" + pad + "}"
    return '"<unknown>"'


def compact(value):
    if isinstance(value, dict):
        return "{" + ",".join([compact(str(k)) + ":" + compact(v) for k, v in value.items()]) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join([compact(v) for v in value]) + "]"
    return to_json(value)


def flatten_keys(value, prefix=""):
    out = {}
    if isinstance(value, dict):
        for k, v in value.items():
            out.update(flatten_keys(v, prefix + str(k) + "."))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out.update(flatten_keys(v, prefix + str(i) + "."))
    else:
        out[prefix[:-1]] = value
    return out


doc = {
    "name": "framevm",
    "version": (0, 3, 1),
    "stable": False,
    "license": None,
    "ratio": 0.75,
    "big": 2 ** 70,
    "authors": [{"name": "Ann \"the dev\"", "commits": 412}, {"name": "Bo", "commits": 7}],
    "tags": [],
    "meta": {"path": "C:\\tmp", "notes": "line1\nline2", "empty": {}},
}
print(to_json(doc))
print(compact(doc))
for key, val in flatten_keys(doc).items():
    print(f"{key:<22} {val!r}")
print(isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, str)), isinstance("s", str), isinstance([], (tuple, list)))
