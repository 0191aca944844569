#!/usr/bin/env bash
# Record the expected results of the hostile programs in this folder with CPython 3.11.
#
# Usage: ./record.sh            # record every *.py in this folder
#        ./record.sh NAME...    # record only these programs
#
# As tests/programs/record.sh (python3 -X utf8, PYTHONHASHSEED=0, cwd = this
# folder), and one more line: `where:` is the line number of the last
# `File "...", line N` of stderr, and for a SyntaxError the column of the
# caret under the source line too (`N:C`, 1-based), or empty when there is
# no such line; tests/hostile.rs reads the same from framevm's stderr.
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
fi

out_tmp="$(mktemp)"
err_tmp="$(mktemp)"
trap 'rm -f "$out_tmp" "$err_tmp"' EXIT

# The `where:` value of a stderr text (see above).
where() {
    awk '
        /^  File "/ {
            n = split($0, parts, ", line ")
            split(parts[n], num, /[^0-9]/)
            line = num[1]; caret = ""; src = 1; next
        }
        src == 1 { src = 2; next }
        src == 2 {
            if ($0 ~ /^ *\^+ *$/) { caret = index($0, "^") - 4 }
            src = 0
        }
        { last = $0 }
        END {
            if (line == "") { print ""; exit }
            if (last ~ /^(SyntaxError|IndentationError|TabError):/ && caret != "") {
                print line ":" caret
            } else {
                print line
            }
        }
    ' "$1"
}

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
        where_line=""
    else
        err_line="$(tail -n 1 "$err_tmp")"
        where_line="$(where "$err_tmp")"
    fi

    {
        printf 'status: %s\n' "$status"
        printf 'stderr: %s\n' "$err_line"
        printf 'where: %s\n' "$where_line"
        printf -- '--- stdout\n'
        cat "$out_tmp"
    } >"$name.expected"

    printf 'recorded %-40s status %s  where %s\n' "$name" "$status" "$where_line"
done
