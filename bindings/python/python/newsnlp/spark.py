"""newsnlp on Spark: a ``mapInArrow`` function with one pipeline per process.

``analyze_arrow`` takes an iterator of Arrow record batches with ``id`` and
``text`` columns and yields batches with ``id``, ``entities``,
``quotes`` and ``stances``, each layer a JSON string in the shape of
``Document.to_dict()`` (spans are character offsets into ``text``).

The functions live in this module, not in the driver's script, so that
Spark pickles them by reference: each executor's Python worker imports this
module once and builds its ``Pipeline`` on first use (a module-level lazy
singleton), not once per row or per task::

    from newsnlp import spark as nlp_spark
    out = df.select("id", "text").mapInArrow(
        nlp_spark.analyze_arrow, nlp_spark.output_schema(df.schema["id"])
    )

Needs pyarrow on the executors, and pandas, which PySpark checks for
(``pip install newsnlp[spark]``); the batches stay Arrow, never pandas.
"""

from __future__ import annotations

import functools
import json
import threading
from typing import Any, Callable, Dict, Iterator, Optional, Tuple

from . import Pipeline

#: The analysis columns written next to ``id``.
LAYERS: Tuple[str, ...] = ("entities", "quotes", "stances")

_PIPELINES: Dict[Tuple[Any, ...], Pipeline] = {}
_LOCK = threading.Lock()


def pipeline(gazetteer: Optional[str] = None) -> Pipeline:
    """This process's pipeline for ``gazetteer`` (built on first call)."""
    key = (gazetteer,)
    with _LOCK:
        nlp = _PIPELINES.get(key)
        if nlp is None:
            nlp = _PIPELINES[key] = Pipeline(gazetteer)
        return nlp


def pipelines_built() -> int:
    """How many pipelines this process has built (one per gazetteer)."""
    return len(_PIPELINES)


def analyze_arrow(batches: Iterator[Any], gazetteer: Optional[str] = None) -> Iterator[Any]:
    """The ``mapInArrow`` function: record batches with ``id`` and ``text``
    in; ``id`` and one JSON string per layer out. A null ``text`` gives null
    layers. Each batch is analyzed with ``analyze_many`` (all cores)."""
    import pyarrow as pa

    nlp = pipeline(gazetteer)
    for batch in batches:
        texts = batch.column("text").to_pylist()
        present = [i for i, t in enumerate(texts) if isinstance(t, str)]
        docs = nlp.analyze_many([texts[i] for i in present])
        columns: Dict[str, list] = {layer: [None] * len(texts) for layer in LAYERS}
        for i, doc in zip(present, docs):
            d = doc.to_dict()
            for layer in LAYERS:
                columns[layer][i] = json.dumps(d[layer], ensure_ascii=False)
        arrays = [batch.column("id")] + [pa.array(columns[layer], pa.string()) for layer in LAYERS]
        yield pa.RecordBatch.from_arrays(arrays, names=["id", *LAYERS])


def analyzer(gazetteer: Optional[str] = None) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """``analyze_arrow`` with a custom gazetteer file (which must exist at
    the same path on every executor)."""
    return functools.partial(analyze_arrow, gazetteer=gazetteer)


def output_schema(id_field: Any) -> Any:
    """The Spark schema of the output: the input's ``id`` field, then one
    string column per layer."""
    from pyspark.sql.types import StringType, StructField, StructType

    return StructType([id_field] + [StructField(layer, StringType(), True) for layer in LAYERS])
