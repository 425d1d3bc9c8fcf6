#!/usr/bin/env python3
"""Per-core throughput of `newsnlp analyze --jsonl` against `--count` on the
same articles (issue 16's bar: `--jsonl --fields entities,quotes,stances`
at least 0.8x `--count`).

    python3 scripts/jsonl-throughput.py [--bin target/release/newsnlp] FILES|DIRS

Each text file is one article: `--count` reads the files, `--jsonl` a
temporary JSONL of the same texts (one `{"id", "text"}` line each). Every
run has RAYON_NUM_THREADS=1 and writes to /dev/null; the time is the
child's CPU time (user + system), which a loaded machine disturbs less than
wall time; best of --runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import tempfile
from pathlib import Path


def cpu_seconds(cmd: list[str]) -> float:
    """CPU time (user + system) of one run of `cmd` on one thread."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = dict(os.environ, RAYON_NUM_THREADS="1")
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+")
    p.add_argument("--bin", default="target/release/newsnlp")
    p.add_argument("--runs", type=int, default=3)
    a = p.parse_args()
    files = sorted(
        f for i in map(Path, a.inputs) for f in ([i] if i.is_file() else i.rglob("*")) if f.is_file()
    )
    texts = [(str(f), f.read_text(encoding="utf-8")) for f in files]
    mb = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as tmp:
        for name, text in texts:
            tmp.write(json.dumps({"id": name, "text": text}) + "\n")
    try:
        runs = {
            "--count": [a.bin, "analyze", "--count", *[str(f) for f in files]],
            "--jsonl --fields entities,quotes,stances": [
                a.bin, "analyze", "--jsonl", "--fields", "entities,quotes,stances", tmp.name,
            ],
            "--jsonl": [a.bin, "analyze", "--jsonl", tmp.name],
        }
        best = {k: min(cpu_seconds(cmd) for _ in range(a.runs)) for k, cmd in runs.items()}
    finally:
        os.unlink(tmp.name)
    print(f"{len(files)} articles, {mb:.2f} MB, RAYON_NUM_THREADS=1, best of {a.runs} (CPU time)")
    for k, t in best.items():
        print(f"{k:42} {t:6.3f} s {mb / t:6.2f} MB/s  {best['--count'] / t:.2f}x --count")


if __name__ == "__main__":
    main()
