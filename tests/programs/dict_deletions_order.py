d = {}
for i in range(1000):
    d[i] = i
for i in range(0, 1000, 3):
    del d[i]
print(len(d), list(d)[:5], list(d)[-3:])
print(d.popitem(), len(d))
for i in range(0, 1000, 3):
    d[i] = -i
print(list(d.items())[-3:], list(reversed(d))[:3])
lru = {}
for i in range(100000):
    k = i % 100
    if k in lru:
        v = lru.pop(k)
        lru[k] = v + 1
    else:
        lru[k] = 0
    if len(lru) > 50:
        del lru[next(iter(lru))]
print(len(lru), sum(lru.values()), list(lru)[:5])
print({1: 2, 3: 4}, repr({i: i for i in range(5) if i != 2}))
e = {i: i for i in range(40)}
for i in range(35):
    del e[i]
print(e, e == {35: 35, 36: 36, 37: 37, 38: 38, 39: 39})
import collections
od = collections.OrderedDict((i, i) for i in range(10))
od.move_to_end(3); od.move_to_end(7, last=False)
print(list(od), od.popitem(last=False))
