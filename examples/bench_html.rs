//! One large saved news page, every stage timed: can a 5 MB HTML page be read in under a
//! second?
//!
//! ```sh
//! cargo build --release && cargo run --release --example bench_html [-- MEGABYTES]
//! cargo run --release --example bench_html -- --write FILE [MEGABYTES]   # only write the page
//! ```
//!
//! The page (default 5 MB) is built at run time, so nothing from the data sets is stored in
//! the repository: the article body is paragraphs of real news sentences from the ECB+
//! development articles in `<shared>/data/ecbplus/val_docs` (`<shared>` is
//! `$FACTDIFF_SHARED`, else `../shared` or `../../shared` next to the crate), dealt out in a
//! fixed order and repeated until the page is big enough, like a long live blog. Around it
//! stands the chrome of a saved news page: head scripts and styles, a navigation bar with
//! drop-down menus, share buttons, inline figures and ads, a related-stories rail, a reader
//! comments section, a large footer, JSON-LD and HTML comments.
//!
//! Printed per stage: wall seconds and CPU seconds over all threads for `ingest`, `segment`
//! and `extract` (best of three) run in this process the way `Document::read` runs them,
//! `align`, `judge` and the JSON `report` (once), then the whole
//! `factdiff compare --format json` on the page (best of three), run as a child process
//! (the release binary next to this example; build it first).

use factdiff::extract::Extractor;
use factdiff::{align, ingest, judge, report, segment, Comparison, Document, InputFormat};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// The allocator the `factdiff` binary uses, so the stages cost what they cost there.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/cpu.rs"]
mod cpu;
#[path = "support/shared.rs"]
mod shared;

/// Every sentence of the ECB+ development articles, in file order (one sentence per line).
fn sentence_pool(shared: &Path) -> Result<Vec<String>, String> {
    let pool = shared::ecb_sentences(shared)?;
    if pool.is_empty() {
        return Err("no sentences under data/ecbplus/val_docs".into());
    }
    Ok(pool)
}

/// Text is HTML-escaped; the sentences hold `&`, `<` and quotes.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

const SECTIONS: &[&str] = &[
    "World",
    "Africa",
    "Americas",
    "Asia",
    "Europe",
    "Middle East",
    "Business",
    "Markets",
    "Technology",
    "Science",
    "Health",
    "Sport",
    "Culture",
    "Opinion",
    "Climate",
    "Travel",
];

fn nav(out: &mut String) {
    out.push_str("<header class=\"site-header\"><div class=\"logo\"><a href=\"/\">The Daily Ledger</a></div>\n<nav class=\"main-nav\" aria-label=\"Sections\"><ul class=\"menu\">\n");
    for (i, s) in SECTIONS.iter().enumerate() {
        let slug = s.to_lowercase().replace(' ', "-");
        out.push_str(&format!(
            "<li class=\"menu-item has-children\"><a href=\"/{slug}/\">{s}</a><ul class=\"sub-menu\">"
        ));
        for k in 0..24 {
            out.push_str(&format!(
                "<li><a href=\"/{slug}/topic-{k}/\">{s} topic {k}</a></li>"
            ));
        }
        out.push_str("</ul></li>\n");
        if i % 4 == 3 {
            out.push_str("<!-- menu column break: keep in sync with the CMS template -->\n");
        }
    }
    out.push_str("</ul></nav>\n<div class=\"top-bar\"><a href=\"/subscribe\">Subscribe</a> | <a href=\"/login\">Sign in</a> | <a href=\"/newsletters\">Newsletters</a></div></header>\n");
}

