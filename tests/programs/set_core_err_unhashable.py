# A list inside a set display: TypeError, as CPython says it.
seen = {1, 2}
seen.add((3, 4))
print(len(seen), (3, 4) in seen)
print({1} | frozenset([2]))
row = [5, 6]
print({0, row})
