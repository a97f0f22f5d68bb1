//! The archive file: an SQLite database (WAL, busy timeout, so several
//! processes may add at once) holding each report's metadata, its text,
//! its outline items and its fingerprints, indexed by hash.
//!
//! The file carries an application id (so another program's database is
//! refused, not overwritten) and a schema version (`user_version`): older
//! versions are migrated in order, newer ones refused.

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

/// `CLAR`: the `application_id` of a critique-lint archive.
const APPLICATION_ID: i32 = 0x434C_4152;

/// Each migration takes the schema from version i to i + 1.
const MIGRATIONS: &[&str] = &[
    // 1: reports, their items, fingerprints (hash, report, position) as a
    // clustered index on the hash, the hashes too common to keep, and the
    // fingerprint settings.
    "CREATE TABLE reports(
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        hash TEXT NOT NULL UNIQUE,
        path TEXT NOT NULL,
        author TEXT NOT NULL,
        role TEXT,
        year INTEGER,
        title TEXT,
        chars INTEGER NOT NULL,
        skip BLOB NOT NULL,
        text BLOB NOT NULL,
        added TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE INDEX reports_author ON reports(author, year);
    CREATE TABLE items(
        report INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        words TEXT NOT NULL,
        PRIMARY KEY(report, seq)
    ) WITHOUT ROWID;
    CREATE TABLE prints(
        hash INTEGER NOT NULL,
        report INTEGER NOT NULL,
        pos INTEGER NOT NULL,
        PRIMARY KEY(hash, report, pos)
    ) WITHOUT ROWID;
    CREATE TABLE common(hash INTEGER PRIMARY KEY);
    CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);",
];

/// The schema version this build writes.
pub(crate) const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// A hash stored for this many places is the archive's common wording: its
/// places are dropped and it goes to `common`, which lookups skip (bounds
/// both the file and the rows one lookup returns).
pub(crate) const COMMON_ROWS: usize = 64;

/// Places of one hash stored per report, at most.
const PLACES: usize = 4;

/// Up to this many values are bound in one statement.
pub(super) const BATCH: usize = 20_000;

#[derive(Debug, thiserror::Error)]
#[error("{path}: {problem}")]
pub(crate) struct ArchiveError {
    pub(crate) path: String,
    pub(crate) problem: ArchiveProblem,
}

#[derive(Debug, thiserror::Error)]
pub(crate) enum ArchiveProblem {
    #[error("档案库不存在（先用 `critique-lint archive add` 建立）")]
    Missing,
    #[error("不是 critique-lint 的档案库（可能是其他程序的数据库），未改动它")]
    Foreign,
    #[error("文件已损坏，或不是 SQLite 数据库：{0}")]
    Corrupt(String),
    #[error("档案库的格式版本为 {0}，本程序只支持到 {SCHEMA_VERSION}；请升级 critique-lint")]
    TooNew(i32),
    #[error("档案库建立时的指纹设置为 {stored}，当前配置为 {current}；设置不同无法比较（恢复 copying 的 noise、guarantee，或另建档案库）")]
    Settings { stored: String, current: String },
    #[error("无法建立目录：{}", crate::wording::io(.0))]
    Dir(std::io::Error),
    #[error("读写档案库失败：{0}")]
    Sqlite(String),
}

/// A report as it is stored.
pub(crate) struct Entry {
    pub(crate) hash: String,
    pub(crate) path: String,
    pub(crate) author: String,
    pub(crate) role: Option<String>,
    pub(crate) year: Option<i32>,
    pub(crate) title: Option<String>,
    pub(crate) chars: usize,
    pub(crate) skip: Vec<std::ops::Range<usize>>,
    /// The view text (all positions refer to it).
    pub(crate) text: String,
    pub(crate) items: Vec<StoredItem>,
    pub(crate) prints: Vec<(u32, u32)>,
}

#[derive(Debug, Clone)]
pub(crate) struct StoredItem {
    /// `problems`, `causes`, `measures`, `other`.
    pub(crate) kind: String,
    pub(crate) label: String,
    pub(crate) span: std::ops::Range<usize>,
    /// Content words, space-separated.
    pub(crate) words: String,
}

