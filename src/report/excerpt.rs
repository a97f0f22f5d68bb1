//! The text codespan shows for one finding, cut to the terminal width.
//!
//! Reports often hold a paragraph of 300+ characters on one physical line;
//! a terminal wraps such a snippet and the carets no longer sit under the
//! characters. So each finding gets its own [`Files`]: for every label, a
//! window of its physical line — the sentence around it when that fits,
//! else as much context as fits, with `⋯` where text is left out — drawn
//! with [`glyph`] so every column is the same in every terminal. Line and
//! column numbers printed stay those of the real file.

use super::shown::{columns, glyph, CUT};
use crate::source::Source;
use codespan_reporting::files::{Error as FilesError, Files};
use std::ops::Range;

/// Narrower than this the snippet could not say anything; a smaller width
/// is taken as this.
const MIN_TEXT_COLUMNS: usize = 16;

/// A label to show: where it points and how wide its message is.
pub(crate) struct Marked {
    pub file: usize,
    pub span: Range<usize>,
    pub message_columns: usize,
}

/// Where a label lands in its excerpt; `cut` when only its start is shown.
pub(crate) struct Placed {
    pub span: Range<usize>,
    pub cut: bool,
}

/// The excerpts of one finding, one per file its labels point into.
pub(crate) struct Excerpts<'a> {
    files: Vec<Excerpt<'a>>,
}

struct Excerpt<'a> {
    id: usize,
    source: &'a Source,
    name: String,
    /// The windows, drawn, one per line.
    text: String,
    windows: Vec<Window>,
}

struct Window {
    /// Line index codespan sees: consecutive for windows that continue
    /// each other, with a gap (drawn `·`) otherwise.
    index: usize,
    physical: usize,
    /// Range in the excerpt's text.
    range: Range<usize>,
    /// (offset in the excerpt's text, offset in the file) at each shown
    /// character's start, then at the window's end.
    map: Vec<(usize, usize)>,
}

/// A window of a physical line before it is drawn.
struct Cut {
    physical: usize,
    line: Range<usize>,
    start: usize,
    end: usize,
    prefix: bool,
    suffix: bool,
}

impl<'a> Excerpts<'a> {
    /// Excerpts for `labels`, each line at most `width` terminal columns
    /// (gutter included) where the labels allow.
    pub(crate) fn new(
        sources: &'a [Source],
        labels: &[Marked],
        width: usize,
    ) -> (Excerpts<'a>, Vec<Placed>) {
        // codespan's gutter: the widest line number, then " │ ".
        let digits = labels
            .iter()
            .map(|l| sources[l.file].position(l.span.start).0.to_string().len())
            .max()
            .unwrap_or(1);
        let budget = width.saturating_sub(digits + 3).max(MIN_TEXT_COLUMNS);
        let mut placed: Vec<Option<Placed>> = labels.iter().map(|_| None).collect();
        let mut files: Vec<Excerpt<'a>> = Vec::new();
        for label in labels {
            if files.iter().any(|f| f.id == label.file) {
                continue;
            }
            let source = &sources[label.file];
            let mine: Vec<usize> = (0..labels.len())
                .filter(|&i| labels[i].file == label.file)
                .collect();
            let mut excerpt = Excerpt {
                id: label.file,
                source,
                name: super::escape::safe(&source.name).into_owned(),
                text: String::new(),
                windows: Vec::new(),
            };
            for (cut, members) in windows(source, labels, &mine, budget) {
                let w = excerpt.push(&cut);
                for i in members {
                    placed[i] = Some(excerpt.place(w, &labels[i].span, &cut));
                }
            }
            files.push(excerpt);
        }
        let placed = placed
            .into_iter()
            .map(|p| p.expect("every label is in a window"))
            .collect();
        (Excerpts { files }, placed)
    }

    fn get(&self, id: usize) -> Result<&Excerpt<'a>, FilesError> {
        self.files
            .iter()
            .find(|f| f.id == id)
            .ok_or(FilesError::FileMissing)
    }
}

