//! Who wrote a report and for which year: the author line under the title
//! (`县水利局党组书记、局长 孙卫东`), else a configured file-name pattern,
//! else the file stem; the year is the document's ([`Document::year`]: the
//! title block, else a closing date line). Both are read from the view.

use crate::document::Document;
use crate::names::{byline, name_alone, without_date};
use crate::text::is_space;
use regex::Regex;
use serde::Serialize;
use std::path::Path;

/// Where an author's name was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum AuthorFrom {
    Line,
    FileName,
    Stem,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Author {
    /// The name: what reports of one person have in common year to year
    /// (their post may change).
    pub(crate) name: String,
    /// The post on the author line (职务), if any.
    pub(crate) role: Option<String>,
    pub(crate) from: AuthorFrom,
}

impl Author {
    /// `孙卫东（县水利局党组书记、局长）`.
    pub(crate) fn display(&self) -> String {
        match &self.role {
            Some(r) => format!("{}（{r}）", self.name),
            None => self.name.clone(),
        }
    }
}

/// A report's author and year, where known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Identity {
    pub(crate) author: Option<Author>,
    pub(crate) year: Option<i32>,
    /// The title line.
    pub(crate) title: Option<String>,
}

/// Reads the author and year of `doc`; `pattern` is the `author-from`
/// setting (its `name` group, or the whole match, on the file stem).
pub(crate) fn identify(doc: &Document, pattern: Option<&Regex>) -> Identity {
    let text = doc.text();
    let title = doc
        .outline
        .title
        .clone()
        .map(|r| text[r].trim().to_string());
    let block: Vec<&str> = doc
        .paragraphs
        .iter()
        .take_while(|p| p.span.start < doc.outline.title_end)
        .map(|p| text[p.span.clone()].trim())
        .collect();
    // The author line is under the title, or above it (幸福里社区党委书记
    // 林秀英 / 2024年度组织生活会个人查摆问题清单): then the title is the
    // line after it.
    let found = block
        .iter()
        .enumerate()
        .find_map(|(i, l)| author_line(l).map(|a| (i, a)))
        .or_else(|| {
            // A name alone on a line under the title (张伟, 张伟同志).
            (block.iter().enumerate().skip(1)).find_map(|(i, l)| bare_name(l).map(|a| (i, a)))
        })
        .or_else(|| {
            // A web copy's title may hold the byline in brackets
            // (…发言提纲（县审计局副局长 孙明华）): that line stays the title.
            let first = block.first()?;
            let inner = &first[first.find(['（', '('])?..];
            let close = inner.find(['）', ')'])?;
            author_line(&inner[..close]).map(|a| (usize::MAX, a))
        });
    let title = match (&found, block.get(1)) {
        (Some((0, _)), Some(next)) => Some(next.to_string()),
        _ => title,
    };
    let author = found
        .map(|(_, a)| a)
        .or_else(|| from_file_name(&doc.source.name, pattern));
    let year = doc.year();
    Identity {
        author,
        year,
        title,
    }
}

/// The author of a line that is a name alone ([`name_alone`]), a date
/// after it aside (`陈丽华  2024年1月`).
fn bare_name(line: &str) -> Option<Author> {
    name_alone(without_date(line)).map(|name| Author {
        name: name.replace(is_space, ""),
        role: None,
        from: AuthorFrom::Line,
    })
}

/// The author of an author line ([`byline`]).
pub(crate) fn author_line(line: &str) -> Option<Author> {
    byline(line).map(|(name, role)| Author {
        name,
        role,
        from: AuthorFrom::Line,
    })
}

