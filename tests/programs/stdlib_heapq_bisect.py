# heapq and bisect: the heap invariant after every operation, pops in
# order, nlargest/nsmallest (with key, stability) and merge; bisect's
# search and insertion with lo/hi/key, and the errors of both.
import heapq
import bisect
import random

random.seed(5)
data = [random.randrange(100) for _ in range(60)]


def is_heap(h):
    return all(not h[i] < h[(i - 1) // 2] for i in range(1, len(h)))


h = []
for v in data:
    heapq.heappush(h, v)
print(is_heap(h), h[0] == min(data), len(h))
out = [heapq.heappop(h) for _ in range(len(h))]
print(out == sorted(data), out[:10])
h = list(data)
heapq.heapify(h)
print(is_heap(h), h[:8])
print(heapq.heapreplace(h, 500), is_heap(h), heapq.heappushpop(h, -1), heapq.heappushpop(h, 50), is_heap(h))
print(heapq.heappushpop([], 3))
for f, args in [(heapq.heappop, ([],)), (heapq.heapreplace, ([], 1)),
                (heapq.heappush, ((), 1)), (heapq.heapify, ({},)), (heapq.heappop, ("",))]:
    try:
        f(*args)
    except (IndexError, TypeError) as e:
        print(type(e).__name__, e)
tasks = []
for pri, name in [(3, "c"), (1, "a"), (2, "b"), (1, "a2")]:
    heapq.heappush(tasks, (pri, name))
print([heapq.heappop(tasks) for _ in range(4)])

print(heapq.nsmallest(5, data), heapq.nlargest(5, data))
print(heapq.nsmallest(3, data, key=lambda v: -v), heapq.nlargest(3, data, key=lambda v: v % 10))
print(heapq.nlargest(1, data), heapq.nsmallest(1, []), heapq.nsmallest(0, data), heapq.nlargest(100, [3, 1, 2]))
pairs = [(v % 5, i) for i, v in enumerate(data)]
print(heapq.nsmallest(6, pairs, key=lambda p: p[0]) == sorted(pairs, key=lambda p: p[0])[:6])
print(heapq.nlargest(6, pairs, key=lambda p: p[0]) == sorted(pairs, key=lambda p: p[0], reverse=True)[:6])
print(heapq.nsmallest(4, iter(data)), heapq.nlargest(4, (x for x in data)))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9], [])))
print(list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)), list(heapq.merge()))
print(list(heapq.merge([(1, "x"), (2, "x")], [(1, "y")], key=lambda p: p[0])))

# bisect
a = [1, 2, 4, 4, 4, 8, 9]
for x in [0, 1, 4, 5, 9, 10]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_right(a, 4, 0, 4), bisect.bisect_left(a, 4, hi=2))
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
s = []
for v in [5, 1, 4, 1, 3]:
    bisect.insort(s, v)
print(s)
bisect.insort_left(s, 4)
bisect.insort_right(s, 0)
print(s)
bisect.insort(recs, ("d", 4), key=lambda r: r[1])
bisect.insort_left(recs, ("e", 3), key=lambda r: r[1])
print(recs)
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError", e)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], score)] for score in [33, 99, 77, 70, 89, 90, 100]])
