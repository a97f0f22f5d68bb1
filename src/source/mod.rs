//! Loading reports: command-line paths expanded (folders walked, stdin),
//! bytes read and decoded to UTF-8, lines indexed.
//!
//! Everything downstream works on the decoded UTF-8 text; byte offsets in
//! diagnostics refer to it, never to the bytes on disk.

mod decode;
mod docx;
mod paths;
mod write;

pub(crate) use paths::{expand, relative_to};
pub(crate) use write::Rewrite;

pub use decode::DecodeError;
pub use docx::DocxError;

use std::fmt;
use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Where a report came from: a path on disk or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    Stdin,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File(p) => write!(f, "{}", p.display()),
            Origin::Stdin => f.write_str("<stdin>"),
        }
    }
}

/// A decoded report with its line index.
#[derive(Debug, Clone)]
pub struct Source {
    /// Display name (the path as given, or `<stdin>`).
    pub name: String,
    pub text: String,
    /// Name of the encoding the bytes were decoded from (`utf-8`, …).
    pub encoding: &'static str,
    /// `text` or `docx`.
    pub format: &'static str,
    /// Read from a `.md` file: the view drops Markdown's marks.
    pub(crate) markdown: bool,
    line_starts: Vec<usize>,
    /// Characters before every [`MARK_STRIDE`]-th byte or so, (byte, count):
    /// a column is counted from the nearest mark, not from the line's start,
    /// so a one-line file of megabytes with many findings stays linear.
    char_marks: Vec<(usize, usize)>,
}

/// Bytes between two entries of `Source::char_marks`.
const MARK_STRIDE: usize = 1024;

/// A failure to turn a path into a [`Source`]; always names the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct LoadError {
    pub path: String,
    pub problem: Problem,
}

/// What went wrong with one input, in the words a user reads.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("文件不存在")]
    NotFound,
    #[error("无法读取：{0}")]
    Io(String),
    #[error("无法读取目录：{0}")]
    Folder(String),
    /// A pipe, device or socket met in a folder: reading it could wait
    /// forever. Named on the command line, it is read (`<(…)` is a pipe).
    #[error("不是普通文件（管道、设备或套接字），未读取")]
    NotAFile,
    #[error("目录中没有可检查的报告文件（*.txt、*.docx、*.md）")]
    EmptyFolder,
    #[error("是旧版 Word（.doc）文件，无法直接读取：请在 Word 或 WPS 中另存为 .docx 后再检查")]
    OldWord,
    #[error("是 WPS 文字（.wps）文件，无法直接读取：请在 WPS 中另存为 .docx 后再检查")]
    Wps,
    #[error("是 PDF 文件，无法直接读取：请在 Word 或 WPS 中打开并另存为 .docx，或复制其中的文字另存为 .txt 后再检查")]
    Pdf,
    #[error("文件过大：至少 {} 的文本，超过每份材料 {} 的上限（配置项 max-report-size）", megabytes(*size), megabytes(*limit))]
    TooLarge { size: usize, limit: usize },
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Docx(#[from] DocxError),
    /// A rule panicked on this file (a bug); the other files are still checked.
    #[error("内部错误：检查此文件时程序出错，请将文件提交给 critique-lint 维护者")]
    Internal,
}

impl LoadError {
    pub(crate) fn new(path: impl Into<String>, problem: impl Into<Problem>) -> LoadError {
        LoadError {
            path: path.into(),
            problem: problem.into(),
        }
    }
}

