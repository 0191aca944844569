//! `_traceback`: what `traceback.py` needs from the VM — the frames an
//! exception passed through, with their source lines.

use super::{obj, type_err, val};
use crate::embed::Result;
use crate::runtime::Value;
use crate::{Object, Vm};

pub(super) fn register(vm: &mut Vm) -> Result<()> {
    vm.module("_traceback")
        // `extract(exc)`: a list of (filename, lineno, name, line, text)
        // tuples, outermost first; `line` is the stripped source line (None
        // when the source is unknown), `text` what a traceback prints under
        // the entry (the line and its carets, or "").
        .function("extract", |vm, (e,): (Object,)| {
            let Value::Instance(inst) = val(&e) else {
                return Err(type_err(format!(
                    "extract() argument must be an exception, not {}",
                    val(&e).type_name()
                )));
            };
            if !inst.class.is_exception() {
                return Err(type_err(format!(
                    "extract() argument must be an exception, not {}",
                    inst.class.name
                )));
            }
            let entries = inst.traceback.borrow().clone();
            let items = entries
                .iter()
                .map(|t| {
                    let (line, text) = vm.trace_source(t);
                    Value::tuple(vec![
                        Value::str(t.filename.as_str()),
                        Value::Int(i64::from(t.line)),
                        Value::str(t.function.as_str()),
                        line.map_or(Value::None, |l| Value::str(l.as_str())),
                        Value::str(text.as_str()),
                    ])
                })
                .collect();
            Ok(obj(Value::list(items)))
        })
        .register()
}
