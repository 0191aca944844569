import sys


class Buffer:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


buf = Buffer()
print("to a buffer", 42, sep="-", file=buf)
print("flushed", file=buf, flush=True)
print(buf.parts)
print("to stdout", file=sys.stdout)
print("to stdout, flushed", flush=True)
print(file=None, end="none file\n")
main = sys.modules["__main__"]
print(main.__name__, main.buf is buf, __import__("__main__") is main)
print(sys.stderr.write.__name__, callable(sys.stderr.flush) if False else "ok")
