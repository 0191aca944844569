# An exception escaping nested awaits: the traceback names every
# coroutine frame, innermost last.


class Step:
    def __await__(self):
        yield "step"


async def leaf(d):
    await Step()
    return d["missing"]


async def middle():
    return await leaf({})


async def top():
    value = await middle()
    return value


coro = top()
print(coro.send(None))
coro.send(None)
