//! The data the page reads, built from [`Report`] alone. Positions are
//! UTF-16 code units (what JavaScript strings count), not bytes. Rows are
//! short arrays rather than objects: a run of a thousand reports carries
//! tens of thousands of findings, and the page must still open quickly.

use super::super::Report;
use crate::diagnostic::Severity;
use crate::engine::Structure;
use serde::Serialize;
use std::collections::HashMap;
use std::ops::Range;

/// Rules whose findings the overview counts as unanswered items.
const UNADDRESSED: &[&str] = &["unaddressed-problem", "unaddressed-cause"];
/// Rules whose findings the overview counts as vague items.
const VAGUE: &[&str] = &["vague-problem", "vague-measure"];

#[derive(Serialize)]
pub(super) struct Data<'a> {
    pub(super) version: u32,
    /// `error`, `warning` or `info`: the level that sends a report back.
    pub(super) fail_on: &'static str,
    pub(super) rules: Vec<RuleJson<'a>>,
    pub(super) reports: Vec<ReportJson<'a>>,
    /// Reference texts some report shares a passage with.
    pub(super) refs: Vec<RefJson<'a>>,
    /// `[a, b, shared characters, share of a, share of b]`.
    pub(super) sim: Vec<(usize, usize, usize, f64, f64)>,
    /// `[largest share, members]`.
    pub(super) groups: Vec<(f64, Vec<usize>)>,
    /// `[a, b, start in a, end in a, start in b, end in b, template]`:
    /// `b` indexes `refs` when `template`, else `reports`.
    pub(super) passages: Vec<(usize, usize, usize, usize, usize, usize, bool)>,
    /// Files that could not be read: `[path, message]`.
    pub(super) errors: Vec<(&'a str, String)>,
    pub(super) baselined: usize,
}

#[derive(Serialize)]
pub(super) struct RuleJson<'a> {
    pub(super) id: &'a str,
    pub(super) summary: &'a str,
    pub(super) explanation: &'a str,
    pub(super) bad: &'a str,
    pub(super) good: &'a str,
}

#[derive(Serialize)]
pub(super) struct ReportJson<'a> {
    pub(super) name: &'a str,
    pub(super) title: Option<&'a str>,
    pub(super) author: Option<&'a str>,
    pub(super) chars: usize,
    /// 2 需退回修改, 1 建议修改, 0 通过.
    pub(super) verdict: u8,
    /// `[errors, warnings, infos, unaddressed, vague]`.
    pub(super) counts: [usize; 5],
    /// The largest share of this report another report has (0–1).
    pub(super) share: f64,
    /// Index of its copy group, if any.
    pub(super) group: Option<usize>,
    pub(super) text: &'a str,
    /// `[start, end, rule, severity (0–2), line, message, notes, labels]`.
    pub(super) diags: Vec<DiagJson<'a>>,
    pub(super) outline: Option<Vec<SectionJson>>,
}

/// One finding: `[start, end, rule index, severity, line, message, notes,
/// labels]`, labels `[path, message, text, report index or -1]`.
pub(super) type DiagJson<'a> = (
    usize,
    usize,
    usize,
    u8,
    usize,
    &'a str,
    &'a [String],
    Vec<(&'a str, &'a str, String, i64)>,
);

#[derive(Serialize)]
pub(super) struct SectionJson {
    /// problems, causes, measures, other.
    pub(super) kind: &'static str,
    /// Empty when the part has no heading.
    pub(super) heading: String,
    pub(super) topic: bool,
    pub(super) items: Vec<ItemJson>,
}

/// `[id, depth, label start, label end, answers]`: `answers` the measures
/// answering a problem or cause (null for other items).
pub(super) type ItemJson = (String, usize, usize, usize, Option<Vec<String>>);

#[derive(Serialize)]
pub(super) struct RefJson<'a> {
    pub(super) name: &'a str,
    pub(super) text: &'a str,
}

/// Byte offsets of one text to UTF-16 offsets.
struct Utf16 {
    at: Vec<u32>,
}

