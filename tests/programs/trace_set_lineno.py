# Setting frame.f_lineno from a trace function jumps (CPython 3.11's rules).
import sys

out = []


def jumper(name, rel_from, rel_to, times=1, event="line"):
    """A trace function: in function `name`, at the `event` of line
    firstlineno+rel_from (any line for rel_from None), set f_lineno to
    firstlineno+rel_to, `times` times; errors are printed."""
    left = [times]

    def trace(frame, ev, arg):
        code = frame.f_code
        if code.co_name != name:
            return trace
        rel = frame.f_lineno - code.co_firstlineno
        if ev == event and left[0] > 0 and (rel_from is None or rel == rel_from):
            left[0] -= 1
            try:
                frame.f_lineno = code.co_firstlineno + rel_to
                out.append("jump %s: +%d -> +%d" % (ev, rel, rel_to))
            except ValueError as e:
                out.append("ValueError at %s +%d: %s" % (ev, rel, e))
        return trace

    return trace


def run(fn, tracer, *args):
    out.clear()
    sys.settrace(tracer)
    try:
        r = fn(*args)
    except Exception as e:
        r = "%s: %s" % (type(e).__name__, e)
    sys.settrace(None)
    print(fn.__name__, "->", r)
    for line in out:
        print("   ", line)


# Not tracing: CPython's thread state says the event is 'call'.
f = sys._getframe()
for v in (3, "3"):
    try:
        f.f_lineno = v
    except ValueError as e:
        print("outside a trace function:", e)


def forward():
    log = ["a"]
    log.append("b")
    log.append("c")
    log.append("d")
    return log


run(forward, jumper("forward", 2, 4))


def backward():
    n = 0
    n += 1
    out.append("n=%d" % n)
    return n


run(backward, jumper("backward", 4, 2, times=2))


def out_of_for():
    seen = []
    for i in range(5):
        seen.append(i)
        seen.append(-i)
    seen.append("after")
    return seen


run(out_of_for, jumper("out_of_for", 4, 5))


def continue_for():
    seen = []
    for i in range(3):
        seen.append(i)
        seen.append(-i)
    return seen


run(continue_for, jumper("continue_for", 4, 2, times=2))


def outer():
    def inner(x):
        x += 1
        x *= 10
        return x

    return inner(1), inner(2)


run(outer, jumper("inner", 2, 3))


def into_try():
    seen = []
    seen.append(1)
    try:
        seen.append(2)
        1 / 0
    except ZeroDivisionError:
        seen.append("caught")
    return seen


run(into_try, jumper("into_try", 2, 5))


def out_of_except():
    try:
        1 / 0
    except ZeroDivisionError:
        before = sys.exc_info()[0].__name__
        x = 1
    return before, sys.exc_info()[0]


run(out_of_except, jumper("out_of_except", 5, 6))


class Manager:
    def __enter__(self):
        out.append("enter")
        return self

    def __exit__(self, *exc):
        out.append("exit")
        return False


def out_of_with():
    seen = []
    with Manager():
        seen.append("in")
        seen.append("more")
    seen.append("after")
    return seen


run(out_of_with, jumper("out_of_with", 4, 6))


def gen():
    yield 1
    yield 2
    yield 3


def use_gen():
    return list(gen())


run(use_gen, jumper("gen", 2, 3))


def in_finally():
    try:
        1 / 0
    finally:
        a = 1
        b = 2
    return "swallowed", sys.exc_info()[0]


run(in_finally, jumper("in_finally", 4, 6))


def while_loop():
    n = 0
    while n < 10:
        n += 1
        n += 100
    return n


run(while_loop, jumper("while_loop", 5, 3, times=3))


def victim():
    x = 1
    for i in range(2):
        y = i
    try:
        z = 1
    except Exception:
        z = 2
    with Manager():
        q = 4

    return x


# The illegal ones.
run(victim, jumper("victim", None, 3))
run(victim, jumper("victim", None, 7))
run(victim, jumper("victim", None, 9))
run(victim, jumper("victim", None, 10))
run(victim, jumper("victim", None, -5))
run(victim, jumper("victim", None, 1000))
run(victim, jumper("victim", None, 1, event="call"))
run(victim, jumper("victim", None, 1, event="return"))
run(victim, jumper("victim", 3, 1, times=2))


def raises():
    x = 1
    raise KeyError(x)


run(raises, jumper("raises", None, 1, event="exception"))


def bad_value(frame, ev, arg):
    if frame.f_code.co_name == "forward" and ev == "line" and not out:
        for v in ("2", 2.0, True, 2**70, None):
            try:
                frame.f_lineno = v
            except ValueError as e:
                out.append("%r: %s" % (v, e))
        return None
    return bad_value


run(forward, bad_value)


def other_frame(frame, ev, arg):
    if frame.f_code.co_name == "forward" and ev == "line":
        frame.f_trace = None
        try:
            frame.f_lineno = frame.f_code.co_firstlineno + 3
        except ValueError as e:
            out.append("after f_trace = None: %s" % e)
        return None
    return other_frame


run(forward, other_frame)
