def mean(xs):
    assert len(xs) > 0, "empty input"
    return sum(xs) / len(xs)


assert mean([1, 2, 3]) == 2.0
assert True, "never shown"
assert [0], "non-empty list is truthy"
print("mean:", mean([4, 8, 15, 16, 23, 42]))

d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
d["b"] = 20
print(d, list(d))

lst = [0, 1, 2, 3, 4, 5]
del lst[0], lst[-1]
print(lst)
del lst[1]
print(lst)

x = 10
del x
x = "back"
print(x)

a, b = 1, 2
del a, b
a = 3
print(a)

data = {"users": [{"name": "ann", "tags": ["x", "y", "z"]}, {"name": "bob", "tags": []}]}
del data["users"][0]["tags"][0]
del data["users"][1]
print(data)

nums = list(range(20))
del nums[::3]
print(nums)
del nums[2:-2]
print(nums)
del nums[:]
print(nums)

inventory = {"apple": 0, "pear": 4, "plum": 0, "fig": 2}
for key in [k for k, v in inventory.items() if v == 0]:
    del inventory[key]
print(inventory)


def checked_sqrt(v):
    assert v >= 0, f"negative input {v}"
    r = v ** 0.5
    assert abs(r * r - v) < 1e-9
    return r


print([checked_sqrt(v) for v in [0, 1, 2, 9, 1e6]])
counter = {"hits": 3}
counter["hits"] -= 1
assert counter["hits"] == 2
del counter["hits"]
assert "hits" not in counter and len(counter) == 0
print("all assertions passed")
