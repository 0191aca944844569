#!/usr/bin/env bash
# Exact instructions (callgrind, whole process) of every benchmark program
# at a mid size (about a tenth of the bench size), for one or two framevm
# binaries: the method behind the cycle collector's overhead in README.md.
#
#   scripts/gc-overhead.sh BINARY [BINARY2]
#
# Prints a markdown table (and the change when two binaries are given).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
sizes="closures=100000 fannkuch=7 fib=22 generators=80000 loop_arith=300000
nbody=6000 nested_loops=300 sieve=200000 spectral_norm=50 word_count=40000"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ {print $4}'; }
if [ $# -ge 2 ]; then
    echo "| program | size | Ir $1 | Ir $2 | change |"; echo "|---|---:|---:|---:|---:|"
else
    echo "| program | size | Ir |"; echo "|---|---:|---:|"
fi
for ps in $sizes; do
    prog=${ps%=*} size=${ps#*=}
    sed "s/^N = .*/N = $size/" "benches/programs/$prog.py" > "$tmp/$prog.py"
    a=$(ir "$1" "$tmp/$prog.py")
    if [ $# -ge 2 ]; then
        b=$(ir "$2" "$tmp/$prog.py")
        echo "| $prog | $size | $a | $b | $(awk -v a="$a" -v b="$b" 'BEGIN {printf "%+.2f%%", (b - a) * 100 / a}') |"
    else
        echo "| $prog | $size | $a |"
    fi
done
