# Text files read in every way against chunk boundaries: lines ending in
# "\r", "\n" or "\r\n" (also split between two chunks of the read-ahead),
# multi-byte characters cut by a chunk's end, each newline mode, read(n),
# readline(), readline(n) and tell/seek mixed at random (seeded).
import os
import random

random.seed(5)
fn = "_tmp_open_chunks_%d.txt" % os.getpid()
pieces = ["a", "bc", "\r", "\n", "\r\n", "é", "€", "x" * 50, "\U0001F600"]
try:
    for trial in range(6):
        text = "".join(random.choice(pieces) for _ in range(random.randint(0, 3000)))
        with open(fn, "w", newline="") as f:
            f.write(text)
        for nl in [None, "", "\n", "\r", "\r\n"]:
            out = []
            with open(fn, newline=nl) as f:
                while True:
                    op = random.randint(0, 3)
                    if op == 0:
                        s = f.readline()
                    elif op == 1:
                        s = f.read(random.randint(0, 300))
                    elif op == 2:
                        s = f.readline(random.randint(0, 5))
                    else:
                        p = f.tell()
                        s = f.readline()
                        f.seek(p)
                        out.append(s == f.readline())
                    out.append(s)
                    if not s and op != 1 and op != 2:
                        break
            whole = "".join(x for x in out if isinstance(x, str))
            with open(fn, newline=nl) as f:
                lines = list(f)
            print(trial, repr(nl), len(out), len(whole), whole.count("\n"), whole.count("\r"),
                  all(x for x in out if isinstance(x, bool)), len(lines), out[-3:-1])
finally:
    os.remove(fn)
