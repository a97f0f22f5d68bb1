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

    /// Puts the path under `field[index]`: `members[1]` → `lists[3].members[1]`
    /// (for checks written for one element of a list).
    pub(crate) fn within(mut self, field: &str, index: usize) -> Invalid {
        let mut path = vec![Seg::Key(field.to_string()), Seg::Index(index)];
        path.append(&mut self.field);
        self.field = path;
        self
    }

    /// Adds a key under the current path: `patterns[2]` → `patterns[2].regex`.
    pub(crate) fn then(mut self, key: &str) -> Invalid {
        self.field.push(Seg::Key(key.to_string()));
        self
    }
}

/// A number that must lie in `lo..=hi` (NaN and infinities never do).
pub(crate) fn in_range(field: &str, value: f64, lo: f64, hi: f64) -> Result<(), Invalid> {
    if value.is_finite() && (lo..=hi).contains(&value) {
        Ok(())
    } else {
        Err(Invalid::in_field(
            field,
            format!("`{field}` 须在 {lo} 到 {hi} 之间（现为 {value}）"),
        ))
    }
}

/// A count that must lie in `lo..=hi`.
pub(crate) fn count_in(field: &str, value: usize, lo: usize, hi: usize) -> Result<(), Invalid> {
    if (lo..=hi).contains(&value) {
        Ok(())
    } else {
        Err(Invalid::in_field(
            field,
            format!("`{field}` 须在 {lo} 到 {hi} 之间（现为 {value}）"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_refuse_nan_infinity_and_out_of_range() {
        assert!(in_range("t", 0.5, 0.0, 1.0).is_ok());
        for bad in [f64::NAN, f64::INFINITY, -0.1, 1.5] {
            let e = in_range("t", bad, 0.0, 1.0).unwrap_err();
            assert_eq!(e.field, vec![Seg::Key("t".into())]);
        }
        assert!(count_in("n", 0, 1, 10).is_err());
        assert!(count_in("n", 10, 1, 10).is_ok());
    }
}
