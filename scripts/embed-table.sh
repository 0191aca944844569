#!/usr/bin/env bash
# The embedding benches as a table: instructions per task (callgrind,
# exact: (Ir(101 tasks) - Ir(1 task)) / 100) for framevm and for mlua with
# Lua 5.4, from benches/embed_iai.rs. Needs valgrind and
# iai-callgrind-runner at the crate's version (see README).
#   scripts/embed-table.sh            # run the benches, then print
#   scripts/embed-table.sh --no-run   # print from the last run
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-run" ]; then
    cargo bench --bench embed_iai >/dev/null
fi
dir=target/iai/framevm/embed_iai
# The newest profile of a bench (callgrind names some with a pid).
ir() {
    local f
    f=$(ls -t "$dir/$1/$1_$2.$3"/callgrind.*.out | head -1)
    awk '/^summary:/ {print $2}' "$f"
}
echo "| task | framevm (Ir per task) | mlua, Lua 5.4 (Ir per task) | framevm ÷ mlua |"
echo "|---|---:|---:|---:|"
for task in call_in call_out eval exec list; do
    f=$(( ($(ir framevm $task x101) - $(ir framevm $task x1)) / 100 ))
    l=$(( ($(ir mlua $task x101) - $(ir mlua $task x1)) / 100 ))
    echo "| $task | $f | $l | $(awk -v a="$f" -v b="$l" 'BEGIN {printf "%.2f", a / b}') |"
done
