//! The readable report of `newsnlp analyze`.

use std::collections::BTreeMap;
use std::fmt::Write;

use newsnlp::Document;

/// Entities with their mention counts, most mentioned first.
pub fn text(doc: &Document<'_>, id: Option<&str>) -> String {
    let mut s = String::new();
    if let Some(id) = id {
        let _ = writeln!(s, "== {id}");
    }
    let tokens = doc.tokens();
    let _ = writeln!(
        s,
        "{} sentences, {} tokens, {} paragraphs",
        tokens.sentences().len(),
        tokens.tokens().len(),
        tokens.paragraph_count()
    );
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    let mut ambiguous = 0;
    for e in doc.mentions() {
        match (e.name(), e.kind()) {
            (Some(n), Some(k)) => *counts.entry((n, k.as_str())).or_default() += 1,
            _ => ambiguous += 1,
        }
    }
    let mut list: Vec<_> = counts.into_iter().collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let _ = writeln!(s, "\nEntities");
    for ((name, kind), n) in list {
        let _ = writeln!(s, "  {name} ({kind}): {n}");
    }
    if ambiguous > 0 {
        let _ = writeln!(s, "  ambiguous mentions: {ambiguous}");
    }
    let _ = writeln!(s, "\nQuotes");
    s.push_str(&quotes(doc));
    let _ = writeln!(s, "Stances");
    s.push_str(&stances(doc));
    s
}

/// One line per stance: holder → target: polarity (certainty), evidence.
pub fn stances(doc: &Document<'_>) -> String {
    let text = doc.text();
    let mut s = String::new();
    for st in doc.stances() {
        let evidence: Vec<&str> = text
            .get(st.evidence.range())
            .unwrap_or("")
            .split_whitespace()
            .collect();
        let _ = writeln!(
            s,
            "  {} → {}: {} (certainty {:.2})\n      {}",
            st.holder.label(),
            st.target.text,
            st.polarity.as_str(),
            st.certainty,
            evidence.join(" ")
        );
    }
    s
}

/// One block per quote: speaker — cue — content.
pub fn quotes(doc: &Document<'_>) -> String {
    let text = doc.text();
    let mut s = String::new();
    for q in doc.quotes() {
        let speaker = q
            .speaker_name()
            .map(str::to_owned)
            .or_else(|| q.source.map(|r| format!("({})", &text[r.range()])))
            .unwrap_or_else(|| "(unattributed)".to_owned());
        let cue = q.cue.map_or("(no verb)", |r| &text[r.range()]);
        let content: String = text[q.content.range()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = writeln!(
            s,
            "  {speaker} — {cue} — [{} {:.2}] {content}\n",
            q.kind.as_str(),
            q.confidence
        );
    }
    s
}
