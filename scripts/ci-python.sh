#!/usr/bin/env bash
# The Python package and the Spark job, as .ci/run runs them: a fresh venv,
# `pip install ./bindings/python` (maturin builds the wheel), pyspark, and
# the pytest suite of bindings/python/tests, whose Spark test runs
# examples/spark_analyze.py in local[2] mode on the bundled corpus and
# compares it with `newsnlp analyze --jsonl` (NEWSNLP_BIN, by default the
# release binary that .ci/run built before).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
if ! command -v java >/dev/null 2>&1; then
    echo "-- installing a Java runtime for Spark"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
venv=$(mktemp -d)/venv
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
# The wheel is built with the bindings' `python` profile (release without
# LTO, 16 codegen units) into the root's target dir: minutes less than the
# LTO build a user's `pip install` makes, same results.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
export MATURIN_PEP517_ARGS="--profile python"
"$venv/bin/pip" install --quiet --disable-pip-version-check ./bindings/python pytest pyspark pyarrow "pandas<3"
echo "-- built and installed in $((SECONDS - start)) s"
export NEWSNLP_BIN="${NEWSNLP_BIN:-$CARGO_TARGET_DIR/release/newsnlp}"
if [ ! -x "$NEWSNLP_BIN" ]; then
    cargo build --release --quiet -p newsnlp-cli
fi
"$venv/bin/python" -m pytest -q -p no:cacheprovider bindings/python/tests
echo "-- python block took $((SECONDS - start)) s"
