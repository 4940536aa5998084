//! CLI: argument parsing, reading inputs, choosing the report, writing it. The only place
//! besides ingest's callers that touches the file system or the terminal.

mod check;
mod inputs;
mod output;

use anyhow::Result;
use clap::{Args, Parser, Subcommand, ValueEnum};
use factdiff::report::{self, grid, table};
use factdiff::{Comparison, InputFormat};
use std::io::IsTerminal;

const AFTER_HELP: &str = "\
Exit codes:
  0  success
  1  differences found (`check`, or any command with --exit-code)
  2  usage, input or configuration error

Examples:
  factdiff compare examples/articles/
  factdiff compare a.txt b.md --format json -o report.json
  factdiff numbers examples/articles/*.txt
  factdiff diff a.txt b.txt
  factdiff check docs/ --format github";

/// Compare articles about the same story, fact by fact.
#[derive(Debug, Parser)]
#[command(name = "factdiff", version, about, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Agreements, differences, statements only one source makes, and numbers.
    Compare(ReportArgs),
    /// The numbers each source gives, side by side.
    Numbers(ReportArgs),
    /// Word-level diff of every matched statement pair.
    Diff(DiffArgs),
    /// CI gate: exit 1 when the documents contradict each other.
    Check(check::CheckArgs),
    /// What was read: sentences, quantities, entities.
    Extract(ExtractArgs),
}

#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Files, directories (searched recursively for .txt, .md, .html) or `-` for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Read every input as this format instead of guessing from the extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
}

#[derive(Debug, Args)]
pub(crate) struct OutputArgs {
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<String>,
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Table width in columns (default: the terminal's, or 120 when not a terminal).
    #[arg(long, value_name = "N")]
    pub width: Option<u16>,
}

#[derive(Debug, Args)]
struct ReportArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Report format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Table)]
    format: Format,
    #[command(flatten)]
    out: OutputArgs,
    /// Exit with code 1 when any difference is found.
    #[arg(long)]
    exit_code: bool,
}

#[derive(Debug, Args)]
struct DiffArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    out: OutputArgs,
    /// Exit with code 1 when any difference is found.
    #[arg(long)]
    exit_code: bool,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Report format.
    #[arg(long, short = 'f', value_enum, default_value_t = ExtractFormat::Table)]
    format: ExtractFormat,
    #[command(flatten)]
    out: OutputArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Format {
    Table,
    Markdown,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Table,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Runs the command line and returns the process exit code.
pub fn run() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match execute(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            2
        }
    }
}

fn execute(cli: Cli) -> Result<i32> {
    match cli.command {
        Command::Compare(args) => {
            let cmp = compare(&args.input)?;
            let report = cmp.report();
            let text = match args.format {
                Format::Table => table::render(&report, style(&args.out)),
                Format::Markdown => report::markdown::render(&report),
                Format::Json => report::json::render(&report),
                Format::Html => report::html::render_comparison(&cmp),
            };
            output::emit(args.out.output.as_deref(), &text)?;
            Ok(exit_for(args.exit_code, report.summary.differences))
        }
        Command::Numbers(args) => {
            let cmp = compare(&args.input)?;
            let report = cmp.report();
            let text = match args.format {
                Format::Table => {
                    let grid = grid::numbers_grid(&report, &report.numbers);
                    table::render_grids(&[grid], &numbers_footer(&report), style(&args.out))
                }
                Format::Markdown => {
                    let grid = grid::numbers_grid(&report, &report.numbers);
                    report::markdown::render_grids(
                        "factdiff numbers",
                        &[grid],
                        &numbers_footer(&report),
                    )
                }
                Format::Json => report::json::render(&NumbersJson {
                    schema: "factdiff.numbers/1",
                    documents: &report.documents,
                    numbers: &report.numbers,
                }),
                Format::Html => report::html::render_numbers(&report),
            };
            output::emit(args.out.output.as_deref(), &text)?;
            Ok(exit_for(args.exit_code, report.summary.number_conflicts))
        }
        Command::Diff(args) => {
            let cmp = compare(&args.input)?;
            let report = cmp.report();
            let text = report::diff::render(&report, color(&args.out));
            output::emit(args.out.output.as_deref(), &text)?;
            Ok(exit_for(args.exit_code, report.summary.differences))
        }
        Command::Check(args) => check::run(args),
        Command::Extract(args) => {
            let docs = inputs::read_all(&args.input.inputs, args.input.input_format)?;
            let model = report::ExtractReport::build(&docs);
            let text = match args.format {
                ExtractFormat::Json => report::json::render(&model),
                ExtractFormat::Table => report::extract::render(&model, style(&args.out)),
            };
            output::emit(args.out.output.as_deref(), &text)?;
            Ok(0)
        }
    }
}

#[derive(serde::Serialize)]
struct NumbersJson<'a> {
    schema: &'static str,
    documents: &'a [report::DocumentRef],
    numbers: &'a [report::NumberRow],
}

fn numbers_footer(report: &report::CompareReport) -> String {
    let n = report.numbers.len();
    let c = report.summary.number_conflicts;
    format!(
        "{n} quantit{} · {c} conflict{}",
        if n == 1 { "y" } else { "ies" },
        if c == 1 { "" } else { "s" }
    )
}

fn exit_for(flag: bool, differences: usize) -> i32 {
    if flag && differences > 0 {
        1
    } else {
        0
    }
}

pub(crate) fn compare(input: &InputArgs) -> Result<Comparison> {
    let docs = inputs::read_all(&input.inputs, input.input_format)?;
    Ok(Comparison::new(docs))
}

pub(crate) fn color(out: &OutputArgs) -> bool {
    match out.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            out.output.is_none()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

fn style(out: &OutputArgs) -> table::Style {
    let width = out.width.unwrap_or_else(|| {
        let from_env = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
        from_env
            .or_else(|| {
                (out.output.is_none() && std::io::stdout().is_terminal())
                    .then(terminal_width)
                    .flatten()
            })
            .unwrap_or(120)
    });
    table::Style {
        width: width.max(40),
        color: color(out),
    }
}

fn terminal_width() -> Option<u16> {
    let probe = comfy_table::Table::new();
    probe.width()
}
