//! `io`: StringIO, BytesIO and the IOBase classes, written in Python
//! (`io.py`, compiled into the binary) and registered as a source module.

use crate::Vm;
use crate::embed::Result;

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    vm.add_source_module("io", include_str!("io.py"));
    Ok(())
}
