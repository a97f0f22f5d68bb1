//! Command-line interface: argument parsing and the subcommands.

mod archive;
mod check;
mod fix;
mod init;

use crate::archive::ArchiveError;
use crate::baseline::BaselineError;
use crate::config::{Config, ConfigError, RuleEntry, UnknownRule};
use crate::diagnostic::Severity;
use crate::engine::{self, Engine};
use crate::report::{self, outline::Parsed};
use crate::source::LoadError;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Exit codes.
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "critique-lint",
    version,
    about = "检查民主生活会、组织生活会对照检查材料中的常见问题",
    long_about = "检查民主生活会、组织生活会个人对照检查材料：缺少部分、编号错乱、模板占位符、提法错误、标点、模糊表述和套话。\n\n`critique-lint FILES` 等同于 `critique-lint check FILES`。",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    check: CheckArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// 检查报告文件（默认命令）
    Check(CheckArgs),
    /// 显示解析出的文档结构（部分、条目）
    Outline(OutlineArgs),
    /// 列出所有规则
    Rules(CommonArgs),
    /// 由报告文件生成词语权重表（IDF），写到标准输出；内置表由 corpus/ 生成
    BuildIdf {
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        common: CommonArgs,
    },
    /// 在当前目录生成带注释的 critique-lint.yaml
    Init,
    /// 档案库：保存往年材料，检查时比较（add、list、remove、stats）
    Archive(archive::ArchiveArgs),
    /// 显示一条规则的说明和示例，或列出一个规则组的规则
    Explain {
        /// 规则 id（如 numbering）或规则组（如 typography，即 rules/ 中的文件名）
        id: String,
        #[command(flatten)]
        common: CommonArgs,
    },
}

#[derive(Args, Debug, Default)]
struct CommonArgs {
    /// 配置文件（默认在当前目录及上级目录中查找 critique-lint.yaml）
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    /// 只运行这些规则（逗号分隔）
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    select: Vec<String>,
    /// 不运行这些规则（逗号分隔）
    #[arg(long, value_delimiter = ',', value_name = "ID,...")]
    ignore: Vec<String>,
    /// 并行线程数（1–256，默认为 CPU 核数）
    #[arg(short = 'j', long, value_name = "N", value_parser = threads)]
    threads: Option<usize>,
}

#[derive(Args, Debug, Default)]
struct CheckArgs {
    /// 报告文件或目录（目录中查找 .txt、.docx、.md 文件；.doc、.wps、.pdf 报告为无法读取并说明如何转换）；`-` 表示标准输入
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// 输出格式
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// 颜色
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// 达到此级别的问题使退出码为 1（默认 error）
    #[arg(long, value_enum, value_name = "LEVEL")]
    fail_on: Option<Level>,
    /// 参考范文（文件或目录，可重复）：与之相同的段落报告为 template-copy
    #[arg(long = "reference", value_name = "PATH")]
    references: Vec<PathBuf>,
    /// 两份材料相同内容的占比超过此值（0–1）时，其 shared-passage 报告为错误
    #[arg(long, value_name = "RATIO", value_parser = ratio)]
    max_shared: Option<f64>,
    /// 输出写入文件（默认或 `-` 为标准输出）
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// 只输出每条规则的问题数（按数量排序）
    #[arg(long)]
    statistics: bool,
    /// 只报告不在此基线文件中的问题
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// 把当前所有问题写入基线文件（之后用 --baseline 只看新问题），退出码为 0
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    /// 终端宽度（列数，汉字占两列）：问题所在的句子按此截取，使 ^ 对准文字；默认取环境变量 COLUMNS，再取终端宽度，都没有时为 100
    #[arg(long, value_name = "N", value_parser = width)]
    width: Option<usize>,
    /// 不显示进度条
    #[arg(short, long)]
    quiet: bool,
    /// 自动修复可安全修改的问题（半角标点、直引号和颠倒的引号、重复标点、多余的空格），按原编码和换行写回文件，再报告其余问题；.docx 不修改
    #[arg(long)]
    fix: bool,
    /// 只输出 --fix 会做的改动（统一 diff 格式，可用 `patch -p1` 应用），不写任何文件；有改动时退出码为 1
    #[arg(long, conflicts_with_all = ["write_baseline", "statistics"])]
    diff: bool,
    /// 与档案库中的往年材料比较（重复的问题和措施、照抄往年材料、缺少上年度整改情况）；不写 PATH 时用配置中的 archive 或 .critique-lint/archive.db
    #[arg(long, value_name = "PATH", num_args = 0..=1, default_missing_value = archive::CONFIGURED)]
    archive: Option<PathBuf>,
    /// 被检查材料的年度（与档案库比较时用；默认从标题或落款日期读出）
    #[arg(long, value_name = "YYYY", value_parser = year)]
    year: Option<i32>,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Args, Debug)]
