a = frozenset([3, 1, 2])
b = frozenset({2, 3, 4})
print(a, b, frozenset())
print(a | b, a & b, a - b, a ^ b)
print(type(a | b).__name__, type({1} | a).__name__, type(a | {9}).__name__)
print(a == {1, 2, 3}, a == frozenset([1, 2, 3]), len(a), 2 in a)
try:
    a.add(5)
except AttributeError as e:
    print("AttributeError:", e)

edges = {}
for u, v, w in [(1, 2, 7), (2, 3, 4), (2, 1, 9), (3, 4, 1), (4, 3, 2), (1, 4, 5)]:
    key = frozenset((u, v))
    edges[key] = min(edges.get(key, w), w)
for key in sorted(edges, key=lambda k: sorted(k)):
    print(sorted(key), edges[key])
print(edges[frozenset({2, 1})], frozenset({4, 3}) in edges, frozenset({1, 3}) in edges)

groups = {}
words = ["listen", "silent", "enlist", "google", "gogole", "cat", "act", "tac", "dog"]
for w in words:
    groups.setdefault(frozenset(w), []).append(w)
print(sorted(sorted(g) for g in groups.values()))

seen_states = set()
state = frozenset({1})
steps = 0
while state not in seen_states:
    seen_states.add(state)
    state = frozenset((x * 2) % 11 for x in state) | {1}
    steps += 1
print("steps until repeat:", steps, "states:", len(seen_states))
print(sorted(len(s) for s in seen_states))

nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(nested), frozenset({1, 2}) in nested)
power = [frozenset()]
for x in [1, 2, 3]:
    power = power + [s | {x} for s in power]
print(len(power), sorted(sorted(s) for s in power))
print(frozenset({1, 2}) <= frozenset({1, 2, 3}), frozenset({1, 2}).issubset({1}))
