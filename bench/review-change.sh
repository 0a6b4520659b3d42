#!/usr/bin/env bash
# Whole-process timing of `secreview review --git BASE..HEAD` against `secreview scan` of the same tree, cold (no
# cache) and with a warm cache (the one a scan of BASE left, as a CI job finds it after reviewing the commit
# before), each run from that same state; bench/timing.py prints min / median / max. The repository is a local
# clone of a fetched mirror (never committed). Default: OpenStack Keystone (569 Python files), a commit of 299
# changed Python lines. Run after `mvn -q -DskipTests package` on a quiet machine (check `uptime`).
# Usage: bench/review-change.sh [MIRROR_GIT_DIR] [COMMIT] [RUNS]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mirror=${1:-/work/.mirror/openstack+keystone/repo}
commit=${2:-c384c163d}
runs=${3:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git clone -q "$mirror" "$work/repo"
git -C "$work/repo" checkout -q "$commit"
files=$(git -C "$work/repo" ls-files '*.py' | wc -l)
changed=$(git -C "$work/repo" diff --numstat "$commit~1" "$commit" -- '*.py' | awk '{s += $1 + $2} END {print s + 0}')
echo "repository: $mirror at $commit: $files Python files; the change: $changed Python lines added or removed"
secreview="$here/bin/secreview"
cd "$work/repo"
# The warm cache: what reviewing the commit before left (the tree at BASE, read back whole by the review's old side).
git worktree add -q "$work/base" "$commit~1"
(cd "$work/base" && $secreview scan --no-progress --cache "$work/warm" -f json -o /dev/null .) || [ $? -eq 1 ]
python3 "$here/bench/timing.py" --runs "$runs" \
  --cmd "review, no cache" "$secreview review --no-progress --no-cache --git $commit~1..$commit -f json -o /dev/null" \
  --setup "" \
  --cmd "scan, no cache" "$secreview scan --no-progress --no-cache -f json -o /dev/null ." \
  --setup "" \
  --cmd "review, warm cache" "$secreview review --no-progress --cache $work/run --git $commit~1..$commit -f json -o /dev/null" \
  --setup "rm -rf $work/run && cp -r $work/warm $work/run"
