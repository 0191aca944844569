//! Values, objects, operators, builtins and errors: everything the
//! interpreter computes with. Safe Rust only.

pub mod alloc;
pub mod builtins;
pub mod bytes;
pub(crate) mod bytes_methods;
pub mod class;
pub mod complex;
pub mod dict;
pub mod error;
pub mod float;
pub mod format;
pub mod gc;
pub mod hash;
pub mod layout;
pub mod methods;
pub mod object;
pub mod ops;
pub mod ordmap;
pub mod pystr;
pub mod seq;
pub mod seqobj;
pub mod set;
pub mod typemethods;
pub mod value;

pub use error::{ExcKind, PyErr, PyResult};
pub use value::Value;
