//! Session 12: organizations named beside their people and their owners.
//! A run before a staff role and a name is that person's organization
//! ("Brellco spokeswoman Alina Torvik", "Varnex CEO Dana Rolfsen": two
//! names); a plural owner inside a name whose head comes a few words
//! later keeps the name whole ("the Miners' Welfare Fund", "the
//! Trawlermen's Organisations": a head in the plural after a plural
//! owner).

use std::cell::Cell;
use std::ops::Range;

use newsnlp_text::table::Flags;

use super::{FUNCTION, Scan};
use crate::lexicon::Cues;
use crate::shape::{all_caps, demonym, possessive_of};

/// The most lowercase words between an organization and its staff role
/// ("chief executive", "general secretary").
const ROLE_WORDS: usize = 2;

/// The most capitalized words of an organization before its staff role
/// ("Tarnow Institute for Health director"; "Kestrel Daily News Foreign
/// Desk editor" holds part of the role).
const MAX_WORDS: usize = 3;

/// How far from a sentence's first word [`Scan::named_elsewhere`] looks
/// for its other mentions, in tokens either way.
const ELSEWHERE: usize = 4000;

/// The tokens [`Scan::named_elsewhere`] may walk in a document beyond its
/// length (a short document's few walks of a whole window).
const ELSEWHERE_SPARE: usize = 8 * ELSEWHERE;

/// The tokens [`Scan::named_elsewhere`] may still walk in a document: its
/// length and [`ELSEWHERE_SPARE`] in all, so that hostile text with a
/// role after every sentence's first word stays linear.
pub(super) struct WalkBudget(Cell<usize>);

impl WalkBudget {
    /// The budget of a document of `n` tokens.
    pub(super) fn new(n: usize) -> WalkBudget {
        WalkBudget(Cell::new(n.saturating_add(ELSEWHERE_SPARE)))
    }

    /// Takes `k` tokens from the budget; `false` (and nothing taken) when
    /// fewer are left.
    fn take(&self, k: usize) -> bool {
        let left = self.0.get();
        if left < k {
            return false;
        }
        self.0.set(left - k);
        true
    }
}

/// The most capitalized words between a plural owner and the head that
/// ends its name ("Women's Rights Forum", "Miners' Welfare Fund").
const OWNED_WORDS: usize = 3;

impl Scan<'_, '_> {
    /// Whether the run `name` (started at `start`) is the organization of
    /// a person named after it with their role: a staff role (`[staff]`
    /// of `data/org_heads.txt`), after at most [`ROLE_WORDS`] lowercase
    /// words, then a capitalized word (after a comma too: "the Brellco
    /// spokeswoman, Alina Torvik,"). The run holds no listed word (a
    /// title, a given name, a place or a word that is no name), no
    /// demonym ("Norwegian") and no possessive ("Smith's plan"); inside a
    /// sentence, or opening it in an organization's shape (an acronym of
    /// three letters or more, a capital inside the word: "KVTA chief",
    /// "RadioMaxx host"), since a sentence's first word before a role is
    /// an adjective as often ("Veteran campaigner", "Climate
    /// campaigner").
    pub(super) fn staff_of(&self, start: usize, name: &Range<usize>) -> bool {
        let (s, e) = (name.start, name.end);
        // The role first: most runs have none after them, and the
        // document walk of `named_elsewhere` runs for the few that do.
        let article = e == s + 1
            && start == s
            && s.checked_sub(1)
                .is_some_and(|b| matches!(self.table.lower(b), "a" | "an" | "the"));
        if !self.staff_role_after(e, article) {
            return false;
        }
        let listed = Cues::TITLE
            | Cues::TITLE_PART
            | Cues::ROLE
            | Cues::GIVEN
            | Cues::NOT_NAME
            | Cues::PLACE_HEAD
            | Cues::PLACE_START
            | Cues::PLACE_NAME
            | Cues::EVENT
            | Cues::STAFF;
        let words = (s..e).filter(|&t| self.flags_capitalized(t)).count();
        // A lone head is a common noun ("Committee Chairman Jo Hale").
        let lone_head = e == s + 1 && self.cues(s).contains(Cues::ORG_HEAD);
        if (s..e).any(|t| self.cues(t).intersects(listed))
            || words > MAX_WORDS
            || lone_head
            || possessive_of(self.table, e - 1) > 0
            || demonym(self.table.token(e - 1))
        {
            return false;
        }
        !self.first_word(start)
            || (s..e).any(|t| self.org_shape(t))
            || e == s + 1 && self.named_elsewhere(s)
    }

    /// Whether token `i` is the first word of its sentence: only marks
    /// before it ("~ Veteran campaigner", "“Climate campaigner").
    fn first_word(&self, i: usize) -> bool {
        let mut t = i;
        while !self.table.opens_sentence(t) {
            t -= 1;
            if self.table.flags(t).contains(Flags::WORDLIKE) {
                return false;
            }
        }
        true
    }

    /// Whether the word of token `s` (opening its sentence) is a name by
    /// the rest of the document, within [`ELSEWHERE`] tokens: capitalized
    /// inside a sentence somewhere, lowercase nowhere ("Kelbrix" is
    /// named mid-sentence too; "climate" is written in lowercase, and
    /// "Veteran" opens sentences only).
    fn named_elsewhere(&self, s: usize) -> bool {
        let Some(key) = self.table.key(s) else {
            return false;
        };
        let from = s.saturating_sub(ELSEWHERE);
        let to = (s + ELSEWHERE).min(self.table.len());
        if !self.elsewhere_budget.take(to - from) {
            return false;
        }
        let mut inside = false;
        for t in from..to {
            if t == s || self.table.key(t) != Some(key) {
                continue;
            }
            let f = self.table.flags(t);
            if !f.contains(Flags::CAPITALIZED) {
                return false;
            }
            inside |= !self.first_word(t) && !self.line_start(t);
        }
        inside
    }

