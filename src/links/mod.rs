//! Correspondence between items: which measures answer each problem and
//! each cause.
//!
//! Every item becomes a bag of weighted features: its content tokens (jieba,
//! stopwords out) and the synonym groups found in it. Weights are genre IDF
//! (`rules/idf.tsv`, built from corpus/ by `critique-lint build-idf`), times
//! `label-weight` for words of the item's label. Two items are compared by
//! cosine similarity; a problem under an aspect heading also gets the
//! similarity of that heading to the measure's label (`aspect-weight`).
//! Scores stay explainable: the shared features can be listed.

mod bag;
mod model;
mod references;

use bag::Bag;
pub(crate) use model::{build_idf_table, LinkModel, LinkSpec};

use crate::document::Document;
use crate::outline::{Item, SectionKind};
use std::ops::Range;

/// A problem or cause item and the measures that answer it.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub kind: SectionKind,
    pub id: String,
    pub label: Range<usize>,
    /// Every measure with its score, best first.
    pub scores: Vec<(usize, f64)>,
    /// The heaviest words shared with the best measure, to explain it.
    pub shared: Vec<String>,
    /// The least score of a measure that answers it besides the threshold:
    /// a share of the best score (the model's `relative`), or 1 when a
    /// measure names the item (only the measures naming it answer it).
    pub floor: f64,
    /// The best measure, when it answers the item below the threshold as
    /// each other's best match (the model's `mutual-floor`).
    pub mutual: Option<usize>,
}

/// A top-level measure item.
#[derive(Debug, Clone)]
pub(crate) struct Measure {
    pub id: String,
    pub label: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct Links {
    pub items: Vec<Link>,
    pub measures: Vec<Measure>,
    /// The model's thresholds: a measure at or above it answers an item.
    pub threshold: f64,
    pub cause_threshold: f64,
}

impl Links {
    /// The threshold for an item of this kind.
    pub(crate) fn threshold_for(&self, kind: SectionKind) -> f64 {
        threshold_of(kind, self.threshold, self.cause_threshold)
    }
}

/// Causes have their own threshold; every other item the problems'.
fn threshold_of(kind: SectionKind, threshold: f64, cause_threshold: f64) -> f64 {
    if kind == SectionKind::Causes {
        cause_threshold
    } else {
        threshold
    }
}

impl Link {
    /// Measures that reach `threshold`, best first.
    pub(crate) fn answers(&self, threshold: f64) -> impl Iterator<Item = (usize, f64)> + '_ {
        self.scores
            .iter()
            .copied()
            .filter(move |&(k, s)| (s >= threshold && s >= self.floor) || self.mutual == Some(k))
    }
}

/// A problem or cause item, the index of its aspect heading if any, and
/// its position: which top-level item of its kind it is or sits under.
type Answerable<'a> = (SectionKind, &'a Item, Option<usize>, usize);

/// Problem items at the level the document uses (the deepest), with the
/// index of their aspect heading when they sit under one; then causes.
fn answerable<'a>(doc: &'a Document) -> (Vec<Answerable<'a>>, Vec<&'a Item>) {
    let mut items = Vec::new();
    let mut aspects = Vec::new();
    let mut tops = [0usize; 2];
    for s in &doc.outline.sections {
        let kind = if s.holds_problems() {
            SectionKind::Problems
        } else if s.kind == SectionKind::Causes {
            s.kind
        } else {
            continue;
        };
        let counter = &mut tops[usize::from(kind == SectionKind::Causes)];
        for top in &s.items {
            let position = *counter;
            *counter += 1;
            if top.children.is_empty() {
                items.push((kind, top, None, position));
                continue;
            }
            aspects.push(top);
            for leaf in top.leaves() {
                items.push((kind, leaf, Some(aspects.len() - 1), position));
            }
        }
    }
    (items, aspects)
}

/// Scores every problem and cause item against every top-level measure.
/// Every item is compared with every measure: a report has a few dozen of
/// each. Beyond these, the text is no single report (a pasted collection,
/// or a hostile input), and pairing its items would be quadratic: no links.
const MAX_ITEMS: usize = 400;
const MAX_MEASURES: usize = 100;

