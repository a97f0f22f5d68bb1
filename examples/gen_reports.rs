//! Generates synthetic reports for benchmarks: the genre's structure
//! (title, problems with aspects and 一是/二是 items, causes, measures) filled
//! with text from a word-bigram model of corpus/ (so every document is
//! different), plus planted copies for the cross-document rules.
//!
//! Usage: gen_reports OUT_DIR COUNT [CHARS_PER_DOC]
//! Writes OUT_DIR/r00000.txt … and OUT_DIR/planted.tsv (copy, source, chars).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: deterministic, no dependency.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

struct Model {
    words: Vec<String>,
    next: HashMap<usize, Vec<usize>>,
}

impl Model {
    fn train(texts: &[String]) -> Model {
        let seg = critique_lint::Segmenter::new([]);
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut words = Vec::new();
        let mut next: HashMap<usize, Vec<usize>> = HashMap::new();
        for text in texts {
            for line in text.lines() {
                let mut prev: Option<usize> = None;
                for t in seg.cut(line) {
                    let w = t;
                    // Keep prose only: numbering comes from the template, and
                    // quotes or brackets chained at random would never pair up.
                    if w.chars()
                        .any(|c| c.is_ascii_digit() || "“”‘’（）()《》【】".contains(c))
                    {
                        continue;
                    }
                    let id = *ids.entry(w.to_string()).or_insert_with(|| {
                        words.push(w.to_string());
                        words.len() - 1
                    });
                    if let Some(p) = prev {
                        next.entry(p).or_default().push(id);
                    }
                    prev = Some(id);
                }
            }
        }
        Model { words, next }
    }

    /// A topic: two words of at least two characters, e.g. 调研基层.
    fn topic(&self, rng: &mut Rng) -> String {
        let mut out = String::new();
        while out.chars().count() < 4 {
            let w = &self.words[rng.below(self.words.len())];
            if w.chars().count() >= 2 && w.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
                out.push_str(w);
            }
        }
        out
    }

    /// A sentence of about `chars` characters ending with 。
    fn sentence(&self, rng: &mut Rng, chars: usize) -> String {
        let mut out = String::new();
        let mut cur = rng.below(self.words.len());
        while out.chars().count() < chars {
            let w = &self.words[cur];
            if !(out.is_empty() && w.chars().all(|c| !c.is_alphanumeric())) && w != "。" {
                out.push_str(w);
            }
            // Follow the chain 40% of the time: text reads like the genre, but two
            // documents rarely share a run of 13 characters by chance.
            cur = match self.next.get(&cur) {
                Some(n) if rng.below(10) < 4 => n[rng.below(n.len())],
                _ => rng.below(self.words.len()),
            };
        }
        out.push('。');
        out
    }
}

const CN: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const ROOTS: [&str; 3] = ["理想信念", "宗旨意识", "纪律规矩"];
const ASPECTS: [&str; 6] = [
    "理论学习",
    "政治素质",
    "能力本领",
    "担当作为",
    "工作作风",
    "廉洁自律",
];

fn report(model: &Model, rng: &mut Rng, n: usize, target: usize) -> String {
    let mut s = String::new();
    let para = |rng: &mut Rng, k: usize| -> String {
        (0..k)
            .map(|_| {
                let len = 20 + rng.below(40);
                model.sentence(rng, len)
            })
            .collect()
    };
    let _ = writeln!(
        s,
        "{}年度民主生活会个人对照检查材料（第{n}号）\n",
        2020 + n % 6
    );
    let _ = writeln!(s, "{}", para(rng, 3));
    let _ = writeln!(s, "一、存在的问题");
    let per = target / 9;
    // Each problem item opens with a topic; the aspect's measure names the
    // topics of its items and each cause's root, as real reports do, so
    // most items are answered and findings stay as sparse as in real text.
    let mut topics: Vec<[String; 2]> = Vec::new();
    for (a, name) in ASPECTS.iter().enumerate() {
        let _ = writeln!(s, "（{}）在{name}方面。", CN[a]);
        let mut p = String::new();
        let pair = [model.topic(rng), model.topic(rng)];
        for (n, topic) in CN.iter().zip(&pair) {
            let _ = write!(p, "{n}是{topic}抓得不实。{}", para(rng, per / 100));
        }
        topics.push(pair);
        let _ = writeln!(s, "{p}");
    }
    let _ = writeln!(s, "二、原因剖析");
    for (n, root) in CN.iter().zip(ROOTS) {
        let _ = writeln!(s, "（{n}）{root}不够牢固。{}", para(rng, per / 60));
    }
    let _ = writeln!(s, "三、整改措施");
    for (a, name) in ASPECTS.iter().enumerate() {
        let root = ROOTS[a % ROOTS.len()];
        let [t1, t2] = &topics[a];
        // The aspect, root and topics, each among generated sentences, so
        // measures answer their problems without sharing a fixed line.
        let _ = writeln!(
            s,
            "（{}）{name}{}{root}{}{t1}{}{t2}{}",
            CN[a],
            para(rng, 1),
            para(rng, 1),
            para(rng, 1),
            para(rng, per / 110)
        );
    }
    let _ = writeln!(s, "恳请同志们批评指正。");
    s
}

/// A passage of `chars` characters from the middle of `text`, on char boundaries.
fn passage(text: &str, rng: &mut Rng, chars: usize) -> String {
    let body: Vec<char> = text.chars().filter(|c| *c != '\n').collect();
    let start = body.len() / 4 + rng.below(body.len() / 2);
    body[start..(start + chars).min(body.len())]
        .iter()
        .collect()
}

/// Inserts `p` as its own paragraph before the causes part.
fn plant(doc: &mut String, p: &str) {
    let at = doc.find("二、原因剖析").unwrap_or(doc.len());
    doc.insert_str(at, &format!("{p}\n"));
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: gen_reports OUT_DIR COUNT [CHARS_PER_DOC]");
        std::process::exit(2);
    }
    let out = Path::new(&args[1]);
    let count: usize = args[2].parse().expect("COUNT");
    let chars: usize = args.get(3).map_or(5000, |c| c.parse().expect("CHARS"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut texts = Vec::new();
    for dir in [root.clone(), root.join("eval/tune-1")] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "txt") {
                texts.push(std::fs::read_to_string(p).unwrap());
            }
        }
    }
    let template = std::fs::read_to_string(root.join("references/seed-2023-template.txt")).unwrap();
    let model = Model::train(&texts);
    std::fs::create_dir_all(out).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut docs: Vec<String> = (0..count)
        .map(|n| report(&model, &mut rng, n, chars))
        .collect();
    let mut planted = String::from("copy\tsource\tchars\n");
    for n in 1..count {
        let name = |i: usize| format!("r{i:05}.txt");
        if n % 10 == 0 {
            // Verbatim copy of 200 characters from the previous report.
            let p = passage(&docs[n - 1], &mut rng, 200);
            plant(&mut docs[n], &p);
            let _ = writeln!(planted, "{}\t{}\t200", name(n), name(n - 1));
        } else if n % 25 == 3 {
            // A passage of the circulated template.
            let p = passage(&template, &mut rng, 150);
            plant(&mut docs[n], &p);
            let _ = writeln!(planted, "{}\ttemplate\t150", name(n));
        }
    }
    for (n, d) in docs.iter().enumerate() {
        std::fs::write(out.join(format!("r{n:05}.txt")), d).unwrap();
    }
    std::fs::write(out.join("planted.tsv"), planted).unwrap();
    let total: usize = docs.iter().map(|d| d.len()).sum();
    println!("{count} reports, {:.1} MB", total as f64 / 1e6);
}
