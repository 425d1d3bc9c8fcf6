"""The Python package: objects, character spans, layers, gazetteers, errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import newsnlp
from conftest import CORPUS, REPO, char_offsets, corpus, run_cli

SEED_PATH = REPO / "seeds" / "000_1561a38bbdfba1e1.txt"
NON_ASCII = "Le café 😀 ouvre. “We frankly discussed it,” José said, and Rex Tillerson agreed in Moscow. 🎉"


def test_seed_article_is_the_bundled_file():
    assert newsnlp.SEED_ARTICLE == SEED_PATH.read_text(encoding="utf-8")


def test_seed_quotes_include_tillerson(nlp):
    doc = nlp.analyze(newsnlp.SEED_ARTICLE)
    speakers = {q.speaker for q in doc.quotes}
    assert "Rex Tillerson" in speakers
    assert {"Vladimir Putin", "Sergey Lavrov"} <= {e.name for e in doc.entities}
    tillerson = doc.quotes_by("Rex Tillerson")[0]
    assert tillerson.kind in {"direct", "mixed", "indirect"}
    assert 0 < tillerson.confidence <= 1
    assert doc.stances and all(s.polarity in {"positive", "negative", "neutral"} for s in doc.stances)
    assert all(0 <= s.certainty <= 1 for s in doc.stances)


@pytest.mark.parametrize(
    "text, want",
    [
        ("“We frankly discussed it,” Rex Tillerson said.", "We frankly discussed it,"),
        ("Le café 😀 — “Ça va très bien,” Vladimir Putin said.", "Ça va très bien,"),
        ("😀😀😀 “Markets fell,” the analyst said.", "Markets fell,"),
    ],
)
def test_quote_content_is_a_character_span(nlp, text, want):
    q = nlp.analyze(text).quotes[0]
    assert text[q.content[0] : q.content[1]] == want


def test_every_span_is_a_character_span(nlp):
    doc = nlp.analyze(NON_ASCII)
    names = {doc.span_text(e.span): e.name for e in doc.entities}
    assert names["Rex Tillerson"] == "Rex Tillerson"
    assert names["Moscow"] == "Moscow"
    for s in doc.sentences:
        for a, b in s.tokens:
            assert s.start <= a < b <= s.end <= len(NON_ASCII)
            assert NON_ASCII[a:b].strip() == NON_ASCII[a:b]
    assert [NON_ASCII[a:b] for a, b in doc.sentences[0].tokens[:4]] == ["Le", "café", "😀", "ouvre"]
    q = doc.quotes[0]
    assert doc.span_text(q.cue) == "said"
    assert doc.span_text(q.source) == "José"


def test_seed_spans_equal_the_cli_byte_spans(nlp, cli):
    """The issue's acceptance check: each quote's character span slices the
    Python string to the text the CLI's byte span slices from the file."""
    raw = SEED_PATH.read_bytes()
    cli_doc = json.loads(run_cli(cli, "analyze", "--json", str(SEED_PATH)))
    doc = nlp.analyze(raw.decode("utf-8"))
    assert len(doc.quotes) == len(cli_doc["quotes"]) > 0
    for q, c in zip(doc.quotes, cli_doc["quotes"]):
        s, e = c["content"]
        assert doc.span_text(q.content) == raw[s:e].decode("utf-8")
    assert doc.to_dict() == char_offsets(cli_doc, doc.text)


def test_corpus_equals_cli_jsonl(nlp, cli):
    out = run_cli(cli, "analyze", "--jsonl", str(CORPUS))
    records = corpus()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == [line.pop("id") for line in lines]
    for r, line in zip(records, lines):
        assert nlp.analyze(r["text"]).to_dict() == char_offsets(line, r["text"]), r["id"]


@pytest.mark.parametrize(
    "layers, empty",
    [
        ({"entities": False}, {"entities"}),
        ({"quotes": False}, {"quotes"}),
        ({"stances": False}, {"stances"}),
        ({"quotes": False, "stances": False}, {"quotes", "stances"}),
        ({"entities": False, "quotes": False, "stances": False}, {"entities", "quotes", "stances"}),
    ],
)
def test_layers_on_and_off(layers, empty):
    doc = newsnlp.Pipeline(**layers).analyze(newsnlp.SEED_ARTICLE)
    for layer in ("entities", "quotes", "stances"):
        assert (len(getattr(doc, layer)) == 0) == (layer in empty), layer
    assert doc.sentences, "sentences are always there"


