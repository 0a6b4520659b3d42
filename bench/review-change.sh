#!/usr/bin/env bash
# Whole-process timing of `secreview review --git BASE..HEAD` against `secreview scan` of the same tree, with
# farm-bench (median of RUNS, paired). The repository is a local clone of a fetched mirror (never committed).
# Default: OpenStack Keystone (569 Python files) and a commit of 299 changed Python lines.
# Run after `mvn -q -DskipTests package` on a quiet machine (check `uptime`).
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
jar="$here/cli/target/secreview.jar"
cd "$work/repo"
farm-bench -n "$runs" --timeout 1800 \
  --vs "sh -c 'java -jar $jar scan --no-progress -f json -o /dev/null . || [ \$? -eq 1 ]'" \
  -- sh -c "java -jar $jar review --no-progress --git $commit~1..$commit -f json -o /dev/null || [ \$? -eq 1 ]"