impl Source {
    /// Builds a source from text already in memory (tests, stdin, benchmarks).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        let text = text.into();
        let line_starts = line_starts(&text);
        let char_marks = char_marks(&text);
        Source {
            name: name.into(),
            text,
            encoding: "utf-8",
            format: "text",
            markdown: false,
            line_starts,
            char_marks,
        }
    }

    /// Reads and decodes one report, within the default [`Limits`].
    pub fn load(origin: &Origin) -> Result<Source, LoadError> {
        Source::load_within(origin, &Limits::default())
    }

    /// Reads and decodes one report; a report whose text would exceed
    /// `limits` is refused (never read whole into memory).
    pub fn load_within(origin: &Origin, limits: &Limits) -> Result<Source, LoadError> {
        let name = origin.to_string();
        let fail = |problem: Problem| LoadError::new(name.clone(), problem);
        // Decoded UTF-8 is at least half the bytes read (UTF-16 ASCII is the
        // worst case), so more than twice the limit cannot fit.
        let max_bytes = limits.max_text.saturating_mul(2);
        let too_large = |bytes: usize| Problem::TooLarge {
            size: bytes,
            limit: limits.max_text,
        };
        let bytes = match origin {
            Origin::File(path) => {
                let file = std::fs::File::open(path).map_err(|e| fail(io_problem(&e)))?;
                let len = file.metadata().map_or(0, |m| m.len());
                if len > max_bytes as u64 {
                    return Err(fail(too_large(len as usize)));
                }
                read_at_most(file, max_bytes, len as usize).map_err(|e| fail(io_problem(&e)))?
            }
            Origin::Stdin => read_at_most(std::io::stdin().lock(), max_bytes, 0)
                .map_err(|e| fail(io_problem(&e)))?,
        };
        if bytes.len() > max_bytes {
            return Err(fail(too_large(bytes.len())));
        }
        let extension = match origin {
            Origin::File(p) => extension(p),
            Origin::Stdin => None,
        };
        let docx = match (extension.as_deref(), Container::of(&bytes)) {
            (Some("pdf"), _) | (_, Some(Container::Pdf)) => return Err(fail(Problem::Pdf)),
            // Word and WPS save a .docx under the old names when asked to:
            // what the bytes are decides, the name only words the error.
            (Some("doc" | "wps"), Some(Container::Zip)) | (Some("docx"), _) => true,
            (Some("wps"), _) => return Err(fail(Problem::Wps)),
            (Some("doc"), _) | (_, Some(Container::OldOffice)) => {
                return Err(fail(Problem::OldWord))
            }
            _ => false,
        };
        let mut source = Source::from_bytes(name.clone(), bytes, docx, limits).map_err(fail)?;
        source.markdown = extension.as_deref() == Some("md");
        Ok(source)
    }

    /// Decodes a report's bytes: the text of a Word file when `docx`, else
    /// text in one of the supported encodings; refused beyond `limits`.
    pub(crate) fn from_bytes(
        name: String,
        bytes: Vec<u8>,
        docx: bool,
        limits: &Limits,
    ) -> Result<Source, Problem> {
        let (mut text, encoding, format) = if docx {
            (docx::text(&bytes, limits.max_text)?, "utf-8", "docx")
        } else {
            let (text, encoding) = decode::decode(bytes)?;
            (text, encoding.name(), "text")
        };
        if text.len() > limits.max_text {
            return Err(Problem::TooLarge {
                size: text.len(),
                limit: limits.max_text,
            });
        }
        // Reports stay in memory for the whole run: no slack.
        text.shrink_to_fit();
        let mut source = Source::new(name, text);
        source.encoding = encoding;
        source.format = format;
        Ok(source)
    }

    /// 0-based line index of a byte offset.
    pub(crate) fn line_index(&self, byte: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= byte) - 1
    }

    /// Byte range of a line, without its line terminator.
    pub(crate) fn line_range(&self, line: usize) -> Range<usize> {
        let start = self.line_starts[line];
        let end = self
            .line_starts
            .get(line + 1)
            .copied()
            .unwrap_or(self.text.len());
        let raw = &self.text[start..end];
        let trimmed = raw.trim_end_matches(['\n', '\r']);
        start..start + trimmed.len()
    }

    pub(crate) fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// 1-based (line, column) of a byte offset; columns count characters.
    pub fn position(&self, byte: usize) -> (usize, usize) {
        let line = self.line_index(byte);
        let start = self.line_starts[line];
        // Within a line's first mark's stride, counting from the line's
        // start reads less than counting from two marks.
        let column = if byte - start <= MARK_STRIDE {
            self.text[start..byte].chars().count() + 1
        } else {
            self.chars_before(byte) - self.chars_before(start) + 1
        };
        (line + 1, column)
    }

    /// How many characters come before the byte offset `byte`.
    fn chars_before(&self, byte: usize) -> usize {
        let i = self.char_marks.partition_point(|&(at, _)| at <= byte);
        let (at, count) = i.checked_sub(1).map_or((0, 0), |i| self.char_marks[i]);
        count + self.text[at..byte].chars().count()
    }

    /// Number of characters in the text.
    pub fn char_count(&self) -> usize {
        self.text.chars().count()
    }
}

