//! Wall time of the embedding tasks, framevm beside mlua (Lua 5.4,
//! vendored): `embed/<task>/framevm` and `embed/<task>/mlua`, each doing
//! the task 100 times per iteration (see `common/embed.rs` for the tasks).
//! `scripts/embed-table.sh` prints the table in the README.

#[path = "common/embed.rs"]
mod tasks;

use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const N: u64 = 100;

fn bench_embed(c: &mut Criterion) {
    for task in tasks::TASKS {
        let mut group = c.benchmark_group(format!("embed/{task}"));
        group.throughput(Throughput::Elements(N));
        let mut f = tasks::framevm_setup(N);
        group.bench_function("framevm", |b| b.iter(|| tasks::framevm_task(&mut f, task)));
        let mut l = tasks::lua_setup(N);
        group.bench_function("mlua", |b| b.iter(|| tasks::lua_task(&mut l, task)));
        group.finish();
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30);
    targets = bench_embed
}
criterion_main!(benches);
