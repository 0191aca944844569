# async for and async with, driven by hand: the protocols, awaiting in
# __anext__/__aenter__/__aexit__, break/continue/else/return through them,
# exceptions and suppression, and the protocols' errors.


class Pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        yield self.tag


def run(coro):
    while True:
        try:
            got = coro.send(None)
        except StopIteration as e:
            return e.value
        print("  yielded", got)


class ARange:
    def __init__(self, n, pause=False):
        self.i = 0
        self.n = n
        self.pause = pause

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.pause:
            await Pause("anext %d" % self.i)
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


async def loops():
    out = []
    async for i in ARange(3):
        out.append(i)
    print("plain", out)
    async for i in ARange(6, pause=True):
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    else:
        print("not reached")
    async for i in ARange(2):
        pass
    else:
        print("else ran, i =", i)
    async for a in ARange(2):
        async for b in ARange(2):
            print("nested", a, b)
    return "loops done"


print(run(loops()))


async def find(n):
    async for i in ARange(10):
        if i == n:
            return "found %d" % i
    return "missing"


print(run(find(4)), run(find(20)))


class BadNext:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise KeyError("from anext")


async def bad_loop():
    try:
        async for x in BadNext():
            print("never")
    except KeyError as e:
        print("caught", repr(e))
    return "ok"


print(run(bad_loop()))


class Ctx:
    def __init__(self, name, suppress=False, pause=False):
        self.name = name
        self.suppress = suppress
        self.pause = pause

    async def __aenter__(self):
        print("enter", self.name)
        if self.pause:
            await Pause("aenter " + self.name)
        return self.name.upper()

    async def __aexit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        if self.pause:
            await Pause("aexit " + self.name)
        return self.suppress


async def withs():
    async with Ctx("a") as v:
        print("inside", v)
    async with Ctx("b", pause=True) as v, Ctx("c") as w:
        print("inside", v, w)
    async with Ctx("s", suppress=True, pause=True):
        raise ValueError("swallowed")
    print("after suppression")
    try:
        async with Ctx("r"):
            raise ValueError("escapes")
    except ValueError as e:
        print("caught", e)
    for i in range(3):
        async with Ctx("loop%d" % i):
            if i == 0:
                continue
            if i == 1:
                break
    try:
        try:
            async with Ctx("f", pause=True):
                return "returned"
        finally:
            print("finally inner")
    finally:
        print("finally outer")


print(run(withs()))


# A with whose __aexit__ raises replaces the exception.
class Raising:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *a):
        raise RuntimeError("from aexit")


async def raising():
    try:
        async with Raising():
            raise ValueError("original")
    except RuntimeError as e:
        print("RuntimeError", e, "context", repr(e.__context__))


run(raising())


# The exception being handled inside __aexit__ and after.
async def handled():
    try:
        raise KeyError("outer")
    except KeyError:
        async with Ctx("h", pause=True):
            pass


run(handled())


# throw() into a coroutine suspended in __aexit__'s await.
async def thrown():
    async with Ctx("t", pause=True):
        print("body t")


t = thrown()
print(t.send(None))
print(t.send(None))
try:
    t.throw(IndexError("thrown"))
except IndexError as e:
    print("IndexError", e)


# Protocol errors.
class NoAiter:
    pass


class AiterNoAnext:
    def __aiter__(self):
        return 42


class AnextNotAwaitable:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 42


class EnterOnly:
    async def __aenter__(self):
        pass


class SyncEnter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        pass


class SyncExit:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return False


class AwaitsNumber:
    def __await__(self):
        return 3


class AwaitsCoroutine:
    def __await__(self):
        c = find(1)
        c.close()
        return c


async def agen_for(obj):
    async for _ in obj:
        pass


async def agen_with(obj):
    async with obj:
        pass


async def agen_await(obj):
    await obj


for fn, obj in [
    (agen_for, NoAiter()),
    (agen_for, AiterNoAnext()),
    (agen_for, AnextNotAwaitable()),
    (agen_with, 5),
    (agen_with, EnterOnly()),
    (agen_with, SyncEnter()),
    (agen_with, SyncExit()),
    (agen_await, 5),
    (agen_await, AwaitsNumber()),
    (agen_await, AwaitsCoroutine()),
    (agen_await, (x for x in [])),
]:
    try:
        run(fn(obj))
    except TypeError as e:
        print(fn.__name__, "TypeError:", e)


# Awaiting a coroutine that another await is already driving.
async def waiter():
    await Pause("w")


inner = waiter()


async def first():
    await inner


async def second():
    await inner


f1 = first()
print(f1.send(None))
try:
    second().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
print(run(f1))
