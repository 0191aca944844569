//! Userdata: a Rust struct that scripts use as an object, with a
//! constructor, methods, properties and operators.
//!
//!     cargo run --example embed_userdata

use framevm::{Class, Error, Object, UserData, Vm};

#[derive(Clone, Copy)]
struct Vec2 {
    x: f64,
    y: f64,
}

impl UserData for Vec2 {
    const NAME: &'static str = "Vec2";
    fn register(c: &mut Class<Self>) {
        c.constructor(|_vm, (x, y): (f64, f64)| Ok(Vec2 { x, y }));
        c.getter("x", |v| v.x);
        c.getter("y", |v| v.y);
        c.setter("x", |v, x: f64| {
            v.x = x;
            Ok(())
        });
        c.method("length", |_vm, v, (): ()| Ok(v.x.hypot(v.y)));
        c.method_mut("scale", |_vm, v, (k,): (f64,)| {
            v.x *= k;
            v.y *= k;
            Ok(())
        });
        c.method("__add__", |vm, v, (other,): (Object,)| {
            let o = vm.with_userdata(&other, |o: &Vec2| *o)?;
            vm.create_userdata(Vec2 {
                x: v.x + o.x,
                y: v.y + o.y,
            })
        });
        c.method("__repr__", |_vm, v, (): ()| {
            Ok(format!("Vec2({}, {})", v.x, v.y))
        });
    }
}

fn main() -> Result<(), Error> {
    let mut vm = Vm::new();
    let cls = vm.userdata_class::<Vec2>()?;
    vm.globals().set("Vec2", cls)?;
    let origin = vm.create_userdata(Vec2 { x: 1.0, y: 1.0 })?;
    vm.globals().set("origin", &origin)?;
    vm.exec(
        "v = Vec2(3, 4)\nprint(v, v.length())\nv.scale(2)\nw = v + origin\nw.x = 0.5\nprint(w, isinstance(w, Vec2))\n",
        "vectors.py",
    )?;
    vm.flush().ok();
    let w: Object = vm.globals().get("w")?;
    let (x, y) = vm.with_userdata(&w, |v: &Vec2| (v.x, v.y))?;
    println!("back in Rust: ({x}, {y})");
    Ok(())
}
