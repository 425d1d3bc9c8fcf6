//! The stance layer: holders, targets, polarity and certainty from the
//! tokenized document, its entity mentions and its quotes.

use newsnlp_text::hash::FastMap;
use std::ops::Range;
use std::sync::LazyLock;

use newsnlp_gazetteer::{EntityKind, Gazetteer, Mention};
use newsnlp_quotes::{Quote, QuoteKind};
use newsnlp_tokenize::{TokenKind, Tokenized};

use crate::certainty::{Certainty, RawCue};
use crate::features::valences_and_classes_from;
use crate::lexicon::{LEXICONS, WordFilter, WordInfo, WordList};
use crate::polarity::Polarity;
use crate::sentiment::TargetSentiment;
use crate::tokens::{Token, tokenize_lowered};
use crate::triples::{Basis, Holder, Stance, Target};
use crate::verbs::{STANCE_LEXICON, VerbForm, VerbKind};

/// The longest text (bytes) the model and the certainty scorer read around a
/// target: a longer sentence is cut to this window, which keeps the cost per
/// target constant.
const WINDOW: usize = 600;
/// The most words a subject noun phrase may have (read backwards).
const SUBJECT_WORDS: usize = 10;
/// The most words an object noun phrase may have.
const OBJECT_WORDS: usize = 8;
/// The most words an evaluative predicate may have after its copula.
const PREDICATE_WORDS: usize = 6;
/// Verbs that name their object as something ("described the talks as
/// constructive", "called the veto a shameful act").
const NAMING: WordList = WordList::new(&[
    "describe",
    "describes",
    "described",
    "describing",
    "call",
    "calls",
    "called",
    "calling",
    "label",
    "labels",
    "labeled",
    "labelled",
    "brand",
    "brands",
    "branded",
    "dub",
    "dubs",
    "dubbed",
    "term",
    "terms",
    "termed",
]);
/// How many words before a verb a negator may stand ("does not want").
const NEGATION_WORDS: usize = 3;
/// How many mentions and bytes a pronoun looks back over.
const PRONOUN_MENTIONS: usize = 40;
const PRONOUN_BYTES: usize = 3000;
/// The most entity targets taken from one quote or one author sentence.
const TARGETS_PER_SPAN: usize = 64;
/// How many overlapping quotes are searched for the one enclosing a span.
const ENCLOSING_QUOTES: usize = 8;
/// An unattributed sentence is evaluative when a word's valence reaches this.
const EVALUATIVE_WORD: f32 = 1.0;
/// The model's answer for an author stance must be at least this probable.
const AUTHOR_MIN_PROB: f32 = 0.5;
/// The summed valence an evaluative predicate needs to count.
const PREDICATE_MIN: f32 = 0.5;

// Closed classes of English function words the noun-phrase rules stop at.
// They are grammar, not vocabulary, so they live here rather than in data/.
const DETERMINERS: WordList = WordList::new(&[
    "the", "a", "an", "this", "these", "those", "our", "their", "his", "her", "its", "my", "your",
    "both", "all", "some", "any", "every", "each", "another", "such",
]);
const CLAUSE_WORDS: WordList = WordList::new(&[
    "that", "which", "who", "whom", "whose", "whether", "if", "because", "while", "although",
    "though", "when", "where", "since", "as", "and", "but", "or", "nor", "so", "than", "after",
    "before", "until", "unless", "then", "what", "how", "why", "once",
]);
const PRONOUNS: WordList = WordList::new(&[
    "i", "we", "you", "he", "she", "they", "it", "there", "me", "us", "him", "them", "this",
    "that", "these", "those", "one", "who", "which",
]);
const PREPOSITIONS: WordList = WordList::new(&[
    "over",
    "in",
    "on",
    "at",
    "for",
    "with",
    "from",
    "to",
    "about",
    "against",
    "by",
    "during",
    "after",
    "before",
    "into",
    "onto",
    "regarding",
    "concerning",
    "between",
    "among",
    "through",
    "under",
    "across",
    "toward",
    "towards",
    "since",
    "until",
    "as",
    "than",
    "via",
    "without",
    "within",
    "despite",
    "amid",
    "upon",
    "like",
    "off",
    "out",
    "up",
    "down",
]);
const AUXILIARIES: WordList = WordList::new(&[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "cannot",
    "ought",
    "need",
    "needs",
    "needed",
    "to",
    "not",
    "never",
    "also",
    "still",
    "already",
    "now",
    "just",
    "only",
    "no",
    "longer",
    "even",
    "really",
    "clearly",
    "certainly",
    "got",
    "both",
    "all",
    "each",
]);
const COPULAS: WordList = WordList::new(&[
    "is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained", "seem",
    "seems", "seemed", "look", "looks", "looked", "become", "becomes", "became",
]);
const FINITE: WordList = WordList::new(&[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "must", "may", "might", "do", "does", "did", "cannot",
]);
const ANAPHORS: WordList = WordList::new(&["it", "this", "that", "them", "these", "those"]);
const IRREGULAR_PAST: WordList = WordList::new(&[
    "said", "told", "thought", "knew", "sought", "fought", "held", "kept", "stood", "did", "made",
]);

// Per-token class bits (see `Doc::class`), read once per document so the
// rules test bits instead of comparing strings. The first eleven are the
// closed word lists above (and "of", "and"/"or") of the lowercased word.
const DET: u16 = 1 << 0;
const PRON: u16 = 1 << 1;
const PREP: u16 = 1 << 2;
const FIN: u16 = 1 << 3;
const CLAUSE: u16 = 1 << 4;
const COP: u16 = 1 << 5;
const AUX: u16 = 1 << 6;
const NAME: u16 = 1 << 7;
const ANAPHOR: u16 = 1 << 8;
const IRREG: u16 = 1 << 9;
const OF: u16 = 1 << 10;
const AND_OR: u16 = 1 << 11;
/// The token has a word (see [`Doc::word`]).
const WORD: u16 = 1 << 12;
/// The token's first character is uppercase.
const CAP: u16 = 1 << 13;
/// Some stance-lexicon form may start with the word (`may_start`).
const MAY_START: u16 = 1 << 14;

/// Where a lowercased word's entries are in a [`ClassTable`]: by its length
/// (below 16), first and last letters (`a`-`z`), or `None` for a word that
/// does not fit the scheme.
#[inline]
fn class_slot(w: &str) -> Option<usize> {
    let (len, first, last) = WordFilter::slot(w)?;
    Some(len * 676 + first * 26 + last as usize)
}

