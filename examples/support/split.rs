//! The fixed tuning / check split every evaluation uses (issue #24): an item's position in its
//! data set, counted from 0 in the file's own order, decides its part. Even positions are the
//! tuning part, where rules are written and weights fitted; odd positions are the check part,
//! only ever measured. Both figures are printed; a change that helps only the tuning part is
//! taken back. Included by the examples with `#[path]`, next to `shared.rs`.
#![allow(dead_code)]

/// The two parts of a data set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    /// Even positions: rules are written and weights fitted here.
    Tune,
    /// Odd positions: measured only.
    Check,
}

impl Part {
    /// The part of the item at `position` (0-based, in the data set's file order).
    pub fn of(position: usize) -> Part {
        if position % 2 == 0 {
            Part::Tune
        } else {
            Part::Check
        }
    }

    /// Both parts, tuning first.
    pub const BOTH: [Part; 2] = [Part::Tune, Part::Check];

    /// "tune" or "check", for printed figures.
    pub fn name(self) -> &'static str {
        match self {
            Part::Tune => "tune",
            Part::Check => "check",
        }
    }
}
