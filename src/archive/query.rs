//! The archive's read queries: listing, texts, fingerprint lookups, the
//! authors' earlier reports, counts.

use super::store::{
    decode_ranges, inflate, placeholders, Archive, ArchiveError, ArchiveProblem, Found, Lookup,
    Meta, Stats, StoredItem, StoredText, BATCH,
};
use rusqlite::params_from_iter;
use std::collections::HashMap;

impl Archive {
    /// Every archived report, by year, author and path.
    pub(crate) fn list(&self) -> Result<Vec<Meta>, ArchiveError> {
        self.metas("1 = 1 ORDER BY year IS NULL, year, author, path", &[])
    }

    fn metas(
        &self,
        condition: &str,
        values: &[rusqlite::types::Value],
    ) -> Result<Vec<Meta>, ArchiveError> {
        let query = format!(
            "SELECT id, hash, path, author, role, year, title, chars, added FROM reports WHERE {condition}"
        );
        let mut stmt = self.conn.prepare(&query).map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params_from_iter(values), |r| meta_at(r, 0))
            .map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// Reports whose id, path or text hash is `key`.
    pub(crate) fn find(&self, key: &str) -> Result<Vec<Meta>, ArchiveError> {
        use rusqlite::types::Value;
        let id = key.trim_start_matches('#').parse::<i64>().unwrap_or(-1);
        self.metas(
            "id = ?1 OR path = ?2 OR hash = ?2 ORDER BY id",
            &[Value::Integer(id), Value::Text(key.to_string())],
        )
    }

    /// The text and compared ranges of report `id`.
    pub(crate) fn text(&self, id: i64) -> Result<Option<StoredText>, ArchiveError> {
        Ok(self.texts(&[id])?.remove(&id))
    }