/// The closed-class bits of the words of the closed lists, by the
/// [`class_slot`] of the word: most other words find no entry, and the rest
/// compare a word or two, without hashing.
struct ClassTable {
    /// Per slot: the start of its entries (the next slot's start ends them).
    starts: Vec<u32>,
    /// Per slot: `MAY_START` when some stance-lexicon form may start with
    /// a word of the slot.
    slot_bits: Vec<u16>,
    /// (word, bits), ordered by slot.
    entries: Vec<(&'static str, u16)>,
    /// Words that fit no slot (none of today's lists has any).
    odd: Vec<(&'static str, u16)>,
}

/// The closed word lists of the class table, with their bits.
const CLASS_LISTS: [(&WordList, u16); 10] = [
    (&DETERMINERS, DET),
    (&PRONOUNS, PRON),
    (&PREPOSITIONS, PREP),
    (&FINITE, FIN),
    (&CLAUSE_WORDS, CLAUSE),
    (&COPULAS, COP),
    (&AUXILIARIES, AUX),
    (&NAMING, NAME),
    (&ANAPHORS, ANAPHOR),
    (&IRREGULAR_PAST, IRREG),
];

impl ClassTable {
    fn build() -> Self {
        let mut all: Vec<(&'static str, u16)> = CLASS_LISTS
            .iter()
            .flat_map(|&(list, bit)| list.words().iter().map(move |&w| (w, bit)))
            .chain([("of", OF), ("and", AND_OR), ("or", AND_OR)])
            .collect();
        all.sort_unstable();
        let mut merged: Vec<(&'static str, u16)> = Vec::with_capacity(all.len());
        for (w, bit) in all {
            match merged.last_mut() {
                Some(last) if last.0 == w => last.1 |= bit,
                _ => merged.push((w, bit)),
            }
        }
        let (mut entries, odd): (Vec<_>, Vec<_>) = merged
            .into_iter()
            .partition(|(w, _)| class_slot(w).is_some());
        entries.sort_by_key(|(w, _)| class_slot(w));
        let slots = 16 * 676;
        let mut starts = vec![0u32; slots + 1];
        for (w, _) in &entries {
            if let Some(s) = class_slot(w) {
                starts[s + 1] += 1;
            }
        }
        for s in 0..slots {
            starts[s + 1] += starts[s];
        }
        // The slots a stance-lexicon form may start in (indexes as in
        // `class_slot`).
        let lex = &*STANCE_LEXICON;
        let mut slot_bits = vec![0u16; slots];
        for len in 1..16 {
            for first in 0..26 {
                for last in 0..26u32 {
                    if lex.may_start_slot(len, first, last)
                        && let Some(b) = slot_bits.get_mut(len * 676 + first * 26 + last as usize)
                    {
                        *b = MAY_START;
                    }
                }
            }
        }
        ClassTable {
            starts,
            slot_bits,
            entries,
            odd,
        }
    }

    /// The closed-class bits of the lowercased word `w`, and `MAY_START`
    /// when some stance-lexicon form may start with it.
    #[inline]
    fn bits(&self, w: &str) -> u16 {
        let b = w.as_bytes();
        let mut start = 0;
        let found = match class_slot(w) {
            Some(s) => {
                start = self.slot_bits.get(s).copied().unwrap_or(0);
                let lo = self.starts.get(s).copied().unwrap_or(0) as usize;
                let hi = self.starts.get(s + 1).copied().unwrap_or(0) as usize;
                self.entries
                    .get(lo..hi)
                    .unwrap_or_default()
                    .iter()
                    .find(|(e, _)| e.as_bytes() == b)
            }
            None => {
                if STANCE_LEXICON.may_start(w) {
                    start = MAY_START;
                }
                self.odd.iter().find(|(e, _)| *e == w)
            }
        };
        start | found.map_or(0, |&(_, bits)| bits)
    }
}

static CLASSES: LazyLock<ClassTable> = LazyLock::new(ClassTable::build);

/// Finds stance triples in a document from its tokens, entity mentions and
/// quotes. `Send + Sync`; build one and share it.
///
/// Holders, targets and polarity come from these rules, in this order of
/// preference (the first that applies to a holder and target wins):
///
/// 1. **Attitude verbs** (`data/stance_verbs.txt`): the subject of "wants",
///    "supports", "praised" (positive) or "opposes", "condemned", "accused"
///    (negative) holds that stance toward the object noun phrase; a negator
///    before the verb ("does not want") flips it. "Want to", "willing to",
///    "refused to" before an action verb multiply their polarity with the
///    action's ("want to deny a safe haven" is negative toward it).
/// 2. **Demanded actions**: "North Korea has to be denuclearized", "this
///    cannot be allowed": a deontic modal, "be" and an action verb.
/// 3. **Evaluative predicates**: "the meeting was productive", "relations
///    are at a low point": the subject noun phrase, a copula, and the
///    valence of the predicate's words (VADER plus `data/evaluatives.txt`)
///    with negation.
/// 4. **Responsibility**: "X did it", "X was behind the attack": negative
///    toward X.
/// 5. **Entities in quotes**: every entity mentioned in a quote's content
///    is a target of the quote's speaker, with the polarity the
///    [`TargetSentiment`] model gives it in the sentence.
///
/// Rules 2 to 4 take the holder from where they stand: the speaker of the
/// quote whose content holds them, or the article's author in a sentence
/// without attribution. The author also holds model-based stances toward
/// entities of unattributed sentences with evaluative words (see
/// [`StanceAnalyzerBuilder::author_stances`]).
///
/// Certainty is [`Certainty::assess`] of the evidence in its sentence.
///
/// Every look-around is capped (a subject is at most ten words, an object
/// eight, a sentence is read in a window of 600 bytes around the target),
/// so the cost is linear in the text on any input.
///
/// ```
/// use newsnlp_gazetteer::Gazetteer;
/// use newsnlp_quotes::QuoteExtractor;
/// use newsnlp_stance::{Polarity, StanceAnalyzer};
/// use newsnlp_tokenize::Tokenizer;
///
/// let text = "Lavrov said that the talks were productive.";
/// let doc = Tokenizer::new().tokenize(text);
/// let gaz = Gazetteer::default();
/// let mentions = gaz.find_in_document(text);
/// let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
/// let stances = StanceAnalyzer::new().stances(&doc, &gaz, &mentions, &quotes);
///
/// assert_eq!(stances.len(), 1);
/// assert_eq!(stances[0].holder.name(), "Sergey Lavrov");
/// assert_eq!(stances[0].target.text, "the talks");
/// assert_eq!(stances[0].target.span, 17..26);
/// assert_eq!(stances[0].polarity, Polarity::Positive);
/// assert_eq!(stances[0].evidence, 12..42); // the reported clause
/// ```
#[derive(Debug, Clone)]
pub struct StanceAnalyzer {
    sentiment: TargetSentiment,
    certainty: Certainty,
    author: bool,
    neutral: bool,
}

impl Default for StanceAnalyzer {
    fn default() -> Self {
        StanceAnalyzer::new()
    }
}

/// Builds a [`StanceAnalyzer`]. Non-consuming: one builder can build
/// several analyzers.
///
/// ```
/// use newsnlp_stance::StanceAnalyzerBuilder;
///
/// let analyzer = StanceAnalyzerBuilder::new().neutral(false).author_stances(false).build();
/// # let _ = analyzer;
/// ```
#[derive(Debug, Clone)]
pub struct StanceAnalyzerBuilder {
    sentiment: Option<TargetSentiment>,
    author: bool,
    neutral: bool,
}

impl Default for StanceAnalyzerBuilder {
    fn default() -> Self {
        StanceAnalyzerBuilder::new()
    }
}

impl StanceAnalyzerBuilder {
    /// The defaults: the embedded sentiment model, author stances on,
    /// neutral stances kept.
    ///
    /// ```
    /// let _ = newsnlp_stance::StanceAnalyzerBuilder::new().build();
    /// ```
    pub fn new() -> Self {
        StanceAnalyzerBuilder {
            sentiment: None,
            author: true,
            neutral: true,
        }
    }

    /// Whether the author holds stances toward entities of unattributed,
    /// evaluative sentences (model-based, non-neutral only). Default on.
    ///
    /// ```
    /// let _ = newsnlp_stance::StanceAnalyzerBuilder::new().author_stances(false).build();
    /// ```
    pub fn author_stances(&mut self, yes: bool) -> &mut Self {
        self.author = yes;
        self
    }

    /// Whether neutral stances (an entity in a quote that the speaker
    /// neither praises nor criticizes) are reported. Default on.
    ///
    /// ```
    /// let _ = newsnlp_stance::StanceAnalyzerBuilder::new().neutral(false).build();
    /// ```
    pub fn neutral(&mut self, yes: bool) -> &mut Self {
        self.neutral = yes;
        self
    }

    /// Uses this target-sentiment classifier (other weights) for the
    /// model-based polarities.
    ///
    /// ```
    /// use newsnlp_stance::{StanceAnalyzerBuilder, TargetSentiment};
    /// let _ = StanceAnalyzerBuilder::new().sentiment(TargetSentiment::new()).build();
    /// ```
    pub fn sentiment(&mut self, clf: TargetSentiment) -> &mut Self {
        self.sentiment = Some(clf);
        self
    }

    /// The analyzer, with its model's lookup tables built
    /// ([`TargetSentiment::prepare`]).
    ///
    /// ```
    /// let _ = newsnlp_stance::StanceAnalyzerBuilder::new().build();
    /// ```
    pub fn build(&self) -> StanceAnalyzer {
        let sentiment = self.sentiment.clone().unwrap_or_default();
        // The model's tables are built here, once per model, rather than on
        // the first document.
        sentiment.prepare();
        StanceAnalyzer {
            sentiment,
            certainty: Certainty::new(),
            author: self.author,
            neutral: self.neutral,
        }
    }
}

/// Who a rule's finding belongs to.
#[derive(Debug, Clone)]
enum HolderRef {
    /// The subject noun phrase (token range) of the verb at token `verb`.
    Subject { np: Range<usize>, verb: usize },
    /// Whoever speaks where the finding stands: the quote's speaker or the
    /// author.
    Context,
}

/// A rule's finding: a target noun phrase (token range) and a polarity.
#[derive(Debug, Clone)]
struct Finding {
    holder: HolderRef,
    target: Range<usize>,
    polarity: Polarity,
    basis: Basis,
    sentence: usize,
}

/// The document, read once for the rules.
struct Doc<'a, 't> {
    text: &'t str,
    doc: &'a Tokenized<'t>,
    /// Lowercased words (`’` as `'`), by token.
    words: Vec<WordSlot<'t>>,
    /// The lowercased words that differ from their tokens, one after another.
    lowered: String,
    /// Per token: its class bits (`DET` .. `MAY_START`).
    class: Vec<u16>,
    /// Per token: the end (token index) of its sentence, or the number of
    /// tokens for a token outside every sentence.
    sentence_end: Vec<usize>,
    gaz: &'a Gazetteer,
    /// Mentions sorted by start.
    mentions: Vec<&'a Mention>,
    /// Quotes sorted by content start.
    quotes: Vec<&'a Quote>,
    /// Quote index by the byte start of its cue.
    by_cue: FastMap<usize, usize>,
    /// Per sentence: whether a quote's content, cue or source overlaps it.
    attributed: Vec<bool>,
    byline: Option<String>,
}

/// Where a token's lowercased word is.
#[derive(Debug, Clone, Copy)]
enum WordSlot<'t> {
    /// Punctuation: no word.
    None,
    /// The token itself (already lowercase ASCII).
    Text(&'t str),
    /// A byte range of [`Doc::lowered`].
    Lowered(usize, usize),
}

fn is_wordlike(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Word | TokenKind::Abbreviation | TokenKind::Number
    )
}

/// The lowercased word, `’` as `'`: the token itself when already
/// lowercase ASCII, else appended to `lowered`.
fn lower<'t>(s: &'t str, lowered: &mut String) -> WordSlot<'t> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return WordSlot::Text(s);
    }
    let start = lowered.len();
    if s.is_ascii() {
        lowered.push_str(s);
        if let Some(new) = lowered.get_mut(start..) {
            new.make_ascii_lowercase();
        }
    } else {
        lowered.push_str(&s.to_lowercase().replace('’', "'"));
    }
    WordSlot::Lowered(start, lowered.len())
}

