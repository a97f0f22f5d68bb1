//! Turning command-line paths into the list of reports to read.

use super::{is_report_path, LoadError, Origin, Problem};
use std::path::{Path, PathBuf};

/// Expands files, folders (walked for reports, sorted) and `-` (stdin).
/// Problems with a path become errors; the other paths still count.
pub(crate) fn expand(paths: &[PathBuf]) -> (Vec<Origin>, Vec<LoadError>) {
    let mut origins = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let name = path.display().to_string();
        if path.as_os_str() == "-" {
            origins.push(Origin::Stdin);
        } else if path.is_dir() {
            let mut found = Vec::new();
            if let Err(e) = walk(path, &mut found) {
                errors.push(LoadError::new(name, Problem::Folder(e.to_string())));
                continue;
            }
            if found.is_empty() {
                errors.push(LoadError::new(name, Problem::EmptyFolder));
            }
            found.sort();
            origins.extend(found.into_iter().map(Origin::File));
        } else if path.exists() {
            origins.push(Origin::File(path.clone()));
        } else {
            errors.push(LoadError::new(name, Problem::NotFound));
        }
    }
    (origins, errors)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            continue;
        }
        if entry.file_type()?.is_dir() {
            walk(&path, out)?;
        } else if is_report_path(&path) {
            out.push(path);
        }
    }
    Ok(())
}
