//! Extract: the facts inside each sentence.

pub mod quantity;
