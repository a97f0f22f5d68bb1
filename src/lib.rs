//! critique-lint: a linter for Chinese self-critique reports
//! (民主生活会 / 组织生活会 个人对照检查材料).
//!
//! Data flows one way: [`inputs`] → [`source`] (read, decode, line index) →
//! [`document`] ([`segment`] tokens, [`outline`]) → [`rules`] → sorted
//! [`diagnostic`]s → one [`report`] renderer per format.

pub mod baseline;
pub mod cli;
pub mod config;
pub mod crossdoc;
pub mod diagnostic;
pub mod document;
pub mod eval;
pub mod inputs;
pub mod links;
pub mod outline;
pub mod report;
pub mod rules;
pub mod run;
pub mod segment;
pub mod source;
