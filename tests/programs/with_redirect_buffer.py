class Notice(Exception):
    pass


class Capture:
    stack = []

    def __init__(self):
        self.lines = []

    def __enter__(self):
        Capture.stack.append(self)
        return self.lines

    def __exit__(self, exc_type, exc, tb):
        Capture.stack.pop()
        if exc_type is not None:
            self.lines.append("!! " + exc_type.__name__)
        return exc_type is Notice


def emit(text):
    if Capture.stack:
        Capture.stack[-1].lines.append(text)
    else:
        print(text)


emit("direct 1")
with Capture() as outer:
    emit("captured a")
    with Capture() as inner:
        emit("captured inner")
    emit("captured b")
emit("direct 2")
print("outer:", outer)
print("inner:", inner)

try:
    with Capture() as failed:
        emit("before error")
        raise ValueError("bad")
except ValueError:
    emit("outside after ValueError")
print("failed:", failed)

with Capture() as warned:
    emit("about to notify")
    raise Notice("just a notice")
print("warned:", warned, "stack depth:", len(Capture.stack))


class Counter:
    def __init__(self, cm):
        self.cm = cm
        self.entered = 0

    def __enter__(self):
        self.entered += 1
        return self.cm.__enter__()

    def __exit__(self, *exc):
        return self.cm.__exit__(*exc)


wrapped = Counter(Capture())
for i in range(3):
    with wrapped as lines:
        emit(f"round {i}")
print(wrapped.entered, wrapped.cm.lines)