def test_custom_gazetteer(tmp_path):
    gaz = tmp_path / "people.tsv"
    gaz.write_text("alias\tcanonical\tkind\nJane Roe\tJane Roe\tperson\nJ. Roe\tJane Roe\tperson\n", encoding="utf-8")
    text = "“The café is open,” Jane Roe said. Putin did not comment."
    for path in (str(gaz), gaz):  # str or os.PathLike
        doc = newsnlp.Pipeline(gazetteer=path).analyze(text)
        assert [e.name for e in doc.entities] == ["Jane Roe"]  # replaces the default
        assert doc.entities[0].kind == "person"
        assert doc.quotes[0].speaker == "Jane Roe"


def test_json_gazetteer(tmp_path):
    gaz = tmp_path / "orgs.json"
    gaz.write_text('[{"name": "Hezbollah", "kind": "organization", "aliases": ["Hizbullah"]}]', encoding="utf-8")
    doc = newsnlp.Pipeline(gazetteer=gaz).analyze("Hizbullah denied it. Putin spoke.")
    # The custom gazetteer replaces the default one: Putin is a name it
    # does not list, found in the text.
    assert [(e.name, e.kind, e.known) for e in doc.entities] == [
        ("Hezbollah", "organization", True),
        ("Putin", "person", False),
    ]


@pytest.mark.parametrize(
    "content, message",
    [
        ("alias\tcanonical\tkind\nPutin\tVladimir Putin\tpersn\n", "line 2"),
        ("name\tkind\nPutin\tperson\n", "canonical"),
    ],
)
def test_bad_gazetteer_is_a_value_error(tmp_path, content, message):
    gaz = tmp_path / "bad.tsv"
    gaz.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        newsnlp.Pipeline(gazetteer=str(gaz))
    assert "bad.tsv" in str(err.value)
    assert message in str(err.value)


def test_missing_gazetteer_is_an_os_error(tmp_path):
    with pytest.raises(OSError, match="no-such.tsv"):
        newsnlp.Pipeline(gazetteer=str(tmp_path / "no-such.tsv"))


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["a list"]])
def test_non_str_is_a_type_error(nlp, bad):
    with pytest.raises(TypeError, match="must be str"):
        nlp.analyze(bad)
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        nlp.analyze_many(["fine", bad])


def test_analyze_many_rejects_a_bare_str(nlp):
    with pytest.raises(TypeError, match="not a str"):
        nlp.analyze_many("one text")


def test_analyze_many_equals_analyze(nlp):
    texts = [r["text"] for r in corpus()] + [newsnlp.SEED_ARTICLE, "", NON_ASCII]
    many = nlp.analyze_many(texts)
    assert len(many) == len(texts)
    for text, doc in zip(texts, many):
        assert doc.text == text
        assert doc.to_dict() == nlp.analyze(text).to_dict()
    assert nlp.analyze_many(iter(texts[:3]))[2].to_dict() == many[2].to_dict()
    assert nlp.analyze_many([]) == []


def test_to_dict_round_trips_through_json(nlp):
    doc = nlp.analyze(NON_ASCII)
    d = doc.to_dict()
    assert set(d) == {"sentences", "entities", "quotes", "stances"}
    assert json.loads(json.dumps(d)) == d
    d["quotes"].clear()  # a copy: the document is unchanged
    assert doc.to_dict()["quotes"]
    assert [q.to_dict() for q in doc.quotes] == doc.to_dict()["quotes"]
    assert newsnlp.Document(doc.text, doc.to_dict()).to_dict() == doc.to_dict()


def test_empty_and_whitespace_texts(nlp):
    for text in ("", "   \n\n ", "\u00a0"):
        d = nlp.analyze(text).to_dict()
        assert d["entities"] == d["quotes"] == d["stances"] == []


def test_threads_share_one_pipeline(nlp):
    from concurrent.futures import ThreadPoolExecutor

    texts = [r["text"] for r in corpus()]
    want = [nlp.analyze(t).to_dict() for t in texts]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: nlp.analyze(t).to_dict(), texts))
    assert got == want


def test_package_ships_type_information():
    pkg = Path(newsnlp.__file__).parent
    assert (pkg / "py.typed").is_file()
    assert (pkg / "__init__.pyi").is_file()
    assert os.path.getsize(pkg / "__init__.pyi") > 0


def test_readme_examples_run(tmp_path, monkeypatch):
    """The README's Python blocks run as written (people.tsv made up)."""
    import re

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert len(blocks) == 2
    (tmp_path / "people.tsv").write_text("alias\tcanonical\nJane Roe\tJane Roe\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), scope)
    assert scope["q"].speaker == "Rex Tillerson"
    assert [d.entities[0].name for d in scope["docs"]] == ["Rex Tillerson", "Vladimir Putin"]
