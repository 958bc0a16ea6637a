#!/bin/bash
# Re-record the expected outputs of the lib case files with the real CPythons:
#   packages/python/src/lib/testing/record.sh [case-name...]
set -e
here=$(cd "$(dirname "$0")" && pwd)
cases="$here/../cases"
root=$(pyenv root)/versions
names=("$@")
if [ ${#names[@]} -eq 0 ]; then names=($(cd "$cases" && ls *.py | sed 's/\.py$//')); fi
for n in "${names[@]}"; do
  PYTHONIOENCODING=utf-8 "$root/2.7.18/bin/python" "$here/record.py" "$cases/$n.py" > "$cases/$n.2.7.out"
  PYTHONIOENCODING=utf-8 "$root/3.12.1/bin/python" "$here/record.py" "$cases/$n.py" > "$cases/$n.3.12.out"
  echo "recorded $n"
done
