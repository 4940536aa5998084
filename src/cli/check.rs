//! `factdiff check`: the consistency gate for CI. Owns the I/O around the pure pieces: finding
//! and reading `factdiff.toml`, turning groups and inputs into files, reading and writing
//! baselines, and choosing the exit code.

use super::{color, inputs, output, OutputArgs};
use anyhow::{anyhow, bail, Context, Result};
use clap::{Args, ValueEnum};
use factdiff::baseline::{self, Baseline};
use factdiff::config::{self, Config};
use factdiff::extract::Extractor;
use factdiff::judge::{DifferenceKind, Topic};
use factdiff::report::check::{CheckReport, GroupInput};
use factdiff::report::{self};
use factdiff::{Comparison, InputFormat, Options};
use std::path::{Path, PathBuf};

const AFTER_HELP: &str = "\
Configuration:
  factdiff.toml is read from the current directory or the nearest parent (or --config FILE).
  Without INPUT, its [[group]]s name the files; with INPUT, every group holding one of the
  inputs is checked whole; with no groups, the inputs (default: .) form one group.

Exit codes:
  0  consistent: no difference, or only differences accepted by the baseline or outside fail-on
  1  unaccepted differences
  2  usage, input, configuration or baseline error

Examples:
  factdiff check
  factdiff check docs/press --format github
  factdiff check --format sarif -o factdiff.sarif
  factdiff check --write-baseline factdiff-baseline.json
  factdiff check --baseline factdiff-baseline.json";

#[derive(Debug, Args)]
#[command(after_help = AFTER_HELP)]
pub struct CheckArgs {
    /// Files or directories to check (default: the groups of factdiff.toml, else `.`).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Read this configuration file instead of looking for factdiff.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<String>,
    /// Print the effective configuration as TOML and exit.
    #[arg(long)]
    pub print_config: bool,
    /// Difference kinds that fail the check, overriding `fail-on` (comma-separated).
    #[arg(long, value_name = "KINDS", value_delimiter = ',', value_parser = parse_kind)]
    pub fail_on: Option<Vec<DifferenceKind>>,
    /// Fail only on differences not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<String>,
    /// Record the current differences in FILE as accepted, and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub write_baseline: Option<String>,
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
    Sarif,
    Junit,
    Github,
}

fn parse_kind(s: &str) -> Result<DifferenceKind, String> {
    config::parse_kind(s.trim()).ok_or_else(|| {
        let valid: Vec<&str> = config::ALL_KINDS
            .iter()
            .map(|&k| config::kind_name(k))
            .collect();
        match config::suggest(s, &valid) {
            Some(v) => format!("unknown difference kind `{s}`; did you mean `{v}`?"),
            None => format!(
                "unknown difference kind `{s}`; expected one of {}",
                valid.join(", ")
            ),
        }
    })
}

/// Where the configuration came from, and the directory its paths are relative to.
struct Loaded {
    config: Config,
    /// The file, as a path from the working directory.
    file: Option<PathBuf>,
    /// The project root: the file's directory, or the working directory.
    root: PathBuf,
}

fn load_config(explicit: Option<&str>) -> Result<Loaded> {
    let file = match explicit {
        Some(f) => Some(PathBuf::from(f)),
        None => discover()?,
    };
    let Some(file) = file else {
        return Ok(Loaded {
            config: Config::default(),
            file: None,
            root: PathBuf::from("."),
        });
    };
    let shown = file.display();
    let text = std::fs::read_to_string(&file)
        .map_err(|e| anyhow!("{shown}: cannot read the configuration: {e}"))?;
    let config = Config::parse(&text).map_err(|e| match e.line {
        Some(line) => anyhow!("{shown}:{line}: {}", e.message),
        None => anyhow!("{shown}: {}", e.message),
    })?;
    let root = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok(Loaded {
        config,
        file: Some(file),
        root,
    })
}

/// The nearest `factdiff.toml` from the working directory up, as a relative path
/// (`factdiff.toml`, `../factdiff.toml`, …) so reported file paths stay short and clickable.
fn discover() -> Result<Option<PathBuf>> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let mut up = PathBuf::new();
    for dir in cwd.ancestors() {
        if dir.join(config::FILE_NAME).is_file() {
            return Ok(Some(up.join(config::FILE_NAME)));
        }
        up.push("..");
    }
    Ok(None)
}

/// `root/rel`, without a `./` in front when the root is the working directory.
fn under(root: &Path, rel: &str) -> String {
    if root == Path::new(".") {
        rel.to_string()
    } else {
        format!("{}/{rel}", root.display())
    }
}

/// A path relative to the project root, `/`-separated: what `ignore`, group membership and
/// baseline fingerprints are matched on. Paths outside the root keep their given form.
fn key_of(root: &Path, path: &str) -> String {
    if path == "-" {
        return path.to_string();
    }
    let rel = std::fs::canonicalize(root)
        .and_then(|r| std::fs::canonicalize(path).map(|p| (r, p)))
        .ok()
        .and_then(|(r, p)| {
            p.strip_prefix(&r)
                .ok()
                .map(|rel| rel.to_string_lossy().replace('\\', "/"))
        });
    baseline::normalise_path(&rel.unwrap_or_else(|| path.to_string()))
}

/// Every file under the root that could be an article, as root-relative `/` paths, sorted.
fn walk_root(root: &Path, any_extension: bool) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let walker = walkdir::WalkDir::new(root)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || e.file_name() != ".git");
    for entry in walker {
        let entry =
            entry.with_context(|| format!("{}: cannot walk the directory", root.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let p = entry.path();
        let article = any_extension
            || p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                inputs::ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())
            });
        if let (true, Ok(rel)) = (article, p.strip_prefix(root)) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
    out.sort();
    Ok(out)
}