fn polarity_of(sign: f32) -> Polarity {
    if sign > 0.0 {
        Polarity::Positive
    } else if sign < 0.0 {
        Polarity::Negative
    } else {
        Polarity::Neutral
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

impl<'a, 't> Doc<'a, 't> {
    fn new(
        doc: &'a Tokenized<'t>,
        gaz: &'a Gazetteer,
        mentions: &'a [Mention],
        quotes: &'a [Quote],
    ) -> Self {
        let text = doc.text();
        let mut lowered = String::with_capacity(text.len() / 8);
        let classes = &*CLASSES;
        let tokens = doc.tokens();
        let mut words: Vec<WordSlot<'t>> = Vec::with_capacity(tokens.len());
        let mut class: Vec<u16> = Vec::with_capacity(tokens.len());
        for t in tokens {
            let mut c = 0;
            let cap = match t.text.as_bytes().first() {
                Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
                _ => t.text.chars().next().is_some_and(char::is_uppercase),
            };
            if cap {
                c |= CAP;
            }
            let slot = if is_wordlike(t.kind) {
                let slot = lower(t.text, &mut lowered);
                let w = match slot {
                    WordSlot::Text(w) => w,
                    WordSlot::Lowered(a, b) => lowered.get(a..b).unwrap_or_default(),
                    WordSlot::None => "",
                };
                c |= WORD;
                c |= classes.bits(w);
                slot
            } else {
                WordSlot::None
            };
            words.push(slot);
            class.push(c);
        }
        let mut sentence_end = vec![words.len(); words.len()];
        for s in doc.sentences() {
            if let Some(ends) = sentence_end.get_mut(s.tokens.clone()) {
                ends.fill(s.tokens.end);
            }
        }
        let mut ms: Vec<&Mention> = mentions.iter().collect();
        ms.sort_by_key(|m| (m.start(), m.end()));
        let mut qs: Vec<&Quote> = quotes.iter().collect();
        qs.sort_by_key(|q| (q.content.start, std::cmp::Reverse(q.content.end)));
        let by_cue = qs
            .iter()
            .enumerate()
            .filter_map(|(i, q)| Some((q.cue.as_ref()?.start, i)))
            .collect();
        // Sentences a quote touches, by a difference array over sentences.
        let sentences = doc.sentences();
        let mut diff = vec![0i64; sentences.len() + 1];
        for q in &qs {
            let mut lo = q.content.start;
            let mut hi = q.content.end;
            for r in [&q.cue, &q.source].into_iter().flatten() {
                lo = lo.min(r.start);
                hi = hi.max(r.end);
            }
            let first = sentences.partition_point(|s| s.span.end <= lo);
            let last = sentences.partition_point(|s| s.span.start < hi);
            if first < last {
                diff[first] += 1;
                diff[last] -= 1;
            }
        }
        let mut run = 0;
        let attributed = diff[..sentences.len()]
            .iter()
            .map(|d| {
                run += d;
                run > 0
            })
            .collect();
        let mut d = Doc {
            text,
            doc,
            words,
            lowered,
            class,
            sentence_end,
            gaz,
            mentions: ms,
            quotes: qs,
            by_cue,
            attributed,
            byline: None,
        };
        d.byline = d.find_byline();
        d
    }

    #[inline]
    fn word(&self, i: usize) -> Option<&str> {
        match *self.words.get(i)? {
            WordSlot::None => None,
            WordSlot::Text(w) => Some(w),
            WordSlot::Lowered(a, b) => self.lowered.get(a..b),
        }
    }

    fn is(&self, i: usize, set: &[&str]) -> bool {
        self.word(i).is_some_and(|w| set.contains(&w))
    }

    /// The class bits of token `i` (none past the end).
    #[inline]
    fn class(&self, i: usize) -> u16 {
        self.class.get(i).copied().unwrap_or(0)
    }

    /// Whether token `i` has one of the class bits `bits`.
    #[inline]
    fn has(&self, i: usize, bits: u16) -> bool {
        self.class(i) & bits != 0
    }

    #[inline]
    fn capitalized(&self, i: usize) -> bool {
        self.has(i, CAP)
    }

    /// Whether token `k` is a hyphen joining two words ("U.S.-Russia"),
    /// which keeps a noun phrase together.
    fn joins_words(&self, k: usize) -> bool {
        let toks = self.doc.tokens();
        let Some(t) = toks.get(k) else { return false };
        matches!(t.text, "-" | "‑" | "–")
            && !t.space_before
            && k > 0
            && is_wordlike(toks[k - 1].kind)
            && toks
                .get(k + 1)
                .is_some_and(|n| !n.space_before && is_wordlike(n.kind))
    }

    /// Whether the stance-lexicon word at token `k` is used as a verb (read
    /// backwards from a predicate): not after a determiner or possessive,
    /// not before "of" ("the state of"), and a frame verb, or inflected
    /// (-s, -ed, irregular past), or right after a pronoun.
    fn is_verb_at(&self, k: usize) -> bool {
        let c = self.class(k);
        if c & (MAY_START | CAP) != MAY_START {
            return false;
        }
        let Some(w) = self.word(k) else { return false };
        let Some(form) = self.form_at(k, 3) else {
            return false;
        };
        let prev = k.checked_sub(1);
        let prev_class = prev.map_or(0, |p| self.class(p));
        let noun_context = prev_class & DET != 0
            || prev
                .and_then(|p| self.word(p))
                .is_some_and(|p| p.ends_with("'s"))
            || self.has(k + 1, OF);
        if noun_context {
            return false;
        }
        form.kind == VerbKind::Frame
            || w.ends_with('s')
            || w.ends_with("ed")
            || c & IRREG != 0
            || prev_class & PRON != 0
    }

    /// Whether the clause around token `k` is a question or condition
    /// ("whether Assad's forces conducted the attack"): its claims are not
    /// asserted, so the predicate rules skip it.
    fn in_question(&self, sentence: &Range<usize>, k: usize) -> bool {
        for p in (sentence.start.max(k.saturating_sub(6))..k).rev() {
            match self.word(p) {
                None => return false,
                Some("whether" | "if") => return true,
                _ => {}
            }
        }
        false
    }

    fn span(&self, toks: &Range<usize>) -> Range<usize> {
        let t = self.doc.tokens();
        match (
            t.get(toks.start),
            toks.end.checked_sub(1).and_then(|e| t.get(e)),
        ) {
            (Some(a), Some(b)) if toks.start < toks.end => a.span.start..b.span.end,
            _ => 0..0,
        }
    }

    /// A "By First Last" line among the first paragraphs.
    fn find_byline(&self) -> Option<String> {
        let toks = self.doc.tokens();
        let mut i = 0;
        while i < toks.len() && toks[i].paragraph < 8 && toks[i].span.start < 2000 {
            let para = toks[i].paragraph;
            let starts_para = i == 0 || toks[i - 1].paragraph != para;
            if starts_para && matches!(toks[i].text, "By" | "BY") {
                let mut j = i + 1;
                while j < toks.len()
                    && toks[j].paragraph == para
                    && j - i <= 4
                    && is_wordlike(toks[j].kind)
                    && self.capitalized(j)
                {
                    j += 1;
                }
                let ends_para = j >= toks.len() || toks[j].paragraph != para;
                if j - i >= 3 && ends_para {
                    return Some(self.text[toks[i + 1].span.start..toks[j - 1].span.end].into());
                }
            }
            i += 1;
        }
        None
    }

    /// Index of the token that starts at or contains byte `pos`.
    fn token_at(&self, pos: usize) -> usize {
        self.doc
            .tokens()
            .partition_point(|t| t.span.end <= pos)
            .min(self.doc.tokens().len().saturating_sub(1))
    }

    /// The innermost quote whose content holds `span` (capped search).
    fn enclosing_quote(&self, span: &Range<usize>) -> Option<&'a Quote> {
        let end = self
            .quotes
            .partition_point(|q| q.content.start <= span.start);
        self.quotes[..end]
            .iter()
            .rev()
            .take(ENCLOSING_QUOTES)
            .filter(|q| contains(&q.content, span) && q.speaker.is_some())
            .min_by_key(|q| q.content.len())
            .copied()
    }

    /// Mentions (with an entity) inside `span`, capped.
    fn mentions_in(&self, span: &Range<usize>) -> impl Iterator<Item = &'a Mention> + '_ {
        let first = self.mentions.partition_point(|m| m.start() < span.start);
        let span = span.clone();
        self.mentions[first..]
            .iter()
            .take_while(move |m| m.start() < span.end)
            .filter(move |m| m.end() <= span.end && m.entity().is_some())
            .take(TARGETS_PER_SPAN)
            .copied()
    }

    fn author(&self) -> Holder {
        Holder::Author {
            name: self.byline.clone(),
        }
    }

    fn entity_holder(&self, m: &Mention) -> Option<Holder> {
        let id = m.entity()?;
        Some(Holder::Entity {
            id,
            name: self.gaz.entity(id).name().to_string(),
        })
    }

    /// The most recent mention before `pos` whose kind fits.
    fn recent(&self, pos: usize, fits: impl Fn(EntityKind) -> bool) -> Option<Holder> {
        let end = self.mentions.partition_point(|m| m.start() < pos);
        self.mentions[..end]
            .iter()
            .rev()
            .take(PRONOUN_MENTIONS)
            .take_while(|m| pos - m.start() <= PRONOUN_BYTES)
            .find(|m| {
                m.entity()
                    .is_some_and(|id| fits(self.gaz.entity(id).kind()))
            })
            .and_then(|m| self.entity_holder(m))
    }

    /// Who the subject noun phrase `np` of the verb at token `verb` is.
    fn resolve_subject(&self, np: &Range<usize>, verb: usize) -> Option<Holder> {
        let toks = self.doc.tokens();
        if let Some(&qi) = toks.get(verb).and_then(|t| self.by_cue.get(&t.span.start))
            && let Some(sp) = &self.quotes[qi].speaker
        {
            return Some(Holder::from_speaker(sp));
        }
        let span = self.span(np);
        if let Some(m) = self.mentions_in(&span).last() {
            return self.entity_holder(m);
        }
        if np.len() == 1 {
            let w = self.word(np.start)?;
            let quote = self.enclosing_quote(&span);
            let speaker = || {
                quote
                    .and_then(|q| q.speaker.as_ref())
                    .map(Holder::from_speaker)
            };
            return match w {
                "i" | "we" => speaker().or_else(|| quote.is_none().then(|| self.author())),
                "he" | "she" | "they" => {
                    if let Some(q) = quote
                        && q.kind == QuoteKind::Indirect
                    {
                        return speaker();
                    }
                    if w == "they" {
                        self.recent(span.start, |k| k != EntityKind::Person)
                    } else {
                        self.recent(span.start, |k| k == EntityKind::Person)
                    }
                }
                _ if PRONOUNS.contains(&w) => None,
                _ => Some(Holder::Phrase(self.text[span].to_string())),
            };
        }
        if np.len() <= 6 {
            return Some(Holder::Phrase(self.text[span].to_string()));
        }
        None
    }

    /// The subject noun phrase ending right before token `end`, read
    /// backwards inside `sentence` (a token range).
    fn subject_before(&self, sentence: &Range<usize>, end: usize) -> Option<Range<usize>> {
        let mut start = end;
        let floor = sentence.start.max(end.saturating_sub(SUBJECT_WORDS));
        while start > floor {
            let k = start - 1;
            let c = self.class(k);
            if c & WORD == 0 {
                if self.joins_words(k) && start < end {
                    start = k;
                    continue;
                }
                break;
            }
            if c & CLAUSE != 0 {
                break;
            }
            if c & PREP != 0 && start == end {
                break;
            }
            if self.is_verb_at(k) {
                break;
            }
            if c & PRON != 0 && !(c & DET != 0 && start < end) {
                if start == end {
                    start = k;
                }
                break;
            }
            start = k;
        }
        // A leading preposition belongs to an adverbial, not to the subject.
        while start < end && self.has(start, PREP) {
            start += 1;
        }
        while start < end && self.has(start, OF) {
            start += 1;
        }
        let np = start..end;
        let has_content = np.clone().any(|i| !self.has(i, DET));
        (!np.is_empty() && has_content).then_some(np)
    }

    /// The longest stance-lexicon form of up to `n` (at most 4) words
    /// starting at token `i` (never past the end of the token's sentence).
    fn form_at(&self, i: usize, n: usize) -> Option<&'static VerbForm> {
        let end = self
            .sentence_end
            .get(i)
            .copied()
            .unwrap_or(self.words.len())
            .min(self.words.len());
        let len = n.min(4).min(end.saturating_sub(i));
        let lex: &'static crate::verbs::StanceLexicon = &STANCE_LEXICON;
        lex.longest_by(len, |j| self.word(i + j))
    }

    /// The object noun phrase starting at token `start` inside `sentence`.
    fn object_after(&self, sentence: &Range<usize>, start: usize) -> Option<Range<usize>> {
        if start >= sentence.end {
            return None;
        }
        let first = self.class(start);
        if first & WORD == 0 {
            return None;
        }
        if (first & PRON != 0 && first & DET == 0)
            || first & (PREP | FIN) != 0
            || (first & CLAUSE != 0 && first & PRON == 0)
        {
            return None;
        }
        let next = self.class(start + 1);
        if first & PRON != 0 && !(next & WORD != 0 && next & (CLAUSE | FIN | PREP) == 0) {
            // "this" alone, "that" as a conjunction: no noun phrase.
            return None;
        }
        let mut end = start;
        let mut named = false;
        while end < sentence.end && end - start < OBJECT_WORDS {
            let c = self.class(end);
            if c & WORD == 0 {
                if end > start && self.joins_words(end) {
                    end += 1;
                    continue;
                }
                break;
            }
            if end > start {
                if c & OF != 0 {
                    if named {
                        break;
                    }
                } else if c & (PREP | FIN) != 0 {
                    break;
                } else if c & AND_OR != 0 {
                    let n = self.class(end + 1);
                    let next_plain = n & WORD != 0 && n & (PRON | DET | CLAUSE | CAP) == 0;
                    if named || !next_plain {
                        break;
                    }
                } else if c & CLAUSE != 0 || (c & PRON != 0 && c & DET == 0) {
                    break;
                }
            }
            named |= c & (CAP | DET) == CAP;
            end += 1;
        }
        let np = start..end;
        let has_content = np.clone().any(|i| self.class(i) & (WORD | DET) == WORD);
        (has_content && end > start).then_some(np)
    }

    /// Whether a negator stands within a few words before token `i`, in
    /// its clause.
    fn negated_before(&self, sentence: &Range<usize>, i: usize) -> bool {
        let lex = &*LEXICONS;
        for k in (sentence.start.max(i.saturating_sub(NEGATION_WORDS))..i).rev() {
            match self.word(k) {
                None => return false,
                Some(w) if lex.is_negator(w) || w == "cannot" => return true,
                Some(_) if self.has(k, CLAUSE) => return false,
                _ => {}
            }
        }
        false
    }

    /// The start of the verb group ending before token `i` (auxiliaries,
    /// modals, negators, adverbs), at most five words back.
    fn verb_group_start(&self, sentence: &Range<usize>, i: usize) -> usize {
        let mut s = i;
        while s > sentence.start && i - s < 5 {
            let k = s - 1;
            let c = self.class(k);
            let aux = c & AUX != 0
                || self
                    .word(k)
                    .is_some_and(|w| w.ends_with("n't") || (w.ends_with("ly") && c & CAP == 0));
            if !aux {
                break;
            }
            s = k;
        }
        s
    }

    /// Whether the verb group `vg` (token range) is deontic: "must",
    /// "should", "has to", "needs to", "cannot", "ought to".
    fn deontic(&self, vg: &Range<usize>) -> bool {
        vg.clone().any(|k| {
            self.is(k, &["must", "should", "ought", "cannot", "can't"])
                || (self.is(k, &["to"])
                    && k > 0
                    && self.is(
                        k - 1,
                        &["has", "have", "had", "need", "needs", "needed", "got"],
                    ))
        })
    }

    fn negated_group(&self, vg: &Range<usize>) -> bool {
        let lex = &*LEXICONS;
        vg.clone().any(|k| {
            self.word(k)
                .is_some_and(|w| lex.is_negator(w) || w == "cannot")
        })
    }

    /// The rule findings of one sentence.
    fn findings(&self, si: usize, out: &mut Vec<Finding>) {
        let sentence = self.doc.sentences()[si].tokens.clone();
        let mut i = sentence.start;
        let mut skip_to = sentence.start;
        while i < sentence.end {
            // The filter first: most words start no verb form.
            let c = self.class(i);
            let live = i >= skip_to;
            let form = if live && c & (MAY_START | CAP) == MAY_START {
                self.form_at(i, 4)
            } else {
                None
            };
            if live && c & (NAME | CAP) == NAME && self.naming(&sentence, si, i, out) {
                i += 1;
                continue;
            }
            let Some(form) = form else {
                if live && c & COP != 0 {
                    self.predication(&sentence, si, i, out);
                }
                i += 1;
                continue;
            };
            let len = form.words.len();
            match form.kind {
                VerbKind::Attitude | VerbKind::Desire | VerbKind::Frame => {
                    if let Some(end) = self.attitude(&sentence, si, i, form, out) {
                        skip_to = end;
                    }
                }
                VerbKind::Action => self.first_person_action(&sentence, si, i, form, out),
                VerbKind::Deed => self.deed(&sentence, si, i, form, out),
            }
            i += len;
        }
    }

    /// Attitude, desire and frame verbs at token `i`; returns the token
    /// after a chained infinitive it consumed.
    fn attitude(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
        form: &VerbForm,
        out: &mut Vec<Finding>,
    ) -> Option<usize> {
        let vg = self.verb_group_start(sentence, i);
        let subject = self.subject_before(sentence, vg)?;
        let mut sign = f32::from(form.polarity);
        if form.kind == VerbKind::Frame {
            sign = 1.0;
        }
        if self.negated_before(sentence, i) {
            sign = -sign;
        }
        let mut j = i + form.words.len();
        // Adverbs between the verb and its object ("wants badly").
        while j < sentence.end
            && self
                .word(j)
                .is_some_and(|w| w.ends_with("ly") && !self.capitalized(j))
        {
            j += 1;
        }
        let ends_in_to = form.words.last() == Some(&"to");
        if self.is(j, &["to"]) || ends_in_to {
            let v = if ends_in_to { j } else { j + 1 };
            let inner = self.form_at(v, 4)?;
            if !matches!(inner.kind, VerbKind::Action | VerbKind::Attitude) {
                return None;
            }
            let after = v + inner.words.len();
            let object = self.object_after(sentence, after)?;
            out.push(Finding {
                holder: HolderRef::Subject {
                    np: subject,
                    verb: i,
                },
                target: object.clone(),
                polarity: polarity_of(sign * f32::from(inner.polarity)),
                basis: Basis::Action,
                sentence: si,
            });
            return Some(object.end);
        }
        if form.kind != VerbKind::Attitude || self.is(j, &["that"]) {
            return None;
        }
        let object = self.object_after(sentence, j)?;
        out.push(Finding {
            holder: HolderRef::Subject {
                np: subject,
                verb: i,
            },
            target: object,
            polarity: polarity_of(sign),
            basis: Basis::Attitude,
            sentence: si,
        });
        None
    }

    /// "We will defeat ISIS": an action verb with a first-person subject
    /// and a modal.
    fn first_person_action(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
        form: &VerbForm,
        out: &mut Vec<Finding>,
    ) {
        let vg = self.verb_group_start(sentence, i);
        let modal = (vg..i).any(|k| {
            self.is(
                k,
                &[
                    "will", "must", "should", "shall", "would", "to", "cannot", "can't", "won't",
                ],
            )
        });
        if !modal {
            return;
        }
        let Some(subject) = self.subject_before(sentence, vg) else {
            return;
        };
        if !(subject.len() == 1 && self.is(subject.start, &["we", "i"])) {
            return;
        }
        let Some(object) = self.object_after(sentence, i + form.words.len()) else {
            return;
        };
        let mut sign = f32::from(form.polarity);
        if self.negated_group(&(vg..i)) {
            sign = -sign;
        }
        out.push(Finding {
            holder: HolderRef::Subject {
                np: subject,
                verb: i,
            },
            target: object,
            polarity: polarity_of(sign),
            basis: Basis::Action,
            sentence: si,
        });
    }

    /// "X did it", "X was behind the attack", "X carried out the strikes".
    fn deed(
        &self,
        sentence: &Range<usize>,
        si: usize,
        i: usize,
        form: &VerbForm,
        out: &mut Vec<Finding>,
    ) {
        let lex = &*STANCE_LEXICON;
        let anaphoric_form = form.words.last().is_some_and(|w| ANAPHORS.contains(w));
        let j = i + form.words.len();
        let bad = anaphoric_form
            || self.has(j, ANAPHOR) && {
                let n = self.class(j + 1);
                !(n & WORD != 0 && n & (CLAUSE | PREP) == 0)
            }
            || self.object_after(sentence, j).is_some_and(|o| {
                o.map(|k| self.word(k).map_or(0.0, |w| lex.valence(w)))
                    .sum::<f32>()
                    < 0.0
            });
        if !bad || self.negated_before(sentence, i) {
            return;
        }
        let Some(subject) = self.evaluated_subject(sentence, i) else {
            return;
        };
        out.push(Finding {
            holder: HolderRef::Context,
            target: subject,
            polarity: Polarity::Negative,
            basis: Basis::Responsibility,
            sentence: si,
        });
    }

    /// The subject of the verb group around token `i` that a claim about
    /// it evaluates: not a bare pronoun, not inside a question.
    fn evaluated_subject(&self, sentence: &Range<usize>, i: usize) -> Option<Range<usize>> {
        let vg = self.verb_group_start(sentence, i);
        let subject = self.subject_before(sentence, vg)?;
        let pronoun = subject.len() == 1 && self.has(subject.start, PRON);
        (!pronoun && !self.in_question(sentence, subject.start)).then_some(subject)
    }

    /// A copula at token `c`: a demanded action ("has to be
    /// denuclearized") or an evaluative predicate ("was productive").
    fn predication(&self, sentence: &Range<usize>, si: usize, c: usize, out: &mut Vec<Finding>) {
        let vg = self.verb_group_start(sentence, c);
        let Some(subject) = self.evaluated_subject(sentence, c) else {
            return;
        };
        let group = vg..c + 1;
        let mut negated = self.negated_group(&group);
        let mut k = c + 1;
        while k < sentence.end
            && self.word(k).is_some_and(|w| {
                LEXICONS.is_negator(w) || (w.ends_with("ly") && !self.capitalized(k))
            })
        {
            negated |= self.word(k).is_some_and(|w| LEXICONS.is_negator(w));
            k += 1;
        }
        let flip = if negated { -1.0 } else { 1.0 };
        if self.deontic(&group)
            && let Some(form) = self.form_at(k, 3)
            && matches!(form.kind, VerbKind::Action | VerbKind::Attitude)
        {
            out.push(Finding {
                holder: HolderRef::Context,
                target: subject,
                polarity: polarity_of(flip * f32::from(form.polarity)),
                basis: Basis::Action,
                sentence: si,
            });
            return;
        }
        let sum = self.predicate_valence(sentence, k);
        let sum = flip * sum;
        if sum.abs() >= PREDICATE_MIN {
            out.push(Finding {
                holder: HolderRef::Context,
                target: subject,
                polarity: polarity_of(sum),
                basis: Basis::Evaluation,
                sentence: si,
            });
        }
    }

    /// The summed valence of the predicate words from token `k` (at most
    /// [`PREDICATE_WORDS`], quote marks skipped, up to a clause break), with
    /// a negator flipping (and damping) the words after it.
    fn predicate_valence(&self, sentence: &Range<usize>, mut k: usize) -> f32 {
        let lex = &*STANCE_LEXICON;
        let mut sum = 0.0;
        let mut words = 0;
        let mut local_neg = false;
        while k < sentence.end && words < PREDICATE_WORDS {
            let t = &self.doc.tokens()[k];
            let Some(w) = self.word(k) else {
                if t.kind == TokenKind::OpenQuote || t.kind == TokenKind::CloseQuote {
                    k += 1;
                    continue;
                }
                break;
            };
            let c = self.class(k);
            if c & FIN != 0 || (c & CLAUSE != 0 && w != "as") {
                break;
            }
            if LEXICONS.is_negator(w) {
                local_neg = true;
            }
            let v = lex.valence(w);
            sum += if local_neg { -0.74 * v } else { v };
            words += 1;
            k += 1;
        }
        sum
    }

    /// "Lavrov described the meeting as “constructive”", "she called the
    /// veto “a shameful act”": a naming verb's subject evaluates its object
    /// by what it names it. Returns whether it found one.
    fn naming(&self, sentence: &Range<usize>, si: usize, i: usize, out: &mut Vec<Finding>) -> bool {
        let vg = self.verb_group_start(sentence, i);
        let Some(subject) = self.subject_before(sentence, vg) else {
            return false;
        };
        let Some(mut object) = self.object_after(sentence, i + 1) else {
            return false;
        };
        // "called the ceasefire a welcome step": a second article starts
        // what the object is called.
        if let Some(d) = (object.start + 1..object.end).find(|&d| self.is(d, &["a", "an", "the"])) {
            object.end = d;
        }
        let mut k = object.end;
        if self.is(k, &["as"]) {
            k += 1;
        }
        let mut sum = self.predicate_valence(sentence, k);
        if self.negated_before(sentence, i) {
            sum = -sum;
        }
        if sum.abs() < PREDICATE_MIN {
            return false;
        }
        out.push(Finding {
            holder: HolderRef::Subject {
                np: subject,
                verb: i,
            },
            target: object,
            polarity: polarity_of(sum),
            basis: Basis::Evaluation,
            sentence: si,
        });
        true
    }

    /// The byte window of sentence `si` the model reads around `focus`: the
    /// sentence, or at most about [`WINDOW`] bytes of it around the start of
    /// `focus` (however long `focus` is).
    fn window(&self, si: usize, focus: &Range<usize>) -> Range<usize> {
        let s = self.doc.sentences()[si].span.clone();
        if s.len() <= WINDOW {
            return s;
        }
        let half = WINDOW / 2;
        let lo = focus.start.saturating_sub(half).clamp(s.start, s.end);
        let hi = (focus.start.min(focus.end) + half).clamp(lo, s.end);
        self.text.floor_char_boundary(lo)..self.text.ceil_char_boundary(hi)
    }

    fn sentence_of_byte(&self, pos: usize) -> Option<usize> {
        self.doc.sentence_of(self.token_at(pos))
    }
}