impl Excerpt<'_> {
    /// Draws `cut` as the next line; returns its window's position.
    fn push(&mut self, cut: &Cut) -> usize {
        let index = match self.windows.last() {
            None => 0,
            Some(last) => {
                let previous = self.windows.len() - 1;
                let prev_end = last.map.last().map_or(0, |m| m.1);
                let continues = !cut.prefix
                    && !self.ends_cut(previous)
                    && ((last.physical == cut.physical && prev_end >= cut.start)
                        || (last.physical + 1 == cut.physical
                            && prev_end == self.source.line_range(last.physical).end
                            && cut.start == cut.line.start));
                last.index + if continues { 1 } else { 3 }
            }
        };
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        let begin = self.text.len();
        if cut.prefix {
            self.text.push_str(CUT);
        }
        let mut map = Vec::new();
        for (i, c) in self.source.text[cut.start..cut.end].char_indices() {
            map.push((self.text.len(), cut.start + i));
            self.text.push_str(&glyph(c));
        }
        map.push((self.text.len(), cut.end));
        if cut.suffix {
            self.text.push_str(CUT);
        }
        self.windows.push(Window {
            index,
            physical: cut.physical,
            range: begin..self.text.len(),
            map,
        });
        self.windows.len() - 1
    }

    fn ends_cut(&self, w: usize) -> bool {
        let window = &self.windows[w];
        window.map.last().map(|m| m.0) != Some(window.range.end)
    }

    /// Where `span` (file offsets) lands in window `w`. A label running
    /// past the window takes the `⋯` after it too.
    fn place(&self, w: usize, span: &Range<usize>, cut: &Cut) -> Placed {
        let window = &self.windows[w];
        let at = |offset: usize| {
            let i = window.map.partition_point(|m| m.1 < offset);
            window.map.get(i).map_or(window.range.end, |m| m.0)
        };
        let start = at(span.start.clamp(cut.start, cut.end));
        if span.end > cut.end {
            Placed {
                span: start..window.range.end,
                cut: true,
            }
        } else {
            Placed {
                span: start..at(span.end.max(span.start).min(cut.end)),
                cut: false,
            }
        }
    }

    fn window(&self, line_index: usize) -> Result<&Window, FilesError> {
        self.windows
            .iter()
            .find(|w| w.index == line_index)
            .ok_or(FilesError::LineTooLarge {
                given: line_index,
                max: self.windows.last().map_or(0, |w| w.index),
            })
    }
}

/// The windows of one file's labels (`mine`, indices into `labels`), in
/// order, each with the labels it shows.
fn windows(
    source: &Source,
    labels: &[Marked],
    mine: &[usize],
    budget: usize,
) -> Vec<(Cut, Vec<usize>)> {
    let mut order = mine.to_vec();
    order.sort_by_key(|&i| (labels[i].span.start, labels[i].span.end));
    let mut out: Vec<(Cut, Vec<usize>)> = Vec::new();
    let mut group: Vec<usize> = Vec::new();
    let mut core: Option<(usize, Range<usize>, Range<usize>)> = None; // physical, line, core
    for i in order {
        let span = &labels[i].span;
        let physical = source.position(span.start).0 - 1;
        let line = source.line_range(physical);
        let start = span.start.min(line.end);
        let end = span.end.clamp(start, line.end);
        if let Some((p, l, c)) = &mut core {
            let joined = c.start..c.end.max(end);
            if *p == physical && width_upto(&source.text[joined.clone()], budget) < budget {
                *c = joined;
                group.push(i);
                continue;
            }
            out.push((
                cut(source, labels, &group, *p, l.clone(), c.clone(), budget),
                group,
            ));
            group = Vec::new();
        }
        core = Some((physical, line, start..end));
        group.push(i);
    }
    if let Some((p, l, c)) = core {
        out.push((cut(source, labels, &group, p, l, c, budget), group));
    }
    out
}

