//! Linking within a document: [`Gazetteer::find_in_document`].
//!
//! One pass finds the mentions as [`Gazetteer::find`] does, but lets a
//! document surname ("May", "Jordan": a common word or another entity's
//! name) count once its person was named in full, and records where each
//! entity was first named in full. Then a bare surname right after an
//! unknown given name ("Khizr Khan") is dropped (`given_name`), and each
//! ambiguous mention goes to the one candidate the document named in full
//! earlier, or failing that anywhere ([`Resolution::Document`]).
//!
//! ```
//! use newsnlp_gazetteer::{Gazetteer, Resolution};
//!
//! let gaz = Gazetteer::default();
//! let text = "Bill Clinton spoke. Later Clinton left.";
//! let ms = gaz.find_in_document(text);
//! assert_eq!(ms[1].entity(), gaz.entity_by_name("Bill Clinton"));
//! assert_eq!(ms[1].resolution(), Resolution::Document);
//! ```

use newsnlp_text::hash::FastMap;

use crate::gazetteer::{Gazetteer, Tier};
use crate::mention::{EntityId, Mention, Resolution};

/// Where each entity was first named in full (canonical name or listed
/// alias), by entity id.
type FirstFull = FastMap<usize, usize>;

impl Gazetteer {
    /// Mentions in one document, linked: [`Gazetteer::find`], then
    ///
    /// 1. a person's surname that is a common word or another entity's name
    ///    ("May", "Jordan") counts only after the full name appeared earlier
    ///    in the document;
    /// 2. a mention several entities claim goes to the one the title before
    ///    it belongs to; else to the one named in full earlier in the
    ///    document (if exactly one was); else, if none was, to the one
    ///    named in full later (if exactly one is); else priority decides as
    ///    in `find`, or the mention stays ambiguous with its candidates
    ///    ([`Resolution::Ambiguous`]).
    ///
    /// Cost is linear in the text and the number of mentions.
    ///
    /// ```
    /// use newsnlp_gazetteer::{Gazetteer, Resolution};
    /// let gaz = Gazetteer::default();
    /// let text = "Hillary Clinton spoke. Clinton said no.";
    /// let ms = gaz.find_in_document(text);
    /// assert_eq!(ms[1].span(), 23..30);
    /// assert_eq!(ms[1].entity(), gaz.entity_by_name("Hillary Clinton"));
    /// assert_eq!(ms[1].resolution(), Resolution::Document);
    /// ```
    pub fn find_in_document(&self, text: &str) -> Vec<Mention> {
        let (mut out, first_full) = self.scan_document(text);
        // A bare surname after a given name the gazetteer does not know
        // ("Khizr Khan") is someone else.
        let preceders = self.name_preceders();
        out.retain(|m| {
            self.aliases[m.alias.index()].tier < Tier::Surname
                || !crate::given_name::unknown_given_name_before(text, m.span.start, preceders)
        });
        for m in &mut out {
            self.link(text, m, &first_full);
        }
        out
    }

    /// The mentions of `text` left to right, document surnames counted once
    /// their person was named in full, and where each entity was first
    /// named in full.
    fn scan_document(&self, text: &str) -> (Vec<Mention>, FirstFull) {
        let mut first_full = FirstFull::default();
        let mut out: Vec<Mention> = Vec::new();
        let mut pos = 0;
        let mut cands = Vec::new();
        loop {
            let found = {
                let seen = &first_full;
                let accept = |a: u32| {
                    let r = &self.aliases[a as usize];
                    r.tier != Tier::DocSurname || seen.contains_key(&(r.entity as usize))
                };
                self.next_start(text, pos, &accept, false, &mut cands)
                    .map(|start| self.mention(text, start, cands[0], &accept))
            };
            let Some(m) = found else { break };
            pos = m.span.end;
            if let Some(e) = m.entity {
                let tier = self.aliases[m.alias.index()].tier;
                if tier <= Tier::Alias {
                    first_full.entry(e.index()).or_insert(m.span.start);
                }
            }
            out.push(m);
        }
        (out, first_full)
    }

    /// Links an ambiguous mention `m` to the one candidate the document
    /// named in full earlier (or, failing that, anywhere), if exactly one.
    fn link(&self, text: &str, m: &mut Mention, first_full: &FirstFull) {
        if m.candidates().len() < 2 || m.resolution == Resolution::Title {
            return;
        }
        let named = |pred: &dyn Fn(usize) -> bool| -> Vec<EntityId> {
            m.candidates()
                .iter()
                .copied()
                .filter(|e| first_full.get(&e.index()).is_some_and(|&p| pred(p)))
                .collect()
        };
        let start = m.span.start;
        let earlier = named(&|p| p < start);
        let chosen = match earlier.len() {
            1 => Some(earlier[0]),
            0 => {
                let anywhere = named(&|_| true);
                (anywhere.len() == 1).then(|| anywhere[0])
            }
            _ => None,
        };
        if let Some(e) = chosen
            && let Some(alias) = m.alias_of(e)
        {
            m.entity = Some(e);
            m.alias = alias;
            m.resolution = Resolution::Document;
            if m.title.is_none() {
                m.title = self.title_before(text, start, e.0);
            }
        }
    }
}
