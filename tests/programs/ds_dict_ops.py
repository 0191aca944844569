inventory = {"apples": 5, "pears": 2}
inventory["bananas"] = 12
inventory.update({"pears": 7, "kiwis": 3})
inventory.update([("plums", 1)])
print(inventory)
print(inventory.get("apples"), inventory.get("mangos"), inventory.get("mangos", 0))
print(list(inventory.keys()), list(inventory.values()), list(inventory.items())[:2])
print(inventory.setdefault("apples", 100), inventory.setdefault("figs", 4))
print(inventory.pop("pears"), inventory.pop("grapes", "none"), inventory)
print(len(inventory), "kiwis" in inventory, "pears" in inventory)
inventory["apples"] = 0
print(list(inventory))
inventory["pears"] = 1
print(list(inventory))

for name, qty in inventory.items():
    print(f"  {name:<8} {qty:>3}")

keys = ["a", "b", "c"]
d = dict(zip(keys, range(3)))
print(d, dict([("x", 1), ("y", 2)]), dict(), dict(d) == d)
mixed = {1: "int", 1.5: "float", "1": "str", (1, 2): "tuple", None: "none"}
mixed[True] = "bool overwrites 1"
mixed[2.0] = "float key"
mixed[2] = "int overwrites 2.0"
print(mixed)
print(mixed[1], mixed[1.0], mixed[(1, 2)], mixed[None], len(mixed))

students = [("ann", "math"), ("bob", "art"), ("cy", "math"), ("di", "bio"), ("eve", "art")]
by_subject = {}
for student, subject in students:
    by_subject.setdefault(subject, []).append(student)
print(by_subject)
sizes = {subject: len(names) for subject, names in by_subject.items()}
print(sizes, max(sizes, key=lambda s: sizes[s]))

print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {} == {})
scores = {"ann": 88, "bob": 95, "cy": 70, "di": 95}
print(sorted(scores), sorted(scores.values()), sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])))
inverse = {}
for name, score in scores.items():
    inverse.setdefault(score, []).append(name)
print(inverse)

config = {"db": {"host": "localhost", "port": 5432}, "debug": False}
config["db"]["port"] += 1
config.setdefault("cache", {})["size"] = 128
print(config)
merged = {}
for part in [{"a": 1}, {"b": 2, "a": 3}, {"c": 4}]:
    merged.update(part)
print(merged)
counts = {}
for word in "one two three two three three".split():
    counts[word] = counts.get(word, 0) + 1
print(counts, sum(counts.values()), list(counts.items())[-1])
while counts:
    k = list(counts)[0]
    print("popping", k, counts.pop(k))
print(counts, bool(counts))
