# settrace: the events of an exception raised deep, passing through frames
# that do not catch it, caught further up, re-raised, and one escaping a
# generator; plus a tracer that stops tracing a frame by returning None.
import sys

log = []

def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == 'exception':
        log.append((event, name, frame.f_lineno - frame.f_code.co_firstlineno, arg[0].__name__, str(arg[1])))
    elif event == 'return':
        log.append((event, name, frame.f_lineno - frame.f_code.co_firstlineno, repr(arg)))
    else:
        log.append((event, name, frame.f_lineno - frame.f_code.co_firstlineno))
    if name == 'quiet':
        return None
    return tracer

def level3(x):
    if x > 1:
        raise KeyError(x)
    return x

def level2(x):
    y = level3(x)
    return y

def level1(x):
    try:
        return level2(x)
    except KeyError as e:
        return -1
    finally:
        log.append('finally')

def reraiser():
    try:
        level3(5)
    except KeyError:
        raise

def outer():
    try:
        reraiser()
    except KeyError:
        pass
    return 'ok'

def quiet():
    a = 1
    b = a + 1
    return b

def gen_fail():
    yield 1
    raise RuntimeError('gen')

def use_gen():
    out = []
    try:
        for v in gen_fail():
            out.append(v)
    except RuntimeError:
        out.append('caught')
    return out

sys.settrace(tracer)
level1(0)
level1(2)
outer()
quiet()
use_gen()
sys.settrace(None)
for entry in log:
    print(entry)
