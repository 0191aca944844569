# types.coroutine: a generator function whose generators `await` (and
# `yield from` in a coroutine) accept; compile-time errors of await and
# the async statements.
import types


@types.coroutine
def sleep(tag):
    reply = yield ("sleep", tag)
    return "woke %s with %r" % (tag, reply)


async def worker(n):
    out = []
    for i in range(n):
        out.append(await sleep(i))
    return out


w = worker(2)
print(w.send(None))
print(w.send("a"))
try:
    w.send("b")
except StopIteration as e:
    print("result", e.value)


# A types.coroutine generator may `yield from` a coroutine.
@types.coroutine
def bridge(coro):
    return (yield from coro)


async def inner():
    return await sleep("inner")


b = bridge(inner())
print(type(b).__name__, b.send(None))
try:
    b.send(1)
except StopIteration as e:
    print("bridge", e.value)


# A plain generator may not.
def plain(coro):
    yield from coro


c = inner()
try:
    list(plain(c))
except TypeError as e:
    print("TypeError:", e)
c.close()


# A plain generator is not awaitable.
def gen():
    yield 1


async def awaits_gen():
    await gen()


try:
    awaits_gen().send(None)
except TypeError as e:
    print("TypeError:", e)

try:
    types.coroutine(5)
except TypeError as e:
    print("TypeError:", e)

# Errors the compiler reports.
for src in [
    "await x",
    "def f():\n    await x\n",
    "def f():\n    async for a in b:\n        pass\n",
    "def f():\n    async with a:\n        pass\n",
    "async def f():\n    yield from x\n",
    "class C:\n    await x\n",
    "async def f():\n    g = lambda: await x\n",
]:
    try:
        exec(src)
    except SyntaxError as e:
        print("SyntaxError:", e)