/// The window around `core` (the labels of `group`) in `line`.
fn cut(
    source: &Source,
    labels: &[Marked],
    group: &[usize],
    physical: usize,
    line: Range<usize>,
    core: Range<usize>,
    budget: usize,
) -> Cut {
    let text = &source.text;
    // A label running on past its line is shown up to the line end and a `⋯`.
    let runs_on = group.iter().any(|&i| labels[i].span.end > line.end);
    let core_columns = width_upto(&text[core.clone()], budget + 1) + usize::from(runs_on);
    let message = group
        .iter()
        .max_by_key(|&&i| labels[i].span.end)
        .map_or(0, |&i| labels[i].message_columns);
    if core_columns >= budget {
        // As wide as the terminal: its start, then `⋯`, leaving the
        // message room on the caret line when that keeps most of the text.
        let room = match budget.checked_sub(message + 1) {
            Some(r) if message > 0 && r >= budget / 2 => r,
            _ => budget,
        };
        let end = core.start + fit_from_start(&text[core.clone()], room - 1);
        return Cut {
            physical,
            line,
            start: core.start,
            end,
            prefix: false,
            suffix: true,
        };
    }
    let avail = budget - core_columns;
    let sentence_start = sentence_start(text, line.start, core.start);
    let sentence_end = if runs_on {
        line.end
    } else {
        sentence_end(text, core.end, line.end)
    };
    let left_need = width_upto(&text[sentence_start..core.start], avail + 1);
    let right_need = width_upto(&text[core.end..sentence_end], avail + 1);
    // The message after the carets stays on the caret line if it can, and
    // a `⋯` on the right always has its column.
    let left_cap = if message > 0 && message < avail {
        avail - message - 1
    } else {
        avail
    }
    .min(avail - usize::from(right_need > 0));
    let (start, prefix) = if left_need <= left_cap && left_need + right_need <= avail {
        (sentence_start, false)
    } else {
        // The right side gets what it needs, the left at least a third.
        let alloc = left_cap.min((avail / 3).max(avail.saturating_sub(right_need)));
        // A sentence start a little further left is worth some right context.
        if left_need <= left_cap.min(alloc + budget / 8) {
            (sentence_start, false)
        } else if alloc <= 1 {
            (core.start, alloc == 1 && core.start > sentence_start)
        } else {
            let from = fit_from_end(&text[sentence_start..core.start], alloc - 1);
            (sentence_start + from, true)
        }
    };
    let used = width_upto(&text[start..core.start], budget) + usize::from(prefix) + core_columns;
    let room = budget.saturating_sub(used);
    let (end, suffix) = if right_need <= room {
        (sentence_end, false)
    } else {
        let fits = fit_from_start(&text[core.end..sentence_end], room.saturating_sub(1));
        (core.end + fits, true)
    };
    Cut {
        physical,
        line,
        start,
        end,
        prefix,
        suffix: suffix || runs_on,
    }
}

/// Ends a sentence.
fn strong(c: char) -> bool {
    "。！？；!?;".contains(c)
}

/// Ends a clause: a good place to start a window cut mid-sentence.
fn weak(c: char) -> bool {
    "，：、,:".contains(c)
}

/// Closing marks that belong to the sentence they follow.
fn closer(c: char) -> bool {
    "”’）)」』".contains(c)
}

/// Where the sentence holding `at` starts (not before `from`).
fn sentence_start(text: &str, from: usize, at: usize) -> usize {
    let mut start = text[from..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| strong(c))
        .map_or(from, |(i, c)| from + i + c.len_utf8());
    while let Some(c) = text[start..at].chars().next().filter(|&c| closer(c)) {
        start += c.len_utf8();
    }
    start
}

/// Where the sentence going on at `at` ends (not after `to`), its closing
/// marks included.
fn sentence_end(text: &str, at: usize, to: usize) -> usize {
    let Some((i, c)) = text[at..to].char_indices().find(|&(_, c)| strong(c)) else {
        return to;
    };
    let mut end = at + i + c.len_utf8();
    while let Some(c) = text[end..to].chars().next().filter(|&c| closer(c)) {
        end += c.len_utf8();
    }
    end
}

/// The columns `text` takes when drawn, counted only up to `cap` (lines
/// can be very long).
fn width_upto(text: &str, cap: usize) -> usize {
    let mut w = 0;
    for c in text.chars() {
        w += columns(&glyph(c));
        if w >= cap {
            break;
        }
    }
    w
}

