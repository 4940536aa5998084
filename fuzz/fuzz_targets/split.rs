#![no_main]

use factdiff::segment::split::{split_with, LineBreaks};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for breaks in [LineBreaks::Significant, LineBreaks::Layout] {
        let ranges = split_with(text, breaks);
        let mut last = 0;
        for r in &ranges {
            assert!(r.start >= last, "overlap or disorder: {ranges:?}");
            assert!(r.start < r.end && r.end <= text.len(), "{r:?}");
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            let s = &text[r.clone()];
            assert_eq!(s, s.trim(), "untrimmed sentence {r:?}");
            last = r.end;
        }
        // Every non-whitespace character belongs to some sentence.
        let covered: usize = ranges
            .iter()
            .map(|r| {
                text[r.clone()]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .count()
            })
            .sum();
        assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
    }
});
