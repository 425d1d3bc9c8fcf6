#!/usr/bin/env python3
"""PolNeAR attribution figures on any split, the train split included.

    NEWSNLP_BIN=target/release/newsnlp python3 scripts/polnear-train.py ../shared/data/polnear/train

The acceptance scorer (`../shared/eval/polnear.py`) stops at the malformed
lines a few train `.ann` files hold; this runs the same scorer with a
reader that skips such lines. Dev figures are identical to the
scorer's. PolNeAR has no licence for redistribution: nothing of it is
read here but from `../shared`.
"""

from __future__ import annotations

import os
import sys

EVAL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval")
sys.path.insert(0, EVAL)

import polnear  # noqa: E402  (the acceptance scorer, from ../shared/eval)


def read_ann(path):
    """The scorer's reader, skipping lines it cannot parse."""
    spans, events = {}, []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        try:
            if parts[0].startswith("T"):
                kind, rng = parts[1].split(" ", 1)
                spans[parts[0]] = (kind, [tuple(map(int, f.split())) for f in rng.split(";")])
            elif parts[0].startswith("E"):
                events.append(dict(r.split(":") for r in parts[1].split()))
        except (IndexError, ValueError):
            continue
    gold = []
    for roles in events:
        g = {}
        for role in ("Content", "Source", "Cue"):
            tid = roles.get(role)
            if tid and tid in spans:
                g[role] = spans[tid][1]
        if "Content" in g:
            gold.append(g)
    return gold


def main():
    polnear.read_ann = read_ann
    polnear.main()


if __name__ == "__main__":
    main()
