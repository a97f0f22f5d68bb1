//! `--format html` in a real browser: headless Chromium opens the page at
//! `#selftest`, which opens every view the way a user would and writes what
//! it sees into the DOM; these tests compare that with the JSON output and
//! `outline --format json` of the same files.
//!
//! Without Chromium the browser tests fail when `CI` is set (`.ci/run`
//! installs Debian's `chromium`) and are skipped with a notice otherwise.

mod common;
use common::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The browser, or None (with a notice) when it may be missing.
fn chromium() -> Option<PathBuf> {
    let names = ["chromium", "chromium-browser", "google-chrome"];
    let found = std::env::var_os("CHROMIUM").map(PathBuf::from).or_else(|| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .flat_map(|d| names.iter().map(move |n| d.join(n)))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "Chromium not found: the browser tests need Debian's `chromium` package \
             (apt-get install -y chromium; .ci/run installs it) or CHROMIUM=/path/to/chrome"
        );
        eprintln!("notice: Chromium not found, browser tests skipped (install `chromium`)");
    }
    found
}

/// Runs headless Chromium on `url`; returns (dumped DOM, stderr, seconds).
fn browse(browser: &Path, url: &str, extra: &[&str]) -> (String, String, f64) {
    let profile = tempfile::tempdir().unwrap();
    let start = Instant::now();
    let mut child = Command::new(browser)
        .args([
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1400,900",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut out, &mut s).unwrap();
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut err, &mut s).unwrap();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(180);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            child.kill().unwrap();
            panic!("Chromium did not finish within 180 s on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let seconds = start.elapsed().as_secs_f64();
    (reader.join().unwrap(), err_reader.join().unwrap(), seconds)
}

/// The messages the page wrote to the console (it writes none).
fn console(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.contains(":CONSOLE")).collect()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Opens `page#selftest` and returns what the self-test saw, and the DOM.
fn selftest(browser: &Path, page: &Path) -> (Value, String) {
    let url = format!("file://{}#selftest", page.display());
    let (dom, stderr, _) = browse(browser, &url, &["--dump-dom"]);
    let messages = console(&stderr);
    assert!(messages.is_empty(), "console messages: {messages:#?}");
    let open = "<pre id=\"selftest\">";
    let at = dom
        .rfind(open)
        .unwrap_or_else(|| panic!("no self-test result; stderr:\n{stderr}"));
    let body = &dom[at + open.len()..];
    let body = &body[..body.find("</pre>").unwrap()];
    let result: Value = serde_json::from_str(&unescape(body)).unwrap();
    assert_eq!(result["errors"], serde_json::json!([]), "page errors");
    (result, dom)
}

/// Writes the HTML report of `paths` into `dir/报告.html`.
fn html(dir: &Path, paths: &[&Path], extra: &[&str]) -> PathBuf {
    let out = dir.join("报告.html");
    let status = bin()
        .arg("--format")
        .arg("html")
        .arg("-o")
        .arg(&out)
        .args(paths)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        status.status.code().unwrap() < 2,
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    out
}

const COPIED: &str = "去年九月我在全县安全生产大检查中只听取了汇报，没有深入任何一家危化品企业的生产车间，对三处重大隐患的整改进度也没有跟踪督办。今年以来分管的交通运输领域发生两起较大事故，我虽然到现场指挥了救援，但事后没有组织系统的复盘。";

/// `base` with `passage` appended to its first long paragraph after line 4.
fn planted(base: &str, passage: &str) -> String {
    let mut lines: Vec<String> = base.lines().map(String::from).collect();
    let at = (4..lines.len())
        .find(|&i| lines[i].chars().count() > 80)
        .unwrap();
    lines[at].push_str(passage);
    lines.join("\n")
}

/// A team: corpus reports, two sharing a planted passage, one a near-whole
/// copy of good-01 under another name.
fn team(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for name in [
        "good-01-yi-guanyu.txt",
        "good-02-plain-headings.txt",
        "bad-placeholder.txt",
        "bad-vague.txt",
        "bad-numbering.txt",
    ] {
        let p = dir.join(name);
        std::fs::copy(corpus(name), &p).unwrap();
        out.push(p);
    }
    let read = |n: &str| std::fs::read_to_string(corpus(n)).unwrap();
    // A problem no measure answers, so the page has one to mark.
    let unanswered = read("bad-placeholder.txt").replacen(
        "\n二、原因剖析",
        "\n（五）在网络舆情方面。一是处置网络舆情不及时，今年5月一起网上投诉发酵两周才回应。\n二、原因剖析",
        1,
    );
    std::fs::write(&out[2], unanswered).unwrap();
    for (name, base) in [
        ("甲.txt", "good-03-part.txt"),
        ("乙.txt", "good-05-topic.txt"),
    ] {
        let p = dir.join(name);
        std::fs::write(&p, planted(&read(base), COPIED)).unwrap();
        out.push(p);
    }
    let p = dir.join("抄袭.txt");
    let copy = read("good-01-yi-guanyu.txt")
        .replace("县自然资源局局长", "县住建局副局长")
        .replace("耕地保护", "城市更新");
    std::fs::write(&p, copy).unwrap();
    out.push(p);
    out
}

/// Findings per file, from `--format json` on the same files.
fn json_counts(paths: &[&Path]) -> BTreeMap<String, usize> {
    let args: Vec<&str> = paths.iter().map(|p| p.to_str().unwrap()).collect();
    let (_, json) = check_json(&args);
    let mut out: BTreeMap<String, usize> = args.iter().map(|a| (a.to_string(), 0)).collect();
    for d in json["diagnostics"].as_array().unwrap() {
        *out.get_mut(d["path"].as_str().unwrap()).unwrap() += 1;
    }
    out
}

/// (problem or cause, measure) pairs and the unanswered items, per file,
/// from `outline --format json`.
type Links = (BTreeSet<(String, String)>, BTreeSet<String>);

fn outline_links(paths: &[&Path]) -> BTreeMap<String, Links> {
    let out = bin()
        .arg("outline")
        .arg("--format")
        .arg("json")
        .args(paths)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut result = BTreeMap::new();
    for d in json["documents"].as_array().unwrap() {
        let mut lines = BTreeSet::new();
        let mut unanswered = BTreeSet::new();
        for l in d["links"].as_array().unwrap() {
            let from = l["from"].as_str().unwrap().to_string();
            let to = l["to"].as_array().unwrap();
            if to.is_empty() {
                unanswered.insert(from.clone());
            }
            for t in to {
                lines.insert((from.clone(), t["item"].as_str().unwrap().to_string()));
            }
        }
        result.insert(d["path"].as_str().unwrap().to_string(), (lines, unanswered));
    }
    result
}

fn drawn(report: &Value) -> BTreeSet<(String, String)> {
    report["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            assert_eq!(l[2], true, "line {l} does not touch both its items");
            (
                l[0].as_str().unwrap().to_string(),
                l[1].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn every_finding_is_highlighted_links_are_drawn_and_a_heat_map_cell_opens_the_copies() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let paths = team(dir.path());
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let page = html(dir.path(), &paths, &[]);
    let (result, _) = selftest(&browser, &page);

    // Every finding of the JSON output is highlighted, on its own text.
    let counts = json_counts(&paths);
    let reports = result["reports"].as_array().unwrap();
    assert_eq!(reports.len(), paths.len());
    for r in reports {
        let name = r["name"].as_str().unwrap();
        assert_eq!(r["highlighted"], counts[name], "{name}");
        assert_eq!(r["numbers"], counts[name], "{name}: numbered");
        assert_eq!(r["notes"], counts[name], "{name}: margin notes");
        assert_eq!(r["wrong"], serde_json::json!([]), "{name}");
    }
    assert!(counts.values().sum::<usize>() > 40, "{counts:?}");

    // The lines are the links `outline` computes, and touch their items.
    let links = outline_links(&paths);
    for r in reports {
        let name = r["name"].as_str().unwrap();
        let (lines, unanswered) = &links[name];
        assert_eq!(&drawn(r), lines, "{name}");
        let marked: BTreeSet<String> = r["unanswered"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect();
        assert_eq!(&marked, unanswered, "{name}");
    }
    // good-01 answers aspect k with measure k; its causes 理想信念, 群众立场
    // and 纪律规矩 with 制度化学习, 专班攻坚 and 严管严控.
    let good = reports
        .iter()
        .find(|r| {
            r["name"]
                .as_str()
                .unwrap()
                .ends_with("good-01-yi-guanyu.txt")
        })
        .unwrap();
    let want: BTreeSet<(String, String)> = [
        ("p1.1", "m1"),
        ("p1.2", "m1"),
        ("p2.1", "m2"),
        ("p2.2", "m2"),
        ("p3.1", "m3"),
        ("p3.2", "m3"),
        ("p4.1", "m4"),
        ("p4.2", "m4"),
        ("c1", "m1"),
        ("c2", "m2"),
        ("c3", "m4"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(drawn(good), want);
    assert!(
        !links[paths[2].to_str().unwrap()].1.is_empty(),
        "bad-placeholder has an unanswered item"
    );

    // The darkest cell is the near-whole copy: clicking it shows both texts
    // with the copied passage highlighted in each.
    let heat = &result["heat"];
    assert!(
        heat["view"].as_str().unwrap().starts_with("#pair/"),
        "{heat}"
    );
    let pair: Vec<&str> = heat["pair"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(
        pair.iter().any(|p| p.ends_with("good-01-yi-guanyu.txt")),
        "{pair:?}"
    );
    assert!(pair.iter().any(|p| p.ends_with("抄袭.txt")), "{pair:?}");
    for side in heat["passages"].as_array().unwrap() {
        let text: String = side
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m.as_str().unwrap())
            .collect();
        assert!(text.contains("一是学习计划执行打了折扣"), "{text}");
        assert!(text.contains("二是项目用地保障主动性弱"), "{text}");
    }
}

/// Text that would run script if any of it became markup.
const HOSTILE: &str = "关于<script>document.title='PWNED';window.PWNED=1</script>的对照检查材料
一、存在的问题
1.学习不深入。</script><script>window.PWNED=1</script></textarea><img src=x onerror=\"window.PWNED=1\">
<a href=\"javascript:window.PWNED=1\">点击</a> javascript:window.PWNED=1 <!-- <iframe src=\"javascript:1\"> \u{202e}反转文字\u{202c} 有时不够深入。
二、原因剖析
1.理想信念不坚定，有所放松。<svg onload=\"window.PWNED=1\"></svg> ]]> ${window.PWNED=1} \u{2028}
三、整改措施
1.加强学习，做到<b onclick=\"window.PWNED=1\">学深悟透</b>。
";

#[test]
fn a_report_written_to_attack_the_page_runs_nothing_and_reads_as_text() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    // The file name is markup too.
    let evil = dir.path().join("<img src=x onerror=window.PWNED=1>.txt");
    std::fs::write(&evil, HOSTILE).unwrap();
    let other = dir.path().join("b.txt");
    std::fs::write(&other, HOSTILE.replace("关于", "有关")).unwrap();
    let page = html(dir.path(), &[&evil, &other], &[]);
    let (result, dom) = selftest(&browser, &page);
    assert_eq!(result["pwned"], false);
    assert_eq!(result["title"], "对照检查材料检查报告");
    let counts = json_counts(&[&evil, &other]);
    for r in result["reports"].as_array().unwrap() {
        let name = r["name"].as_str().unwrap();
        assert_eq!(r["highlighted"], counts[name], "{name}");
    }

    // The report view shows the markup as text, and bidi controls as codes.
    let url = format!("file://{}#r/0", page.display());
    let (dom0, stderr, _) = browse(&browser, &url, &["--dump-dom"]);
    assert!(console(&stderr).is_empty(), "{:#?}", console(&stderr));
    let main = &dom0[dom0.find("<main").unwrap()..dom0.find("</main>").unwrap()];
    assert!(
        main.contains("&lt;script&gt;document.title='PWNED'"),
        "{main}"
    );
    assert!(main.contains("&lt;img src=x onerror="), "{main}");
    assert!(
        main.contains("\\u{202e}"),
        "bidi override shown as its code"
    );
    assert!(!main.contains('\u{202e}'), "no raw bidi override");
    for dom in [&dom, &dom0] {
        let markup: Vec<&str> = [
            "<img",
            "<iframe",
            "<svg onload",
            "<b onclick",
            "<a href=\"javascript",
        ]
        .into_iter()
        .filter(|m| dom.contains(m))
        .collect();
        assert!(markup.is_empty(), "report text became markup: {markup:?}");
        assert_eq!(dom.matches("<script").count(), 2, "only the page's scripts");
    }
}

/// The data block of a page.
fn data(page: &str) -> Value {
    let open = "<script type=\"application/json\" id=\"data\">";
    let start = page.find(open).unwrap() + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    serde_json::from_str(&page[start..end]).unwrap()
}

#[test]
fn the_page_goes_to_standard_output_with_dash_and_verdicts_follow_fail_on() {
    let page = |fail_on: &str| {
        let out = bin()
            .args(["--format", "html", "-o", "-", "--fail-on", fail_on])
            .arg(corpus("bad-numbering.txt"))
            .arg(corpus("good-01-yi-guanyu.txt"))
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let warning = page("warning");
    assert!(warning.starts_with("<!DOCTYPE html>"));
    assert!(warning.trim_end().ends_with("</html>"));
    let verdicts = |page: &str| {
        let d = data(page);
        let r = d["reports"].as_array().unwrap().clone();
        (
            d["fail_on"].clone(),
            r.iter().map(|r| r["verdict"].clone()).collect::<Vec<_>>(),
        )
    };
    // bad-numbering has warnings only: sent back at warning, revised at error.
    assert_eq!(
        verdicts(&warning),
        (serde_json::json!("warning"), vec![2.into(), 0.into()])
    );
    assert_eq!(
        verdicts(&page("error")),
        (serde_json::json!("error"), vec![1.into(), 0.into()])
    );
}

/// `n` reports of about `chars` characters from the corpus: each joins
/// pieces of three reports, so some pairs share text, as a team's do.
fn many_reports(dir: &Path, n: usize, chars: usize) -> Vec<PathBuf> {
    let mut bases: Vec<String> = Vec::new();
    let mut folders = vec![root().join("corpus")];
    for e in std::fs::read_dir(root().join("corpus/eval")).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            folders.push(p);
        }
    }
    folders.sort();
    for f in folders {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&f)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        bases.extend(files.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    }
    (0..n)
        .map(|i| {
            let mut text = String::new();
            let mut k = 0;
            while text.chars().count() < chars {
                let b = &bases[(i * 7 + k * 31 + i / bases.len()) % bases.len()];
                let lines: Vec<&str> = b.lines().collect();
                let skip = if k == 0 { 0 } else { 1 };
                for l in &lines[skip..] {
                    text.push_str(l);
                    text.push('\n');
                }
                k += 1;
            }
            let cut: String = text.chars().take(chars).collect();
            let p = dir.join(format!("{i:04}.txt"));
            std::fs::write(&p, cut).unwrap();
            p
        })
        .collect()
}

/// Opens the page and returns (file bytes, ms until the page was ready by
/// its own clock, seconds of the whole browser run).
fn scale(n: usize) -> Option<(usize, u64, f64)> {
    let browser = chromium()?;
    let dir = tempfile::tempdir().unwrap();
    let reports = tempfile::tempdir().unwrap();
    many_reports(reports.path(), n, 5000);
    let page = html(dir.path(), &[reports.path()], &[]);
    let bytes = std::fs::metadata(&page).unwrap().len() as usize;
    let url = format!("file://{}#overview", page.display());
    let (dom, stderr, seconds) = browse(&browser, &url, &["--dump-dom"]);
    assert!(console(&stderr).is_empty(), "{:#?}", console(&stderr));
    let ready = dom
        .split("data-ready=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .and_then(|s| s.parse().ok())
        .expect("the page became ready");
    assert_eq!(
        dom.matches("<tr class=\"v-").count(),
        n,
        "one row per report"
    );
    Some((bytes, ready, seconds))
}

#[test]
fn a_hundred_reports_of_5000_characters_make_a_small_page_that_opens_quickly() {
    let Some((bytes, ready, seconds)) = scale(100) else {
        return;
    };
    eprintln!("100 reports: {bytes} bytes, ready after {ready} ms, browser run {seconds:.2} s");
    assert!(bytes < 5 << 20, "{bytes} bytes");
    assert!(ready < 2000, "ready after {ready} ms");
}

#[test]
#[ignore = "slow: checks 5 MB of reports; run with --ignored"]
fn a_thousand_reports_still_open() {
    let Some((bytes, ready, seconds)) = scale(1000) else {
        return;
    };
    eprintln!("1000 reports: {bytes} bytes, ready after {ready} ms, browser run {seconds:.2} s");
    assert!(ready < 20_000, "ready after {ready} ms");
}
