//! Building a gazetteer from [`Entries`], phase by phase:
//!
//! 1. **alias records** ([`Phases::alias_records`]): every entity's
//!    canonical name, its listed aliases, and a person's surnames
//!    (`surname`);
//! 2. **keys** ([`Phases::normalize_keys`]): each alias normalized into one
//!    buffer, with the case rule it puts on the text; an alias empty after
//!    normalization is a warning and is not matched;
//! 3. **order** ([`Phases::sort_by_key`]): alias ids sorted by key, then
//!    rank (priority, then tier), then id: the claims of a key best first;
//! 4. **groups** ([`Phases::group_keys`]): one group of claims per distinct
//!    key, one claim per entity (a second claim of the same entity is a
//!    duplicate), and a surname another entity is named by demoted to a
//!    document surname; the distinct keys become the trie (`trie`);
//! 5. **titles** (`titles::index_titles`) and **aliases by entity**
//!    ([`group_by_entity`]), the tables the [`Entity`](crate::Entity) view
//!    reads.
//!
//! Every phase is linear in the number of aliases (after the sort), however
//! many entities share an alias.
//!
//! ```
//! use newsnlp_gazetteer::{Entry, EntityKind, GazetteerBuilder};
//!
//! let gaz = GazetteerBuilder::new().build([
//!     Entry::new("Jordan", EntityKind::Place),
//!     Entry::new("Michael Jordan", EntityKind::Person),
//! ])?;
//! // "Jordan" is the country's name, so the person's surname counts only
//! // in a document that names him in full.
//! assert_eq!(gaz.find("Jordan").count(), 1);
//! assert_eq!(gaz.alias_count(), 3);
//! # Ok::<(), newsnlp_gazetteer::Error>(())
//! ```

use crate::builder::{CaseMode, GazetteerBuilder};
use crate::entries::{Entries, RawAlias, RawEntity, Span};
use crate::error::{Error, ErrorKind, Warning, WarningKind};
use crate::gazetteer::{AliasRec, CaseRule, EntityRec, Gazetteer, Tier};
use crate::normalize::Normalizer;
use crate::resolve::rank;
use crate::search::{ascii_table, first_words};
use crate::surname;
use crate::titles::{TitleIndex, index_titles, title_norm};
use crate::trie::Trie;

/// A gazetteer with nothing in it: the last fallback of `Gazetteer::default`.
pub(crate) fn empty_gazetteer() -> Gazetteer {
    let nz = Normalizer::new(GazetteerBuilder::new().norm());
    Gazetteer {
        ascii: ascii_table(&nz),
        nz,
        title_nz: Normalizer::new(title_norm()),
        smart: true,
        text: String::new(),
        entities: Vec::new(),
        aliases: Vec::new(),
        entity_aliases: Vec::new(),
        titles: Vec::new(),
        title_keys: Vec::new(),
        key_aliases: Vec::new(),
        key_start: vec![0],
        trie: Trie::build(&[]),
        first_words: None,
        by_name: Vec::new(),
        warnings: Vec::new(),
        name_preceders: std::sync::OnceLock::new(),
    }
}

fn too_large() -> Error {
    Error::new(ErrorKind::TooLarge, "more than 2^32 aliases")
}

