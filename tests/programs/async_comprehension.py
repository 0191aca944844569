# Asynchronous comprehensions in coroutines: `async for` clauses and
# `await` in list, set and dict comprehensions (each one a coroutine that
# its function awaits).


class Pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        yield self.tag
        return self.tag


class ARange:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Pause("next")
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as e:
            print("  after", steps, "suspensions")
            return e.value


async def double(x):
    await Pause(x)
    return 2 * x


async def comps():
    print([x async for x in ARange(3)])
    print({x % 2 async for x in ARange(4)})
    print({x: await double(x) async for x in ARange(2)})
    print([await double(x) for x in range(3)])
    print([(a, b) async for a in ARange(2) for b in range(2) if a != b])
    print([(a, b) for a in range(2) async for b in ARange(2)])
    print([x async for x in ARange(5) if x % 2 async for _ in ARange(1)])
    print([[await double(y) for y in range(x)] for x in range(3)])
    return "done"


print(run(comps()))


class Broken:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise ValueError("broken")


async def raises():
    try:
        return [x async for x in Broken()]
    except ValueError as e:
        return "caught " + str(e)


print(run(raises()))

for src in [
    "[x async for x in y]",
    "def f():\n    return [x async for x in y]\n",
    "def f():\n    return [await x for x in y]\n",
    "async def f():\n    return [lambda: [x async for x in y] for z in w]\n",
]:
    try:
        exec(src)
    except SyntaxError as e:
        print("SyntaxError:", e)
