primes = {2, 3, 5, 7, 11}
evens = set(range(0, 12, 2))
print(primes, evens)
print(len(primes), 7 in primes, 8 in primes, 8 not in primes)
print(primes | evens)
print(primes & evens)
print(sorted(primes - evens), evens - primes)
print(primes ^ evens)
print(primes.union(evens) == primes | evens)
print(primes.intersection(evens), sorted(primes.difference(evens)), primes.symmetric_difference(evens))
print(primes.union([1], (13,), range(2)))

s = set()
print(s, len(s), bool(s))
for n in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]:
    s.add(n)
print(s, len(s))
s.discard(9)
s.discard(100)
print(s)
s.remove(4)
try:
    s.remove(4)
except KeyError as e:
    print("KeyError:", e)
print(s)
popped = sorted(s)
print(popped, sum(s), max(s), min(s))

print({1, 2} == {2, 1}, {1, 2} != {1, 2, 3}, set() == set([]))
print(set([1, 2, 2, 3, 3, 3]), set((4, 4, 5)), set(range(5)))
print(set("hello") == {"h", "e", "l", "o"}, sorted(set("mississippi")))
print(len({x % 7 for x in range(100)}))

a = {1, 2, 3}
b = a
b.add(4)
c = a.copy()
c.add(5)
print(a, b, c, a is b, a is c)
a.clear()
print(a, b, len(c))
