//! What every stage's settings share: the error a stage gives when a value
//! it was configured with cannot work (a bad regex, a threshold out of
//! range), naming the field. `config` turns the field into the file, line
//! and column where the value was written. Vocabulary, like `diagnostic`.

use std::fmt;

/// One step of a path into a settings map: a key or a list index.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Seg {
    Key(String),
    Index(usize),
}

impl fmt::Display for Seg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Seg::Key(k) => f.write_str(k),
            Seg::Index(i) => write!(f, "[{i}]"),
        }
    }
}

/// A settings value that cannot work, with the path of the field that holds
/// it (relative to the settings map it was read from).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub(crate) struct Invalid {
    pub(crate) field: Vec<Seg>,
    pub(crate) message: String,
}

impl Invalid {
    pub(crate) fn new(message: impl Into<String>) -> Invalid {
        Invalid {
            field: Vec::new(),
            message: message.into(),
        }
    }

    /// The value sits under `key` (call from the inside out, or use
    /// [`Invalid::in_field`] for a top-level field).
    pub(crate) fn in_field(field: &str, message: impl Into<String>) -> Invalid {
        Invalid {
            field: vec![Seg::Key(field.to_string())],
            message: message.into(),
        }
    }

    /// Adds an index under the current path: `patterns` → `patterns[2]`.
    pub(crate) fn at(mut self, index: usize) -> Invalid {
        self.field.push(Seg::Index(index));
        self
    }

    /// Adds a key under the current path: `patterns[2]` → `patterns[2].regex`.
    pub(crate) fn then(mut self, key: &str) -> Invalid {
        self.field.push(Seg::Key(key.to_string()));
        self
    }
}
