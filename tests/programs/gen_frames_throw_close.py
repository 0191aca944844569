class Stop(Exception):
    pass

def worker(name, log):
    try:
        try:
            while True:
                x = yield
                log.append((name, x))
        except Stop as e:
            log.append((name, "stopped", str(e)))
            yield "bye " + name
    finally:
        log.append((name, "finally"))

log = []
ws = [worker(n, log) for n in "abcde"]
for w in ws:
    next(w)
ws[3].send(1)
ws[1].send(2)
print(ws[2].throw(Stop("now")))
try:
    ws[0].throw(ValueError("boom"))
except ValueError as e:
    print("propagated", e)
ws[4].close()
try:
    ws[3].throw(KeyError("k"))
except KeyError as e:
    print("keyerror", e)
print(log)
def deep(n):
    if n == 0:
        yield 1
        raise RuntimeError("bottom")
    yield from deep(n - 1)
try:
    for v in deep(50):
        print("got", v)
except RuntimeError as e:
    print("caught", e)
