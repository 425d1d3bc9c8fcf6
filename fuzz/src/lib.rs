//! The invariants every layer of newsnlp keeps on any input, checked by
//! panicking. One copy serves three callers: the libFuzzer targets in
//! `fuzz/fuzz_targets/`, the property tests in `tests/robustness.rs` and
//! the stable replay of `fuzz/corpus/` there (which includes this file with
//! `#[path]`, so plain `cargo test` compiles and runs the same checks).
//!
//! Spans are `Range<usize>` byte offsets into the text: in bounds, on char
//! boundaries, `start <= end`.

use std::ops::Range;
use std::sync::LazyLock;

use newsnlp::gazetteer::{Gazetteer, Mention};
use newsnlp::quotes::{Party, Quote, QuoteExtractor};
use newsnlp::stance::{Certainty, Stance, StanceAnalyzer, TargetSentiment};
use newsnlp::tokenize::{Token, Tokenized, Tokenizer};
use newsnlp::{Document, Pipeline};

/// Every layer, built once per process (the gazetteer and the stance model
/// take a while to load in debug builds).
pub struct Layers {
    /// The default tokenizer.
    pub tokenizer: Tokenizer,
    /// The default gazetteer.
    pub gazetteer: Gazetteer,
    /// The default quote extractor.
    pub quotes: QuoteExtractor,
    /// The whole pipeline with every layer on.
    pub pipeline: Pipeline,
    /// The target-sentiment classifier.
    pub sentiment: TargetSentiment,
    /// The hedge and booster analyzer.
    pub certainty: Certainty,
    /// The stance-triple analyzer.
    pub stances: StanceAnalyzer,
}

static LAYERS: LazyLock<Layers> = LazyLock::new(|| Layers {
    tokenizer: Tokenizer::new(),
    gazetteer: Gazetteer::default(),
    quotes: QuoteExtractor::new(),
    pipeline: Pipeline::new(),
    sentiment: TargetSentiment::new(),
    certainty: Certainty::new(),
    stances: StanceAnalyzer::new(),
});

/// The process-wide [`Layers`].
pub fn layers() -> &'static Layers {
    &LAYERS
}

/// How many entity mentions per document get the (slower) stance checks.
const STANCE_CHECKS: usize = 8;

/// Panics unless `span` lies inside `text`, on char boundaries.
pub fn span_in(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} is out of bounds of a {}-byte text",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a character"
    );
}

/// Panics unless `x` is a number in [0, 1].
pub fn unit(x: impl Into<f64>, what: &str) {
    let x: f64 = x.into();
    assert!(
        x.is_finite() && (0.0..=1.0).contains(&x),
        "{what} {x} is not in [0, 1]"
    );
}

/// Whether the tokenizer skips `c` between tokens (Unicode `White_Space`,
/// zero-width space, byte-order mark, word joiner).
fn separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Tokens: non-empty, in bounds, in order, not overlapping, their text the
/// text of their span, paragraphs non-decreasing, and nothing but
/// separators left between them. Sentences: in order, each a non-empty run
/// of tokens of one paragraph starting where the previous one ended, its
/// span from its first token to its last, together holding every token.
pub fn tokenized(text: &str, doc: &Tokenized<'_>) {
    assert_eq!(
        doc.text().len(),
        text.len(),
        "Tokenized::text is not the input"
    );
    let toks = doc.tokens();
    let mut prev_end = 0;
    let mut prev_par = 0;
    for (i, t) in toks.iter().enumerate() {
        span_in(text, &t.span, "token");
        assert!(
            t.span.start < t.span.end,
            "token {i} is empty at {:?}",
            t.span
        );
        assert!(
            t.span.start >= prev_end,
            "token {i} {:?} overlaps the previous one (ending at {prev_end})",
            t.span
        );
        let gap = &text[prev_end..t.span.start];
        assert!(
            gap.chars().all(separator),
            "text {gap:?} before token {i} at {prev_end} is in no token"
        );
        assert_eq!(
            &text[t.span.clone()],
            t.text,
            "token {i} text is not its span"
        );
        assert!(t.paragraph >= prev_par, "token {i} goes back a paragraph");
        words(text, t);
        prev_end = t.span.end;
        prev_par = t.paragraph;
    }
    let tail = &text[prev_end..];
    assert!(
        tail.chars().all(separator),
        "trailing text {tail:?} is in no token"
    );
    assert_eq!(
        doc.paragraph_count(),
        toks.last().map_or(0, |t| t.paragraph as usize + 1)
    );

    let mut next = 0;
    for (i, s) in doc.sentences().iter().enumerate() {
        assert_eq!(
            s.tokens.start, next,
            "sentence {i} does not follow the previous one"
        );
        assert!(s.tokens.start < s.tokens.end, "sentence {i} has no token");
        assert!(
            s.tokens.end <= toks.len(),
            "sentence {i} ends past the tokens"
        );
        let inner = doc.sentence_tokens(s);
        assert_eq!(inner.len(), s.tokens.len());
        let (first, last) = (&inner[0], &inner[inner.len() - 1]);
        assert_eq!(
            s.span,
            first.span.start..last.span.end,
            "sentence {i} span is not first token start..last token end"
        );
        span_in(text, &s.span, "sentence");
        assert!(
            inner.iter().all(|t| t.paragraph == s.paragraph),
            "sentence {i} crosses a paragraph break"
        );
        assert_eq!(doc.sentence_of(s.tokens.start), Some(i));
        assert_eq!(doc.sentence_of(s.tokens.end - 1), Some(i));
        next = s.tokens.end;
    }
    assert_eq!(next, toks.len(), "the sentences do not hold every token");
}

