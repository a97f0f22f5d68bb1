//! critique-lint: a linter for Chinese self-critique reports
//! (民主生活会 / 组织生活会 个人对照检查材料).
//!
//! Data flows one way, and the modules are declared in that order: each
//! imports only the modules above it (see ARCHITECTURE.md; `tests/
//! architecture.rs` keeps it true). The public surface is what the
//! command line, tests, examples and an embedding need: [`Config`],
//! [`Engine`], [`Source`] and the findings.

// 0. Vocabulary shared by every stage: findings, settings errors,
//    characters, numbering markers.
mod diagnostic;
mod markers;
mod names;
mod settings;
mod text;
mod wording;
// 1. Paths → reports read and decoded (folders walked, stdin); line index.
mod source;
// 2. The view the rules read: wraps joined, page furniture dropped.
mod view;
// 3. Words: jieba-rs and the domain dictionary.
mod segment;
// 4. Paragraphs, sections and numbered items.
mod outline;
// 5. A document: source, paragraphs, tokens, outline.
mod document;
// 6. Which measures answer which problems and causes.
mod links;
// 7. Per-document rules (one file per kind).
mod rules;
// 8. Cross-document rules: copies between reports and from references.
mod crossdoc;
// 9. The archive of past years' reports (SQLite) and the rules that compare
//    with it; authors and years of reports.
mod archive;
// 10. Configuration: YAML read, layered, rules built.
mod config;
// 11. The pipeline: load → documents → rules → cross stage → sorted findings.
mod engine;
// 12. --baseline filtering.
mod baseline;
// 13. Renderers, one per format, reading only report data.
mod report;
// 14. Evaluation against labelled sets (tests and examples).
pub mod eval;
// 15. The command line.
mod cli;
// 16. Entry points for the fuzz targets (fuzz/) and their regression test.
#[doc(hidden)]
pub mod fuzzing;

pub use cli::main as run_cli;
pub use config::{Config, ConfigError, UnknownRule};
pub use diagnostic::{Diagnostic, Edit, Label, Severity};
pub use engine::{Engine, Outcome};
pub use segment::Segmenter;
pub use source::{DecodeError, DocxError, Limits, LoadError, Origin, Problem, Source};
