# Coroutines driven by hand: await chains, values sent through awaitables,
# the coroutine object's protocol and its errors.


def run(coro):
    """Drives a coroutine to its end, printing what it yields."""
    sent = None
    while True:
        try:
            got = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("yielded", got)
        # Only Suspend (which yields ints) takes a reply.
        sent = ("reply", got) if isinstance(got, int) else None


class Suspend:
    """An awaitable whose __await__ is a generator: one suspension."""

    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        reply = yield self.tag
        print("Suspend got", reply)
        return self.tag * 2


class CountIter:
    """An iterator object (not a generator) as what __await__ returns."""

    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i < self.n:
            self.i += 1
            return "tick%d" % self.i
        raise StopIteration(self.n * 100)


class Counted:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        return CountIter(self.n)


async def leaf(x):
    return x + 1


async def middle(x):
    a = await leaf(x)
    b = await Suspend(a)
    c = await Counted(2)
    return a, b, c


async def top():
    r = await middle(10)
    print("middle gave", r)
    total = 0
    for i in range(3):
        total += await leaf(i)
    return total


print("result", run(top()))


# Recursion through awaits, as PEP 492's example.
async def tree(n):
    if n <= 0:
        return 1
    return await tree(n - 1) + 1 + await tree(n - 1)


print("tree", run(tree(5)))

# The coroutine object itself.
c = leaf(1)
print(type(c).__name__, repr(c).startswith("<coroutine object leaf at 0x"))
print(c.__name__, c.__qualname__, c.cr_running)


class K:
    async def meth(self):
        return "m"


km = K().meth()
print(km.__qualname__, repr(km).split(" at ")[0])
print(run(km))

for what in ["next", "iter", "for"]:
    try:
        if what == "next":
            next(c)
        elif what == "iter":
            iter(c)
        else:
            for _ in c:
                pass
    except TypeError as e:
        print(what, "TypeError:", e)

try:
    c.send(5)
except TypeError as e:
    print("TypeError:", e)
try:
    c.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
for step in ["send", "throw"]:
    try:
        if step == "send":
            c.send(None)
        else:
            c.throw(ValueError("late"))
    except RuntimeError as e:
        print(step, "RuntimeError:", e)
print("close after end:", c.close())

# close() before the start, then send.
c2 = leaf(2)
c2.close()
try:
    c2.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# __await__ gives a coroutine_wrapper that steps the coroutine.
w = middle(1).__await__()
print(type(w).__name__, iter(w) is w)
print(next(w))
try:
    w.send("by hand")
    w.send(None)
    while True:
        print("wrapper step", next(w))
except StopIteration as e:
    print("wrapper StopIteration", e.value)


class Delegating:
    """__await__ delegating to a coroutine's own __await__."""

    def __await__(self):
        return middle(5).__await__()


async def use_delegating():
    return await Delegating()


print("delegating", run(use_delegating()))


# throw() into a coroutine goes to the innermost awaitable first.
class Catcher:
    def __await__(self):
        try:
            yield "waiting"
        except KeyError as e:
            print("Catcher caught", repr(e))
            return "recovered"
        return "normal"


async def outer_throw():
    try:
        v = await Catcher()
        print("outer got", v)
        await Suspend(7)
    except ValueError as e:
        print("outer caught", repr(e))
        return "done"


t = outer_throw()
print(t.send(None))
print(t.throw(KeyError("k")))
try:
    t.throw(ValueError("v"))
except StopIteration as e:
    print("StopIteration", e.value)


# close() runs finally blocks of a suspended coroutine.
async def with_finally():
    try:
        await Suspend(1)
    finally:
        print("finally ran")


f = with_finally()
f.send(None)
print("close:", f.close())


# Exceptions pass through awaits with their tracebacks' frames.
async def raiser():
    raise KeyError("deep")


async def passes():
    await raiser()


try:
    run(passes())
except KeyError as e:
    print("KeyError", e)


# StopIteration raised inside a coroutine becomes a RuntimeError.
async def stops():
    raise StopIteration(3)


try:
    run(stops())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
