//! Speaker resolution: from a source phrase to an entity, a phrase or the
//! author.
//!
//! Rules, in order:
//! 1. "I" and "we" outside quotation marks are the author.
//! 2. "he" and "she" are the most recent person mentioned before the
//!    source whose gender (from "Mr."/"Mrs." before a mention, a gendered
//!    title, or the first name) does not contradict the pronoun; "they" is
//!    the most recent organization or group nearby; "who" and "which" are
//!    the entity named just before them.
//! 3. A group head ("officials", "both sides", "sources") keeps the source
//!    as a phrase, even when it holds a name ("US officials").
//! 4. A mention inside the source that is the phrase's head (nothing after
//!    it but an appositive; only titles and modifiers before it, no
//!    preposition) is the speaker: "Russian Foreign Minister Lavrov".
//! 5. "the secretary", "the Russian foreign minister": the most recent
//!    person whose mention carried that title in the document, or whose
//!    gazetteer entry lists it.
//! 6. Anything else is the phrase as written; a personal name at the end
//!    of such a phrase ("U.S. Ambassador Linda Thomas-Greenfield", someone
//!    the gazetteer does not know) is remembered, so that a later source
//!    with that surname, or "he"/"she" with no more recent known person,
//!    gets the same name.
//!
//! Look-backs are capped (a fixed number of mentions and bytes), so the
//! cost per quote is constant.

use std::borrow::Cow;
use std::ops::Range;

use newsnlp_gazetteer::{Entities, EntityId, EntityKind, Gender, Mention};
use newsnlp_tokenize::{Token, TokenKind};

use crate::extract::Ctx;
use newsnlp_gazetteer::Party;
use newsnlp_text::words::{Classes, WordClass};

use crate::lexicon as lx;

/// The most words of a title between a name that modifies it and the
/// person's name after it ("Halvorsen campaign director | Ada Lind").
const MODIFIER_WORDS: usize = 4;
/// How many mentions a pronoun or title looks back over.
const LOOKBACK_MENTIONS: usize = 40;
/// How far into a sentence its subject's name may start ("Kettering
/// manager Graham Tully", "NATO Secretary General Jens Stoltenberg").
const SUBJECT_POSITION: usize = 6;
/// How far back (in bytes) a pronoun may find its entity.
const LOOKBACK_BYTES: usize = 3000;
/// How far back (in bytes) "who" finds a person before a place that ends
/// the person's description ("John Doe of New Mexico, who").
const WHO_PERSON_BYTES: usize = 20;
/// How far back (in bytes) "they" and "it" find the group or organization
/// they stand for.
const GROUP_PRONOUN_BYTES: usize = 600;

pub(crate) struct Resolver<'a, 't> {
    pub text: &'t str,
    pub toks: &'a [Token<'t>],
    /// The extraction context, for its lowercased tokens.
    pub ctx: &'a Ctx<'a, 't>,
    /// Who each entity id is (the gazetteer's and the document's own).
    pub entities: Option<Entities<'a>>,
    /// Mentions sorted by start.
    pub mentions: Vec<&'a Mention>,
    /// The start of each of `mentions`, in the same order: what
    /// [`Resolver::first_at`] bisects, without following a pointer at each
    /// step.
    pub starts: Vec<usize>,
    pub byline: Option<String>,
}

/// A person named in a source but missing from the gazetteer.
#[derive(Clone, Debug)]
pub(crate) struct Unknown {
    /// Byte offset where the source naming them ends.
    end: usize,
    /// The name without titles ("Linda Thomas-Greenfield").
    name: String,
    /// Its last word ("Thomas-Greenfield").
    surname: String,
}

/// The most tokens of a parenthetical after a speaker's name, marks
/// included ("(R-S.C.)").
const PARENTHETICAL: usize = 10;

/// A capitalized word that can be part of a personal name (not an acronym,
/// not a title).
fn name_word(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Word
        && t.text.starts_with(char::is_uppercase)
        && t.text.chars().any(char::is_lowercase)
        && !Classes::of_any_case(t.text).intersects(lx::TITLES)
}

