#!/usr/bin/env python3
"""Memory of a deep recursion under each frame strategy.

Runs `d(n)` (a function calling itself n deep, `return 1 + d(n - 1)`) at
depths 1,000, 50,000 and 100,000 with the recursion limit raised, under
each of framevm's frame strategies, and reports:

- the frames alive at the peak and the allocator's peak bytes (from
  `--stats`), hence bytes per frame as the allocator counts them;
- the process's peak resident set size at each depth, and the slope from
  50,000 to 100,000: (RSS(100,000) - RSS(50,000)) / 50,000 bytes per extra
  frame, which shows memory grows in proportion to the frames alive. (Up
  to the first tens of thousands of frames the heap partly reuses memory
  the compiler freed, so the slope from 1,000 is lower.)

CPython 3.11 (python3) runs the same recursion for reference.
Usage: scripts/deep-recursion.py [path/to/framevm]   (after cargo build --release)
"""
import os
import re
import subprocess
import sys
import tempfile

FRAMEVM = sys.argv[1] if len(sys.argv) > 1 else "target/release/framevm"
DEPTHS = [1_000, 50_000, 100_000]
STRATEGIES = ["freelist", "zombie", "datastack", "malloc"]
BODY = "def d(n):\n    if n == 0:\n        return 0\n    return 1 + d(n - 1)\n\n\nprint(d({n}))\n"


def measure(argv):
    """Runs argv in a child and returns (stdout, stderr, peak RSS in bytes)."""
    probe = (
        "import resource, subprocess, sys\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(p.stdout)\n"
        "sys.stderr.write(p.stderr)\n"
        "sys.stderr.write('\\nMAXRSS %d\\n' % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(p.returncode)\n"
    )
    p = subprocess.run([sys.executable, "-c", probe, *argv], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed:\n{p.stderr}")
    rss = int(re.search(r"MAXRSS (\d+)", p.stderr).group(1)) * 1024  # KiB on Linux
    return p.stdout, p.stderr, rss


def stat(text, name):
    m = re.search(rf"^\s*{name}\s+(\d+)", text, re.M)
    return int(m.group(1)) if m else None


def main():
    tmp = tempfile.mkdtemp()
    rows = []
    for s in STRATEGIES:
        rss = {}
        for n in DEPTHS:
            path = os.path.join(tmp, f"d{n}.py")
            with open(path, "w") as f:
                f.write(BODY.format(n=n))
            out, err, rss[n] = measure(
                [FRAMEVM, f"--frames={s}", f"--recursion-limit={n + 10}", "--stats", path]
            )
            assert out.strip() == str(n), out
            if n == DEPTHS[-1]:
                alive = stat(err, "peak frames alive")
                held = stat(err, "peak bytes held")
        slope = (rss[DEPTHS[2]] - rss[DEPTHS[1]]) / (DEPTHS[2] - DEPTHS[1])
        rows.append((f"framevm {s}", alive, held, held / alive, rss, slope))
    # CPython for reference: the same recursion, limit raised.
    rss = {}
    for n in DEPTHS:
        path = os.path.join(tmp, f"c{n}.py")
        with open(path, "w") as f:
            f.write(f"import sys\nsys.setrecursionlimit({n + 100})\n" + BODY.format(n=n))
        out, _, rss[n] = measure(["python3", "-S", path])
        assert out.strip() == str(n), out
    version = subprocess.run(["python3", "--version"], capture_output=True, text=True).stdout.strip()
    slope = (rss[DEPTHS[2]] - rss[DEPTHS[1]]) / (DEPTHS[2] - DEPTHS[1])
    rows.append((version, None, None, None, rss, slope))

    print(f"| runtime | peak frames | allocator peak bytes | bytes per frame (allocator) "
          f"| peak RSS at depth {DEPTHS[0]:,} / {DEPTHS[1]:,} / {DEPTHS[2]:,} (MiB) "
          f"| RSS bytes per frame, {DEPTHS[1]:,} to {DEPTHS[2]:,} |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, alive, held, per, rss, slope in rows:
        mib = " / ".join(f"{rss[n] / 2**20:.1f}" for n in DEPTHS)
        cells = [name, f"{alive:,}" if alive else "", f"{held:,}" if held else "",
                 f"{per:.0f}" if per else "", mib, f"{slope:.0f}"]
        print("| " + " | ".join(cells) + " |")


main()
