# settrace 'line' events through control flow whose bytecode differs most
# between framevm and CPython: class bodies, if/else with an implicit
# return after it, while with break and continue, for/else, try/finally,
# a comprehension, a lambda, a one-line function. (Not `pass` in a traced
# frame: CPython runs a NOP for it, framevm compiles it to nothing.)
import sys

log = []

def tracer(frame, event, arg):
    log.append((event, frame.f_code.co_name, frame.f_lineno))
    return tracer

def branches(x):
    if x > 0:
        y = 'pos'
    else:
        y = 'neg'
    return y

def loops(n):
    i = 0
    while True:
        i += 1
        if i == 2:
            continue
        if i > n:
            break
    for j in range(2):
        i += 0
    else:
        i += 10
    for k in range(5):
        if k == 1:
            break
    else:
        i = -1
    return i

def guarded():
    try:
        v = 1 // 0
    except ZeroDivisionError:
        v = 0
    finally:
        v += 1
    return v

def comp(n):
    return [i * 2 for i in range(n) if i % 2]

one = lambda a: a + 1

def one_line(): return 7

class Shape:
    sides = 0

    def area(self):
        return 0

class Square(Shape):
    sides = 4
    def __init__(self, s):
        self.s = s

sys.settrace(tracer)
branches(1)
branches(-1)
loops(3)
guarded()
comp(4)
one(1)
one_line()
Square(2).area()
if True:
    pass
sys.settrace(None)
for entry in log:
    print(entry)
