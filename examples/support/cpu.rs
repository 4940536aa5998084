//! CPU time of the benchmark process, read from `/proc/self/stat` (Linux only; 0 elsewhere).
//! A busy machine stretches wall time; CPU time shows the work itself. Included by the
//! benchmarks with `#[path]`.
#![allow(dead_code)]

/// CPU seconds of this process (all its threads) and of the children it has waited for.
pub fn seconds() -> (f64, f64) {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |k: usize| {
        fields
            .get(k)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime, stime, cutime, cstime are fields 14 to 17 of the whole line, in clock ticks of
    // 1/100 s.
    (
        (ticks(11) + ticks(12)) / 100.0,
        (ticks(13) + ticks(14)) / 100.0,
    )
}