/// A token's UD words split its span, and its stem is a prefix of it.
fn words(text: &str, t: &Token<'_>) {
    let mut at = t.span.start;
    for (w, r) in t.words() {
        span_in(text, &r, "token word");
        assert_eq!(r.start, at, "words of {:?} leave a gap", t.text);
        assert_eq!(&text[r.clone()], w);
        at = r.end;
    }
    assert_eq!(at, t.span.end, "words of {:?} do not reach its end", t.text);
    assert!(t.text.starts_with(t.stem()), "stem of {:?}", t.text);
}

/// The tokenizer alone: [`tokenized`] holds, the lazy iterator yields the
/// same tokens, and paragraph-by-paragraph tokenizing gives the same tokens
/// and sentences (as documented).
pub fn tokenize(l: &Layers, text: &str) {
    let doc = l.tokenizer.tokenize(text);
    tokenized(text, &doc);
    assert!(
        l.tokenizer.tokens(text).eq(doc.tokens().iter().cloned()),
        "Tokenizer::tokens differs from Tokenizer::tokenize"
    );
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    l.tokenizer.for_each_paragraph(text, |toks, sents| {
        assert!(!toks.is_empty(), "for_each_paragraph called with no token");
        for s in sents {
            let inner = &toks[s.tokens.clone()];
            sentences.push((s.span.clone(), s.paragraph, inner.len()));
        }
        tokens.extend_from_slice(toks);
    });
    assert_eq!(tokens, doc.tokens(), "for_each_paragraph tokens differ");
    let whole: Vec<_> = doc
        .sentences()
        .iter()
        .map(|s| (s.span.clone(), s.paragraph, s.tokens.len()))
        .collect();
    assert_eq!(sentences, whole, "for_each_paragraph sentences differ");
}

/// Mentions: in bounds, in order, not overlapping; the entity one of the
/// candidates; every id in the gazetteer; a title right before the name.
pub fn mentions(text: &str, gaz: &Gazetteer, ms: &[Mention]) {
    let mut prev_end = 0;
    for (i, m) in ms.iter().enumerate() {
        let span = m.span();
        span_in(text, &span, "mention");
        assert!(span.start < span.end, "mention {i} is empty at {span:?}");
        assert!(
            span.start >= prev_end,
            "mention {i} {span:?} overlaps the previous one (ending at {prev_end})"
        );
        assert_eq!((m.start(), m.end()), (span.start, span.end));
        assert!(!m.candidates().is_empty(), "mention {i} has no candidate");
        assert!(m.candidates().iter().all(|c| c.index() < gaz.len()));
        assert!(m.alias().is_some_and(|a| a.index() < gaz.alias_count()));
        match m.entity() {
            Some(id) => assert!(
                m.candidates().contains(&id),
                "mention {i} entity not a candidate"
            ),
            None => assert!(m.is_ambiguous()),
        }
        if let Some(title) = m.title() {
            span_in(text, &title, "mention title");
            assert!(
                title.end <= span.start,
                "title {title:?} not before name {span:?}"
            );
        }
        prev_end = span.end;
    }
}

