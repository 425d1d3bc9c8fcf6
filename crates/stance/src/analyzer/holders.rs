//! Who a rule's subject is: the speaker of the quote whose cue the verb
//! is, the last entity mentioned in the subject, a pronoun resolved ("I" in
//! a direct quote is its speaker; "he" is the most recent person mentioned;
//! "they" the most recent group), or the phrase as written ("Both sides
//! welcomed the deal": the holder is "Both sides").

use std::ops::Range;

use newsnlp_gazetteer::{EntityKind, Mention, Party};
use newsnlp_quotes::QuoteKind;

use super::classes::PRONOUNS;
use super::doc::Doc;

/// How many mentions and bytes a pronoun looks back over.
const PRONOUN_MENTIONS: usize = 40;
const PRONOUN_BYTES: usize = 3000;

impl Doc<'_, '_> {
    pub(super) fn author(&self) -> Party {
        Party::Author {
            name: self.byline.clone(),
        }
    }

    pub(super) fn entity_holder(&self, m: &Mention) -> Option<Party> {
        self.entities.party(m.entity()?)
    }

    /// Whether mention `m` names `party` (an entity, listed or not).
    pub(super) fn is_party(&self, party: &Party, m: &Mention) -> bool {
        match (party, m.entity()) {
            (Party::Entity { name, .. }, Some(id)) => self.entities.name(id) == name,
            _ => false,
        }
    }

    /// The most recent mention before `pos` whose kind fits.
    fn recent(&self, pos: usize, fits: impl Fn(EntityKind) -> bool) -> Option<Party> {
        let end = self.mentions.partition_point(|m| m.start() < pos);
        self.mentions[..end]
            .iter()
            .rev()
            .take(PRONOUN_MENTIONS)
            .take_while(|m| pos - m.start() <= PRONOUN_BYTES)
            .find(|m| m.entity().is_some_and(|id| fits(self.entities.kind(id))))
            .and_then(|m| self.entity_holder(m))
    }

    /// Who the subject noun phrase `np` of the verb at token `verb` is.
    pub(super) fn resolve_subject(&self, np: &Range<usize>, verb: usize) -> Option<Party> {
        let toks = self.doc.tokens();
        if let Some(&qi) = toks.get(verb).and_then(|t| self.by_cue.get(&t.span.start))
            && let Some(sp) = &self.quotes[qi].speaker
        {
            return Some(sp.clone());
        }
        let span = self.span(np);
        if let Some(m) = self.mentions_in(&span).last() {
            return self.entity_holder(m);
        }
        if np.len() == 1 {
            let w = self.word(np.start)?;
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
                        self.recent(span.start, |k| k != EntityKind::Person)
                    } else {
                        self.recent(span.start, |k| k == EntityKind::Person)
                    }
                }
                _ if PRONOUNS.contains(&w) => None,
                _ => Some(Party::Phrase(self.text[span].to_string())),
            };
        }
        if np.len() <= 6 {
            return Some(Party::Phrase(self.text[span].to_string()));
        }
        None
    }
}
