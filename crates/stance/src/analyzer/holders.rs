//! Who a rule's subject is: the speaker of the quote whose cue the verb
//! is, the last entity mentioned in the subject, a pronoun resolved ("I" in
//! a direct quote is its speaker; "he" is the most recent person mentioned;
//! "they" the most recent group), or the phrase as written ("Both sides
//! welcomed the deal": the holder is "Both sides").

use std::ops::Range;

use newsnlp_gazetteer::{EntityId, EntityKind, Gender, Mention, Party, gender};

use crate::Target;
use newsnlp_quotes::QuoteKind;
use newsnlp_text::table::possessive_len;
use newsnlp_text::words::{Classes, WordClass};
use newsnlp_tokenize::TokenKind;

use super::classes::{
    AND_OR, AUX, CLAUSE, COP, DET, FIN, IRREG, MAY_START, OF, PREP, PRONOUNS, WORD,
};
use super::doc::Doc;
use super::phrases::REPORTER_WORDS;
use super::rules::{Finding, HolderRef};

/// How many mentions and bytes a pronoun looks back over.
const PRONOUN_MENTIONS: usize = 40;
const PRONOUN_BYTES: usize = 3000;

/// The most tokens of the party in an opening "For X," (see
/// [`Doc::opening_for_holder`]).
const FOR_HOLDER_WORDS: usize = 8;

impl Doc<'_, '_> {
    /// "For many growers, the tariff is “a lifeline”": a sentence that
    /// opens with "For", a party and a comma, and quotes the judgement,
    /// says how the party judges what follows. The party's noun phrase (up
    /// to its first comma, within [`FOR_HOLDER_WORDS`] tokens) when
    /// `before` comes after that comma and the phrase names a party ("For
    /// now," and "For starters," do not).
    pub(super) fn opening_for_holder(
        &self,
        sentence: &Range<usize>,
        before: usize,
    ) -> Option<Range<usize>> {
        let mut first = sentence.start;
        while first < sentence.end && self.word(first).is_none() {
            first += 1;
        }
        if !self.is(first, &["for"]) {
            return None;
        }
        let end = sentence.end.min(first + 1 + FOR_HOLDER_WORDS);
        let comma = (first + 1..end).find(|&k| self.is_comma(k))?;
        if comma >= before || comma <= first + 1 {
            return None;
        }
        // The judgement in the party's own words, quoted ("the cut is “a
        // kick in the teeth”"); without quote marks the writer may judge
        // for them ("For Trump, the format was not ideal").
        let quoted = (comma + 1..sentence.end).any(|k| self.kind_is(k, TokenKind::OpenQuote));
        if !quoted
            || self.is(
                first + 1,
                &["starters", "example", "instance", "one", "now"],
            )
        {
            return None;
        }
        let np = first + 1..comma;
        let named = self.mentions_in(&self.span(&np)).any(|m| {
            m.entity()
                .is_some_and(|id| self.entities.kind(id) != EntityKind::Place)
        });
        (named
            || self
                .text
                .get(self.span(&np))
                .is_some_and(phrase_names_a_party))
        .then_some(np)
    }

    pub(super) fn author(&self) -> Party {
        Party::Author {
            name: self.byline.clone(),
        }
    }

    pub(super) fn entity_holder(&self, m: &Mention) -> Option<Party> {
        self.entities.party(m.entity()?)
    }

    /// The entity of mention `m` if the model may be asked about it as a
    /// target: not a place the gazetteer does not list (in news mostly
    /// where something happens: a city, a district, a street).
    pub(super) fn model_target(&self, m: &Mention) -> Option<EntityId> {
        let id = m.entity()?;
        let unlisted_place =
            self.entities.listed(id).is_none() && self.entities.kind(id) == EntityKind::Place;
        (!unlisted_place).then_some(id)
    }

    /// The target that mention `m` of entity `id` names: the entity's
    /// name (the fullest form for an unlisted one), the mention's span.
    pub(super) fn entity_target(&self, m: &Mention, id: EntityId) -> Target {
        Target {
            text: self.entities.name(id).to_string(),
            span: m.span().into(),
            entity: self.entities.listed(id),
        }
    }

    /// Whether mention `m` names `party` (an entity, listed or not).
    pub(super) fn is_party(&self, party: &Party, m: &Mention) -> bool {
        match (party, m.entity()) {
            (Party::Entity { name, .. }, Some(id)) => self.entities.name(id) == name,
            _ => false,
        }
    }

