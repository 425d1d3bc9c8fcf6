//! Stances from the rules' findings and from the model.
//!
//! A finding becomes a stance on its noun phrase and, when the phrase
//! names an entity ("Russia wants talks with the United States" -> the
//! entity), a stance on the entity; every entity in a quote's content is a
//! target of its speaker; entities of the author's evaluative sentences get
//! the model's polarity when it is confident. The [`Collector`] keeps the
//! first stance per holder and target span, so a rule's polarity wins over
//! the model's.

use std::ops::Range;

use newsnlp_text::hash::{FastMap, FastSet};

use super::StanceAnalyzer;
use super::classes::DET;
use super::doc::{Doc, overlaps};
use super::holders::{phrase_name, phrase_names_a_party};
use super::phrases::REPORTER_WORDS;
use super::rules::{Finding, HolderRef};
use super::windows::{WINDOW, Windows, clip};
use newsnlp_gazetteer::{EntityId, Party};
use newsnlp_quotes::{Quote, QuoteKind};

use crate::certainty::shift_certainty;
use crate::polarity::Polarity;
use crate::triples::{Basis, Stance, Target, round_score};

/// An unattributed sentence is evaluative when a word's valence reaches this.
const EVALUATIVE_WORD: f32 = 1.0;
/// What retold speech (an indirect quote, a reported claim) adds to the
/// log-odds of certainty: a third of a weak hedge such as "may" (1.1).
const RETOLD: f32 = -0.3;
/// The model's answer for an author stance must be at least this probable.
const AUTHOR_MIN_PROB: f32 = 0.5;

/// No stance (the end of a span's list in [`Collector`]).
const NONE: usize = usize::MAX;

/// Stances collected with a key per holder and target span; the first
/// (the rule-based one) wins.
#[derive(Default)]
pub(super) struct Collector {
    pub(super) stances: Vec<Stance>,
    /// Per target span: the index (in `stances`) of its last stance...
    seen: FastMap<(usize, usize), usize>,
    /// ... and per stance, the index of the one before it on its span
    /// ([`NONE`] for the first): a list per span without a vector each.
    before: Vec<usize>,
    /// Per holder phrase: the name in it, or `None` if it names no party.
    phrase_names: FastMap<String, Option<String>>,
    /// Per holder entity: the indexes (in `stances`) of its stances, so
    /// that [`speaks_for`](Self::speaks_for) reads a few stances, not all.
    by_holder: FastMap<EntityId, Vec<usize>>,
}

impl Collector {
    /// Whether a stance of `holder` on `target` is in already (then a
    /// [`push`](Self::push) of another would be dropped).
    pub(super) fn has(&self, target: &Range<usize>, holder: &str) -> bool {
        let mut at = self
            .seen
            .get(&(target.start, target.end))
            .copied()
            .unwrap_or(NONE);
        while let Some(t) = self.stances.get(at) {
            if t.holder.label() == holder {
                return true;
            }
            at = self.before.get(at).copied().unwrap_or(NONE);
        }
        false
    }

    /// The name a holder phrase is kept under (the name in it), or `None`
    /// when it names no party; read once per phrase, since a quote's
    /// speaker holds many stances.
    fn phrase_name(&mut self, text: &str) -> Option<&str> {
        if !self.phrase_names.contains_key(text) {
            let name = phrase_names_a_party(text).then(|| phrase_name(text).to_string());
            self.phrase_names.insert(text.to_string(), name);
        }
        self.phrase_names.get(text)?.as_deref()
    }

    /// The label a stance of `holder` is kept under (a holder phrase's
    /// name), or `None` when a [`push`](Self::push) of it would drop it
    /// whatever its target (a phrase that names no party).
    pub(super) fn kept_label(&mut self, holder: &Party) -> Option<String> {
        match holder {
            Party::Phrase(text) => self.phrase_name(text).map(str::to_string),
            _ => Some(holder.label().to_string()),
        }
    }

    /// Whether a [`push`](Self::push) of a stance of `holder` on `target`
    /// would keep it, so that a caller can skip the work of a stance that
    /// would be dropped.
    pub(super) fn keeps(&mut self, target: &Range<usize>, holder: &Party) -> bool {
        self.kept_label(holder)
            .is_some_and(|label| !self.has(target, &label))
    }

    /// Adds `s` unless a stance of its holder on its target span is in
    /// already, or its holder is a phrase that names no party.
    pub(super) fn push(&mut self, mut s: Stance) {
        if let Party::Phrase(text) = &s.holder {
            match self.phrase_name(text) {
                None => return,
                // `phrase_name` is a part of the phrase: shorter, or all of it.
                Some(name) if name.len() < text.len() => {
                    s.holder = Party::Phrase(name.to_string());
                }
                Some(_) => {}
            }
        }
        let span = s.target.span.range();
        if self.has(&span, s.holder.label()) {
            return;
        }
        let last = self.seen.insert((span.start, span.end), self.stances.len());
        self.before.push(last.unwrap_or(NONE));
        if let Some(id) = s.holder.entity() {
            self.by_holder
                .entry(id)
                .or_default()
                .push(self.stances.len());
        }
        self.stances.push(s);
    }

