//! Resolution: which entity a match names.
//!
//! A key of the trie may be claimed by several entities ("Georgia": the
//! country and the U.S. state). The claims of a key are stored best first
//! (by [`rank`]: the entity's priority, then what the alias is to it), and
//! a match becomes a [`Mention`] by, in order:
//! 1. one entity claiming it: [`Resolution::Unique`];
//! 2. a title before the match that belongs to exactly one claimant
//!    ("Foreign Minister Lavrov"): [`Resolution::Title`];
//! 3. the best claim strictly better ranked than the next:
//!    [`Resolution::Priority`];
//! 4. otherwise no entity, and every claimant listed:
//!    [`Resolution::Ambiguous`] (document linking may still decide, see
//!    `document`).
//!
//! ```
//! use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder, Resolution};
//!
//! let gaz = GazetteerBuilder::new().build([
//!     Entry::new("Georgia (U.S. state)", EntityKind::Place).alias("Georgia"),
//!     Entry::new("Georgia (country)", EntityKind::Place).alias("Georgia").priority(1),
//! ])?;
//! let m = gaz.find("in Georgia").next().unwrap();
//! assert_eq!(m.resolution(), Resolution::Priority);
//! assert_eq!(m.candidates().len(), 2);
//! # Ok::<(), newsnlp_gazetteer::Error>(())
//! ```

use crate::gazetteer::{Gazetteer, Tier};
use crate::mention::{AliasId, Candidates, EntityId, Mention, Resolution};
use crate::search::Cand;

/// The rank of a claim in priority order (smaller is better): the entity's
/// priority (higher first), then the tier of the alias, a document surname
/// counting as a surname.
pub(crate) fn rank(priority: i32, tier: Tier) -> (i64, Tier) {
    let tier = if tier == Tier::DocSurname {
        Tier::Surname
    } else {
        tier
    };
    (-i64::from(priority), tier)
}

impl Gazetteer {
    /// The rank of alias `a` (see [`rank`]).
    fn rank_of(&self, a: u32) -> (i64, Tier) {
        let r = &self.aliases[a as usize];
        rank(self.entities[r.entity as usize].priority, r.tier)
    }

    /// Builds the mention of candidate `c` starting at `start`, with the
    /// claims `accept` allows. One function: cut into helpers, it measured
    /// about 1% more instructions in `find_in_document`.
    pub(crate) fn mention<A: Fn(u32) -> bool>(
        &self,
        text: &str,
        start: usize,
        c: Cand,
        accept: &A,
    ) -> Mention {
        let span = start..c.end;
        let ok = |&a: &u32| self.case_ok(&self.aliases[a as usize], c.case) && accept(a);
        // Most keys name one entity: no candidate lists to build.
        let mut accepted = self.key_aliases(c.key).iter().filter(|a| ok(a));
        if let Some(&a0) = accepted.next() {
            let e0 = self.aliases[a0 as usize].entity;
            if accepted.all(|&a| self.aliases[a as usize].entity == e0) {
                let title = self.title_before(text, start, e0);
                return Mention {
                    span,
                    alias: AliasId(a0),
                    entity: Some(EntityId(e0)),
                    candidates: Candidates::One(EntityId(e0)),
                    resolution: Resolution::Unique,
                    title,
                };
            }
        }
        let (entities, aliases) = self.claimants(c, accept);
        let first = aliases.first().map(|a| a.0);
        let Some(a0) = first else {
            // The walk only reports keys with an accepted alias; this is
            // unreachable, but an empty mention is no reason to panic.
            return Mention {
                span,
                alias: AliasId(0),
                entity: None,
                candidates: Candidates::Many(Box::new([]), Box::new([])),
                resolution: Resolution::Ambiguous,
                title: None,
            };
        };
        let e0 = EntityId(self.aliases[a0 as usize].entity);
        if entities.len() == 1 {
            let title = self.title_before(text, start, e0.0);
            return Mention {
                span,
                alias: AliasId(a0),
                entity: Some(e0),
                candidates: Candidates::One(e0),
                resolution: Resolution::Unique,
                title,
            };
        }
        // A title that belongs to exactly one candidate decides.
        let mut titled = entities
            .iter()
            .zip(&aliases)
            .filter_map(|(e, a)| self.title_before(text, start, e.0).map(|t| (*e, *a, t)));
        if let Some((e, a, t)) = titled.next()
            && titled.next().is_none()
        {
            return Mention {
                span,
                alias: a,
                entity: Some(e),
                candidates: Candidates::Many(entities.into(), aliases.into()),
                resolution: Resolution::Title,
                title: Some(t),
            };
        }
        let winner = self.rank_of(a0) < self.rank_of(aliases[1].0);
        let (entity, resolution, title) = if winner {
            (
                Some(e0),
                Resolution::Priority,
                self.title_before(text, start, e0.0),
            )
        } else {
            (None, Resolution::Ambiguous, None)
        };
        Mention {
            span,
            alias: AliasId(a0),
            entity,
            candidates: Candidates::Many(entities.into(), aliases.into()),
            resolution,
            title,
        }
    }

    /// The entities claiming the key of `c` that the case rule and `accept`
    /// allow, best first, each with its best alias. An entity claims a key
    /// once (see `build`), so there are no duplicates to look for (a search
    /// for them was quadratic in the entities sharing a key). Out of line:
    /// most keys have one claimant and never come here.
    #[inline(never)]
    fn claimants<A: Fn(u32) -> bool>(&self, c: Cand, accept: &A) -> (Vec<EntityId>, Vec<AliasId>) {
        let claims = self.key_aliases(c.key);
        // Counted first: the lists become boxed slices without a copy.
        let n = claims
            .iter()
            .filter(|&&a| self.claim_ok(a, c, accept))
            .count();
        let mut entities: Vec<EntityId> = Vec::with_capacity(n);
        let mut aliases: Vec<AliasId> = Vec::with_capacity(n);
        for &a in claims {
            if self.claim_ok(a, c, accept) {
                entities.push(EntityId(self.aliases[a as usize].entity));
                aliases.push(AliasId(a));
            }
        }
        (entities, aliases)
    }

    /// Whether the case rule and `accept` allow alias `a` the match `c`.
    #[inline(always)]
    fn claim_ok<A: Fn(u32) -> bool>(&self, a: u32, c: Cand, accept: &A) -> bool {
        self.case_ok(&self.aliases[a as usize], c.case) && accept(a)
    }
}
