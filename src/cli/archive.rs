//! `critique-lint archive`: keep this year's reports after the meeting
//! (`add`), see (`list`, `stats`) and correct (`remove`) what is kept;
//! `check --archive` compares next year's reports with them.

use super::{emit, load_config, year, CommonArgs, Failure, EXIT_CLEAN, EXIT_ERROR};
use crate::archive::{year_note, Added, Archive};
use crate::config::Config;
use crate::engine::{self, Engine};
use crate::report::escape::safe;
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

/// Where the archive is when neither `--archive PATH` nor the config says.
pub(crate) const DEFAULT_PATH: &str = ".critique-lint/archive.db";

/// What a bare `--archive` stands for: the configured archive, or the default.
pub(crate) const CONFIGURED: &str = ":configured:";

/// Reports read and stored per transaction: memory stays bounded, and
/// another process adding at the same time waits for one batch at most.
const BATCH: usize = 1000;

#[derive(Args, Debug)]
pub(crate) struct ArchiveArgs {
    #[command(subcommand)]
    command: ArchiveCommand,
    /// 档案库文件（默认为配置中的 archive，或 .critique-lint/archive.db）
    #[arg(long, global = true, value_name = "PATH")]
    archive: Option<PathBuf>,
    #[command(flatten)]
    common: CommonArgs,
}

#[derive(Subcommand, Debug)]
enum ArchiveCommand {
    /// 把材料存入档案库（同一份材料再次存入不会重复）
    Add {
        /// 材料的年度（默认从标题或落款日期读出）
        #[arg(long, value_name = "YYYY", value_parser = year)]
        year: Option<i32>,
        /// 材料文件或目录
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// 不逐份列出
        #[arg(short, long)]
        quiet: bool,
    },
    /// 列出档案库中的材料
    List {
        /// 只列这一年度的
        #[arg(long, value_name = "YYYY", value_parser = year)]
        year: Option<i32>,
        /// 只列这位作者的
        #[arg(long, value_name = "NAME")]
        author: Option<String>,
    },
    /// 从档案库删除材料（按编号、存入时的路径或内容哈希）
    Remove {
        #[arg(value_name = "ID|PATH", required = true)]
        keys: Vec<String>,
    },
    /// 档案库概况：材料、作者、各年度份数、文件大小
    Stats,
}

/// The archive a command uses: `--archive PATH`; a bare `--archive`
/// ([`CONFIGURED`]) means the configured one or the default; none given
/// means the configured one, if any, for `check`.
pub(crate) fn path(flag: Option<&Path>, config: &Config) -> Option<PathBuf> {
    let configured = || {
        config
            .archive
            .clone()
            .unwrap_or_else(|| DEFAULT_PATH.into())
    };
    match flag {
        Some(p) if p.as_os_str() != CONFIGURED => Some(p.to_path_buf()),
        Some(_) => Some(configured()),
        None => config.archive.clone(),
    }
}

pub(crate) fn run(args: ArchiveArgs) -> Result<i32, Failure> {
    let config = load_config(&args.common)?;
    let path = path(
        Some(args.archive.as_deref().unwrap_or(Path::new(CONFIGURED))),
        &config,
    )
    .expect("a bare flag names one");
    match args.command {
        ArchiveCommand::Add { year, paths, quiet } => add(config, &path, &paths, year, quiet),
        ArchiveCommand::List { year, author } => list(&path, year, author.as_deref()),
        ArchiveCommand::Remove { keys } => remove(config, &path, &keys),
        ArchiveCommand::Stats => stats(&path),
    }
}