/// What `add` did with one report.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Added {
    New(i64),
    /// The same text is archived already, under this path.
    Known(String),
}

/// An archived report's metadata.
#[derive(Debug, Clone)]
pub(crate) struct Meta {
    pub(crate) id: i64,
    pub(crate) hash: String,
    pub(crate) path: String,
    pub(crate) author: String,
    pub(crate) role: Option<String>,
    pub(crate) year: Option<i32>,
    pub(crate) title: Option<String>,
    pub(crate) chars: usize,
    pub(crate) added: String,
}

/// A fingerprint found in the archive.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub(crate) hash: u32,
    pub(crate) report: i64,
    pub(crate) pos: u32,
}

/// An archived text and its ranges left out of comparison.
pub(crate) type StoredText = (String, Vec<std::ops::Range<usize>>);

/// What one lookup found: places (sorted by hash, report, position), the
/// metadata of their reports, and the hashes left out as common wording.
pub(crate) struct Lookup {
    pub(crate) found: Vec<Found>,
    pub(crate) metas: HashMap<i64, Meta>,
    pub(crate) common: std::collections::HashSet<u32>,
}

pub(crate) struct Archive {
    pub(super) conn: Connection,
    pub(super) name: String,
}

pub(super) fn sql(e: rusqlite::Error) -> ArchiveProblem {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) | Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            ArchiveProblem::Corrupt(e.to_string())
        }
        _ => ArchiveProblem::Sqlite(e.to_string()),
    }
}

