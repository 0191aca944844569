//! `collections`: deque, namedtuple, OrderedDict, defaultdict and
//! Counter, written in Python (`collections.py`, compiled into the
//! binary) and registered as a source module.

use crate::Vm;
use crate::embed::Result;

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    vm.add_source_module("collections", include_str!("collections.py"));
    Ok(())
}
