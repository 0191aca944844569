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

/// A CPU clock (the process's or the thread's), as a Duration.
fn cpu_clock(id: nix::time::ClockId) -> Result<Duration> {
    let t = nix::time::clock_gettime(id)
        .map_err(|e| err(ExcKind::OSError, format!("clock_gettime: {e}")))?;
    Ok(Duration::new(
        t.tv_sec().max(0) as u64,
        t.tv_nsec().max(0) as u32,
    ))
}

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    use nix::time::ClockId;
    // The monotonic clocks count from the module's first import.
    let start = Instant::now();
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
        .function("process_time", |_vm, (): ()| {
            Ok(cpu_clock(ClockId::CLOCK_PROCESS_CPUTIME_ID)?.as_secs_f64())
        })
        .function("process_time_ns", |_vm, (): ()| {
            Ok(cpu_clock(ClockId::CLOCK_PROCESS_CPUTIME_ID)?.as_nanos() as u64)
        })
        .function("thread_time", |_vm, (): ()| {
            Ok(cpu_clock(ClockId::CLOCK_THREAD_CPUTIME_ID)?.as_secs_f64())
        })
        .function("thread_time_ns", |_vm, (): ()| {
            Ok(cpu_clock(ClockId::CLOCK_THREAD_CPUTIME_ID)?.as_nanos() as u64)
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
