//! Objects: for now the built-in classes the language needs before user classes
//! arrive (the Throwable hierarchy, `Closure`, `stdClass`).
//!
//! An object is a handle (no copy-on-write): a class plus a property table, and for
//! closures the function and the values captured by `use`.

use std::sync::Arc;

use once_cell::sync::Lazy;
use rustc_hash::FxHashMap;

use super::array::PhpArray;
use super::value::TypedValue;

/// A class. Built-in classes are process-wide and immutable.
#[derive(Debug)]
pub struct Class {
    pub name: &'static str,
    pub parent: Option<Arc<Class>>,
    /// Interfaces implemented directly (e.g. `Throwable`).
    pub interfaces: &'static [&'static str],
}

impl Class {
    /// `instanceof` by name, case-insensitively, through parents and interfaces.
    pub fn is_subclass_of(&self, name: &str) -> bool {
        let mut c = Some(self);
        while let Some(cls) = c {
            if cls.name.eq_ignore_ascii_case(name)
                || cls.interfaces.iter().any(|i| i.eq_ignore_ascii_case(name))
            {
                return true;
            }
            c = cls.parent.as_deref();
        }
        false
    }
    pub fn is_throwable(&self) -> bool {
        self.is_subclass_of("Throwable")
    }
}

/// The built-in class table: (name, parent, interfaces).
const BUILTIN_CLASSES: &[(&str, Option<&str>, &[&str])] = &[
    ("stdClass", None, &[]),
    ("Closure", None, &[]),
    ("Exception", None, &["Throwable", "Stringable"]),
    ("Error", None, &["Throwable", "Stringable"]),
    ("ErrorException", Some("Exception"), &[]),
    ("TypeError", Some("Error"), &[]),
    ("ValueError", Some("Error"), &[]),
    ("ArithmeticError", Some("Error"), &[]),
    ("DivisionByZeroError", Some("ArithmeticError"), &[]),
    ("ArgumentCountError", Some("TypeError"), &[]),
    ("AssertionError", Some("Error"), &[]),
    ("CompileError", Some("Error"), &[]),
    ("ParseError", Some("CompileError"), &[]),
    ("UnhandledMatchError", Some("Error"), &[]),
    ("RuntimeException", Some("Exception"), &[]),
    ("LogicException", Some("Exception"), &[]),
    ("InvalidArgumentException", Some("LogicException"), &[]),
    ("DomainException", Some("LogicException"), &[]),
    ("LengthException", Some("LogicException"), &[]),
    ("OutOfRangeException", Some("LogicException"), &[]),
    ("BadFunctionCallException", Some("LogicException"), &[]),
    (
        "BadMethodCallException",
        Some("BadFunctionCallException"),
        &[],
    ),
    ("OutOfBoundsException", Some("RuntimeException"), &[]),
    ("OverflowException", Some("RuntimeException"), &[]),
    ("UnderflowException", Some("RuntimeException"), &[]),
    ("RangeException", Some("RuntimeException"), &[]),
    ("UnexpectedValueException", Some("RuntimeException"), &[]),
    ("JsonException", Some("Exception"), &[]),
];

static CLASSES: Lazy<FxHashMap<String, Arc<Class>>> = Lazy::new(|| {
    let mut map: FxHashMap<String, Arc<Class>> = FxHashMap::default();
    // Parents precede children in the table, so one pass resolves them.
    for (name, parent, ifaces) in BUILTIN_CLASSES {
        let parent = parent.map(|p| map[&p.to_ascii_lowercase()].clone());
        map.insert(
            name.to_ascii_lowercase(),
            Arc::new(Class {
                name,
                parent,
                interfaces: ifaces,
            }),
        );
    }
    map
});

/// Looks a built-in class up by name, case-insensitively.
pub fn find_class(name: &str) -> Option<Arc<Class>> {
    CLASSES
        .get(&name.trim_start_matches('\\').to_ascii_lowercase())
        .cloned()
}