    /// Whether token `t` is shaped as an organization's word: an acronym
    /// of three letters or more, or a capital after lowercase letters
    /// inside it ("RadioMaxx"; not "McVarn", "MacOrrin", "DeLuvo").
    fn org_shape(&self, t: usize) -> bool {
        let token = self.table.token(t);
        if all_caps(token) {
            return token.chars().filter(|c| c.is_alphabetic()).count() >= 3;
        }
        let rest = ["Mc", "Mac", "De", "Di", "La", "Le", "Van", "Von"]
            .iter()
            .find_map(|p| token.strip_prefix(p))
            .unwrap_or(token);
        let mut chars = rest.chars().skip(1);
        chars.any(char::is_uppercase)
    }

    /// Whether a staff role and a capitalized word come right after the
    /// run that ends at `e`, in its sentence: one to [`ROLE_WORDS`] + 1
    /// words, lowercase but for a title ("CEO", "President"), the last a
    /// staff role. A lone word after an article needs no name after a
    /// role right after it ("a Brellco spokeswoman said": `article`; not
    /// "a Hale education secretary", a politician's).
    fn staff_role_after(&self, e: usize, article: bool) -> bool {
        let n = self.table.len();
        let sentence = self.table.sentence(e.saturating_sub(1));
        let mut r = e;
        let mut staff = false;
        while r < n && r <= e + ROLE_WORDS && self.table.sentence(r) == sentence {
            let f = self.table.flags(r);
            let cues = self.cues(r);
            // A modifier of the role: a lowercase word, no closed-class
            // one ("chief", "general", "former"); a campaign's staff
            // are a candidate's ("said Hale campaign manager Jo Lind").
            let word = f.contains(Flags::WORDLIKE)
                && !f.contains(Flags::LINE_BREAK)
                && !self.table.classes(r).intersects(FUNCTION)
                && self.table.lower(r) != "campaign";
            let lower = !f.contains(Flags::CAPITALIZED);
            // A title right after the run: "Varnex CEO Dana Rolfsen".
            let title = r == e && cues.contains(Cues::STAFF);
            if !word || !(lower || title) {
                break;
            }
            staff = cues.contains(Cues::STAFF);
            r += 1;
            if !lower {
                break;
            }
        }
        if !staff {
            return false;
        }
        if article && r == e + 1 && !self.table.flags(e).contains(Flags::CAPITALIZED) {
            return true;
        }
        if self.table.token(r) == "," {
            r += 1;
        }
        r < n && self.table.sentence(r) == sentence && self.cap_word(r)
    }

    /// Whether the word keyed `first` at token `s` opened an organization
    /// named earlier ("Kestrel" of "Kestrel Observer"), not after a place
    /// cue: "in Kestrel" is the city the newspaper is named after (but
    /// "in Kestrel's case", "in Kestrel-led talks" are the company's).
    pub(super) fn org_first(&self, first: (u64, u64), s: usize) -> bool {
        let cue = s
            .checked_sub(1)
            .is_some_and(|b| !self.flags_capitalized(b) && self.cues(b).contains(Cues::PLACE_CUE));
        let whole = possessive_of(self.table, s) == 0
            && !matches!(self.table.token(s + 1), "-" | "'" | "’");
        !(cue && whole) && self.earlier.org_firsts.contains(&first)
    }

    /// Whether the plural owner at `owner` starts a name whose head comes
    /// at `h` or a few words later ([`Scan::owned_head`]); not a group
    /// of people that is no name ("the Democrats' Senate majority"),
    /// unless it heads one itself ("Workers").
    pub(super) fn owned_later(
        &self,
        owner: usize,
        h: usize,
        joins: impl Fn(usize) -> bool,
    ) -> bool {
        let c = self.word_cues(owner);
        (!c.contains(Cues::NOT_NAME) || c.contains(Cues::ORG_HEAD)) && self.owned_head(h, joins)
    }

    /// Whether the plural owner before token `h` starts a name its head
    /// ends within [`OWNED_WORDS`] capitalized words ("Women's | Rights
    /// Forum", "Miners' | Welfare Fund", "Trawlermen's | Organisations":
    /// a head in the plural too), every word joined to the run.
    pub(super) fn owned_head(&self, h: usize, joins: impl Fn(usize) -> bool) -> bool {
        let mut t = h;
        while t < h + OWNED_WORDS && joins(t) && self.cap_word(t) {
            if self.cues(t).contains(Cues::ORG_HEAD) || self.plural_head(t) {
                return true;
            }
            if possessive_of(self.table, t) > 0 {
                return false;
            }
            t += 1;
        }
        false
    }

    /// Whether token `t` is an organization head in the plural
    /// ("Organisations", "Unions", "Societies").
    fn plural_head(&self, t: usize) -> bool {
        let lower = self.table.lower(t);
        let one = |w: &str| self.lex.word(w).contains(Cues::ORG_HEAD);
        lower
            .strip_suffix("ies")
            .is_some_and(|w| one(&format!("{w}y")))
            || lower.strip_suffix('s').is_some_and(one)
    }
}
