//! Training a [`Model`] from labelled targets.
//!
//! The embedded model was made with this module from NewsMTSC's
//! `train.jsonl` (see the crate README for the command). Training is
//! deterministic: the same examples and [`TrainConfig`] give the same weight
//! file byte for byte (examples are visited in an order drawn from a seeded
//! generator; no hash-map iteration order reaches the output).
//!
//! ```
//! use newsnlp_stance::{Polarity, TargetSentiment};
//! use newsnlp_stance::train::{train, Example, TrainConfig};
//!
//! let ex = |s: &str, t: &str, p| {
//!     let start = s.find(t).unwrap();
//!     Example { sentence: s.to_string(), target: start..start + t.len(), polarity: p }
//! };
//! let examples = vec![
//!     ex("Voters adore Jones.", "Jones", Polarity::Positive),
//!     ex("Voters despise Jones.", "Jones", Polarity::Negative),
//!     ex("Voters met Jones.", "Jones", Polarity::Neutral),
//! ];
//! let config = TrainConfig { min_count: 1, ..TrainConfig::default() };
//! let model = train(&examples, &config);
//! let clf = TargetSentiment::with_model(model);
//! assert_eq!(clf.classify("Voters adore Jones.", 13..18).polarity, Polarity::Positive);
//! ```

use std::collections::HashMap;
use std::ops::Range;

use crate::features;
use crate::model::{Model, SCALE, softmax};
use crate::polarity::Polarity;

/// One labelled target.
///
/// ```
/// use newsnlp_stance::{train::Example, Polarity};
/// let ex = Example { sentence: "Voters adore Jones.".into(), target: 13..18, polarity: Polarity::Positive };
/// assert_eq!(&ex.sentence[ex.target.clone()], "Jones");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The sentence.
    pub sentence: String,
    /// The target's UTF-8 byte span in `sentence`.
    pub target: Range<usize>,
    /// The gold polarity.
    pub polarity: Polarity,
}

/// Settings of [`train`]. The defaults made the embedded model.
///
/// ```
/// let c = newsnlp_stance::train::TrainConfig::default();
/// assert!(c.epochs > 0 && c.seed != 0);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TrainConfig {
    /// Passes over the examples.
    pub epochs: usize,
    /// AdaGrad base learning rate.
    pub learning_rate: f32,
    /// L2 penalty per update on the active weights.
    pub l2: f32,
    /// Features seen in fewer examples than this are dropped.
    pub min_count: usize,
    /// Weights whose absolute value is below this for every class are
    /// dropped from the model (keeps the file small).
    pub prune: f32,
    /// Weight each example by the inverse frequency of its class (helps
    /// macro-F1 when classes are unbalanced).
    pub balance: bool,
    /// The probability with which each feature of an example is left out
    /// of each update (the others scaled by `1 / (1 - dropout)`): a
    /// regularizer that keeps the model from leaning on few features.
    /// 0 leaves every feature in.
    pub dropout: f32,
    /// Seed of the example order (and of the dropout).
    pub seed: u64,
    /// Independent runs (seeds `seed`, `seed + 1`, ...) whose weights are
    /// averaged: a little steadier than one run.
    pub runs: usize,
    /// Lines written as comments at the top of the weight file.
    pub notes: Vec<String>,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 10,
            learning_rate: 0.02,
            l2: 1e-4,
            min_count: 1,
            prune: 0.01,
            balance: true,
            dropout: 0.3,
            seed: 0x5eed_2024,
            runs: 10,
            notes: Vec::new(),
        }
    }
}

/// A small deterministic generator (xorshift64*) for the example order.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One AdaGrad run over `rows` in an order drawn from `seed`: the weights
/// and the bias.
fn fit(
    rows: &[Vec<(u32, f32)>],
    labels: &[usize],
    class_weight: [f32; 3],
    n_features: usize,
    config: &TrainConfig,
    seed: u64,
) -> (Vec<[f32; 3]>, [f32; 3]) {
    let mut w = vec![[0.0f32; 3]; n_features];
    let mut g2 = vec![[0.0f32; 3]; n_features];
    let mut bias = [0.0f32; 3];
    let mut bias_g2 = [0.0f32; 3];
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut rng = Rng(seed.max(1));
    let lr = config.learning_rate;
    let keep = 1.0 - config.dropout.clamp(0.0, 0.9);
    let mut kept: Vec<(u32, f32)> = Vec::new();
    for _ in 0..config.epochs {
        for i in (1..order.len()).rev() {
            let j = rng.below(i + 1);
            order.swap(i, j);
        }
        for &e in &order {
            let row: &[(u32, f32)] = if keep < 1.0 {
                kept.clear();
                for &(id, v) in &rows[e] {
                    // A uniform draw in [0, 1) from the top 24 bits.
                    if ((rng.next() >> 40) as f32 / (1u64 << 24) as f32) < keep {
                        kept.push((id, v / keep));
                    }
                }
                &kept
            } else {
                &rows[e]
            };
            let mut z = bias;
            for &(id, v) in row {
                let wf = &w[id as usize];
                for k in 0..3 {
                    z[k] += wf[k] * v;
                }
            }
            let p = softmax(z);
            let y = labels[e];
            let cw = class_weight[y];
            let g: [f32; 3] = std::array::from_fn(|k| (p[k] - if k == y { 1.0 } else { 0.0 }) * cw);
            for k in 0..3 {
                bias_g2[k] += g[k] * g[k];
                bias[k] -= lr * g[k] / (bias_g2[k].sqrt() + 1e-6);
            }
            for &(id, v) in row {
                let id = id as usize;
                for k in 0..3 {
                    let grad = g[k] * v + config.l2 * w[id][k];
                    g2[id][k] += grad * grad;
                    w[id][k] -= lr * grad / (g2[id][k].sqrt() + 1e-6);
                }
            }
        }
    }
    (w, bias)
}