/// The gazetteer alone, `find` and `find_in_document`.
pub fn gazetteer(l: &Layers, text: &str) {
    let found: Vec<Mention> = l.gazetteer.find(text).collect();
    mentions(text, &l.gazetteer, &found);
    let doc = l.gazetteer.find_in_document(text);
    mentions(text, &l.gazetteer, &doc);
}

/// Quotes: spans in bounds, cue and source not empty, confidence in
/// [0, 1], in text order of their content; a speaker has a name, and an
/// entity speaker is an entity of `gaz` with its name.
pub fn quotes(text: &str, qs: &[Quote], gaz: Option<&Gazetteer>) {
    let mut prev = 0;
    for (i, q) in qs.iter().enumerate() {
        span_in(text, &q.content.range(), "quote content");
        for (part, what) in [(&q.cue, "quote cue"), (&q.source, "quote source")] {
            if let Some(r) = part {
                span_in(text, &r.range(), what);
                assert!(r.start < r.end, "{what} {r:?} of quote {i} is empty");
            }
        }
        assert!(
            q.speaker_name().is_none_or(|n| !n.trim().is_empty()),
            "quote {i} has a blank speaker name"
        );
        unit(q.confidence, "quote confidence");
        assert!(
            q.content.start >= prev,
            "quote {i} content {:?} is out of text order",
            q.content
        );
        prev = q.content.start;
        if let (
            Some(Party::Entity {
                id: Some(id), name, ..
            }),
            Some(gaz),
        ) = (&q.speaker, gaz)
        {
            assert!(id.index() < gaz.len(), "speaker id out of the gazetteer");
            assert_eq!(
                gaz.entity(*id).name(),
                name,
                "speaker name is not its entity's"
            );
        }
    }
}

/// The quote extractor alone, without and with entities.
pub fn quote_layer(l: &Layers, text: &str) {
    let doc = l.tokenizer.tokenize(text);
    quotes(text, &l.quotes.extract(&doc), None);
    let ms = l.gazetteer.find_in_document(text);
    let qs = l.quotes.extract_with_entities(&doc, &l.gazetteer, &ms);
    quotes(text, &qs, Some(&l.gazetteer));
}

/// The target-sentiment classifier and the certainty analyzer on one
/// sentence and target: probabilities in [0, 1] summing to 1, certainty in
/// [0, 1], marker spans inside the sentence. Any `target` must be accepted,
/// even one out of bounds or splitting a character.
pub fn stance(l: &Layers, sentence: &str, target: Range<usize>) {
    let s = l.sentiment.classify(sentence, target.clone());
    let scores = s.scores.as_array();
    for p in scores {
        unit(p, "sentiment probability");
    }
    let sum: f32 = scores.iter().sum();
    assert!(
        (sum - 1.0).abs() < 1e-3,
        "sentiment probabilities sum to {sum}"
    );
    unit(l.certainty.score(sentence, target.clone()), "certainty");
    unit(
        newsnlp::stance::certainty(sentence, target.clone()),
        "certainty()",
    );
    let a = l.certainty.assess(sentence, target);
    for c in &a.markers {
        span_in(sentence, &c.span, "certainty marker");
        assert!(c.effect.is_finite(), "marker effect {}", c.effect);
    }
}

/// Stance triples: target and evidence spans in bounds, in the order of
/// their evidence; certainty in [0, 1]; entities of `gaz`; a non-empty
/// target that is an entity's name or the phrase as written; a named holder.
pub fn stances(text: &str, stances: &[Stance], gaz: &Gazetteer) {
    let mut prev = 0;
    for (i, s) in stances.iter().enumerate() {
        span_in(text, &s.target.span.range(), "stance target");
        assert!(!s.target.span.is_empty(), "stance {i} target is empty");
        assert!(
            !s.holder.label().trim().is_empty(),
            "stance {i} holder has no name"
        );
        if s.target.entity.is_none() {
            // The phrase as written, or the name of an unlisted entity
            // that a short form of it names ("Bennett": "Sarah Bennett").
            let phrase = &text[s.target.span.range()];
            assert!(
                s.target.text == phrase
                    || phrase.split_whitespace().all(|w| s
                        .target
                        .text
                        .split_whitespace()
                        .any(|t| t == w)),
                "stance {i} target {:?} is neither its phrase {phrase:?} nor a name of it",
                s.target.text
            );
        }
        span_in(text, &s.evidence.range(), "stance evidence");
        unit(s.certainty, "stance certainty");
        assert!(
            s.evidence.start >= prev,
            "stance {i} evidence {:?} is out of text order",
            s.evidence
        );
        prev = s.evidence.start;
        for id in [s.target.entity, s.holder.entity()].into_iter().flatten() {
            assert!(id.index() < gaz.len(), "stance entity out of the gazetteer");
        }
        if let Some(id) = s.target.entity {
            assert_eq!(
                s.target.text,
                gaz.entity(id).name(),
                "target text is not its entity's name"
            );
        }
    }
}

