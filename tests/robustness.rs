//! No input makes critique-lint panic or produce a span that is not a valid
//! range of the text: corpus text cut at random places, spliced, and mixed
//! with markers, brackets and placeholders.

use critique_lint::Config;
use critique_lint::Engine;
use critique_lint::Source;

struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

const NOISE: &[&str] = &[
    "一是",
    "二是",
    "（三）",
    "(四)",
    "1.",
    "2、",
    "第二，",
    "第一部分",
    "“",
    "”",
    "（",
    "）",
    "《",
    "XX",
    "×××",
    "*",
    "20XX年",
    "____",
    "四个意识",
    "政治意识、",
    "维护习近平总书记",
    "。。",
    ",",
    "\r\n",
    "\r",
    "\n\n",
    "\u{3000}",
    "存在的问题\n",
    "原因剖析\n",
    "整改措施\n",
    "①",
    "十一、",
    "（填写",
    "某某",
    "有所",
    "还不够",
    "a",
    "1.5",
    "\t",
];

#[test]
fn random_splices_never_panic_and_spans_are_valid() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            (p.extension()? == "txt").then(|| std::fs::read_to_string(p).unwrap())
        })
        .collect();
    texts.sort();
    let engine = Engine::new(Config::defaults().unwrap(), &[], &[]).unwrap();
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut sources = Vec::new();
    for n in 0..300 {
        let mut s = String::new();
        for _ in 0..1 + rng.below(6) {
            let t = &texts[rng.below(texts.len())];
            let a = t.floor_char_boundary(rng.below(t.len()));
            let b = t.floor_char_boundary(a + rng.below(600));
            s.push_str(&t[a..b]);
            for _ in 0..rng.below(4) {
                s.push_str(NOISE[rng.below(NOISE.len())]);
            }
        }
        sources.push(Source::new(format!("r{n}.txt"), s));
    }
    let outcome = engine.check(&sources, sources.len(), None, &|| {});
    let (diagnostics, errors) = (outcome.diagnostics, outcome.errors);
    assert!(errors.is_empty(), "{errors:?}");
    assert!(!diagnostics.is_empty());
    for d in &diagnostics {
        let text = &sources[d.file].text;
        assert!(
            d.span.start <= d.span.end && d.span.end <= text.len(),
            "{d:?}"
        );
        assert!(
            text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end),
            "{d:?}"
        );
    }
}
