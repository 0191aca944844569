"""Drives a program under a pseudo-terminal, for tests/cli.rs.

    python3 pty_session.py PROGRAM STEP...

Each STEP is `send:TEXT` (typed, with `\\n` and `\\x04` escapes) or
`sleep:SECONDS` or
`wait:TEXT` (reads until TEXT has appeared in the output since the last
wait, 10 s at most). At the end, waits for the program to exit and prints
the whole transcript, then `EXIT <status>`. Exits 3 on a timeout (the
transcript so far is printed).
"""
import os, pty, select, sys, time

def main():
    prog, steps = sys.argv[1], sys.argv[2:]
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm"
        os.execv(prog, [prog])
    out = b""
    seen = 0
    def read(timeout):
        nonlocal out
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            return False
        try:
            data = os.read(fd, 4096)
        except OSError:
            return None
        if not data:
            return None
        out += data
        return True
    for step in steps:
        kind, _, text = step.partition(":")
        text = text.encode().decode("unicode_escape").encode()
        if kind == "send":
            os.write(fd, text)
        elif kind == "sleep":
            time.sleep(float(text))
        elif kind == "wait":
            deadline = time.time() + 10
            while text not in out[seen:]:
                left = deadline - time.time()
                if left <= 0 or read(left) is None:
                    sys.stdout.write(out.decode("utf-8", "replace"))
                    print("\nTIMEOUT waiting for %r" % text)
                    sys.exit(3)
            seen = out.index(text, seen) + len(text)
    deadline = time.time() + 10
    while time.time() < deadline:
        if read(0.5) is None:
            break
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(out.decode("utf-8", "replace"))
    print("\nEXIT %d" % os.waitstatus_to_exitcode(status))

main()
