#!/usr/bin/env bash
# Precision on real trees: findings per 1,000 non-test lines by tree, rule, severity and confidence,
# checked against the hand-marked sheets in eval/precision/, and (--sample N --seed S --sheet F.md) a
# seeded random sample to mark by hand. Run after `mvn -q -DskipTests package`; trees are fetched
# checkouts outside the repository (write the commit to TREE/.revision to have it named in the sheet).
# Usage: bench/precision.sh [--sample N] [--seed S] [--sheet FILE] [--keep DIR] [--list FILE] TREE...
exec python3 "$(dirname "$0")/precision.py" "$@"
