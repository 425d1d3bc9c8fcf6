"""Stubs of the compiled module; use the ``newsnlp`` package instead."""

from typing import Any, Dict, Iterable, List, Optional

__version__: str
SEED_ARTICLE: str

class Pipeline:
    def __init__(
        self,
        gazetteer: Optional[str] = None,
        entities: bool = True,
        quotes: bool = True,
        stances: bool = True,
    ) -> None: ...
    def analyze(self, text: str) -> Dict[str, Any]: ...
    def analyze_many(self, texts: Iterable[str]) -> List[Dict[str, Any]]: ...
