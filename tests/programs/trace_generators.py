# settrace on generators: a 'call' at every resumption and a 'return' at
# every yield (with the value), send and throw, yield from a subgenerator,
# a generator expression, and a closed generator.
import sys

log = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    rel = frame.f_lineno - frame.f_code.co_firstlineno
    if event == 'exception':
        log.append((event, name, rel, arg[0].__name__))
    elif event in ('return',):
        log.append((event, name, rel, repr(arg)))
    else:
        log.append((event, name, rel))
    return tracer

def counter(n):
    i = 0
    while i < n:
        got = yield i
        if got is not None:
            i = got
        i += 1
    return 'end'

def sub():
    yield 'a'
    yield 'b'
    return 'sub-done'

def delegator():
    r = yield from sub()
    yield r

def catcher():
    try:
        yield 1
    except ValueError:
        yield 'handled'

def drive():
    c = counter(5)
    out = [next(c), c.send(2), next(c)]
    out += list(delegator())
    k = catcher()
    out.append(next(k))
    out.append(k.throw(ValueError))
    out.append(sum(x * x for x in range(3)))
    return out

sys.settrace(tracer)
result = drive()
sys.settrace(None)
print(result)
for entry in log:
    print(entry)
