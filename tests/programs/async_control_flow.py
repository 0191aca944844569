# Awaits inside except handlers (the handled exception survives the
# suspension), finally blocks run by return/continue/break, and awaits in
# comprehensions, operands, dict displays and nested coroutines.
import sys
class P:
    def __init__(s, t): s.t = t
    def __await__(s):
        r = yield s.t
        return r
def run(c):
    v = None
    while True:
        try:
            got = c.send(v)
        except StopIteration as e:
            return e.value
        print("y", got)
        v = got
async def f():
    try:
        raise KeyError("a")
    except KeyError:
        print("in handler", sys.exc_info()[0].__name__)
        await P(1)
        print("still", sys.exc_info()[0].__name__)
    print("after", sys.exc_info()[0])
    try:
        return await P(2)
    finally:
        x = await P(3)
        print("finally awaited", x)
print(run(f()))
async def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            await P(i)
        finally:
            await P(10 + i)
    while True:
        try:
            break
        finally:
            await P(99)
    return "g"
print(run(g()))
async def k():
    x = [await P(i) for i in range(2)]
    y = await P(5) + await P(6)
    d = {await P("k"): await P("v")}
    return x, y, d, (lambda: 1)()
print(run(k()))
async def nested():
    async def inner(a):
        return a * await P(a)
    return [await inner(i) for i in range(3)]
print(run(nested()))