    /// Whether the mention `m` is a place used as a location ("in Idlib
    /// province", "from Moscow"): after a preposition, so never a holder.
    fn located(&self, m: &Mention) -> bool {
        let k = self.token_at(m.start());
        k > 0 && self.has(k - 1, PREP)
    }

    /// The most recent mention before `pos` whose kind fits.
    fn recent(&self, pos: usize, fits: impl Fn(EntityKind) -> bool) -> Option<Party> {
        self.recent_mention(pos, |m| {
            m.entity().is_some_and(|id| fits(self.entities.kind(id)))
        })
    }

    /// The most recent person before `pos` that "he" or "she" (`want`) may
    /// stand for: none whose title or given name shows the other gender
    /// ("she" after "Proctor's appeal" passes over Wendell Proctor).
    fn recent_person(&self, pos: usize, want: Gender) -> Option<Party> {
        self.recent_mention(pos, |m| {
            m.entity().is_some_and(|id| {
                self.entities.kind(id) == EntityKind::Person
                    && gender(self.text, m, self.entities.name(id)).is_none_or(|g| g == want)
            })
        })
    }

    /// The holder of the most recent mention before `pos` that `fits`,
    /// not a place used as a location, within reach of a pronoun.
    fn recent_mention(&self, pos: usize, fits: impl Fn(&Mention) -> bool) -> Option<Party> {
        let end = self.mentions_from(pos);
        self.mentions[..end]
            .iter()
            .rev()
            .take(PRONOUN_MENTIONS)
            .take_while(|m| pos - m.start() <= PRONOUN_BYTES)
            .find(|m| fits(m) && !self.located(m))
            .and_then(|m| self.entity_holder(m))
    }

    /// Who the subject noun phrase `np` of the verb at token `verb` is.
    pub(super) fn resolve_subject(&self, np: &Range<usize>, verb: usize) -> Option<Party> {
        let toks = self.doc.tokens();
        if let Some(&qi) = toks.get(verb).and_then(|t| self.by_cue.get(&t.span.start))
            && let Some(sp) = &self.quotes[qi].speaker
        {
            // A quote's phrase source holds only if it may name a party
            // ("that | helps families | dispute …" names none).
            let party = !matches!(sp, Party::Phrase(_)) || self.may_name_a_party(np);
            return party.then(|| sp.clone());
        }
        let span = self.span(np);
        // The head's mention, not a place or group after a preposition
        // ("Sen. Cole Harmon of Kansas": Harmon).
        let after_preposition = |m: &Mention| {
            let mut k = self.token_at(m.start());
            // "director of | the | Patient Alliance": past a determiner.
            while k > np.start + 1 && self.has(k - 1, DET) {
                k -= 1;
            }
            k > np.start && self.has(k - 1, PREP | OF)
        };
        // Nor a name that modifies the head noun after it ("a Nebraska
        // cattle rancher", "a Sierra Club lawyer": the rancher, the
        // lawyer).
        let modifier = |m: &Mention| {
            let last = self.token_at(m.end().saturating_sub(1));
            let next = last + 1;
            let person = m
                .entity()
                .is_none_or(|id| self.entities.kind(id) == EntityKind::Person);
            let possessive = self.word(last).is_some_and(|w| possessive_len(w) > 0)
                || self
                    .word(next)
                    .is_some_and(|w| possessive_len(w) == w.len());
            let verb_like = self
                .word(next)
                .is_some_and(|w| w.ends_with("ed") || w.ends_with("ing"));
            !person
                && !possessive
                && !verb_like
                && next < np.end
                && self.has(next, WORD)
                && !self.capitalized(next)
                && !self.has(next, PREP | OF | CLAUSE | FIN | AUX | AND_OR | IRREG)
        };
        let head = self
            .mentions_in(&span)
            .filter(|m| !after_preposition(m) && !modifier(m))
            .last();
        if let Some(m) = head {
            return self.entity_holder(m);
        }
        // "the Hungarian leader", "the 27-year-old": a descriptor the
        // entity table linked to its person.
        if self.is(np.start, &["the"])
            && let Some(p) = self.entities.descriptor(span.clone())
        {
            return Some(p);
        }
        // "the union": the organization named before whose name ends so.
        if np.len() == 2
            && self.is(np.start, &["the"])
            && let Some(head) = self.word(np.start + 1)
            && let Some(org) = self.entities.organization_by_head(head, span.start)
        {
            return Some(org);
        }
        if np.len() == 1 {
            // "I've", "we're": the pronoun before the contraction.
            let w = self.word_before_contraction(np.start)?;
            let quote = self.enclosing_quote(&span);
            let speaker = || quote.and_then(|q| q.speaker.as_ref()).cloned();
            return match w {
                "i" | "we" => speaker().or_else(|| quote.is_none().then(|| self.author())),
                "he" | "she" | "they" => {
                    if let Some(q) = quote
                        && q.kind == QuoteKind::Indirect
                    {
                        return speaker();
                    }
                    if w == "they" {
                        // A group or organization; a place holds nothing.
                        self.recent(span.start, |k| {
                            !matches!(k, EntityKind::Person | EntityKind::Place)
                        })
                    } else if w == "she" {
                        self.recent_person(span.start, Gender::Female)
                    } else {
                        self.recent_person(span.start, Gender::Male)
                    }
                }
                // "Calder Capital said it supported the board" (or was
                // “disappointed”): in an organization's reported words,
                // "it" is the organization.
                "it" => speaker().filter(|sp| {
                    quote.is_some_and(|q| q.kind != QuoteKind::Direct)
                        && matches!(sp, Party::Entity { kind, .. } if *kind != EntityKind::Person)
                }),
                _ if PRONOUNS.contains(&w) => None,
                _ => self
                    .may_name_a_party(np)
                    .then(|| Party::Phrase(self.text[span].to_string())),
            };
        }
        if np.len() == 2
            && self.is(np.start, &["the", "our"])
            && !self.capitalized(np.start + 1)
            && phrase_names_a_party(&self.text[span.clone()])
            && let Some(q) = self.enclosing_quote(&span)
            && q.kind != QuoteKind::Direct
            && let Some(sp @ Party::Entity { .. }) = &q.speaker
        {
            // "Okoro said the company was confident in its plan": in
            // reported words, the speaker's own organization speaks
            // through the speaker.
            return Some(sp.clone());
        }
        // In the speaker's own words, any phrase of theirs: "“Our country
        // will not accept …,” the minister said".
        if np.len() > 1
            && self.is(np.start, &["our", "my"])
            && let Some(q) = self.enclosing_quote(&span)
            && q.kind == QuoteKind::Direct
            && let Some(speaker) = &q.speaker
        {
            return Some(speaker.clone());
        }
        if np.len() <= 6 && self.may_name_a_party(np) {
            return Some(Party::Phrase(self.text[span].to_string()));
        }
        None
    }

