//! Trains the target-sentiment model and writes its weight file.
//!
//! ```text
//! cargo run --release -p newsnlp-stance --features train --example train -- \
//!     /work/shared/data/newsmtsc/train.jsonl crates/stance/data/model.txt
//! ```
//!
//! Optional flags after the two paths override [`TrainConfig`]'s defaults
//! (for experiments; the embedded model uses none): `--epochs N`,
//! `--lr X`, `--l2 X`, `--min-count N`, `--prune X`, `--no-balance`,
//! `--dropout X`, `--seed N`, `--runs N`, `--limit N` (train on the first N targets only), `--cv K`
//! (print the K-fold cross-validated macro-F1, folds by sentence, and write
//! nothing; the targets of sentences with several targets are scored on
//! their own too), `--cv-reps R` (repeat the cross-validation R times, the
//! sentences dealt to the folds in another seeded order each time after
//! the first, and print the means).

mod common;

use newsnlp_stance::train::{Example, TrainConfig, train};

fn main() {
    if let Err(e) = run() {
        eprintln!("train: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output, flags @ ..] = args.as_slice() else {
        return Err("usage: train TRAIN.jsonl OUT.txt [flags]".into());
    };
    let mut examples: Vec<Example> = common::read_newsmtsc(input)?
        .into_iter()
        .map(|e| Example {
            sentence: e.sentence,
            target: e.target,
            polarity: e.polarity,
        })
        .collect();
    let mut config = TrainConfig::default();
    let mut cv = 0usize;
    let mut reps = 1usize;
    let mut it = flags.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        let num = |v: &String| {
            v.parse::<f64>()
                .map_err(|_| format!("{flag}: bad number {v:?}"))
        };
        match flag.as_str() {
            "--epochs" => config.epochs = num(value()?)? as usize,
            "--lr" => config.learning_rate = num(value()?)? as f32,
            "--l2" => config.l2 = num(value()?)? as f32,
            "--min-count" => config.min_count = num(value()?)? as usize,
            "--prune" => config.prune = num(value()?)? as f32,
            "--dropout" => config.dropout = num(value()?)? as f32,
            "--seed" => config.seed = num(value()?)? as u64,
            "--runs" => config.runs = num(value()?)? as usize,
            "--no-balance" => config.balance = false,
            "--limit" => examples.truncate(num(value()?)? as usize),
            "--cv" => cv = num(value()?)? as usize,
            "--cv-reps" => reps = num(value()?)? as usize,
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    if cv > 1 {
        let mut all = [0.0, 0.0];
        let reps = reps.max(1);
        for rep in 0..reps {
            let [a, m] = cross_validate(&examples, &config, cv, rep)?;
            all[0] += a / reps as f64;
            all[1] += m / reps as f64;
        }
        if reps > 1 {
            println!(
                "mean of {reps} repetitions: {cv}-fold macro-F1 {:.2} (multi-target {:.2})",
                100.0 * all[0],
                100.0 * all[1]
            );
        }
        return Ok(());
    }
    let file = std::path::Path::new(input)
        .file_name()
        .map_or_else(|| input.clone(), |f| f.to_string_lossy().into_owned());
    config.notes = vec![
        "Target-sentiment weights for newsnlp-stance.".into(),
        format!("Derived from NewsMTSC {file} (MIT licence, Copyright 2020 Felix Hamborg;"),
        "see data/NEWSMTSC-LICENSE.txt and data/model.NOTICE.txt).".into(),
        "Made by: cargo run --release -p newsnlp-stance --features train --example train -- \\"
            .into(),
        format!("    /work/shared/data/newsmtsc/{file} crates/stance/data/model.txt"),
    ];
    let model = train(&examples, &config);
    let mut out = Vec::new();
    model.write(&mut out).map_err(|e| e.to_string())?;
    std::fs::write(output, &out).map_err(|e| format!("{output}: {e}"))?;
    eprintln!(
        "{} targets, {} features kept, {} bytes -> {output}",
        examples.len(),
        model.len(),
        out.len()
    );
    Ok(())
}

/// The fold of each of `n` sentences: sentence `s` in fold `s % k` for
/// repetition 0, else in the fold of its place in an order drawn from `rep`.
fn folds(n: usize, k: usize, rep: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    if rep > 0 {
        // xorshift64*, seeded by the repetition.
        let mut x = 0x9e37_79b9_7f4a_7c15u64 ^ (rep as u64).wrapping_mul(0x2545_f491_4f6c_dd1d);
        for i in (1..n).rev() {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            let j = (x.wrapping_mul(0x2545_f491_4f6c_dd1d) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
    }
    let mut fold = vec![0; n];
    for (place, s) in order.into_iter().enumerate() {
        fold[s] = place % k;
    }
    fold
}

/// K-fold cross-validation by sentence (targets of one sentence stay in one
/// fold); prints each fold's macro-F1 and the mean, and returns the mean and
/// the macro-F1 of the targets of multi-target sentences.
fn cross_validate(
    examples: &[Example],
    config: &TrainConfig,
    k: usize,
    rep: usize,
) -> Result<[f64; 2], String> {
    let mut sentence = Vec::with_capacity(examples.len());
    let mut sentence_no = 0usize;
    for (i, ex) in examples.iter().enumerate() {
        if i > 0 && examples[i - 1].sentence != ex.sentence {
            sentence_no += 1;
        }
        sentence.push(sentence_no);
    }
    // Targets of sentences with more than one target (NewsMTSC's
    // multi-target case, where the model is weakest) are scored on their
    // own as well.
    let fold = folds(sentence_no + 1, k, rep);
    let mut targets_of = vec![0usize; sentence_no + 1];
    for s in &sentence {
        targets_of[*s] += 1;
    }
    let mut scores = Vec::new();
    let mut multi_pairs = Vec::new();
    for f in 0..k {
        let (test, train_set): (Vec<_>, Vec<_>) = examples
            .iter()
            .zip(&sentence)
            .partition(|(_, s)| fold[**s] == f);
        let train_set: Vec<_> = train_set.into_iter().map(|(e, _)| e.clone()).collect();
        let clf = newsnlp_stance::TargetSentiment::with_model(train(&train_set, config));
        let gold_pred: Vec<_> = test
            .iter()
            .map(|(e, _)| {
                (
                    e.polarity,
                    clf.classify(&e.sentence, e.target.clone()).polarity,
                )
            })
            .collect();
        let f1 = common::macro_f1(&gold_pred);
        eprintln!("fold {f}: macro-F1 {:.1}", 100.0 * f1);
        scores.push(f1);
        multi_pairs.extend(
            test.iter()
                .zip(&gold_pred)
                .filter(|((_, s), _)| targets_of[**s] > 1)
                .map(|(_, pair)| *pair),
        );
    }
    let mean = scores.iter().sum::<f64>() / k as f64;
    let multi = common::macro_f1(&multi_pairs);
    println!(
        "{k}-fold macro-F1 {:.2} (targets of multi-target sentences: {:.2}, {} targets)",
        100.0 * mean,
        100.0 * multi,
        multi_pairs.len()
    );
    Ok([mean, multi])
}
