#![no_main]

use factdiff::config::ALL_KINDS;
use factdiff::report::check::{self, CheckReport, GroupInput};
use factdiff::report::{self, grid, table, ExtractReport};
use factdiff::{Comparison, Document, InputFormat};
use libfuzzer_sys::fuzz_target;

fn format_of(b: u8) -> InputFormat {
    match b % 3 {
        0 => InputFormat::Text,
        1 => InputFormat::Markdown,
        _ => InputFormat::Html,
    }
}

/// Article text must never reach a terminal as a control character.
fn assert_plain(what: &str, out: &str) {
    if let Some(c) = out.chars().find(|&c| c.is_control() && c != '\n') {
        panic!("{what} output carries control character {c:?}");
    }
}

// Input: two format bytes, then both articles separated by the first 0xFF byte (or halved).
fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let (fa, fb, rest) = (format_of(data[0]), format_of(data[1]), &data[2..]);
    let (a, b) = match rest.iter().position(|&x| x == 0xFF) {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => rest.split_at(rest.len() / 2),
    };
    let docs: Vec<Document> = [("d1", "a", a, fa), ("d2", "b", b, fb)]
        .into_iter()
        .filter_map(|(id, path, bytes, f)| Document::read(id, path, bytes, f).ok())
        .collect();
    if docs.is_empty() {
        return;
    }
    let extract = ExtractReport::build(&docs);
    let _ = report::json::render(&extract);
    let style = table::Style {
        width: 60,
        color: false,
    };
    assert_plain("extract", &report::extract::render(&extract, style));

    let cmp = Comparison::new(docs);
    let rep = cmp.report();
    assert_plain("table", &table::render(&rep, style));
    let _ = table::render(
        &rep,
        table::Style {
            width: 40,
            color: true,
        },
    );
    let _ = report::markdown::render(&rep);
    let _ = report::json::render(&rep);
    let _ = report::html::render_comparison(&cmp);
    let _ = report::html::render_numbers(&rep);
    assert_plain("diff", &report::diff::render(&rep, false));
    let _ = report::diff::render(&rep, true);
    let numbers = grid::numbers_grid(&rep, &rep.numbers);
    assert_plain(
        "numbers",
        &table::render_grids(&[numbers.clone()], "", style),
    );
    let _ = report::markdown::render_grids("n", &[numbers], "");

    let keys = rep.documents.iter().map(|d| d.path.clone()).collect();
    let group = GroupInput {
        name: "fuzz".into(),
        configured: false,
        compare: rep,
        keys,
    };
    let ck = CheckReport::build(vec![group], &ALL_KINDS, None);
    assert_plain("check", &check::human(&ck, false));
    let _ = check::github(&ck);
    let _ = report::json::render(&ck);
    let _ = report::sarif::render(&ck, &ALL_KINDS, false);
    let _ = report::junit::render(&ck);
    let baseline = ck.to_baseline();
    let again = factdiff::baseline::Baseline::parse(&baseline.to_json())
        .expect("a written baseline reads back");
    let _ = CheckReport::build(Vec::new(), &ALL_KINDS, Some(&again));
});
