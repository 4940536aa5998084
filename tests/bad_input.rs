//! Bad input, run through the real binary: every case either works or ends with exit 2 and a
//! one-line message naming the file and the cause. Never a panic, never a hang.
//!
//! Big inputs are generated here, in temporary directories, never committed. The timeouts
//! only catch hangs (a debug build on a loaded CI runner is slow); they do not measure speed.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Far above any case's expected run time: a hang or a quadratic blow-up, not a slow runner.
const HANG: Duration = Duration::from_secs(120);

fn factdiff() -> Command {
    let mut cmd = Command::cargo_bin("factdiff").expect("binary builds");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS")
        .timeout(HANG);
    cmd
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    run_cmd(factdiff().args(args))
}

fn run_cmd(cmd: &mut Command) -> Run {
    let started = Instant::now();
    let out = cmd.output().expect("runs");
    let run = Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    // Stderr carries the elapsed time so `cargo test -- --nocapture` shows each case's cost.
    eprintln!("  ran in {:.2?}", started.elapsed());
    assert!(
        run.code.is_some(),
        "killed (timeout or signal): {}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// Exit 2 with one line on stderr that names `file` and contains `cause`.
fn assert_fails(run: &Run, file: &str, cause: &str) {
    assert_eq!(run.code, Some(2), "stderr: {}", run.stderr);
    let line = run.stderr.trim_end();
    assert_eq!(line.lines().count(), 1, "one-line message: {line}");
    assert!(line.starts_with("error: "), "{line}");
    assert!(line.contains(file), "names {file}: {line}");
    assert!(line.contains(cause), "says {cause:?}: {line}");
    assert!(run.stdout.is_empty(), "no partial report: {}", run.stdout);
}

fn assert_works(run: &Run) {
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
}

fn path(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Two short articles that share a claim, so a compare run has something to align.
const ARTICLE_A: &str = "Canal Reopens\n\nThe canal reopened to barges on Thursday after a dry summer. Water levels rose by about 40 centimetres, the agency said.\n";
const ARTICLE_B: &str = "Barges Return\n\nBarges returned to the canal on Thursday after the summer drought. The agency said water levels rose by 35 centimetres.\n";

fn xorshift(seed: &mut u64) -> u8 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    (*seed >> 24) as u8
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "empty.txt", "");
    assert_fails(&run(&["compare", path(&f)]), "empty.txt", "empty");
}

#[test]
fn whitespace_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "blank.md", " \n\t\r\n   \n\u{3000}\n");
    assert_fails(&run(&["extract", path(&f)]), "blank.md", "empty");
}

#[test]
fn binary_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut seed = 0x9E37_79B9_7F4A_7C15;
    let bytes: Vec<u8> = (0..64 * 1024).map(|_| xorshift(&mut seed)).collect();
    let f = write(dir.path(), "random.txt", &bytes);
    let r = run(&["compare", path(&f), path(&f)]);
    assert_fails(&r, "random.txt", "");
    assert!(
        r.stderr.contains("binary") || r.stderr.contains("not look like text"),
        "{}",
        r.stderr
    );
}

#[test]
fn invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    // A UTF-8 BOM promises UTF-8; what follows is not.
    let mut bytes = b"\xEF\xBB\xBFThe council met on Monday.".to_vec();
    bytes.extend(b" It voted \xC3\x28 to close the \xFF\xFE road.");
    let f = write(dir.path(), "broken.txt", &bytes);
    assert_fails(
        &run(&["extract", path(&f)]),
        "broken.txt",
        "not valid UTF-8 text at byte",
    );
    // Without a BOM, a stray byte in prose reads as a legacy 8-bit encoding.
    let f = write(
        dir.path(),
        "legacy.txt",
        b"The council met on Monday. It voted to close the road \xB7 for a year.",
    );
    let r = run(&["extract", "--format", "json", path(&f)]);
    assert_works(&r);
    assert!(r.stdout.contains("The council met on Monday."));
}

#[test]
fn utf16_without_bom() {
    let dir = tempfile::tempdir().unwrap();
    let text = "The council met on Monday. It voted to close the road for a year.";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let a = write(dir.path(), "le.txt", le);
    let b = write(dir.path(), "be.txt", be);
    let r = run(&["extract", "--format", "json", path(&a), path(&b)]);
    assert_works(&r);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    for doc in v["documents"].as_array().unwrap() {
        assert_eq!(
            doc["sentences"][1]["text"],
            "It voted to close the road for a year."
        );
    }
}

