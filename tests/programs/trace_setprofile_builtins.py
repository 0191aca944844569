import sys

events = []
def prof(frame, event, arg):
    if event.startswith('c_'):
        name = getattr(arg, '__name__', '?')
    elif event == 'return':
        name = repr(arg)
    else:
        name = ''
    events.append((event, frame.f_code.co_name, name))

def work(xs):
    n = len(xs)
    s = sorted(xs)
    m = max(xs)
    return n + m + s[0]

def g():
    yield 1
    yield 2

def bad():
    return abs('x')

sys.setprofile(prof)
work([3, 1, 2])
for v in g():
    pass
try:
    bad()
except TypeError:
    pass
sys.setprofile(None)
for e in events:
    print(*e)
