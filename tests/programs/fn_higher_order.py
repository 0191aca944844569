def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x

    return composed


def reduce(fn, items, initial):
    acc = initial
    for item in items:
        acc = fn(acc, item)
    return acc


def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x


def curry2(f):
    return lambda a: lambda b: f(a, b)


def group_by(items, key):
    groups = {}
    for it in items:
        groups.setdefault(key(it), []).append(it)
    return groups


nums = list(range(1, 11))
print(list(map(lambda x: x * x, nums)))
print(list(filter(lambda x: x % 3 == 0, nums)))
print(list(map(lambda a, b: a * b, nums, reversed(nums))))
print(reduce(lambda a, b: a * b, nums, 1), reduce(lambda a, b: a + [b * 2], nums[:4], []))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print(repr(compose(str, abs, lambda x: x - 10)(3)))
print(apply_n(lambda s: s + "!", 3, "hi"), apply_n(lambda v: v * 2, 10, 1))
add = curry2(lambda a, b: a + b)
add3 = add(3)
print(add3(4), add("x")("y"), [add3(i) for i in range(3)])

words = ["banana", "Apple", "cherry", "date", "Elderberry", "fig"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len, reverse=True))
print(max(words, key=len), min(words, key=lambda w: w[-1]))
print(group_by(words, len))
print(group_by(nums, lambda n: "even" if n % 2 == 0 else "odd"))

records = [
    {"name": "ann", "dept": "eng", "salary": 120},
    {"name": "bo", "dept": "ops", "salary": 90},
    {"name": "cy", "dept": "eng", "salary": 105},
    {"name": "di", "dept": "ops", "salary": 95},
]
print([r["name"] for r in sorted(records, key=lambda r: r["salary"])])
print([r["name"] for r in sorted(records, key=lambda r: (r["dept"], -r["salary"]))])
payroll = reduce(lambda acc, r: acc + r["salary"], records, 0)
print("payroll:", payroll)
raised = list(map(lambda r: {"name": r["name"], "salary": round(r["salary"] * 1.05, 1)}, records))
print(raised)
print(list(map(str, [1, 2, 3])), list(map(int, ["4", "5"])), list(map(len, words)), list(map(abs, [-1, 2, -3])))
print(any(map(lambda w: w.startswith("E"), words)), all([len(w) > 2 for w in words]))
pipeline = [lambda xs: [x for x in xs if x > 3], lambda xs: [x * 10 for x in xs], sum]
value = nums
for stage in pipeline:
    value = stage(value)
print("pipeline result:", value)
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "max": max}
for sym, fn in ops.items():
    print(sym, fn(7, 3))
