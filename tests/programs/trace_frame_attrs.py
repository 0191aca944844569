# The frame object a trace function gets: f_back, f_code, f_locals,
# f_globals, f_lineno, f_trace, f_trace_lines, f_trace_opcodes; a view of
# the live frame (the locals it shows change as the frame runs);
# sys._getframe and sys.gettrace.
import sys

seen = []
frames = []

def tracer(frame, event, arg):
    if frame.f_code.co_name == 'target':
        if event == 'call':
            frames.append(frame)
            back = frame.f_back
            seen.append(('call', back.f_code.co_name, frame.f_globals is globals(),
                         sorted(frame.f_locals), frame.f_trace))
        elif event == 'line':
            seen.append(('line', frame.f_lineno - frame.f_code.co_firstlineno,
                         sorted(frame.f_locals.items())))
        elif event == 'return':
            seen.append(('return', arg, frame.f_trace is tracer))
        return tracer
    if frame.f_code.co_name == 'no_lines':
        frame.f_trace_lines = False
        seen.append((event, frame.f_code.co_name, frame.f_trace_lines))
        return tracer
    return tracer

def target(a, b=2):
    c = a + b
    d = c * 2
    return d

def caller():
    return target(1)

def no_lines():
    x = 1
    y = 2
    return x + y

def getframe_user():
    f = sys._getframe()
    g = sys._getframe(1)
    return f.f_code.co_name, g.f_code.co_name, f.f_back.f_code.co_name, f.f_lineno - f.f_code.co_firstlineno

sys.settrace(tracer)
print(sys.gettrace() is tracer)
caller()
no_lines()
print(getframe_user())
sys.settrace(None)
print(sys.gettrace())
for s in seen:
    print(s)
# The frame is gone: what it showed stays.
f = frames[0]
print(f.f_code.co_name, sorted(f.f_locals.items()), f.f_lineno - f.f_code.co_firstlineno)
print(type(f).__name__)
print(sys._getframe().f_code.co_name)
try:
    sys._getframe(50)
except ValueError as e:
    print('ValueError', e)
# A frame object held in its own frame's locals: after the frame is
# gone, f_locals still shows it under its name.
def holds_itself():
    me = sys._getframe()
    x = 1
    return me
fr = holds_itself()
print(sorted(fr.f_locals), fr.f_locals['me'] is fr, fr.f_locals['x'])