/// Whether `text` lowercased has the word `head` (a lowercased word) among
/// its whitespace-separated words. Case mapping keeps whitespace where it
/// is, so each word is compared on its own, without allocating when it is
/// ASCII (its lowercase is then ASCII, and `head`, lowercased, holds no
/// capital).
fn has_word(text: &str, head: &str) -> bool {
    text.split_whitespace().any(|w| {
        if w.is_ascii() {
            w.eq_ignore_ascii_case(head)
        } else {
            w.to_lowercase() == head
        }
    })
}

impl<'a> Resolver<'a, '_> {
    /// The personal name that ends source `src`: two or three capitalized
    /// words (a hyphen may join two of them), after nothing but titles and
    /// capitalized modifiers. Returns the name and its last word.
    fn personal_name(&self, src: &Range<usize>) -> Option<(String, String)> {
        let toks = &self.toks[src.clone()];
        let mut k = toks.len();
        let mut words = 0;
        while k > 0 {
            let t = &toks[k - 1];
            if name_word(t) {
                words += 1;
                k -= 1;
            } else if t.text == "-"
                && !t.space_before
                && k >= 2
                && k < toks.len()
                && !toks[k].space_before
                && name_word(&toks[k - 2])
            {
                k -= 1;
            } else {
                break;
            }
        }
        let run = &toks[k..];
        // The surname: the last word with any hyphenated part before it.
        let mut s = run.len();
        while s >= 2 && !run[s - 1].space_before && run[s - 2].text == "-" {
            s -= 2;
        }
        let surname_start = s.saturating_sub(1);
        let name_words = surname_start + 1;
        if !(2..=3).contains(&name_words) || words < 2 {
            return None;
        }
        let lowercase_before = toks[..k].iter().any(|t| {
            t.text.starts_with(char::is_lowercase) && !matches!(t.text, "of" | "the" | "and")
        });
        let (run_start, run_end) = (run[0].span.start, run[run.len() - 1].span.end);
        let known = self.mentions[self.first_at(run_start)..]
            .iter()
            .take_while(|m| m.start() < run_end)
            .any(|m| m.end() <= run_end);
        if lowercase_before || known {
            return None;
        }
        let name = self
            .text
            .get(run[0].span.start..run[run.len() - 1].span.end)?;
        let surname = self
            .text
            .get(run[surname_start].span.start..run[run.len() - 1].span.end)?;
        Some((name.to_string(), surname.to_string()))
    }

    /// Resolves `src` like [`Resolver::resolve`], and links names the
    /// gazetteer does not know across the document through `people`.
    pub fn resolve_people(
        &self,
        src: Range<usize>,
        content: Range<usize>,
        people: &mut Vec<Unknown>,
    ) -> Option<Party> {
        let resolved = self.resolve(src.clone(), content.clone());
        if src.is_empty() || src.end > self.toks.len() {
            return resolved;
        }
        let start = self.toks[src.start].span.start;
        let end = self.toks[src.end - 1].span.end;
        let recent = |people: &[Unknown]| {
            people
                .iter()
                .rev()
                .take(LOOKBACK_MENTIONS)
                .find(|p| {
                    p.end <= start && start - p.end <= LOOKBACK_BYTES && !content.contains(&p.end)
                })
                .cloned()
        };
        match resolved {
            Some(Party::Phrase(phrase)) => {
                if let Some((name, surname)) = self.personal_name(&src) {
                    people.push(Unknown {
                        end,
                        name: name.clone(),
                        surname,
                    });
                    return Some(Party::Phrase(name));
                }
                let known = people
                    .iter()
                    .rev()
                    .take(LOOKBACK_MENTIONS)
                    .find(|p| p.surname == phrase)
                    .map(|p| p.name.clone());
                Some(Party::Phrase(known.unwrap_or(phrase)))
            }
            other if src.len() == 1 && matches!(&*self.lw(src.start), "he" | "she") => {
                // The most recent person, known to the gazetteer or not.
                let named = self.named_in(&content);
                let known_end = self
                    .before(start)
                    .filter(|m| m.entity().is_some_and(|id| !named.contains(&id)))
                    .filter(|m| self.kind(m) == Some(EntityKind::Person))
                    .map(|m| m.end())
                    .next();
                match recent(people) {
                    Some(p) if known_end.is_none_or(|e| p.end > e) => Some(Party::Phrase(p.name)),
                    _ => other,
                }
            }
            other => other,
        }
    }

    /// Token `i` lowercased ([`str::to_lowercase`]).
    fn lw(&self, i: usize) -> Cow<'a, str> {
        // "he’s" (a pronoun with "is" contracted onto it) is "he".
        if let Some(n) = self.ctx.contracted_pronoun(i) {
            return Cow::Owned(self.toks[i].text[..n].to_lowercase());
        }
        match self.ctx.exact_lower(i) {
            Some(w) => Cow::Borrowed(w),
            None => Cow::Owned(self.toks[i].text.to_lowercase()),
        }
    }

    fn entity_speaker(&self, m: &Mention) -> Option<Party> {
        self.entities?.party(m.entity()?)
    }

    fn kind(&self, m: &Mention) -> Option<EntityKind> {
        Some(self.entities?.kind(m.entity()?))
    }

    fn gender(&self, m: &Mention) -> Option<Gender> {
        let name = match (self.entities, m.entity()) {
            (Some(g), Some(id)) => g.name(id),
            _ => self.text.get(m.span()).unwrap_or(""),
        };
        newsnlp_gazetteer::gender(self.text, m, name)
    }

    /// The entities the mentions inside `content` (bytes) name, at most a
    /// few.
    fn named_in(&self, content: &Range<usize>) -> Vec<EntityId> {
        let lo = self.first_at(content.start);
        self.mentions[lo..]
            .iter()
            .take_while(|m| m.start() < content.end)
            .filter(|m| m.end() <= content.end)
            .filter_map(|m| m.entity())
            .take(LOOKBACK_MENTIONS)
            .collect()
    }

    /// Index of the first mention starting at or after `byte`.
    fn first_at(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s < byte)
    }

    /// Mentions ending before `byte`, nearest first, within the caps.
    fn before(&self, byte: usize) -> impl Iterator<Item = &Mention> + '_ {
        let i = self.first_at(byte);
        self.mentions[..i]
            .iter()
            .rev()
            .take(LOOKBACK_MENTIONS)
            .copied()
            .filter(move |m| m.end() <= byte)
            .take_while(move |m| byte - m.end() <= LOOKBACK_BYTES)
    }

    /// For "he" or "she" opening a sentence at token `i`: the person named
    /// first among the opening [`SUBJECT_POSITION`] tokens of the sentence
    /// before, outside quotation marks, when `fits` takes it. A pronoun
    /// that opens a sentence continues the subject before it more often
    /// than a name in a later clause ("Kettering manager Graham Tully was
    /// furious …, insisting that Nakamura had pushed … He criticized the
    /// referee").
    fn previous_subject(
        &self,
        i: usize,
        opens: bool,
        fits: &dyn Fn(&Mention) -> bool,
    ) -> Option<Party> {
        if !opens && !self.ctx.sentence_initial(i) {
            return None;
        }
        let start = self.ctx.sentence_range(i).start;
        let prev = self.ctx.sentence_range(start.checked_sub(1)?);
        if prev.end > start || prev.is_empty() {
            return None;
        }
        let last = (prev.start + SUBJECT_POSITION).min(prev.end) - 1;
        let (lo, hi) = (self.toks[prev.start].span.start, self.toks[last].span.end);
        let people: Vec<&Mention> = self.mentions[self.first_at(lo)..]
            .iter()
            .take_while(|m| m.start() < hi)
            .filter(|m| {
                // The mention starts within the tokens `prev.start..=last`
                // (spans in order): the token holding its start is found
                // among them.
                let k = prev.start
                    + self.toks[prev.start..=last].partition_point(|t| t.span.end <= m.start());
                self.ctx.quote_of(k).is_none() && self.kind(m) == Some(EntityKind::Person)
            })
            .copied()
            .collect();
        // "Halvorsen campaign director Ada Lind": a name that
        // modifies a title before another person's name is not the
        // subject; the name after its words is.
        let modifier = |m: &Mention, next: &Mention| {
            let between = self.text.get(m.end()..next.start()).unwrap_or(",");
            let last = between.split_whitespace().last().unwrap_or_default();
            let titled = last.starts_with(char::is_uppercase)
                || Classes::of(&last.to_lowercase()).intersects(
                    lx::TITLES
                        | lx::MALE_TITLES
                        | lx::FEMALE_TITLES
                        | WordClass::DescriptorHeads.set(),
                );
            (1..=MODIFIER_WORDS).contains(&between.split_whitespace().count())
                && titled
                && !between.contains([',', ';', ':', '"', '“', '”'])
        };
        let subject = people
            .iter()
            .enumerate()
            .find(|(n, m)| {
                people.get(n + 1).is_none_or(|next| !modifier(m, next))
                    && !self.possessor_in_apposition(m)
            })
            .map(|(_, m)| *m)?;
        Some(subject)
            .filter(|m| fits(m))
            .and_then(|m| self.entity_speaker(m))
    }

    /// The person "he" or "she" (`w`, the source `src` at `bytes`) stands
    /// for, given the quote's `content` bytes: the subject of the sentence
    /// before when the pronoun opens its sentence or follows a content
    /// that does ("C, he said"), else the last person of that gender.
    fn personal_pronoun(
        &self,
        w: &str,
        src: &Range<usize>,
        bytes: &Range<usize>,
        content: &Range<usize>,
    ) -> Option<Party> {
        let want = if w == "he" {
            Gender::Male
        } else {
            Gender::Female
        };
        // Not a person the quote itself names: "“Tully was entitled to his
        // opinion,” he said" is not Tully's.
        let named = self.named_in(content);
        let fits = |m: &Mention| {
            m.entity().is_some_and(|id| !named.contains(&id))
                && self.kind(m) == Some(EntityKind::Person)
                && self.gender(m).is_none_or(|g| g == want)
        };
        // "C, he said": a content that opens the sentence leaves the
        // pronoun as its subject would be.
        let opens = content.end <= bytes.start && {
            let first = self.ctx.sentence_range(src.start).start;
            self.toks
                .get(first..src.start)
                .and_then(|t| t.iter().find(|t| t.kind == TokenKind::Word))
                .is_some_and(|t| t.span.start >= content.start)
        };
        if let Some(s) = self.previous_subject(src.start, opens, &fits) {
            return Some(s);
        }
        self.before(bytes.start)
            .find(|m| fits(m) && !self.possessor_in_apposition(m))
            .and_then(|m| self.entity_speaker(m))
    }

    /// Whether mention `m` owns a description in apposition to another
    /// person, and so is not who that sentence is about: "Abigail's
    /// mother, Colleen Maclaren, said", "Arturo Benavides, Mateo's uncle,
    /// was": its possessive and one to three lowercase words end at a
    /// comma, with a person's name right after it or right before the
    /// mention.
    fn possessor_in_apposition(&self, m: &Mention) -> bool {
        let after = self.text.get(m.end()..).unwrap_or_default();
        let Some(rest) = after
            .strip_prefix("'s ")
            .or_else(|| after.strip_prefix("’s "))
        else {
            return false;
        };
        let Some(comma) = rest.find(',') else {
            return false;
        };
        let words = rest[..comma].split_whitespace();
        let described = (1..=3).contains(&words.clone().count())
            && words
                .clone()
                .all(|w| w.chars().all(|c| c.is_lowercase() || c == '-'));
        if !described {
            return false;
        }
        let comma_at = m.end() + after.len() - rest.len() + comma;
        let person_at = |at: usize| {
            self.mentions
                .iter()
                .any(|o| o.start() == at && self.kind(o) == Some(EntityKind::Person))
        };
        let next = self.text[comma_at + 1..].len() - self.text[comma_at + 1..].trim_start().len();
        let before = self.text[..m.start()].trim_end();
        let person_before = before.ends_with(',') && {
            let end = before.len() - 1;
            self.mentions
                .iter()
                .any(|o| o.end() == end && self.kind(o) == Some(EntityKind::Person))
        };
        person_at(comma_at + 1 + next) || person_before
    }

    /// The author of what a party wrote or said, the head at token `head`
    /// of the source `src`: the entity whose possessive stands right before
    /// it or one word before it ("Donald Trump’s tweet", "the ministry's
    /// latest statement").
    fn author_of(&self, src: &Range<usize>, head: usize) -> Option<Party> {
        let owner = (head.saturating_sub(2).max(src.start)..head).find(|&k| {
            let w = self.toks[k].text;
            w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
        })?;
        let span = &self.toks[owner].span;
        let lo = self.first_at(self.toks[src.start].span.start);
        self.mentions[lo..]
            .iter()
            .take_while(|m| m.start() < span.end)
            .find(|m| m.end() > span.start && m.end() <= span.end)
            .and_then(|m| self.entity_speaker(m))
    }

    /// "a statement from the Hadley Police Department", "figures released
    /// by the ministry", "a survey by Gallup": a document's issuer named
    /// after "from" or "by" within the source's first phrase (which ends
    /// at token `end`) speaks, when a document or evidence word heads the
    /// phrase before it.
    fn issuer_of(&self, src: &Range<usize>, end: usize) -> Option<Party> {
        let prep = (src.start + 1..end)
            .take(4)
            .find(|&k| matches!(&*self.lw(k), "from" | "by"))?;
        let documents = lx::AUTHORED_HEADS.union(lx::EVIDENCE_SOURCES);
        let document = (src.start..prep).any(|k| Classes::of(&self.lw(k)).intersects(documents));
        if !document {
            return None;
        }
        let after = self.toks[prep].span.end;
        let until = self.toks[end - 1].span.end;
        let lo = self.first_at(after);
        self.mentions[lo..]
            .iter()
            .take_while(|m| m.start() < until)
            .find(|m| m.end() <= until)
            .and_then(|m| self.entity_speaker(m))
    }

    /// "Analysts at Ridge Bank said C, though they warned C2": "they" is
    /// the plural source of an earlier attribution in its sentence (each
    /// of `earlier` a source and its speaker), not the organization named
    /// last.
    pub fn plural_before<'s>(
        &self,
        src: &Range<usize>,
        earlier: impl Iterator<Item = (Option<Range<usize>>, &'s Option<Party>)>,
    ) -> Option<Party> {
        if src.len() != 1 || &*self.lw(src.start) != "they" {
            return None;
        }
        let sentence = self.ctx.sentence_range(src.start);
        let plural_head = |r: &Range<usize>| {
            let end = (r.start + 1..r.end)
                .find(|&k| {
                    self.toks[k].text == ","
                        || Classes::of(&self.lw(k)).intersects(lx::PREPOSITIONS)
                })
                .unwrap_or(r.end);
            Classes::of(&self.lw(end - 1)).intersects(lx::PLURAL_SOURCES)
        };
        earlier
            .filter_map(|(r, sp)| Some((r?, sp.as_ref()?)))
            .filter(|(r, _)| r.start >= sentence.start && r.end <= src.start && plural_head(r))
            .last()
            .map(|(_, sp)| sp.clone())
    }

    /// The speaker of the source tokens `src` of a quote whose content is
    /// the bytes `content` (a pronoun is no person the content names).
    pub fn resolve(&self, src: Range<usize>, content: Range<usize>) -> Option<Party> {
        if src.is_empty() || src.end > self.toks.len() {
            return None;
        }
        let bytes = self.ctx.bytes(&src);
        let phrase = self.text.get(bytes.clone())?;
        if src.len() == 1 {
            let w = self.lw(src.start);
            match &*w {
                "i" | "we" => {
                    return Some(Party::Author {
                        name: self.byline.clone(),
                    });
                }
                "he" | "she" => return self.personal_pronoun(&w, &src, &bytes, &content),
                "they" => {
                    return self
                        .before(bytes.start)
                        .take_while(|m| bytes.start - m.end() <= GROUP_PRONOUN_BYTES)
                        .find(|m| {
                            matches!(
                                self.kind(m),
                                Some(EntityKind::Organization | EntityKind::Group)
                            )
                        })
                        .and_then(|m| self.entity_speaker(m))
                        .or_else(|| Some(Party::Phrase(phrase.to_string())));
                }
                "who" | "which" | "that" => return self.relative_antecedent(&w, bytes.start),
                "it" => {
                    // "…, it said": the organization named last, nearby
                    // ("The company … it said" after "Harrow & Finch").
                    return self
                        .before(bytes.start)
                        .take_while(|m| bytes.start - m.end() <= GROUP_PRONOUN_BYTES)
                        .find(|m| self.kind(m) == Some(EntityKind::Organization))
                        .and_then(|m| self.entity_speaker(m));
                }
                "you" => return None,
                _ => {}
            }
        }
        // The head ends the first phrase: before an appositive or a
        // relative clause ("Jane Roe, who has led in most polls").
        let first_end = (src.start + 1..src.end)
            .find(|&k| {
                self.toks[k].text == "," || matches!(&*self.lw(k), "who" | "which" | "whose")
            })
            .unwrap_or(src.end);
        let head = self.lw(first_end - 1);
        if Classes::of(&head).intersects(lx::PLURAL_SOURCES) {
            return Some(Party::Phrase(phrase.to_string()));
        }
        if Classes::of(&head).intersects(lx::AUTHORED_HEADS)
            && let Some(author) = self.author_of(&src, first_end - 1)
        {
            return Some(author);
        }
        if let Some(author) = self.issuer_of(&src, first_end) {
            return Some(author);
        }
        // A mention that is the head of the source.
        let lo = self.first_at(bytes.start);
        let inside = || {
            self.mentions[lo..]
                .iter()
                .take_while(|m| m.start() < bytes.end)
                .copied()
                .filter(|m| m.end() <= bytes.end)
        };
        for m in inside() {
            if self.is_head(m, &src) {
                if let Some(s) = self.entity_speaker(m) {
                    return Some(s);
                }
                // An ambiguous or unknown-gazetteer mention: the name as written.
                return Some(Party::Phrase(self.text.get(m.span())?.to_string()));
            }
        }
        // "the Hungarian leader": the person the entity table linked it to.
        if inside().next().is_none()
            && let Some(s) = self.entities.and_then(|e| e.descriptor(bytes.clone()))
        {
            return Some(s);
        }
        // "the union": the organization named before whose name ends so.
        if inside().next().is_none()
            && self.lw(src.start) == "the"
            && let Some(s) = self
                .entities
                .and_then(|e| e.business_by_noun(&head, bytes.start))
        {
            return Some(s);
        }
        // "the secretary": the person who holds that title here.
        if inside().next().is_none()
            && self.lw(src.start) == "the"
            && Classes::of(&head).intersects(lx::TITLES)
            && let Some(s) = self.by_title(&head, bytes.start)
        {
            return Some(s);
        }
        Some(Party::Phrase(head_phrase(phrase).to_string()))
    }

    /// Who a relative pronoun `w` starting at byte `at` stands for: the
    /// mention right before it; for "who", a person just before the place
    /// that ends their description ("John Doe of New Mexico, who wrote").
    fn relative_antecedent(&self, w: &str, at: usize) -> Option<Party> {
        let person = (w == "who")
            .then(|| {
                self.before(at)
                    .take_while(|m| at - m.end() <= WHO_PERSON_BYTES)
                    .take(2)
                    .find(|m| self.kind(m) == Some(EntityKind::Person))
            })
            .flatten();
        person
            .or_else(|| self.before(at).next().filter(|m| at - m.end() <= 4))
            .and_then(|m| self.entity_speaker(m))
    }

    /// Whether mention `m` heads the source `src`: no preposition before
    /// it ("a spokesman for Acme", "the president of Acme"; a title's "of"
    /// is no preposition: "Secretary of Defense James Mattis"), and after it
    /// nothing, an appositive (", a strategist"), a party and state
    /// ("Rep. Gwen Moore (D-Wis.)") or, for a person, a home place
    /// ("Sen. Jane Roe of Ohio, an ally of …"); not a possessor
    /// ("Trump's").
    fn is_head(&self, m: &Mention, src: &Range<usize>) -> bool {
        let toks = &self.toks[src.clone()];
        // A preposition before the mention, unless a comma after it opens
        // an appositive that the mention heads ("The leader of the
        // campaign, former commissioner Dale Whitcomb").
        let mut after_prep = false;
        for (k, t) in toks.iter().enumerate() {
            if t.span.end <= m.start() {
                let w = self.lw(src.start + k);
                if t.kind == TokenKind::Punctuation && t.text == "," && k + 1 < toks.len() {
                    let next = &*self.lw(src.start + k + 1);
                    if next != "of" {
                        after_prep = false;
                    }
                    continue;
                }
                // "of" or "for" after a lowercase noun ("the president of
                // Acme", "a lawyer for Acme"), not inside a title
                // ("Secretary of Defense James Mattis", "Secretary of State
                // for Energy Nuno Albergaria").
                // Or after a comma: a hometown ("Jane Doe, of Dayton,").
                let of_noun = matches!(&*w, "of" | "for")
                    && k > 0
                    && ((toks[k - 1].kind == TokenKind::Word
                        && !toks[k - 1].text.starts_with(char::is_uppercase))
                        || toks[k - 1].text == ",");
                if of_noun
                    || matches!(
                        &*w,
                        "at" | "from" | "with" | "to" | "in" | "on" | "by" | "about"
                    )
                {
                    after_prep = true;
                }
            } else if t.span.start < m.end() && t.span.end > m.end() {
                // A token that runs past the mention ("Trump's"): the
                // mention is a possessor, not the head.
                return false;
            }
        }
        if after_prep {
            return false;
        }
        let Some(mut k) = toks.iter().position(|t| t.span.start >= m.end()) else {
            return true;
        };
        let is = |k: usize, s: &str| toks.get(k).is_some_and(|t| t.text == s);
        if is(k, "(") {
            // A party and state: "(D-Wis.)", "(R-S.C.)".
            match (k + 1..toks.len().min(k + PARENTHETICAL)).find(|&j| is(j, ")")) {
                Some(close) => k = close + 1,
                None => return false,
            }
        } else if self.lw(src.start + k) == "of" && self.kind(m) == Some(EntityKind::Person) {
            // A home place or an affiliation: "of Wyoming", "of New
            // Mexico", "of the group Digital Rights Watch".
            k += 1;
            let capital = |k: usize| {
                toks.get(k).is_some_and(|t| {
                    t.kind == TokenKind::Word && t.text.starts_with(char::is_uppercase)
                })
            };
            if self.lw(src.start + k) == "the" {
                let mut j = k + 1;
                while j < k + 4
                    && toks
                        .get(j)
                        .is_some_and(|t| t.kind == TokenKind::Word && !capital(j))
                {
                    j += 1;
                }
                if capital(j) {
                    k = j;
                }
            }
            // "of the University of Ghana": lowercase joiners inside.
            while capital(k)
                || (k > 0
                    && capital(k - 1)
                    && capital(k + 1)
                    && matches!(self.lw(src.start + k).as_ref(), "of" | "and" | "for"))
            {
                k += 1;
            }
        }
        // "The Unite union": an organization's name before the word for
        // what it is.
        if self.kind(m) == Some(EntityKind::Organization)
            && toks.get(k).is_some_and(|t| {
                t.kind == TokenKind::Word
                    && !t.text.starts_with(char::is_uppercase)
                    && Classes::of(&self.lw(src.start + k)).contains(WordClass::PartyNouns)
            })
        {
            k += 1;
        }
        toks.get(k)
            .is_none_or(|t| t.kind == TokenKind::Punctuation && t.text == ",")
    }

    fn by_title(&self, head: &str, byte: usize) -> Option<Party> {
        let entities = self.entities?;
        self.before(byte)
            .filter(|m| self.kind(m) == Some(EntityKind::Person))
            .find(|m| {
                let in_text = m
                    .title()
                    .and_then(|r| self.text.get(r))
                    .is_some_and(|t| has_word(t, head));
                in_text
                    || m.entity()
                        .is_some_and(|id| entities.has_title_word(id, head))
            })
            .and_then(|m| self.entity_speaker(m))
    }
}

/// The speaker of a source phrase no layer knows: the name before its
/// appositives ("Elmer Hutto, of Greenville, Miss." -> "Elmer Hutto"),
/// or after a descriptor ("A lawyer for the outlets, David Schulz",
/// "Indonesia's chief negotiator, Rahmat Sulaiman"), else the phrase.
fn head_phrase(phrase: &str) -> &str {
    match phrase.split_once(", ") {
        Some((h, rest)) if h.starts_with(char::is_uppercase) => {
            let name = rest.split(", ").next().unwrap_or(rest);
            let first_word = |s: &str| s.split(' ').next().unwrap_or("").to_lowercase();
            let first = first_word(h);
            // "A lawyer for …", "Indonesia's chief negotiator".
            let descriptor = Classes::of(&first).intersects(lx::DETERMINERS)
                || first.ends_with("'s")
                || first.ends_with("’s");
            if descriptor
                && name.starts_with(char::is_uppercase)
                && !Classes::of(&first_word(name)).intersects(lx::DETERMINERS)
            {
                name
            } else {
                h
            }
        }
        _ => phrase,
    }
}
