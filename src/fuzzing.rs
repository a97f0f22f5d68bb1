//! Entry points for the fuzz targets (`fuzz/`) and their regression test
//! (`tests/fuzz_regressions.rs`). Each is a thin wrapper over the code path
//! the command line takes, and panics when something that must hold of any
//! input does not: a span outside its text or off a character boundary, a
//! document the engine could not check. Hidden from the documentation and
//! not part of the supported API.

use crate::config::{Config, BUILTIN_REFERENCES};
use crate::diagnostic::Diagnostic;
use crate::engine::Engine;
use crate::outline::{self, Item, SectionKeywords};
use crate::report::{self, Report};
use crate::segment::Segmenter;
use crate::source::{Limits, Source};
use codespan_reporting::term::termcolor::Buffer;
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

/// Bytes read as a text report (`decode`): the decoded text, if any.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let source =
        Source::from_bytes("fuzz.txt".into(), bytes.to_vec(), false, &Limits::default()).ok()?;
    assert_lines(&source);
    Some(source.text)
}

/// Bytes read as a Word file (`docx`): its text, if any.
pub fn docx(bytes: &[u8]) -> Option<String> {
    let source =
        Source::from_bytes("fuzz.docx".into(), bytes.to_vec(), true, &Limits::default()).ok()?;
    assert_lines(&source);
    Some(source.text)
}

/// Fuzz input for `.docx` reading: a zip file when it starts like one, else
/// the text of `word/document.xml`, packed (stored, so the fuzzer's
/// mutations reach the XML reader instead of failing the zip's checksums).
pub fn docx_input(bytes: &[u8]) -> Option<String> {
    if bytes.starts_with(b"PK") {
        return docx(bytes);
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("word/document.xml", stored).ok()?;
    std::io::Write::write_all(&mut zip, bytes).ok()?;
    let packed = zip.finish().ok()?.into_inner();
    docx(&packed)
}

/// Text → paragraphs → outline, with the default heading words. Every span
/// lies in the text; items lie in their section, children in their parent.
/// Returns the number of sections.
pub fn outline(text: &str) -> usize {
    static KEYWORDS: OnceLock<SectionKeywords> = OnceLock::new();
    let keywords = KEYWORDS.get_or_init(|| defaults().keywords.clone());
    let source = Source::new("fuzz.txt", text);
    assert_lines(&source);
    let lines = (0..source.line_count()).map(|l| source.line_range(l));
    let paragraphs = outline::paragraphs(text, lines);
    let mut end = 0;
    for p in &paragraphs {
        assert_span(text, &p.span, "paragraph");
        assert!(p.span.start >= end && p.span.start < p.span.end, "{p:?}");
        end = p.span.end;
        if let Some(m) = &p.marker {
            assert_within(text, &m.span, &p.span, "paragraph marker");
        }
    }
    let parsed = outline::parse(text, &paragraphs, keywords);
    if let Some(t) = &parsed.title {
        assert_span(text, t, "title");
    }
    for s in &parsed.sections {
        assert_span(text, &s.span, "section");
        assert_span(text, &s.heading, "heading");
        for item in &s.items {
            assert_item(text, item, &s.span);
        }
    }
    parsed.sibling_groups();
    parsed.sections.len()
}

fn assert_item(text: &str, item: &Item, parent: &Range<usize>) {
    assert_within(text, &item.span, parent, "item");
    assert_span(text, &item.label, "item label");
    assert_within(text, &item.marker.span, &item.span, "item marker");
    for c in &item.children {
        assert_item(text, c, &item.span);
    }
}

/// The name under which the extend-rules text is found.
const EXTRA: &str = "extra.yaml";

/// YAML text as the user's `critique-lint.yaml`.
pub fn config_user(text: &str) -> bool {
    config(text, "")
}

/// YAML text as an `extend-rules` file of a config that names it.
pub fn config_extend(text: &str) -> bool {
    config(&format!("extend-rules: [{EXTRA}]\n"), text)
}

/// A user config and its extend-rules file `extra.yaml` loaded over the
/// defaults (as `Config::load` does, from memory), the rules built, and a
/// corpus report checked with them. Whether the configuration loaded.
pub fn config(user: &str, extra: &str) -> bool {
    let mut config = defaults().clone();
    let read = |p: &Path| {
        if p == Path::new(EXTRA) {
            Ok(extra.to_string())
        } else {
            Err(std::io::ErrorKind::NotFound.into())
        }
    };
    if config
        .apply_user_text("critique-lint.yaml", user, Path::new(""), &read)
        .is_err()
    {
        return false;
    }
    let select = config.resolve(&config.select).expect("checked when loaded");
    let ignore = config.resolve(&config.ignore).expect("checked when loaded");
    let Ok(engine) = Engine::with_segmenter(config, &select, &ignore, segmenter()) else {
        return false;
    };
    run(&engine, &[CONFIG_SAMPLE]);
    true
}

/// A short report with something for every default rule kind: misquoted
/// formulations, a placeholder, half-width marks, vague words, a skipped
/// number, an unanswered problem, a sentence of the built-in template.
const CONFIG_SAMPLE: &str = "XX同志2024年度民主生活会个人对照检查材料
一、存在的问题
（一）在理论学习方面。一是“四个意识”树得不牢，对照政治意识、大局意识、核心意识、服务意识检视自己,还有差距。二是做到“两个维护”，坚决维护习近平总书记的核心地位有所欠缺。
（三）在工作作风方面。理论学习不够深入，调研不深入，2024年只到基层3次。对习近平新时代中国特色社会主义思想的精髓要义、思想风范、实践要求研究得还不够深入。
二、整改措施
（一）加强理论学习。每月参加中心组学习1次，____前完成。
（二）改进作风，进一步加强。
以上，请同志们批评指正。
";

/// One text through the whole engine with the default configuration: split
/// at NUL characters into up to three reports, checked, compared with each
/// other and with the built-in references, then rendered as JSON and for
/// people. Returns the number of findings.
pub fn check(text: &str) -> usize {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    let engine = ENGINE.get_or_init(|| {
        Engine::with_segmenter(defaults().clone(), &[], &[], segmenter()).expect("defaults build")
    });
    let reports: Vec<&str> = text.splitn(3, '\0').collect();
    run(engine, &reports)
}

/// Checks `reports` against the built-in references; asserts every span.
fn run(engine: &Engine, reports: &[&str]) -> usize {
    let mut sources: Vec<Source> = reports
        .iter()
        .enumerate()
        .map(|(i, t)| Source::new(format!("r{i}.txt"), *t))
        .collect();
    let checked = sources.len();
    sources.extend(
        BUILTIN_REFERENCES
            .iter()
            .map(|(name, text)| Source::new(*name, *text)),
    );
    let outcome = engine.check(&sources, checked, None, &|| {});
    // A rule that panics is caught per file and reported as this error.
    assert!(outcome.errors.is_empty(), "{:?}", outcome.errors);
    assert_diagnostics(&sources, checked, &outcome.diagnostics);
    let report = Report {
        sources: &sources,
        checked,
        diagnostics: &outcome.diagnostics,
        errors: &outcome.errors,
        similarity: &outcome.similarity,
        copy_groups: &outcome.copy_groups,
        rules: &[],
        baselined: 0,
        fail_on: crate::diagnostic::Severity::Error,
        passages: &outcome.passages,
        structures: &outcome.structures,
        identities: &outcome.identities,
    };
    report::json::render(&report);
    report::html::render(&report);
    report::human::render(&report, 80, &mut Buffer::no_color()).expect("writing to memory");
    outcome.diagnostics.len()
}

/// Every finding lies in a checked report, every label in some text, on
/// character boundaries.
fn assert_diagnostics(sources: &[Source], checked: usize, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        assert!(
            d.file < checked,
            "finding outside the checked reports: {d:?}"
        );
        assert_span(&sources[d.file].text, &d.span, &d.rule);
        for l in &d.labels {
            assert!(l.file < sources.len(), "{d:?}");
            assert_span(&sources[l.file].text, &l.span, &d.rule);
        }
        // A fix edits the file on character boundaries, never a line break.
        for e in &d.edits {
            let text = &sources[d.file].text;
            assert_span(text, &e.span, &d.rule);
            assert!(
                !text[e.span.clone()].contains(['\n', '\r'])
                    && !e.replacement.contains(['\n', '\r']),
                "{}: edit {e:?} touches a line break",
                d.rule
            );
        }
    }
}

