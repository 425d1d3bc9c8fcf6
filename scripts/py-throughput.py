#!/usr/bin/env python3
"""Throughput of the Python package: `analyze` one text at a time against
`analyze_many` (all cores, GIL released), over text files (one article each).

    python scripts/py-throughput.py ../shared/data/polnear/dev/text/*.txt

Prints MB/s of input for each, best of --runs runs, after one warm-up: by
wall time, and for `analyze` (one thread) also by the process's CPU time,
which depends less on other jobs on a shared machine.
"""

from __future__ import annotations

import argparse
import os
import time

import newsnlp


def best_of(runs: int, f, clock=time.perf_counter) -> float:
    """The shortest time of `runs` calls of `f` on `clock`."""
    best = float("inf")
    for _ in range(runs):
        t = clock()
        f()
        best = min(best, clock() - t)
    return best


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("files", nargs="+")
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args()
    texts = [open(f, encoding="utf-8").read() for f in a.files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    nlp = newsnlp.Pipeline()
    nlp.analyze_many(texts)  # warm-up
    one = best_of(a.runs, lambda: [nlp.analyze(t) for t in texts])
    one_cpu = best_of(a.runs, lambda: [nlp.analyze(t) for t in texts], time.process_time)
    many = best_of(a.runs, lambda: nlp.analyze_many(texts))
    print(f"{len(texts)} texts, {mb:.2f} MB, {os.cpu_count()} cores")
    print(f"analyze      {mb / one:6.2f} MB/s wall, {mb / one_cpu:6.2f} MB/s CPU ({one_cpu:.3f} s)")
    print(f"analyze_many {mb / many:6.2f} MB/s wall ({one / many:.2f}x analyze)")


if __name__ == "__main__":
    main()
