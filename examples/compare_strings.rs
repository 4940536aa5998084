//! Using factdiff as a library: compare two texts held in memory, no files involved.
//!
//! Run with `cargo run --example compare_strings`.

use factdiff::{Comparison, Document};

fn main() -> Result<(), factdiff::ingest::IngestError> {
    let wire = "Rescuers said 120 people were evacuated from the valley on Sunday.";
    let paper = "Rescue teams said 95 people were evacuated from the valley on Sunday.";
    let documents = vec![
        Document::from_text("d1", "wire.txt", wire)?,
        Document::from_text("d2", "paper.txt", paper)?,
    ];
    for claim in Comparison::new(documents).report().claims {
        let details: Vec<_> = claim.differences.iter().map(|d| &d.detail).collect();
        println!("{} {:?} {details:?}", claim.id, claim.verdict);
    }
    Ok(())
}