#[test]
fn twenty_megabyte_single_line() {
    let dir = tempfile::tempdir().unwrap();
    let word = "lorem ipsum dolor sit amet consectetur 42 adipiscing elit ";
    let line = word.repeat(20 * 1024 * 1024 / word.len());
    let f = write(dir.path(), "line.txt", &line);
    let b = write(dir.path(), "b.txt", ARTICLE_B);
    let r = run(&["compare", "--format", "json", path(&f), path(&b)]);
    assert_works(&r);
    serde_json::from_str::<serde_json::Value>(&r.stdout).expect("complete JSON");
}

#[test]
fn two_hundred_thousand_one_word_sentences() {
    let dir = tempfile::tempdir().unwrap();
    let words = ["Yes. ", "No. ", "Maybe. ", "Agreed. "];
    let text: String = (0..200_000).map(|i| words[i % 4]).collect();
    let a = write(dir.path(), "a.txt", &text);
    let b = write(dir.path(), "b.txt", &text);
    let r = run(&["compare", "--format", "json", path(&a), path(&b)]);
    assert_works(&r);
    serde_json::from_str::<serde_json::Value>(&r.stdout).expect("complete JSON");
}

#[test]
fn html_nested_100_000_levels_deep() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 100_000;
    let mut page = String::from("<html><body>");
    page.push_str(&"<div>".repeat(depth));
    page.push_str("The canal reopened to barges on Thursday after a dry summer.");
    page.push_str(&"</div>".repeat(depth));
    page.push_str("</body></html>");
    let f = write(dir.path(), "deep.html", &page);
    // Unclosed elements nest as deep as closed ones.
    let unclosed = "<p><span><b><i>".repeat(depth / 4) + "Barges returned on Thursday.";
    let g = write(dir.path(), "unclosed.html", unclosed);
    for file in [&f, &g] {
        let r = run(&["extract", "--format", "json", path(file)]);
        assert_works(&r);
    }
    let r = run(&["compare", path(&f), path(&g)]);
    assert_works(&r);
}

#[test]
fn page_of_only_scripts_and_styles() {
    let dir = tempfile::tempdir().unwrap();
    let page = "<!DOCTYPE html><html><head><style>body { color: red; }</style>\
        <script>var story = \"The canal reopened.\";</script></head><body>\
        <script src=\"app.js\"></script><style>p { margin: 0 }</style>\
        <noscript><img src=\"pixel.gif\"></noscript></body></html>";
    let f = write(dir.path(), "app.html", page);
    assert_fails(&run(&["compare", path(&f)]), "app.html", "no article text");
}

#[test]
fn unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "locked.txt", ARTICLE_A);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let privileged = std::fs::read(&f).is_ok();
    if !privileged {
        assert_fails(&run(&["compare", path(&f)]), "locked.txt", "cannot read");
        return;
    }
    // Root reads through chmod 000; the kernel still refuses a read of this file at offset 0.
    let mem = Path::new("/proc/self/mem");
    if mem.exists() {
        let r = run(&["compare", "--input-format", "text", "/proc/self/mem"]);
        assert_fails(&r, "/proc/self/mem", "cannot read");
    }
}

#[test]
fn directory_with_no_articles() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "data.csv", "a,b\n1,2\n");
    write(dir.path(), "notes", "not an article extension");
    std::fs::create_dir(dir.path().join("empty-sub")).unwrap();
    let r = run(&["compare", path(dir.path())]);
    assert_fails(&r, path(dir.path()), "contains no articles");
}

#[cfg(unix)]
#[test]
fn symlink_loops() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    // A link to itself: not a file, not a directory.
    let own = dir.path().join("self.txt");
    symlink(&own, &own).unwrap();
    assert_fails(&run(&["compare", path(&own)]), "self.txt", "");
    // A link to an ancestor inside a walked directory: the articles are read once each.
    let tree = dir.path().join("tree");
    std::fs::create_dir_all(tree.join("sub")).unwrap();
    write(&tree, "a.txt", ARTICLE_A);
    write(&tree.join("sub"), "b.txt", ARTICLE_B);
    symlink(&tree, tree.join("sub").join("up")).unwrap();
    let r = run(&["compare", "--format", "json", path(&tree)]);
    assert_works(&r);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 2, "{v}");
}

