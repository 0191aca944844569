#!/usr/bin/env bash
# Exact instructions per Python call of recursive fib, under callgrind:
# (Ir(fib(20)) - Ir(fib(15))) / (calls(20) - calls(15)), so start-up and
# teardown cancel. framevm (release build, both dispatch backends) and,
# for reference, python3. Prints a markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for n in 15 20; do
    printf 'def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n\nprint(fib(%d))\n' "$n" > "$dir/fib$n.py"
done
calls=$(( (2 * 10946 - 1) - (2 * 987 - 1) ))   # calls(n) = 2 fib(n+1) - 1
ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ {print $4}'; }
echo "| runtime | Ir fib(15) | Ir fib(20) | per call |"
echo "|---|---:|---:|---:|"
row() {
    local name=$1; shift
    local a b
    a=$(ir "$@" "$dir/fib15.py"); b=$(ir "$@" "$dir/fib20.py")
    echo "| $name | $a | $b | $(( (b - a) / calls )) |"
}
row "framevm threaded" target/release/framevm --dispatch=threaded
row "framevm switch" target/release/framevm --dispatch=switch
# python3 may be a shim script (pyenv): measure the interpreter it runs.
py=$(python3 -c 'import sys; print(sys.executable)')
# A fixed hash seed: randomised hashing makes its counts vary run to run.
export PYTHONHASHSEED=0
row "$("$py" --version)" "$py"