impl Utf16 {
    fn new(text: &str) -> Utf16 {
        let mut at = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        for (i, c) in text.char_indices() {
            for slot in &mut at[i..i + c.len_utf8()] {
                *slot = n;
            }
            n += c.len_utf16() as u32;
        }
        at[text.len()] = n;
        Utf16 { at }
    }

    fn of(&self, byte: usize) -> usize {
        self.at[byte.min(self.at.len() - 1)] as usize
    }

    fn range(&self, r: &Range<usize>) -> (usize, usize) {
        (self.of(r.start), self.of(r.end))
    }
}

/// The verdict for a report with these finding counts.
pub(super) fn verdict(fail_on: Severity, counts: [usize; 3]) -> u8 {
    let at_least = |s: Severity| match s {
        Severity::Error => counts[0],
        Severity::Warning => counts[0] + counts[1],
        Severity::Info => counts[0] + counts[1] + counts[2],
    };
    // One level below the failing one is worth a revision, not a return.
    let below = match fail_on {
        Severity::Error => Some(Severity::Warning),
        Severity::Warning => Some(Severity::Info),
        Severity::Info => None,
    };
    if at_least(fail_on) > 0 {
        2
    } else if below.is_some_and(|b| at_least(b) > 0) {
        1
    } else {
        0
    }
}

/// At most this many characters of another text quoted in a label.
const QUOTE: usize = 60;

fn quote(text: &str) -> String {
    if text.chars().count() <= QUOTE {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(QUOTE).collect::<String>())
    }
}

