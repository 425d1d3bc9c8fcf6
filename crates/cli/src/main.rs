//! The `newsnlp` command: a thin shell over the `newsnlp` library.
#![forbid(unsafe_code)]

mod analyze;
mod commands;
mod html;
mod input;
mod report;

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
    /// The whole pipeline: entities, quotes and stances (the seed article
    /// when no input is given).
    Analyze(AnalyzeArgs),
    /// Sentences and tokens with byte spans.
    Tokenize(Layer),
    /// Entity mentions linked to canonical entities.
    Entities(EntitiesArgs),
    /// Quotes: content, cue, source and speaker.
    Quotes(Layer),
    /// Stance triples of a document; `--jsonl` answers target-sentiment
    /// queries (`{"text", "target": [s, e]}` lines).
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
struct AnalyzeArgs {
    /// Files or directories, `-` for standard input; none: the bundled seed
    /// article.
    inputs: Vec<String>,
    /// Print one JSON object per input.
    #[arg(long, conflicts_with_all = ["count", "jsonl"])]
    json: bool,
    /// Stream: `{"id", "text"}` lines in, `{"id", …analysis}` lines out.
    #[arg(long, conflicts_with = "count")]
    jsonl: bool,
    /// Print counts per layer only (for throughput).
    #[arg(long)]
    count: bool,
    /// Write a self-contained HTML page highlighting entities, quotes and
    /// speakers to FILE (one input).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["count", "jsonl", "json"])]
    html: Option<String>,
    /// A gazetteer file used instead of the default one.
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
    /// Print the document's stance triples as JSON.
    #[arg(long, conflicts_with = "jsonl")]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Analyze(a) => run_analyze(a),
        Command::Tokenize(a) => commands::tokenize(&a.input, a.json, a.count),
        Command::Entities(a) => commands::entities(
            &a.layer.input,
            a.gazetteer.as_deref(),
            a.layer.json,
            a.layer.count,
        ),
        Command::Quotes(a) => commands::quotes(&a.input, a.json, a.count),
        Command::Stance(a) if a.jsonl => commands::stance_jsonl(&a.input),
        Command::Stance(a) => commands::stance_document(&a.input, a.json),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(input::CliError::Reported) => ExitCode::from(1),
        Err(e) => {
            eprintln!("newsnlp: {e}");
            ExitCode::from(1)
        }
    }
}

fn run_analyze(a: &AnalyzeArgs) -> Result<(), input::CliError> {
    let mut builder = newsnlp::Pipeline::builder();
    if let Some(g) = &a.gazetteer {
        builder.gazetteer(commands::load_gazetteer(Some(g))?);
    }
    let pipeline = builder.build();
    if a.jsonl {
        let path = match a.inputs.as_slice() {
            [] => "-",
            [one] => one.as_str(),
            _ => {
                return Err(input::CliError::Input(
                    "--jsonl reads one stream (a file or -)".into(),
                ));
            }
        };
        return analyze::jsonl(&pipeline, path);
    }
    if let Some(out) = &a.html {
        return analyze::html(&pipeline, &a.inputs, out);
    }
    let format = if a.json {
        analyze::Format::Json
    } else if a.count {
        analyze::Format::Count
    } else {
        analyze::Format::Text
    };
    analyze::files(&pipeline, &a.inputs, format)
}
