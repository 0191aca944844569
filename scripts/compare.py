#!/usr/bin/env python3
"""Runs benches/programs side by side as whole processes and writes tables.

Called by scripts/compare.sh (which builds framevm and installs Lua); see
`compare.sh --help`. For every program and runtime: K runs (interleaved:
run 1 of everything, then run 2, ...), the median wall time, and a check
that every run of every runtime printed the same stdout as the first
runtime (exit 1 with a diff otherwise).

Table 1: framevm (default options) against CPython and Lua.
Table 2: framevm against itself: dispatch backends and frame strategies.
Table 3: the pyperformance corpus (../shared/corpora/pyperformance, or
--pyperf DIR): framevm against CPython, each program run from its folder
and its stdout checked against NAME.out there. A program whose output
differs, or that exits with an error, shows as such and stays out of the
geometric mean, so programs join the table as framevm learns to run them.
"""

import argparse
import datetime
import difflib
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS_DIR = os.path.join(ROOT, "benches", "programs")
PROGRAMS = [
    "fib",
    "loop_arith",
    "nested_loops",
    "closures",
    "nbody",
    "spectral_norm",
    "fannkuch",
    "sieve",
    "word_count",
    "generators",
]
FIRST_LINE = re.compile(r"^(local )?N = (\d+)(\s*)(#|--) small: (\d+)")

# framevm's own configurations for table 2; the first is the default.
VARIANTS = [
    ("threaded freelist", []),
    ("switch freelist", ["--dispatch=switch"]),
    ("threaded zombie", ["--frames=zombie"]),
    ("threaded datastack", ["--frames=datastack"]),
    ("threaded malloc", ["--frames=malloc"]),
]


def die(msg):
    print(f"compare: {msg}", file=sys.stderr)
    sys.exit(1)


STARTUP = "(start-up)"


def sized_sources(size, tmp):
    """Copies the programs into `tmp` at `size` (as written for the bench
    size; first lines rewritten for the small size), with an empty program
    for the start-up row."""
    for name in os.listdir(PROGRAMS_DIR):
        if not name.endswith((".py", ".lua")):
            continue
        with open(os.path.join(PROGRAMS_DIR, name)) as f:
            text = f.read()
        first, rest = text.split("\n", 1)
        m = FIRST_LINE.match(first)
        if not m:
            die(f"{name}: first line must be `N = <bench>  # small: <small>`")
        if size == "small":
            local = m.group(1) or ""
            first = f"{local}N = {m.group(5)}{m.group(3)}{m.group(4)} small: {m.group(5)}"
        with open(os.path.join(tmp, name), "w") as f:
            f.write(first + "\n" + rest)
    with open(os.path.join(tmp, STARTUP + ".py"), "w") as f:
        f.write("pass\n")
    with open(os.path.join(tmp, STARTUP + ".lua"), "w") as f:
        f.write("-- empty\n")
    return tmp


def version_of(argv):
    out = subprocess.run(argv, capture_output=True, text=True)
    return (out.stdout + out.stderr).strip().splitlines()[0]


def pyenv_python(series):
    """The newest pyenv CPython of a series such as '3.8', or None."""
    if not shutil.which("pyenv"):
        return None
    out = subprocess.run(["pyenv", "versions", "--bare"], capture_output=True, text=True)
    found = [v.strip() for v in out.stdout.split() if re.fullmatch(re.escape(series) + r"\.\d+", v.strip())]
    if not found:
        return None
    best = max(found, key=lambda v: tuple(int(x) for x in v.split(".")))
    prefix = subprocess.run(["pyenv", "prefix", best], capture_output=True, text=True).stdout.strip()
    exe = os.path.join(prefix, "bin", "python" + series)
    return exe if os.path.exists(exe) else None


def runtimes(framevm):
    """(column name, argv prefix, file extension) for table 1."""
    found = [("framevm", [framevm], ".py")]
    py311 = subprocess.run(
        ["python3", "-c", "import sys; print(sys.executable)"], capture_output=True, text=True
    ).stdout.strip()
    pythons = [("3.8", pyenv_python("3.8")), ("3.11", py311), ("3.13", pyenv_python("3.13"))]
    for series, exe in pythons:
        if exe:
            ver = version_of([exe, "--version"]).replace("Python ", "")
            # -S: no `site` import. This machine's site-packages has a .pth
            # that imports certifi, which costs CPython 3.11 some 40 ms.
            found.append((f"CPython {ver}", [exe, "-S"], ".py"))
        else:
            print(f"compare: no CPython {series} (pyenv): column left out", file=sys.stderr)
    for name, argv in [("Lua 5.4", ["lua5.4"]), ("LuaJIT -joff", ["luajit", "-joff"])]:
        if not shutil.which(argv[0]):
            die(f"{argv[0]} not found (scripts/compare.sh installs it)")
        found.append((name, argv, ".lua"))
    return found


