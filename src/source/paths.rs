//! Turning command-line paths into the list of reports to read.

use super::{is_submission_path, LoadError, Origin, Problem};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Expands files, folders (walked for reports, sorted) and `-` (stdin).
/// Problems with a path become errors, one per unreadable entry; the other
/// paths and entries still count. A file named twice (or reached through a
/// link) is read once, under the first name it was given; so is stdin.
pub(crate) fn expand(paths: &[PathBuf]) -> (Vec<Origin>, Vec<LoadError>) {
    let mut origins = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashSet<PathBuf> = HashSet::new();
    let mut add = |file: PathBuf, origins: &mut Vec<Origin>| {
        let canonical = std::fs::canonicalize(&file).unwrap_or_else(|_| file.clone());
        if seen.insert(canonical) {
            origins.push(Origin::File(file));
        }
    };
    let mut stdin = false;
    for path in paths {
        let name = path.display().to_string();
        if path.as_os_str() == "-" {
            if !stdin {
                origins.push(Origin::Stdin);
                stdin = true;
            }
        } else if path.is_dir() {
            let mut found = Vec::new();
            let before = errors.len();
            walk(path, &mut found, &mut errors);
            if found.is_empty() && errors.len() == before {
                errors.push(LoadError::new(name, Problem::EmptyFolder));
            }
            found.sort();
            for f in found {
                add(f, &mut origins);
            }
        } else if path.exists() {
            add(path.clone(), &mut origins);
        } else {
            errors.push(LoadError::new(name, Problem::NotFound));
        }
    }
    (origins, errors)
}

/// Reports below `dir`, and submissions in formats that cannot be read
/// (reported each as an error); an entry that cannot be read is an error of its
/// own, and the rest of the folder is still walked.
fn walk(dir: &Path, out: &mut Vec<PathBuf>, errors: &mut Vec<LoadError>) {
    let folder_error = |e: std::io::Error| {
        LoadError::new(
            dir.display().to_string(),
            Problem::Folder(crate::wording::io(&e)),
        )
    };
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return errors.push(folder_error(e)),
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                errors.push(folder_error(e));
                continue;
            }
        };
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, out, errors),
            // The target of a link decides: a link to a report is one.
            Ok(_) if is_submission_path(&path) => match std::fs::metadata(&path) {
                Ok(m) if !m.is_file() && !m.is_dir() => errors.push(LoadError::new(
                    path.display().to_string(),
                    Problem::NotAFile,
                )),
                _ => out.push(path),
            },
            Ok(_) => {}
            Err(e) => errors.push(LoadError::new(
                path.display().to_string(),
                Problem::Folder(crate::wording::io(&e)),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A pipe waits for a writer: opened in a walk it would hang the run.
    #[cfg(unix)]
    #[test]
    fn a_pipe_in_a_folder_is_an_error_and_never_opened() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "一").unwrap();
        let pipe = dir.path().join("b.txt");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let (origins, errors) = expand(&[dir.path().to_path_buf()]);
        assert_eq!(origins, [Origin::File(a)]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].path, pipe.display().to_string());
        assert_eq!(errors[0].problem, Problem::NotAFile);
    }

    #[test]
    fn a_file_named_twice_or_linked_is_read_once_and_stdin_once() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "一").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&a, dir.path().join("b.txt")).unwrap();
        let dash = PathBuf::from("-");
        let (origins, errors) = expand(&[a.clone(), dir.path().to_path_buf(), dash.clone(), dash]);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(origins, [Origin::File(a), Origin::Stdin]);
    }
}

/// The absolute, normalised form of `path`: resolved through links when it
/// exists, else `.` and `..` removed lexically from it joined to the
/// working directory. Two spellings of one file give one path.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(p) = std::fs::canonicalize(path) {
        return p;
    }
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("/"))
            .join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` relative to the folder `base`, with `/` separators (as globs and
/// baseline files write paths); the absolute path when it is not below it.
pub(crate) fn relative_to(path: &Path, base: &Path) -> String {
    let abs = absolute(path);
    let rel = abs.strip_prefix(absolute(base)).unwrap_or(&abs);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod path_tests {
    use super::*;

    #[test]
    fn spellings_of_one_path_are_one_relative_path() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("历史材料/2023")).unwrap();
        let file = dir.path().join("历史材料/2023/a.txt");
        std::fs::write(&file, "一").unwrap();
        let odd = dir.path().join("历史材料/./2023/../2023//a.txt");
        assert_eq!(relative_to(&odd, dir.path()), "历史材料/2023/a.txt");
        assert_eq!(relative_to(&file, dir.path()), "历史材料/2023/a.txt");
        let outside = tempfile::tempdir().unwrap();
        assert!(relative_to(&file, outside.path()).ends_with("历史材料/2023/a.txt"));
    }
}