    /// The speaker of a direct quote in which the subject holder of `f` is
    /// a country or organization that states a position, not a past event
    /// ("“Kenya will not accept …”", "“China will never accept …”",
    /// "“Tanzania values its friendship …”"): an official states the
    /// position of their side in its name, so the stance is theirs too.
    pub(super) fn spokesperson_of(&self, f: &Finding) -> Option<Party> {
        let HolderRef::Subject { np, verb } = &f.holder else {
            return None;
        };
        let span = self.span(np);
        let q = self.enclosing_quote(&span)?;
        let speaker @ Party::Entity {
            kind: EntityKind::Person,
            ..
        } = q.speaker.as_ref()?
        else {
            return None;
        };
        if q.kind != QuoteKind::Direct {
            return None;
        }
        let m = self.mentions_in(&span).last()?;
        let side = m.entity().is_some_and(|_| {
            matches!(
                self.entity_holder(m),
                Some(Party::Entity {
                    kind: EntityKind::Place | EntityKind::Organization,
                    ..
                })
            )
        });
        let sentence = self.doc.sentences().get(f.sentence)?.tokens.clone();
        let vg = self.verb_group_start(&sentence, *verb);
        let stated = (vg..*verb).any(|k| self.is(k, STATING_AUX))
            || (vg == *verb && self.word(*verb).is_some_and(|w| w.ends_with('s')));
        (side && stated && m.end() <= span.end).then(|| speaker.clone())
    }

