//! The `newsnlp` command: a thin shell over the `newsnlp` library.
#![forbid(unsafe_code)]

mod analyze;
mod commands;
mod fields;
mod html;
mod input;
mod parts;
mod report;
mod walk;

/// mimalloc rather than the system allocator: one thread on the 38 MB
/// corpus ran `analyze --count` about 8% faster (user time), with a few MB
/// more resident memory.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Who said what, about whom, and how they feel about it: news text analysis.
#[derive(Parser, Debug)]
#[command(name = "newsnlp", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The largest JSONL line read, in bytes; a longer one is answered
    /// with an error line.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = input::DEFAULT_CAP)]
    max_line_bytes: usize,
    /// The largest document read, in bytes (a file, standard input, or
    /// with `--count` a part of a large input between blank lines); a
    /// larger one is an error.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = input::DEFAULT_CAP)]
    max_doc_bytes: usize,
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
    input: PathBuf,
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
    gazetteer: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct AnalyzeArgs {
    /// Files or directories, `-` for standard input; none: the bundled seed
    /// article.
    inputs: Vec<PathBuf>,
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
    html: Option<PathBuf>,
    /// A gazetteer file used instead of the default one.
    #[arg(long, value_name = "FILE")]
    gazetteer: Option<PathBuf>,
    /// With --json or --jsonl: print only these parts, comma-separated
    /// (sentences, entities, quotes, stances); default all.
    #[arg(long, value_name = "LIST", value_parser = fields::Fields::parse)]
    fields: Option<fields::Fields>,
}

#[derive(Args, Debug)]
struct StanceArgs {
    /// Input file, or `-` for standard input.
    input: PathBuf,
    /// Read `{"text", "target": [s, e]}` lines, answer `{"polarity"}` lines.
    #[arg(long)]
    jsonl: bool,
    /// Print the document's stance triples as JSON.
    #[arg(long, conflicts_with = "jsonl")]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let limits = input::Limits {
        line: cli.max_line_bytes,
        doc: cli.max_doc_bytes,
    };
    let result = match &cli.command {
        Command::Analyze(a) => run_analyze(a, limits),
        Command::Tokenize(a) => commands::tokenize(&a.input, a.json, a.count, limits),
        Command::Entities(a) => commands::entities(
            &a.layer.input,
            a.gazetteer.as_deref(),
            (a.layer.json, a.layer.count),
            limits,
        ),
        Command::Quotes(a) => commands::quotes(&a.input, a.json, a.count, limits),
        Command::Stance(a) if a.jsonl => commands::stance_jsonl(&a.input, limits),
        Command::Stance(a) => commands::stance_document(&a.input, a.json, limits),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(input::CliError::Reported) => ExitCode::from(1),
        Err(e) => {
            input::note(&e);
            ExitCode::from(1)
        }
    }
}

fn run_analyze(a: &AnalyzeArgs, limits: input::Limits) -> Result<(), input::CliError> {
    if let Some(f) = a.fields {
        if !(a.json || a.jsonl) {
            return Err(input::CliError::Input(
                "--fields needs --json or --jsonl".into(),
            ));
        }
        fields::select(f);
    }
    let mut builder = newsnlp::Pipeline::builder();
    if let Some(g) = &a.gazetteer {
        builder.gazetteer(commands::load_gazetteer(Some(g.as_path()))?);
    }
    let pipeline = builder.build();
    if a.jsonl {
        let path = match a.inputs.as_slice() {
            [] => Path::new("-"),
            [one] => one.as_path(),
            _ => {
                return Err(input::CliError::Input(
                    "--jsonl reads one stream (a file or -)".into(),
                ));
            }
        };
        return analyze::jsonl(&pipeline, path, limits);
    }
    if let Some(out) = &a.html {
        return analyze::html(&pipeline, &a.inputs, out, limits);
    }
    let format = if a.json {
        analyze::Format::Json
    } else if a.count {
        analyze::Format::Count
    } else {
        analyze::Format::Text
    };
    analyze::files(&pipeline, &a.inputs, format, limits)
}
