#!/usr/bin/env python3
"""Precision harness: how much secreview says on real trees, and how much of it is worth saying.

Scans each tree's non-test code with the built jar, prints findings per 1,000 lines by tree, rule,
severity and confidence, checks the findings against every hand-marked sheet in eval/precision/, and
(with --sample N) draws a seeded random sample of findings into a new sheet for a person to mark.

A sheet is a Markdown table `| finding | rule | severity | verdict | why |` whose finding is
`TREE/PATH:LINE` (TREE is the name of the scanned folder). Verdicts: TRUE (a defect worth a review
comment), PLAUSIBLE (a hardening comment a reviewer might accept), FALSE. The code around each sampled
finding goes to a separate context file: read it to mark the sheet, never commit it (it is upstream code).
"""
import argparse
import collections
import glob
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TEST_CODE = ["tests", "test", "test_*.py", "*_test.py", "conftest.py"]
ROW = re.compile(r"^\|\s*([^|]+?):(\d+)\s*\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|\s*(TRUE|PLAUSIBLE|FALSE)\s*\|(.*)\|\s*$")


def scan(tree, out_dir, extra):
    out = os.path.join(out_dir, os.path.basename(tree.rstrip("/")) + ".json")
    command = [os.path.join(ROOT, "bin", "secreview"), "scan", "--no-progress", "-f", "json", "-o", out]
    for glob_ in TEST_CODE:
        command += ["--exclude", glob_]
    command += extra + [tree]
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"precision: scanning {tree} failed ({done.returncode}): {done.stderr.strip()}")
    with open(out) as f:
        return json.load(f)


def findings_of(tree, review):
    name = os.path.basename(tree.rstrip("/"))
    for file in review["files"]:
        for finding in file["findings"]:
            if finding.get("suppressed"):
                continue
            rel = os.path.relpath(file["path"], tree) if os.path.isabs(file["path"]) or file["path"].startswith(tree) \
                else file["path"]
            yield {
                "key": f"{name}/{rel}:{finding['location']['startLine']}",
                "tree": name,
                "file": file["path"],
                "line": finding["location"]["startLine"],
                "rule": finding["ruleId"].removeprefix("py-"),
                "severity": finding["severity"],
                "confidence": finding["confidence"],
                "message": finding["message"],
            }


def per_k(count, lines):
    return 1000.0 * count / lines if lines else 0.0


def table(title, counter, lines):
    print(f"\n{title:<34} {'findings':>8} {'per 1k':>8}")
    for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{key:<34} {count:>8} {per_k(count, lines):>8.3f}")


def judged_sheets():
    verdicts = {}
    for sheet in sorted(glob.glob(os.path.join(ROOT, "eval", "precision", "*.md"))):
        with open(sheet) as f:
            for line in f:
                row = ROW.match(line)
                if row:
                    key = f"{row.group(1)}:{row.group(2)}"
                    verdicts[(key, row.group(3).removeprefix("py-"))] = (row.group(5), os.path.basename(sheet))
    return verdicts


def compare_with_judgements(findings, trees):
    names = {os.path.basename(t.rstrip("/")) for t in trees}
    verdicts = {k: v for k, v in judged_sheets().items() if k[0].split("/")[0] in names}
    if not verdicts:
        return
    reported = {(f["key"], f["rule"]) for f in findings}
    still = collections.Counter(v for k, (v, _) in verdicts.items() if k in reported)
    gone = collections.Counter(v for k, (v, _) in verdicts.items() if k not in reported)
    print(f"\nAgainst the {len(verdicts)} judged findings in eval/precision/:")
    for verdict in ("TRUE", "PLAUSIBLE", "FALSE"):
        print(f"  {verdict:<10} still reported {still[verdict]:>4}   no longer reported {gone[verdict]:>4}")
    lost = sorted(k for k, (v, _) in verdicts.items() if k not in reported and v == "TRUE")
    for key, rule in lost:
        print(f"  lost TRUE: {key} {rule}")