/// A set of files to compare, with their root-relative keys.
struct FileGroup {
    name: String,
    configured: bool,
    paths: Vec<String>,
    keys: Vec<String>,
}

fn resolve_groups(args: &CheckArgs, loaded: &Loaded) -> Result<Vec<FileGroup>> {
    let config = &loaded.config;
    let root = &loaded.root;
    let ignore = config.ignore_set();
    let config_name = loaded.file.as_ref().map_or_else(
        || config::FILE_NAME.to_string(),
        |f| f.display().to_string(),
    );
    if config.groups.is_empty() {
        let given = if args.inputs.is_empty() {
            vec![".".to_string()]
        } else {
            args.inputs.clone()
        };
        let mut paths = Vec::new();
        let mut keys = Vec::new();
        for path in inputs::expand(&given)? {
            let key = key_of(root, &path);
            if path == "-" || !ignore.is_match(&key) {
                paths.push(path);
                keys.push(key);
            }
        }
        if paths.is_empty() {
            bail!("{config_name}: `ignore` leaves no file to check");
        }
        return Ok(vec![FileGroup {
            name: "inputs".to_string(),
            configured: false,
            paths,
            keys,
        }]);
    }
    let files = walk_root(root, args.input_format.is_some())?;
    let mut groups = Vec::new();
    for g in &config.groups {
        let set = config::glob_set(&g.files);
        let keys: Vec<String> = files
            .iter()
            .filter(|f| set.is_match(f) && !ignore.is_match(f))
            .cloned()
            .collect();
        if keys.is_empty() {
            bail!(
                "{config_name}: group `{}` matches no file (files = {:?}, relative to {})",
                g.name,
                g.files,
                root.display()
            );
        }
        groups.push(FileGroup {
            name: g.name.clone(),
            configured: true,
            paths: keys.iter().map(|k| under(root, k)).collect(),
            keys,
        });
    }
    if args.inputs.is_empty() {
        return Ok(groups);
    }
    // Inputs select groups: a changed file is checked against the rest of its group, which
    // is what a pre-commit hook handing over changed files needs.
    let wanted: Vec<String> = inputs::expand(&args.inputs)?
        .iter()
        .map(|p| key_of(root, p))
        .collect();
    for key in &wanted {
        if !groups.iter().any(|g| g.keys.contains(key)) {
            eprintln!("note: {key} is in no group of {config_name} (or is ignored); not checked");
        }
    }
    groups.retain(|g| g.keys.iter().any(|k| wanted.contains(k)));
    Ok(groups)
}

/// Runs `check` and returns the exit code.
pub fn run(args: CheckArgs) -> Result<i32> {
    let mut loaded = load_config(args.config.as_deref())?;
    if let Some(kinds) = &args.fail_on {
        let mut kinds = kinds.clone();
        kinds.sort();
        kinds.dedup();
        loaded.config.fail_on = kinds;
    }
    if args.print_config {
        let origin = match &loaded.file {
            Some(f) => format!("# effective configuration, from {}\n", f.display()),
            None => format!(
                "# effective configuration: no {} found, defaults\n",
                config::FILE_NAME
            ),
        };
        output::emit(
            args.out.output.as_deref(),
            &format!("{origin}{}", loaded.config.to_toml()),
        )?;
        return Ok(0);
    }
    let baseline = match &args.baseline {
        Some(path) => Some(read_baseline(path)?),
        None => None,
    };
    let config = &loaded.config;
    let extractor = Extractor::new(&config.aliases);
    let topics: Vec<Topic> = config
        .topics
        .iter()
        .map(|(label, words)| Topic::new(label, words))
        .collect();
    let mut groups = Vec::new();
    for g in resolve_groups(&args, &loaded)? {
        let docs = inputs::read_all_with(&g.paths, args.input_format, &extractor)?;
        let cmp = Comparison::with_options(
            docs,
            &Options {
                background: None,
                topics: topics.clone(),
            },
        );
        groups.push(GroupInput {
            name: g.name,
            configured: g.configured,
            compare: cmp.report(),
            keys: g.keys,
        });
    }
    let report = CheckReport::build(groups, &config.fail_on, baseline.as_ref());
    if let Some(path) = &args.write_baseline {
        let b = report.to_baseline();
        output::emit(Some(path), &b.to_json())
            .map_err(|e| anyhow!("{path}: cannot write the baseline: {}", e.root_cause()))?;
        eprintln!(
            "wrote {} difference{} to {path}",
            b.entries.len(),
            if b.entries.len() == 1 { "" } else { "s" }
        );
        return Ok(0);
    }
    let text = match args.format {
        CheckFormat::Human => report::check::human(&report, color(&args.out)),
        CheckFormat::Json => report::json::render(&report),
        CheckFormat::Sarif => report::sarif::render(&report, &config.fail_on, baseline.is_some()),
        CheckFormat::Junit => report::junit::render(&report),
        CheckFormat::Github => report::check::github(&report),
    };
    output::emit(args.out.output.as_deref(), &text)?;
    Ok(if report.ok { 0 } else { 1 })
}

fn read_baseline(path: &str) -> Result<Baseline> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow!("{path}: cannot read the baseline: {e}"))?;
    Baseline::parse(&text).map_err(|e| match e.line {
        Some(line) => anyhow!("{path}:{line}: {}", e.message),
        None => anyhow!("{path}: {}", e.message),
    })
}