impl Archive {
    /// Opens the archive at `path`; `create`: make it (and its folder)
    /// when missing. Checks that it is an archive, refuses a newer schema,
    /// migrates an older one.
    pub(crate) fn open(path: &Path, create: bool) -> Result<Archive, ArchiveError> {
        let name = path.display().to_string();
        let fail = |problem| ArchiveError {
            path: name.clone(),
            problem,
        };
        if !path.exists() {
            if !create {
                return Err(fail(ArchiveProblem::Missing));
            }
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| fail(ArchiveProblem::Dir(e)))?;
            }
        } else if path.is_dir() {
            return Err(fail(ArchiveProblem::Corrupt("这是一个目录".into())));
        }
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| fail(sql(e)))?;
        conn.busy_timeout(Duration::from_secs(120))
            .map_err(|e| fail(sql(e)))?;
        Archive::prepare(&mut conn).map_err(fail)?;
        // Lookups read pages all over the file: mapped, they cost no call.
        let _ = conn.pragma_update(None, "mmap_size", 1i64 << 30);
        Ok(Archive { conn, name })
    }

    /// Checks the header, then sets WAL and creates or migrates the schema
    /// under a write lock (another process may be doing the same).
    fn prepare(conn: &mut Connection) -> Result<(), ArchiveProblem> {
        let header = |conn: &Connection| -> Result<(i32, i32, i64), ArchiveProblem> {
            let app: i32 = conn
                .query_row("PRAGMA application_id", [], |r| r.get(0))
                .map_err(sql)?;
            let version: i32 = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .map_err(sql)?;
            let tables: i64 = conn
                .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
                .map_err(sql)?;
            Ok((app, version, tables))
        };
        let check = |(app, version, tables): (i32, i32, i64)| {
            if app != APPLICATION_ID && (app != 0 || tables > 0) {
                Err(ArchiveProblem::Foreign)
            } else if version > SCHEMA_VERSION {
                Err(ArchiveProblem::TooNew(version))
            } else {
                Ok(version)
            }
        };
        // The three reads in one snapshot: read one by one, they could see
        // another process's new archive half before and half after its
        // commit (tables, but no application id yet) and call it foreign.
        let first = {
            let tx = conn.transaction().map_err(sql)?;
            let h = header(&tx)?;
            tx.commit().map_err(sql)?;
            h
        };
        if check(first)? == SCHEMA_VERSION {
            return Ok(());
        }
        let _: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(sql)?;
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(sql)?;
        let version = check(header(&tx)?)?;
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version as usize) {
            tx.execute_batch(m).map_err(sql)?;
            tx.pragma_update(None, "user_version", i as i32 + 1)
                .map_err(sql)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(sql)?;
        tx.commit().map_err(sql)
    }

    pub(super) fn err(&self, e: rusqlite::Error) -> ArchiveError {
        ArchiveError {
            path: self.name.clone(),
            problem: sql(e),
        }
    }

    /// The fingerprint settings the archive was built with; set on the
    /// first add. `current` is `noise/guarantee`.
    pub(crate) fn check_settings(&self, current: &str, set: bool) -> Result<(), ArchiveError> {
        let stored: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = 'fingerprints'",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        match stored {
            Some(s) if s != current => Err(ArchiveError {
                path: self.name.clone(),
                problem: ArchiveProblem::Settings {
                    stored: show_settings(&s),
                    current: show_settings(current),
                },
            }),
            None if set => self
                .conn
                .execute(
                    "INSERT OR IGNORE INTO settings VALUES('fingerprints', ?1)",
                    [current],
                )
                .map(|_| ())
                .map_err(|e| self.err(e)),
            _ => Ok(()),
        }
    }

    /// Adds reports in one transaction; a report whose text is archived
    /// already is left as it is.
    pub(crate) fn add(&mut self, entries: &[Entry]) -> Result<Vec<Added>, ArchiveError> {
        let name = self.name.clone();
        let fail = |e| ArchiveError {
            path: name.clone(),
            problem: sql(e),
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(fail)?;
        let mut out = Vec::with_capacity(entries.len());
        {
            let mut report = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO reports(hash, path, author, role, year, title, chars, skip, text)
                     VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(fail)?;
            let mut known = tx
                .prepare_cached("SELECT path FROM reports WHERE hash = ?1")
                .map_err(fail)?;
            let mut item = tx
                .prepare_cached("INSERT INTO items VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .map_err(fail)?;
            let mut count = tx
                .prepare_cached(
                    "SELECT count(*) FROM (SELECT 1 FROM prints WHERE hash = ?1 LIMIT ?2)",
                )
                .map_err(fail)?;
            let mut is_common = tx
                .prepare_cached("SELECT count(*) FROM common WHERE hash = ?1")
                .map_err(fail)?;
            let mut make_common = tx
                .prepare_cached("INSERT OR IGNORE INTO common VALUES(?1)")
                .map_err(fail)?;
            let mut drop_places = tx
                .prepare_cached("DELETE FROM prints WHERE hash = ?1")
                .map_err(fail)?;
            let mut print = tx
                .prepare_cached("INSERT OR IGNORE INTO prints VALUES(?1, ?2, ?3)")
                .map_err(fail)?;
            for e in entries {
                let inserted = report
                    .execute(params![
                        e.hash,
                        e.path,
                        e.author,
                        e.role,
                        e.year,
                        e.title,
                        e.chars as i64,
                        encode_ranges(&e.skip),
                        deflate(&e.text),
                    ])
                    .map_err(fail)?;
                if inserted == 0 {
                    let path: String = known.query_row([&e.hash], |r| r.get(0)).map_err(fail)?;
                    out.push(Added::Known(path));
                    continue;
                }
                let id = tx.last_insert_rowid();
                for (seq, i) in e.items.iter().enumerate() {
                    item.execute(params![
                        id,
                        seq as i64,
                        i.kind,
                        i.label,
                        i.span.start as i64,
                        i.span.end as i64,
                        i.words
                    ])
                    .map_err(fail)?;
                }
                let mut places: HashMap<u32, usize> = HashMap::new();
                for &(hash, pos) in &e.prints {
                    let n = places.entry(hash).or_default();
                    *n += 1;
                    if *n > PLACES {
                        continue;
                    }
                    let common: i64 = is_common.query_row([hash], |r| r.get(0)).map_err(fail)?;
                    if common > 0 {
                        continue;
                    }
                    let stored: i64 = count
                        .query_row(params![hash, COMMON_ROWS as i64], |r| r.get(0))
                        .map_err(fail)?;
                    if stored as usize + 1 < COMMON_ROWS {
                        print.execute(params![hash, id, pos]).map_err(fail)?;
                    } else {
                        make_common.execute([hash]).map_err(fail)?;
                        drop_places.execute([hash]).map_err(fail)?;
                    }
                }
                out.push(Added::New(id));
            }
        }
        tx.commit().map_err(fail)?;
        Ok(out)
    }

    /// Removes report `id`: its row, items and the fingerprints `prints`
    /// (recomputed from its text by the caller). Fingerprints left behind
    /// (when the settings changed since) point at an id never reused, and
    /// lookups ignore them.
    pub(crate) fn remove(&mut self, id: i64, prints: &[(u32, u32)]) -> Result<(), ArchiveError> {
        let name = self.name.clone();
        let fail = |e| ArchiveError {
            path: name.clone(),
            problem: sql(e),
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(fail)?;
        {
            let mut del = tx
                .prepare_cached("DELETE FROM prints WHERE hash = ?1 AND report = ?2")
                .map_err(fail)?;
            for &(hash, _) in prints {
                del.execute(params![hash, id]).map_err(fail)?;
            }
        }
        tx.execute("DELETE FROM items WHERE report = ?1", [id])
            .map_err(fail)?;
        tx.execute("DELETE FROM reports WHERE id = ?1", [id])
            .map_err(fail)?;
        tx.commit().map_err(fail)
    }
}

pub(crate) struct Stats {
    pub(crate) reports: usize,
    pub(crate) authors: usize,
    pub(crate) items: usize,
    pub(crate) fingerprints: usize,
    pub(crate) version: i32,
    pub(crate) years: Vec<(Option<i32>, usize)>,
}

pub(super) fn placeholders(n: usize) -> String {
    let mut s = "?,".repeat(n);
    s.pop();
    s
}

fn show_settings(s: &str) -> String {
    match s.split_once('/') {
        Some((k, t)) => format!("noise {k}、guarantee {t}"),
        None => s.to_string(),
    }
}

fn encode_ranges(ranges: &[std::ops::Range<usize>]) -> Vec<u8> {
    ranges
        .iter()
        .flat_map(|r| [r.start as u32, r.end as u32])
        .flat_map(u32::to_le_bytes)
        .collect()
}

pub(super) fn decode_ranges(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let n: Vec<usize> = bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]) as usize)
        .collect();
    n.chunks_exact(2).map(|p| p[0]..p[1]).collect()
}

