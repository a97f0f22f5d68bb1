//! The text formulations are matched on: `的`, quotes and spaces dropped,
//! clause marks made one (、). `精神懈怠的危险，“能力不足的危险”` and
//! `精神懈怠危险、能力不足危险` read the same; every position found maps
//! back to the text.

use crate::text::is_space;
use std::ops::Range;

/// Dropped: an inserted 的 is an accepted variant of every formulation,
/// quotes and spaces are layout.
fn dropped(c: char) -> bool {
    matches!(
        c,
        '的' | '“' | '”' | '‘' | '’' | '"' | '\'' | '「' | '」' | '『' | '』'
    ) || is_space(c)
}

/// Clause marks between members: any of them is right.
fn clause_mark(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';')
}

/// The normalised form of a formulation or of a stretch of text.
pub(super) fn normalize(s: &str) -> String {
    s.chars()
        .filter(|&c| !dropped(c))
        .map(|c| if clause_mark(c) { '、' } else { c })
        .collect()
}

/// A stretch of text, normalised, with the way back.
pub(super) struct Normal {
    pub(super) text: String,
    /// For each byte of `text` that starts a character, where that
    /// character is in the original; one more entry for the end.
    at: Vec<usize>,
    /// Where in `text` something was dropped (的, a quote, a space): a
    /// word may end there.
    breaks: Vec<usize>,
    /// Where in `text` an opening quote was dropped right before, and a
    /// closing one right after.
    opens: Vec<usize>,
    closes: Vec<usize>,
}

fn opening(c: char) -> bool {
    matches!(c, '“' | '‘' | '「' | '『')
}

fn closing(c: char) -> bool {
    matches!(c, '”' | '’' | '」' | '』')
}

impl Normal {
    pub(super) fn new(text: &str, range: Range<usize>) -> Normal {
        let mut out = String::with_capacity(range.len());
        let mut at = Vec::with_capacity(range.len() + 1);
        let mut breaks = Vec::new();
        let (mut opens, mut closes) = (Vec::new(), Vec::new());
        let mut dropping = false;
        for (i, c) in text[range.clone()].char_indices() {
            // A line ending in a clause mark goes on in the next: an
            // enumeration broken after 、 by a hard wrap is one.
            let wrapped = matches!(c, '\n' | '\r') && out.ends_with('、');
            if dropped(c) || wrapped {
                dropping = true;
                if opening(c) {
                    opens.push(out.len());
                } else if closing(c) {
                    closes.push(out.len());
                }
                continue;
            }
            if std::mem::take(&mut dropping) {
                breaks.push(out.len());
            }
            let c = if clause_mark(c) { '、' } else { c };
            for _ in 0..c.len_utf8() {
                at.push(range.start + i);
            }
            out.push(c);
        }
        at.push(range.end);
        Normal {
            text: out,
            at,
            breaks,
            opens,
            closes,
        }
    }

    /// Whether `r` of `text` is the whole of a quotation: an opening quote
    /// dropped right before it, a closing one right after.
    pub(super) fn quoted(&self, r: &Range<usize>) -> bool {
        self.opens.binary_search(&r.start).is_ok() && self.closes.binary_search(&r.end).is_ok()
    }

    /// Whether something was dropped right before byte `p` of `text`.
    pub(super) fn breaks_at(&self, p: usize) -> bool {
        self.breaks.binary_search(&p).is_ok()
    }

    /// The original range of a normalised range: from the first kept
    /// character to the end of the last one.
    pub(super) fn source(&self, r: Range<usize>, original: &str) -> Range<usize> {
        let start = self.at[r.start];
        let end = if r.end == 0 || r.end <= r.start {
            start
        } else {
            // The end of the last character of the range, in the original.
            let last = self.at[r.end - 1];
            last + original[last..].chars().next().map_or(0, char::len_utf8)
        };
        start..end
    }

    /// `source`, widened by a quote mark on either side when the span
    /// holds only the other half of the pair (“两个维护”的… not 两个维护”的…).
    pub(super) fn source_quoted(&self, r: Range<usize>, original: &str) -> Range<usize> {
        let mut span = self.source(r, original);
        let inside = &original[span.clone()];
        let opened = inside.chars().filter(|&c| opening(c)).count();
        let closed = inside.chars().filter(|&c| closing(c)).count();
        if closed > opened {
            if let Some(c) = original[..span.start]
                .chars()
                .next_back()
                .filter(|&c| opening(c))
            {
                span.start -= c.len_utf8();
            }
        }
        if opened > closed {
            if let Some(c) = original[span.end..].chars().next().filter(|&c| closing(c)) {
                span.end += c.len_utf8();
            }
        }
        span
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_shown_takes_the_other_half_of_a_quote_pair_it_cuts() {
        let t = "领悟“两个维护”的意义，做到“两个确立”。";
        let n = Normal::new(t, 0..t.len());
        let shown = |w: &str| {
            let k = n.text.find(w).unwrap();
            t[n.source_quoted(k..k + w.len(), t)].to_string()
        };
        assert_eq!(shown("两个维护意义"), "“两个维护”的意义");
        assert_eq!(shown("做到两个确立"), "做到“两个确立”");
        assert_eq!(shown("领悟两个"), "领悟“两个");
    }

    #[test]
    fn de_quotes_and_spaces_are_dropped_and_positions_map_back() {
        let t = "防止“精神懈怠的危险”，能力 不足危险";
        let n = Normal::new(t, 0..t.len());
        assert_eq!(n.text, "防止精神懈怠危险、能力不足危险");
        assert!(n.breaks_at("防止".len()) && n.breaks_at("防止精神懈怠".len()));
        assert!(!n.breaks_at("防止精神".len()));
        let k = n.text.find("精神懈怠危险").unwrap();
        let r = n.source(k..k + "精神懈怠危险".len(), t);
        assert_eq!(&t[r], "精神懈怠的危险");
        let k = n.text.find("能力不足危险").unwrap();
        let r = n.source(k..k + "能力不足危险".len(), t);
        assert_eq!(&t[r], "能力 不足危险");
    }

    #[test]
    fn a_stretch_inside_the_text_maps_to_the_text() {
        let t = "甲乙，的丙";
        let start = "甲".len();
        let n = Normal::new(t, start..t.len());
        assert_eq!(n.text, "乙、丙");
        assert_eq!(&t[n.source(0..n.text.len(), t)], "乙，的丙");
    }

    /// An empty range maps to an empty range at its place; every dropped
    /// character and clause mark is handled as the text says.
    #[test]
    fn empty_ranges_map_to_their_place_and_marks_are_one() {
        let t = "甲的乙；丙";
        let n = Normal::new(t, 0..t.len());
        assert_eq!(n.text, "甲乙、丙");
        assert_eq!(n.source(0..0, t), 0..0);
        let b = "甲".len();
        assert_eq!(n.source(b..b, t), "甲的".len().."甲的".len());
        assert_eq!(&t[n.source(b..n.text.len(), t)], "乙；丙");
        assert!(n.breaks_at(b));
        assert!(!n.breaks_at(0));
        assert_eq!(normalize("“甲” 的，乙;丙,丁；"), "甲、乙、丙、丁、");
        assert_eq!(normalize("‘甲’「乙」『丙』\"丁\"'戊'"), "甲乙丙丁戊");
    }
}
