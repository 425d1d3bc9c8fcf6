//! A passive of a verb of speech or belief with its agent after "by": the
//! subject is what was said or judged, the agent its source ("The plan
//! was **criticized by** two senators", "an allegation **rejected by**
//! three inquiries", "The bill, **opposed by** most farmers, …").

use newsnlp_tokenize::TokenKind;

use super::{Ctx, Found, Pattern, is_cap, is_punct};
use crate::lexicon::{self as lx, CueClass};

/// The most words between the participle and "by" ("was first reported
/// last week by").
const BEFORE_BY: usize = 3;

impl<'a, 't> Ctx<'a, 't> {
    /// The attribution of the past participle of a cue at token `i`
    /// followed by "by" and a noun phrase, its subject the content.
    pub(super) fn passive_by(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        let forms = self.cue(i);
        let w = self.lw(i);
        if i <= ss
            || forms.is_empty()
            || forms
                .iter()
                .any(|f| f.ing || f.particle.is_some() || f.class == CueClass::Weak)
            || self.word(i).is_some_and(|x| x.base)
            || w.ends_with('s')
            || is_cap(&self.toks[i])
            || self.is(i - 1, lx::DETERMINERS)
            || self.is_hyphen_joint(i - 1)
            || w == "asked"
        {
            return None;
        }
        let by = (i + 1..se.min(i + 2 + BEFORE_BY)).find(|&k| self.lw(k) == "by")?;
        if !(i + 1..by).all(|k| self.between_participle_and_by(k)) {
            return None;
        }
        // Not a gerund ("responded by helping").
        if self.lw(by + 1).ends_with("ing") {
            return None;
        }
        let source = self.np_right(by + 1, se)?;
        // The agent runs on to the clause's end ("by 34% of voters in
        // the latest poll", "by her campaign and its allies"), not into
        // a reason ("by his rivals for failing to C") or a clause ("by a
        // tribunal that C").
        let hi = se.min(source.end + 20);
        let stop = (source.start + 1..hi)
            .find(|&k| {
                let t = &self.toks[k];
                (!t.kind.is_wordlike()
                    && t.kind != TokenKind::Number
                    && !matches!(t.text, "%" | "'s" | "’s" | "-"))
                    || matches!(
                        self.lw(k),
                        "for" | "that" | "after" | "because" | "when" | "while" | "as"
                    )
            })
            .unwrap_or(hi);
        let source = source.start..self.trimmed_end(source.start, stop);
        if source.is_empty() {
            return None;
        }
        // Back over the auxiliaries and adverbs ("was then", "has long
        // been") to the subject; after a comma, the phrase the participle
        // is in apposition to ("The bill, opposed by …").
        let mut j = i;
        let mut passive = false;
        while j > ss
            && self.toks[j - 1].kind.is_wordlike()
            && self.is(j - 1, lx::AUX | lx::PASSIVE_AUX)
        {
            passive |= self.is(j - 1, lx::PASSIVE_AUX);
            j -= 1;
        }
        if j > ss && is_punct(&self.toks[j - 1], ",") && j == i {
            j -= 1;
            passive = true;
        }
        // (Not right after a noun: "Roe responded by" is the verb as
        // often as "an allegation rejected by" is a passive.)
        if j <= ss || !passive {
            return None;
        }
        // "has been told by a tribunal that C": the clause after the agent
        // is what was said.
        if self.lw(source.end) == "that" {
            let lemma = self.lex.lemmas[forms[0].lemma as usize].as_str();
            let (content, quote) = self.content_after(source.end, se, forms[0].class, lemma)?;
            return Some(Found {
                pattern: Pattern::PassiveBy,
                class: forms[0].class,
                content,
                quote,
                quote_end: None,
                cue: Some(i..by + 1),
                source: Some(source),
                inherit: None,
            });
        }
        let content = if matches!(self.lw(j - 1), "which" | "that" | "who") {
            j - 1..j
        } else {
            self.np_left(j, ss)?
        };
        if content.is_empty() || content.end != j {
            return None;
        }
        Some(Found {
            pattern: Pattern::PassiveBy,
            class: forms[0].class,
            content,
            quote: None,
            quote_end: None,
            cue: Some(i..by + 1),
            source: Some(source),
            inherit: None,
        })
    }

    /// Whether token `k` may stand between a passive participle and "by":
    /// a time word or an "-ly" adverb ("reported **last week** by",
    /// "backed **strongly** by").
    fn between_participle_and_by(&self, k: usize) -> bool {
        let t = &self.toks[k];
        t.kind.is_wordlike()
            && (self.is(k, lx::TIME | lx::DAYS)
                || (!is_cap(t) && self.lw(k).ends_with("ly"))
                || matches!(self.lw(k), "last" | "this" | "week" | "month" | "year"))
    }
}
