//! `critique-lint check`: the default command, a short pipeline — settings,
//! inputs, check, baseline, render, write, exit code.

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
    let (diagnostics, baselined) =
        apply_baseline(outcome.diagnostics, &args, baseline, &inputs.sources)?;
    let rules = rule_infos(&inputs.engine, archive.is_some());
    let report = Report {
        sources: &inputs.sources,
        checked: inputs.checked,
        diagnostics: &diagnostics,
        errors: &errors,
        similarity: &outcome.similarity,
        copy_groups: &outcome.copy_groups,
        rules: &rules,
        baselined,
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
    Ok(exit_code(
        &args,
        &inputs.engine.config,
        &errors,
        &diagnostics,
    ))
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
    let engine = engine?;
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
    let bytes = render(report, args, to_terminal);
    match output {
        Some(path) => {
            std::fs::write(path, &bytes).map_err(|e| Failure::Output(path.display().to_string(), e))
        }
        None => match std::io::stdout().write_all(&bytes) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::Stdout(e)),
            _ => Ok(()),
        },
    }
}

fn render(report: &Report, args: &CheckArgs, to_terminal: bool) -> Vec<u8> {
    if args.statistics {
        return report::statistics(report).into_bytes();
    }
    match args.format {
        Format::Json => report::json::render(report).into_bytes(),
        Format::Sarif => report::sarif::render(report).into_bytes(),
        Format::Github => report::github::render(report).into_bytes(),
        Format::Junit => report::junit::render(report).into_bytes(),
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
            report::human::render(report, &mut buf).expect("writing to memory");
            buf.into_inner()
        }
    }
}

fn exit_code(
    args: &CheckArgs,
    config: &Config,
    errors: &[LoadError],
    diagnostics: &[Diagnostic],
) -> i32 {
    let fail_on = args
        .fail_on
        .map(Severity::from)
        .or(config.fail_on)
        .unwrap_or(Severity::Error);
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