def run_once(argv, cwd):
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, capture_output=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        die(f"`{' '.join(argv)}` exited with {proc.returncode}:\n{proc.stderr.decode(errors='replace')}")
    return elapsed, proc.stdout


def measure(programs, columns, src, runs):
    """{(program, column): [seconds]}; checks every stdout against the first
    column's."""
    times = {}
    expected = {}
    total = runs * len(programs) * len(columns)
    done = 0
    for k in range(runs):
        for prog in programs:
            for col, argv, ext in columns:
                file = prog + ext
                elapsed, out = run_once(argv + [file], src)
                ref = expected.setdefault(prog, (col, out))
                if out != ref[1]:
                    diff = difflib.unified_diff(
                        ref[1].decode(errors="replace").splitlines(),
                        out.decode(errors="replace").splitlines(),
                        ref[0],
                        col,
                        lineterm="",
                    )
                    die(f"{prog}: {col} printed something else than {ref[0]}:\n" + "\n".join(diff))
                times.setdefault((prog, col), []).append(elapsed)
                done += 1
            if sys.stderr.isatty():
                print(f"\r  run {k + 1}/{runs}: {done}/{total} processes", end="", file=sys.stderr, flush=True)
        if not sys.stderr.isatty():
            print(f"  run {k + 1}/{runs} done", file=sys.stderr, flush=True)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return {key: statistics.median(v) for key, v in times.items()}


def pyperf_programs(folder, only):
    """The NAME of every NAME.py with a NAME.out in `folder` (sorted), or
    those in `only`."""
    names = sorted(n[:-3] for n in os.listdir(folder) if n.endswith(".py") and os.path.exists(os.path.join(folder, n[:-3] + ".out")))
    if only:
        for n in only:
            if n not in names:
                die(f"--pyperf-programs: no {n}.py with {n}.out in {folder}")
        names = only
    return names


def measure_pyperf(folder, programs, columns, runs, timeout):
    """{(program, column): median seconds, or 'fails' / 'differs' / 'timeout'};
    runs interleaved like `measure`. A cell that once failed is not run again."""
    times = {}
    bad = {}
    expected = {}
    for p in programs:
        with open(os.path.join(folder, p + ".out"), "rb") as f:
            expected[p] = f.read()
    for k in range(runs):
        for prog in programs:
            for col, argv, _ in columns:
                if (prog, col) in bad:
                    continue
                start = time.perf_counter()
                try:
                    proc = subprocess.run(argv + [prog + ".py"], cwd=folder, capture_output=True, stdin=subprocess.DEVNULL, timeout=timeout)
                except subprocess.TimeoutExpired:
                    bad[prog, col] = "timeout"
                    continue
                elapsed = time.perf_counter() - start
                if proc.returncode != 0:
                    bad[prog, col] = "fails"
                elif proc.stdout != expected[prog]:
                    bad[prog, col] = "differs"
                else:
                    times.setdefault((prog, col), []).append(elapsed)
        print(f"  pyperformance run {k + 1}/{runs} done", file=sys.stderr, flush=True)
    med = {key: statistics.median(v) for key, v in times.items()}
    med.update(bad)
    return med


