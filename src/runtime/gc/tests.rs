//! Unit tests of the collector (run under Miri too).

use super::*;

#[test]
fn list_cycle_is_freed() {
    collect(true);
    let a = Value::list(vec![]);
    let Value::List(l) = &a else { unreachable!() };
    l.borrow_mut().push(a.clone());
    let w = Rc::downgrade(l);
    drop(a);
    assert_eq!(w.strong_count(), 1);
    assert_eq!(collect(true), 1);
    assert_eq!(w.strong_count(), 0);
}
