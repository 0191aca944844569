import sys

def tracer(frame, event, arg):
    if event == 'exception':
        arg = arg[0].__name__
    elif event == 'return' or event == 'call':
        pass
    print(event, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno, repr(arg) if event != 'call' else '')
    return tracer

def inner(x):
    y = x * 2
    return y + 1

def gen(n):
    for i in range(n):
        yield i * i
    return 'done'

def raiser():
    raise ValueError('boom')

def catcher():
    try:
        raiser()
    except ValueError as e:
        z = 1
    return z

def loop():
    total = 0
    for i in range(3):
        total += inner(i)
    while total > 10:
        total -= 5
    return total

def nested():
    def deep(a):
        return a + 1
    return deep(deep(1))

sys.settrace(tracer)
loop()
list(gen(3))
catcher()
nested()
sys.settrace(None)
print('done')