fn clip(r: &Range<usize>, to: &Range<usize>) -> Range<usize> {
    let s = r.start.clamp(to.start, to.end);
    let e = r.end.clamp(s, to.end);
    s..e
}

/// A window of a sentence as the model and the certainty scorer read it:
/// its feature tokens, and (on first use) their valences and its cues.
struct Window<'t> {
    text: &'t str,
    tokens: Vec<Token<'t>>,
    vals: Option<Vec<f32>>,
    /// The model's ids of the tokens' words, with `infos`.
    ids: Option<Vec<u32>>,
    /// What the lexicons say of the tokens' words (one lookup per token,
    /// with their ids).
    infos: Option<Vec<WordInfo>>,
    /// The tokens' feature classes, with `vals`.
    classes: Vec<u8>,
    cues: Option<Vec<RawCue>>,
}

impl Window<'_> {
    /// Looks up the tokens' word ids and lexicon facts, on first use.
    fn facts(&mut self, clf: &TargetSentiment) {
        if self.infos.is_none() {
            let (ids, infos) = clf.token_facts(&self.tokens);
            self.ids = ids;
            self.infos = Some(infos);
        }
    }
}

/// The windows of a document read so far, each tokenized once: the targets
/// of a sentence share its window, and the rules, the quotes' entities and
/// the author's entities come back to the same sentences.
struct Windows<'t> {
    text: &'t str,
    /// `text` with ASCII letters lowercased (the same length): the tokens'
    /// lowercased forms borrow from it.
    lowered: &'t str,
    seen: FastMap<(usize, usize), Window<'t>>,
}