#[test]
fn same_file_given_twice() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "a.txt", ARTICLE_A);
    let r = run(&["compare", "--format", "json", path(&f), path(&f)]);
    assert_works(&r);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let claims = v["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    assert!(
        claims.iter().all(|c| c["verdict"] == "agreement"),
        "a file agrees with itself: {v}"
    );
}

#[test]
fn two_thousand_files_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let places = ["canal", "harbour", "bridge", "tunnel", "airport"];
    let mut args = vec!["compare".to_string(), "--format".into(), "json".into()];
    for i in 0..2000 {
        let text = format!(
            "Report {i}\n\nThe {} reopened on Thursday after {} days of repairs. About {} people used it on the first day, officials said.\n",
            places[i % places.len()],
            i % 30 + 2,
            (i % 7 + 1) * 100
        );
        let f = write(dir.path(), &format!("r{i:04}.txt"), text);
        args.push(path(&f).to_string());
    }
    let r = run_cmd(factdiff().args(&args));
    assert_works(&r);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["documents"].as_array().unwrap().len(), 2000);
    // The same files as one directory argument.
    let r = run(&["numbers", path(dir.path())]);
    assert_works(&r);
}

#[test]
fn file_over_the_default_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("huge.txt");
    // Sparse: 65 MB on paper, nothing on disk.
    std::fs::File::create(&f)
        .unwrap()
        .set_len(65 * 1024 * 1024)
        .unwrap();
    let r = run(&["compare", path(&f)]);
    assert_fails(&r, "huge.txt", "larger than --max-file-size (64M)");
}

#[test]
fn size_limits_follow_the_flags() {
    // The flags are declared in src/cli/inputs.rs and take effect once cli/mod.rs flattens
    // them into the command line; until then only the default limit applies.
    let help = run(&["compare", "--help"]);
    if !help.stdout.contains("--max-file-size") {
        eprintln!("--max-file-size is not wired yet; skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let f = write(dir.path(), "big.txt", ARTICLE_A.repeat(100));
    let r = run(&["compare", "--max-file-size", "1K", path(&f)]);
    assert_fails(&r, "big.txt", "larger than --max-file-size (1K)");
    let r = run_cmd(
        factdiff()
            .args(["extract", "--max-file-size", "1k", "-"])
            .write_stdin(ARTICLE_A.repeat(100)),
    );
    assert_fails(&r, "<stdin>", "larger than --max-file-size");
    assert_works(&run(&["extract", "--max-file-size", "1M", path(&f)]));
    let g = write(dir.path(), "b.txt", ARTICLE_B.repeat(100));
    let r = run(&["compare", "--max-total-size", "20K", path(&f), path(&g)]);
    assert_fails(&r, "b.txt", "larger than --max-total-size (20K)");
    let r = run(&["compare", "--max-file-size", "lots", path(&f)]);
    assert_eq!(r.code, Some(2));
}

/// Article text laced with terminal escapes: colour (CSI), an OSC 8 hyperlink, BEL,
/// backspace, a C1 CSI and a bare carriage return.
const HOSTILE_A: &str = "Harbour Fees Rise\n\nThe harbour board raised \x1b[31mmooring fees\x1b[0m by 12 percent on Monday, the \x1b]8;;https://evil.example\x07board's chair\x1b]8;;\x07 said.\x07\n\nFerry operators said the rise would cost them\x08\x08\x08 about $40,000 a year \u{9b}2J and warned of higher fares.\n";
const HOSTILE_B: &str = "Mooring Fees Up\n\nThe harbour board raised mooring fees by 15 percent on Monday, \x1b[1;32mthe chair\x1b[0m said.\r\n\nFerry operators said the rise would cost them about $45,000 a year\x1b[2K and warned of higher fares.\n";

fn assert_no_escapes(what: &str, out: &str) {
    for (i, c) in out.char_indices() {
        assert!(
            c == '\n' || !c.is_control(),
            "{what}: control character {c:?} at byte {i}:\n{out}"
        );
    }
    assert!(!out.contains("https://evil.example\u{7}"), "{what}");
}

#[test]
fn terminal_output_carries_no_escape_sequences_from_articles() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", HOSTILE_A);
    let b = write(dir.path(), "b.txt", HOSTILE_B);
    let (a, b) = (path(&a), path(&b));
    for args in [
        vec!["compare", "--color", "never", a, b],
        vec!["numbers", "--color", "never", a, b],
        vec!["diff", "--color", "never", a, b],
        vec!["extract", "--color", "never", a, b],
        vec!["check", "--color", "never", "--format", "human", a, b],
        vec!["check", "--format", "github", a, b],
    ] {
        let r = run(&args);
        assert!(matches!(r.code, Some(0 | 1)), "{args:?}: {}", r.stderr);
        assert_no_escapes(&args.join(" "), &r.stdout);
        assert_no_escapes(&args.join(" "), &r.stderr);
    }
    // The comparison still happened: the fee numbers are told apart.
    let r = run(&["diff", "--color", "never", a, b]);
    assert!(r.stdout.contains("[-12-]{+15+}"), "{}", r.stdout);
}

#[test]
fn markdown_report_keeps_hostile_cells_inside_their_table() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Pipe Dreams\n\nThe board said | fees | rose by 12 percent on Monday <script>x()</script> after a vote.\n",
    );
    let b = write(
        dir.path(),
        "b.txt",
        "Pipe Dreams Again\n\nThe board said | fees | rose by 15 percent on Monday <img src=x> after a vote.\n",
    );
    let r = run(&["compare", "--format", "markdown", path(&a), path(&b)]);
    assert_works(&r);
    assert!(!r.stdout.contains("<script>") && !r.stdout.contains("<img"));
    for line in r.stdout.lines().filter(|l| l.starts_with('|')) {
        // An unescaped pipe would open two more columns.
        assert!(!line.contains(" | fees | "), "{line}");
    }
}

