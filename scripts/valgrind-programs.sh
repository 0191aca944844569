#!/usr/bin/env bash
# valgrind memcheck (leak check included) over test programs, through the
# release binary, as .ci/run runs it:
#
#   scripts/valgrind-programs.sh            # the CI sample (below)
#   scripts/valgrind-programs.sh NAME...    # these programs, both configurations
#
# The sample: every generator, exception, with and gc program (frames
# suspended, moved to the heap, unwound; cycles left to the collector),
# the stdlib programs that leave cycles to the collector, and every 4th of
# the others. Each sampled program runs under one of two configurations,
# taken in turn (threaded dispatch with freelist frames, switch dispatch
# with data-stack frames), so both backends and both strategies see half
# of it; runs go in parallel, one per core. valgrind's own exit code 99
# marks a memory error; the programs' exit statuses are checked by
# `cargo test`.
#
# The binary is built here without the default `mimalloc` feature: the
# system allocator, whose blocks valgrind sees one by one (mimalloc's
# pages would hide an overrun inside them). target/release/framevm is
# left as the default build.
set -euo pipefail
cd "$(dirname "$0")/.."
cfgs=("--dispatch=threaded --frames=freelist" "--dispatch=switch --frames=datastack")
if [ $# -gt 0 ]; then
    progs=()
    for n in "$@"; do
        n=$(basename "${n%.py}")
        [ -f "tests/programs/$n.py" ] || { echo "valgrind-programs: no tests/programs/$n.py" >&2; exit 2; }
        progs+=("$n.py" "$n.py")
    done
else
    mapfile -t progs < <(cd tests/programs && ls *.py |
        awk '/^(gen|exc|with|gc)_/ || /^stdlib_(copy|json_dumps)\.py/ || NR % 4 == 1')
fi
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
cargo build --release --quiet --no-default-features
cp target/release/framevm "$logs/framevm"
cargo build --release --quiet
jobs=()
for i in "${!progs[@]}"; do
    jobs+=("$i ${progs[$i]} ${cfgs[$((i % 2))]}")
done
run_one() {
    # $1: index, $2: program, the rest: framevm options
    local i=$1 prog=$2
    shift 2
    set +e
    (cd tests/programs && valgrind -q --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite,indirect,possible \
        "$LOGS/framevm" "$@" "$prog" >/dev/null 2>"$LOGS/$i.txt")
    if [ $? -eq 99 ]; then
        echo "valgrind found errors in $prog ($*):"
        cat "$LOGS/$i.txt"
        return 1
    fi
    return 0
}
export -f run_one
export LOGS=$logs
if ! printf '%s\n' "${jobs[@]}" | xargs -P "$(nproc)" -L 1 bash -c 'run_one $0 "$@"'; then
    exit 1
fi
echo "valgrind memcheck: ${#progs[@]} program runs, no memory error"