/// Trains a multinomial logistic regression with AdaGrad and L2, then
/// rounds the weights to the file's fixed point and prunes small ones, so
/// the returned model equals what [`Model::write`] then [`Model::parse`]
/// give back.
///
/// ```
/// use newsnlp_stance::{Polarity, train::{train, Example, TrainConfig}};
///
/// let ex = Example { sentence: "Fans cheered Lee.".into(), target: 13..16, polarity: Polarity::Positive };
/// let a = train(std::slice::from_ref(&ex), &TrainConfig { min_count: 1, ..TrainConfig::default() });
/// let b = train(&[ex], &TrainConfig { min_count: 1, ..TrainConfig::default() });
/// assert_eq!(a, b); // deterministic
/// assert!(!a.is_empty());
/// ```
pub fn train(examples: &[Example], config: &TrainConfig) -> Model {
    // Feature names -> ids, in first-seen order (deterministic).
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut counts: Vec<usize> = Vec::new();
    let mut rows: Vec<Vec<(u32, f32)>> = Vec::with_capacity(examples.len());
    for ex in examples {
        let mut row: Vec<(u32, f32)> = Vec::new();
        features::extract(&ex.sentence, ex.target.clone(), &mut |name, v| {
            let id = match ids.get(name) {
                Some(&id) => id,
                None => {
                    let id = names.len() as u32;
                    ids.insert(name.to_string(), id);
                    names.push(name.to_string());
                    counts.push(0);
                    id
                }
            };
            row.push((id, v));
        });
        // Count each feature once per example.
        let mut seen: Vec<u32> = row.iter().map(|r| r.0).collect();
        seen.sort_unstable();
        seen.dedup();
        for id in seen {
            counts[id as usize] += 1;
        }
        rows.push(row);
    }
    for row in &mut rows {
        row.retain(|&(id, v)| counts[id as usize] >= config.min_count && v != 0.0);
    }

    let mut class_weight = [1.0f32; 3];
    if config.balance && !examples.is_empty() {
        let mut n = [0usize; 3];
        for ex in examples {
            n[ex.polarity.index()] += 1;
        }
        for k in 0..3 {
            if n[k] > 0 {
                class_weight[k] = examples.len() as f32 / (3.0 * n[k] as f32);
            }
        }
    }

    let labels: Vec<usize> = examples.iter().map(|e| e.polarity.index()).collect();
    let runs = config.runs.max(1);
    let mut w = vec![[0.0f32; 3]; names.len()];
    let mut bias = [0.0f32; 3];
    for run in 0..runs {
        let seed = config.seed.wrapping_add(run as u64);
        let (wr, br) = fit(&rows, &labels, class_weight, names.len(), config, seed);
        for (a, b) in w.iter_mut().zip(&wr) {
            for k in 0..3 {
                a[k] += b[k] / runs as f32;
            }
        }
        for k in 0..3 {
            bias[k] += br[k] / runs as f32;
        }
    }

    let q = |x: f32| (x * SCALE).round() / SCALE;
    let mut weights = newsnlp_text::hash::FastMap::default();
    for (name, wf) in names.into_iter().zip(w) {
        let wq = wf.map(q);
        if wq.iter().any(|x| x.abs() >= config.prune.max(0.5 / SCALE)) {
            weights.insert(std::borrow::Cow::Owned(name), wq);
        }
    }
    let mut comments = config.notes.clone();
    comments.push(format!(
        "trained on {} targets: epochs {}, learning rate {}, l2 {}, min count {}, prune {}, balance {}, dropout {}, seed {}, runs {}",
        examples.len(),
        config.epochs,
        config.learning_rate,
        config.l2,
        config.min_count,
        config.prune,
        config.balance,
        config.dropout,
        config.seed,
        config.runs
    ));
    Model::from_parts(bias.map(q), weights, comments)
}