fn from_file_name(name: &str, pattern: Option<&Regex>) -> Option<Author> {
    if name.starts_with('<') {
        return None; // <stdin>, built-in texts
    }
    let stem = Path::new(name).file_stem()?.to_string_lossy().into_owned();
    if let Some(caps) = pattern.and_then(|p| p.captures(&stem)) {
        let found = caps.name("name").or_else(|| caps.get(0));
        if let Some(m) = found.filter(|m| !m.as_str().trim().is_empty()) {
            return Some(Author {
                name: m.as_str().trim().to_string(),
                role: None,
                from: AuthorFrom::FileName,
            });
        }
    }
    (!stem.is_empty()).then_some(Author {
        name: stem,
        role: None,
        from: AuthorFrom::Stem,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn author_lines() {
        let a = author_line("县水利局党组书记、局长 孙卫东").unwrap();
        assert_eq!(
            (a.name.as_str(), a.role.as_deref()),
            ("孙卫东", Some("县水利局党组书记、局长"))
        );
        let a = author_line("（清河街道党工委副书记、办事处主任周明）").unwrap();
        assert_eq!(a.name, "周明");
        let a = author_line("——党组成员、副院长 赵明远").unwrap();
        assert_eq!(a.role.as_deref(), Some("党组成员、副院长"));
        assert_eq!(
            author_line("市第一人民医院党委副书记　王敏").unwrap().name,
            "王敏"
        );
        // The shapes of bylines in real reports: a unit and a name, a name
        // spaced out, a colon, the post in brackets after the name, a
        // speaker's label, a date after it.
        for (line, name, role) in [
            (
                "市委统战部民族宗教科　黄　敏",
                "黄敏",
                Some("市委统战部民族宗教科"),
            ),
            ("（人事处　郑雅琴）", "郑雅琴", Some("人事处")),
            ("心内科 何建平", "何建平", Some("心内科")),
            ("社区民警　刘　洋", "刘洋", Some("社区民警")),
            (
                "机械与动力工程学院党委书记：王振华",
                "王振华",
                Some("机械与动力工程学院党委书记"),
            ),
            (
                "周建平（县水利局党组书记、局长）",
                "周建平",
                Some("县水利局党组书记、局长"),
            ),
            (
                "马俊（省交通投资集团北山高速公路管理分公司党委副书记、总经理）",
                "马俊",
                Some("省交通投资集团北山高速公路管理分公司党委副书记、总经理"),
            ),
            (
                "发言人：李慧敏（东湖街道党工委副书记、办事处主任）",
                "李慧敏",
                Some("东湖街道党工委副书记、办事处主任"),
            ),
            (
                "县第二中学教工党支部  李晓燕（高二年级组长）",
                "李晓燕",
                Some("县第二中学教工党支部"),
            ),
            (
                "桐溪农商银行城关支行党支部书记、行长吴晓东（2023年11月）",
                "吴晓东",
                Some("桐溪农商银行城关支行党支部书记、行长"),
            ),
            (
                "江城城发建设有限公司党支部书记、总经理 陈立伟 2023年11月",
                "陈立伟",
                Some("江城城发建设有限公司党支部书记、总经理"),
            ),
            (
                "（机械与动力工程学院党委书记 吴海燕，2024年1月）",
                "吴海燕",
                Some("机械与动力工程学院党委书记"),
            ),
            ("党员　康丽　　　2025年1月", "康丽", Some("党员")),
            (
                "姓名：郑晓岚　职务：第三监督检查室主任",
                "郑晓岚",
                Some("第三监督检查室主任"),
            ),
            (
                "作者：吴海涛　　发布时间：2018-01-26　　来源：南川分局政治处",
                "吴海涛",
                None,
            ),
        ] {
            let a = author_line(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!((a.name.as_str(), a.role.as_deref()), (name, role), "{line}");
        }
        // Placeholders and lines without a post are no author.
        assert!(author_line("市人民医院党委副书记、院长  王某").is_none());
        assert!(author_line("**街道幸福里社区党委书记  ____").is_none());
        assert!(author_line("××大学外国语学院党委书记  【 】").is_none());
        assert!(author_line("孙卫东").is_none());
        assert!(author_line("以上对照检查，请书记和同志们批评指正。").is_none());
        assert!(author_line("（工程管理部经理、支部组织委员）").is_none());
        assert!(author_line("作者：佚名　　更新时间：2024-01-20").is_none());
        assert!(author_line("2024年度民主生活会　个人对照检查材料").is_none());
        assert!(author_line("来源：网友分享　　时间：2023-02-08　　字体：大 中 小").is_none());
    }

    fn identity_of(text: &str) -> Identity {
        let source = crate::source::Source::new("材料/r01.txt", text);
        let seg = crate::segment::Segmenter::new([]);
        let keywords = serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap();
        identify(&Document::build(0, &source, &seg, &keywords), None)
    }

    /// The author line under the title, or above it (then the title is
    /// the line after it), or a post and a name run into the title.
    #[test]
    fn the_author_line_above_or_under_the_title() {
        let body = "一、存在的问题\n1.学习不够。\n二、原因剖析\n1.思想放松。\n三、整改措施\n1.加强学习。\n";
        let under = identity_of(&format!(
            "2024年度组织生活会个人对照检查材料\n幸福里社区党委书记　林秀英\n{body}"
        ));
        assert_eq!(under.author.unwrap().name, "林秀英");
        assert_eq!(
            under.title.as_deref(),
            Some("2024年度组织生活会个人对照检查材料")
        );
        let above = identity_of(&format!(
            "幸福里社区党委书记　林秀英\n2024年度组织生活会个人对照检查材料\n{body}"
        ));
        let a = above.author.unwrap();
        assert_eq!((a.name.as_str(), a.from), ("林秀英", AuthorFrom::Line));
        assert_eq!(
            above.title.as_deref(),
            Some("2024年度组织生活会个人对照检查材料")
        );
        let run_in = identity_of(&format!(
            "县水利局党组成员、副局长吴海涛\n2024年度民主生活会个人对照检查材料\n{body}"
        ));
        assert_eq!(run_in.author.unwrap().name, "吴海涛");
        // A 班子 title names no person: the file stem.
        let team = identity_of(&format!(
            "中共清河镇委员会领导班子\n2022年度民主生活会对照检查材料\n{body}"
        ));
        let a = team.author.unwrap();
        assert_eq!((a.name.as_str(), a.from), ("r01", AuthorFrom::Stem));
        assert_eq!(team.title.as_deref(), Some("中共清河镇委员会领导班子"));
        // A name alone under the title, with or without 同志 or 发言人：.
        for line in ["张伟", "张伟同志", "发言人：张伟", "（张伟）"] {
            let alone = identity_of(&format!("在专题民主生活会上的发言提纲\n{line}\n{body}"));
            let a = alone.author.unwrap();
            assert_eq!((a.name.as_str(), a.role), ("张伟", None), "{line}");
            assert_eq!(alone.title.as_deref(), Some("在专题民主生活会上的发言提纲"));
        }
        // A byline in brackets in the title.
        let bracketed = identity_of(&format!(
            "2024年度民主生活会发言提纲（县审计局党组成员、副局长 孙明华）\n{body}"
        ));
        let a = bracketed.author.unwrap();
        assert_eq!(
            (a.name.as_str(), a.role.as_deref()),
            ("孙明华", Some("县审计局党组成员、副局长"))
        );
        assert_eq!(
            bracketed.title.as_deref(),
            Some("2024年度民主生活会发言提纲（县审计局党组成员、副局长 孙明华）")
        );
        // A subtitle or a line of the genre is no name.
        for line in [
            "——发言提纲",
            "剖析材料",
            "（初稿）",
            "某某某",
            "学习心得",
            "党性修养",
            "修改稿",
        ] {
            let other = identity_of(&format!("关于加强作风建设\n{line}\n{body}"));
            assert_eq!(other.author.unwrap().from, AuthorFrom::Stem, "{line}");
        }
    }

    #[test]
    fn file_name_pattern_then_stem() {
        let re = Regex::new("^(?P<name>[^-_]+)").unwrap();
        let a = from_file_name("材料/孙卫东-2024.txt", Some(&re)).unwrap();
        assert_eq!((a.name.as_str(), a.from), ("孙卫东", AuthorFrom::FileName));
        let a = from_file_name("材料/孙卫东-2024.txt", None).unwrap();
        assert_eq!((a.name.as_str(), a.from), ("孙卫东-2024", AuthorFrom::Stem));
        assert!(from_file_name("<stdin>", Some(&re)).is_none());
    }
}
