//! The `factdiff` command: parses arguments and hands over to the CLI driver.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
