#!/usr/bin/env bash
# Exact instruction cost of one frame push+pop per strategy, from the
# iai-callgrind bench: (Ir(101 pairs) - Ir(1 pair)) / 100. Prints a markdown table.
# Needs valgrind and iai-callgrind-runner at the crate's version (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(cargo bench --bench frames_iai 2>&1) || { echo "$out"; exit 1; }
echo "| strategy | Ir, 1 push+pop | Ir, 101 push+pop | per push+pop |"
echo "|---|---:|---:|---:|"
for s in freelist zombie datastack malloc; do
    one=$(grep -A1 "push_pop_$s x1:" <<<"$out" | awk '/Instructions/ {split($2, a, "|"); print a[1]}')
    many=$(grep -A1 "push_pop_$s x101:" <<<"$out" | awk '/Instructions/ {split($2, a, "|"); print a[1]}')
    echo "| $s | $one | $many | $(( (many - one) / 100 )) |"
done