def context(finding, around=6):
    try:
        with open(finding["file"], encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
    except OSError:
        return "(unreadable)"
    lo, hi = max(1, finding["line"] - around), min(len(lines), finding["line"] + around)
    return "\n".join(f"{'>' if n == finding['line'] else ' '}{n:>6}  {lines[n - 1]}" for n in range(lo, hi + 1))


def write_sample(findings, n, seed, sheet, trees):
    sample = random.Random(seed).sample(sorted(findings, key=lambda f: (f["key"], f["rule"])), min(n, len(findings)))
    sample.sort(key=lambda f: (f["key"], f["rule"]))
    commits = ", ".join(trees)
    with open(sheet, "w") as out:
        out.write(f"# Precision sample (seed {seed}, {len(sample)} of {len(findings)} findings)\n\n")
        out.write(f"Trees: {commits}\n\nMark each verdict TRUE, PLAUSIBLE or FALSE and give a one-line reason.\n\n")
        out.write("| finding | rule | severity | verdict | why |\n|---|---|---|---|---|\n")
        for f in sample:
            out.write(f"| {f['key']} | {f['rule']} | {f['severity']}/{f['confidence']} | ? | |\n")
    with open(sheet.removesuffix(".md") + ".context.md", "w") as out:
        for f in sample:
            out.write(f"## {f['key']} {f['rule']} ({f['severity']}/{f['confidence']})\n\n{f['message']}\n\n```\n")
            out.write(context(f) + "\n```\n\n")
    print(f"\nsample of {len(sample)} written to {sheet} (code around each: {sheet.removesuffix('.md')}.context.md)")


def revision(tree):
    marker = os.path.join(tree, ".revision")
    return open(marker).read().strip()[:12] if os.path.exists(marker) else "?"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("trees", nargs="+", metavar="TREE")
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="draw N findings into a sheet")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sheet", default="precision-sample.md")
    parser.add_argument("--keep", metavar="DIR", help="keep the JSON reviews in DIR")
    parser.add_argument("--list", metavar="FILE", help="write every finding (one per line) to FILE")
    args, extra = parser.parse_known_args()
    out_dir = args.keep or tempfile.mkdtemp(prefix="precision-")
    os.makedirs(out_dir, exist_ok=True)

    findings, total_lines = [], 0
    by_rule, by_severity, by_confidence = collections.Counter(), collections.Counter(), collections.Counter()
    print(f"{'tree':<12} {'lines':>10} {'findings':>8} {'per 1k':>8}")
    for tree in args.trees:
        review = scan(tree, out_dir, extra)
        found = list(findings_of(tree, review))
        lines = review["summary"]["lines"]
        total_lines += lines
        findings += found
        print(f"{os.path.basename(tree.rstrip('/')):<12} {lines:>10} {len(found):>8} {per_k(len(found), lines):>8.3f}")
    print(f"{'all':<12} {total_lines:>10} {len(findings):>8} {per_k(len(findings), total_lines):>8.3f}")
    for f in findings:
        by_rule[f["rule"]] += 1
        by_severity[f["severity"]] += 1
        by_confidence[f["confidence"]] += 1
    table("rule", by_rule, total_lines)
    table("severity", by_severity, total_lines)
    table("confidence", by_confidence, total_lines)
    compare_with_judgements(findings, args.trees)
    if args.list:
        with open(args.list, "w") as out:
            for f in sorted(findings, key=lambda f: (f["key"], f["rule"])):
                out.write(f"{f['key']}\t{f['rule']}\t{f['severity']}/{f['confidence']}\t{f['message']}\n")
    if args.sample:
        write_sample(findings, args.sample, args.seed, args.sheet,
                     [f"{os.path.basename(t.rstrip('/'))}@{revision(t)}" for t in args.trees])


if __name__ == "__main__":
    main()
