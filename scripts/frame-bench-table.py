#!/usr/bin/env python3
"""Markdown tables of the latest `cargo bench --bench frames` run, from
criterion's estimates (median of each benchmark), in ns per frame push+pop."""
import json
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
strategies = ["freelist", "zombie", "datastack", "malloc"]


def median_ns(*parts):
    f = root.joinpath(*parts, "new", "estimates.json")
    return json.loads(f.read_text())["median"]["point_estimate"]


cols = [(s, d) for s in (4, 16, 64, 256) for d in (1, 10, 1000)]
print("ns per push+pop (median), by slots × call depth:\n")
print("| strategy | " + " | ".join(f"{s}×{d}" for s, d in cols) + " |")
print("|---|" + "---:|" * len(cols))
for st in strategies:
    row = [median_ns(f"push_pop_{st}", f"{s}x{d}") / d for s, d in cols]
    print(f"| {st} | " + " | ".join(f"{v:.1f}" for v in row) + " |")

print("\nWhole patterns (median):\n")
print("| strategy | mixed sizes, 4/256/16/64 slots (µs per round) | fib(20), 21 891 calls (ns per call) |")
print("|---|---:|---:|")
for st in strategies:
    mixed = median_ns("mixed", st) / 1000
    fib = median_ns("fib", st) / 21891
    print(f"| {st} | {mixed:.2f} | {fib:.1f} |")