/// (byte, characters before it) at the first character boundary from
/// every [`MARK_STRIDE`]-th byte on.
fn char_marks(text: &str) -> Vec<(usize, usize)> {
    let mut marks = Vec::with_capacity(text.len() / MARK_STRIDE);
    let (mut at, mut count) = (0, 0);
    while at + MARK_STRIDE < text.len() {
        let next = crate::text::ceil_boundary(text, at + MARK_STRIDE);
        count += text[at..next].chars().count();
        marks.push((next, count));
        at = next;
    }
    marks
}

/// Line starts, treating `\n`, `\r\n` and a lone `\r` as line ends.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    // Line ends are rare: jump between them with a fast byte search.
    let mut from = 0;
    while let Some(off) = bytes[from..].iter().position(|&b| b == b'\n' || b == b'\r') {
        let i = from + off;
        if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
            starts.push(i + 1);
        }
        from = i + 1;
    }
    starts
}

/// Reads up to `max + 1` bytes, so a caller can tell "more than max";
/// `expected` (the file's size) sizes the buffer once.
fn read_at_most(reader: impl Read, max: usize, expected: usize) -> std::io::Result<Vec<u8>> {
    let mut buf = Vec::with_capacity(expected.min(max) + 1);
    reader.take(max as u64 + 1).read_to_end(&mut buf)?;
    Ok(buf)
}

/// How much of an input is read. A report's text is typically 5–20 KB;
/// the default, 2 MiB, is a hundred times more, and keeps a hostile input
/// from taking the run's memory or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest decoded text of one report, in bytes of UTF-8.
    pub max_text: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_text: 2 * 1024 * 1024,
        }
    }
}

/// `2.0 MB` for a byte count, as the too-large message shows it.
pub(crate) fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

pub(crate) fn io_problem(e: &std::io::Error) -> Problem {
    match e.kind() {
        std::io::ErrorKind::NotFound => Problem::NotFound,
        // The other kinds in Chinese, the system's text kept after them.
        _ => Problem::Io(crate::wording::io(e)),
    }
}

/// Extensions of the files a folder is walked for.
pub(crate) const REPORT_EXTENSIONS: &[&str] = &["txt", "docx", "md"];

/// Formats members hand reports in that cannot be read as they are: a
/// folder walk lists each as an error saying how to convert it, so that a
/// submission is never skipped in silence.
const UNREADABLE_EXTENSIONS: &[&str] = &["doc", "wps", "pdf"];

/// Whether the path names a report by extension.
pub(crate) fn is_report_path(path: &Path) -> bool {
    extension(path).is_some_and(|e| REPORT_EXTENSIONS.contains(&e.as_str()))
}

/// Whether a folder walk takes the file: a report, or a submission in a
/// format that is reported as unreadable.
pub(crate) fn is_submission_path(path: &Path) -> bool {
    is_report_path(path)
        || extension(path).is_some_and(|e| UNREADABLE_EXTENSIONS.contains(&e.as_str()))
}

/// What a file's first bytes say it is, whatever its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    /// A zip archive: .docx (or another Office Open XML file).
    Zip,
    /// The compound file of .doc, .wps and the other old Office formats.
    OldOffice,
    Pdf,
}

impl Container {
    fn of(bytes: &[u8]) -> Option<Container> {
        if bytes.starts_with(b"PK\x03\x04") {
            Some(Container::Zip)
        } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            Some(Container::OldOffice)
        } else if bytes.starts_with(b"%PDF-") {
            Some(Container::Pdf)
        } else {
            None
        }
    }
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_positions_count_characters() {
        let s = Source::new("a", "一二\r\n三四五\r六\n");
        assert_eq!(s.line_count(), 4);
        assert_eq!(s.line_range(0), 0..6);
        assert_eq!(s.line_range(1), 8..17);
        assert_eq!(s.line_range(2), 18..21);
        assert_eq!(s.position(11), (2, 2));
        assert_eq!(s.position(18), (3, 1));
    }

    /// Columns counted from the marks equal a count from the line's start,
    /// on lines far longer than a mark's stride, across mixed widths.
    #[test]
    fn columns_on_long_lines_count_every_character() {
        let line = "学a习。 ".repeat(3000);
        let text = format!("{line}\n{line}\n");
        let s = Source::new("a", text.as_str());
        assert!(s.char_marks.len() > 5);
        for (byte, _) in text.char_indices().step_by(97) {
            let line = s.line_index(byte);
            let start = s.line_starts[line];
            let naive = (line + 1, text[start..byte].chars().count() + 1);
            assert_eq!(s.position(byte), naive, "at byte {byte}");
        }
        assert_eq!(s.position(text.len()), (3, 1));
    }
}