pub(crate) fn compute(model: &LinkModel, doc: &Document) -> Links {
    let measures: Vec<&Item> = doc
        .outline
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Measures)
        .flat_map(|s| s.items.iter())
        .collect();
    let (answerable, aspects) = answerable(doc);
    // Reports often answer in order: with no more problem aspects (or
    // causes) than measures, the k-th measure often answers the k-th (the
    // labelled sets: over half of the causes so placed, against about
    // one in six by chance); the rest of the measures answer other things.
    let tops_of = |kind: SectionKind| {
        answerable
            .iter()
            .filter(|a| a.0 == kind)
            .map(|a| a.3 + 1)
            .max()
            .unwrap_or(0)
    };
    let parallel = [
        tops_of(SectionKind::Problems) <= measures.len(),
        tops_of(SectionKind::Causes) <= measures.len(),
    ];
    if answerable.len() > MAX_ITEMS || measures.len() > MAX_MEASURES {
        return Links {
            threshold: model.threshold,
            cause_threshold: model.cause_threshold,
            ..Links::default()
        };
    }
    let index = model.index(doc);
    let mut scratch = index.scratch();
    let mut bag = |span: &Range<usize>, label: &Range<usize>| {
        model.bag(&index, &mut scratch, span.clone(), label.clone())
    };
    let mut measure_bags: Vec<Bag> = measures.iter().map(|m| bag(&m.span, &m.label)).collect();
    let mut measure_labels: Vec<Bag> = measures.iter().map(|m| bag(&m.label, &m.label)).collect();
    for b in measure_bags.iter_mut().chain(measure_labels.iter_mut()) {
        b.densify(index.len());
    }
    // An aspect heading's similarity to each measure label, computed once.
    let aspect_scores: Vec<Vec<f64>> = aspects
        .iter()
        .map(|a| {
            let f = bag(&a.label, &a.label);
            measure_labels
                .iter()
                .map(|ml| bag::cosine(&f, ml))
                .collect()
        })
        .collect();
    let mut declared = declared(model, doc, &measures, &answerable);
    for g in grouped(doc, &measures, &answerable) {
        if !declared.iter().any(|d| (d.0, d.1) == (g.0, g.1)) {
            declared.push(g);
        }
    }
    // Each item's bag and its similarity to each measure: the whole item
    // against the whole measure, or the label's key words found in the
    // measure, whichever is stronger.
    let similar: Vec<(Bag, Vec<f64>)> = answerable
        .iter()
        .map(|(_, item, _, _)| {
            let f = bag(&item.span, &item.label);
            let label_f = bag(&item.label, &item.label);
            let row = measure_bags
                .iter()
                .map(|mb| {
                    bag::cosine(&f, mb).max(model.label_cover_weight * bag::coverage(&label_f, mb))
                })
                .collect();
            (f, row)
        })
        .collect();
    // A measure of stock words (加强班子建设, 提高政治站位) is a little like
    // every item and the answer to none; one like a single item keeps its
    // score. Its mean similarity to the other items of the kind, times
    // `hub-weight`, comes off: else the stock measure wins the items whose
    // own answer is worded apart.
    let (sums, counts) = hubs(&answerable, &similar, measures.len());
    let via = if model.via_problem_weight > 0.0 {
        via_problems(&answerable, &similar, index.len(), measures.len())
    } else {
        Vec::new()
    };
    let mut items: Vec<Link> = answerable
        .into_iter()
        .zip(similar)
        .enumerate()
        .map(|(i, ((kind, item, aspect, position), (f, row)))| {
            let kind_index = usize::from(kind == SectionKind::Causes);
            let parallel = parallel[kind_index];
            // The prior weighs as much against each kind's threshold.
            let position_weight = model.position_weight
                * threshold_of(kind, model.threshold, model.cause_threshold)
                / model.threshold;
            let mut scores: Vec<(usize, f64)> = row
                .iter()
                .enumerate()
                .map(|(k, &similarity)| {
                    // Its mean similarity to the other items of the kind.
                    let others = counts[kind_index].saturating_sub(1).max(1) as f64;
                    let hub = (sums[k][kind_index] - similarity) / others;
                    let mut s = (similarity - model.hub_weight * hub).max(0.0);
                    if let Some(a) = aspect {
                        s += model.aspect_weight * aspect_scores[a][k];
                    }
                    if parallel && k == position {
                        s += position_weight;
                    }
                    if let Some(v) = via.get(i).and_then(|row| row.get(k)) {
                        s += model.via_problem_weight * v;
                    }
                    (k, s.min(1.0))
                })
                .collect();
            // A measure that names the items of this kind it answers
            // answers those (score 1) and no other.
            let mut named = Vec::new();
            for (k, s) in &mut scores {
                match declared.iter().find(|d| d.0 == *k && d.1 == kind) {
                    Some(d) if d.2.contains(&i) => named.push(*k),
                    Some(_) => *s = 0.0,
                    None => {}
                }
            }
            // An item named by a measure is answered by the measures naming
            // it: the others keep their scores, under a floor of 1.
            let floor = if named.is_empty() {
                scores.iter().map(|s| s.1).fold(0.0, f64::max) * model.relative
            } else {
                1.0
            };
            for (k, s) in &mut scores {
                if named.contains(k) {
                    *s = 1.0;
                }
            }
            scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let shared = scores
                .first()
                .map(|&(k, _)| {
                    f.shared(&measure_bags[k], 4)
                        .into_iter()
                        .map(|id| model.name(doc, index.name(id)))
                        .collect()
                })
                .unwrap_or_default();
            Link {
                kind,
                id: item.id.clone(),
                label: item.label.clone(),
                scores,
                shared,
                floor,
                mutual: None,
            }
        })
        .collect();
    mutual_best(model, &mut items);
    Links {
        threshold: model.threshold,
        cause_threshold: model.cause_threshold,
        items,
        measures: measures
            .iter()
            .map(|m| Measure {
                id: m.id.clone(),
                label: m.label.clone(),
            })
            .collect(),
    }
}

