//! The `factdiff` command: parses arguments and hands over to the CLI driver.

mod cli;

/// See `Cargo.toml`: small allocations dominate the pipeline.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(cli::run());
}
