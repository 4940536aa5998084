//! `factdiff check`: the consistency gate for CI. Compares the inputs and fails (exit 1) when
//! documents contradict each other.

use super::{color, compare, output, InputArgs, OutputArgs};
use anyhow::Result;
use clap::{Args, ValueEnum};
use factdiff::report;
use factdiff::InputFormat;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to check (default: the current directory).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Read every input as this format instead of guessing from the extension.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = CheckFormat::Human)]
    pub format: CheckFormat,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CheckFormat {
    Human,
    Json,
    Github,
}

/// Runs `check` and returns the exit code.
pub fn run(args: CheckArgs) -> Result<i32> {
    let inputs = InputArgs {
        inputs: if args.inputs.is_empty() {
            vec![".".to_string()]
        } else {
            args.inputs.clone()
        },
        input_format: args.input_format,
    };
    let cmp = compare(&inputs)?;
    let report = cmp.report();
    let text = match args.format {
        CheckFormat::Human => report::check::human(&report, color(&args.out)),
        CheckFormat::Json => report::json::render(&report),
        CheckFormat::Github => report::check::github(&report),
    };
    output::emit(args.out.output.as_deref(), &text)?;
    Ok(if report.summary.differences > 0 { 1 } else { 0 })
}
