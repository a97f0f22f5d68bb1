//! `critique-lint outline`: the parsed structure as a tree or as JSON.

use super::SpanJson;
use crate::archive::Identity;
use crate::document::Document;
use crate::links::Links;
use crate::outline::{Item, Section};
use serde::Serialize;

#[derive(Serialize)]
struct OutlineJson<'a> {
    version: u32,
    documents: Vec<DocumentJson<'a>>,
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    path: &'a str,
    title: Option<&'a str>,
    /// The author's name (added in version 1 beside the first fields).
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    /// The post on the author line.
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'a str>,
    /// `line`, `file-name` or `stem`: where the author was read.
    #[serde(skip_serializing_if = "Option::is_none")]
    author_from: Option<crate::archive::AuthorFrom>,
    #[serde(skip_serializing_if = "Option::is_none")]
    year: Option<i32>,
    sections: Vec<SectionJson<'a>>,
    links: Vec<LinkJson>,
}

#[derive(Serialize)]
struct SectionJson<'a> {
    kind: &'static str,
    heading: &'a str,
    /// No heading: the part is inferred from the text.
    implicit: bool,
    /// A heading that names a topic (一、遵守政治纪律情况), not a part.
    topic: bool,
    /// The part goes on from an earlier part of its kind, after a part
    /// split off inside it (causes labelled 原因： among the problems).
    continues: bool,
    span: SpanJson,
    items: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    id: &'a str,
    label: &'a str,
    span: SpanJson,
    children: Vec<ItemJson<'a>>,
}

/// A problem or cause item and the measures that answer it.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub(crate) struct LinkJson {
    pub from: String,
    pub to: Vec<LinkTarget>,
}

#[derive(Serialize, Clone, Debug, PartialEq)]
pub(crate) struct LinkTarget {
    pub item: String,
    pub score: f64,
}

fn item_json<'a>(doc: &'a Document<'a>, item: &'a Item) -> ItemJson<'a> {
    ItemJson {
        id: &item.id,
        label: &doc.text()[item.label.clone()],
        span: SpanJson::new(doc.source, &doc.to_source(item.span.clone())),
        children: item.children.iter().map(|c| item_json(doc, c)).collect(),
    }
}

fn section_json<'a>(doc: &'a Document<'a>, s: &'a Section) -> SectionJson<'a> {
    SectionJson {
        kind: s.kind.name(),
        heading: &doc.text()[s.heading.clone()],
        implicit: s.implicit,
        topic: s.topic,
        continues: s.continues,
        span: SpanJson::new(doc.source, &doc.to_source(s.span.clone())),
        items: s.items.iter().map(|i| item_json(doc, i)).collect(),
    }
}

/// A parsed document, its links and who wrote it when, as `outline` shows them.
pub(crate) type Parsed<'a> = (Document<'a>, Option<Links>, Identity);

pub(crate) fn render_json(docs: &[Parsed<'_>]) -> String {
    let out = OutlineJson {
        version: 1,
        documents: docs
            .iter()
            .map(|(doc, links, id)| DocumentJson {
                path: &doc.source.name,
                title: id.title.as_deref(),
                author: id.author.as_ref().map(|a| a.name.as_str()),
                role: id.author.as_ref().and_then(|a| a.role.as_deref()),
                author_from: id.author.as_ref().map(|a| a.from),
                year: id.year,
                sections: doc
                    .outline
                    .sections
                    .iter()
                    .map(|s| section_json(doc, s))
                    .collect(),
                links: link_json(links.as_ref()),
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&out).expect("serialisable");
    s.push('\n');
    s
}

pub(crate) fn render_tree(docs: &[Parsed<'_>]) -> String {
    let mut out = String::new();
    for (doc, links, id) in docs {
        let links = link_json(links.as_ref());
        out.push_str(&doc.source.name);
        out.push('\n');
        if let Some(t) = &id.title {
            out.push_str(&format!("  标题：{t}\n"));
        }
        if let Some(a) = &id.author {
            let from = match a.from {
                crate::archive::AuthorFrom::Line => "",
                crate::archive::AuthorFrom::FileName => "（据文件名）",
                crate::archive::AuthorFrom::Stem => "（未找到署名，取文件名）",
            };
            out.push_str(&format!("  作者：{}{from}\n", a.display()));
        }
        if let Some(y) = id.year {
            out.push_str(&format!("  年度：{y}\n"));
        }
        for s in &doc.outline.sections {
            let (line, _) = doc.source.position(doc.to_source(s.heading.clone()).start);
            let heading = if s.continues {
                "（接上）"
            } else if s.implicit {
                "（没有小标题，按内容推断）"
            } else {
                &doc.text()[s.heading.clone()]
            };
            out.push_str(&format!(
                "  [{}] {heading}（第 {line} 行）\n",
                s.kind.name()
            ));
            for i in &s.items {
                tree_item(doc, i, 2, &mut out);
            }
        }
        if !links.is_empty() {
            out.push_str("  对应关系：\n");
            for l in &links {
                let to: Vec<String> =
                    l.to.iter()
                        .map(|t| format!("{} ({:.2})", t.item, t.score))
                        .collect();
                let to = if to.is_empty() {
                    "（无对应措施）".to_string()
                } else {
                    to.join("、")
                };
                out.push_str(&format!("    {} → {}\n", l.from, to));
            }
        }
    }
    // Report text reaches the terminal: escape what could steer it.
    super::escape::safe(&out).into_owned()
}

/// Links of every problem and cause item: measures at or above the threshold.
fn link_json(links: Option<&Links>) -> Vec<LinkJson> {
    let Some(links) = links else {
        return Vec::new();
    };
    links
        .items
        .iter()
        .map(|l| LinkJson {
            from: l.id.clone(),
            to: l
                .answers(links.threshold_for(l.kind))
                .map(|(k, score)| LinkTarget {
                    item: links.measures[k].id.clone(),
                    score: (score * 100.0).round() / 100.0,
                })
                .collect(),
        })
        .collect()
}

fn tree_item(doc: &Document, item: &Item, depth: usize, out: &mut String) {
    let label: String = doc.text()[item.label.clone()].chars().take(40).collect();
    out.push_str(&format!("{}{} {}\n", "  ".repeat(depth), item.id, label));
    for c in &item.children {
        tree_item(doc, c, depth + 1, out);
    }
}
