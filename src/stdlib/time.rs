//! `time`: clocks and `sleep`.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use super::{err, val};
use crate::embed::Result;
use crate::runtime::ExcKind;
use crate::{Object, Vm};

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    // The monotonic clocks count from the module's first import.
    let start = Instant::now();
    let cpu = std::sync::Arc::new(start);
    let cpu2 = cpu.clone();
    vm.module("time")
        .function("time", |_vm, (): ()| Ok(since_epoch().as_secs_f64()))
        .function("time_ns", |_vm, (): ()| Ok(since_epoch().as_nanos() as u64))
        .function("perf_counter", move |_vm, (): ()| {
            Ok(start.elapsed().as_secs_f64())
        })
        .function("perf_counter_ns", move |_vm, (): ()| {
            Ok(start.elapsed().as_nanos() as u64)
        })
        .function("monotonic", move |_vm, (): ()| {
            Ok(start.elapsed().as_secs_f64())
        })
        .function("monotonic_ns", move |_vm, (): ()| {
            Ok(start.elapsed().as_nanos() as u64)
        })
        .function("process_time", move |_vm, (): ()| {
            Ok(cpu.elapsed().as_secs_f64())
        })
        .function("process_time_ns", move |_vm, (): ()| {
            Ok(cpu2.elapsed().as_nanos() as u64)
        })
        .function("sleep", |vm, (secs,): (Object,)| {
            let s = super::math::to_f64(vm, val(&secs))?;
            if s.is_nan() {
                return Err(err(ExcKind::ValueError, "Invalid value NaN (not a number)"));
            }
            if s < 0.0 {
                return Err(err(
                    ExcKind::ValueError,
                    "sleep length must be non-negative",
                ));
            }
            vm.sleep(Duration::from_secs_f64(s.min(1e9)))
        })
        .register()
}
