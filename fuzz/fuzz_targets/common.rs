// Shared checks: every target asserts the span contract, not just "no panic", so a silent
// offset bug is a finding too.

use factdiff::ingest::{ingest, InputFormat};
use factdiff::segment;

pub fn ingest_and_check(data: &[u8], format: InputFormat) {
    let Ok(doc) = ingest("fuzz", data, format) else {
        return;
    };
    let len = doc.text.len();
    for b in &doc.blocks {
        let at = b.map.to_original(0);
        assert!(at <= len, "block anchor {at} past the input ({len})");
        let _ = doc.position(b.map.to_original(b.text.len()));
    }
    let sentences = segment::segment(&doc);
    let mut last_start = 0;
    for s in &sentences {
        assert!(!s.text.is_empty());
        assert!(s.span.start <= s.span.end, "{:?}", s.span);
        assert!(
            s.span.end <= len,
            "span {:?} past the input ({len})",
            s.span
        );
        assert!(s.span.line >= 1 && s.span.column >= 1);
        // HTML anchors are searched for in the source, so only plain formats promise order.
        if format != InputFormat::Html {
            assert!(s.span.start >= last_start, "sentences out of order");
            last_start = s.span.start;
        }
    }
}