/// A failed run must leave the previous report alone, and no temporary file behind.
#[test]
fn failed_run_keeps_the_previous_output_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", ARTICLE_A);
    let b = write(dir.path(), "b.txt", ARTICLE_B);
    let out = dir.path().join("out").join("report.json");
    std::fs::create_dir(out.parent().unwrap()).unwrap();
    let r = run(&[
        "compare",
        "-f",
        "json",
        "-o",
        path(&out),
        path(&a),
        path(&b),
    ]);
    assert_works(&r);
    let before = std::fs::read(&out).unwrap();
    // An input error: nothing is written.
    let empty = write(dir.path(), "empty.txt", "");
    let r = run(&["compare", "-o", path(&out), path(&a), path(&empty)]);
    assert_fails(&r, "empty.txt", "empty");
    assert_eq!(std::fs::read(&out).unwrap(), before);
    // A write error (the target is a directory): the message names it, nothing is left.
    let r = run(&[
        "compare",
        "-o",
        path(out.parent().unwrap()),
        path(&a),
        path(&b),
    ]);
    assert_fails(&r, "out", "cannot write the report");
    assert_eq!(std::fs::read(&out).unwrap(), before);
    // Same for a baseline.
    let base = dir.path().join("out").join("baseline.json");
    let r = run(&["check", "--write-baseline", path(&base), path(&a), path(&b)]);
    assert_works(&r);
    let before_base = std::fs::read(&base).unwrap();
    let r = run(&[
        "check",
        "--write-baseline",
        path(&base),
        path(&a),
        path(&empty),
    ]);
    assert_fails(&r, "empty.txt", "empty");
    assert_eq!(std::fs::read(&base).unwrap(), before_base);
    let names: Vec<String> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "no temporary file left behind: {names:?}");
}

/// Inputs the fuzzers found (`fuzz/`), kept small: each runs through the whole pipeline and
/// every renderer, and its spans must slice the input.
#[test]
fn fuzz_findings_stay_fixed() {
    use factdiff::report::{self, table};
    use factdiff::{Comparison, Document, InputFormat};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&file).unwrap();
        let format = InputFormat::from_path(&name).unwrap_or(InputFormat::Text);
        let Ok(doc) = Document::read("d1", &name, &bytes, format) else {
            continue;
        };
        for s in &doc.sentences {
            assert!(s.span.start <= s.span.end, "{name}: {:?}", s.span);
            assert!(
                doc.ingested.text.get(s.span.start..s.span.end).is_some(),
                "{name}: {:?} does not slice the input",
                s.span
            );
        }
        let other = Document::from_text("d2", "b.txt", ARTICLE_B).unwrap();
        let cmp = Comparison::new(vec![doc, other]);
        let rep = cmp.report();
        let style = table::Style {
            width: 80,
            color: false,
        };
        let _ = table::render(&rep, style);
        let _ = report::markdown::render(&rep);
        let _ = report::json::render(&rep);
        let _ = report::html::render_comparison(&cmp);
        let _ = report::diff::render(&rep, false);
    }
}
