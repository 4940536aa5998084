//! Using factdiff as a library: compare two in-memory texts, no files involved.
//!
//! Run with `cargo run --example compare_strings`.

use factdiff::{Comparison, Document};

fn main() -> Result<(), factdiff::ingest::IngestError> {
    let a = Document::from_text(
        "d1",
        "wire.txt",
        "Rescuers said 120 people were evacuated from the valley on Sunday.",
    )?;
    let b = Document::from_text(
        "d2",
        "paper.txt",
        "Rescue teams said 95 people were evacuated from the valley on Sunday.",
    )?;
    let report = Comparison::new(vec![a, b]).report();
    for claim in &report.claims {
        println!(
            "{} {:?}: {:?}",
            claim.id,
            claim.verdict,
            claim
                .differences
                .iter()
                .map(|d| &d.detail)
                .collect::<Vec<_>>()
        );
    }
    Ok(())
}
