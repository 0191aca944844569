#!/usr/bin/env bash
# Exact instructions per iteration of the mechanism micro-benchmarks of
# benches/micro/ (attribute load and store, method call, instantiation,
# unpacking, builtin call, generator step, exception through 100 frames):
# callgrind over the release binary, whole process, at N = 1 and N = 101;
# (Ir(101) - Ir(1)) / 100, so start-up and teardown cancel. The same
# programs are in the iai-callgrind bench (benches/programs_iai.rs,
# `mechanisms`), for regressions through `cargo bench`.
#
#   scripts/mechanism-ir.sh [framevm options...]     e.g. --dispatch=switch
#
# Prints a markdown table; with python3 (3.11) beside it for reference.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ {print $4}'; }
py=$(python3 -c 'import sys; print(sys.executable)')
export PYTHONHASHSEED=0
echo "| mechanism | framevm Ir per iteration | $("$py" --version) Ir per iteration |"
echo "|---|---:|---:|"
for src in benches/micro/*.py; do
    name=$(basename "$src" .py)
    for n in 1 101; do sed "1s/^N = .*/N = $n/" "$src" > "$tmp/${name}_$n.py"; done
    a=$(ir target/release/framevm "$@" "$tmp/${name}_1.py"); b=$(ir target/release/framevm "$@" "$tmp/${name}_101.py")
    pa=$(ir "$py" -S "$tmp/${name}_1.py"); pb=$(ir "$py" -S "$tmp/${name}_101.py")
    echo "| $name | $(( (b - a) / 100 )) | $(( (pb - pa) / 100 )) |"
done
