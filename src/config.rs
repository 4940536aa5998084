//! `factdiff.toml`: the project configuration `factdiff check` reads — groups of files that
//! must agree, which difference kinds fail the build, extra aliases and topics, and files to
//! ignore.
//!
//! This module owns parsing and validation only. It is pure: the CLI finds and reads the file
//! and hands the text in, so every rule here can be tested on strings. Every error carries the
//! 1-based line of the offending key or value, because a config error that does not say where
//! it is sends people bisecting their file.
//!
//! ```toml
//! fail-on = ["number", "date", "negation"]
//! ignore = ["drafts/**"]
//!
//! [[group]]
//! name = "press"
//! files = ["docs/press/*.md"]
//!
//! [aliases]
//! "North Korea" = ["Pyongyang", "DPRK"]
//!
//! [topics]
//! summits = ["summit", "Singapore", "Hanoi"]
//! ```

use crate::judge::DifferenceKind;
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Serialize;
use std::fmt;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The file name `factdiff check` looks for in the current directory and its parents.
pub const FILE_NAME: &str = "factdiff.toml";

/// Every difference kind, in the order reports and `--print-config` list them.
pub const ALL_KINDS: [DifferenceKind; 6] = [
    DifferenceKind::Number,
    DifferenceKind::Date,
    DifferenceKind::Entity,
    DifferenceKind::Negation,
    DifferenceKind::Hedge,
    DifferenceKind::Quote,
];

const TOP_KEYS: &[&str] = &["fail-on", "ignore", "group", "aliases", "topics"];
const GROUP_KEYS: &[&str] = &["name", "files"];

/// The name a difference kind has in configuration, reports and rule ids.
pub use crate::report::grid::kind_name;

/// Parses a difference kind name, as written in `fail-on` or `--fail-on`.
pub fn parse_kind(name: &str) -> Option<DifferenceKind> {
    ALL_KINDS.into_iter().find(|&k| kind_name(k) == name)
}

/// A set of files that must agree with each other.
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    /// Unique name, used in reports and JUnit suite names.
    pub name: String,
    /// Glob patterns relative to the directory of the configuration file.
    pub files: Vec<String>,
}

/// A validated `factdiff.toml`, defaults filled in.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Config {
    /// Kinds that fail the build; others are reported as warnings.
    pub fail_on: Vec<DifferenceKind>,
    /// Glob patterns of files never read, relative to the configuration file.
    pub ignore: Vec<String>,
    /// File groups, each compared on its own.
    #[serde(rename = "group")]
    pub groups: Vec<Group>,
    /// Canonical name → other names for the same entity.
    pub aliases: Vec<(String, Vec<String>)>,
    /// Topic label → signal words.
    pub topics: Vec<(String, Vec<String>)>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            fail_on: ALL_KINDS.to_vec(),
            ignore: Vec::new(),
            groups: Vec::new(),
            aliases: Vec::new(),
            topics: Vec::new(),
        }
    }
}

/// Why a configuration was rejected, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// 1-based line of the offending text, when known.
    pub line: Option<usize>,
    /// What is wrong, with a suggestion when one is likely.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// Parsing context: the source text, for turning byte spans into lines.
struct Ctx<'a> {
    text: &'a str,
}

impl Ctx<'_> {
    fn line_of(&self, offset: usize) -> usize {
        let end = offset.min(self.text.len());
        // Spans from the parser sit on char boundaries; counting bytes is safe either way.
        self.text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    fn err<T>(&self, span: std::ops::Range<usize>, message: String) -> Result<T, ConfigError> {
        Err(ConfigError {
            line: Some(self.line_of(span.start)),
            message,
        })
    }
}

/// The closest of `valid` to `word`, when it is close enough to be what was meant.
pub fn suggest<'a>(word: &str, valid: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace('_', "-");
    let w = norm(word);
    valid
        .iter()
        .map(|&v| (strsim::normalized_damerau_levenshtein(&w, &norm(v)), v))
        .filter(|&(score, _)| score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, v)| v)
}

