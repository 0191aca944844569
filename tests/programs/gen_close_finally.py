log = []


def resource(name):
    log.append("open " + name)
    try:
        i = 0
        while True:
            yield name + str(i)
            i += 1
    finally:
        log.append("close " + name)


r = resource("db")
print(next(r), next(r))
r.close()
print(log)
r.close()
print(next(r, "closed gen gives default"))

f = resource("file")
for item in f:
    if item.endswith("2"):
        break
print("stopped at", item, "| still open:", log[-1])
f.close()
print(log)


def guarded():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        log.append("saw GeneratorExit")
        raise
    finally:
        log.append("guarded cleanup")


g = guarded()
print(next(g))
g.close()
print(log[-2:])

never_started = resource("lazy")
never_started.close()
print("lazy opened?", "open lazy" in log)


def try_in_loop():
    for i in range(3):
        try:
            yield i
        finally:
            log.append("step done " + str(i))


t = try_in_loop()
print(next(t), next(t))
t.close()
print(log[-2:])


def finished():
    yield "only"
    log.append("body ended")


fin = finished()
print(list(fin))
fin.close()
print(log[-1])