fn head(out: &mut String) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Live: pirates, earthquakes and trials, the day's stories as they happened | The Daily Ledger</title>\n<meta name=\"author\" content=\"Jane Moreno\">\n<meta property=\"article:published_time\" content=\"2019-03-04T08:00:00Z\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    for k in 0..40 {
        out.push_str(&format!(
            "<link rel=\"preload\" href=\"/static/chunk-{k}.js\" as=\"script\">\n"
        ));
    }
    out.push_str("<style>\n");
    for k in 0..800 {
        out.push_str(&format!(
            ".c{k}{{margin:{}px;padding:0 {}px;font:14px/1.4 Georgia,serif;color:#{:06x}}}\n",
            k % 17,
            k % 9,
            (k * 7919) % 0xffffff
        ));
    }
    out.push_str("</style>\n<script>\nwindow.__CONFIG__ = {");
    for k in 0..3000 {
        out.push_str(&format!(
            "\"flag_{k}\": {{\"enabled\": {}, \"variant\": \"v{}\", \"note\": \"Rolled out to {}% of readers < 2019\"}},\n",
            k % 3 == 0,
            k % 5,
            k % 100
        ));
    }
    out.push_str("};\nfunction track(e){if(e&&e.target){dataLayer.push({event:'click',id:e.target.id});}}\n</script>\n</head>\n<body class=\"article live\">\n");
}

fn share(out: &mut String) {
    out.push_str("<div class=\"share\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on Twitter</a> <a href=\"#\">Email</a> <a href=\"#\">Copy link</a></div>\n");
}

/// The article: a live page of updates, each a heading, a time and paragraphs of sentences.
fn article(out: &mut String, pool: &[String], body_bytes: usize) {
    out.push_str("<main id=\"content\"><article class=\"story\">\n<h1>Live: pirates, earthquakes and trials, the day's stories as they happened</h1>\n<p class=\"byline\">By <a href=\"/staff/jane-moreno\">Jane Moreno</a>, Senior Correspondent</p>\n<time datetime=\"2019-03-04T08:00:00Z\">March 4, 2019</time>\n");
    share(out);
    let start = out.len();
    let mut next = 0;
    let mut para = 0;
    while out.len() - start < body_bytes {
        if para % 12 == 0 {
            out.push_str(&format!(
                "<div class=\"update\" id=\"u{para}\"><h2>Update {}: {}</h2><p class=\"time\">{:02}:{:02} GMT</p>\n",
                para / 12 + 1,
                escape(pool[next % pool.len()].split(',').next().unwrap_or("")),
                8 + (para / 12) % 14,
                (para * 7) % 60
            ));
        }
        out.push_str("<p>");
        let n = 2 + para % 5;
        for k in 0..n {
            let s = escape(&pool[next % pool.len()]);
            next += 1;
            if k > 0 {
                out.push(' ');
            }
            // Some sentences carry inline markup, as edited copy does.
            match (para + k) % 7 {
                0 => {
                    let (a, b) = s.split_at(s.find(' ').unwrap_or(0));
                    out.push_str(&format!("<a href=\"/topic/{para}\">{a}</a>{b}"));
                }
                3 => out.push_str(&format!("<em>{s}</em>")),
                _ => out.push_str(&s),
            }
        }
        out.push_str("</p>\n");
        if para % 25 == 24 {
            out.push_str("<figure class=\"inline\"><img src=\"/img/photo.jpg\" alt=\"Photo\"><figcaption>Rescue workers at the scene on Monday. Photograph: Agency</figcaption></figure>\n");
        }
        if para % 40 == 39 {
            out.push_str("<div class=\"ad-slot\" data-ad=\"mid\"><!-- ad: mid-article --><span>Advertisement</span></div>\n<aside class=\"read-more\"><p>Read more: <a href=\"/world/related\">Earlier coverage of the story</a></p></aside>\n");
        }
        para += 1;
        if para % 12 == 0 {
            out.push_str("</div>\n");
        }
    }
    if para % 12 != 0 {
        out.push_str("</div>\n");
    }
    share(out);
    out.push_str("</article>\n");
}

fn rail(out: &mut String, pool: &[String]) {
    out.push_str("<aside class=\"related\"><h3>Most read</h3><ol>\n");
    for k in 0..60 {
        let s = escape(&pool[(k * 37) % pool.len()]);
        let title = s.split(',').next().unwrap_or("");
        out.push_str(&format!(
            "<li><a href=\"/story/{k}\">{title}</a> <span class=\"age\">{}h ago</span></li>\n",
            k % 12 + 1
        ));
    }
    out.push_str("</ol></aside></main>\n");
}