/// Texts are stored deflated: Chinese prose takes about half the space.
fn deflate(text: &str) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(text.as_bytes()).expect("writing to memory");
    e.finish().expect("writing to memory")
}

pub(super) fn inflate(bytes: &[u8]) -> Option<String> {
    let mut out = String::new();
    flate2::read::DeflateDecoder::new(bytes)
        .read_to_string(&mut out)
        .ok()?;
    Some(out)
}

/// A stable hash of a report's text (FNV-1a, 128 bits as two lanes), so
/// the same text is recognised in any later run.
pub(crate) fn content_hash(text: &str) -> String {
    let mut a: u64 = 0xcbf2_9ce4_8422_2325;
    let mut b: u64 = 0x6c62_272e_07bb_0142;
    for &byte in text.as_bytes() {
        a = (a ^ byte as u64).wrapping_mul(0x0000_0100_0000_01b3);
        b = (b ^ byte as u64)
            .wrapping_mul(0x0000_0100_0000_01b3)
            .rotate_left(5);
    }
    format!("{a:016x}{b:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_and_text_round_trip() {
        let r = vec![0..5, 9..120];
        assert_eq!(decode_ranges(&encode_ranges(&r)), r);
        let t = "一、存在的问题\n学习不够深入。";
        assert_eq!(inflate(&deflate(t)).as_deref(), Some(t));
        assert_ne!(content_hash("甲"), content_hash("乙"));
    }
}
