//! The `newsnlp` command: a thin shell over the `newsnlp` library.
#![forbid(unsafe_code)]

mod input;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use newsnlp::tokenize::Tokenizer;

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
    Tokenize(TokenizeArgs),
}

#[derive(Args, Debug)]
struct TokenizeArgs {
    /// Input file, or `-` for standard input.
    input: String,
    /// Print `{"sentences": [{"start", "end", "tokens": [[s, e], ...]}]}`.
    #[arg(long, conflicts_with = "count")]
    json: bool,
    /// Print counts only (for throughput).
    #[arg(long)]
    count: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Tokenize(args) => tokenize(&args),
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

fn tokenize(args: &TokenizeArgs) -> Result<(), input::CliError> {
    let text = input::read_text(&args.input)?;
    let tokenizer = Tokenizer::new();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    if args.count {
        let (tokens, sentences) = input::count_parallel(&text, |part| {
            let (mut tokens, mut sentences) = (0, 0);
            tokenizer.for_each_paragraph(part, |t, s| {
                tokens += t.len();
                sentences += s.len();
            });
            (tokens, sentences)
        });
        writeln!(out, "sentences {sentences}\ntokens {tokens}")?;
        return Ok(out.flush()?);
    }
    let doc = tokenizer.tokenize(&text);
    if args.json {
        out.write_all(b"{\"sentences\": [")?;
        for (i, s) in doc.sentences().iter().enumerate() {
            if i > 0 {
                out.write_all(b", ")?;
            }
            write!(
                out,
                "{{\"start\": {}, \"end\": {}, \"tokens\": [",
                s.span.start, s.span.end
            )?;
            for (k, t) in doc.sentence_tokens(s).iter().enumerate() {
                let sep = if k > 0 { ", " } else { "" };
                write!(out, "{sep}[{}, {}]", t.span.start, t.span.end)?;
            }
            out.write_all(b"]}")?;
        }
        out.write_all(b"]}\n")?;
    } else {
        for s in doc.sentences() {
            let words: Vec<&str> = doc.sentence_tokens(s).iter().map(|t| t.text).collect();
            writeln!(out, "{}", words.join(" | "))?;
        }
    }
    Ok(out.flush()?)
}