fn comments(out: &mut String) {
    out.push_str("<section id=\"comments\" class=\"comments\"><h3>Comments (400)</h3>\n<!-- comments are rendered server-side for SEO -->\n");
    for k in 0..400 {
        out.push_str(&format!(
            "<div class=\"comment\"><span class=\"user\">reader{k}</span> <span class=\"when\">{} hours ago</span><p>{}</p><a href=\"#\" class=\"reply\">Reply</a> <a href=\"#\" class=\"report\">Report</a></div>\n",
            k % 23 + 1,
            match k % 4 {
                0 => "Great reporting, thanks for keeping this updated all day.",
                1 => "Does anyone know whether the ferry is running again?",
                2 => "This is the third time this year. Something has to change!",
                _ => "lol",
            }
        ));
    }
    out.push_str("</section>\n");
}

fn footer(out: &mut String) {
    out.push_str("<footer class=\"site-footer\"><div class=\"footer-links\">\n");
    for s in SECTIONS {
        out.push_str(&format!("<div class=\"col\"><h4>{s}</h4><ul>"));
        for k in 0..12 {
            out.push_str(&format!("<li><a href=\"/{k}\">{s} {k}</a></li>"));
        }
        out.push_str("</ul></div>\n");
    }
    out.push_str("</div><p>© 2019 The Daily Ledger. All rights reserved. <a href=\"/privacy\">Privacy</a> | <a href=\"/terms\">Terms</a> | <a href=\"/cookies\">Cookie settings</a></p></footer>\n");
    out.push_str("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"LiveBlogPosting\",\"headline\":\"Live: pirates, earthquakes and trials\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Moreno\"},\"datePublished\":\"2019-03-04T08:00:00Z\"}</script>\n");
    out.push_str("<script>");
    for k in 0..2000 {
        out.push_str(&format!(
            "function f{k}(a,b){{return a<b?a*{k}:b+\"{k}\";}}\n"
        ));
    }
    out.push_str("</script>\n<!-- page generated in 0.213s -->\n</body></html>\n");
}

/// A page of about `bytes` bytes.
fn page(pool: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + (1 << 20));
    head(&mut out);
    nav(&mut out);
    let chrome = out.len() + 200_000;
    article(&mut out, pool, bytes.saturating_sub(chrome));
    rail(&mut out, pool);
    comments(&mut out);
    footer(&mut out);
    out
}

/// Best wall and CPU seconds of three runs of `f`; CPU counts this process's threads, or
/// with `child`, the children it waited for.
fn best_of_three<T>(child: bool, mut f: impl FnMut() -> T) -> (f64, f64, T) {
    let (mut wall, mut cpu) = (f64::MAX, f64::MAX);
    let mut out = None;
    for _ in 0..3 {
        let before = cpu::seconds();
        let t = Instant::now();
        let r = f();
        let w = t.elapsed().as_secs_f64();
        let after = cpu::seconds();
        let c = if child {
            after.1 - before.1
        } else {
            after.0 - before.0
        };
        wall = wall.min(w);
        cpu = cpu.min(c);
        out = Some(r);
    }
    (wall, cpu, out.expect("three runs"))
}

fn main() {
    if let Err(e) = real_main() {
        eprintln!("error: {e}");
        std::process::exit(2);
    }
}