    /// The stances from index `first` on, held by `party` too (a
    /// co-holder, a spokesperson), except those about `party` itself.
    fn share(&mut self, first: usize, party: &Party) {
        let found: Vec<Stance> = self.stances[first..].to_vec();
        for s in found {
            if s.target.entity.is_none_or(|id| party.entity() != Some(id)) {
                self.push(Stance {
                    holder: party.clone(),
                    ..s
                });
            }
        }
    }

    /// Whether `holder` holds a stance on the target of a stance of entity
    /// `id` whose evidence covers `span`: the side the speaker speaks for
    /// ("“Kenya will not accept …,” the minister said").
    fn speaks_for(&self, id: EntityId, span: &Range<usize>, holder: &Party) -> bool {
        let sides = self.by_holder.get(&id).map_or(&[][..], Vec::as_slice);
        sides.iter().filter_map(|&i| self.stances.get(i)).any(|s| {
            if !(s.evidence.start <= span.start && span.end <= s.evidence.end) {
                return false;
            }
            // The stances on the side's target span: its list in `seen`.
            let key = (s.target.span.start, s.target.span.end);
            let mut at = self.seen.get(&key).copied().unwrap_or(NONE);
            while let Some(t) = self.stances.get(at) {
                if t.holder == *holder {
                    return true;
                }
                at = self.before.get(at).copied().unwrap_or(NONE);
            }
            false
        })
    }
}

/// A holder written as a surname alone ("Achebe") named in full where the
/// document names a party with that last word earlier or later ("Lawrence
/// Achebe", as a quote's speaker or another stance's holder); a surname two
/// full names share stays as written.
pub(super) fn full_names(stances: &mut [Stance], quotes: &[&Quote]) {
    let mut by_surname: FastMap<&str, Option<String>> = FastMap::default();
    let speakers = quotes.iter().filter_map(|q| q.speaker.as_ref());
    let mut names: Vec<String> = Vec::new();
    // A speaker holds many stances: each phrase is read once.
    let mut seen: FastSet<&str> = FastSet::default();
    for party in speakers.chain(stances.iter().map(|s| &s.holder)) {
        if let Party::Phrase(text) = party {
            if !seen.insert(text.as_str()) {
                continue;
            }
            let name = phrase_name(text);
            if name.split_whitespace().count() >= 2
                && name
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            {
                names.push(name.to_string());
            }
        }
    }
    for name in &names {
        let Some(last) = name.split_whitespace().last() else {
            continue;
        };
        let slot = by_surname.entry(last).or_insert_with(|| Some(name.clone()));
        if slot.as_deref().is_some_and(|n| n != name) {
            *slot = None;
        }
    }
    for s in stances {
        if let Party::Phrase(text) = &s.holder
            && !text.contains(' ')
            && let Some(Some(full)) = by_surname.get(text.as_str())
        {
            s.holder = Party::Phrase(full.clone());
        }
    }
}

/// How a stance's evidence reaches the reader: in the holder's own words
/// (a direct quote, an attitude the text reports as done, the author's
/// sentence) or retold (an indirect or mixed quote, a reported claim),
/// which lowers its certainty a little, less than a hedge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Speech {
    Own,
    Retold,
}

impl Speech {
    fn of(q: &Quote) -> Self {
        if q.kind == QuoteKind::Direct {
            Speech::Own
        } else {
            Speech::Retold
        }
    }

    /// `certainty` lowered for retold speech.
    fn lower(self, certainty: f32) -> f32 {
        match self {
            Speech::Own => certainty,
            Speech::Retold => shift_certainty(certainty, RETOLD),
        }
    }
}

