//! Turning command-line paths into the list of reports to read.

use crate::source::{is_report_path, LoadError, Origin};
use std::path::{Path, PathBuf};

/// Expands files, folders (walked for reports, sorted) and `-` (stdin).
/// Problems with a path become errors; the other paths still count.
pub fn expand(paths: &[PathBuf]) -> (Vec<Origin>, Vec<LoadError>) {
    let mut origins = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            origins.push(Origin::Stdin);
        } else if path.is_dir() {
            let mut found = Vec::new();
            if let Err(e) = walk(path, &mut found) {
                errors.push(LoadError {
                    path: path.display().to_string(),
                    message: format!("无法读取目录：{e}"),
                });
                continue;
            }
            if found.is_empty() {
                errors.push(LoadError {
                    path: path.display().to_string(),
                    message: "目录中没有可检查的报告文件（*.txt、*.docx、*.md）".to_string(),
                });
            }
            found.sort();
            origins.extend(found.into_iter().map(Origin::File));
        } else if path.exists() {
            origins.push(Origin::File(path.clone()));
        } else {
            errors.push(LoadError {
                path: path.display().to_string(),
                message: "文件不存在".to_string(),
            });
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
