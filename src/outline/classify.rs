//! Section kinds and the heading words that name them (data in `rules/outline.yaml`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum SectionKind {
    Problems,
    Causes,
    Measures,
    Other,
}

impl SectionKind {
    /// The letter that starts item ids: p1.2, c3, m4.
    pub(crate) fn letter(self) -> char {
        match self {
            SectionKind::Problems => 'p',
            SectionKind::Causes => 'c',
            SectionKind::Measures => 'm',
            SectionKind::Other => 'o',
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            SectionKind::Problems => "problems",
            SectionKind::Causes => "causes",
            SectionKind::Measures => "measures",
            SectionKind::Other => "other",
        }
    }

    /// How a Chinese reader calls the part.
    pub(crate) fn chinese(self) -> &'static str {
        match self {
            SectionKind::Problems => "查摆问题",
            SectionKind::Causes => "原因剖析",
            SectionKind::Measures => "整改措施",
            SectionKind::Other => "其他",
        }
    }
}

/// Heading words per kind, tried in the order given: the first kind with a
/// word in the heading wins (so 上年度…整改落实情况 is `other`, 问题产生的原因
/// is `causes`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct SectionKeywords {
    pub max_heading_chars: usize,
    pub kinds: Vec<KindWords>,
    /// Words that open the measures of a report without part headings.
    pub measure_cues: Vec<String>,
    /// Words that open causes written with no heading at the end of the
    /// problems (究其原因，…：一是…): at a sentence start, with numbered
    /// causes after them.
    #[serde(default)]
    pub cause_cues: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct KindWords {
    pub kind: SectionKind,
    pub words: Vec<String>,
}

impl SectionKeywords {
    fn words(&self, kind: SectionKind) -> impl Iterator<Item = &str> {
        self.kinds
            .iter()
            .filter(move |k| k.kind == kind)
            .flat_map(|k| k.words.iter().map(String::as_str))
    }

    pub(crate) fn classify(&self, heading: &str) -> Option<SectionKind> {
        let kind = self
            .kinds
            .iter()
            .find(|k| k.words.iter().any(|w| heading.contains(w.as_str())))
            .map(|k| k.kind)?;
        // A kind's word gives way to a word of `to` that the heading ends
        // with: 检视剖析的主要问题 names problems found by 剖析 (causes →
        // problems); 以案促改措施 the measures of a case study (other →
        // measures).
        let core = heading.trim_end_matches(|c: char| !crate::text::is_han(c));
        let ends_in = |to: SectionKind| self.words(to).any(|w| core.ends_with(w));
        // 问题及原因(分析): the problems, each with its causes, come first.
        let problems_and_causes = || {
            self.words(SectionKind::Problems).any(|w| {
                ["及", "和", "与", "以及", "及其"].iter().any(|and| {
                    heading
                        .split(&format!("{w}{and}"))
                        .nth(1)
                        .is_some_and(|rest| {
                            self.words(SectionKind::Causes).any(|c| rest.starts_with(c))
                        })
                })
            })
        };
        Some(
            if kind == SectionKind::Causes
                && (ends_in(SectionKind::Problems) || problems_and_causes())
            {
                SectionKind::Problems
            } else if kind == SectionKind::Other && ends_in(SectionKind::Measures) {
                SectionKind::Measures
            } else {
                kind
            },
        )
    }
}
