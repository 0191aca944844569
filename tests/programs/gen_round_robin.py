def worker(name, steps):
    for i in range(1, steps + 1):
        yield f"{name} step {i}/{steps}"
    return name


def scheduler(tasks):
    queue = list(tasks)
    finished = []
    ticks = 0
    while queue:
        task = queue.pop(0)
        try:
            print(next(task))
            queue.append(task)
        except StopIteration as e:
            finished.append(e.value)
        ticks += 1
    return finished, ticks


done, ticks = scheduler([worker("A", 3), worker("B", 1), worker("C", 2)])
print("finished order:", done, "ticks:", ticks)


def counter(start, step):
    n = start
    while True:
        yield n
        n += step


gens = [counter(0, 1), counter(100, 10), counter(-5, -5)]
rows = []
for _ in range(4):
    rows.append([next(g) for g in gens])
for row in rows:
    print(row)


def interleave(*iterables):
    iters = [iter(it) for it in iterables]
    while iters:
        alive = []
        for it in iters:
            try:
                yield next(it)
                alive.append(it)
            except StopIteration:
                pass
        iters = alive


print(list(interleave("abc", [1, 2], range(10, 15))))

many = [counter(i, i) for i in range(1, 51)]
for _ in range(3):
    for g in many:
        next(g)
print(sum(next(g) for g in many))