fn unknown(word: &str, what: &str, valid: &[&str]) -> String {
    match suggest(word, valid) {
        Some(s) => format!("unknown {what} `{word}`; did you mean `{s}`?"),
        None => format!(
            "unknown {what} `{word}`; expected one of {}",
            valid
                .iter()
                .map(|v| format!("`{v}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn string_list(
    ctx: &Ctx<'_>,
    key: &str,
    value: &Spanned<DeValue<'_>>,
) -> Result<Vec<String>, ConfigError> {
    let DeValue::Array(items) = value.get_ref() else {
        return ctx.err(
            value.span(),
            format!(
                "`{key}` must be an array of strings, found {}",
                type_name(value.get_ref())
            ),
        );
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items.iter() {
        match item.get_ref() {
            DeValue::String(s) => out.push(s.to_string()),
            other => {
                return ctx.err(
                    item.span(),
                    format!(
                        "`{key}` must be an array of strings, found {} in it",
                        type_name(other)
                    ),
                )
            }
        }
    }
    Ok(out)
}

fn check_glob(
    ctx: &Ctx<'_>,
    span: std::ops::Range<usize>,
    pattern: &str,
) -> Result<(), ConfigError> {
    if pattern.trim().is_empty() {
        return ctx.err(span, "empty file pattern".to_string());
    }
    match Glob::new(pattern) {
        Ok(_) => Ok(()),
        Err(e) => ctx.err(span, format!("bad file pattern `{pattern}`: {}", e.kind())),
    }
}

fn named_lists(
    ctx: &Ctx<'_>,
    section: &str,
    value: &Spanned<DeValue<'_>>,
) -> Result<Vec<(String, Vec<String>)>, ConfigError> {
    let DeValue::Table(table) = value.get_ref() else {
        return ctx.err(
            value.span(),
            format!(
                "`{section}` must be a table, found {}",
                type_name(value.get_ref())
            ),
        );
    };
    let mut out = Vec::new();
    for (k, v) in table.iter() {
        let name = k.get_ref().trim();
        if name.is_empty() {
            return ctx.err(k.span(), format!("empty name in `[{section}]`"));
        }
        let words = string_list(ctx, &format!("{section}.{name}"), v)?;
        if words.iter().any(|w| w.trim().is_empty()) {
            return ctx.err(v.span(), format!("empty word in `{section}.{name}`"));
        }
        out.push((name.to_string(), words));
    }
    Ok(out)
}

fn group(
    ctx: &Ctx<'_>,
    value: &Spanned<DeValue<'_>>,
    seen: &mut Vec<String>,
) -> Result<Group, ConfigError> {
    let DeValue::Table(table) = value.get_ref() else {
        return ctx.err(
            value.span(),
            "each `group` must be a table with `name` and `files` (write `[[group]]`)".to_string(),
        );
    };
    let mut name = None;
    let mut files = None;
    for (k, v) in table.iter() {
        match k.get_ref().as_ref() {
            "name" => match v.get_ref() {
                DeValue::String(s) if !s.trim().is_empty() => name = Some(s.trim().to_string()),
                DeValue::String(_) => return ctx.err(v.span(), "empty group name".to_string()),
                other => {
                    return ctx.err(
                        v.span(),
                        format!("group `name` must be a string, found {}", type_name(other)),
                    )
                }
            },
            "files" => {
                let list = string_list(ctx, "files", v)?;
                if list.is_empty() {
                    return ctx.err(v.span(), "group `files` is empty".to_string());
                }
                if let DeValue::Array(items) = v.get_ref() {
                    for (item, pattern) in items.iter().zip(&list) {
                        check_glob(ctx, item.span(), pattern)?;
                    }
                }
                files = Some(list);
            }
            other => return ctx.err(k.span(), unknown(other, "key in `[[group]]`", GROUP_KEYS)),
        }
    }
    let Some(name) = name else {
        return ctx.err(value.span(), "a `[[group]]` has no `name`".to_string());
    };
    let Some(files) = files else {
        return ctx.err(value.span(), format!("group `{name}` has no `files`"));
    };
    if seen.contains(&name) {
        return ctx.err(value.span(), format!("group `{name}` is defined twice"));
    }
    seen.push(name.clone());
    Ok(Group { name, files })
}

impl Config {
    /// Parses and validates the text of a `factdiff.toml`.
    pub fn parse(text: &str) -> Result<Config, ConfigError> {
        let ctx = Ctx { text };
        let root = DeTable::parse(text).map_err(|e| ConfigError {
            line: e.span().map(|s| ctx.line_of(s.start)),
            // The parser's message can span lines; reports want one.
            message: e.message().split_whitespace().collect::<Vec<_>>().join(" "),
        })?;
        let mut config = Config::default();
        let mut seen_groups = Vec::new();
        for (k, v) in root.get_ref().iter() {
            match k.get_ref().as_ref() {
                "fail-on" => {
                    let names = string_list(&ctx, "fail-on", v)?;
                    let items: &[Spanned<DeValue<'_>>] = match v.get_ref() {
                        DeValue::Array(items) => items,
                        _ => &[],
                    };
                    let mut kinds = Vec::new();
                    for (item, name) in items.iter().zip(&names) {
                        let valid: Vec<&str> = ALL_KINDS.iter().map(|&k| kind_name(k)).collect();
                        match parse_kind(name) {
                            Some(kind) if !kinds.contains(&kind) => kinds.push(kind),
                            Some(_) => {}
                            None => {
                                return ctx.err(
                                    item.span(),
                                    unknown(name, "difference kind in `fail-on`", &valid),
                                )
                            }
                        }
                    }
                    kinds.sort();
                    config.fail_on = kinds;
                }
                "ignore" => {
                    config.ignore = string_list(&ctx, "ignore", v)?;
                    if let DeValue::Array(items) = v.get_ref() {
                        for (item, pattern) in items.iter().zip(&config.ignore) {
                            check_glob(&ctx, item.span(), pattern)?;
                        }
                    }
                }
                "group" => match v.get_ref() {
                    DeValue::Array(items) => {
                        for item in items.iter() {
                            config.groups.push(group(&ctx, item, &mut seen_groups)?);
                        }
                    }
                    DeValue::Table(_) => {
                        config.groups.push(group(&ctx, v, &mut seen_groups)?);
                    }
                    other => {
                        return ctx.err(
                            v.span(),
                            format!(
                                "`group` must be tables written `[[group]]`, found {}",
                                type_name(other)
                            ),
                        )
                    }
                },
                "aliases" => config.aliases = named_lists(&ctx, "aliases", v)?,
                "topics" => config.topics = named_lists(&ctx, "topics", v)?,
                other => return ctx.err(k.span(), unknown(other, "key", TOP_KEYS)),
            }
        }
        Ok(config)
    }

    /// The effective configuration as TOML, defaults spelled out.
    pub fn to_toml(&self) -> String {
        #[derive(Serialize)]
        #[serde(rename_all = "kebab-case")]
        struct Out<'a> {
            fail_on: Vec<&'static str>,
            ignore: &'a [String],
            #[serde(rename = "group")]
            groups: &'a [Group],
            aliases: toml::Table,
            topics: toml::Table,
        }
        let table = |pairs: &[(String, Vec<String>)]| {
            pairs
                .iter()
                .map(|(k, v)| {
                    let words = v.iter().cloned().map(toml::Value::String).collect();
                    (k.clone(), toml::Value::Array(words))
                })
                .collect::<toml::Table>()
        };
        let out = Out {
            fail_on: self.fail_on.iter().map(|&k| kind_name(k)).collect(),
            ignore: &self.ignore,
            groups: &self.groups,
            aliases: table(&self.aliases),
            topics: table(&self.topics),
        };
        // Only strings, arrays and tables: serialisation has nothing that could fail.
        toml::to_string(&out).unwrap_or_default()
    }

    /// Whether differences of `kind` fail the build.
    pub fn fails_on(&self, kind: DifferenceKind) -> bool {
        self.fail_on.contains(&kind)
    }

    /// The `ignore` patterns as one matcher over `/`-separated relative paths.
    pub fn ignore_set(&self) -> GlobSet {
        glob_set(&self.ignore)
    }
}

/// Compiles patterns already validated by [`Config::parse`]. `*` stops at `/` as in
/// `.gitignore`, so `docs/*.md` does not reach into subdirectories; `**` does.
pub fn glob_set(patterns: &[String]) -> GlobSet {
    let mut builder = GlobSetBuilder::new();
    for p in patterns {
        if let Ok(g) = globset::GlobBuilder::new(p).literal_separator(true).build() {
            builder.add(g);
        }
    }
    builder.build().unwrap_or_else(|_| GlobSet::empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_config_parses_in_file_order() {
        let c = Config::parse(
            "fail-on = [\"number\", \"negation\"]\nignore = [\"drafts/**\"]\n\
             [[group]]\nname = \"press\"\nfiles = [\"docs/press/*.md\"]\n\
             [aliases]\n\"North Korea\" = [\"Pyongyang\", \"DPRK\"]\n\
             [topics]\nzeta = [\"z\"]\nalpha = [\"a\"]\n",
        )
        .unwrap();
        assert_eq!(
            c.fail_on,
            vec![DifferenceKind::Number, DifferenceKind::Negation]
        );
        assert_eq!(c.groups[0].name, "press");
        assert_eq!(c.aliases[0].0, "North Korea");
        assert_eq!(c.topics[0].0, "zeta");
        assert!(c.ignore_set().is_match("drafts/a/b.md"));
    }

    #[test]
    fn unknown_key_names_line_and_suggests() {
        let e = Config::parse("ignore = []\n\nfail_on = [\"number\"]\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("did you mean `fail-on`"), "{e}");
        let e = Config::parse("[[group]]\nname = \"a\"\nfile = [\"x\"]\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("`files`"), "{e}");
        let e = Config::parse("fail-on = [\"numbr\"]").unwrap_err();
        assert!(e.message.contains("`number`"), "{e}");
    }

    #[test]
    fn type_errors_and_syntax_errors_are_located() {
        let e = Config::parse("\nignore = \"drafts\"\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        let e = Config::parse("a = \n[x").unwrap_err();
        assert!(e.line.is_some());
        assert!(!e.message.contains('\n'));
        let e = Config::parse("[[group]]\nname = \"a\"\nfiles = [\"[\"]\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        let e = Config::parse(
            "[[group]]\nname=\"a\"\nfiles=[\"x\"]\n[[group]]\nname=\"a\"\nfiles=[\"y\"]",
        )
        .unwrap_err();
        assert!(e.message.contains("twice"));
    }

    #[test]
    fn shipped_example_is_valid() {
        let c = Config::parse(include_str!("../examples/ci/factdiff.toml")).unwrap();
        assert_eq!(c.groups.len(), 2);
        assert!(!c.fails_on(DifferenceKind::Hedge));
    }

    #[test]
    fn printed_config_parses_back() {
        let c = Config::parse(
            "[[group]]\nname = \"p\"\nfiles = [\"*.md\"]\n[aliases]\n\"A B\" = [\"C\"]\n",
        )
        .unwrap();
        let again = Config::parse(&c.to_toml()).unwrap();
        assert_eq!(again.fail_on, ALL_KINDS.to_vec());
        assert_eq!(again.groups[0].files, vec!["*.md"]);
        assert_eq!(again.aliases, c.aliases);
    }
}
