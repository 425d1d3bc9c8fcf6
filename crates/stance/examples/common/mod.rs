//! Reading NewsMTSC JSONL files (shared by the `train` and `eval` examples).

use std::ops::Range;

use newsnlp_stance::Polarity;

/// One labelled target of a NewsMTSC file (the fields of
/// `newsnlp_stance::train::Example`, which needs the `train` feature).
pub struct Example {
    /// The sentence.
    pub sentence: String,
    /// The target's UTF-8 byte span in `sentence`.
    pub target: Range<usize>,
    /// The gold polarity.
    pub polarity: Polarity,
}

/// Byte offset of code point `cp` in `s` (the end if past it).
fn char_to_byte(s: &str, cp: usize) -> usize {
    s.char_indices().nth(cp).map_or(s.len(), |(b, _)| b)
}

/// Every target of every line of a NewsMTSC file, with byte spans.
pub fn read_newsmtsc(path: &str) -> Result<Vec<Example>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |what: &str| format!("{path}:{}: {what}", n + 1);
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| bad(&e.to_string()))?;
        let sentence = v["sentence_normalized"]
            .as_str()
            .ok_or_else(|| bad("no sentence_normalized"))?;
        for t in v["targets"].as_array().ok_or_else(|| bad("no targets"))? {
            let from = t["from"].as_u64().ok_or_else(|| bad("no from"))? as usize;
            let to = t["to"].as_u64().ok_or_else(|| bad("no to"))? as usize;
            let polarity = match t["polarity"].as_f64() {
                Some(2.0) => Polarity::Negative,
                Some(4.0) => Polarity::Neutral,
                Some(6.0) => Polarity::Positive,
                _ => return Err(bad("polarity is not 2.0, 4.0 or 6.0")),
            };
            out.push(Example {
                sentence: sentence.to_string(),
                target: char_to_byte(sentence, from)..char_to_byte(sentence, to),
                polarity,
            });
        }
    }
    Ok(out)
}

/// Macro-F1 (0..1) over the three polarities of (gold, predicted) pairs.
#[allow(dead_code)] // used by one of the two examples that include this module
pub fn macro_f1(pairs: &[(Polarity, Polarity)]) -> f64 {
    let mut sum = 0.0;
    for c in Polarity::ALL {
        let tp = pairs.iter().filter(|(g, p)| *g == c && *p == c).count() as f64;
        let gold = pairs.iter().filter(|(g, _)| *g == c).count() as f64;
        let pred = pairs.iter().filter(|(_, p)| *p == c).count() as f64;
        if tp > 0.0 {
            sum += 2.0 * tp / (gold + pred);
        }
    }
    sum / 3.0
}
