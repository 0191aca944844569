# print() writes to sys.stdout when the script rebinds it (directly or
# through contextlib.redirect_stdout), and back to the real stream after.
import io
import sys
from contextlib import redirect_stdout

buf = io.StringIO()
sys.stdout = buf
print("one", 2, sep="|", end="!\n")
print("two")
sys.stdout = sys.__stdout__
print(repr(buf.getvalue()))

out = io.StringIO()
with redirect_stdout(out):
    print("inside", [1, 2])
    help_text = "x"
print("outside", repr(out.getvalue()))


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


c = Collector()
with redirect_stdout(c):
    print("a", "b", flush=True)
print(c.parts)
sys.stdout = None
print("dropped")
sys.stdout = sys.__stdout__
err = io.StringIO()
print("to file", file=err)
print(repr(err.getvalue()), "done")
