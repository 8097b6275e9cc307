//! The shape of `src/`: the model (`profile`) sits at the bottom, over small support modules only,
//! and no two top-level modules import each other, however indirectly. Read from the sources'
//! `crate::<module>` paths (comments left out), so a new import that breaks either fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// What the model may import: support modules with no knowledge of clouds, files or the browser.
const MODEL_MAY_USE: &[&str] = &["ascii_url", "date", "json", "secret", "words"];

/// The top-level modules each top-level module of `src/` names, from its code (not its comments).
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = BTreeMap::new();
    for entry in fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "lib" {
            continue;
        }
        let mut found = BTreeSet::new();
        for file in rust_files(&path) {
            for line in fs::read_to_string(&file).unwrap().lines() {
                let code = line.split("//").next().unwrap_or("");
                for (at, _) in code.match_indices("crate::") {
                    let module: String = code[at + "crate::".len()..]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if !module.is_empty() && module != name {
                        found.insert(module);
                    }
                }
            }
        }
        graph.insert(name, found);
    }
    graph
}

fn rust_files(path: &Path) -> Vec<std::path::PathBuf> {
    if path.is_file() {
        return if path.extension().is_some_and(|e| e == "rs") {
            vec![path.to_path_buf()]
        } else {
            vec![]
        };
    }
    fs::read_dir(path)
        .unwrap()
        .flat_map(|e| rust_files(&e.unwrap().path()))
        .collect()
}

#[test]
fn the_model_imports_only_support_modules() {
    let graph = imports();
    let above: Vec<&String> = graph["profile"]
        .iter()
        .filter(|m| !MODEL_MAY_USE.contains(&m.as_str()))
        .collect();
    assert!(above.is_empty(), "src/profile imports {above:?}");
    for support in MODEL_MAY_USE {
        assert!(
            graph[*support].is_subset(&MODEL_MAY_USE.iter().map(|s| s.to_string()).collect()),
            "{support} imports {:?}",
            graph[*support]
        );
    }
}

#[test]
fn no_two_modules_import_each_other() {
    let graph = imports();
    // Depth-first: a module met again while still on the path closes a cycle.
    fn visit<'a>(
        module: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) {
        if done.contains(module) {
            return;
        }
        if let Some(at) = path.iter().position(|m| *m == module) {
            panic!("import cycle: {} -> {module}", path[at..].join(" -> "));
        }
        path.push(module);
        for next in graph.get(module).into_iter().flatten() {
            visit(next, graph, path, done);
        }
        path.pop();
        done.insert(module);
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        visit(module, &graph, &mut Vec::new(), &mut done);
    }
}