/// Builds the gazetteer of `entries` with the options of `opts`.
pub(crate) fn build(opts: &GazetteerBuilder, entries: Entries) -> Result<Gazetteer, Error> {
    let nz = Normalizer::new(opts.norm());
    let title_nz = Normalizer::new(title_norm());
    let Entries {
        text,
        entities: raw_entities,
        titles: raw_titles,
        aliases: raw_aliases,
        warnings,
        ..
    } = entries;
    let smart = opts.case == CaseMode::Smart;
    let mut phases = Phases {
        text: &text,
        entities: &raw_entities,
        nz: &nz,
        aliases: Vec::new(),
        lines: Vec::new(),
        warnings,
        claims: vec![(u32::MAX, 0); raw_entities.len()],
    };
    phases.alias_records(&raw_aliases, opts.surnames)?;
    let keys = phases.normalize_keys(smart)?;
    let order = phases.sort_by_key(&keys);
    let groups = phases.group_keys(&order, &keys);
    let ascii = ascii_table(&nz);
    let (trie, first_words) = {
        let slices: Vec<&[u8]> = groups.keys.iter().map(|&k| keys.get(k)).collect();
        (Trie::build(&slices), first_words(&ascii, &slices))
    };
    drop(keys);
    let Phases {
        aliases, warnings, ..
    } = phases;

    let n_entities = raw_entities.len();
    let TitleIndex {
        titles,
        keys: title_keys,
        by_entity: title_range,
    } = index_titles(&title_nz, &text, raw_titles, n_entities);
    let (entity_aliases, alias_range) = group_by_entity(&aliases, n_entities);
    let entities: Vec<EntityRec> = raw_entities
        .iter()
        .enumerate()
        .map(|(i, e)| EntityRec {
            name: e.name,
            kind: e.kind,
            priority: e.priority.unwrap_or(0),
            titles: title_range[i],
            aliases: alias_range[i],
        })
        .collect();
    let mut by_name: Vec<u32> = (0..n_entities as u32).collect();
    by_name.sort_by(|&a, &b| {
        text[entities[a as usize].name.range()].cmp(&text[entities[b as usize].name.range()])
    });

    if opts.strict
        && let Some(w) = warnings.first()
    {
        return Err(Error::new(
            ErrorKind::Strict,
            format!("{w} ({} warning(s) in strict mode)", warnings.len()),
        )
        .with_line(w.line()));
    }

    let mut key_aliases = groups.aliases;
    key_aliases.shrink_to_fit();
    Ok(Gazetteer {
        ascii,
        nz,
        title_nz,
        smart,
        text,
        entities,
        aliases,
        entity_aliases,
        titles,
        title_keys,
        key_aliases,
        key_start: groups.starts,
        trie,
        first_words,
        by_name,
        warnings,
        name_preceders: std::sync::OnceLock::new(),
    })
}

/// The state the phases of a build share.
struct Phases<'a> {
    text: &'a str,
    entities: &'a [RawEntity],
    nz: &'a Normalizer,
    aliases: Vec<AliasRec>,
    /// The 1-based source line of each alias (0: unknown).
    lines: Vec<u32>,
    warnings: Vec<Warning>,
    /// By entity: the last key group it claimed (its number) and the alias
    /// it claimed it with, so that a second claim on one key is found
    /// without a scan of the group (which was quadratic in the entities
    /// sharing an alias).
    claims: Vec<(u32, u32)>,
}

/// The normalized keys of the aliases, in one buffer.
struct Keys {
    buf: Vec<u8>,
    /// Alias `a`'s key is `buf[span[a].0..span[a].1]`.
    span: Vec<(u32, u32)>,
}

impl Keys {
    fn get(&self, (s, e): (u32, u32)) -> &[u8] {
        &self.buf[s as usize..e as usize]
    }

    fn of(&self, a: u32) -> &[u8] {
        self.get(self.span[a as usize])
    }
}

/// The claims of each distinct key, best first: key `k` (the `k`-th
/// distinct key in sorted order, whose bytes are `keys[k]`) owns
/// `aliases[starts[k]..starts[k + 1]]`.
struct Groups {
    aliases: Vec<u32>,
    starts: Vec<u32>,
    keys: Vec<(u32, u32)>,
}

