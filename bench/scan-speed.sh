#!/usr/bin/env bash
# Whole-process benchmark of `secreview scan`: wall time, lines per second and peak memory over a
# large real tree (default: the standard library of the machine's python3). Run after
# `mvn -q -DskipTests package`. Usage: bench/scan-speed.sh [DIR] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')}
runs=${2:-3}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

echo "tree: $dir"
for i in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  /usr/bin/env time -f '%M' -o "$out/rss" "$here/bin/secreview" scan --no-progress -f json -o "$out/review.json" "$dir" \
    >/dev/null 2>"$out/stderr" || [ $? -eq 1 ]
  end=$(date +%s.%N)
  python3 - "$out/review.json" "$start" "$end" "$(tail -n 1 "$out/rss")" <<'PY'
import json, sys
review = json.load(open(sys.argv[1]))
s = review["summary"]
seconds = float(sys.argv[3]) - float(sys.argv[2])
print(f"files {s['filesReviewed']:>6}  lines {s['lines']:>9}  findings {s['findings']:>5}  "
      f"time {seconds:6.1f} s  {s['lines'] / seconds:10,.0f} lines/s  peak RSS {int(sys.argv[4]) // 1024} MB")
PY
done
