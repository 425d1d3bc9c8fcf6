"""Who said what, about whom, and how they feel about it: news text analysis.

newsnlp reads a news article and finds its sentences and tokens, entity
mentions linked to canonical entities, direct, mixed and indirect quotes
with their cue, source and speaker, and stance triples (holder, target,
polarity, certainty, evidence). The work is done by the Rust library of the
same name; no model is downloaded.

Every span is a ``(start, end)`` pair of **character offsets** into the text
you passed (Python string indices, end exclusive), so
``text[q.content[0]:q.content[1]]`` is a quote's content. (The command line's
JSON uses UTF-8 byte offsets instead; the two agree on ASCII text.)

>>> import newsnlp
>>> nlp = newsnlp.Pipeline()
>>> text = "“We frankly discussed it,” Secretary of State Rex Tillerson said."
>>> doc = nlp.analyze(text)
>>> q = doc.quotes[0]
>>> q.speaker, doc.span_text(q.content)
('Rex Tillerson', 'We frankly discussed it,')
>>> doc.entities[0].name, doc.entities[0].kind
('Rex Tillerson', 'person')
"""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Iterable, List, Optional, Tuple, Union

from ._native import SEED_ARTICLE, __version__
from ._native import Pipeline as _NativePipeline

__all__ = [
    "Pipeline",
    "Document",
    "Sentence",
    "Entity",
    "Quote",
    "Stance",
    "Span",
    "SEED_ARTICLE",
    "__version__",
]

#: A ``(start, end)`` pair of character offsets, end exclusive.
Span = Tuple[int, int]


def _span(value: Any) -> Optional[Span]:
    """A JSON ``[start, end]`` as a tuple; ``None`` stays ``None``."""
    if value is None:
        return None
    return (value[0], value[1])


class _Record:
    """Shared ``repr``, equality and ``to_dict`` of the result classes."""

    __slots__ = ("_data",)
    _fields: Tuple[str, ...] = ()

    def to_dict(self) -> Dict[str, Any]:
        """This item as in ``Document.to_dict()`` (a copy)."""
        return json.loads(json.dumps(self._data))

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in self._fields)
        return f"{type(self).__name__}({inner})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._data == other._data  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]


class Sentence(_Record):
    """One sentence: its span and its tokens' spans (character offsets)."""

    __slots__ = ("span", "tokens")
    _fields = ("span", "tokens")

    def __init__(self, data: Dict[str, Any]) -> None:
        self._data = data
        #: The sentence's ``(start, end)``.
        self.span: Span = (data["start"], data["end"])
        #: Each token's ``(start, end)``, in text order.
        self.tokens: List[Span] = [(t[0], t[1]) for t in data["tokens"]]

    @property
    def start(self) -> int:
        """The sentence's first character offset."""
        return self.span[0]

    @property
    def end(self) -> int:
        """The offset just past the sentence's last character."""
        return self.span[1]


class Entity(_Record):
    """One named mention of an entity: linked to a canonical entity of the
    gazetteer (``known`` is true), or a person, organization or place the
    gazetteer does not list (``known`` is false; ``name`` is then the fullest
    form the document uses: "Jonas Gahr Støre" for "Støre").

    ``name`` and ``kind`` are ``None`` when the mention is ambiguous; then
    ``candidates`` lists the canonical names it could be, best first.
    """

    __slots__ = ("span", "name", "kind", "known", "candidates")
    _fields = ("span", "name", "kind", "known", "candidates")

    def __init__(self, data: Dict[str, Any]) -> None:
        self._data = data
        #: The mention's ``(start, end)`` in the text.
        self.span: Span = _span(data["span"])  # type: ignore[assignment]
        #: The canonical name ("Vladimir Putin" for "Putin"), when linked.
        self.name: Optional[str] = data.get("name")
        #: "person", "organization", "place", … when linked.
        self.kind: Optional[str] = data.get("kind")
        #: Whether the gazetteer lists the entity.
        self.known: bool = bool(data.get("known", True))
        #: Candidate canonical names of an ambiguous mention (else empty).
        self.candidates: List[str] = list(data.get("candidates") or [])


class Quote(_Record):
    """A direct, mixed or indirect quote and who said it."""

    __slots__ = ("kind", "content", "cue", "source", "speaker", "confidence")
    _fields = ("kind", "content", "cue", "source", "speaker", "confidence")

    def __init__(self, data: Dict[str, Any]) -> None:
        self._data = data
        #: "direct", "mixed" or "indirect".
        self.kind: str = data["kind"]
        #: What was said: ``(start, end)``.
        self.content: Span = _span(data["content"])  # type: ignore[assignment]
        #: The speech verb or phrase ("said", "according to"), if any.
        self.cue: Optional[Span] = _span(data.get("cue"))
        #: The source phrase as written ("the minister", "he"), if any.
        self.source: Optional[Span] = _span(data.get("source"))
        #: The speaker: a canonical entity name or the source phrase.
        self.speaker: Optional[str] = data.get("speaker")
        #: The attribution rule's measured precision, 0 to 1.
        self.confidence: float = data["confidence"]