struct OutlineArgs {
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = OutlineFormat::Tree)]
    format: OutlineFormat,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Format {
    #[default]
    Human,
    Json,
    Sarif,
    Github,
    Junit,
    // One self-contained page for organisers (`-o 报告.html`).
    Html,
    /// GitLab Code Quality 报告（JSON）
    Gitlab,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum OutlineFormat {
    Tree,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Color {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Level {
    Error,
    Warning,
    Info,
}

impl From<Level> for Severity {
    fn from(l: Level) -> Severity {
        match l {
            Level::Error => Severity::Error,
            Level::Warning => Severity::Warning,
            Level::Info => Severity::Info,
        }
    }
}

/// More threads than this help nothing and can exhaust the machine.
const MAX_THREADS: usize = 256;

/// A command-line number out of its range.
#[derive(Debug, thiserror::Error)]
enum BadNumber {
    #[error("须是 1 到 {MAX_THREADS} 之间的整数，而不是 `{0}`")]
    Threads(String),
    #[error("须是 0 到 1 之间的数（如 0.5），而不是 `{0}`")]
    Ratio(String),
    #[error("须是 1949 到 2200 之间的年份（如 2024），而不是 `{0}`")]
    Year(String),
    #[error("须是 {MIN_WIDTH} 到 {MAX_WIDTH} 之间的列数，而不是 `{0}`")]
    Width(String),
}

fn year(s: &str) -> Result<i32, BadNumber> {
    s.parse()
        .ok()
        .filter(|y| (1949..=2200).contains(y))
        .ok_or_else(|| BadNumber::Year(s.to_string()))
}

/// Terminal widths `--width` accepts.
const MIN_WIDTH: usize = 20;
const MAX_WIDTH: usize = 10_000;

fn width(s: &str) -> Result<usize, BadNumber> {
    s.parse()
        .ok()
        .filter(|n| (MIN_WIDTH..=MAX_WIDTH).contains(n))
        .ok_or_else(|| BadNumber::Width(s.to_string()))
}

fn threads(s: &str) -> Result<usize, BadNumber> {
    s.parse()
        .ok()
        .filter(|n| (1..=MAX_THREADS).contains(n))
        .ok_or_else(|| BadNumber::Threads(s.to_string()))
}

fn ratio(s: &str) -> Result<f64, BadNumber> {
    s.parse::<f64>()
        .ok()
        .filter(|r| (0.0..=1.0).contains(r))
        .ok_or_else(|| BadNumber::Ratio(s.to_string()))
}

/// Everything that ends a run with exit code 2: mapped to its message and
/// the exit code in one place, [`fail`].
#[derive(Debug, thiserror::Error)]
pub(crate) enum Failure {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    UnknownRule(#[from] UnknownRule),
    #[error(transparent)]
    Baseline(#[from] BaselineError),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error(transparent)]
    Archive(#[from] ArchiveError),
    #[error("{0}: 无法写入：{detail}", detail = crate::wording::io(.1))]
    Output(String, std::io::Error),
    #[error("无法写入标准输出：{}", crate::wording::io(.0))]
    Stdout(std::io::Error),
    #[error("无法设置线程数：{0}")]
    Threads(#[from] rayon::ThreadPoolBuildError),
    #[error("请指定要检查的文件或目录（`-` 表示标准输入），或运行 `critique-lint --help`")]
    NoPaths,
    #[error("未知的规则或规则组 `{0}`（`critique-lint rules` 列出所有规则）")]
    NoSuchRule(String),
    #[error("{0} 已存在，未覆盖")]
    Exists(String),
    #[error("{0}: 输出文件就是被检查的材料，不能覆盖它")]
    OutputIsInput(String),
    #[error("--fix 和 --diff 不能用于标准输入（`-`）：请检查文件")]
    FixStdin,
}

/// Parses the process arguments and runs; returns the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Outline(args)) => outline(args),
        Some(Command::Rules(common)) => list_rules(&common),
        Some(Command::Explain { id, common }) => explain(&id, &common),
        Some(Command::BuildIdf { paths, common }) => build_idf(&paths, &common),
        Some(Command::Init) => init::run(),
        Some(Command::Archive(args)) => archive::run(args),
        None => check::run(cli.check),
    };
    result.unwrap_or_else(|e| fail(&e))
}

/// The one place a failure becomes a message and exit code 2.
fn fail(e: &Failure) -> i32 {
    eprintln!(
        "critique-lint: error: {}",
        report::escape::safe(&e.to_string())
    );
    EXIT_ERROR
}

fn load_config(common: &CommonArgs) -> Result<Config, ConfigError> {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    Config::load(common.config.as_deref(), &cwd)
}

/// Builds the engine with the selected rules.
fn engine(common: &CommonArgs) -> Result<Engine, Failure> {
    let (config, select, ignore) = configure(common)?;
    Ok(Engine::new(config, &select, &ignore)?)
}

/// The engine with the problem–measure model, which `outline` shows.
fn engine_with_links(common: &CommonArgs) -> Result<Engine, Failure> {
    Ok(engine(common)?.with_links()?)
}

/// Loads the configuration, resolves --select/--ignore (rule ids or
/// groups; the command line's --select replaces the config's) and sets up
/// the thread pool.
fn configure(common: &CommonArgs) -> Result<(Config, Vec<String>, Vec<String>), Failure> {
    // First: loading the configuration already runs on the global pool.
    if let Some(n) = common.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global()?;
    }
    let config = load_config(common)?;
    let select = if common.select.is_empty() {
        &config.select
    } else {
        &common.select
    };
    let select = config.resolve(select)?;
    let ignore = config.resolve(&[config.ignore.clone(), common.ignore.clone()].concat())?;
    Ok((config, select, ignore))
}

fn outline(args: OutlineArgs) -> Result<i32, Failure> {
    let engine = engine_with_links(&args.common)?;
    let (sources, errors) = engine::load_paths(&args.paths, &engine.config.limits);
    let docs: Vec<Parsed> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let doc = engine.document(i, s);
            let links = engine.links(&doc);
            let identity = engine.identify(&doc);
            (doc, links, identity)
        })
        .collect();
    let text = match args.format {
        OutlineFormat::Json => report::outline::render_json(&docs),
        OutlineFormat::Tree => report::outline::render_tree(&docs),
    };
    emit(&text)?;
    for e in &errors {
        eprintln!(
            "critique-lint: error: {}",
            report::escape::safe(&e.to_string())
        );
    }
    Ok(if errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    })
}

fn build_idf(paths: &[PathBuf], common: &CommonArgs) -> Result<i32, Failure> {
    let engine = engine_with_links(common)?;
    let (sources, errors) = engine::load_paths(paths, &engine.config.limits);
    if let Some(e) = errors.into_iter().next() {
        return Err(e.into());
    }
    let docs: Vec<_> = sources
        .iter()
        .enumerate()
        .map(|(i, s)| engine.document(i, s))
        .collect();
    emit(&engine.idf_table(docs.iter()))?;
    Ok(EXIT_CLEAN)
}

/// Writes `text` to standard output at once. A reader that has gone (`| head`)
/// is no failure: the output was wanted only so far.
pub(crate) fn emit(text: &str) -> Result<(), Failure> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::Stdout(e)),
        _ => Ok(()),
    }
}

