# Async generators driven by hand: async for over them (awaits inside
# pass their yields through), asend/athrow/aclose, finally blocks,
# asynchronous generator expressions, and the errors.


class Pause:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got


def run(coro):
    while True:
        try:
            got = coro.send(None)
        except StopIteration as e:
            return e.value
        print("  suspended:", got)


async def ticker(n):
    for i in range(n):
        await Pause("tick %d" % i)
        yield i
    print("ticker done")


async def consume():
    out = []
    async for v in ticker(3):
        out.append(v)
    print("consumed", out)
    async for v in ticker(5):
        if v == 2:
            break
    print("broke at", v)
    print("comprehension", [v * 10 async for v in ticker(2)])
    doubled = (v * 2 async for v in ticker(3))
    print(type(doubled).__name__, [v async for v in doubled])
    return "consume done"


print(run(consume()))


async def echo():
    received = []
    try:
        while True:
            try:
                v = yield len(received)
            except KeyError as e:
                print("echo caught", repr(e))
                v = "from-throw"
            received.append(v)
    finally:
        print("echo finally", received)


def first(aw):
    """The value an awaitable finishes with, when it does not suspend."""
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("suspended")


e = echo()
print(type(e).__name__, repr(e).startswith("<async_generator object echo at"))
print(e.__name__, e.__qualname__, e.ag_running)
print(e.__aiter__() is e)
nxt = e.__anext__()
print(type(nxt).__name__, nxt.__await__() is nxt)
print("first", first(nxt))
try:
    nxt.send(None)
except RuntimeError as err:
    print("RuntimeError:", err)
print("asend", first(e.asend("a")))
print("asend", first(e.asend("b")))
print("athrow", first(e.athrow(KeyError("k"))))
print("aclose", first(e.aclose()))
try:
    first(e.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration after aclose")
print("aclose again", first(e.aclose()))


async def stubborn():
    try:
        yield 1
    finally:
        yield 2


s = stubborn()
first(s.__anext__())
try:
    first(s.aclose())
except RuntimeError as err:
    print("RuntimeError:", err)


async def raises_sai():
    raise StopAsyncIteration
    yield


try:
    first(raises_sai().__anext__())
except RuntimeError as err:
    print("RuntimeError:", err)


async def passes_error():
    yield 1
    raise ValueError("inside")


p = passes_error()
first(p.__anext__())
try:
    first(p.__anext__())
except ValueError as err:
    print("ValueError:", err)


# athrow on an unstarted generator raises there; aclose just closes it.
try:
    first(ticker(1).athrow(IndexError("early")))
except IndexError as err:
    print("IndexError:", err)
t = ticker(1)
print("aclose unstarted", first(t.aclose()))
try:
    first(t.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")

for what in ["iter", "next", "send"]:
    try:
        if what == "iter":
            iter(ticker(1))
        elif what == "next":
            next(ticker(1))
        else:
            ticker(1).send(None)
    except (TypeError, AttributeError) as err:
        print(what, type(err).__name__ + ":", err)

try:
    exec("async def f():\n    yield 1\n    return 2\n")
except SyntaxError as err:
    print("SyntaxError:", err)


# An async generator expression in a plain function, consumed by hand.
def make():
    return (x + 1 async for x in ticker(2))


g = make()
a = g.__anext__()
print(a.send(None))
try:
    a.send(None)
except StopIteration as stop:
    print("value", stop.value)