/// The sums of each measure's similarities to the items of each kind
/// (problems, causes), and how many items there are of each: a measure
/// near every other item of a kind loses `hub-weight` times its mean
/// similarity to them (see `compute`).
type Hubs = (Vec<[f64; 2]>, [usize; 2]);

fn hubs(answerable: &[Answerable], similar: &[(Bag, Vec<f64>)], measures: usize) -> Hubs {
    let mut sums = vec![[0.0; 2]; measures];
    let mut counts = [0usize; 2];
    for (a, (_, row)) in answerable.iter().zip(similar) {
        let kind = usize::from(a.0 == SectionKind::Causes);
        counts[kind] += 1;
        for (sum, s) in sums.iter_mut().zip(row) {
            sum[kind] += s;
        }
    }
    (sums, counts)
}

/// For each cause (empty rows for problems), each measure's best product
/// of the cause's similarity to a problem and that problem's similarity to
/// the measure. A cause explains problems, and the measure that answers
/// them answers it too, in spirit: 宗旨意识淡化 by the measure for
/// 为群众办实事力度不够 (加装电梯), though the two share no word.
fn via_problems(
    answerable: &[Answerable],
    similar: &[(Bag, Vec<f64>)],
    ids: usize,
    measures: usize,
) -> Vec<Vec<f64>> {
    let problems: Vec<usize> = (0..answerable.len())
        .filter(|&i| answerable[i].0 == SectionKind::Problems)
        .collect();
    (0..answerable.len())
        .map(|i| {
            if answerable[i].0 != SectionKind::Causes {
                return Vec::new();
            }
            let mut cause = similar[i].0.clone();
            cause.densify(ids);
            let near: Vec<(f64, &[f64])> = problems
                .iter()
                .map(|&p| (bag::cosine(&similar[p].0, &cause), similar[p].1.as_slice()))
                .collect();
            (0..measures)
                .map(|k| near.iter().map(|(c, row)| c * row[k]).fold(0.0, f64::max))
                .collect()
        })
        .collect()
}