    /// Whether the noun phrase `np` (no entity in it) may name a person,
    /// group or organization: no verb, auxiliary or preposition in it ("have
    /// no reason", "in Moscow"), and a name, a determiner, several words
    /// or a plural ("Mayor Alvarez", "the council", "council members",
    /// "officials"), not one bare lowercase word ("long").
    fn may_name_a_party(&self, np: &Range<usize>) -> bool {
        // "analysts at Brantley", "a lawyer for the city": a party noun
        // heads a phrase with a preposition after it; "in Moscow" no.
        let headed = || {
            np.start < np.end
                && !self.has(np.start, PREP)
                && phrase_names_a_party(&self.text[self.span(np)])
        };
        let verbal = np.clone().any(|k| {
            self.has(k, AUX | FIN | COP | IRREG)
                || (self.has(k, PREP) && !headed())
                || (k > np.start && self.is_verb_at(k))
        });
        // "helps families": a phrase that opens with an inflected verb of
        // the stance lexicon is a clause's rest, not a party.
        let verb_first = np.len() > 1
            && !self.capitalized(np.start)
            && self.has(np.start, MAY_START)
            && self
                .word(np.start)
                .is_some_and(|w| w.ends_with('s') || w.ends_with("ed"));
        let single_bare = np.len() == 1
            && !self.capitalized(np.start)
            && !self.word(np.start).is_some_and(names_a_group);
        !verbal && !verb_first && !single_bare
    }

    /// A co-holder of what sentence `si` says after token `after`: "…, as
    /// did her French counterpart", "…, and Tillerson agreed": the party
    /// and its noun phrase (which is then no target). Read at most
    /// [`REPORTER_WORDS`] words on.
    pub(super) fn co_holder(&self, si: usize, after: usize) -> Option<(Party, Range<usize>)> {
        let sentence = self.doc.sentences().get(si)?.tokens.clone();
        let first = after.max(sentence.start);
        for k in first..sentence.end.min(first + REPORTER_WORDS) {
            let np = if self.is(k, &["as"]) && self.is(k + 1, CO_AUX) {
                let start = k + 2;
                let mut end = start;
                while end < sentence.end
                    && end - start < CO_HOLDER_WORDS
                    && self.word(end).is_some()
                {
                    end += 1;
                }
                start..end
            } else if self.is(k, CO_AGREE) && self.word(k + 1).is_none() {
                let vg = self.verb_group_start(&sentence, k);
                self.subject_before(&sentence, vg)?
            } else {
                continue;
            };
            if np.is_empty() {
                return None;
            }
            let span = self.span(&np);
            let party = match self.mentions_in(&span).last() {
                Some(m) => self.entity_holder(m)?,
                None if self.may_name_a_party(&np) => Party::Phrase(self.text[span].to_string()),
                None => return None,
            };
            return Some((party, np));
        }
        None
    }
}

impl Doc<'_, '_> {
    /// Whether the mention `m` is a co-holder ("…, as did Secretary of
    /// State Tillerson", "…, and Tillerson agreed"), so no target.
    pub(super) fn is_co_holder(&self, m: &Mention) -> bool {
        let k = self.token_at(m.start());
        let after_as_did = (k.saturating_sub(CO_HOLDER_WORDS)..k)
            .rev()
            .take_while(|&j| self.word(j).is_some())
            .any(|j| j > 0 && self.is(j, CO_AUX) && self.is(j - 1, &["as"]));
        let e = self.token_at(m.end().saturating_sub(1)) + 1;
        after_as_did || (self.is(e, CO_AGREE) && self.word(e + 1).is_none())
    }
}

/// The auxiliaries of "as did X".
const CO_AUX: &[&str] = &["did", "does", "do", "had", "has", "have", "was", "were"];
/// The verbs of "and X agreed" at the end of a sentence.
const CO_AGREE: &[&str] = &["agreed", "agrees", "concurred", "concurs"];
/// The most words of a co-holder's noun phrase.
const CO_HOLDER_WORDS: usize = 8;

/// Endings of plural nouns of people ("workers", "economists",
/// "Republicans", "migrants", "residents", "representatives", "donors"):
/// a bare plural that names a group.
const GROUP_ENDINGS: &[&str] = &["ers", "ists", "ians", "ants", "ents", "ives", "ors"];

/// Whether a lowercase word alone names a group of people: a group source
/// or head of the word-class file ("officials", "police") or a plural of
/// people by its ending.
pub(super) fn names_a_group(w: &str) -> bool {
    Classes::of(w).intersects(
        WordClass::PluralSources
            .set()
            .union(WordClass::PluralHeads.set()),
    ) || GROUP_ENDINGS
        .iter()
        .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
}

/// Auxiliaries of a stated position ("will not accept", "cannot
/// support", "must reject"), not of a reported past event.
const STATING_AUX: &[&str] = &["will", "won't", "cannot", "can't", "must", "never"];

