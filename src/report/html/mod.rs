//! `--format html`: one self-contained page for the organiser of a 民主生活会
//! — an overview of every report with a verdict, the copies between them
//! (heat map, groups, two texts side by side), each report with its findings
//! in place and its outline with the problem–measure links, and a print
//! style that puts findings in the margin.
//!
//! The page is the data (JSON, [`data`]) plus a fixed script that renders a
//! view when it is opened, so a thousand reports still open. Report text
//! never becomes markup: the script inserts it as text nodes only, and the
//! JSON block escapes `<`, `>`, `&` and the JavaScript line separators, so
//! no text can close the block. A Content-Security-Policy forbids every
//! network request and every script but the page's own (by nonce), so
//! even a mistake in the script cannot load or run anything else.

mod data;

use super::Report;
use std::hash::{Hash, Hasher};

const CSS: &str = include_str!("page.css");
const JS: &str = include_str!("page.js");
const VIEWS_JS: &str = include_str!("views.js");
const COPIES_JS: &str = include_str!("copies.js");
const SELFTEST_JS: &str = include_str!("selftest.js");

pub(crate) fn render(report: &Report) -> String {
    let json = serde_json::to_string(&data::build(report)).expect("serialisable");
    let json = embed(&json);
    // Deterministic (the same run gives the same file), and never in the
    // data: a report cannot guess it from its own text.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    json.hash(&mut h);
    let nonce = format!("{:016x}", h.finish());
    let mut out = String::with_capacity(json.len() + CSS.len() + JS.len() + 4096);
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; img-src data:; \
         base-uri 'none'; form-action 'none'\">\n"
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"critique-lint\">\n");
    out.push_str("<title>对照检查材料检查报告</title>\n");
    out.push_str(&format!(
        "<style nonce=\"{nonce}\">\n{CSS}</style>\n</head>\n"
    ));
    out.push_str("<body>\n<noscript>本页需要启用 JavaScript 才能显示。</noscript>\n");
    out.push_str("<header id=\"top\"></header>\n<main id=\"main\"></main>\n");
    out.push_str("<div id=\"pop\" hidden></div>\n");
    out.push_str("<script type=\"application/json\" id=\"data\">");
    out.push_str(&json);
    out.push_str("</script>\n");
    out.push_str(&format!(
        "<script nonce=\"{nonce}\">\n\"use strict\";\n{JS}\n{VIEWS_JS}\n{COPIES_JS}\n{SELFTEST_JS}\nstart();\n</script>\n"
    ));
    out.push_str("</body>\n</html>\n");
    out
}

/// JSON safe inside a `<script>` element: no `<`, `>` or `&` (nothing can
/// close the element or open a comment), and no U+2028/U+2029. These can
/// only occur inside JSON strings, where `\uXXXX` means the same.
fn embed(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + json.len() / 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