/// The stance layer on the other layers' output, twice (same result).
pub fn stance_layer(l: &Layers, text: &str) -> Vec<Stance> {
    let doc = l.tokenizer.tokenize(text);
    let ms = l.gazetteer.find_in_document(text);
    let qs = l.quotes.extract_with_entities(&doc, &l.gazetteer, &ms);
    let found = l.stances.stances(&doc, &l.gazetteer, &ms, &qs);
    stances(text, &found, &l.gazetteer);
    let again = l.stances.stances(&doc, &l.gazetteer, &ms, &qs);
    assert_eq!(found, again, "a second stance analysis differs");
    found
}

/// The whole pipeline: every layer's invariants on the [`Document`], the
/// entity list agreeing with the mentions, target sentiment and certainty
/// on the sentences of the first mentions, the same result on a second
/// run, and the stance layer run alone agreeing with the pipeline's.
pub fn analyze(l: &Layers, text: &str) {
    let doc = l.pipeline.analyze(text);
    document(l, text, &doc);
    let again = l.pipeline.analyze(text);
    assert_eq!(
        format!("{doc:?}"),
        format!("{again:?}"),
        "a second analysis differs"
    );
    stance_layer(l, text);
    let table = doc.tokens().table();
    let alone = l.stances.stances_in(
        doc.tokens(),
        &table,
        doc.entity_lookup(),
        doc.linked_mentions(),
        doc.quotes(),
    );
    assert_eq!(
        doc.stances(),
        alone,
        "the pipeline's stances differ from the layer's"
    );
}

/// The invariants of one analyzed [`Document`] of `text`.
pub fn document(l: &Layers, text: &str, doc: &Document<'_>) {
    assert_eq!(doc.text(), text);
    tokenized(text, doc.tokens());
    let gaz = l.pipeline.gazetteer();
    mentions(text, gaz, doc.gazetteer_mentions());
    assert_eq!(doc.mentions().len(), doc.linked_mentions().len());
    let who = doc.entity_lookup();
    let mut prev = 0;
    for (e, m) in doc.mentions().iter().zip(doc.linked_mentions()) {
        assert_eq!(e.span, m.span(), "entity and mention spans differ");
        assert!(m.start() >= prev, "linked mentions out of text order");
        prev = m.start();
        assert!(
            text.get(m.span()).is_some(),
            "mention {:?} off a char boundary",
            m.span()
        );
        assert_eq!(e.known, m.is_listed());
        assert_eq!(e.candidates.len(), m.candidates().len());
        if e.known {
            assert_eq!(e.entity, m.entity());
            assert_eq!(e.name().is_some(), e.entity.is_some());
            assert_eq!(e.kind().is_some(), e.entity.is_some());
        } else {
            let id = m.entity().expect("an unlisted mention is linked");
            assert_eq!(e.entity, None);
            assert_eq!(who.listed(id), None);
            assert_eq!(e.name(), Some(who.name(id)));
            assert!(!who.name(id).trim().is_empty(), "blank unlisted name");
        }
    }
    quotes(text, doc.quotes(), Some(gaz));
    stances(text, doc.stances(), gaz);
    let sents = doc.tokens().sentences();
    for e in doc.mentions().iter().take(STANCE_CHECKS) {
        let i = sents.partition_point(|s| s.span.end <= e.span.start);
        let Some(s) = sents.get(i).filter(|s| s.span.start <= e.span.start) else {
            continue;
        };
        if e.span.end > s.span.end {
            continue; // a name across a sentence break: no single sentence
        }
        let local = e.span.start - s.span.start..e.span.end - s.span.start;
        stance(l, &text[s.span.clone()], local);
    }
}
