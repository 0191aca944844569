# heapq's list operations (native in framevm) with items whose __lt__ is
# Python code: the order and count of comparisons do not matter, but the
# results, the errors raised inside __lt__, a list changed by __lt__, and
# CPython's argument errors do.
import heapq


class Item:
    def __init__(self, k, tag):
        self.k, self.tag = k, tag

    def __lt__(self, other):
        return self.k < other.k

    def __repr__(self):
        return "%s%s" % (self.k, self.tag)


h = []
for i, k in enumerate([5, 3, 8, 1, 9, 2, 7]):
    heapq.heappush(h, Item(k, "abcdefg"[i]))
print([heapq.heappop(h) for _ in range(len(h))])
h = [Item(k, "") for k in [4, 1, 3]]
heapq.heapify(h)
print(h[0], heapq.heapreplace(h, Item(0, "z")), heapq.heappushpop(h, Item(2, "p")), sorted(h, key=lambda i: i.k))


class Bad:
    def __lt__(self, other):
        raise ValueError("no order")


h = [1]
try:
    heapq.heappush(h, Bad())
except ValueError as e:
    print("ValueError", e, len(h))
try:
    heapq.heappush([1, 2], "x")
except TypeError as e:
    print("TypeError", e)
victim = []


class Grows:
    def __init__(self, k):
        self.k = k

    def __lt__(self, other):
        victim.append(0)
        return self.k < other.k


victim.extend([Grows(1), Grows(2)])
try:
    heapq.heappush(victim, Grows(0))
except RuntimeError as e:
    print("RuntimeError", e)
for f, args in [(heapq.heappush, ([],)), (heapq.heappop, ()), (heapq.heapify, ([], 1)),
                (heapq.heappushpop, ([1],)), (heapq.heapreplace, ((1,), 2))]:
    try:
        f(*args)
    except TypeError as e:
        print("TypeError", e)
h = [3, 1, 2]
heapq.heapify(h)
print(heapq.heappushpop(h, 0), heapq.heappushpop(h, 5), h, heapq.heappop([7]))
big = list(range(1000, 0, -1))
heapq.heapify(big)
print([heapq.heappop(big) for _ in range(5)], len(big))
