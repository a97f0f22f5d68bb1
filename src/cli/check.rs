//! `critique-lint check`: the default command, a short pipeline — settings,
//! inputs, check, baseline, render, write, exit code.

use super::fix::{self, Plan};
use super::{configure, CheckArgs, Color, Failure, Format, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::archive::Archive;
use crate::baseline::{self, Baseline};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::{self, Engine, Outcome};
use crate::report::{self, Report, RuleInfo};
use crate::source::{LoadError, Source};
use codespan_reporting::term::termcolor::Buffer;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Files checked before a progress bar is worth showing.
const PROGRESS_FROM: usize = 50;

pub(super) fn run(mut args: CheckArgs) -> Result<i32, Failure> {
    // `--archive 2025/`: a folder or report right after a bare --archive
    // is a report to check, not the archive file.
    if let Some(p) = args.archive.take() {
        if p.is_dir() || crate::source::is_report_path(&p) {
            args.paths.insert(0, p);
            args.archive = Some(super::archive::CONFIGURED.into());
        } else {
            args.archive = Some(p);
        }
    }
    if args.paths.is_empty() {
        return Err(Failure::NoPaths);
    }
    let (config, select, ignore) = configure(&args.common)?;
    let mut fix_failed = false;
    if (args.fix || args.diff) && args.paths.iter().any(|p| p.as_os_str() == "-") {
        // The run reads its inputs twice (before and after fixing); standard
        // input can be read once.
        return Err(Failure::FixStdin);
    }
    if args.fix || args.diff {
        let inputs = read_inputs(&args, config.clone(), &select, &ignore)?;
        let outcome = check(&inputs, &args, None)?;
        let mut diagnostics = outcome.diagnostics;
        if let Some(path) = &args.baseline {
            Baseline::load(path)?.filter(&mut diagnostics, &inputs.sources);
        }
        let plan = fix::plan(&inputs.sources, &diagnostics);
        for &(file, n) in &plan.unfixable {
            eprintln!(
                "critique-lint: warning: {}",
                report::escape::safe(&not_fixable(&inputs.sources[file], n))
            );
        }
        if args.diff {
            let output = output_file(&args, &inputs)?;
            let mut errors = inputs.errors.clone();
            errors.extend(outcome.errors);
            return show_diff(output.as_deref(), &inputs, &plan, &errors);
        }
        // The run goes on from the files as written: everything is read and
        // checked again, so what is reported is what a new run would find.
        fix_failed = !write_fixes(&inputs.sources, &plan);
    }
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    // Opened only when asked (--archive, or `archive:` in the config).
    let archive = super::archive::path(args.archive.as_deref(), &config)
        .map(|p| Archive::open(&p, false))
        .transpose()?;
    let mut inputs = read_inputs(&args, config, &select, &ignore)?;
    let output = output_file(&args, &inputs)?;
    let outcome = check(&inputs, &args, archive.as_ref())?;
    inputs.sources.extend(outcome.archived);
    let mut errors = inputs.errors;
    errors.extend(outcome.errors);
    let (mut diagnostics, baselined) =
        apply_baseline(outcome.diagnostics, &args, baseline, &inputs.sources)?;
    // A Word file's findings claim no fix: it cannot be written.
    for d in &mut diagnostics {
        if inputs.sources[d.file].format != "text" {
            d.edits.clear();
        }
    }
    let rules = rule_infos(&inputs.engine, archive.is_some());
    let fail_on = fail_on(&args, &inputs.engine.config);
    let report = Report {
        sources: &inputs.sources,
        checked: inputs.checked,
        diagnostics: &diagnostics,
        errors: &errors,
        similarity: &outcome.similarity,
        copy_groups: &outcome.copy_groups,
        rules: &rules,
        baselined,
        fail_on,
        passages: &outcome.passages,
        structures: &outcome.structures,
        identities: &outcome.identities,
    };
    write_output(&args, output.as_deref(), &report)?;
    // Files that could not be read go to stderr in every format, like
    // rustc's and ruff's errors; the summary line counts them.
    for e in &errors {
        eprintln!(
            "critique-lint: error: {}",
            report::escape::safe(&e.to_string())
        );
    }
    let code = if fix_failed {
        EXIT_ERROR
    } else {
        exit_code(&args, fail_on, &errors, &diagnostics)
    };
    // The process ends here: freeing the rules' automata, the texts and the
    // outcome one by one cost a one-report run 3 % of its instructions on
    // the main thread, for memory the system takes back at once.
    std::mem::forget(inputs.engine);
    std::mem::forget(inputs.sources);
    Ok(code)
}

/// Why a file's fixable findings are not fixed.
fn not_fixable(source: &Source, n: usize) -> String {
    if source.format == "docx" {
        format!(
            "{}: Word 文件（.docx）不能自动修复，未改动；其中 {n} 个可修复的问题请在 Word 中修改",
            source.name
        )
    } else {
        format!(
            "{}: 标准输入不能自动修复；其中 {n} 个可修复的问题请在原文件中修改",
            source.name
        )
    }
}

/// `--diff`: the unified diff of every file `--fix` would change, to stdout
/// or `-o`; nothing is written. Exit 1 when there is a change, 2 when a file
/// could not be read or a fix could not be written back.
fn show_diff(
    output: Option<&Path>,
    inputs: &Inputs,
    plan: &Plan,
    errors: &[LoadError],
) -> Result<i32, Failure> {
    let mut diff = String::new();
    let mut failed = !errors.is_empty();
    for f in &plan.files {
        let source = &inputs.sources[f.file];
        let new = fix::apply(&source.text, &f.edits);
        // Prepared as --fix would write it: a file that cannot be written
        // back gets the same error here.
        match crate::source::Rewrite::prepare(Path::new(&source.name), &source.text, &new) {
            Ok(rewrite) => {
                let bom = if rewrite.bytes.starts_with(b"\xEF\xBB\xBF") {
                    "\u{feff}"
                } else {
                    ""
                };
                diff.push_str(&fix::unified_diff(&source.name, &source.text, &new, bom));
            }
            Err(e) => {
                failed = true;
                eprintln!(
                    "critique-lint: error: {}",
                    report::escape::safe(&e.to_string())
                );
            }
        }
    }
    write_bytes(output, diff.as_bytes())?;
    for e in errors {
        eprintln!(
            "critique-lint: error: {}",
            report::escape::safe(&e.to_string())
        );
    }
    Ok(if failed {
        EXIT_ERROR
    } else if diff.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_FINDINGS
    })
}