    /// Texts and compared ranges of reports `ids`, one query.
    pub(crate) fn texts(&self, ids: &[i64]) -> Result<HashMap<i64, StoredText>, ArchiveError> {
        let mut out = HashMap::new();
        for chunk in ids.chunks(BATCH) {
            let query = format!(
                "SELECT id, text, skip FROM reports WHERE id IN ({})",
                placeholders(chunk.len())
            );
            let mut stmt = self.conn.prepare(&query).map_err(|e| self.err(e))?;
            let rows = stmt
                .query_map(params_from_iter(chunk), |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, Vec<u8>>(1)?,
                        r.get::<_, Vec<u8>>(2)?,
                    ))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (id, text, skip) = row.map_err(|e| self.err(e))?;
                let text = inflate(&text).ok_or_else(|| ArchiveError {
                    path: self.name.clone(),
                    problem: ArchiveProblem::Corrupt(format!("第 {id} 份材料的正文无法解压")),
                })?;
                out.insert(id, (text, decode_ranges(&skip)));
            }
        }
        Ok(out)
    }

    /// The archived places of `hashes` (one query: the hashes go in as one
    /// JSON array), with the metadata of the reports they are in. Common
    /// hashes (see [`COMMON_ROWS`]) are left out.
    pub(crate) fn lookup(&self, hashes: &[u32]) -> Result<Lookup, ArchiveError> {
        let mut found = Vec::new();
        let mut metas = HashMap::new();
        // The hashes as one JSON array, for both queries.
        let wanted = format!(
            "[{}]",
            hashes
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(",")
        );
        // CROSS JOIN keeps the order: each wanted hash, then its places.
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT p.hash, p.pos, p.report, r.hash, r.path, r.author, r.role, r.year, r.title, r.chars, r.added
                 FROM json_each(?1) w CROSS JOIN prints p ON p.hash = w.value
                 JOIN reports r ON r.id = p.report",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([&wanted]).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let report: i64 = r.get(2).map_err(|e| self.err(e))?;
            found.push(Found {
                hash: r.get(0).map_err(|e| self.err(e))?,
                report,
                pos: r.get(1).map_err(|e| self.err(e))?,
            });
            if let std::collections::hash_map::Entry::Vacant(slot) = metas.entry(report) {
                let meta = meta_at(r, 2).map_err(|e| self.err(e))?;
                slot.insert(meta);
            }
        }
        drop(rows);
        let mut common = std::collections::HashSet::new();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT c.hash FROM json_each(?1) w CROSS JOIN common c ON c.hash = w.value",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([&wanted]).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            common.insert(r.get::<_, u32>(0).map_err(|e| self.err(e))?);
        }
        found.sort_unstable_by_key(|f| (f.hash, f.report, f.pos));
        Ok(Lookup {
            found,
            metas,
            common,
        })
    }

    /// The reports of `authors` and their items (one query).
    pub(crate) fn by_authors(
        &self,
        authors: &[&str],
    ) -> Result<Vec<(Meta, Vec<StoredItem>)>, ArchiveError> {
        let mut out: Vec<(Meta, Vec<StoredItem>)> = Vec::new();
        for chunk in authors.chunks(BATCH) {
            let query = format!(
                "SELECT r.id, r.hash, r.path, r.author, r.role, r.year, r.title, r.chars, r.added,
                        i.kind, i.label, i.start, i.end, i.words
                 FROM reports r LEFT JOIN items i ON i.report = r.id
                 WHERE r.author IN ({}) ORDER BY r.id, i.seq",
                placeholders(chunk.len())
            );
            let mut stmt = self.conn.prepare(&query).map_err(|e| self.err(e))?;
            let mut rows = stmt
                .query(params_from_iter(chunk))
                .map_err(|e| self.err(e))?;
            while let Some(r) = rows.next().map_err(|e| self.err(e))? {
                let row = (|| -> rusqlite::Result<(Meta, Option<StoredItem>)> {
                    let meta = meta_at(r, 0)?;
                    let kind: Option<String> = r.get(9)?;
                    let item = match kind {
                        Some(kind) => Some(StoredItem {
                            kind,
                            label: r.get(10)?,
                            span: r.get::<_, i64>(11)? as usize..r.get::<_, i64>(12)? as usize,
                            words: r.get(13)?,
                        }),
                        None => None,
                    };
                    Ok((meta, item))
                })()
                .map_err(|e| self.err(e))?;
                match out.last_mut() {
                    Some(last) if last.0.id == row.0.id => last.1.extend(row.1),
                    _ => out.push((row.0, row.1.into_iter().collect())),
                }
            }
        }
        Ok(out)
    }

    /// Counts for `archive stats`: reports, authors, fingerprints, and
    /// reports per year (None: year unknown).
    pub(crate) fn stats(&self) -> Result<Stats, ArchiveError> {
        let one = |q: &str| -> Result<i64, ArchiveError> {
            self.conn
                .query_row(q, [], |r| r.get(0))
                .map_err(|e| self.err(e))
        };
        let mut stmt = self
            .conn
            .prepare("SELECT year, count(*) FROM reports GROUP BY year ORDER BY year IS NULL, year")
            .map_err(|e| self.err(e))?;
        let years = stmt
            .query_map([], |r| {
                Ok((r.get::<_, Option<i32>>(0)?, r.get::<_, i64>(1)? as usize))
            })
            .map_err(|e| self.err(e))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        Ok(Stats {
            reports: one("SELECT count(*) FROM reports")? as usize,
            authors: one("SELECT count(DISTINCT author) FROM reports")? as usize,
            items: one("SELECT count(*) FROM items")? as usize,
            fingerprints: one("SELECT count(*) FROM prints")? as usize,
            version: one("PRAGMA user_version")? as i32,
            years,
        })
    }
}

/// A report's row read from column `first` on: id, hash, path, author,
/// role, year, title, chars, added (the order every query selects them in).
fn meta_at(r: &rusqlite::Row, first: usize) -> rusqlite::Result<Meta> {
    Ok(Meta {
        id: r.get(first)?,
        hash: r.get(first + 1)?,
        path: r.get(first + 2)?,
        author: r.get(first + 3)?,
        role: r.get(first + 4)?,
        year: r.get(first + 5)?,
        title: r.get(first + 6)?,
        chars: r.get::<_, i64>(first + 7)? as usize,
        added: r.get(first + 8)?,
    })
}