def pyperf_table(programs, cols, med, base):
    """Like `table`, with cells that are a failure word instead of a time;
    the geometric means cover the programs where both columns have times."""
    others = [c for c in cols if c != base]
    head = ["program"] + [f"{c} (s)" for c in cols] + [f"{short(c)} ÷ {short(base)}" for c in others]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]

    def cell(p, c):
        v = med.get((p, c), "-")
        return v if isinstance(v, str) else f"{v:.3f}"

    def ratio(p, c):
        a, b = med.get((p, c)), med.get((p, base))
        return a / b if isinstance(a, float) and isinstance(b, float) else None

    for p in programs:
        row = [p] + [cell(p, c) for c in cols]
        row += [f"{r:.2f}" if (r := ratio(p, c)) is not None else "-" for c in others]
        lines.append("| " + " | ".join(row) + " |")
    row = ["**geometric mean**"] + [""] * len(cols)
    for c in others:
        rs = [r for p in programs if (r := ratio(p, c)) is not None]
        row.append(f"**{geomean(rs):.2f}** (of {len(rs)})" if rs else "-")
    lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def short(col):
    """A column's name in ratio headers: 'CPython 3.11.7' -> '3.11'."""
    m = re.match(r"CPython (\d+\.\d+)", col)
    if m:
        return m.group(1)
    return {"Lua 5.4": "Lua", "LuaJIT -joff": "LuaJIT"}.get(col, col)