/// `--fix`: writes each changed file back; says on stderr how many findings
/// were fixed. False when a file could not be written.
fn write_fixes(sources: &[Source], plan: &Plan) -> bool {
    let mut ok = true;
    let (mut fixed, mut files, mut left) = (0, 0, 0);
    for f in &plan.files {
        let source = &sources[f.file];
        let new = fix::apply(&source.text, &f.edits);
        if new == source.text {
            continue;
        }
        let written = crate::source::Rewrite::prepare(Path::new(&source.name), &source.text, &new)
            .and_then(|r| r.write());
        match written {
            Ok(()) => {
                fixed += f.fixed;
                left += f.left;
                files += 1;
            }
            Err(e) => {
                ok = false;
                eprintln!(
                    "critique-lint: error: {}",
                    report::escape::safe(&e.to_string())
                );
            }
        }
    }
    if fixed > 0 {
        let mut line = format!("已自动修复 {fixed} 个问题（{files} 个文件）");
        if left > 0 {
            line.push_str(&format!(
                "；另有 {left} 个问题的修复与已做的修复重叠，再运行一次 --fix 可继续修复"
            ));
        }
        eprintln!("{line}");
    }
    ok
}

/// The engine, the reports to check, then the references; read while the
/// dictionary loads, or before the dictionary of their words is built.
struct Inputs {
    engine: Engine,
    /// The checked reports, then the reference texts.
    sources: Vec<Source>,
    checked: usize,
    errors: Vec<LoadError>,
}

