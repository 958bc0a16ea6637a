#!/usr/bin/env bash
# Run every scenario of this corpus through HeapLab's CLI and compare with the recorded CPython output.
# Usage (from the project root, after building): conformance/run-heaplab.sh [2.7|3.12 ...]
# Same procedure as /work/shared/conformance/run-heaplab.sh: scratch copy of the scenario, stdout and
# stderr merged, 60 s timeout, output normalized (here with scripts/normalize.mjs, a port of normalize.py).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(pwd)
cli="$root/packages/python/bin/heaplab.mjs"
norm="$root/scripts/normalize.mjs"
[ -f "$cli" ] || { echo "no CLI at packages/python/bin/heaplab.mjs (run from the project root after building)"; exit 2; }
profiles=${*:-2.7 3.12}
pass=0; fail=0
for f in "$here"/scenarios/*.py; do
  name=$(basename "$f" .py)
  for p in $profiles; do
    exp="$here/scenarios/$name.$p.out"
    [ -f "$exp" ] || continue
    tmp=$(mktemp -d)
    cp "$f" "$tmp/"
    (cd "$tmp" && timeout 60 node "$cli" run "$name.py" --python "$p" 2>&1) | node "$norm" > "$tmp/.got"
    if cmp -s "$exp" "$tmp/.got"; then pass=$((pass+1)); else fail=$((fail+1)); echo "DIFF $name@$p"; diff "$exp" "$tmp/.got" | head -20; fi
    rm -rf "$tmp"
  done
done
echo "$pass passed, $fail failed"
