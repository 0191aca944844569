//! Drives every frame strategy with calls, returns, suspensions and
//! out-of-order releases, holding heap-allocated values. Run under valgrind
//! memcheck by `.ci/run`: any invalid access or leak fails it.

use framevm::frame::{Config, Frames, Strategy, workload};

fn main() {
    let config = Config {
        max_free: 8,
        first_chunk: 4096,
    };
    for strategy in Strategy::ALL {
        let (v, s) = workload::fib(Frames::new(strategy, config), 18);
        assert_eq!(v, 2584);
        assert_eq!(s.alive, 0);
        let s = workload::churn(Frames::new(strategy, config), 20_000, 0x5eed);
        assert_eq!(s.alive, 0, "{strategy} leaked frames");
        println!(
            "{strategy}: {} requests, {} hits, {} resizes, {} moved to heap, peak {} frames",
            s.requests,
            s.freelist_hits + s.zombie_hits,
            s.resized_in_place + s.resized_moved,
            s.moved_to_heap,
            s.peak_alive
        );
    }
}
