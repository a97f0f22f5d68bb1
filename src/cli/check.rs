//! `critique-lint check`: the default command.

use super::{configure, fail, CheckArgs, Color, Format, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::baseline::{self, Baseline};
use crate::config::{Config, Severity};
use crate::diagnostic::Diagnostic;
use crate::report::{self, Report, RuleInfo};
use crate::run::{self, Engine};
use crate::source::Source;
use codespan_reporting::term::termcolor::Buffer;
use std::io::{IsTerminal, Write};

/// Files checked before a progress bar is worth showing.
const PROGRESS_FROM: usize = 50;

pub fn run(args: CheckArgs) -> i32 {
    if args.paths.is_empty() {
        return fail("请指定要检查的文件或目录（`-` 表示标准输入），或运行 `critique-lint --help`");
    }
    let (config, select, ignore) = match configure(&args.common) {
        Ok(c) => c,
        Err(m) => return fail(m),
    };
    let baseline = match args.baseline.as_deref().map(Baseline::load).transpose() {
        Ok(b) => b,
        Err(m) => return fail(m),
    };
    let per_file = match per_file_ignores(&config) {
        Ok(p) => p,
        Err(m) => return fail(m),
    };
    // Read the reports and references while the dictionary loads.
    let (references, reference_errors) = run::load_references(&config, &args.references);
    let (engine, (mut sources, mut errors)) = rayon::join(
        || Engine::new(config, &select, &ignore),
        || run::load_paths(&args.paths),
    );
    let engine = match engine {
        Ok(e) => e,
        Err(e) => return fail(e),
    };
    errors.extend(reference_errors);
    let checked = sources.len();
    sources.extend(references);

    let progress = progress_bar(checked, args.quiet);
    let tick = || {
        if let Some(p) = &progress {
            p.inc(1);
        }
    };
    let outcome = engine.check(&sources, checked, args.max_shared, &tick);
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    errors.extend(outcome.errors);
    let mut diagnostics = outcome.diagnostics;
    diagnostics.retain(|d| {
        !per_file
            .iter()
            .any(|(glob, ids)| ids.iter().any(|i| *i == *d.rule) && matches(glob, &sources[d.file]))
    });
    if let Some(path) = &args.write_baseline {
        if let Err(m) = baseline::write(path, &diagnostics, &sources) {
            return fail(m);
        }
        eprintln!(
            "已将 {} 个问题写入基线 {}",
            diagnostics.len(),
            path.display()
        );
    }
    let baselined = baseline.map_or(0, |b| b.filter(&mut diagnostics, &sources));

    let rules: Vec<RuleInfo> = engine
        .config
        .rules
        .iter()
        .filter(|r| engine.rules.iter().any(|e| *e.meta().id == r.spec.id))
        .map(|r| RuleInfo::from_spec(&r.spec))
        .collect();
    let report = Report {
        sources: &sources,
        checked,
        diagnostics: &diagnostics,
        errors: &errors,
        similarity: &outcome.similarity,
        rules: &rules,
        baselined,
    };
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let bytes = render(&report, &args, to_terminal);
    let written = match &args.output {
        Some(path) => {
            std::fs::write(path, &bytes).map_err(|e| format!("{}: 无法写入：{e}", path.display()))
        }
        None => std::io::stdout()
            .write_all(&bytes)
            .or_else(|e| {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    Ok(())
                } else {
                    Err(e)
                }
            })
            .map_err(|e| e.to_string()),
    };
    if let Err(m) = written {
        return fail(m);
    }
    // The human format lists unreadable files itself; the others on stderr.
    if args.format != Format::Human || args.statistics || args.output.is_some() {
        for e in &errors {
            eprintln!("critique-lint: error: {e}");
        }
    }
    exit_code(&args, &engine.config, &errors, &diagnostics)
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
    errors: &[crate::source::LoadError],
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

/// The config's per-file-ignores as (glob, rule ids).
fn per_file_ignores(config: &Config) -> Result<Vec<(globset::GlobMatcher, Vec<String>)>, String> {
    config
        .per_file_ignores
        .iter()
        .map(|(glob, names)| {
            let g =
                globset::Glob::new(glob).map_err(|e| format!("per-file-ignores: `{glob}`：{e}"))?;
            Ok((g.compile_matcher(), config.resolve(names)?))
        })
        .collect()
}

/// A glob matches the path as given or its file name.
fn matches(glob: &globset::GlobMatcher, source: &Source) -> bool {
    let path = std::path::Path::new(&source.name);
    glob.is_match(path) || path.file_name().is_some_and(|n| glob.is_match(n))
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