/// Panics unless `span` is a range of `text` on character boundaries.
fn assert_span(text: &str, span: &Range<usize>, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what}: span {span:?} is not a range of a text of {} bytes",
        text.len()
    );
}

fn assert_within(text: &str, span: &Range<usize>, outer: &Range<usize>, what: &str) {
    assert_span(text, span, what);
    assert!(
        outer.start <= span.start && span.end <= outer.end,
        "{what}: {span:?} outside {outer:?}"
    );
}

/// Lines cover the text in order; positions agree with them.
fn assert_lines(source: &Source) {
    let mut end = 0;
    for l in 0..source.line_count() {
        let r = source.line_range(l);
        assert_span(&source.text, &r, "line");
        assert!(r.start >= end, "line {l}: {r:?} before {end}");
        end = r.end;
        assert_eq!(source.position(r.start), (l + 1, 1));
        assert_eq!(source.position(r.end).0, l + 1);
    }
    source.position(source.text.len());
}

fn defaults() -> &'static Config {
    static DEFAULTS: OnceLock<Config> = OnceLock::new();
    DEFAULTS.get_or_init(|| Config::defaults().expect("the embedded defaults load"))
}

fn segmenter() -> Arc<Segmenter> {
    static SEGMENTER: OnceLock<Arc<Segmenter>> = OnceLock::new();
    SEGMENTER
        .get_or_init(|| Arc::new(Segmenter::new([])))
        .clone()
}
