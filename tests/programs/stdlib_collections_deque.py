# collections.deque: both ends, maxlen, indexing, rotation, errors.
from collections import deque

d = deque()
print(d, len(d), bool(d))
d.append(1)
d.append(2)
d.appendleft(0)
print(d, len(d), bool(d), d[0], d[-1], d[1])
d.extend([3, 4])
d.extendleft("ab")
print(d)
print(d.pop(), d.popleft(), d)
print(list(d), list(reversed(d)), 2 in d, 9 in d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d[0] = "x"
d[-1] = "y"
print(d, d.count("x"), d.index(2))
del d[1]
print(d)
d.insert(1, "ins")
d.remove("ins")
d.reverse()
print(d)
d.clear()
print(d, len(d))

# maxlen: the other end gives way
m = deque([1, 2, 3, 4, 5], 3)
print(m, m.maxlen)
m.append(6)
print(m)
m.appendleft(0)
print(m)
m.extend(range(10, 15))
print(m)
z = deque((), 0)
z.append(1)
print(z, len(z))

# many operations from both ends
q = deque()
for i in range(100):
    q.append(i)
    if i % 3 == 0:
        q.appendleft(-i)
total = 0
while q:
    total += q.popleft()
    if q:
        total += q.pop() * 2
print(total)

# comparisons and arithmetic
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1]) < deque([2]))
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2)
c = m.copy()
c.append(99)
print(m, c)

for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque((), -1), lambda: deque([1, 2, 3])[0:2], lambda: deque([1]).remove(7),
            lambda: deque([1], 1).insert(0, 5)):
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    d = deque([1, 2])
    d[0:1] = [5]
except TypeError as e:
    print("TypeError", e)
try:
    del d[0:1]
except TypeError as e:
    print("TypeError", e)
