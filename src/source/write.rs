//! Writing a fixed report back (`--fix`): in the encoding it was read in,
//! byte order mark included, and atomically, so a crash or a full disk
//! never leaves half a report.
//!
//! The decoded text keeps its line endings (`\r\n` stays `\r\n`), so
//! encoding the fixed text again is all it takes to keep them.

use super::decode::decode;
use super::DecodeError;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A fixed text ready to replace a file.
#[derive(Debug)]
pub(crate) struct Rewrite {
    /// The file written: the target of a symbolic link, not the link.
    path: PathBuf,
    pub(crate) bytes: Vec<u8>,
}

/// Why a fixed report is not written back; the file is left as it was.
#[derive(Debug, thiserror::Error)]
pub(crate) enum WriteBackError {
    #[error("{0}: 检查之后文件已被改动，未自动修复")]
    Changed(String),
    #[error("{0}: 按原编码写回会改动其他字符，未自动修复")]
    Lossy(String),
    #[error("{0}: 无法读取：{detail}", detail = crate::wording::io(.1))]
    Read(String, std::io::Error),
    #[error("{0}: 无法解码：{1}")]
    Decode(String, DecodeError),
    #[error("{0}: 无法写回：{detail}", detail = crate::wording::io(.1))]
    Write(String, std::io::Error),
}

impl Rewrite {
    /// `new_text` in the encoding of the file at `path`, which must still
    /// hold `old_text` (what was checked). The file's bytes must be exactly
    /// what encoding `old_text` gives: then every character outside the
    /// edits is written back as the same bytes.
    pub(crate) fn prepare(
        path: &Path,
        old_text: &str,
        new_text: &str,
    ) -> Result<Rewrite, WriteBackError> {
        let name = || path.display().to_string();
        let real = std::fs::canonicalize(path).map_err(|e| WriteBackError::Read(name(), e))?;
        let bytes = std::fs::read(&real).map_err(|e| WriteBackError::Read(name(), e))?;
        let (text, encoding) =
            decode(bytes.clone()).map_err(|e| WriteBackError::Decode(name(), e))?;
        if text != old_text {
            return Err(WriteBackError::Changed(name()));
        }
        if encoding.encode(&text).as_deref() != Some(bytes.as_slice()) {
            return Err(WriteBackError::Lossy(name()));
        }
        let bytes = encoding
            .encode(new_text)
            .ok_or_else(|| WriteBackError::Lossy(name()))?;
        Ok(Rewrite { path: real, bytes })
    }

    /// Replaces the file: a temporary file in the same folder, synced, with
    /// the original's permissions, renamed over it.
    pub(crate) fn write(&self) -> Result<(), WriteBackError> {
        let fail = |e| WriteBackError::Write(self.path.display().to_string(), e);
        let folder = match self.path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let file_name = self.path.file_name().unwrap_or_default().to_string_lossy();
        let temp = folder.join(format!(
            ".{file_name}.critique-lint-{}.tmp",
            std::process::id()
        ));
        let result = (|| {
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&temp)?;
            file.write_all(&self.bytes)?;
            file.sync_all()?;
            if let Ok(meta) = std::fs::metadata(&self.path) {
                std::fs::set_permissions(&temp, meta.permissions())?;
            }
            std::fs::rename(&temp, &self.path)
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
        result.map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_the_check_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "学习,工作").unwrap();
        let err = Rewrite::prepare(&path, "别的内容", "学习，工作").unwrap_err();
        assert!(matches!(err, WriteBackError::Changed(_)), "{err}");
        let ok = Rewrite::prepare(&path, "学习,工作", "学习，工作").unwrap();
        ok.write().unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "学习，工作");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
