"""Shared fixtures: the bundled corpus, the `newsnlp` command line, and the
conversion of its UTF-8 byte offsets to character offsets."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any, Dict, List

import pytest

import newsnlp

TESTS = Path(__file__).resolve().parent
CORPUS = TESTS / "data" / "corpus.jsonl"
REPO = TESTS.parents[2]

# The keys of the JSON shape that hold spans and offsets (as in src/lib.rs).
SPAN_KEYS = {"span", "content", "cue", "source", "evidence", "target_span"}
OFFSET_KEYS = {"start", "end"}
SPAN_LIST_KEYS = {"tokens"}


def corpus() -> List[Dict[str, Any]]:
    """The bundled corpus: ``{"id", "text"}`` records."""
    with open(CORPUS, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def char_offsets(value: Any, text: str) -> Any:
    """A copy of CLI JSON with every UTF-8 byte offset turned into a
    character offset of ``text``."""
    encoded = text.encode("utf-8")

    def off(b: int) -> int:
        return len(encoded[:b].decode("utf-8"))

    def span(s: Any) -> Any:
        return None if s is None else [off(s[0]), off(s[1])]

    def walk(v: Any) -> Any:
        if isinstance(v, dict):
            out = {}
            for k, c in v.items():
                if k in SPAN_KEYS:
                    out[k] = span(c)
                elif k in OFFSET_KEYS and isinstance(c, int):
                    out[k] = off(c)
                elif k in SPAN_LIST_KEYS:
                    out[k] = [span(s) for s in c]
                else:
                    out[k] = walk(c)
            return out
        if isinstance(v, list):
            return [walk(c) for c in v]
        return v

    return walk(value)


def _find_cli() -> str | None:
    if os.environ.get("NEWSNLP_BIN"):
        return os.environ["NEWSNLP_BIN"]
    target = Path(os.environ.get("CARGO_TARGET_DIR") or REPO / "target")
    if not target.is_absolute():
        target = REPO / target
    for profile in ("release", "debug"):
        exe = target / profile / "newsnlp"
        if exe.is_file():
            return str(exe)
    return shutil.which("newsnlp")


@pytest.fixture(scope="session")
def cli() -> str:
    """The `newsnlp` binary: $NEWSNLP_BIN, the repository's target/release
    or target/debug, or PATH. Missing: a failure under CI, a skip elsewhere."""
    exe = _find_cli()
    if exe is None:
        msg = "no newsnlp binary: run `cargo build --release -p newsnlp-cli` or set NEWSNLP_BIN"
        if os.environ.get("CI"):
            pytest.fail(msg)
        pytest.skip(msg)
    return exe


def run_cli(exe: str, *args: str, stdin: str | None = None) -> str:
    """The command's standard output (it must exit 0)."""
    r = subprocess.run(
        [exe, *args], input=stdin, capture_output=True, text=True, encoding="utf-8", check=False
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.fixture(scope="session")
def nlp() -> newsnlp.Pipeline:
    """One default pipeline for the session."""
    return newsnlp.Pipeline()
