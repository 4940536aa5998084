#![no_main]

mod common;

use factdiff::ingest::InputFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    common::ingest_and_check(data, InputFormat::Markdown);
});
