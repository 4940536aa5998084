//! factdiff compares articles about the same story, fact by fact.
//!
//! The pipeline runs one way: [`ingest`] → [`segment`] → [`extract`] → align → judge → report.

pub mod extract;
pub mod ingest;
pub mod segment;
pub mod span;