fn read_inputs(
    args: &CheckArgs,
    config: Config,
    select: &[String],
    ignore: &[String],
) -> Result<Inputs, Failure> {
    let (references, reference_errors) = engine::load_references(&config, &args.references);
    let limits = config.limits;
    let (engine, (mut sources, mut errors)) = if full_dictionary(&args.paths) {
        rayon::join(
            || Engine::new(config, select, ignore),
            || engine::load_paths(&args.paths, &limits),
        )
    } else {
        // A few reports: read them first, then find their dictionary words.
        let (sources, errors) = engine::load_paths(&args.paths, &limits);
        let all: Vec<&Source> = sources.iter().chain(&references).collect();
        let engine = Engine::for_sources(config, select, ignore, &all);
        (engine, (sources, errors))
    };
    // The process checks once: the segmenter goes after the documents.
    let mut engine = engine?.one_shot();
    // The HTML report draws each report's outline and links.
    if args.format == Format::Html && !args.statistics {
        engine = engine.with_structures()?;
    }
    errors.extend(reference_errors);
    let checked = sources.len();
    sources.extend(references);
    Ok(Inputs {
        engine,
        sources,
        checked,
        errors,
    })
}

/// Whether to load jieba's full dictionary or only the inputs' words: the
/// input size decides, unless `CRITIQUE_LINT_DICTIONARY` is `full` or
/// `found` (the tests compare both; both give the same findings).
fn full_dictionary(paths: &[std::path::PathBuf]) -> bool {
    match std::env::var("CRITIQUE_LINT_DICTIONARY").as_deref() {
        Ok("full") => true,
        Ok("found") => false,
        _ => engine::wants_full_dictionary(paths),
    }
}

/// Runs the engine (against the archive when there is one), with a
/// progress bar when it is worth one.
fn check(inputs: &Inputs, args: &CheckArgs, archive: Option<&Archive>) -> Result<Outcome, Failure> {
    let progress = progress_bar(inputs.checked, args.quiet);
    let tick = || {
        if let Some(p) = &progress {
            p.inc(1);
        }
    };
    let (sources, checked) = (&inputs.sources, inputs.checked);
    let outcome = match archive {
        Some(a) => inputs.engine.check_with_archive(
            sources,
            checked,
            args.max_shared,
            &tick,
            (a, args.year),
        )?,
        None => inputs
            .engine
            .check(sources, checked, args.max_shared, &tick),
    };
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    Ok(outcome)
}

/// `--write-baseline` records the findings; `--baseline` hides the known
/// ones. Returns the findings to show and how many were hidden.
fn apply_baseline(
    mut diagnostics: Vec<Diagnostic>,
    args: &CheckArgs,
    baseline: Option<Baseline>,
    sources: &[Source],
) -> Result<(Vec<Diagnostic>, usize), Failure> {
    if let Some(path) = &args.write_baseline {
        baseline::write(path, &diagnostics, sources)?;
        eprintln!(
            "已将 {} 个问题写入基线 {}",
            diagnostics.len(),
            path.display()
        );
    }
    let baselined = baseline.map_or(0, |b| b.filter(&mut diagnostics, sources));
    Ok((diagnostics, baselined))
}

/// What the renderers may say of the rules that ran.
fn rule_infos(engine: &Engine, archive: bool) -> Vec<RuleInfo> {
    let mut running: Vec<&str> = engine.rule_ids().collect();
    if archive {
        running.extend(engine.archive_rule_ids());
    }
    engine
        .config
        .rules
        .iter()
        .filter(|r| running.contains(&r.id.as_str()))
        .map(|r| RuleInfo {
            id: r.id.clone(),
            severity: r.severity,
            summary: r.summary.clone(),
            explanation: r.explanation.clone(),
            bad: r.bad.clone(),
            good: r.good.clone(),
        })
        .collect()
}

/// Where `-o` writes (None: stdout, also for `-o -`). Never a report of
/// the run; a warning when a later folder run would read it as a report.
fn output_file(args: &CheckArgs, inputs: &Inputs) -> Result<Option<PathBuf>, Failure> {
    let canonical = |p: &Path| std::fs::canonicalize(p).ok();
    let read: Vec<PathBuf> = inputs
        .sources
        .iter()
        .filter_map(|s| canonical(Path::new(&s.name)))
        .collect();
    for target in [&args.output, &args.write_baseline].into_iter().flatten() {
        if target.as_os_str() == "-" {
            continue;
        }
        if canonical(target).is_some_and(|t| read.contains(&t)) {
            return Err(Failure::OutputIsInput(target.display().to_string()));
        }
        let folder = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let inside = canonical(folder).is_some_and(|f| {
            args.paths
                .iter()
                .filter(|p| p.is_dir())
                .filter_map(|p| canonical(p))
                .any(|d| f.starts_with(d))
        });
        if inside && crate::source::is_report_path(target) {
            eprintln!(
                "critique-lint: warning: {} 在被检查的目录中，下次检查该目录时会被当作一份材料；请换用其他目录或扩展名（如 .json）",
                target.display()
            );
        }
    }
    Ok(args.output.clone().filter(|o| o.as_os_str() != "-"))
}

