//! The HTML report's structure, checked on real CLI output: the Content-Security-Policy, no
//! scripts, no external URLs, balanced markup, every in-page link landing on an element, and
//! article text escaped however hostile it is.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::HashSet;

const EXAMPLES: &str = "examples/articles/";
const HOSTILE: &str = "tests/fixtures/hostile/";

fn factdiff(args: &[&str]) -> String {
    let out = Command::cargo_bin("factdiff")
        .expect("binary builds")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "factdiff {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn html_of(input: &str) -> String {
    factdiff(&["compare", input, "--format", "html"])
}

/// Every tag of the page, in order, as (name, attribute text, closing?).
fn tags(html: &str) -> Vec<(String, String, bool)> {
    let body = strip_style(html);
    let mut out = Vec::new();
    let mut rest = body.as_str();
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let end = rest.find('>').expect("every tag is closed");
        let inner = &rest[..end];
        rest = &rest[end + 1..];
        if inner.starts_with('!') {
            continue;
        }
        let closing = inner.starts_with('/');
        let inner = inner.trim_start_matches('/');
        let name_end = inner
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(inner.len());
        out.push((
            inner[..name_end].to_ascii_lowercase(),
            inner[name_end..].to_string(),
            closing,
        ));
    }
    out
}

/// The page without the contents of its `<style>` element (CSS is not markup).
fn strip_style(html: &str) -> String {
    match (html.find("<style>"), html.find("</style>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}", &html[..a + 7], &html[b..]),
        _ => html.to_string(),
    }
}

/// The values of attribute `name` across the page.
fn attribute_values(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    let mut out = Vec::new();
    for (_, attrs, _) in tags(html) {
        let mut rest = attrs.as_str();
        while let Some(at) = rest.find(&needle) {
            rest = &rest[at + needle.len()..];
            let end = rest.find('"').expect("quoted attribute");
            out.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    out
}

/// The names of the attributes in a tag's attribute text, skipping quoted values.
fn attribute_names(attrs: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut name = String::new();
    let mut quoted = false;
    for c in attrs.chars() {
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '=' => names.push(std::mem::take(&mut name).to_ascii_lowercase()),
            c if c.is_whitespace() || c == '/' => {
                if !name.is_empty() {
                    names.push(std::mem::take(&mut name).to_ascii_lowercase());
                }
            }
            c => name.push(c),
        }
    }
    if !name.is_empty() {
        names.push(name.to_ascii_lowercase());
    }
    names
}

/// HTML character references back to text, for the few the report writes.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn assert_structure(html: &str) {
    assert!(html.starts_with("<!DOCTYPE html>\n"));
    let csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:";
    let csp_at = html.find(csp).expect("CSP meta tag");
    assert_eq!(html.matches("Content-Security-Policy").count(), 1);
    assert!(
        csp_at < html.find("<style>").expect("inline style"),
        "the policy must come before anything it governs"
    );
    assert!(!html.to_ascii_lowercase().contains("<script"));
    assert!(!html.contains("<link"), "no external stylesheets");
    assert!(!html.contains("@import") && !html.contains("url("));
    assert!(html.contains("<svg") && html.contains("</svg>"));

    // Balanced markup: a failure to escape article text shows up here first.
    const VOID: &[&str] = &["meta", "br", "img", "hr", "wbr", "input", "link"];
    let mut stack: Vec<String> = Vec::new();
    for (name, attrs, closing) in tags(html) {
        if name.is_empty() || VOID.contains(&name.as_str()) || attrs.trim_end().ends_with('/') {
            continue;
        }
        if closing {
            let open = stack.pop();
            assert_eq!(open.as_deref(), Some(name.as_str()), "unbalanced </{name}>");
        } else {
            stack.push(name);
        }
    }
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");

    for name in [
        "src",
        "srcset",
        "action",
        "formaction",
        "xlink:href",
        "poster",
        "data",
    ] {
        assert!(
            attribute_values(html, name).is_empty(),
            "unexpected {name} attribute"
        );
    }
    for (_, attrs, _) in tags(html) {
        assert!(
            !attribute_names(&attrs).iter().any(|n| n.starts_with("on")),
            "event handler attribute in {attrs:?}"
        );
    }

    let ids: Vec<String> = attribute_values(html, "id");
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "ids are unique");
    let hrefs = attribute_values(html, "href");
    assert!(!hrefs.is_empty());
    for href in &hrefs {
        let target = href
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("external link {href:?}"));
        assert!(
            unique.contains(&target.to_string()),
            "link to #{target} has no target"
        );
    }
}

#[test]
fn example_report_is_well_formed_and_self_contained() {
    assert_structure(&html_of(EXAMPLES));
}

#[test]
fn hostile_report_is_well_formed_and_self_contained() {
    assert_structure(&html_of(HOSTILE));
}