impl Phases<'_> {
    fn push(&mut self, text: Span, entity: u32, tier: Tier, line: u32) {
        self.aliases.push(AliasRec {
            text,
            entity,
            tier,
            case: CaseRule::Any,
            live: true,
        });
        self.lines.push(line);
    }

    fn warn(&mut self, kind: WarningKind, alias: u32, message: String) {
        let line = self.lines[alias as usize];
        let line = (line > 0).then_some(line as usize);
        self.warnings.push(Warning::new(kind, line, message));
    }

    fn alias_text(&self, a: u32) -> &str {
        &self.text[self.aliases[a as usize].text.range()]
    }

    fn entity_name(&self, a: u32) -> &str {
        let e = self.aliases[a as usize].entity;
        &self.text[self.entities[e as usize].name.range()]
    }

    /// Phase 1: canonical names, listed aliases, then surnames.
    fn alias_records(&mut self, raw_aliases: &[RawAlias], surnames: bool) -> Result<(), Error> {
        let cap = self.entities.len() + raw_aliases.len() + 64;
        self.aliases.reserve(cap);
        self.lines.reserve(cap);
        let (entities, text, nz) = (self.entities, self.text, self.nz);
        for (i, e) in entities.iter().enumerate() {
            self.push(e.name, i as u32, Tier::Canonical, e.line);
        }
        for a in raw_aliases {
            self.push(a.text, a.entity, Tier::Alias, a.line);
        }
        if surnames {
            let stop = surname::stoplist(nz);
            let mut k = Vec::new();
            for (i, e) in entities.iter().enumerate() {
                for s in surname::surname_spans(e, text) {
                    k.clear();
                    nz.key(&text[s.range()], &mut k);
                    let tier = if stop.contains(&k) {
                        Tier::DocSurname
                    } else {
                        Tier::Surname
                    };
                    self.push(s, i as u32, tier, e.line);
                }
            }
        }
        if self.aliases.len() > u32::MAX as usize - 1 {
            return Err(too_large());
        }
        Ok(())
    }

    /// Phase 2: the normalized keys and the case rules; empty keys are
    /// warnings and not matched.
    fn normalize_keys(&mut self, smart: bool) -> Result<Keys, Error> {
        let mut keys = Keys {
            buf: Vec::with_capacity(self.text.len() + 16),
            span: Vec::with_capacity(self.aliases.len()),
        };
        for i in 0..self.aliases.len() {
            let a = &mut self.aliases[i];
            let s = keys.buf.len();
            let kc = self.nz.key(&self.text[a.text.range()], &mut keys.buf);
            if keys.buf.len() > u32::MAX as usize {
                return Err(too_large());
            }
            keys.span.push((s as u32, keys.buf.len() as u32));
            if smart {
                a.case = match (kc.upper, kc.lower) {
                    (true, false) => CaseRule::NoLower,
                    (true, true) => CaseRule::Capitals(kc.caps & !1, kc.inner),
                    _ => CaseRule::Any,
                };
            }
            if keys.buf.len() == s {
                a.live = false;
                let message = format!(
                    "alias {:?} of {:?} is empty after normalization; skipped",
                    self.alias_text(i as u32),
                    self.entity_name(i as u32)
                );
                self.warn(WarningKind::EmptyAlias, i as u32, message);
            }
        }
        Ok(keys)
    }

    /// Phase 3: the live alias ids sorted by key, then rank, then id.
    fn sort_by_key(&self, keys: &Keys) -> Vec<u32> {
        let rank_of = |a: u32| {
            let r = &self.aliases[a as usize];
            rank(
                self.entities[r.entity as usize].priority.unwrap_or(0),
                r.tier,
            )
        };
        // Each id with the first eight bytes of its key, big-endian and
        // zero-padded: ordered as the keys are wherever they differ (a
        // shorter key pads with zeros), so most comparisons are one of
        // integers; equal ones compare the whole keys.
        let mut order: Vec<(u64, u32)> = (0..self.aliases.len() as u32)
            .filter(|&a| self.aliases[a as usize].live)
            .map(|a| (key_prefix(keys.of(a)), a))
            .collect();
        let cmp = |&(px, x): &(u64, u32), &(py, y): &(u64, u32)| {
            px.cmp(&py)
                .then_with(|| keys.of(x).cmp(keys.of(y)))
                .then_with(|| rank_of(x).cmp(&rank_of(y)))
                .then(x.cmp(&y))
        };
        sort_unstable_by(&mut order, cmp);
        order.into_iter().map(|(_, a)| a).collect()
    }

    /// Phase 4: one group per distinct key, one claim per entity, surnames
    /// another entity is named by demoted.
    fn group_keys(&mut self, order: &[u32], keys: &Keys) -> Groups {
        let mut groups = Groups {
            aliases: Vec::with_capacity(order.len()),
            starts: vec![0],
            keys: Vec::new(),
        };
        let mut i = 0;
        while i < order.len() {
            let k = keys.of(order[i]);
            let mut j = i + 1;
            while j < order.len() && keys.of(order[j]) == k {
                j += 1;
            }
            let group_start = groups.aliases.len();
            let group = groups.keys.len() as u32;
            for &a in &order[i..j] {
                self.claim(a, group, &mut groups.aliases);
            }
            self.demote_surnames(&groups.aliases[group_start..]);
            groups.keys.push(keys.span[order[i] as usize]);
            groups.starts.push(groups.aliases.len() as u32);
            i = j;
        }
        groups
    }

    /// Adds alias `a` to key group number `group` (the end of `out`) unless
    /// its entity claims the key already (then it is not matched, and the
    /// same text twice is a warning). So each entity claims a key once.
    fn claim(&mut self, a: u32, group: u32, out: &mut Vec<u32>) {
        let ar = self.aliases[a as usize];
        let claim = &mut self.claims[ar.entity as usize];
        if claim.0 != group {
            *claim = (group, a);
            out.push(a);
            return;
        }
        let b = claim.1;
        self.aliases[a as usize].live = false;
        // Variants that only normalize alike ("Ain Abid", "’Aïn Abid") are
        // deliberate; the same text twice is not.
        let br = self.aliases[b as usize];
        if ar.tier == Tier::Alias
            && br.tier == Tier::Alias
            && self.alias_text(a) == self.alias_text(b)
        {
            let message = format!(
                "alias {:?} of {:?} duplicates {:?}; one kept",
                self.alias_text(a),
                self.entity_name(a),
                self.alias_text(b)
            );
            self.warn(WarningKind::DuplicateAlias, a, message);
        }
    }

    /// A surname shared with another entity's name or listed alias is
    /// matched only in documents that name its person in full. Each entity
    /// claims a key once, so a name or listed alias in the group is always
    /// another entity's than a surname's of it.
    fn demote_surnames(&mut self, group: &[u32]) {
        let named = group
            .iter()
            .any(|&b| self.aliases[b as usize].tier <= Tier::Alias);
        if !named {
            return;
        }
        for &b in group {
            let r = &mut self.aliases[b as usize];
            if r.tier == Tier::Surname {
                r.tier = Tier::DocSurname;
            }
        }
    }
}

