#!/usr/bin/env bash
# secreview against Bandit (Debian's `bandit` package) on the same files, whole processes in turn, with
# bench/timing.py: wall, CPU, and secreview's ratio to Bandit. Both write JSON to /dev/null; secreview runs
# without its disk cache (a cold review, as Bandit always is) and, separately, with a warm one.
# Default tree: Nova without its tests (fetched, never committed). Run after `mvn -q -DskipTests package`
# on a quiet machine (check `uptime`). Usage: bench/vs-bandit.sh [TREE] [EXCLUDED_FOLDER] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:-/work/trees/nova}
excluded=${2:-nova/tests}
runs=${3:-3}
command -v bandit >/dev/null || { echo "bandit is not installed (Debian: apt-get install bandit)" >&2; exit 2; }
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
lines=$(cd "$tree" && find . -name '*.py' -not -path "./$excluded/*" -print0 | xargs -0 cat | wc -l)
echo "tree: $tree without $excluded: $lines lines of Python"
"$here/bin/secreview" scan --no-progress --cache "$cache" --exclude "$excluded" -f json -o /dev/null "$tree" || [ $? -eq 1 ]
python3 "$here/bench/timing.py" --runs "$runs" \
  --cmd "bandit" "bandit -q -r -x $tree/$excluded -f json -o /dev/null $tree" \
  --cmd "secreview, no cache" "$here/bin/secreview scan --no-progress --no-cache --exclude $excluded -f json -o /dev/null $tree" \
  --cmd "secreview, warm cache" "$here/bin/secreview scan --no-progress --cache $cache --exclude $excluded -f json -o /dev/null $tree"