/// Whether a holder written as a phrase (a quote's source kept as
/// written, a subject) may name a person, group or organization: one
/// capitalized word or a group word ("Democrats", "critics"; not "follows",
/// "all", "interviewed"), or several words that do not start with a
/// verb, an auxiliary or a preposition ("have no reason", "in Moscow"),
/// and not headed by a document, poll, study or what a party wrote ("a
/// study published on Wednesday", "the poll", "Donald Trump's tweet").
pub(super) fn phrase_names_a_party(text: &str) -> bool {
    let head = head_word(text);
    let documents = WordClass::EvidenceSources
        .set()
        .union(WordClass::AuthoredHeads.set());
    if head.is_some_and(|h| Classes::of_any_case(h).intersects(documents)) {
        // A document, poll, study, statement or tweet is no person, group
        // or organization.
        return false;
    }
    let first_part = text.split(", ").next().unwrap_or(text);
    if !phrase_is_nominal(first_part) || !headed_by_a_party(first_part) {
        return false;
    }
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let capital = first.chars().next().is_some_and(char::is_uppercase);
    let lower = first.to_lowercase();
    if words.next().is_none() {
        return capital || names_a_group(&lower);
    }
    let verbal = WordClass::Finite
        .set()
        .union(WordClass::VerbGroupWords.set())
        .union(WordClass::Prepositions.set());
    capital
        || !(Classes::of(&lower).intersects(verbal)
            || lower.ends_with("ing")
            || lower.ends_with("ed"))
}

/// The head noun of a phrase: the last word before a preposition or a
/// participle ("a study | published on Wednesday", "the poll | of voters").
fn head_word(phrase: &str) -> Option<&str> {
    phrase
        .split_whitespace()
        .take_while(|w| {
            // As of `w.to_lowercase()`, without the copy: only "e"/"E" and
            // "d"/"D" lowercase to a final "e", "d".
            let ed = w
                .as_bytes()
                .last_chunk::<2>()
                .is_some_and(|e| e.eq_ignore_ascii_case(b"ed"));
            !(Classes::of_any_case(w).contains(WordClass::Prepositions) || ed)
        })
        .last()
}

/// Whether the head of a phrase (before any appositive; the last word
/// before a preposition or a participle) may name a party: a capitalized
/// word (a name), or a noun of people, groups or organizations: a title or
/// role, a group word, a word of the `party_nouns` class, or the ending of
/// a noun of people ("-er", "-ist", "-ian", "-ant", "-ent": "the
/// lawyer", "an economist"). Not a thing ("the ruling", "the truck
/// story", "one slide").
fn headed_by_a_party(phrase: &str) -> bool {
    let Some(head) = head_word(phrase) else {
        return true;
    };
    let head = head.trim_matches(|c: char| !c.is_alphanumeric());
    if head.is_empty() || head.starts_with(char::is_uppercase) {
        return true;
    }
    let lower = head.to_lowercase();
    // "Those close to him", "some in the party": a quantifier opens a
    // group.
    let opener = phrase
        .split_whitespace()
        .next()
        .is_some_and(|w| Classes::of(&w.to_lowercase()).contains(WordClass::PartyNouns));
    // A plural is read by its singular too ("attorneys", "companies").
    let singular = match lower.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => lower.strip_suffix('s').unwrap_or(&lower).to_string(),
    };
    let classes = WordClass::PluralSources
        .set()
        .union(WordClass::PluralHeads.set())
        .union(WordClass::Titles.set())
        .union(WordClass::MaleTitles.set())
        .union(WordClass::FemaleTitles.set())
        .union(WordClass::DescriptorHeads.set())
        .union(WordClass::SourceHeads.set())
        .union(WordClass::PartyNouns.set());
    opener
        || names_a_group(&lower)
        || [&lower, &singular].iter().any(|w| {
            Classes::of(w).intersects(classes)
                || PEOPLE_ENDINGS
                    .iter()
                    .any(|e| w.len() > e.len() + 2 && w.ends_with(e))
        })
}

/// Endings of singular nouns of people ("lawyer", "economist",
/// "politician", "applicant", "resident", "investor", "analyst",
/// "employee").
const PEOPLE_ENDINGS: &[&str] = &["er", "or", "ist", "ian", "ant", "ent", "yst", "ee"];