/// The first eight bytes of `key`, big-endian and zero-padded: where two
/// prefixes differ, their keys compare as they do.
fn key_prefix(key: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    for (d, s) in w.iter_mut().zip(key) {
        *d = *s;
    }
    u64::from_be_bytes(w)
}

/// Sorts `order`, on all cores when it is long and the `rayon` feature is
/// on (the order is total, so the result is the same either way).
fn sort_unstable_by<T: Send>(order: &mut [T], cmp: impl Fn(&T, &T) -> std::cmp::Ordering + Sync) {
    #[cfg(feature = "rayon")]
    if order.len() > 50_000 {
        use rayon::slice::ParallelSliceMut;
        order.par_sort_unstable_by(cmp);
        return;
    }
    order.sort_unstable_by(cmp);
}

/// The live alias ids grouped by entity, and each entity's range of them.
fn group_by_entity(aliases: &[AliasRec], n_entities: usize) -> (Vec<u32>, Vec<(u32, u32)>) {
    let mut entity_aliases: Vec<u32> = (0..aliases.len() as u32)
        .filter(|&a| aliases[a as usize].live)
        .collect();
    entity_aliases.sort_by_key(|&a| aliases[a as usize].entity);
    let mut alias_range = vec![(0u32, 0u32); n_entities];
    for (i, &a) in entity_aliases.iter().enumerate() {
        let r = &mut alias_range[aliases[a as usize].entity as usize];
        if r.0 == r.1 {
            r.0 = i as u32;
        }
        r.1 = i as u32 + 1;
    }
    (entity_aliases, alias_range)
}

#[cfg(test)]
mod tests {
    use super::key_prefix;

    #[test]
    fn different_prefixes_order_keys_as_the_keys_order() {
        // Keys around the eight bytes of a prefix, of bytes that pad,
        // border the padding and end the byte range.
        let alphabet = [0u8, 1, b'a', b'b', 0xff];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut key = || -> Vec<u8> {
            let mut next = || {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                seed
            };
            let len = (next() % 12) as usize;
            (0..len).map(|_| alphabet[(next() % 5) as usize]).collect()
        };
        let mut differing = 0;
        for _ in 0..50_000 {
            let (x, y) = (key(), key());
            let (px, py) = (key_prefix(&x), key_prefix(&y));
            if px != py {
                differing += 1;
                assert_eq!(px.cmp(&py), x.cmp(&y), "{x:?} {y:?}");
            }
        }
        assert!(differing > 40_000, "{differing}");
    }
}