fn add(
    config: Config,
    path: &Path,
    paths: &[PathBuf],
    year: Option<i32>,
    quiet: bool,
) -> Result<i32, Failure> {
    let limits = config.limits;
    let engine = Engine::new(config, &[], &[])?;
    let mut archive = Archive::open(path, true)?;
    archive.check_settings(&engine.archive_settings(), true)?;
    let (origins, mut errors) = crate::source::expand(paths);
    let (mut added, mut known) = (0, 0);
    for chunk in origins.chunks(BATCH) {
        let (sources, load_errors) = engine::load_all(chunk, &limits);
        errors.extend(load_errors);
        let mut entries = Vec::with_capacity(sources.len());
        for r in engine.archive_entries(&sources, year) {
            match r {
                Ok(e) => entries.push(e),
                Err(e) => errors.push(e),
            }
        }
        let results = archive.add(&entries)?;
        for (e, r) in entries.iter().zip(results) {
            match r {
                Added::New(id) => {
                    added += 1;
                    if !quiet {
                        emit(&format!(
                            "#{id} {}：{}，{}\n",
                            safe(&e.path),
                            safe(&e.author),
                            year_note(e.year)
                        ))?;
                    }
                }
                Added::Known(first) => {
                    known += 1;
                    if !quiet {
                        emit(&format!(
                            "{}：已在档案库中（{}），未重复存入\n",
                            safe(&e.path),
                            safe(&first)
                        ))?;
                    }
                }
            }
        }
    }
    emit(&format!(
        "已存入 {added} 份材料{}：{}\n",
        if known > 0 {
            format!("，{known} 份已在档案库中")
        } else {
            String::new()
        },
        path.display()
    ))?;
    for e in &errors {
        eprintln!("critique-lint: error: {}", safe(&e.to_string()));
    }
    Ok(if errors.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    })
}

fn list(path: &Path, year: Option<i32>, author: Option<&str>) -> Result<i32, Failure> {
    let archive = Archive::open(path, false)?;
    let rows = archive.list()?;
    let shown: Vec<_> = rows
        .iter()
        .filter(|m| year.is_none_or(|y| m.year == Some(y)))
        .filter(|m| author.is_none_or(|a| m.author == a))
        .collect();
    let mut out = String::new();
    for m in &shown {
        let role = m
            .role
            .as_deref()
            .map(|r| format!("（{r}）"))
            .unwrap_or_default();
        out.push_str(&format!(
            "#{:<5} {:<8} {}{role}  {}  {} 字  {}  存入于 {}\n",
            m.id,
            m.year.map_or("年度不详".to_string(), |y| y.to_string()),
            m.author,
            m.path,
            m.chars,
            m.title.as_deref().unwrap_or(""),
            m.added
        ));
    }
    out.push_str(&format!("共 {} 份材料\n", shown.len()));
    emit(&safe(&out))?;
    Ok(EXIT_CLEAN)
}

fn remove(config: Config, path: &Path, keys: &[String]) -> Result<i32, Failure> {
    let mut archive = Archive::open(path, false)?;
    let engine = Engine::new(config, &[], &[])?;
    let mut missing = false;
    for key in keys {
        let found = archive.find(key)?;
        if found.is_empty() {
            eprintln!("critique-lint: error: 档案库中没有 {}", safe(key));
            missing = true;
        }
        for m in found {
            let prints = archive
                .text(m.id)?
                .map(|(text, skip)| engine.archived_prints(&text, skip))
                .unwrap_or_default();
            archive.remove(m.id, &prints)?;
            emit(&format!(
                "已删除 #{} {}（{}，{}）\n",
                m.id,
                safe(&m.path),
                safe(&m.author),
                year_note(m.year)
            ))?;
        }
    }
    Ok(if missing { EXIT_ERROR } else { EXIT_CLEAN })
}

fn stats(path: &Path) -> Result<i32, Failure> {
    let archive = Archive::open(path, false)?;
    let s = archive.stats()?;
    let bytes: u64 = ["", "-wal", "-shm"]
        .iter()
        .filter_map(|x| {
            let mut p = path.as_os_str().to_owned();
            p.push(x);
            std::fs::metadata(PathBuf::from(p)).ok()
        })
        .map(|m| m.len())
        .sum();
    emit(&format!(
        "档案库：{}（格式版本 {}）\n",
        path.display(),
        s.version
    ))?;
    emit(&format!("材料：{} 份，作者 {} 人\n", s.reports, s.authors))?;
    let years: Vec<String> = s
        .years
        .iter()
        .map(|(y, n)| {
            format!(
                "{} {n} 份",
                y.map_or("年度不详".to_string(), |y| format!("{y} 年"))
            )
        })
        .collect();
    if !years.is_empty() {
        emit(&format!("年度：{}\n", years.join("，")))?;
    }
    emit(&format!("条目：{}，指纹：{}\n", s.items, s.fingerprints))?;
    emit(&format!("文件大小：{:.1} MB\n", bytes as f64 / 1_048_576.0))?;
    Ok(EXIT_CLEAN)
}