/// The rules as `rules` lists them: id, level, scope, summary.
fn rule_table<'a>(rules: impl Iterator<Item = &'a RuleEntry>) -> String {
    let mut out = format!(
        "{}{}{}说明\n",
        pad("规则", 22),
        pad("级别", 9),
        pad("范围", 20)
    );
    for r in rules {
        out.push_str(&format!(
            "{}{}{}{}\n",
            pad(&r.id, 22),
            pad(r.severity.name(), 9),
            pad(&scope_text(&r.scope), 20),
            r.summary
        ));
    }
    out
}

fn list_rules(common: &CommonArgs) -> Result<i32, Failure> {
    let config = load_config(common)?;
    emit(&rule_table(config.rules.iter()))?;
    Ok(EXIT_CLEAN)
}

/// Pads to `width` terminal columns (Chinese characters take two).
fn pad(s: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w).max(1)))
}

fn scope_text(scope: &[crate::outline::SectionKind]) -> String {
    if scope.is_empty() {
        "全文".to_string()
    } else {
        scope
            .iter()
            .map(|k| k.chinese())
            .collect::<Vec<_>>()
            .join("、")
    }
}

fn explain(id: &str, common: &CommonArgs) -> Result<i32, Failure> {
    let config = load_config(common)?;
    let Some(s) = config.rules.iter().find(|r| r.id == id) else {
        return explain_group(id, &config);
    };
    let scope = scope_text(&s.scope);
    emit(&format!(
        "{}：{}\n\n级别：{}（{}）  类型：{}  范围：{}\n\n{}\n\n反例：\n{}\n\n正例：\n{}\n",
        s.id,
        s.summary,
        s.severity.name(),
        s.severity.chinese(),
        s.kind,
        scope,
        s.explanation.trim_end(),
        indent(&s.bad),
        indent(&s.good)
    ))?;
    Ok(EXIT_CLEAN)
}

/// `explain GROUP`: the rules of a group (a rules file: typography,
/// wording… or an extend-rules file's name), as `rules` lists them.
fn explain_group(name: &str, config: &Config) -> Result<i32, Failure> {
    let rules: Vec<_> = config.rules.iter().filter(|r| r.group == name).collect();
    if rules.is_empty() {
        return Err(Failure::NoSuchRule(name.to_string()));
    }
    emit(&format!(
        "规则组 {name}：{} 条规则\n\n{}\n`critique-lint explain 规则` 显示一条规则的说明和示例；--select/--ignore 也接受规则组。\n",
        rules.len(),
        rule_table(rules.into_iter())
    ))?;
    Ok(EXIT_CLEAN)
}

fn indent(s: &str) -> String {
    s.trim_end()
        .lines()
        .map(|l| format!("    {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}
