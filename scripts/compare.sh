#!/usr/bin/env bash
# framevm against CPython and Lua on the whole programs in benches/programs,
# as whole processes: median wall times, ratios, and a framevm-vs-framevm
# table (dispatch backends, frame strategies), then the pyperformance corpus
# (../shared/corpora/pyperformance) against CPython. Every runtime must print the
# same stdout, or the run fails. Writes bench-results/compare.md.
#
#   scripts/compare.sh [--runs K] [--size bench|small] [--programs a,b] [--no-variants] [--out FILE]
#                      [--pyperf DIR] [--pyperf-runs K] [--pyperf-programs a,b] [--no-pyperf]
#
# A pyperformance program that framevm cannot run (error, other output,
# timeout) shows as such in its table and stays out of the geometric mean.
#
# Builds framevm in release; installs lua5.4 and luajit with apt-get when
# missing; uses python3 and, when pyenv has them, CPython 3.8 and 3.13.
# With the defaults (5 runs, bench size; 3 runs of pyperformance) it takes
# about 8 minutes on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

missing=()
command -v lua5.4 >/dev/null || missing+=(lua5.4)
command -v luajit >/dev/null || missing+=(luajit)
if ((${#missing[@]})); then
    echo "compare: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get install -y -qq "${missing[@]}" >/dev/null ||
        { $sudo apt-get update -qq && $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; }
fi

cargo build --release --quiet
target_dir=$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
exec python3 scripts/compare.py --framevm "$target_dir/release/framevm" "$@"