def table(programs, cols, med, base):
    """Markdown: median seconds per column, then base's speed-up over each
    other column (other ÷ base: above 1 means base is faster)."""
    others = [c for c in cols if c != base]
    head = ["program"] + [f"{c} (s)" for c in cols] + [f"{short(c)} ÷ {short(base)}" for c in others]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for p in programs:
        row = [p] + [f"{med[p, c]:.3f}" for c in cols]
        row += [f"{med[p, c] / med[p, base]:.2f}" for c in others]
        lines.append("| " + " | ".join(row) + " |")
    row = ["**geometric mean**"] + [f"{geomean([med[p, c] for p in programs]):.3f}" for c in cols]
    row += [f"**{geomean([med[p, c] / med[p, base] for p in programs]):.2f}**" for c in others]
    lines.append("| " + " | ".join(row) + " |")
    if (STARTUP, base) in med:
        row = ["*start-up (empty program)*"] + [f"*{med[STARTUP, c]:.3f}*" for c in cols] + [""] * len(others)
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def loadavg():
    """The 1-minute load average, or '?'."""
    try:
        with open("/proc/loadavg") as f:
            return f.read().split()[0]
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser(description="framevm against CPython and Lua, whole programs")
    ap.add_argument("--framevm", required=True, help="the release binary")
    ap.add_argument("--runs", type=int, default=5, help="runs per program and runtime (median taken; default 5)")
    ap.add_argument("--size", choices=["bench", "small"], default="bench", help="program size (default bench)")
    ap.add_argument("--programs", default=",".join(PROGRAMS), help="comma-separated subset")
    ap.add_argument("--no-variants", action="store_true", help="skip the framevm-vs-framevm table")
    ap.add_argument(
        "--pyperf",
        default=os.path.join(os.path.dirname(ROOT), "shared", "corpora", "pyperformance"),
        help="the pyperformance corpus folder (default ../shared/corpora/pyperformance)",
    )
    ap.add_argument("--pyperf-runs", type=int, default=3, help="runs per pyperformance program and runtime (default 3)")
    ap.add_argument("--pyperf-programs", default="", help="comma-separated subset of the pyperformance programs")
    ap.add_argument("--pyperf-timeout", type=float, default=120, help="seconds before a pyperformance run counts as failed (default 120)")
    ap.add_argument("--no-pyperf", action="store_true", help="skip the pyperformance table")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench-results", "compare.md"), help="markdown output")
    args = ap.parse_args()
    if args.runs < 1 or args.pyperf_runs < 1:
        die("--runs and --pyperf-runs must be at least 1")
    programs = [p for p in args.programs.split(",") if p]
    for p in programs:
        if p not in PROGRAMS:
            die(f"unknown program {p} (known: {', '.join(PROGRAMS)})")
    framevm = os.path.abspath(args.framevm)

    with tempfile.TemporaryDirectory() as tmp:
        src = sized_sources(args.size, tmp)
        columns = runtimes(framevm)
        if not args.no_variants:
            columns += [
                (f"framevm {name}", [framevm] + flags, ".py") for name, flags in VARIANTS[1:]
            ]
        names = ", ".join(c[0] for c in columns)
        print(f"compare: {len(programs)} programs x {len(columns)} runtimes x {args.runs} runs ({names})", file=sys.stderr)
        load_before = loadavg()
        start = time.perf_counter()
        med = measure(programs + [STARTUP], columns, src, args.runs)
        took = time.perf_counter() - start
        load_after = loadavg()

    pyperf = None
    if not args.no_pyperf:
        folder = os.path.abspath(args.pyperf)
        if not os.path.isdir(folder):
            print(f"compare: no pyperformance corpus at {folder}: its table left out (--pyperf DIR)", file=sys.stderr)
        else:
            pcols = [c for c in columns if c[0] == "framevm" or c[0].startswith("CPython ")]
            pprogs = pyperf_programs(folder, [p for p in args.pyperf_programs.split(",") if p])
            print(f"compare: pyperformance, {len(pprogs)} programs x {len(pcols)} runtimes x {args.pyperf_runs} runs", file=sys.stderr)
            pload = loadavg()
            pstart = time.perf_counter()
            pmed = measure_pyperf(folder, pprogs, pcols, args.pyperf_runs, args.pyperf_timeout)
            pyperf = (folder, pprogs, [c[0] for c in pcols], pmed, time.perf_counter() - pstart, pload, loadavg())

    versions = []
    for col, argv, _ in columns:
        if col == "framevm" or col.startswith("framevm "):
            continue
        if col == "LuaJIT -joff":
            versions.append(f"{col}: {version_of(['luajit', '-v'])}")
        elif col == "Lua 5.4":
            versions.append(f"{col}: {version_of(['lua5.4', '-v'])}")
        else:
            versions.append(f"{col}: {' '.join(argv)}")
    commit = subprocess.run(
        ["git", "-C", ROOT, "describe", "--always", "--dirty"], capture_output=True, text=True
    ).stdout.strip()
    rustc = version_of(["rustc", "--version"])
    main_cols = [c[0] for c in columns if not c[0].startswith("framevm ")]
    out = [
        f"Measured {datetime.date.today().isoformat()} on {cpu_model()} ({os.cpu_count()} cores), "
        f"{platform.system()} {platform.release()}; framevm {commit}, release build, {rustc}.",
        f"Size: {args.size}; median wall time of {args.runs} runs per cell, whole processes "
        f"(start-up included; the last row is an empty program), runs interleaved; every runtime "
        f"printed the same stdout. CPython runs with -S (no `site` import). "
        f"Run took {took:.0f} s; 1-minute load average {load_before} before, {load_after} after "
        f"(on {os.cpu_count()} cores: above 1 or so, something else was running and wall times are noisier).",
        "",
        "framevm (threaded dispatch, freelist frames) against CPython and Lua; "
        "the ÷ columns are the other runtime's time over framevm's (above 1: framevm is faster).",
        "",
        table(programs, main_cols, med, "framevm"),
        "",
        "Runtimes: " + "; ".join(versions) + ".",
    ]
    if not args.no_variants:
        for col in [f"framevm {name}" for name, _ in VARIANTS[1:]]:
            for p in programs + [STARTUP]:
                med[p, col.replace("framevm ", "")] = med[p, col]
        for p in programs + [STARTUP]:
            med[p, VARIANTS[0][0]] = med[p, "framevm"]
        out += [
            "",
            "framevm against itself: dispatch backend and frame strategy "
            f"(÷ columns: that configuration's time over the default, {VARIANTS[0][0]}; above 1: the default is faster).",
            "",
            table(programs, [name for name, _ in VARIANTS], med, VARIANTS[0][0]),
        ]
    if pyperf:
        folder, pprogs, pcols, pmed, ptook, pload, pload_after = pyperf
        out += [
            "",
            f"The pyperformance programs of {os.path.relpath(folder, ROOT)} (their harness removed), run from that "
            f"folder: median wall time of {args.pyperf_runs} runs per cell, whole processes, runs interleaved; "
            "every time shown is of a run whose stdout equals the corpus's NAME.out (CPython 3.11's output). "
            "A cell reads `fails` (error exit), `differs` (other output) or `timeout` when that runtime cannot "
            "run the program; such programs stay out of that column's geometric mean. The ÷ columns are the "
            "other runtime's time over framevm's (above 1: framevm is faster). "
            f"Took {ptook:.0f} s; 1-minute load average {pload} before, {pload_after} after.",
            "",
            pyperf_table(pprogs, pcols, pmed, "framevm"),
        ]
    text = "\n".join(out) + "\n"
    print(text)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        f.write(text)
    print(f"compare: wrote {os.path.relpath(args.out, os.getcwd())}", file=sys.stderr)


if __name__ == "__main__":
    main()
