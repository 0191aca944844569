#!/usr/bin/env bash
# The measuring corpora that no one here wrote, as a ratchet: MicroPython's
# tests/basics (../shared/corpora/micropython-basics) must pass at least as
# many programs as tests/corpora/micropython.count says, and every
# pyperformance program listed in tests/corpora/pyperformance.pass must
# still pass. A gain is kept by raising the count (or adding the name):
# `scripts/corpora.sh --update` writes the figures of this run.
#   scripts/corpora.sh [--update] [BIN]     (BIN: target/release/framevm)
set -euo pipefail
cd "$(dirname "$0")/.."
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
bin="${1:-target/release/framevm}"
shared="${FRAMEVM_CORPORA:-../shared/corpora}"
if [ ! -d "$shared/micropython-basics" ] || [ ! -d "$shared/pyperformance" ]; then
    echo "corpora.sh: the corpora are not at $shared (set FRAMEVM_CORPORA)" >&2
    exit 2
fi
status=0

mp_out=$(python3 "$shared/micropython-basics/run.py" "$bin" || true)
mp_pass=$(printf '%s\n' "$mp_out" | awk '/^micropython-basics:/ {print $2}')
mp_min=$(cat tests/corpora/micropython.count)
echo "micropython-basics: $mp_pass passed (at least $mp_min required)"
if [ -z "$mp_pass" ] || [ "$mp_pass" -lt "$mp_min" ]; then
    printf '%s\n' "$mp_out" | grep '^FAIL' | head -40
    echo "corpora.sh: fewer MicroPython programs pass than before" >&2
    status=1
fi

pp_out=$("$shared/pyperformance/run.sh" "$bin" || true)
passing=()
for p in "$shared"/pyperformance/*.py; do
    name=$(basename "$p" .py)
    if ! printf '%s\n' "$pp_out" | grep -q "^FAIL $name:"; then
        passing+=("$name")
    fi
done
echo "pyperformance: ${#passing[@]} passed: ${passing[*]}"
while read -r name; do
    [ -n "$name" ] || continue
    if ! printf '%s\n' "${passing[@]}" | grep -qx "$name"; then
        printf '%s\n' "$pp_out" | grep "^FAIL $name:" || true
        echo "corpora.sh: pyperformance $name passed before and fails now" >&2
        status=1
    fi
done < tests/corpora/pyperformance.pass

if [ "$update" = 1 ] && [ "$status" = 0 ]; then
    echo "$mp_pass" > tests/corpora/micropython.count
    printf '%s\n' "${passing[@]}" > tests/corpora/pyperformance.pass
    echo "corpora.sh: figures updated"
fi
exit $status
