//! Markdown's syntax in a `.md` report: the view drops it, so that the
//! rules read `**一是**学习不够` as `一是学习不够` (a marker the outline
//! knows, no `**` taken for a placeholder) and `## 一、存在的问题` as the
//! heading it is. Only the marks are dropped; the words stay where they
//! are in the file.

use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

struct Syntax {
    /// Marks opening a line: a heading's `#`s, a quote's `>`, a bullet.
    opening: Regex,
    /// Lines that are all syntax: a rule (`---`, `***`), a heading's
    /// underline (`===`), a table's alignment row (`|---|:--:|`).
    whole: Regex,
    /// Marks inside a line, each a capture: strong emphasis, emphasis
    /// between stars, code ticks, an image (all of it), a link's brackets
    /// and address, an HTML tag, an escaping backslash.
    inline: Regex,
    /// A heading's closing `#`s.
    closing: Regex,
}

fn syntax() -> &'static Syntax {
    static SYNTAX: OnceLock<Syntax> = OnceLock::new();
    SYNTAX.get_or_init(|| Syntax {
        opening: Regex::new(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|(?:>[ \t]?)+|[-*+][ \t]+)").unwrap(),
        whole: Regex::new(
            r"^[ \t]{0,3}(?:(?:[-*][ \t]*){3,}|=+[ \t]*|-+[ \t]*|\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*)$",
        )
        .unwrap(),
        inline: Regex::new(
            r"(\*\*|`+)|(\*)[^*\s][^*]*?(\*)|(!\[[^\]\n]*\]\([^)\n]*\))|(\[)[^\]\n]*(\]\([^)\n]*\))|(</?[A-Za-z][^>\n]*>)|(\\)[!-/:-@\[-`{-~]",
        )
        .unwrap(),
        closing: Regex::new(r"[ \t]+#+[ \t]*$").unwrap(),
    })
}

/// The byte ranges of `text` that are Markdown syntax, in order and not
/// overlapping; `lines` are the file's lines without their terminators.
pub(super) fn syntax_ranges(text: &str, lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let s = syntax();
    let mut out = Vec::new();
    for line in lines {
        let body = &text[line.clone()];
        if s.whole.is_match(body) && !body.trim().is_empty() {
            out.push(line.clone());
            continue;
        }
        let mut from = 0;
        if let Some(m) = s.opening.find(body) {
            let heading = m.as_str().trim_start().starts_with('#');
            out.push(line.start + m.start()..line.start + m.end());
            from = m.end();
            if heading {
                if let Some(c) = s.closing.find(&body[from..]) {
                    let end = line.start + from + c.start();
                    inline(text, line.start + from..end, &mut out);
                    out.push(end..line.end);
                    continue;
                }
            }
        }
        inline(text, line.start + from..line.end, &mut out);
    }
    out
}

/// The inline marks of `text[range]`, each capture a range of its own.
fn inline(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    for c in syntax().inline.captures_iter(&text[range.clone()]) {
        out.extend(
            c.iter()
                .skip(1)
                .flatten()
                .map(|m| range.start + m.start()..range.start + m.end()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text left once the syntax is dropped.
    fn plain(text: &str) -> String {
        let mut lines = Vec::new();
        let mut start = 0;
        for l in text.split('\n') {
            lines.push(start..start + l.len());
            start += l.len() + 1;
        }
        let drop = syntax_ranges(text, &lines);
        let mut out = String::new();
        let mut at = 0;
        for r in drop {
            out.push_str(&text[at..r.start]);
            at = r.end;
        }
        out.push_str(&text[at..]);
        out
    }

    #[test]
    fn headings_emphasis_bullets_and_quotes_lose_their_marks() {
        assert_eq!(plain("## 一、存在的问题 ##"), "一、存在的问题");
        assert_eq!(plain("**一是**学习不够。"), "一是学习不够。");
        assert_eq!(
            plain("1. **理想信念弱化。**放松改造。"),
            "1. 理想信念弱化。放松改造。"
        );
        assert_eq!(plain("- *加强*学习"), "加强学习");
        assert_eq!(plain("> 引用的话"), "引用的话");
        assert_eq!(
            plain("见[通知](http://a.b/c)和![图](x.png)。"),
            "见通知和。"
        );
        assert_eq!(
            plain("用`代码`和<br>换行，\\*不是强调\\*"),
            "用代码和换行，*不是强调*"
        );
        assert_eq!(
            plain("标题\n===\n正文\n---\n| a | b |\n|---|:--:|"),
            "标题\n\n正文\n\n| a | b |\n"
        );
    }

    /// What Markdown leaves as text stays: a lone star, blanks to fill in
    /// (____), a placeholder ×××, numbers and a hyphen inside a line.
    #[test]
    fn text_that_is_no_syntax_stays() {
        for s in [
            "从*发展需要出发",
            "姓名：____",
            "×××同志",
            "2023-2024年",
            "#话题",
        ] {
            assert_eq!(plain(s), s);
        }
    }
}
