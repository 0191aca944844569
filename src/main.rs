//! The `framevm` command. Until the compiler and interpreter land, it runs
//! the frame-layer demo: recursive fib with one frame per call, under each
//! frame strategy, with the allocator's counters.

use std::process::ExitCode;
use std::time::Instant;

use framevm::frame::{Config, Frames, Strategy, workload};

const USAGE: &str = "\
usage: framevm [--frames=freelist|zombie|datastack|malloc] [--n=N]

Runs recursive fib(N) (default 25) with one frame per call, taking frames
from each strategy in turn (or only the one given), and prints the result,
the time and the frame allocator's counters.";

fn main() -> ExitCode {
    let mut strategies = Strategy::ALL.to_vec();
    let mut n: i64 = 25;
    for arg in std::env::args().skip(1) {
        if arg == "-h" || arg == "--help" {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        } else if let Some(name) = arg.strip_prefix("--frames=") {
            match name.parse::<Strategy>() {
                Ok(s) => strategies = vec![s],
                Err(e) => return usage_error(&e),
            }
        } else if let Some(v) = arg.strip_prefix("--n=") {
            match v.parse::<i64>() {
                Ok(v) if (0..=40).contains(&v) => n = v,
                _ => {
                    return usage_error(&format!("--n expects an integer from 0 to 40, got '{v}'"));
                }
            }
        } else {
            return usage_error(&format!("unexpected argument '{arg}'"));
        }
    }
    for strategy in strategies {
        let start = Instant::now();
        let (value, stats) = workload::fib(Frames::new(strategy, Config::default()), n);
        let elapsed = start.elapsed();
        let per_call = elapsed.as_nanos() as f64 / stats.requests.max(1) as f64;
        println!("{strategy}: fib({n}) = {value} in {elapsed:.2?} ({per_call:.1} ns per call)");
        println!("{stats}");
    }
    ExitCode::SUCCESS
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("framevm: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}