/// Whether `name` is a known class or interface name (for `catch` validation).
pub fn is_known_type(name: &str) -> bool {
    let n = name.trim_start_matches('\\');
    find_class(n).is_some()
        || ["throwable", "stringable"].contains(&n.to_ascii_lowercase().as_str())
}

/// Visibility of a declared property that code outside the class cannot read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hidden {
    Protected,
    Private,
}

/// The declared, non-public properties of the built-in classes (all of theirs are):
/// the visibility of `name` on an instance of `class` and the class declaring it.
/// `Exception` and `Error` declare message, code, file and line protected and
/// string, trace and previous private; `ErrorException` adds a protected severity.
pub fn declared_hidden_prop(class: &Class, name: &str) -> Option<(Hidden, &'static str)> {
    if name == "severity" && class.is_subclass_of("ErrorException") {
        return Some((Hidden::Protected, "ErrorException"));
    }
    let root = if class.is_subclass_of("Exception") {
        "Exception"
    } else if class.is_subclass_of("Error") {
        "Error"
    } else {
        return None;
    };
    match name {
        "message" | "code" | "file" | "line" => Some((Hidden::Protected, root)),
        "string" | "trace" | "previous" => Some((Hidden::Private, root)),
        _ => None,
    }
}

/// A closure's code and captured variables.
pub struct Closure {
    /// Index of the function in its unit.
    pub func: u32,
    /// Values bound by `use (...)` (by-reference captures hold `REF` boxes), in the
    /// order the function's capture slots expect.
    pub bound: Vec<TypedValue>,
    /// A closure over a built-in function (`strlen(...)`): calls go to this
    /// registry index and `func` is unused.
    pub builtin: Option<u32>,
}

pub struct PhpObject {
    pub class: Arc<Class>,
    /// Properties by name, in declaration order.
    pub props: PhpArray,
    pub closure: Option<Closure>,
    /// The object handle (`#N` in var_dump, spl_object_id): as in PHP's object
    /// store, the most recently freed handle is reused first.
    pub handle: u32,
}

thread_local! {
    /// PHP's object store numbering: next new handle, and freed handles (LIFO).
    static HANDLES: std::cell::RefCell<(u32, Vec<u32>)> =
        const { std::cell::RefCell::new((1, Vec::new())) };
}

impl Drop for PhpObject {
    fn drop(&mut self) {
        let h = self.handle;
        let _ = HANDLES.try_with(|c| c.borrow_mut().1.push(h));
    }
}

impl PhpObject {
    pub fn new(class: Arc<Class>) -> PhpObject {
        let handle = HANDLES
            .try_with(|c| {
                let mut c = c.borrow_mut();
                match c.1.pop() {
                    Some(h) => h,
                    None => {
                        c.0 += 1;
                        c.0 - 1
                    }
                }
            })
            .unwrap_or(1);
        PhpObject {
            class,
            props: PhpArray::new(),
            closure: None,
            handle,
        }
    }
    pub fn class_name(&self) -> &'static str {
        self.class.name
    }
    pub fn prop(&self, name: &str) -> Option<&TypedValue> {
        self.props.get_str(name.as_bytes())
    }
    pub fn set_prop(&mut self, name: &str, v: TypedValue) {
        self.props.set_str(name.as_bytes(), v)
    }
}

/// A closure object.
pub fn new_closure(func: u32, bound: Vec<TypedValue>) -> TypedValue {
    let mut o = PhpObject::new(find_class("Closure").expect("Closure is built in"));
    o.closure = Some(Closure {
        func,
        bound,
        builtin: None,
    });
    TypedValue::object(o)
}

/// A closure object calling built-in `builtin` (registry index).
pub fn new_builtin_closure(builtin: u32) -> TypedValue {
    let mut o = PhpObject::new(find_class("Closure").expect("Closure is built in"));
    o.closure = Some(Closure {
        func: 0,
        bound: Vec::new(),
        builtin: Some(builtin),
    });
    TypedValue::object(o)
}
