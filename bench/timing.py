#!/usr/bin/env python3
"""Whole-process timing of commands run in turn (A B C A B C ...), each run from the same state.

Prints, per command, wall and CPU seconds (user + system of the process and its children) and peak RSS as
min / median / max over the counted runs, and each command's median wall relative to the first's. A command
may have a set-up run before each of its runs, not timed (to restore a cache to the same state, say).
Usage: timing.py --runs N [--warmup N] --cmd NAME 'SHELL COMMAND' [--setup 'SHELL COMMAND'] [--cmd ...]
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time


def parse():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--cmd", nargs=2, action="append", metavar=("NAME", "COMMAND"), required=True)
    parser.add_argument("--setup", action="append", default=[],
                        help="the set-up of the --cmd before it (one per --cmd, '' for none), in order")
    args = parser.parse_args()
    setups = args.setup + [""] * (len(args.cmd) - len(args.setup))
    return args, [(name, command, setup) for (name, command), setup in zip(args.cmd, setups)]


def run(command, setup):
    if setup:
        subprocess.run(setup, shell=True, check=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    # A POSIX shell runs the command; its own start-up is part of every command alike.
    status = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, status


def spread(values, unit):
    return f"{min(values):8.2f} {statistics.median(values):8.2f} {max(values):8.2f} {unit}"


def main():
    args, commands = parse()
    results = {name: [] for name, _, _ in commands}
    for i in range(args.warmup + args.runs):
        for name, command, setup in commands:
            measured = run(command, setup)
            if i >= args.warmup:
                results[name].append(measured)
    print(f"{args.runs} counted runs after {args.warmup} warm-up; load average {os.getloadavg()[0]:.2f}; "
          f"min / median / max")
    first = statistics.median(w for w, _, _, _ in results[commands[0][0]])
    for name, command, _ in commands:
        walls = [w for w, _, _, _ in results[name]]
        cpus = [c for _, c, _, _ in results[name]]
        statuses = sorted({s for _, _, _, s in results[name]})
        print(f"{name}: {command}")
        print(f"  wall {spread(walls, 's')}   cpu {spread(cpus, 's')}   "
              f"median wall / first's {statistics.median(walls) / first:5.2f}   exit {statuses}")
    # Peak RSS from getrusage is the largest child so far, not per run: print it once, as a bound.
    print(f"peak RSS of the largest process: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024} MB")


if __name__ == "__main__":
    sys.exit(main())