/// Whether a phrase of several words before any appositive reads as a
/// noun phrase, not a fragment of a clause: no subject pronoun first ("it
/// doesn't", "he’s heralded"), no auxiliary or negated verb after the first
/// word, and no preposition, determiner, conjunction or lowercase
/// participle last ("the torrent of", "Russia's annexation of Crimea
/// renewed"). One word passes.
fn phrase_is_nominal(head: &str) -> bool {
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.len() < 2 {
        return true;
    }
    let first = words[0].to_lowercase();
    let bare = first.split(['\'', '’']).next().unwrap_or_default();
    if matches!(bare, "he" | "she" | "it" | "they" | "we" | "i") {
        return false;
    }
    let verb_inside = words[1..].iter().any(|w| {
        let l = w.to_lowercase();
        l.ends_with("n't") || l.ends_with("n’t") || Classes::of(&l).contains(WordClass::Finite)
    });
    let last = words[words.len() - 1];
    let lower = last.to_lowercase();
    let open_end = Classes::of(&lower).intersects(
        WordClass::Prepositions
            .set()
            .union(WordClass::Of.set())
            .union(WordClass::NpDeterminers.set())
            .union(WordClass::AndOr.set()),
    );
    let participle = lower.ends_with("ed") && !last.starts_with(char::is_uppercase);
    !(verb_inside || open_end || participle)
}

/// The name in a holder written as a phrase: an appositive cut off
/// ("Kwame Mensah, a statistician at the university" -> "Kwame Mensah"),
/// and a description or title before a name of two or more capitalized
/// words dropped ("Council member Sarah Bennett", "Irish Prime Minister
/// Fionnuala Devereux" -> the name), or the name in apposition after a
/// description ("Indonesia's chief negotiator, Rahmat Hidayat"). Anything
/// else stays as written ("The Hungarian leader", "council members").
pub(super) fn phrase_name(text: &str) -> &str {
    let mut parts = text.split(", ");
    let head = parts.next().unwrap_or(text).trim();
    let name = trailing_name(head);
    if name.len() == head.len()
        && let Some(second) = parts.next()
    {
        // "Indonesia's chief negotiator, Rahmat Hidayat"
        let words: Vec<&str> = second.split_whitespace().collect();
        let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        if (2..=4).contains(&words.len()) && words.iter().all(capital) {
            return second.trim();
        }
    }
    name
}

/// The name of two or more capitalized words that ends `head`, without
/// the description or title before it; `head` itself if there is none.
fn trailing_name(head: &str) -> &str {
    let words: Vec<(usize, &str)> = head
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    // The trailing run of capitalized words that are not titles.
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let title = |w: &str| Classes::of(&w.to_lowercase()).contains(WordClass::Titles);
    let mut run = words.len();
    while run > 0 && capital(words[run - 1].1) && !title(words[run - 1].1) {
        run -= 1;
    }
    if run == 0 || words.len() - run < 2 {
        return head;
    }
    &head[words[run].0..]
}

#[cfg(test)]
mod tests {
    use super::{head_word, phrase_names_a_party};
    use newsnlp_text::words::{Classes, WordClass};

    #[test]
    fn heads_are_found_as_with_lowercased_copies() {
        // The head as first written: a lowercased copy of every word.
        let by_copies = |phrase: &'static str| {
            phrase
                .split_whitespace()
                .take_while(|w| {
                    let lower = w.to_lowercase();
                    !(Classes::of(&lower).contains(WordClass::Prepositions)
                        || lower.ends_with("ed"))
                })
                .last()
        };
        for phrase in [
            "a study PUBLISHED on Wednesday",
            "The poll OF voters",
            "the Ministry’s REPORT",
            "ÉLU Officials Reed",
            "a REED bed",
            "Ed",
            "",
            "the İED ÆD",
        ] {
            assert_eq!(head_word(phrase), by_copies(phrase), "{phrase}");
        }
    }

    #[test]
    fn phrases_that_name_parties_and_fragments_that_do_not() {
        for (phrase, party) in [
            ("Both sides", true),
            ("council members", true),
            ("The former governor and U.S. ambassador", true),
            ("Kwame Mensah, a statistician at the university", true),
            ("critics", true),
            ("the poll", false),
            ("Donald Trump’s tweet", false),
            ("The mayor's latest statement", false),
            ("it doesn't", false),
            ("he’s heralded", false),
            ("the torrent of", false),
            ("the plan was renewed", false),
            ("have no reason", false),
            ("in Moscow", false),
            ("the ruling", false),
            ("the truck story", false),
            ("one slide", false),
            ("their attorneys", true),
            ("Those close to him", true),
            ("other candidates", true),
            ("The Unite union", true),
            ("an economist at the bank", true),
            ("Regulators and environmental groups", true),
            ("Professional Responsibility", true),
        ] {
            assert_eq!(phrase_names_a_party(phrase), party, "{phrase}");
        }
    }
}
