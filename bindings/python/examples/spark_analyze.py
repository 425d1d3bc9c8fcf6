#!/usr/bin/env python3
"""Analyze a corpus with newsnlp on Spark.

    python spark_analyze.py INPUT OUTPUT [--master local[2]] [--partitions N]
    spark-submit spark_analyze.py INPUT OUTPUT          # on a cluster

INPUT is JSONL (one ``{"id", "text"}`` object a line) or Parquet (a file or
directory whose name ends in ``.parquet``, or ``--input-format parquet``),
with ``id`` and ``text`` columns. OUTPUT is a directory of Parquet files
(Spark's usual output) with the columns ``id``,
``entities``, ``quotes`` and ``stances``: each layer is a JSON string in the
shape of ``newsnlp analyze --json``'s field of that name, except that spans
are character offsets into ``text`` (Python and Spark index strings by
characters; the command line prints UTF-8 byte offsets). JSON strings keep
the output schema fixed while the analysis grows fields.

The texts are analyzed inside ``mapInArrow`` by ``newsnlp.spark``, which
builds one ``Pipeline`` per executor process (a module-level lazy singleton)
and analyzes each Arrow batch with ``analyze_many`` on every core of the
executor. Every executor needs the ``newsnlp`` package, pyarrow and pandas
(``pip install ./bindings/python pyspark pyarrow "pandas<3"``).
"""

from __future__ import annotations

import argparse
import os
import sys


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input", help="JSONL or Parquet with id and text columns")
    p.add_argument("output", help="output directory")
    p.add_argument("--input-format", choices=["jsonl", "parquet"], help="default: from the name")
    p.add_argument("--master", help="Spark master, e.g. local[2] (default: spark-submit's)")
    p.add_argument("--partitions", type=int, help="repartition the input into N parts first")
    p.add_argument("--gazetteer", help="a gazetteer file, at the same path on every executor")
    return p.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    # In local mode the Python workers must run this interpreter (the one
    # newsnlp is installed in).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    from pyspark.sql import SparkSession

    from newsnlp import spark as nlp_spark

    builder = SparkSession.builder.appName("newsnlp-analyze")
    if args.master:
        builder = builder.master(args.master)
    # No shuffle in this job beyond an optional repartition: few partitions.
    builder = builder.config("spark.sql.shuffle.partitions", str(args.partitions or 2))
    builder = builder.config("spark.ui.enabled", "false")
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("WARN")

    fmt = args.input_format or (
        "parquet" if args.input.rstrip("/").endswith(".parquet") else "jsonl"
    )
    reader = session.read
    df = reader.parquet(args.input) if fmt == "parquet" else reader.json(args.input)
    missing = {"id", "text"} - set(df.columns)
    if missing:
        print(f"spark_analyze: {args.input}: no column {', '.join(sorted(missing))}", file=sys.stderr)
        session.stop()
        return 1
    df = df.select("id", "text")
    if args.partitions:
        df = df.repartition(args.partitions)

    analyze = nlp_spark.analyzer(args.gazetteer) if args.gazetteer else nlp_spark.analyze_arrow
    out = df.mapInArrow(analyze, nlp_spark.output_schema(df.schema["id"]))
    out.write.mode("overwrite").parquet(args.output)
    session.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