class Stance(_Record):
    """A stance triple: who (holder) feels how (polarity) about what (target)."""

    __slots__ = ("holder", "target", "polarity", "certainty", "evidence")
    _fields = ("holder", "target", "polarity", "certainty", "evidence")

    def __init__(self, data: Dict[str, Any]) -> None:
        self._data = data
        #: A canonical entity name, a phrase, or "author".
        self.holder: str = data.get("holder")  # type: ignore[assignment]
        #: A canonical entity name or the phrase the stance is about.
        self.target: str = data.get("target")  # type: ignore[assignment]
        #: "positive", "negative" or "neutral".
        self.polarity: str = data["polarity"]
        #: How certain the holder sounds, 0 to 1 (hedges lower it).
        self.certainty: float = data["certainty"]
        #: The passage the stance is read from: ``(start, end)``.
        self.evidence: Span = _span(data["evidence"])  # type: ignore[assignment]


class Document:
    """The analysis of one article.

    Attributes:
        text: the article, as given.
        sentences: the ``Sentence`` list, in text order.
        entities: the ``Entity`` mentions, in text order.
        quotes: the ``Quote`` list, in text order of their content.
        stances: the ``Stance`` triples.

    Spans are character offsets into ``text``.
    """

    __slots__ = ("text", "entities", "quotes", "stances", "_data", "_sentences")

    def __init__(self, text: str, data: Dict[str, Any]) -> None:
        self.text: str = text
        self._data = data
        # Sentences (with a span per token, the bulk of the analysis) become
        # objects on first use only.
        self._sentences: Optional[List[Sentence]] = None
        self.entities: List[Entity] = [Entity(e) for e in data.get("entities", [])]
        self.quotes: List[Quote] = [Quote(q) for q in data.get("quotes", [])]
        self.stances: List[Stance] = [Stance(s) for s in data.get("stances", [])]

    @property
    def sentences(self) -> List[Sentence]:
        """The ``Sentence`` list, in text order."""
        if self._sentences is None:
            self._sentences = [Sentence(s) for s in self._data.get("sentences", [])]
        return self._sentences

    def to_dict(self) -> Dict[str, Any]:
        """The analysis as ``newsnlp analyze --json`` prints it, as a new dict:
        ``{"sentences", "entities", "quotes", "stances"}``, except that spans
        are character offsets (the command line prints UTF-8 byte offsets).
        It round-trips through ``json``."""
        return json.loads(json.dumps(self._data))

    def span_text(self, span: Optional[Span]) -> Optional[str]:
        """The text of a span (``None`` for ``None``)."""
        if span is None:
            return None
        return self.text[span[0] : span[1]]

    def quotes_by(self, name: str) -> List[Quote]:
        """The quotes whose speaker is ``name`` (canonical name or phrase)."""
        return [q for q in self.quotes if q.speaker == name]

    def stances_by(self, holder: str) -> List[Stance]:
        """The stances held by ``holder``."""
        return [s for s in self.stances if s.holder == holder]

    def mentions_of(self, name: str) -> List[Entity]:
        """The mentions of the entity with canonical name ``name``."""
        return [e for e in self.entities if e.name == name]

    def __repr__(self) -> str:
        return (
            f"Document({len(self.text)} chars, {len(self.sentences)} sentences, "
            f"{len(self.entities)} entities, {len(self.quotes)} quotes, "
            f"{len(self.stances)} stances)"
        )


class Pipeline:
    """Runs newsnlp's layers over articles.

    Build it once (loading the gazetteer and the models takes a fraction of
    a second) and reuse it; one pipeline can be shared between threads.

    Args:
        gazetteer: path of a gazetteer file used instead of the default one:
            TSV with ``alias`` and ``canonical`` columns (optionally ``kind``,
            ``priority``), JSON or TOML, as ``newsnlp entities --gazetteer``
            reads it.
        entities: find entity mentions (on by default).
        quotes: find quotes (on by default).
        stances: find stance triples (on by default).

    Raises:
        ValueError: the gazetteer file is malformed; the message names the
            file and the line.
        OSError: the gazetteer file cannot be read.
    """

    __slots__ = ("_native",)

    def __init__(
        self,
        gazetteer: Union[str, "os.PathLike[str]", None] = None,
        *,
        entities: bool = True,
        quotes: bool = True,
        stances: bool = True,
    ) -> None:
        self._native = _NativePipeline(
            gazetteer=None if gazetteer is None else os.fspath(gazetteer),
            entities=bool(entities),
            quotes=bool(quotes),
            stances=bool(stances),
        )

    def analyze(self, text: str) -> Document:
        """Analyzes one article. The GIL is released while the Rust code runs.

        Raises:
            TypeError: ``text`` is not a ``str``.
        """
        return Document(text, self._native.analyze(text))

    def analyze_many(self, texts: Iterable[str]) -> List[Document]:
        """Analyzes many articles on every core (the GIL is released);
        the documents are in input order and equal ``analyze`` of each text.

        Raises:
            TypeError: ``texts`` is a ``str``, or one of its items is not.
        """
        texts = list(texts) if not isinstance(texts, str) else texts
        dicts = self._native.analyze_many(texts)
        return [Document(t, d) for t, d in zip(texts, dicts)]