/// The longest prefix of `text` (its byte length) drawn in `cap` columns.
fn fit_from_start(text: &str, cap: usize) -> usize {
    let mut w = 0;
    for (i, c) in text.char_indices() {
        w += columns(&glyph(c));
        if w > cap {
            return i;
        }
    }
    text.len()
}

/// Where the longest suffix of `text` drawn in `cap` columns starts,
/// moved to just after a clause end when there is one inside it.
fn fit_from_end(text: &str, cap: usize) -> usize {
    let mut w = 0;
    let mut start = text.len();
    for (i, c) in text.char_indices().rev() {
        w += columns(&glyph(c));
        if w > cap {
            break;
        }
        start = i;
    }
    text[start..]
        .char_indices()
        .find(|&(_, c)| weak(c))
        .map(|(i, c)| start + i + c.len_utf8())
        .filter(|&p| p < text.len())
        .unwrap_or(start)
}

impl<'a> Files<'a> for Excerpts<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(&self.get(id)?.name)
    }

    fn source(&'a self, id: usize) -> Result<&'a str, FilesError> {
        Ok(&self.get(id)?.text)
    }

    fn line_index(&'a self, id: usize, byte_index: usize) -> Result<usize, FilesError> {
        let f = self.get(id)?;
        let w = f
            .windows
            .partition_point(|w| w.range.start <= byte_index)
            .saturating_sub(1);
        Ok(f.windows.get(w).map_or(0, |w| w.index))
    }

    fn line_number(&'a self, id: usize, line_index: usize) -> Result<usize, FilesError> {
        Ok(self.get(id)?.window(line_index)?.physical + 1)
    }

    fn column_number(
        &'a self,
        id: usize,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        let f = self.get(id)?;
        let w = f.window(line_index)?;
        // The file offset of the character drawn at `byte_index` (a `⋯`
        // stands for the place it is next to).
        let i = w
            .map
            .partition_point(|m| m.0 <= byte_index)
            .saturating_sub(1);
        let offset = w.map.get(i).map_or(0, |m| m.1);
        Ok(f.source.position(offset).1)
    }

    fn line_range(&'a self, id: usize, line_index: usize) -> Result<Range<usize>, FilesError> {
        Ok(self.get(id)?.window(line_index)?.range.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, label: &str, width: usize) -> (String, Placed) {
        let sources = [Source::new("a.txt", text)];
        let start = text.find(label).unwrap();
        let marked = [Marked {
            file: 0,
            span: start..start + label.len(),
            message_columns: 0,
        }];
        let (e, mut placed) = Excerpts::new(&sources, &marked, width);
        (e.files[0].text.clone(), placed.remove(0))
    }

    #[test]
    fn a_sentence_that_fits_is_shown_whole() {
        let text = "第一句话很短。学习不够深入，理解不够透彻。第三句。";
        let (shown, p) = one(text, "不够深入", 80);
        assert_eq!(shown, "学习不够深入，理解不够透彻。");
        assert_eq!(&shown[p.span], "不够深入");
    }

    #[test]
    fn a_long_sentence_is_cut_to_the_width_around_the_label() {
        let text = format!(
            "{}还不够{}。",
            "前面的话，".repeat(20),
            "后面的话，".repeat(20)
        );
        for width in [40, 80, 120] {
            let (shown, p) = one(&text, "还不够", width);
            assert!(columns(&shown) <= width - 4, "{width}: {shown}");
            assert_eq!(&shown[p.span], "还不够");
            assert!(shown.starts_with(CUT) && shown.ends_with(CUT), "{shown}");
        }
    }

    #[test]
    fn a_label_wider_than_the_window_shows_its_start() {
        let text = "很长的标注内容".repeat(30);
        let (shown, p) = one(&text, &text, 40);
        assert!(p.cut);
        assert!(columns(&shown) <= 36, "{shown}");
        assert!(shown.starts_with("很长的") && shown.ends_with(CUT));
        assert_eq!(p.span, 0..shown.len());
    }
}