pub(super) fn build<'a>(report: &'a Report) -> Data<'a> {
    let checked = report.checked;
    let sources = report.sources;
    let maps: Vec<Utf16> = sources.iter().map(|s| Utf16::new(&s.text)).collect();
    let mut rules: Vec<RuleJson> = report
        .rules
        .iter()
        .map(|r| RuleJson {
            id: &r.id,
            summary: &r.summary,
            explanation: &r.explanation,
            bad: &r.bad,
            good: &r.good,
        })
        .collect();
    let mut rule_index: HashMap<&str, usize> =
        rules.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (i, s) in sources[..checked].iter().enumerate() {
        index.entry(s.name.as_str()).or_insert(i);
    }

    // References a passage points into, in order of first use.
    let mut refs: Vec<usize> = Vec::new();
    let passages = report
        .passages
        .iter()
        .filter(|p| p.a < checked && p.b < sources.len())
        .map(|p| {
            let b = if p.template {
                match refs.iter().position(|&r| r == p.b) {
                    Some(i) => i,
                    None => {
                        refs.push(p.b);
                        refs.len() - 1
                    }
                }
            } else {
                p.b
            };
            let (sa, ea) = maps[p.a].range(&p.span_a);
            let (sb, eb) = maps[p.b].range(&p.span_b);
            (p.a, b, sa, ea, sb, eb, p.template)
        })
        .collect();

    let mut diags: Vec<Vec<DiagJson>> = vec![Vec::new(); checked];
    let mut counts = vec![[0usize; 5]; checked];
    for d in report.diagnostics.iter().filter(|d| d.file < checked) {
        let rule = *rule_index.entry(&d.rule).or_insert_with(|| {
            rules.push(RuleJson {
                id: &d.rule,
                summary: "",
                explanation: "",
                bad: "",
                good: "",
            });
            rules.len() - 1
        });
        let c = &mut counts[d.file];
        c[match d.severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
        c[3] += usize::from(UNADDRESSED.contains(&&*d.rule));
        c[4] += usize::from(VAGUE.contains(&&*d.rule));
        let source = &sources[d.file];
        let (start, end) = maps[d.file].range(&d.span);
        let labels = d
            .labels
            .iter()
            .filter(|l| l.file < sources.len())
            .map(|l| {
                let s = &sources[l.file];
                let text = s.text.get(l.span.clone()).unwrap_or("");
                let other = if l.file < checked { l.file as i64 } else { -1 };
                (s.name.as_str(), l.message.as_str(), quote(text), other)
            })
            .collect();
        diags[d.file].push((
            start,
            end,
            rule,
            d.severity as u8,
            source.position(d.span.start).0,
            &d.message,
            &d.notes,
            labels,
        ));
    }

    let mut share = vec![0f64; checked];
    let sim = report
        .similarity
        .iter()
        .filter_map(|s| {
            let (a, b) = (*index.get(s.a.as_str())?, *index.get(s.b.as_str())?);
            share[a] = share[a].max(s.a_ratio);
            share[b] = share[b].max(s.b_ratio);
            Some((a, b, s.shared_chars, s.a_ratio, s.b_ratio))
        })
        .collect();
    let mut group = vec![None; checked];
    let groups = report
        .copy_groups
        .iter()
        .enumerate()
        .map(|(g, c)| {
            let members: Vec<usize> = c
                .members
                .iter()
                .filter_map(|m| index.get(m.as_str()).copied())
                .collect();
            for &m in &members {
                group[m] = Some(g);
            }
            (c.share, members)
        })
        .collect();

    let reports = sources[..checked]
        .iter()
        .zip(diags)
        .enumerate()
        .map(|(i, (s, diags))| {
            let structure = report.structures.get(i).and_then(Option::as_ref);
            let piece = |r: &Option<Range<usize>>| {
                r.as_ref()
                    .and_then(|r| s.text.get(r.clone()))
                    .map(str::trim)
            };
            let c = counts[i];
            ReportJson {
                name: &s.name,
                title: structure.and_then(|st| piece(&st.title)),
                author: structure.and_then(|st| piece(&st.author)),
                chars: s.char_count(),
                verdict: verdict(report.fail_on, [c[0], c[1], c[2]]),
                counts: c,
                share: share[i],
                group: group[i],
                text: &s.text,
                diags,
                outline: structure.map(|st| outline(st, &s.text, &maps[i])),
            }
        })
        .collect();

    Data {
        version: 1,
        fail_on: report.fail_on.name(),
        rules,
        reports,
        refs: refs
            .iter()
            .map(|&r| RefJson {
                name: &sources[r].name,
                text: &sources[r].text,
            })
            .collect(),
        sim,
        groups,
        passages,
        errors: report
            .errors
            .iter()
            .map(|e| (e.path.as_str(), e.problem.to_string()))
            .collect(),
        baselined: report.baselined,
    }
}

fn outline(st: &Structure, text: &str, map: &Utf16) -> Vec<SectionJson> {
    let cut = |r: &Range<usize>| text.get(r.clone()).unwrap_or("").to_string();
    st.sections
        .iter()
        .map(|s| SectionJson {
            kind: s.kind.name(),
            heading: cut(&s.heading),
            topic: s.topic,
            items: s
                .items
                .iter()
                .map(|it| {
                    let (start, end) = map.range(&it.label);
                    (it.id.clone(), it.depth, start, end, it.answers.clone())
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs_twice() {
        let text = "a中𠀀b";
        let m = Utf16::new(text);
        assert_eq!(m.of(0), 0);
        assert_eq!(m.of(1), 1);
        assert_eq!(m.of(4), 2);
        assert_eq!(m.of(8), 4);
        assert_eq!(m.of(text.len()), 5);
    }

    #[test]
    fn verdicts_follow_the_failing_level() {
        use Severity::*;
        assert_eq!(verdict(Error, [1, 0, 0]), 2);
        assert_eq!(verdict(Error, [0, 3, 0]), 1);
        assert_eq!(verdict(Error, [0, 0, 5]), 0);
        assert_eq!(verdict(Warning, [0, 1, 0]), 2);
        assert_eq!(verdict(Warning, [0, 0, 1]), 1);
        assert_eq!(verdict(Info, [0, 0, 1]), 2);
        assert_eq!(verdict(Info, [0, 0, 0]), 0);
    }
}
