"""The Spark job of examples/spark_analyze.py, in local mode on the bundled
corpus: its output equals, per id, what `newsnlp analyze --jsonl` prints."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, TESTS, char_offsets, corpus, run_cli

SCRIPT = TESTS.parent / "examples" / "spark_analyze.py"
LAYERS = ("entities", "quotes", "stances")

_missing = [m for m in ("pyspark", "pyarrow", "pandas") if importlib.util.find_spec(m) is None]
_reason = None
if _missing:
    _reason = f"needs {', '.join(_missing)} (pip install pyspark pyarrow 'pandas<3')"
elif shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    _reason = "needs a Java runtime (apt-get install openjdk-17-jre-headless)"
pytestmark = pytest.mark.skipif(_reason is not None, reason=_reason or "")


def run_job(tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / "out"
    r = subprocess.run(
        [sys.executable, str(SCRIPT), str(CORPUS), str(out), "--master", "local[2]", *extra],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert r.returncode == 0, r.stderr[-4000:]
    return out


def test_spark_job_matches_cli_jsonl(tmp_path, cli):
    import pyarrow.parquet as pq

    out = run_job(tmp_path, "--partitions", "2")
    rows = pq.read_table(str(out)).to_pylist()
    got = {r["id"]: {layer: json.loads(r[layer]) for layer in LAYERS} for r in rows}

    texts = {r["id"]: r["text"] for r in corpus()}
    want = {}
    for line in run_cli(cli, "analyze", "--jsonl", str(CORPUS)).splitlines():
        d = json.loads(line)
        want[d["id"]] = {layer: char_offsets(d[layer], texts[d["id"]]) for layer in LAYERS}

    assert sorted(got) == sorted(texts)
    for id_ in texts:
        assert got[id_] == want[id_], id_
    # The corpus exercises every layer.
    assert sum(len(v["quotes"]) for v in got.values()) >= 15
    assert any(q["speaker"] == "Rex Tillerson" for v in got.values() for q in v["quotes"])


def test_one_pipeline_per_process():
    """The mapInArrow function reuses the process's pipeline across tasks."""
    import pyarrow as pa

    from newsnlp import spark as nlp_spark

    batch = pa.RecordBatch.from_pydict({"id": [1, 2, 3], "text": ["Putin spoke.", None, "“Yes,” Lavrov said."]})
    first = list(nlp_spark.analyze_arrow(iter([batch])))
    built = nlp_spark.pipelines_built()
    nlp = nlp_spark.pipeline()
    second = list(nlp_spark.analyze_arrow(iter([batch, batch])))
    assert nlp_spark.pipelines_built() == built and nlp_spark.pipeline() is nlp
    assert first[0].to_pylist() == second[1].to_pylist()
    rows = first[0].to_pylist()
    assert [r["id"] for r in rows] == [1, 2, 3]
    assert rows[1]["quotes"] is None
    assert json.loads(rows[2]["quotes"])[0]["speaker"] == "Sergey Lavrov"
