//! The `newsnlp` command: a thin shell over the `newsnlp` library.
#![forbid(unsafe_code)]

mod commands;
mod input;

use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Who said what, about whom, and how they feel about it: news text analysis.
#[derive(Parser, Debug)]
#[command(name = "newsnlp", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Sentences and tokens with byte spans.
    Tokenize(Layer),
    /// Entity mentions linked to canonical entities.
    Entities(EntitiesArgs),
    /// Target sentiment: `--jsonl` answers `{"text", "target": [s, e]}` lines.
    Stance(StanceArgs),
}

#[derive(Args, Debug)]
struct Layer {
    /// Input file, or `-` for standard input.
    input: String,
    /// Print JSON (spans are `[start, end)` UTF-8 byte offsets).
    #[arg(long, conflicts_with = "count")]
    json: bool,
    /// Print counts only (for throughput).
    #[arg(long)]
    count: bool,
}

#[derive(Args, Debug)]
struct EntitiesArgs {
    #[command(flatten)]
    layer: Layer,
    /// A gazetteer file (TSV with `alias` and `canonical` columns, JSON or
    /// TOML) used instead of the default one.
    #[arg(long, value_name = "FILE")]
    gazetteer: Option<String>,
}

#[derive(Args, Debug)]
struct StanceArgs {
    /// Input file, or `-` for standard input.
    input: String,
    /// Read `{"text", "target": [s, e]}` lines, answer `{"polarity"}` lines.
    #[arg(long)]
    jsonl: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Tokenize(a) => commands::tokenize(&a.input, a.json, a.count),
        Command::Entities(a) => commands::entities(
            &a.layer.input,
            a.gazetteer.as_deref(),
            a.layer.json,
            a.layer.count,
        ),
        Command::Stance(a) if a.jsonl => commands::stance_jsonl(&a.input),
        Command::Stance(a) => commands::stance_document(&a.input),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("newsnlp: {e}");
            ExitCode::from(1)
        }
    }
}
