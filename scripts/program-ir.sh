#!/usr/bin/env bash
# Exact instructions (callgrind, release build) of one benchmark program at
# a given size, whole process: the method behind the whole-program counts
# in asm-notes/dispatch.md.
#
#   scripts/program-ir.sh PROGRAM SIZE [framevm options...]
#   scripts/program-ir.sh nbody 2000
#   scripts/program-ir.sh word_count 20000 --dispatch=switch
#
# Rewrites the program's `N = ...` line to SIZE and prints the count.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 2 ] || { sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
prog=$1 size=$2
shift 2
src=benches/programs/$prog.py
[ -f "$src" ] || { echo "program-ir: no $src" >&2; exit 2; }
cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed "s/^N = .*/N = $size/" "$src" > "$tmp/$prog.py"
valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/framevm "$@" "$tmp/$prog.py" 2>&1 >/dev/null |
    awk '/Collected/ {print $4}'
