//! Macro-F1 of target sentiment on a NewsMTSC file, as `eval/newsmtsc.py`
//! computes it (the three classes' F1, averaged).
//!
//! ```text
//! cargo run --release -p newsnlp-stance --example eval -- /work/shared/data/newsmtsc/dev_rw.jsonl
//! cargo run --release -p newsnlp-stance --example eval -- FILE --baseline    # lexicon baseline
//! cargo run --release -p newsnlp-stance --example eval -- FILE --model M.txt # custom weights
//! cargo run --release -p newsnlp-stance --example eval -- FILE --errors      # also print each error
//! ```

mod common;

use newsnlp_stance::{LexiconBaseline, Model, Polarity, TargetSentiment};

fn main() {
    if let Err(e) = run() {
        eprintln!("eval: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        return Err("usage: eval FILE.jsonl [--baseline | --model WEIGHTS.txt]".into());
    };
    let examples = common::read_newsmtsc(path)?;
    let baseline = args.iter().any(|a| a == "--baseline");
    let errors = args.iter().any(|a| a == "--errors");
    let clf = match args.iter().position(|a| a == "--model") {
        Some(i) => {
            let p = args.get(i + 1).ok_or("--model needs a path")?;
            TargetSentiment::with_model(Model::from_path(p).map_err(|e| e.to_string())?)
        }
        None => TargetSentiment::new(),
    };
    let base = LexiconBaseline::new();
    let mut confusion = [[0usize; 3]; 3]; // [gold][predicted]
    for ex in &examples {
        let pred = if baseline {
            base.classify(&ex.sentence, ex.target.clone()).polarity
        } else {
            clf.classify(&ex.sentence, ex.target.clone()).polarity
        };
        confusion[ex.polarity.index()][pred.index()] += 1;
        if errors && pred != ex.polarity {
            println!(
                "{} -> {}\t[{}]\t{}",
                ex.polarity.as_str(),
                pred.as_str(),
                ex.sentence.get(ex.target.clone()).unwrap_or(""),
                ex.sentence
            );
        }
    }
    let mut f1s = Vec::new();
    for p in Polarity::ALL {
        let k = p.index();
        let tp = confusion[k][k] as f64;
        let predicted: usize = (0..3).map(|g| confusion[g][k]).sum();
        let gold: usize = confusion[k].iter().sum();
        let prec = if predicted > 0 {
            tp / predicted as f64
        } else {
            0.0
        };
        let rec = if gold > 0 { tp / gold as f64 } else { 0.0 };
        let f1 = if prec + rec > 0.0 {
            2.0 * prec * rec / (prec + rec)
        } else {
            0.0
        };
        println!(
            "{:>8}: P {:5.1} R {:5.1} F1 {:5.1} (gold {gold}, predicted {predicted})",
            p.as_str(),
            100.0 * prec,
            100.0 * rec,
            100.0 * f1
        );
        f1s.push(f1);
    }
    let correct: usize = (0..3).map(|k| confusion[k][k]).sum();
    println!(
        "{}: macro-F1 {:.1}, accuracy {:.1} ({} targets)",
        if baseline {
            "lexicon baseline"
        } else {
            "model"
        },
        100.0 * f1s.iter().sum::<f64>() / 3.0,
        100.0 * correct as f64 / examples.len() as f64,
        examples.len()
    );
    Ok(())
}