impl<'t> Windows<'t> {
    fn new(text: &'t str, lowered: &'t str) -> Self {
        Windows {
            text,
            lowered,
            seen: FastMap::default(),
        }
    }

    /// The window `range` of the text, tokenized once.
    fn get(&mut self, range: Range<usize>) -> &mut Window<'t> {
        let (text, lowered) = (self.text, self.lowered);
        self.seen
            .entry((range.start, range.end))
            .or_insert_with(|| {
                let part = text.get(range.clone()).unwrap_or_default();
                let low = lowered.get(range.clone()).unwrap_or_default();
                Window {
                    text: part,
                    tokens: tokenize_lowered(part, low),
                    vals: None,
                    ids: None,
                    infos: None,
                    classes: Vec::new(),
                    cues: None,
                }
            })
    }
}

/// Stances collected with a key per holder and target span; the first
/// (the rule-based one) wins.
#[derive(Default)]
struct Collector {
    stances: Vec<Stance>,
    /// Per target span: the indexes (in `stances`) of its stances.
    seen: FastMap<(usize, usize), Vec<usize>>,
}

impl Collector {
    /// Whether a stance of `holder` on `target` is in already (then a
    /// [`push`](Self::push) of another would be dropped).
    fn has(&self, target: &Range<usize>, holder: &str) -> bool {
        self.seen
            .get(&(target.start, target.end))
            .is_some_and(|same| {
                same.iter().any(|&i| {
                    self.stances
                        .get(i)
                        .is_some_and(|t| t.holder.name() == holder)
                })
            })
    }