/// Renders the report and writes it to `output` or stdout (a closed pipe
/// is no error).
fn write_output(args: &CheckArgs, output: Option<&Path>, report: &Report) -> Result<(), Failure> {
    let to_terminal = output.is_none() && std::io::stdout().is_terminal();
    write_with(output, |w| {
        if matches!(args.format, Format::Json) && !args.statistics {
            // Streamed: a run over many reports writes tens of megabytes.
            return report::json::write(report, w);
        }
        w.write_all(&render(report, args, to_terminal))
    })
}

/// Writes to `output` or stdout (a closed pipe is no error).
fn write_bytes(output: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    write_with(output, |w| w.write_all(bytes))
}

/// Writes to `output` or stdout through a buffer.
fn write_with(
    output: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let result = match output {
        Some(path) => std::fs::File::create(path).and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            write(&mut w)?;
            w.flush()
        }),
        None => {
            let mut w = std::io::BufWriter::new(std::io::stdout().lock());
            write(&mut w).and_then(|()| w.flush())
        }
    };
    match (result, output) {
        (Err(e), Some(path)) => Err(Failure::Output(path.display().to_string(), e)),
        (Err(e), None) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::Stdout(e)),
        _ => Ok(()),
    }
}

fn render(report: &Report, args: &CheckArgs, to_terminal: bool) -> Vec<u8> {
    if args.statistics {
        return match args.format {
            Format::Json => report::statistics_json(report),
            _ => report::statistics(report),
        }
        .into_bytes();
    }
    match args.format {
        Format::Json => report::json::render(report).into_bytes(),
        Format::Sarif => report::sarif::render(report).into_bytes(),
        Format::Github => report::github::render(report).into_bytes(),
        Format::Junit => report::junit::render(report).into_bytes(),
        Format::Html => report::html::render(report).into_bytes(),
        Format::Gitlab => report::gitlab::render(report).into_bytes(),
        Format::Human => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
            };
            let mut buf = if color {
                Buffer::ansi()
            } else {
                Buffer::no_color()
            };
            report::human::render(report, width(args, to_terminal), &mut buf)
                .expect("writing to memory");
            buf.into_inner()
        }
    }
}

/// Columns the snippets may take: `--width`, else `COLUMNS` (what shells
/// set for programs that ask), else the terminal's, else a default.
fn width(args: &CheckArgs, to_terminal: bool) -> usize {
    args.width
        .or_else(|| {
            std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.trim().parse().ok())
                .filter(|&c: &usize| c > 0)
        })
        .or_else(|| {
            to_terminal
                .then(|| terminal_size::terminal_size_of(std::io::stdout()))
                .flatten()
                .map(|(w, _)| usize::from(w.0))
        })
        .unwrap_or(report::human::DEFAULT_WIDTH)
}

/// The level from which findings fail the run: `--fail-on`, else the
/// config's `fail-on`, else error.
fn fail_on(args: &CheckArgs, config: &Config) -> Severity {
    args.fail_on
        .map(Severity::from)
        .or(config.fail_on)
        .unwrap_or(Severity::Error)
}

fn exit_code(
    args: &CheckArgs,
    fail_on: Severity,
    errors: &[LoadError],
    diagnostics: &[Diagnostic],
) -> i32 {
    if !errors.is_empty() {
        EXIT_ERROR
    } else if args.write_baseline.is_some() {
        EXIT_CLEAN
    } else if diagnostics.iter().any(|d| d.severity >= fail_on) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// A bar on stderr when many files are checked at a terminal.
fn progress_bar(files: usize, quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || files < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} 个文件 {elapsed}")
    {
        bar.set_style(style);
    }
    Some(bar)
}
