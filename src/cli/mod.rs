//! CLI: argument parsing, reading inputs, choosing the report, writing it. The only place
//! besides ingest's callers that touches the file system or the terminal.

mod check;
mod inputs;
mod output;

use anyhow::{Context, Result};
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
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
  factdiff check docs/ --format github
  factdiff completions bash > ~/.local/share/bash-completion/completions/factdiff
  factdiff man | man -l -

Run `factdiff help <COMMAND>` for a command's options and examples.";

// Examples on examples/articles/ run as shown from a checkout; the rest show the shape.
const COMPARE_HELP: &str = "\
Examples:
  factdiff compare examples/articles/
  factdiff compare examples/articles/ --width 100 --color never
  factdiff compare a.txt b.md page.html --format markdown -o report.md
  factdiff compare examples/articles/ --format html -o report.html
  factdiff compare examples/articles/ --format json | jq '.claims[].differences'
  factdiff compare --input-format html - b.txt < saved-page
  factdiff compare a.txt b.txt --exit-code || echo \"the sources differ\"";

const NUMBERS_HELP: &str = "\
Examples:
  factdiff numbers examples/articles/
  factdiff numbers examples/articles/*.txt --format markdown
  factdiff numbers a.txt b.txt --format json -o numbers.json
  factdiff numbers a.txt b.txt --exit-code   # exit 1 on a number conflict";

const DIFF_HELP: &str = "\
Output marks removed words as [-word-] and added words as {+word+}, like `git diff --word-diff`.

Examples:
  factdiff diff examples/articles/
  factdiff diff a.txt b.txt --color always | less -R";

const EXTRACT_HELP: &str = "\
Examples:
  factdiff extract examples/articles/harbor-daily.txt
  factdiff extract page.html --format json -o page.json
  cat story.txt | factdiff extract -";

const COMPLETIONS_HELP: &str = "\
Examples:
  factdiff completions bash > ~/.local/share/bash-completion/completions/factdiff
  factdiff completions zsh > ~/.zfunc/_factdiff      # with fpath+=(~/.zfunc) in ~/.zshrc
  factdiff completions fish > ~/.config/fish/completions/factdiff.fish
  factdiff completions powershell >> $PROFILE";

const MAN_HELP: &str = "\
Examples:
  factdiff man | man -l -
  factdiff man --dir /usr/local/share/man/man1    # factdiff.1 and one page per command";

/// Compare articles about the same story, fact by fact.
#[derive(Debug, Parser)]
#[command(name = "factdiff", version, about, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    limits: inputs::Limits,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Agreements, differences, statements only one source makes, and numbers.
    #[command(after_help = COMPARE_HELP)]
    Compare(CompareArgs),
    /// The numbers each source gives, side by side.
    #[command(after_help = NUMBERS_HELP)]
    Numbers(ReportArgs),
    /// Word-level diff of every matched statement pair.
    #[command(after_help = DIFF_HELP)]
    Diff(DiffArgs),
    /// CI gate: exit 1 when the documents contradict each other.
    Check(check::CheckArgs),
    /// What was read: sentences, quantities, entities.
    #[command(after_help = EXTRACT_HELP)]
    Extract(ExtractArgs),
    /// Print a shell completion script to standard output.
    #[command(after_help = COMPLETIONS_HELP)]
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per command to a directory.
    #[command(after_help = MAN_HELP)]
    Man(ManArgs),
}

#[derive(Debug, Args)]
struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
struct ManArgs {
    /// Write factdiff.1 and factdiff-<command>.1 into DIR instead of printing factdiff.1.
    #[arg(long, value_name = "DIR")]
    dir: Option<std::path::PathBuf>,
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
struct CompareArgs {
    #[command(flatten)]
    report: ReportArgs,
    /// For each pair of statements in a claim, show its score and what it came from:
    /// meaning, shared names, shared figures, wording, the rest of the two articles
    /// (table: a section after the claims; json: an `explain` list per claim).
    #[arg(long)]
    explain: bool,
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
    let given = cli.command.inputs().to_vec();
    match execute(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}{}", missing_input_hint(&given));
            2
        }
    }
}

impl Command {
    fn inputs(&self) -> &[String] {
        match self {
            Command::Compare(a) => &a.report.input.inputs,
            Command::Numbers(a) => &a.input.inputs,
            Command::Diff(a) => &a.input.inputs,
            Command::Extract(a) => &a.input.inputs,
            Command::Check(a) => &a.inputs,
            Command::Completions(_) | Command::Man(_) => &[],
        }
    }
}

/// `; did you mean `…`?` for the first input that does not exist and has a close spelling.
///
/// Computed after the fact from the arguments, so the reader in inputs.rs keeps its plain
/// messages and only a failing run pays for listing directories.
fn missing_input_hint(inputs: &[String]) -> String {
    inputs
        .iter()
        .filter(|i| *i != "-" && std::fs::symlink_metadata(i).is_err())
        .find_map(|i| closest_existing(i))
        .map(|s| format!("; did you mean `{s}`?"))
        .unwrap_or_default()
}

/// Repairs `input` one path component at a time, replacing each missing component with the
/// closest name in the directory reached so far, so a typo in a directory name is fixed too.
fn closest_existing(input: &str) -> Option<String> {
    use std::path::{Component, PathBuf};
    let mut fixed = PathBuf::new();
    for component in std::path::Path::new(input).components() {
        let candidate = fixed.join(component);
        if std::fs::symlink_metadata(&candidate).is_ok() {
            fixed = candidate;
            continue;
        }
        let Component::Normal(name) = component else {
            return None;
        };
        let dir = if fixed.as_os_str().is_empty() {
            std::path::Path::new(".")
        } else {
            fixed.as_path()
        };
        fixed.push(closest_name(dir, name.to_str()?)?);
    }
    let mut shown = fixed.to_string_lossy().into_owned();
    if input.ends_with('/') && !shown.ends_with('/') {
        shown.push('/');
    }
    Some(shown)
}

fn closest_name(dir: &std::path::Path, name: &str) -> Option<String> {
    let (score, best) = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| !n.starts_with('.') || name.starts_with('.'))
        .map(|n| (name_similarity(name, &n), n))
        // Ties go to the alphabetically first name, so the hint is the same on every file system.
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(&a.1)))?;
    // Below this the closest name is usually an unrelated file, and a wrong hint misleads.
    (score >= 0.6).then_some(best)
}

/// Spelling similarity of two file names, leaving out an extension they share: otherwise
/// `nope.txt` would look like `tree.txt` just for ending in `.txt`.
fn name_similarity(a: &str, b: &str) -> f64 {
    fn split(s: &str) -> Option<(&str, &str)> {
        s.rsplit_once('.').filter(|(stem, _)| !stem.is_empty())
    }
    match (split(a), split(b)) {
        (Some((sa, ea)), Some((sb, eb))) if ea == eb => {
            strsim::normalized_damerau_levenshtein(sa, sb)
        }
        _ => strsim::normalized_damerau_levenshtein(a, b),
    }
}

/// Hands what a command built to the end of the process instead of freeing it: the command
/// has written its output and the process exits next, and taking a large comparison apart
/// piece by piece (millions of small strings) cost a twentieth of a run over 3,200 articles
/// on one thread, after the output was written.
fn leave_to_exit<T>(built: T) {
    std::mem::forget(built);
}

fn execute(cli: Cli) -> Result<i32> {
    cli.limits.apply();
    match cli.command {
        Command::Compare(CompareArgs {
            report: args,
            explain,
        }) => {
            let cmp = compare(&args.input)?;
            let report = if explain {
                report::CompareReport::explained(&cmp)
            } else {
                cmp.report()
            };
            let parts = match args.format {
                Format::Table => vec![table::render(&report, style(&args.out))],
                Format::Markdown => vec![report::markdown::render(&report)],
                Format::Json => report::json::render_compare_parts(&report),
                Format::Html => vec![report::html::render_comparison(&cmp)],
            };
            let text: Vec<&str> = parts.iter().map(String::as_str).collect();
            output::emit_parts(args.out.output.as_deref(), &text)?;
            let code = exit_for(args.exit_code, report.summary.differences);
            leave_to_exit((cmp, report, parts));
            Ok(code)
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
            let code = exit_for(args.exit_code, report.summary.number_conflicts);
            leave_to_exit((cmp, report, text));
            Ok(code)
        }
        Command::Diff(args) => {
            let cmp = compare(&args.input)?;
            let report = cmp.report();
            let text = report::diff::render(&report, color(&args.out));
            output::emit(args.out.output.as_deref(), &text)?;
            let code = exit_for(args.exit_code, report.summary.differences);
            leave_to_exit((cmp, report, text));
            Ok(code)
        }
        Command::Check(args) => check::run(args),
        Command::Completions(args) => {
            let mut text = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "factdiff", &mut text);
            output::emit(None, &String::from_utf8(text)?)?;
            Ok(0)
        }
        Command::Man(args) => {
            let cmd = Cli::command();
            match args.dir {
                Some(dir) => {
                    // Like `cargo install --root`, a missing man directory is made rather
                    // than reported: ~/.local/share/man/man1 often does not exist yet.
                    std::fs::create_dir_all(&dir)
                        .and_then(|()| clap_mangen::generate_to(cmd, &dir))
                        .with_context(|| {
                            format!("{}: cannot write the man pages", dir.display())
                        })?;
                }
                None => {
                    let mut text = Vec::new();
                    clap_mangen::Man::new(cmd).render(&mut text)?;
                    output::emit(None, &String::from_utf8(text)?)?;
                }
            }
            Ok(0)
        }
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