fn real_main() -> Result<(), String> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let write = match args.first().map(String::as_str) {
        Some("--write") if args.len() >= 2 => {
            let to = args.remove(1);
            args.remove(0);
            Some(to)
        }
        _ => None,
    };
    let mb: f64 = match args.first() {
        Some(a) => a.parse().map_err(|_| format!("not a size in MB: {a}"))?,
        None => 5.0,
    };
    let pool = sentence_pool(&shared::dir())?;
    let html = page(&pool, (mb * 1e6) as usize);
    if let Some(to) = write {
        std::fs::write(&to, &html).map_err(|e| format!("{to}: {e}"))?;
        println!("{:.2} MB of HTML in {to}", html.len() as f64 / 1e6);
        return Ok(());
    }
    let dir = std::env::temp_dir().join(format!("factdiff-bench-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join("live.html");
    std::fs::write(&path, &html).map_err(|e| format!("{}: {e}", path.display()))?;
    let size = html.len() as f64 / 1e6;
    println!(
        "page: {size:.2} MB of HTML; {} rayon threads",
        rayon::current_num_threads()
    );
    let name = path.display().to_string();
    let line = |stage: &str, wall: f64, cpu: f64, note: String| {
        println!("  {stage:<10} {wall:>7.3} s wall {cpu:>7.2} s CPU   {note}");
    };

    let (w, c, ingested) = best_of_three(false, || {
        ingest::ingest(&name, html.as_bytes(), InputFormat::Html)
    });
    let ingested = ingested.map_err(|e| e.to_string())?;
    let text: usize = ingested.blocks.iter().map(|b| b.text.len()).sum();
    line(
        "ingest",
        w,
        c,
        format!(
            "{} blocks, {:.2} MB of text",
            ingested.blocks.len(),
            text as f64 / 1e6
        ),
    );
    let (w, c, sentences) = best_of_three(false, || segment::segment(&ingested));
    let statements = sentences.iter().filter(|s| s.is_comparable()).count();
    line(
        "segment",
        w,
        c,
        format!("{} sentences, {statements} statements", sentences.len()),
    );
    let extractor = Extractor::default();
    let (w, c, facts) = best_of_three(false, || extractor.extract_document(&sentences));
    let quantities: usize = facts.iter().map(|f| f.quantities.len()).sum();
    line("extract", w, c, format!("{quantities} quantities"));
    // The rest of the pipeline, once, so the whole run below can be read stage by stage.
    let docs = vec![Document {
        id: "d1".into(),
        ingested,
        sentences,
        facts,
    }];
    let t = Instant::now();
    let c0 = cpu::seconds().0;
    let clusters = align::align_with(&docs, None);
    line(
        "align",
        t.elapsed().as_secs_f64(),
        cpu::seconds().0 - c0,
        format!("{} clusters", clusters.len()),
    );
    let t = Instant::now();
    let c0 = cpu::seconds().0;
    let judgements = judge::judge_with(&docs, clusters, &[]);
    line(
        "judge",
        t.elapsed().as_secs_f64(),
        cpu::seconds().0 - c0,
        format!("{} judgements", judgements.len()),
    );
    let cmp = Comparison {
        documents: docs,
        judgements,
    };
    let t = Instant::now();
    let c0 = cpu::seconds().0;
    let json = report::json::render_compare(&cmp.report());
    line(
        "report",
        t.elapsed().as_secs_f64(),
        cpu::seconds().0 - c0,
        format!("{:.1} MB of JSON", json.len() as f64 / 1e6),
    );

    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let bin = exe
        .parent()
        .and_then(Path::parent)
        .map(|d| d.join(format!("factdiff{}", std::env::consts::EXE_SUFFIX)))
        .filter(|b| b.exists())
        .ok_or("no factdiff binary next to this example: run `cargo build --release` first")?;
    let (w, c, status) = best_of_three(true, || {
        Command::new(&bin)
            .args(["compare", "--format", "json"])
            .arg(&path)
            .stdout(Stdio::null())
            .status()
    });
    let status = status.map_err(|e| format!("{}: {e}", bin.display()))?;
    // Exit code 1 means differences were found, which is not a failure here.
    if !matches!(status.code(), Some(0 | 1)) {
        return Err(format!("{} failed: {status}", bin.display()));
    }
    line(
        "compare",
        w,
        c,
        "whole `factdiff compare --format json`".into(),
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
