//! `array`: typed arrays, written in Python (`array.py`, compiled into
//! the binary) and registered as a source module.

use crate::Vm;
use crate::embed::Result;

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    vm.add_source_module("array", include_str!("array.py"));
    Ok(())
}
