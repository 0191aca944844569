# 'line' events of `pass` (CPython 3.11 compiles it to a NOP where its line
# has no other instruction), of global/nonlocal (none), of leaving a `with`
# (the `with` line again), and what a profiler sees of calls of builtin
# types, functions and methods.
import sys

events = []

def tracer(frame, event, arg):
    code = frame.f_code
    if code.co_filename == __file__ and code.co_name not in ('tracer', 'prof'):
        events.append((event, code.co_name, frame.f_lineno - code.co_firstlineno))
    return tracer

def f_pass():
    pass

def f_if(x):
    if x: pass
    if x:
        pass
    else:
        pass
    return 1

def f_while():
    i = 0
    while i < 2:
        i += 1
        pass
    return i

def f_class():
    class C: pass
    class D:
        pass
    class E:
        x = 1; pass
    return C, D, E

def f_try():
    try: pass
    except: pass
    try:
        pass
    except:
        pass
    try:
        raise ValueError
    except ValueError:
        pass
    return 0

def f_for(r):
    for i in r: pass
    for i in r:
        pass
    for i in r:
        x = i; pass
    return 0

def f_scope():
    global events
    x = 1
    def g():
        nonlocal x
        x = 2
    g()
    pass; x = x
    return x

class CM:
    def __enter__(self): return self
    def __exit__(self, *a): return False

class Quiet:
    def __enter__(self): return self
    def __exit__(self, *a): return True

def f_with():
    with CM():
        x = 1
    with CM() as c:
        pass
    with CM() as a, CM() as b:
        x = 2
    with CM():
        with CM():
            x = 3
    y = 2
    return y

def f_with_exits():
    for i in range(3):
        with CM():
            if i == 1:
                continue
            if i == 2:
                break
            x = i
    with Quiet():
        raise ValueError
    try:
        with CM():
            raise KeyError
    except KeyError:
        pass
    with CM():
        return 1

sys.settrace(tracer)
f_pass(); f_if(1); f_if(0); f_while(); f_class(); f_try(); f_for([1, 2])
f_scope(); f_with(); f_with_exits()
sys.settrace(None)
for e in events:
    print(*e)

calls = []

def prof(frame, event, arg):
    if event.startswith('c_'):
        calls.append((event, arg.__qualname__, type(arg).__name__,
                      repr(arg.__self__) if hasattr(arg, '__self__') and not isinstance(arg.__self__, type(sys)) else ''))
    elif frame.f_code.co_name != 'prof':
        calls.append((event, frame.f_code.co_name, '', ''))

class K:
    def __init__(self): self.v = 1

class L(list): pass

def types_and_builtins():
    # Calls of types: no c_call (CPython 3.11 gives none), also when they raise.
    int('3'); list((1,)); str(5); tuple([1]); dict(a=1); set(); float('1.5')
    bool(0); type(3); range(3); object(); K(); L(); bytes(2); frozenset()
    enumerate([]); zip(); map(abs, [])
    try:
        int('x')
    except ValueError:
        pass
    # Builtin functions and methods: c_call/c_return (c_exception).
    len([1]); isinstance(1, int); sorted([2, 1]); abs(-1); max(1, 2)
    [].append(1); 'a'.upper(); (5).bit_length(); {}.get(1)
    str.join(',', ['a']); list.append([], 3)
    f = [].append; f(2)
    try:
        len(5)
    except TypeError:
        pass

sys.setprofile(prof)
types_and_builtins()
sys.setprofile(None)
for c in calls:
    print(*c)
