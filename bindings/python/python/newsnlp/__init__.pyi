"""Type stubs of the newsnlp package. Spans are (start, end) character offsets."""

import os
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

__version__: str
#: The bundled seed article (Tillerson meeting Putin in Moscow).
SEED_ARTICLE: str

Span = Tuple[int, int]

class Sentence:
    span: Span
    tokens: List[Span]
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Entity:
    span: Span
    name: Optional[str]
    kind: Optional[str]
    known: bool
    candidates: List[str]
    def to_dict(self) -> Dict[str, Any]: ...

class Quote:
    kind: str
    content: Span
    cue: Optional[Span]
    source: Optional[Span]
    speaker: Optional[str]
    confidence: float
    def to_dict(self) -> Dict[str, Any]: ...

class Stance:
    holder: str
    target: str
    polarity: str
    certainty: float
    evidence: Span
    def to_dict(self) -> Dict[str, Any]: ...

class Document:
    text: str
    @property
    def sentences(self) -> List[Sentence]: ...
    entities: List[Entity]
    quotes: List[Quote]
    stances: List[Stance]
    def __init__(self, text: str, data: Dict[str, Any]) -> None: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def span_text(self, span: Optional[Span]) -> Optional[str]: ...
    def quotes_by(self, name: str) -> List[Quote]: ...
    def stances_by(self, holder: str) -> List[Stance]: ...
    def mentions_of(self, name: str) -> List[Entity]: ...

class Pipeline:
    def __init__(
        self,
        gazetteer: Union[str, os.PathLike[str], None] = None,
        *,
        entities: bool = True,
        quotes: bool = True,
        stances: bool = True,
    ) -> None: ...
    def analyze(self, text: str) -> Document: ...
    def analyze_many(self, texts: Iterable[str]) -> List[Document]: ...