/// Who holds a finding, the evidence span, how it is told, and the span
/// whose markers count fully for its certainty: the subject of its verb,
/// the speaker of the quote it stands in (with the quote's cue in the
/// marked span when the cue is in the same sentence: "insisted that",
/// "conceded that"), the subject of a reporting verb before it, or the
/// author of an unattributed sentence (if the finding allows).
fn holder_and_cue(
    d: &Doc<'_, '_>,
    f: &Finding,
    target_span: &Range<usize>,
    sentence_span: &Range<usize>,
) -> Option<(Party, Range<usize>, Speech, Range<usize>)> {
    match &f.holder {
        HolderRef::Subject { np, verb } => {
            let h = d.resolve_subject(np, *verb)?;
            // From the first to the last of holder and target (a passive's
            // agent comes after its target: "the plan was praised by X").
            let np_span = d.span(np);
            let evidence = np_span.start.min(target_span.start)..np_span.end.max(target_span.end);
            Some((h, evidence.clone(), Speech::Own, evidence))
        }
        HolderRef::Context { author } => match d.enclosing_quote(target_span) {
            Some(q) => {
                let sp = q.speaker.clone()?;
                let evidence = clip(&q.content.range(), sentence_span);
                let marked = match &q.cue {
                    Some(c) if sentence_span.start <= c.start && c.end <= sentence_span.end => {
                        evidence.start.min(c.start)..evidence.end.max(c.end)
                    }
                    _ => evidence.clone(),
                };
                Some((sp, evidence, Speech::of(q), marked))
            }
            None => {
                let sentence = d.doc.sentences()[f.sentence].tokens.clone();
                match d.reporter(&sentence, f.target.start) {
                    // A claim someone is reported making, which the quotes
                    // did not take.
                    Some((np, verb)) => {
                        let h = d.resolve_subject(&np, verb)?;
                        let evidence = d.span(&np).start..sentence_span.end;
                        Some((h, evidence.clone(), Speech::Retold, evidence))
                    }
                    // "For many growers, the tariff is a lifeline".
                    None if let Some(np) = d.opening_for_holder(&sentence, f.target.start) => {
                        let h = d.resolve_subject(&np, np.end)?;
                        let evidence = d.span(&np).start..sentence_span.end;
                        Some((h, evidence.clone(), Speech::Own, evidence))
                    }
                    None if *author && d.authors(f.sentence) => Some((
                        d.author(),
                        sentence_span.clone(),
                        Speech::Own,
                        sentence_span.clone(),
                    )),
                    None => None,
                }
            }
        },
    }
}

