#!/usr/bin/env bash
# Record the expected results of the test programs in this folder with CPython 3.11.
#
# Usage: ./record.sh            # record every *.py in this folder
#        ./record.sh NAME...    # record only these programs (NAME, NAME.py or a path)
#
# For each program, runs `python3 -X utf8 NAME.py` with cwd = this folder and
# PYTHONHASHSEED=0, and writes NAME.expected:
#
#   status: <exit status>
#   stderr: <last line of stderr, or empty if the program exited 0>
#   --- stdout
#   <exact stdout, byte for byte>
set -euo pipefail

dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

version="$(python3 --version 2>&1 || true)"
case "$version" in
    "Python 3.11."*) ;;
    *)
        echo "record.sh: refusing to run: need python3 3.11.x, found '${version}'" >&2
        exit 1
        ;;
esac

cd "$dir"

if [ "$#" -gt 0 ]; then
    names=("$@")
else
    shopt -s nullglob
    names=(*.py)
    shopt -u nullglob
    if [ "${#names[@]}" -eq 0 ]; then
        echo "record.sh: no *.py programs in $dir" >&2
        exit 1
    fi
fi

out_tmp="$(mktemp)"
err_tmp="$(mktemp)"
trap 'rm -f "$out_tmp" "$err_tmp"' EXIT

for arg in "${names[@]}"; do
    name="$(basename "$arg")"
    name="${name%.py}"
    prog="$name.py"
    if [ ! -f "$prog" ]; then
        echo "record.sh: no such program: $dir/$prog" >&2
        exit 1
    fi

    status=0
    PYTHONHASHSEED=0 python3 -X utf8 "$prog" >"$out_tmp" 2>"$err_tmp" </dev/null || status=$?

    if [ "$status" -eq 0 ]; then
        err_line=""
    else
        err_line="$(tail -n 1 "$err_tmp")"
    fi

    {
        printf 'status: %s\n' "$status"
        printf 'stderr: %s\n' "$err_line"
        printf -- '--- stdout\n'
        cat "$out_tmp"
    } >"$name.expected"

    printf 'recorded %-40s status %s\n' "$name" "$status"
done
