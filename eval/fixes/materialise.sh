#!/usr/bin/env bash
# Writes the vulnerable and the fixed version of every fix in a fixes list, for
# `secreview eval --suite fixes`: OUT/<id>/before/<path> (the parent commit) and
# OUT/<id>/after/<path> (the fix commit), each with the Python package the vulnerable file belongs to
# (up to 400 files; else its own directory), so that calls between the package's modules are seen.
#
#   eval/fixes/materialise.sh [--csv FILE] [--mirrors DIR] [--clone] OUT
#
# --mirrors DIR  where the repositories are, as bare or normal git directories named
#                <owner>+<name>/repo, <owner>+<name>, <owner>/<name>.git or <owner>/<name>
#                (default: /work/.mirror, where the sandbox's fetch tool puts them)
# --clone        clone a missing repository (bare, blobs on demand) into DIR/<owner>+<name>
# Nothing here is committed: OUT is scratch space (the code stays upstream).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
csv="$here/fixes.csv"
mirrors=/work/.mirror
clone=false
while [ $# -gt 0 ]; do
  case "$1" in
    --csv) csv=$2; shift 2 ;;
    --mirrors) mirrors=$2; shift 2 ;;
    --clone) clone=true; shift ;;
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "materialise.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || { echo "usage: materialise.sh [--csv FILE] [--mirrors DIR] [--clone] OUT" >&2; exit 2; }
out=$1
[ -r "$csv" ] || { echo "materialise.sh: $csv: cannot be read" >&2; exit 2; }

git_dir() {
  local owner=${1%%/*} name=${1#*/}
  for candidate in "$mirrors/$owner+$name/repo" "$mirrors/$owner+$name" "$mirrors/$owner/$name.git" "$mirrors/$owner/$name"; do
    if git --git-dir="$candidate" rev-parse --git-dir >/dev/null 2>&1; then echo "$candidate"; return; fi
    if git --git-dir="$candidate/.git" rev-parse --git-dir >/dev/null 2>&1; then echo "$candidate/.git"; return; fi
  done
  if $clone; then
    git clone --quiet --bare --filter=blob:none "https://github.com/$1" "$mirrors/$owner+$name" >&2 && echo "$mirrors/$owner+$name"
  fi
}

# The Python package the file belongs to (the highest directory above it that holds an __init__.py at COMMIT),
# when it has at most MAX_PACKAGE_FILES Python files; else the file's own directory. A review runs on a
# whole tree, so calls into the package's other modules should be seen; a huge package costs too much.
MAX_PACKAGE_FILES=400
context_of() {
  local repo=$1 commit=$2 file=$3 directory root parent count
  directory=$(dirname "$file")
  root=$directory
  while [ "$root" != . ] && git --git-dir="$repo" cat-file -e "$commit:$root/__init__.py" 2>/dev/null; do
    parent=$(dirname "$root")
    if [ "$parent" = . ] || ! git --git-dir="$repo" cat-file -e "$commit:$parent/__init__.py" 2>/dev/null; then break; fi
    root=$parent
  done
  count=$(git --git-dir="$repo" ls-tree -r --name-only "$commit" -- "$root" | grep -c '\.py$' || true)
  if [ "$root" != . ] && [ "$count" -le "$MAX_PACKAGE_FILES" ]; then echo "$root"; else echo "$directory"; fi
}

# Writes the Python files of the file's context at COMMIT (and the file itself) under TARGET.
write_tree() {
  local repo=$1 commit=$2 file=$3 target=$4 context recursive
  context=$(context_of "$repo" "$commit" "$file")
  recursive=-r
  [ "$context" = "$(dirname "$file")" ] && recursive=
  [ "$context" = . ] && context=
  { git --git-dir="$repo" ls-tree $recursive --name-only "$commit" ${context:+"$context/"} | grep '\.py$' || true; echo "$file"; } | sort -u |
    while read -r path; do
      git --git-dir="$repo" cat-file -e "$commit:$path" 2>/dev/null || continue
      mkdir -p "$target/$(dirname "$path")"
      git --git-dir="$repo" show "$commit:$path" > "$target/$path"
    done
}

written=0 failed=0
# The first nine columns never contain commas; the summary (tenth) may, and is not needed here.
while IFS=, read -r id repository _advisory _cwe fix parent file _rest; do
  [ "$id" = id ] && continue
  repo=$(git_dir "$repository")
  if [ -z "$repo" ]; then
    echo "materialise.sh: $id: no repository $repository under $mirrors (fetch it, or pass --clone)" >&2
    failed=$((failed + 1)); continue
  fi
  if ! git --git-dir="$repo" cat-file -e "$parent:$file" 2>/dev/null || ! git --git-dir="$repo" cat-file -e "$fix:$file" 2>/dev/null; then
    echo "materialise.sh: $id: $file is not in both $parent and $fix of $repository" >&2
    failed=$((failed + 1)); continue
  fi
  rm -rf "${out:?}/$id"
  write_tree "$repo" "$parent" "$file" "$out/$id/before"
  write_tree "$repo" "$fix" "$file" "$out/$id/after"
  written=$((written + 1))
done < "$csv"
echo "materialise.sh: $written fixes written to $out, $failed failed" >&2
[ "$failed" -eq 0 ]
