#!/usr/bin/env bash
# Seed corpora for the fuzz targets, built from the project's own tests at
# run time (nothing is committed but this script):
#
#   corpus/source/    every tests/programs/*.py and tests/hostile/*.py
#   corpus/bytecode/  the same, compiled by `framevm --compile` (the
#                     programs that compile), plus a few described code
#                     objects (see fuzz_targets/bytecode.rs)
#   corpus/numfmt/    format specs, %-formats and number literals found in
#                     tests/programs, each with the operation byte that uses it
#
# Usage: fuzz/seed.sh [FRAMEVM]   (default: target/release/framevm, built
# with `cargo build --release` if missing). Existing corpus files are kept:
# what the fuzzer found stays.
set -euo pipefail

fuzz="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$fuzz")"
framevm="${1:-$root/target/release/framevm}"
if [ ! -x "$framevm" ]; then
    (cd "$root" && cargo build --release --bin framevm)
fi
# The programs compile from their own folder: an absolute path.
framevm="$(cd "$(dirname "$framevm")" && pwd)/$(basename "$framevm")"

mkdir -p "$fuzz/corpus/source" "$fuzz/corpus/bytecode" "$fuzz/corpus/numfmt"

for p in "$root"/tests/programs/*.py "$root"/tests/hostile/*.py; do
    cp "$p" "$fuzz/corpus/source/$(basename "$(dirname "$p")")_$(basename "$p")"
done

compiled=0
for p in "$root"/tests/programs/*.py; do
    out="$fuzz/corpus/bytecode/$(basename "$p" .py).fvc"
    if (cd "$root/tests/programs" && "$framevm" --compile "$(basename "$p")" -o "$out") \
        >/dev/null 2>&1; then
        compiled=$((compiled + 1))
    else
        rm -f "$out"
    fi
done
# Described code objects: header (flags, stack size, shape), then
# (opcode, argument) triples.
printf '\x00\x08\x01\x01\x00\x00\x02\x00\x00' >"$fuzz/corpus/bytecode/described_1"
printf '\x00\x10\x05\x01\x03\x00\x01\x01\x00\x14\x02\x00\x00\x00\x00' \
    >"$fuzz/corpus/bytecode/described_2"

# numfmt: operation byte, variant byte, text. Operations (see
# fuzz_targets/numfmt.rs): 0 int(s, base), 1 float, 2 complex, 3 fromhex,
# 4 format(v, s), 5 f'{v:{s}}', 6 s % v, 7 bytes % v, 8 s.format.
n=0
emit() { # op text
    local v
    for v in 0 3 6 9 12 17 18; do
        printf "\\x$(printf %02x "$1")\\x$(printf %02x "$v")%s" "$2" \
            >"$fuzz/corpus/numfmt/seed_$n"
        n=$((n + 1))
    done
}
programs=("$root"/tests/programs/*.py)
# Specs of format(x, '...') and of f-string fields ({x:...}).
while IFS= read -r spec; do
    emit 4 "$spec"
done < <(grep -ohE "format\([^,()]+, *'[^']*'\)" "${programs[@]}" \
    | sed -E "s/.*'([^']*)'\)$/\1/" | sort -u | head -n 60)
while IFS= read -r spec; do
    emit 5 "$spec"
done < <(grep -ohE "\{[a-z_0-9.]+:[^{}'\"]+\}" "${programs[@]}" \
    | sed -E 's/^\{[^:]*://; s/\}$//' | sort -u | head -n 40)
# %-formats and str.format templates.
while IFS= read -r fmt; do
    emit 6 "$fmt"
    emit 7 "$fmt"
done < <(grep -ohE "'[^']*%[^']*' *%" "${programs[@]}" \
    | sed -E "s/^'(.*)' *%$/\1/" | sort -u | head -n 30)
while IFS= read -r fmt; do
    emit 8 "$fmt"
done < <(grep -ohE "'[^']*\{[^']*\}[^']*'\.format" "${programs[@]}" \
    | sed -E "s/^'(.*)'\.format$/\1/" | sort -u | head -n 30)
# Number literals for the parsers.
while IFS= read -r lit; do
    for op in 0 1 2 3; do
        emit "$op" "$lit"
    done
done < <(grep -ohE "(int|float|complex)\('[^']*'" "${programs[@]}" \
    | sed -E "s/^[a-z]+\('//; s/'$//" | sort -u | head -n 40)

if [ "$compiled" -eq 0 ]; then
    echo "seed.sh: no program compiled with $framevm --compile" >&2
    exit 1
fi
echo "seeded: $(ls "$fuzz/corpus/source" | wc -l) source, $(ls "$fuzz/corpus/bytecode" | wc -l) bytecode ($compiled compiled), $(ls "$fuzz/corpus/numfmt" | wc -l) numfmt"