impl StanceAnalyzer {
    pub(super) fn emit_finding<'t>(
        &self,
        d: &Doc<'_, 't>,
        cache: &mut Windows<'t>,
        f: &Finding,
        out: &mut Collector,
    ) {
        let first_stance = out.stances.len();
        self.emit_finding_of(d, cache, f, out);
        if let Some(speaker) = d.spokesperson_of(f) {
            // "“Kenya will not accept the mistreatment …,” the minister
            // said": the speaker holds the stance they state for their side.
            out.share(first_stance, &speaker);
        }
        // "…, as did Tillerson": the same stance, held by the co-holder.
        if let Some((co, _)) = d.co_holder(f.sentence, f.target.end) {
            out.share(first_stance, &co);
        }
    }

    fn emit_finding_of<'t>(
        &self,
        d: &Doc<'_, 't>,
        cache: &mut Windows<'t>,
        f: &Finding,
        out: &mut Collector,
    ) {
        let sentence_span = d.doc.sentences()[f.sentence].span.clone();
        let target_span = d.span(&f.target);
        let Some((holder, evidence, reported, marked)) =
            holder_and_cue(d, f, &target_span, &sentence_span)
        else {
            return;
        };
        // A rule that found the frame but no lexicon word to judge by
        // ("called the rollout “a giant experiment on people”") leaves the
        // polarity to the model; neutral is no stance.
        let polarity = if f.basis == Basis::Model {
            match self.model(d, cache, f.sentence, &target_span).polarity {
                Polarity::Neutral => return,
                p => p,
            }
        } else {
            f.polarity
        };
        // The phrase itself, or the entity it names.
        let mut first = f.target.start;
        while first < f.target.end && d.has(first, DET) {
            first += 1;
        }
        let head_start = d.span(&(first..f.target.end)).start;
        let mut entity_target = None;
        if let Some(m) = d.mentions_in(&target_span).next()
            && m.start() == head_start
        {
            entity_target = Some(m);
        }
        let exact = entity_target.is_some_and(|m| {
            let rest = &d.text[m.end()..target_span.end];
            rest.is_empty() || rest == "’s" || rest == "'s"
        });
        let on_entity = entity_target
            .filter(|m| !d.is_party(&holder, m) && m.entity().is_some())
            .map(|m| m.span());
        // The certainty only when a stance would be kept (a holder phrase
        // that names no party, or a holder with a stance on the span
        // already, keeps none).
        if !(!exact && out.keeps(&target_span, &holder)
            || on_entity.is_some_and(|span| out.keeps(&span, &holder)))
        {
            return;
        }
        let certainty = round_score(reported.lower(self.certainty_of(
            d,
            cache,
            f.sentence,
            &target_span,
            &marked,
        )));
        if !exact {
            out.push(Stance {
                holder: holder.clone(),
                target: Target {
                    text: d.text[target_span.clone()].to_string(),
                    span: target_span.into(),
                    entity: None,
                },
                polarity,
                certainty,
                evidence: evidence.clone().into(),
                basis: f.basis,
            });
        }
        if let Some(m) = entity_target
            && !d.is_party(&holder, m)
            && let Some(id) = m.entity()
        {
            out.push(Stance {
                holder,
                target: d.entity_target(m, id),
                polarity,
                certainty,
                evidence: evidence.into(),
                basis: f.basis,
            });
        }
    }

    /// Entities in each attributed quote's content: model polarity.
    pub(super) fn quote_entities<'t>(
        &self,
        d: &Doc<'_, 't>,
        cache: &mut Windows<'t>,
        out: &mut Collector,
    ) {
        // The entities the model read in the current quote, per sentence:
        // one stance of the speaker on an entity per sentence of a quote,
        // not one per mention ("accusing Renner of …, and Renner calling").
        let mut read: Vec<(EntityId, usize)> = Vec::new();
        for q in &d.quotes {
            let Some(holder) = &q.speaker else { continue };
            read.clear();
            // What the speaker's stances are kept under: once per quote,
            // at its first mention that needs it.
            let mut label: Option<Option<String>> = None;
            for m in d.mentions_in(&q.content.range()) {
                // The cheap tests first; none depends on another.
                if d.is_party(holder, m)
                    || q.source.is_some_and(|s| overlaps(&s.range(), &m.span()))
                {
                    continue;
                }
                let Some(id) = d.model_target(m) else {
                    continue;
                };
                let Some(label) = label.get_or_insert_with(|| out.kept_label(holder)) else {
                    // A phrase that names no party: no stance of it is kept.
                    break;
                };
                if out.has(&m.span(), holder.label()) || out.has(&m.span(), label) {
                    // A rule (or an earlier quote) said it already, or the
                    // stance would be dropped: the model need not read it.
                    continue;
                }
                if d.is_co_holder(m) {
                    // "as did Tillerson": a co-holder, not a target.
                    continue;
                }
                let spoken_for = out.speaks_for(id, &m.span(), holder);
                if spoken_for {
                    // "“Kenya will not accept …,” the minister said": the
                    // side the speaker speaks for, not what they judge.
                    continue;
                }
                let Some(si) = d.sentence_of_byte(m.start()) else {
                    continue;
                };
                if read.contains(&(id, si)) {
                    continue;
                }
                read.push((id, si));
                let sentence_span = d.doc.sentences()[si].span.clone();
                let evidence = clip(&q.content.range(), &sentence_span);
                let sentiment = self.model(d, cache, si, &m.span());
                out.push(Stance {
                    holder: holder.clone(),
                    target: d.entity_target(m, id),
                    polarity: sentiment.polarity,
                    certainty: round_score(Speech::of(q).lower(self.certainty_of(
                        d,
                        cache,
                        si,
                        &m.span(),
                        &evidence,
                    ))),
                    evidence: evidence.into(),
                    basis: Basis::Model,
                });
            }
        }
    }

    /// Entities of unattributed, evaluative sentences: the author's stance
    /// when the model is confident it is not neutral.
    pub(super) fn author_entities<'t>(
        &self,
        d: &Doc<'_, 't>,
        cache: &mut Windows<'t>,
        out: &mut Collector,
    ) {
        for (si, sentence) in d.doc.sentences().iter().enumerate() {
            let opening = sentence.tokens.start + REPORTER_WORDS;
            if !d.authors(si) || d.reporter(&sentence.tokens, opening).is_some() {
                continue;
            }
            let mut ms = d.mentions_in(&sentence.span).peekable();
            if ms.peek().is_none() {
                continue;
            }
            let evaluative = sentence
                .tokens
                .clone()
                .take(WINDOW)
                .any(|k| d.valence(k).is_some_and(|v| v.abs() >= EVALUATIVE_WORD));
            if !evaluative {
                continue;
            }
            let author = d.author();
            for m in ms {
                let Some(id) = d.model_target(m) else {
                    continue;
                };
                if out.has(&m.span(), author.label()) {
                    continue;
                }
                let sentiment = self.model(d, cache, si, &m.span());
                if sentiment.polarity == Polarity::Neutral
                    || sentiment.scores.get(sentiment.polarity) < AUTHOR_MIN_PROB
                {
                    continue;
                }
                out.push(Stance {
                    holder: author.clone(),
                    target: d.entity_target(m, id),
                    polarity: sentiment.polarity,
                    certainty: round_score(self.certainty_of(
                        d,
                        cache,
                        si,
                        &m.span(),
                        &sentence.span,
                    )),
                    evidence: sentence.span.clone().into(),
                    basis: Basis::Model,
                });
            }
        }
    }
}
