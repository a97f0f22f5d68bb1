//! The one-way architecture, checked: every module of `src/` imports only
//! modules of its own stage or earlier ones, as the stage table of
//! ARCHITECTURE.md lists them, and `src/lib.rs` declares them in that order.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// module → stage, from the table under "## Stages" in ARCHITECTURE.md:
/// rows `| 3 | segment | … |` (several modules separated by commas).
fn stages() -> HashMap<String, usize> {
    let doc = std::fs::read_to_string(root().join("ARCHITECTURE.md")).unwrap();
    let table = doc.split("## Stages").nth(1).expect("a Stages section");
    let table = table.split("\n## ").next().unwrap();
    let mut out = HashMap::new();
    for line in table.lines().filter(|l| l.starts_with('|')) {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let Ok(stage) = cells[1].parse::<usize>() else {
            continue;
        };
        for m in cells[2].split(',') {
            out.insert(m.trim().trim_matches('`').to_string(), stage);
        }
    }
    assert!(out.len() > 10, "stage table not found: {out:?}");
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a file of src/ belongs to (`links` for
/// src/links/model.rs), or None for lib.rs and main.rs.
fn module_of(file: &Path) -> Option<String> {
    let rel = file.strip_prefix(root().join("src")).unwrap();
    let first = rel.components().next()?.as_os_str().to_str()?.to_string();
    let name = first.trim_end_matches(".rs").to_string();
    (name != "lib" && name != "main").then_some(name)
}

/// Every `crate::name` a text mentions outside comments, with its line.
fn crate_refs(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut rest = line.split("//").next().unwrap_or("");
        while let Some(i) = rest.find("crate::") {
            let after = &rest[i + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            // `other_crate::x` is another crate's path, not ours.
            let before = rest[..i].chars().next_back();
            if !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') && !name.is_empty() {
                out.push((n + 1, name));
            }
            rest = after;
        }
    }
    out
}

/// Violations of the stage order in the files of `src/`.
fn violations(stages: &HashMap<String, usize>) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&root().join("src"), &mut files);
    files.sort();
    let mut out = Vec::new();
    for file in &files {
        let Some(module) = module_of(file) else {
            continue;
        };
        let own = *stages
            .get(&module)
            .unwrap_or_else(|| panic!("{module} is missing from ARCHITECTURE.md's stage table"));
        let text = std::fs::read_to_string(file).unwrap();
        for (line, used) in crate_refs(&text) {
            let theirs = *stages
                .get(&used)
                .unwrap_or_else(|| panic!("{}:{line}: unknown module {used}", file.display()));
            if theirs > own {
                out.push(format!(
                    "{}:{line}: {module} (stage {own}) uses {used} (stage {theirs})",
                    file.display()
                ));
            }
        }
        // `super::super::x` from a module's second level reaches the crate
        // root: an import in disguise.
        let depth = file
            .strip_prefix(root().join("src"))
            .unwrap()
            .components()
            .count();
        if depth == 2 && text.contains("super::super::") {
            out.push(format!(
                "{}: super::super reaches the crate root; write crate::",
                file.display()
            ));
        }
    }
    out
}

#[test]
fn no_module_imports_a_later_stage() {
    let found = violations(&stages());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_later_stage_in_the_table_would_be_caught() {
    // The check can fail: move `rules` after `config` and the imports of
    // config/rule_set.rs become violations.
    let mut stages = stages();
    stages.insert("rules".into(), 99);
    let found = violations(&stages);
    assert!(
        found
            .iter()
            .any(|v| v.contains("config") && v.contains("uses rules")),
        "{found:?}"
    );
}

#[test]
fn lib_declares_modules_in_stage_order() {
    let stages = stages();
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let declared: Vec<(String, usize)> = lib
        .lines()
        .filter_map(|l| {
            let l = l.trim_start_matches("pub ");
            let name = l.strip_prefix("mod ")?.trim_end_matches(';').to_string();
            let stage = stages[&name];
            Some((name, stage))
        })
        .collect();
    assert_eq!(
        declared.len(),
        stages.len(),
        "every stage module is declared"
    );
    for pair in declared.windows(2) {
        assert!(
            pair[0].1 <= pair[1].1,
            "{} is declared before {}",
            pair[0].0,
            pair[1].0
        );
    }
}

#[test]
fn the_reference_scanner_finds_imports() {
    let refs = crate_refs(
        "use crate::config::Config;\nlet x = crate::links::compute(); // crate::report\nuse other_crate::x;",
    );
    assert_eq!(refs, vec![(1, "config".into()), (2, "links".into())]);
}
