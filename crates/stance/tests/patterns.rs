//! The table of news sentence patterns (`tests/data/patterns.tsv`): each
//! row a sentence written for these tests and a stance expected of it (or
//! expected absent), with the band its certainty must fall in. Every row
//! must hold; a failure prints the sentence's stances.

use newsnlp_gazetteer::Gazetteer;
use newsnlp_quotes::QuoteExtractor;
use newsnlp_stance::{Stance, StanceAnalyzer};
use newsnlp_tokenize::Tokenizer;

const PATTERNS: &str = include_str!("data/patterns.tsv");

/// One row of the table.
struct Row<'a> {
    line: usize,
    text: String,
    holder: &'a str,
    target: &'a str,
    polarity: &'a str,
    band: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    let mut out = Vec::new();
    for (i, line) in PATTERNS.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let [text, holder, target, polarity, band] = cols[..] else {
            panic!("patterns.tsv:{}: five tab-separated columns", i + 1);
        };
        assert!(
            matches!(polarity, "positive" | "negative" | "neutral" | "none"),
            "patterns.tsv:{}: polarity {polarity}",
            i + 1
        );
        assert!(
            matches!(band, "low" | "mid" | "high" | "any"),
            "patterns.tsv:{}: band {band}",
            i + 1
        );
        out.push(Row {
            line: i + 1,
            text: text.replace("\\n", "\n"),
            holder,
            target,
            polarity,
            band,
        });
    }
    out
}

fn in_band(certainty: f64, band: &str) -> bool {
    match band {
        "low" => certainty < 0.55,
        "mid" => (0.55..=0.75).contains(&certainty),
        "high" => certainty > 0.75,
        _ => true,
    }
}

fn matches(s: &Stance, row: &Row<'_>) -> bool {
    (row.holder == "*" || s.holder.label() == row.holder)
        && (row.target == "*" || s.target.text.contains(row.target))
}

/// Whether the row holds of `stances`.
fn holds(stances: &[Stance], row: &Row<'_>) -> bool {
    if row.polarity == "none" {
        return !stances.iter().any(|s| matches(s, row));
    }
    stances.iter().any(|s| {
        matches(s, row) && s.polarity.as_str() == row.polarity && in_band(s.certainty, row.band)
    })
}

fn dump(stances: &[Stance]) -> String {
    stances
        .iter()
        .map(|s| {
            format!(
                "    {} -> {:?}: {} ({}, {})",
                s.holder.label(),
                s.target.text,
                s.polarity,
                s.certainty,
                s.basis.as_str()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_pattern_of_the_table_holds() {
    let gaz = Gazetteer::default();
    let quotes = QuoteExtractor::new();
    let analyzer = StanceAnalyzer::new();
    let rows = rows();
    assert!(rows.len() >= 60, "{} rows", rows.len());
    let mut failed = Vec::new();
    for row in &rows {
        let doc = Tokenizer::new().tokenize(&row.text);
        let mentions = gaz.find_in_document(&row.text);
        let qs = quotes.extract_with_entities(&doc, &gaz, &mentions);
        let stances = analyzer.stances(&doc, &gaz, &mentions, &qs);
        if !holds(&stances, row) {
            failed.push(format!(
                "patterns.tsv:{}: {:?}: want {} -> {}: {} ({})\n{}",
                row.line,
                row.text,
                row.holder,
                row.target,
                row.polarity,
                row.band,
                dump(&stances)
            ));
        }
    }
    eprintln!("{}/{} patterns hold", rows.len() - failed.len(), rows.len());
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}
