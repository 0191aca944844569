def pairwise(it):
    it = iter(it)
    prev = next(it, None)
    for cur in it:
        yield prev, cur
        prev = cur


def window(seq, size):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)


def batched(seq, n):
    batch = []
    for x in seq:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


def my_enumerate(it, start=0):
    i = start
    for x in it:
        yield i, x
        i += 1


def my_zip(*its):
    iters = [iter(i) for i in its]
    while True:
        row = []
        for it in iters:
            try:
                row.append(next(it))
            except StopIteration:
                return
        yield tuple(row)


temps = [12, 15, 11, 18, 21, 19, 25]
print(list(pairwise(temps)))
print([b - a for a, b in pairwise(temps)])
print(list(window(temps, 3)))
print([round(sum(w) / len(w), 2) for w in window(temps, 3)])
print(list(batched(range(11), 4)))
print(list(my_enumerate("xyz", 1)))
print(list(my_zip("abcd", [1, 2, 3], range(100))))
print(list(pairwise([])), list(pairwise([1])))

rising = sum(1 for a, b in pairwise(temps) if b > a)
print("rising days:", rising)

g1 = window(range(100), 5)
g2 = batched(range(100), 7)
g3 = pairwise(range(100))
for _ in range(3):
    print(next(g1), next(g2), next(g3))
print("left three generators suspended mid-way")