/// Measures whose labels name the items they answer (`对应第1、2项`): the
/// measure's index, the kind of item named, and the named items' indices in
/// `answerable`. Numbers are the items' own when the items of that kind
/// are numbered once through (1 … 9), else the top-level items' order
/// (一是 restarting under each aspect: 第二项 is the second aspect). A
/// measure naming a number no item has is left to the similarity.
fn declared(
    model: &LinkModel,
    doc: &Document,
    measures: &[&Item],
    answerable: &[Answerable],
) -> Vec<(usize, SectionKind, Vec<usize>)> {
    let Some(re) = &model.references else {
        return Vec::new();
    };
    let text = doc.text();
    let mut out = Vec::new();
    for (k, m) in measures.iter().enumerate() {
        let Some((kind, numbers)) = references::parse(re, &text[m.label.clone()]) else {
            continue;
        };
        let of_kind: Vec<usize> = (0..answerable.len())
            .filter(|&i| answerable[i].0 == kind)
            .collect();
        let mut values: Vec<u32> = of_kind
            .iter()
            .map(|&i| answerable[i].1.marker.value)
            .collect();
        values.sort_unstable();
        let once_through = values.windows(2).all(|w| w[0] != w[1]);
        let named = |n: u32| -> Vec<usize> {
            of_kind
                .iter()
                .copied()
                .filter(|&i| {
                    let (_, item, _, position) = answerable[i];
                    if once_through {
                        item.marker.value == n
                    } else {
                        position as u32 + 1 == n
                    }
                })
                .collect()
        };
        let items: Option<Vec<Vec<usize>>> = numbers
            .iter()
            .map(|&n| Some(named(n)).filter(|v| !v.is_empty()))
            .collect();
        if let Some(items) = items {
            out.push((k, kind, items.concat()));
        }
    }
    out
}

/// In a report written problem by problem (问题一：… 原因分析：… 整改措施：…),
/// each measure of a group answers the group's problem and causes: the
/// layout says so, as a measure naming its problem does.
fn grouped(
    doc: &Document,
    measures: &[&Item],
    answerable: &[Answerable],
) -> Vec<(usize, SectionKind, Vec<usize>)> {
    let index_of = |item: &Item| answerable.iter().position(|a| std::ptr::eq(a.1, item));
    let mut out = Vec::new();
    // The items of the group being read, by kind (problems, causes).
    let mut group: [Vec<usize>; 2] = [Vec::new(), Vec::new()];
    for s in doc.outline.sections.iter() {
        if !s.point {
            group = [Vec::new(), Vec::new()];
            continue;
        }
        match s.kind {
            SectionKind::Problems | SectionKind::Causes => {
                let at = usize::from(s.kind == SectionKind::Causes);
                if s.kind == SectionKind::Problems && !group[1].is_empty() {
                    group = [Vec::new(), Vec::new()];
                }
                let leaves = s.leaves().into_iter().filter_map(&index_of);
                group[at].extend(leaves);
            }
            SectionKind::Measures => {
                for m in &s.items {
                    let Some(k) = measures.iter().position(|x| std::ptr::eq(*x, m)) else {
                        continue;
                    };
                    for (kind, items) in [SectionKind::Problems, SectionKind::Causes]
                        .into_iter()
                        .zip(&group)
                    {
                        if !items.is_empty() {
                            out.push((k, kind, items.clone()));
                        }
                    }
                }
                // The next problem opens the next group.
                group[0].clear();
                group[1].clear();
            }
            SectionKind::Other => {}
        }
    }
    out
}