    fn push(&mut self, s: Stance) {
        let key = (s.target.span.start, s.target.span.end);
        let same = self.seen.entry(key).or_default();
        let name = s.holder.name();
        if same
            .iter()
            .any(|&i| self.stances.get(i).is_some_and(|t| t.holder.name() == name))
        {
            return;
        }
        same.push(self.stances.len());
        self.stances.push(s);
    }
}

impl StanceAnalyzer {
    /// The analyzer with the defaults (see [`StanceAnalyzerBuilder::new`]).
    ///
    /// ```
    /// let _ = newsnlp_stance::StanceAnalyzer::new();
    /// ```
    pub fn new() -> Self {
        StanceAnalyzerBuilder::new().build()
    }

    /// A builder for non-default settings.
    ///
    /// ```
    /// let _ = newsnlp_stance::StanceAnalyzer::builder().neutral(false).build();
    /// ```
    pub fn builder() -> StanceAnalyzerBuilder {
        StanceAnalyzerBuilder::new()
    }

    /// The stances of a document, in the order of their evidence. `doc` is
    /// the tokenized text; `mentions` are the gazetteer's mentions in it
    /// ([`Gazetteer::find_in_document`]) and `quotes` the quotes found with
    /// them (`QuoteExtractor::extract_with_entities`). Never panics; linear
    /// in the text.
    ///
    /// ```
    /// use newsnlp_gazetteer::Gazetteer;
    /// use newsnlp_quotes::QuoteExtractor;
    /// use newsnlp_stance::{Basis, Polarity, StanceAnalyzer};
    /// use newsnlp_tokenize::Tokenizer;
    ///
    /// let text = "Secretary of Defense James Mattis stated that he was absolutely \
    ///             certain that Assad’s forces did it.";
    /// let doc = Tokenizer::new().tokenize(text);
    /// let gaz = Gazetteer::default();
    /// let mentions = gaz.find_in_document(text);
    /// let quotes = QuoteExtractor::new().extract_with_entities(&doc, &gaz, &mentions);
    /// let stances = StanceAnalyzer::new().stances(&doc, &gaz, &mentions, &quotes);
    ///
    /// let assad = stances.iter().find(|s| s.target.entity.is_some()).unwrap();
    /// assert_eq!(assad.holder.name(), "James Mattis");
    /// assert_eq!(&text[assad.target.span.clone()], "Assad");
    /// assert_eq!(assad.target.span, 77..82);
    /// assert_eq!(assad.polarity, Polarity::Negative);
    /// assert_eq!(assad.basis, Basis::Responsibility);
    /// assert!(assad.certainty > 0.9); // "absolutely certain"
    /// ```
    pub fn stances(
        &self,
        doc: &Tokenized<'_>,
        gazetteer: &Gazetteer,
        mentions: &[Mention],
        quotes: &[Quote],
    ) -> Vec<Stance> {
        let d = Doc::new(doc, gazetteer, mentions, quotes);
        let mut out = Collector::default();
        let mut findings = Vec::new();
        for si in 0..doc.sentences().len() {
            d.findings(si, &mut findings);
        }
        let lowered = d.text.to_ascii_lowercase();
        let mut cache = Windows::new(d.text, &lowered);
        for f in &findings {
            self.emit_finding(&d, &mut cache, f, &mut out);
        }
        self.quote_entities(&d, &mut cache, &mut out);
        if self.author {
            self.author_entities(&d, &mut cache, &mut out);
        }
        let mut stances = out.stances;
        if !self.neutral {
            stances.retain(|s| s.polarity != Polarity::Neutral);
        }
        stances.sort_by_key(|s| (s.evidence.start, s.target.span.start, s.evidence.end));
        stances
    }

