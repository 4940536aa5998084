#![no_main]

use factdiff::extract::quantity::quantities;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut last = 0;
    for q in quantities(text) {
        assert!(q.start >= last, "overlapping quantities at {}", q.start);
        assert!(q.start <= q.end && q.end <= text.len());
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        assert!(!q.low.is_nan() && !q.high.is_nan(), "{q:?}");
        last = q.end;
    }
});