/// Items no measure reaches the threshold for, paired with their best
/// measure when each is the other's best match among items of that kind
/// and the score reaches `mutual-floor` of the threshold with some word or
/// concept shared (not the position weight alone): a report answers
/// most of its items, and a measure that fits one item best is likelier
/// its answer than nobody's.
fn mutual_best(model: &LinkModel, items: &mut [Link]) {
    if model.mutual_floor <= 0.0 {
        return;
    }
    let threshold = |kind| threshold_of(kind, model.threshold, model.cause_threshold);
    let score = |l: &Link, k: usize| l.scores.iter().find(|s| s.0 == k).map_or(0.0, |s| s.1);
    let mut found = Vec::new();
    for (i, l) in items.iter().enumerate() {
        let t = threshold(l.kind);
        let Some(&(k, s)) = l.scores.first() else {
            continue;
        };
        // Some word or concept in common, not the position alone.
        if s >= t || s < model.mutual_floor * t || l.shared.is_empty() {
            continue;
        }
        let best_of_k = items
            .iter()
            .enumerate()
            .filter(|(j, o)| *j != i && o.kind == l.kind)
            .all(|(_, o)| score(o, k) < s);
        if best_of_k {
            found.push((i, k));
        }
    }
    for (i, k) in found {
        items[i].mutual = Some(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    /// A model whose scores can be worked out by hand: no synonyms or
    /// stopwords, and every weight but the ones a test sets at zero.
    fn model(position: f64, aspect: f64, relative: f64) -> LinkModel {
        let spec = LinkSpec {
            aspect_weight: aspect,
            position_weight: position,
            relative,
            ..model_spec()
        };
        LinkModel::new(&spec).unwrap()
    }

    fn model_spec() -> LinkSpec {
        LinkSpec {
            threshold: 0.12,
            cause_threshold: 0.07,
            label_weight: 1.0,
            aspect_weight: 0.0,
            position_weight: 0.0,
            relative: 0.0,
            mutual_floor: 0.0,
            hub_weight: 0.0,
            via_problem_weight: 0.0,
            group_weight: 1.0,
            label_cover_weight: 0.0,
            min_chars: 2,
            reference_cues: Vec::new(),
            synonyms: Vec::new(),
            stopwords: Vec::new(),
        }
    }

    fn links_of(model: &LinkModel, text: &str) -> Links {
        let source = Source::new("t", text);
        let seg = crate::segment::Segmenter::new([]);
        let keywords = serde_yaml::from_str(include_str!("../../rules/outline.yaml")).unwrap();
        let doc = Document::build(0, &source, &seg, &keywords);
        compute(model, &doc)
    }

    /// (item id, scores) of every link.
    fn scores(links: &Links) -> Vec<(&str, Vec<(usize, f64)>)> {
        links
            .items
            .iter()
            .map(|l| (l.id.as_str(), l.scores.clone()))
            .collect()
    }

    /// Problem by problem, each group's measures answer its problem and
    /// causes (score 1), and no other group's, though no word is shared.
    #[test]
    fn a_groups_measures_answer_its_problem_and_causes() {
        let text = "对照检查材料\n问题一：开会迟到早退。\n原因分析：思想放松警惕。\n整改措施：一是按时到会；二是请假报备。\n问题二：调研走访太少。\n整改措施：每月下乡两次。\n";
        let links = links_of(&model(0.0, 0.0, 0.0), text);
        let answers: Vec<(&str, Vec<usize>)> = links
            .items
            .iter()
            .map(|l| (l.id.as_str(), l.answers(0.12).map(|(k, _)| k).collect()))
            .collect();
        assert_eq!(
            answers,
            [("p1", vec![0, 1]), ("c1", vec![0, 1]), ("p2", vec![2])],
            "{answers:?}"
        );
    }

    // Problems and measures that share no word: every score is what the
    // position and aspect terms add.
    const PARALLEL: &str = "一、存在的问题\n1.开会迟到早退。\n2.调研走访太少。\n二、原因剖析\n1.思想放松警惕。\n三、整改措施\n1.理论学习。\n2.纪律规矩。\n";

    #[test]
    fn the_thresholds_are_the_models_and_causes_have_their_own() {
        let links = links_of(&model(0.0, 0.0, 0.0), PARALLEL);
        assert_eq!(links.threshold_for(SectionKind::Problems), 0.12);
        assert_eq!(links.threshold_for(SectionKind::Causes), 0.07);
        assert_eq!(links.threshold_for(SectionKind::Measures), 0.12);
        let ids: Vec<&str> = links.measures.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids.len(), 2);
        let kinds: Vec<SectionKind> = links.items.iter().map(|l| l.kind).collect();
        assert_eq!(
            kinds,
            [
                SectionKind::Problems,
                SectionKind::Problems,
                SectionKind::Causes
            ]
        );
    }

    /// No more problem aspects (or causes) than measures: the k-th measure
    /// gets the position weight for the k-th item, and only then; causes
    /// are counted on their own and get it in proportion to their
    /// threshold.
    #[test]
    fn the_kth_measure_gets_the_position_weight_for_the_kth_item_when_parallel() {
        let links = links_of(&model(0.05, 0.0, 0.6), PARALLEL);
        let got = scores(&links);
        assert_eq!(got[0].1, [(0, 0.05), (1, 0.0)], "{got:?}");
        assert_eq!(got[1].1, [(1, 0.05), (0, 0.0)], "{got:?}");
        // One cause, two measures: the first measure, at 0.07 / 0.12 of
        // the problems' weight.
        let cause = 0.05 * 0.07 / 0.12;
        assert_eq!(got[2].1[0].0, 0, "{got:?}");
        assert!((got[2].1[0].1 - cause).abs() < 1e-12, "{got:?}");
        assert_eq!(got[2].1[1], (1, 0.0), "{got:?}");
        // The floor is `relative` of the best score.
        assert!((links.items[0].floor - 0.05 * 0.6).abs() < 1e-15);
        assert!((links.items[2].floor - cause * 0.6).abs() < 1e-15);
        // Three measures for two problems: the first two still answer in
        // order, the third gets nothing.
        let three = PARALLEL.replace("2.纪律规矩。\n", "2.纪律规矩。\n3.廉洁自律。\n");
        let links = links_of(&model(0.05, 0.0, 0.6), &three);
        let got = scores(&links);
        assert_eq!(got[0].1, [(0, 0.05), (1, 0.0), (2, 0.0)], "{got:?}");
        assert_eq!(got[1].1, [(1, 0.05), (0, 0.0), (2, 0.0)], "{got:?}");
        // Three problems for two measures: no order to read, no weight.
        let more = PARALLEL.replace("2.调研走访太少。\n", "2.调研走访太少。\n3.文件照抄照转。\n");
        let links = links_of(&model(0.05, 0.0, 0.6), &more);
        let problems: Vec<_> = links
            .items
            .iter()
            .filter(|l| l.kind == SectionKind::Problems)
            .collect();
        assert_eq!(problems.len(), 3);
        assert!(
            problems
                .iter()
                .all(|l| l.scores.iter().all(|&(_, s)| s == 0.0)),
            "{:?}",
            scores(&links)
        );
    }

    /// A cause that shares no word with a measure is answered through the
    /// problem it explains: the measure's score gains `via-problem-weight`
    /// times the cause's similarity to that problem times the problem's to
    /// the measure; a measure answering no problem like the cause gains
    /// nothing, and problems gain nothing.
    #[test]
    fn a_cause_is_answered_through_the_problem_it_explains() {
        let text = "一、存在的问题\n1.为群众办实事不够，小区加装电梯推进缓慢。\n2.开会迟到早退。\n二、原因剖析\n1.宗旨意识淡化，为群众办实事不上心。\n三、整改措施\n1.推进小区加装电梯。\n2.严守会议纪律。\n";
        let with = |weight: f64| {
            let spec = LinkSpec {
                via_problem_weight: weight,
                ..model_spec()
            };
            links_of(&LinkModel::new(&spec).unwrap(), text)
        };
        let score = |links: &Links, id: &str, k: usize| {
            let l = links.items.iter().find(|l| l.id == id).unwrap();
            l.scores.iter().find(|s| s.0 == k).unwrap().1
        };
        let off = with(0.0);
        assert_eq!(score(&off, "c1", 0), 0.0, "{:?}", scores(&off));
        let (one, two) = (with(1.0), with(2.0));
        let via = score(&one, "c1", 0);
        // The cause is less like the problem than itself: the product is
        // under the problem's own score.
        assert!(
            via > 0.0 && via < score(&one, "p1", 0),
            "{:?}",
            scores(&one)
        );
        assert!((score(&two, "c1", 0) - 2.0 * via).abs() < 1e-12);
        assert_eq!(score(&one, "c1", 1), 0.0);
        assert_eq!(scores(&one)[..2], scores(&off)[..2]);
    }

    /// A problem under an aspect heading gets `aspect-weight` times the
    /// similarity of its own aspect's heading to each measure's label.
    #[test]
    fn an_item_under_an_aspect_is_scored_with_its_own_aspects_heading() {
        let text = "一、存在的问题\n（一）理论学习\n1.开会迟到早退。\n（二）纪律规矩\n1.调研走访太少。\n二、整改措施\n（一）理论学习\n（二）纪律规矩\n";
        let links = links_of(&model(0.0, 0.3, 0.0), text);
        let got = scores(&links);
        assert_eq!(got.len(), 2, "{got:?}");
        let near = |x: f64, y: f64| (x - y).abs() < 1e-9;
        assert_eq!(got[0].1[0].0, 0, "{got:?}");
        assert!(near(got[0].1[0].1, 0.3) && got[0].1[1].1 == 0.0, "{got:?}");
        assert_eq!(got[1].1[0].0, 1, "{got:?}");
        assert!(near(got[1].1[0].1, 0.3) && got[1].1[1].1 == 0.0, "{got:?}");
    }

    /// A measure answers an item when its score reaches both the threshold
    /// and the item's floor (both inclusive).
    #[test]
    fn answers_reach_both_the_threshold_and_the_floor() {
        let link = Link {
            kind: SectionKind::Problems,
            id: "p1".into(),
            label: 0..0,
            scores: vec![(2, 0.5), (0, 0.3), (1, 0.2)],
            shared: Vec::new(),
            floor: 0.3,
            mutual: None,
        };
        let ids = |t: f64| -> Vec<usize> { link.answers(t).map(|(k, _)| k).collect() };
        assert_eq!(ids(0.1), [2, 0]);
        assert_eq!(ids(0.3), [2, 0]);
        assert_eq!(ids(0.31), [2]);
        assert_eq!(ids(0.6), Vec::<usize>::new());
    }

    /// Problems `a` and `b` with their scores for two measures.
    fn pair(a: [f64; 2], b: [f64; 2], kinds: [SectionKind; 2]) -> Vec<Link> {
        let link = |id: &str, s: [f64; 2], kind| {
            let mut scores = vec![(0, s[0]), (1, s[1])];
            scores.sort_by(|x, y| y.1.total_cmp(&x.1));
            Link {
                kind,
                id: id.into(),
                label: 0..0,
                scores,
                shared: vec!["学习".into()],
                floor: 0.0,
                mutual: None,
            }
        };
        vec![link("a", a, kinds[0]), link("b", b, kinds[1])]
    }

    /// Below the threshold (0.12 here), an item is answered by its best
    /// measure only when no other item of its kind scores higher with it,
    /// only from `mutual-floor` of the threshold (0.4 × 0.12 = 0.048), and
    /// only with some word shared.
    #[test]
    fn an_item_below_the_threshold_takes_a_measure_that_fits_it_best() {
        let spec = LinkSpec {
            mutual_floor: 0.4,
            ..model_spec()
        };
        let m = LinkModel::new(&spec).unwrap();
        let p = SectionKind::Problems;
        let answered = |items: &[Link]| -> Vec<Vec<usize>> {
            items
                .iter()
                .map(|l| l.answers(0.12).map(|(k, _)| k).collect())
                .collect()
        };
        // a fits m1 best and m1 fits a best: answered; b's best is m1 too,
        // where a scores higher: not.
        let mut items = pair([0.08, 0.01], [0.05, 0.02], [p, p]);
        mutual_best(&m, &mut items);
        assert_eq!(answered(&items), [vec![0], Vec::<usize>::new()]);
        // Under the floor: not answered.
        let mut items = pair([0.04, 0.01], [0.0, 0.02], [p, p]);
        mutual_best(&m, &mut items);
        assert_eq!(answered(&items), [Vec::<usize>::new(), Vec::new()]);
        // Another item scores higher with m1, but it is a cause: each kind
        // is compared among its own.
        let mut items = pair([0.08, 0.01], [0.10, 0.0], [p, SectionKind::Causes]);
        mutual_best(&m, &mut items);
        assert_eq!(answered(&items)[0], vec![0]);
        // Nothing shared with the measure (its score is the position
        // weight alone): not answered.
        let mut items = pair([0.08, 0.01], [0.05, 0.02], [p, p]);
        items[0].shared.clear();
        mutual_best(&m, &mut items);
        assert_eq!(answered(&items), [Vec::<usize>::new(), Vec::new()]);
        // Off at 0.
        let m0 = LinkModel::new(&model_spec()).unwrap();
        let mut items = pair([0.08, 0.01], [0.05, 0.02], [p, p]);
        mutual_best(&m0, &mut items);
        assert_eq!(answered(&items), [Vec::<usize>::new(), Vec::new()]);
    }

    /// A measure naming problems (对应第2项) answers those, not the
    /// problems it only shares words with, and still answers causes by
    /// their words; a number no problem has leaves the measure to its
    /// words.
    #[test]
    fn a_measure_naming_problems_answers_those_and_causes_by_words() {
        let spec = LinkSpec {
            reference_cues: vec!["对应".into()],
            ..model_spec()
        };
        let m = LinkModel::new(&spec).unwrap();
        let answered = |links: &Links| -> Vec<(String, Vec<usize>)> {
            let t = |l: &Link| links.threshold_for(l.kind);
            links
                .items
                .iter()
                .map(|l| (l.id.clone(), l.answers(t(l)).map(|(k, _)| k).collect()))
                .collect()
        };
        let text = "一、存在的问题\n1.理论学习不够。\n2.调研走访太少。\n二、原因剖析\n1.理论学习放松。\n三、整改措施\n1.（对应第2项）加强理论学习。\n";
        let got = answered(&links_of(&m, text));
        assert_eq!(
            got,
            [
                ("p1".to_string(), vec![]),
                ("p2".to_string(), vec![0]),
                ("c1".to_string(), vec![0]),
            ]
        );
        let none = answered(&links_of(&m, &text.replace("第2项", "第5项")));
        assert_eq!(none[0].1, [0], "{none:?}");
        assert!(none[1].1.is_empty(), "{none:?}");
    }

    /// Beyond 400 answerable items or 100 measures the text is no single
    /// report: no links, the thresholds kept.
    #[test]
    fn links_stop_beyond_four_hundred_items_or_a_hundred_measures() {
        // Markers count to 99: 50 points under each aspect, 50 measures
        // under each measures heading.
        let report = |problems: usize, measures: usize| {
            let mut t = String::from("一、存在的问题\n");
            for i in 0..problems {
                if i % 50 == 0 {
                    t.push_str(&format!(
                        "（{}）理论学习方面\n",
                        "一二三四五六七八九十".chars().nth(i / 50).unwrap()
                    ));
                }
                t.push_str(&format!("{}.开会迟到早退。\n", i % 50 + 1));
            }
            for i in 0..measures {
                if i % 50 == 0 {
                    t.push_str(&format!(
                        "{}、整改措施\n",
                        "二三四五".chars().nth(i / 50).unwrap()
                    ));
                }
                t.push_str(&format!("{}.理论学习。\n", i % 50 + 1));
            }
            t
        };
        let m = model(0.0, 0.0, 0.0);
        let links = links_of(&m, &report(400, 1));
        assert_eq!((links.items.len(), links.measures.len()), (400, 1));
        let links = links_of(&m, &report(401, 1));
        assert_eq!((links.items.len(), links.measures.len()), (0, 0));
        assert_eq!(links.threshold_for(SectionKind::Causes), 0.07);
        let links = links_of(&m, &report(1, 100));
        assert_eq!((links.items.len(), links.measures.len()), (1, 100));
        let links = links_of(&m, &report(1, 101));
        assert_eq!((links.items.len(), links.measures.len()), (0, 0));
    }
}
