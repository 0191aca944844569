#!/usr/bin/env bash
# Exact instruction counts of the programs at their small sizes and of the
# micro-benchmarks, from the iai-callgrind bench benches/programs_iai.rs.
# Per loop iteration: (Ir(101) - Ir(1)) / 100; one call+return is
# call_return's iteration minus call_baseline's; one statement of a family
# is (its iteration minus empty_loop's) / 10. Prints two markdown tables.
# Needs valgrind and iai-callgrind-runner at the crate's version (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(cargo bench --bench programs_iai 2>&1) || { echo "$out"; exit 1; }
ir() { grep -A1 -E "::$1 $2:" <<<"$out" | awk '/Instructions/ {split($2, a, "|"); print a[1]}'; }
echo "| program (small size) | Ir |"
echo "|---|---:|"
for p in fib loop_arith nested_loops closures nbody spectral_norm fannkuch sieve word_count generators; do
    echo "| $p | $(ir programs "$p") |"
done
echo
iter() { echo $(( ($(ir micro_ops "$1_x101") - $(ir micro_ops "$1_x1")) / 100 )); }
empty=$(iter empty_loop)
baseline=$(iter call_baseline)
echo "| micro-benchmark | Ir per loop iteration | Ir per statement |"
echo "|---|---:|---:|"
echo "| empty_loop (\`for i in range(n): pass\`) | $empty | |"
echo "| call_baseline (\`f\`, \`i\` loaded and popped) | $baseline | |"
echo "| call_return (\`f(i)\`, \`def f(x): return x\`): one call+return | $(iter call_return) | $(( $(iter call_return) - baseline )) |"
for f in int_add:'x = x + i' compare_jump:'if i < 0: x = 1' load_global:'x = G' list_index:'x = a[j]'; do
    name=${f%%:*}
    it=$(iter "$name")
    echo "| $name (\`${f#*:}\` x10) | $it | $(( (it - empty) / 10 )) |"
done
