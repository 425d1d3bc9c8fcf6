//! "According to": leading ("**According to the campaign,** fundraising
//! has surged") or trailing ("Fundraising has surged, **according to the
//! campaign**"), with the source running on to the clause's end
//! ("according to a new poll by the network").

use super::{Ctx, Found, Pattern, is_punct};
use crate::lexicon::{self as lx, CueClass};

impl<'a, 't> Ctx<'a, 't> {
    pub(super) fn according(&self, i: usize, ss: usize, se: usize) -> Option<Found> {
        let cue = Some(i..i + 2);
        // Leading: "According to X, C" (maybe after a conjunction).
        let lead = (ss..i).all(|k| {
            matches!(self.lw(k), "but" | "and" | "yet" | "so" | "also")
                || is_punct(&self.toks[k], ",")
                || self.toks[k].is_quote()
        }) || (i >= ss + 2
            && i <= ss + 4
            && is_punct(&self.toks[i - 1], ",")
            && self.is(ss, lx::LEAD_ADVERBS)
            && (ss..i - 1).all(|k| self.toks[k].kind.is_wordlike() && self.cue(k).is_empty()));
        let src = self.np_right_with(i + 2, se, !lead)?;
        // The source of "according to" runs on to the clause's end: "according
        // to a new poll by the network", "according to aides who were there".
        let src = {
            let hi = se.min(src.end + 20);
            let stop = (src.end..hi).find(|&k| {
                let t = &self.toks[k];
                is_punct(t, ",") || is_punct(t, ";") || is_punct(t, "(") || t.is_quote()
            });
            match stop {
                Some(k) if !self.toks[k].is_quote() => src.start..self.trimmed_end(src.end, k),
                None if !lead && se <= hi => src.start..self.trimmed_end(src.end, se),
                _ => src,
            }
        };
        // "According to the local MP, Richard Hale, the plan …": a name in
        // apposition is the source's, not the content's.
        let src = match self
            .appositive_name_after(src.end, se)
            .filter(|_| self.is(src.start, lx::DETERMINERS))
        {
            Some(end) => src.start..end,
            None => src,
        };
        if lead {
            let mut c = src.end;
            if c < se && is_punct(&self.toks[c], ",") {
                c += 1;
            }
            let e = self.trimmed_end(c, se);
            if e <= c {
                return None;
            }
            return Some(Found {
                pattern: Pattern::AccordingLead,
                class: CueClass::Speech,
                content: c..e,
                quote: None,
                quote_end: None,
                cue,
                source: Some(src),
                inherit: None,
            });
        }
        let sep = if is_punct(&self.toks[i - 1], ",") {
            i - 1
        } else {
            i
        };
        let (content, quote) = if sep < i {
            let (content, quote) = self.content_before(sep, ss)?;
            // "Fundraising, according to the campaign, has surged": the
            // clause goes on after the source.
            let e = self.trimmed_end(src.end, se);
            if quote.is_none()
                && content.len() <= 8
                && src.end < se
                && is_punct(&self.toks[src.end], ",")
                && e > src.end + 2
                && e < src.end + 40
                && !(src.end..e).any(|k| self.toks[k].is_quote())
            {
                (content.start..e, None)
            } else {
                (content, quote)
            }
        } else {
            let e = self.trimmed_end(ss, i);
            if e <= ss {
                return None;
            }
            (ss..e, None)
        };
        Some(Found {
            pattern: Pattern::AccordingTrail,
            class: CueClass::Speech,
            content,
            quote,
            quote_end: None,
            cue,
            source: Some(src),
            inherit: None,
        })
    }

    /// A name in apposition after a source ending at token `end`
    /// ([`apposed_name`](Ctx::apposed_name), its closing comma before the
    /// sentence's last token at `se`), not the head of a list; the token
    /// after the name.
    fn appositive_name_after(&self, end: usize, se: usize) -> Option<usize> {
        let k = self.apposed_name(end, se.saturating_sub(1))?;
        // "Smith, Jones and Brown were arrested": a list, no apposition.
        let list = (k + 1..se.min(k + 4)).any(|j| matches!(self.lw(j), "and" | "or"));
        (!list).then_some(k)
    }
}