    /// Certainty of `evidence`, read in the window around `target`.
    fn certainty_of<'t>(
        &self,
        d: &Doc<'_, 't>,
        cache: &mut Windows<'t>,
        si: usize,
        target: &Range<usize>,
        evidence: &Range<usize>,
    ) -> f32 {
        let w = d.window(si, target);
        let ev = clip(evidence, &w);
        let rel = ev.start - w.start..ev.end - w.start;
        let p = cache.get(w);
        if p.cues.is_none() {
            p.facts(&self.sentiment);
            let infos = p.infos.as_deref().unwrap_or_default();
            let cues = crate::certainty::raw_cues_from(&p.tokens, infos);
            p.cues = Some(cues);
        }
        let cues = p.cues.as_deref().unwrap_or_default();
        self.certainty
            .assess_cues(p.text, rel, cues, false)
            .certainty
    }

    fn model<'t>(
        &self,
        d: &Doc<'_, 't>,
        cache: &mut Windows<'t>,
        si: usize,
        target: &Range<usize>,
    ) -> crate::Sentiment {
        let w = d.window(si, target);
        let t = clip(target, &w);
        let rel = t.start - w.start..t.end - w.start;
        let p = cache.get(w);
        if p.vals.is_none() {
            p.facts(&self.sentiment);
            let infos = p.infos.as_deref().unwrap_or_default();
            let (vals, classes) = valences_and_classes_from(&p.tokens, infos);
            p.vals = Some(vals);
            p.classes = classes;
        }
        let vals = p.vals.as_deref().unwrap_or_default();
        self.sentiment
            .classify_tokens(p.text, &p.tokens, vals, &p.classes, p.ids.as_deref(), rel)
    }

    fn emit_finding<'t>(
        &self,
        d: &Doc<'_, 't>,
        cache: &mut Windows<'t>,
        f: &Finding,
        out: &mut Collector,
    ) {
        let sentence_span = d.doc.sentences()[f.sentence].span.clone();
        let target_span = d.span(&f.target);
        let (holder, evidence) = match &f.holder {
            HolderRef::Subject { np, verb } => {
                let Some(h) = d.resolve_subject(np, *verb) else {
                    return;
                };
                let start = d.span(np).start;
                (h, start.min(target_span.start)..target_span.end)
            }
            HolderRef::Context => match d.enclosing_quote(&target_span) {
                Some(q) => match &q.speaker {
                    Some(sp) => (Holder::from_speaker(sp), clip(&q.content, &sentence_span)),
                    None => return,
                },
                None if !d.attributed[f.sentence] => (d.author(), sentence_span.clone()),
                None => return,
            },
        };
        let certainty = self.certainty_of(d, cache, f.sentence, &target_span, &evidence);
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
        let holder_entity = holder.entity();
        let exact = entity_target.is_some_and(|m| {
            let rest = &d.text[m.end()..target_span.end];
            rest.is_empty() || rest == "’s" || rest == "'s"
        });
        if !exact {
            out.push(Stance {
                holder: holder.clone(),
                target: Target {
                    text: d.text[target_span.clone()].to_string(),
                    span: target_span,
                    entity: None,
                },
                polarity: f.polarity,
                certainty,
                evidence: evidence.clone(),
                basis: f.basis,
            });
        }
        if let Some(m) = entity_target
            && m.entity() != holder_entity
            && let Some(id) = m.entity()
        {
            out.push(Stance {
                holder,
                target: Target {
                    text: d.gaz.entity(id).name().to_string(),
                    span: m.span(),
                    entity: Some(id),
                },
                polarity: f.polarity,
                certainty,
                evidence,
                basis: f.basis,
            });
        }
    }

    /// Entities in each attributed quote's content: model polarity.
    fn quote_entities<'t>(&self, d: &Doc<'_, 't>, cache: &mut Windows<'t>, out: &mut Collector) {
        for q in &d.quotes {
            let Some(sp) = &q.speaker else { continue };
            let holder = Holder::from_speaker(sp);
            let own = holder.entity();
            for m in d.mentions_in(&q.content) {
                if m.entity() == own || q.source.as_ref().is_some_and(|s| overlaps(s, &m.span())) {
                    continue;
                }
                let Some(si) = d.sentence_of_byte(m.start()) else {
                    continue;
                };
                let sentence_span = d.doc.sentences()[si].span.clone();
                let evidence = clip(&q.content, &sentence_span);
                let Some(id) = m.entity() else { continue };
                if out.has(&m.span(), holder.name()) {
                    // A rule (or an earlier quote) said it already.
                    continue;
                }
                let sentiment = self.model(d, cache, si, &m.span());
                out.push(Stance {
                    holder: holder.clone(),
                    target: Target {
                        text: d.gaz.entity(id).name().to_string(),
                        span: m.span(),
                        entity: Some(id),
                    },
                    polarity: sentiment.polarity,
                    certainty: self.certainty_of(d, cache, si, &m.span(), &evidence),
                    evidence,
                    basis: Basis::Model,
                });
            }
        }
    }

    /// Entities of unattributed, evaluative sentences: the author's stance
    /// when the model is confident it is not neutral.
    fn author_entities<'t>(&self, d: &Doc<'_, 't>, cache: &mut Windows<'t>, out: &mut Collector) {
        let lex = &*STANCE_LEXICON;
        for (si, sentence) in d.doc.sentences().iter().enumerate() {
            if d.attributed[si] {
                continue;
            }
            let mut ms = d.mentions_in(&sentence.span).peekable();
            if ms.peek().is_none() {
                continue;
            }
            let evaluative = sentence.tokens.clone().take(WINDOW).any(|k| {
                d.word(k)
                    .is_some_and(|w| lex.valence(w).abs() >= EVALUATIVE_WORD)
            });
            if !evaluative {
                continue;
            }
            let author = d.author();
            for m in ms {
                let Some(id) = m.entity() else { continue };
                if out.has(&m.span(), author.name()) {
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
                    target: Target {
                        text: d.gaz.entity(id).name().to_string(),
                        span: m.span(),
                        entity: Some(id),
                    },
                    polarity: sentiment.polarity,
                    certainty: self.certainty_of(d, cache, si, &m.span(), &sentence.span),
                    evidence: sentence.span.clone(),
                    basis: Basis::Model,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_table_knows_every_closed_word() {
        let t = &*CLASSES;
        for (list, bit) in CLASS_LISTS {
            for w in list.words() {
                assert!(t.bits(w) & bit != 0, "{w}");
            }
        }
        assert_eq!(t.bits("of"), OF);
        assert_eq!(
            t.bits("that") & (PRON | CLAUSE | ANAPHOR),
            PRON | CLAUSE | ANAPHOR
        );
        for w in ["", "talks", "The", "u.s.", "2019", "thes", "ofx"] {
            assert_eq!(t.bits(w) & !MAY_START, 0, "{w}");
        }
        let lex = &*STANCE_LEXICON;
        for w in [
            "",
            "said",
            "wants",
            "condemned",
            "talks",
            "the",
            "u.s.",
            "2019",
            "zoë",
            "x",
        ] {
            assert_eq!(t.bits(w) & MAY_START != 0, lex.may_start(w), "{w}");
        }
    }
}
