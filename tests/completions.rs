//! Shell completions, the man page and per-command help all come from the clap definitions;
//! these tests run the binary to prove each one is generated and names every command.

use assert_cmd::Command;

const COMMANDS: &[&str] = &[
    "compare",
    "numbers",
    "diff",
    "check",
    "extract",
    "completions",
    "man",
];

fn factdiff() -> Command {
    let mut cmd = Command::cargo_bin("factdiff").expect("binary builds");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn stdout_of(args: &[&str]) -> String {
    let out = factdiff().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "factdiff {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn completions_for_every_shell_name_every_command() {
    // A marker each shell's script is known to contain, so an empty or wrong-shell script fails.
    // The last field: whether clap_complete's script for that shell offers option values.
    let shells = [
        ("bash", "complete -F", true),
        ("zsh", "#compdef factdiff", true),
        ("fish", "complete -c factdiff", true),
        ("powershell", "Register-ArgumentCompleter", false),
        ("elvish", "edit:completion:arg-completer", false),
    ];
    for (shell, marker, completes_values) in shells {
        let script = stdout_of(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: no `{marker}`");
        for command in COMMANDS {
            assert!(
                script.contains(command),
                "{shell}: `{command}` not completed"
            );
        }
        if completes_values {
            // `--format <TAB>` offers the formats.
            assert!(
                script.contains("markdown"),
                "{shell}: formats not completed"
            );
        }
    }
}

#[test]
fn unknown_shell_is_a_usage_error() {
    factdiff()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("invalid value 'tcsh'"));
}

#[test]
fn man_page_is_roff_with_every_command_and_the_exit_codes() {
    let page = stdout_of(&["man"]);
    assert!(
        page.starts_with(".ie \\n(.g .ds Aq"),
        "not roff: {}",
        &page[..80]
    );
    assert!(page.contains(".TH factdiff 1"), "no title header");
    for command in COMMANDS {
        assert!(
            page.contains(command),
            "`{command}` missing from the man page"
        );
    }
    assert!(page.contains("Exit codes"), "after-help text missing");
}

#[test]
fn man_dir_writes_one_page_per_command() {
    let root = tempfile::tempdir().expect("temp dir");
    // README points at ~/.local/share/man/man1, which often does not exist yet.
    let dir = root.path().join("share").join("man1");
    let path = dir.to_str().expect("UTF-8 temp path");
    factdiff().args(["man", "--dir", path]).assert().success();
    let pages = std::iter::once("factdiff".to_string())
        .chain(COMMANDS.iter().map(|c| format!("factdiff-{c}")));
    for name in pages {
        let page = std::fs::read_to_string(dir.join(format!("{name}.1")))
            .unwrap_or_else(|e| panic!("{name}.1: {e}"));
        assert!(page.contains(".TH"), "{name}.1 has no title header");
    }
}

#[test]
fn every_command_has_help_with_examples() {
    for command in COMMANDS {
        let help = stdout_of(&[command, "--help"]);
        assert!(
            help.contains("Examples:"),
            "`{command} --help` shows no examples"
        );
        assert!(
            help.contains("factdiff"),
            "`{command} --help` examples name no command"
        );
    }
    assert!(stdout_of(&["--help"]).contains("Examples:"));
}

#[test]
fn missing_file_suggests_the_closest_sibling() {
    factdiff()
        .args(["compare", "examples/articles/harbour-daily.txt"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "examples/articles/harbour-daily.txt: no such file or directory; \
             did you mean `examples/articles/harbor-daily.txt`?",
        ));
}

#[test]
fn missing_file_without_a_close_sibling_gets_no_guess() {
    let out = factdiff()
        .args(["numbers", "examples/articles/zzzz.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("zzzz.txt: no such file or directory"),
        "{stderr}"
    );
    assert!(!stderr.contains("did you mean"), "{stderr}");
}