#[test]
fn every_statement_links_to_its_sentence() {
    let html = html_of(EXAMPLES);
    let json: Value =
        serde_json::from_str(&factdiff(&["compare", EXAMPLES, "--format", "json"])).expect("JSON");
    let hrefs: HashSet<String> = attribute_values(&html, "href").into_iter().collect();
    let ids: HashSet<String> = attribute_values(&html, "id").into_iter().collect();
    for claim in json["claims"].as_array().expect("claims") {
        let id = claim["id"].as_str().expect("claim id");
        assert!(ids.contains(id), "claim {id} has an anchor");
        for s in claim["statements"].as_array().expect("statements") {
            let sentence = s["sentence"].as_str().expect("sentence id");
            assert!(hrefs.contains(&format!("#{sentence}")), "{sentence} linked");
            assert!(ids.contains(sentence), "{sentence} anchored");
            let location = format!(
                "{}:{}:{}",
                s["doc"].as_str().map_or("", |d| {
                    json["documents"]
                        .as_array()
                        .and_then(|docs| docs.iter().find(|x| x["id"] == d))
                        .and_then(|x| x["path"].as_str())
                        .unwrap_or("")
                }),
                s["line"],
                s["column"]
            );
            assert!(html.contains(&location), "{location} shown");
        }
    }
}

#[test]
fn every_sentence_of_every_source_is_anchored() {
    let html = html_of(EXAMPLES);
    let ids: HashSet<String> = attribute_values(&html, "id").into_iter().collect();
    let extract: Value =
        serde_json::from_str(&factdiff(&["extract", EXAMPLES, "--format", "json"])).expect("JSON");
    for doc in extract["documents"].as_array().expect("documents") {
        for s in doc["sentences"].as_array().expect("sentences") {
            let id = s["id"].as_str().expect("id");
            assert!(ids.contains(id), "sentence {id} has an anchor");
        }
    }
}

#[test]
fn report_has_every_section() {
    let html = html_of(EXAMPLES);
    for id in [
        "summary",
        "documents",
        "shared",
        "unique",
        "numbers",
        "coverage",
        "agreement",
        "sources",
    ] {
        assert!(html.contains(&format!("id=\"{id}\"")), "section {id}");
    }
    assert!(html.contains("prefers-color-scheme: dark"));
    assert!(html.contains("@media print"));
    // Differing claims carry a word diff.
    assert!(html.contains("<del>") && html.contains("<ins>"));
}

#[test]
fn hostile_text_is_escaped() {
    let html = html_of(HOSTILE);
    for raw in [
        "<script",
        "<img",
        "<iframe",
        "<b>repairs",
        "<!-- hidden",
        "\"onmouseover=",
        "<a href=\"https://tracker.example",
    ] {
        assert!(!html.contains(raw), "{raw:?} reached the page unescaped");
    }
    assert_eq!(
        html.matches("</style>").count(),
        1,
        "only the page's own style element closes"
    );
    // Paired or attributed markup pasted into plain text is left out of a sentence's text
    // (segment::render); what remains of it, like the stray `</style>`, is escaped.
    for escaped in [
        "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;",
        "Tickets cost less than &lt;/style&gt; the old fares",
        "&quot;onmouseover=alert(1)",
        "repairs &amp; inspections",
        "&#39;yes&#39; &lt;!-- hidden --&gt; ]]&gt;",
    ] {
        assert!(html.contains(escaped), "{escaped:?} missing");
    }
    assert!(
        !html
            .chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t'),
        "control characters are dropped"
    );
    // The text survives the round trip, minus its control characters.
    assert!(unescape(&html).contains("said \"onmouseover=alert(1) x=[31m."));
}

#[test]
fn output_is_byte_identical_across_runs() {
    assert_eq!(html_of(EXAMPLES), html_of(EXAMPLES));
}

#[test]
fn output_file_is_written_and_numbers_page_renders() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.html");
    let path_str = path.to_str().expect("UTF-8 path");
    factdiff(&["compare", EXAMPLES, "--format", "html", "-o", path_str]);
    let written = std::fs::read_to_string(&path).expect("report written");
    assert_eq!(written, html_of(EXAMPLES));

    let numbers = factdiff(&["numbers", EXAMPLES, "--format", "html"]);
    assert!(numbers.contains("id=\"numbers\""));
    assert!(!numbers.contains("id=\"coverage\""));
    assert_structure_without_svg(&numbers);
}

fn assert_structure_without_svg(html: &str) {
    assert!(html.contains("Content-Security-Policy"));
    assert!(!html.to_ascii_lowercase().contains("<script"));
    let ids: HashSet<String> = attribute_values(html, "id").into_iter().collect();
    for href in attribute_values(html, "href") {
        let target = href.strip_prefix('#').expect("in-page link");
        assert!(ids.contains(target), "link to #{target} has no target");
    }
}
