//! Mermaid's own parser reads what the Mermaid writer writes: the sample,
//! names that collide with Mermaid syntax, and random graphs with arbitrary
//! strings, each with as many nodes and links as the graph.
//!
//! Needs Node.js and the `mermaid` and `jsdom` npm packages, pinned in
//! `tools/mermaid/package.json` and its lockfile:
//!
//! ```text
//! (cd tools/mermaid && npm ci)
//! cargo test -p partnership-export --test mermaid_js
//! ```
//!
//! `MERMAID_JS` may name another folder where they are installed. Without
//! them the test fails under `CI=true` (`.ci/run` runs `npm ci`) and
//! otherwise prints a notice and passes.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::graphs::{export_options, graph};
use common::{render, sample};
use partnership_core::{Graph, Kind, Link, Node, Relation, Source};
use partnership_export::{ExportOptions, Format, Selection};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

/// Parses each file given after the package directory; prints one line per
/// file: `OK <vertices> <edges>` or `FAIL <message>`.
const CHECK: &str = r#"
import { createRequire } from 'module';
import { pathToFileURL } from 'url';
import fs from 'fs';
const [dir, ...files] = process.argv.slice(2);
const require = createRequire(dir + '/package.json');
const { JSDOM } = require('jsdom');
const dom = new JSDOM('<!DOCTYPE html><body></body>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import(pathToFileURL(require.resolve('mermaid')).href);
mermaid.initialize({ startOnLoad: false });
for (const f of files) {
  try {
    const d = await mermaid.mermaidAPI.getDiagramFromText(fs.readFileSync(f, 'utf8'));
    console.log('OK', d.db.getVertices().size, d.db.getEdges().length);
  } catch (e) {
    console.log('FAIL', String(e.message || e).split('\n').join(' | '));
  }
}
"#;

/// Names that mean something to Mermaid.
const TRICKY: &[&str] = &[
    "#quot;",
    "#35;",
    "&amp;",
    "style:#a;",
    "classDef x:#1;",
    "%%{init}%%",
    "$$\\frac{a}{b}$$",
    "end",
    "o",
    "x",
    "-->",
    "A---oB",
    "```",
    "|a|",
    "[(x)]",
    "<br/>",
    "a\nb",
    "\"",
    "a\\",
    "nul\u{0}",
    "Київ 🙂",
];

fn tricky_graph() -> Graph {
    let cite = Source {
        document: "d".into(),
        section: "s".into(),
    };
    let mut g = Graph::new();
    let names = (0x21u8..0x7f)
        .map(|c| format!("a{}b", char::from(c)))
        .chain(TRICKY.iter().map(|s| (*s).to_owned()));
    for (i, name) in names.enumerate() {
        let node = Node::new(
            name.clone(),
            Kind::ALL[i % Kind::ALL.len()],
            name,
            cite.clone(),
        );
        g.add_node(node).unwrap();
    }
    let ends: Vec<(String, Kind)> = g.nodes().map(|(_, n)| (n.id.clone(), n.kind)).collect();
    for pair in ends.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        if let Some(&relation) = Relation::ALL.iter().find(|r| r.allows(a.1, b.1)) {
            let mut link = Link::new(a.0.clone(), relation, b.0.clone(), cite.clone());
            link.role = Some(format!("as \"{}\"", a.0));
            g.add_link(link).unwrap();
        }
    }
    g
}

#[test]
fn mermaid_parses_every_chart() {
    let dir = std::env::var_os("MERMAID_JS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tools/mermaid"),
        PathBuf::from,
    );
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !node
        || !dir.join("node_modules/mermaid").is_dir()
        || !dir.join("node_modules/jsdom").is_dir()
    {
        common::missing_consumer(
            &format!("Node.js with mermaid and jsdom in {}", dir.display()),
            "run `npm ci` in tools/mermaid",
        );
        return;
    }
    let mut graphs = vec![sample(), tricky_graph()];
    let mut runner = TestRunner::deterministic();
    let mut options = vec![ExportOptions::default(), ExportOptions::default()];
    for _ in 0..64 {
        graphs.push(graph().new_tree(&mut runner).unwrap().current());
        options.push(export_options().new_tree(&mut runner).unwrap().current());
    }

    let tmp = std::env::temp_dir().join(format!("partnership-mermaid-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let script = tmp.join("check.mjs");
    std::fs::write(&script, CHECK).unwrap();
    let mut files = Vec::new();
    for (i, (g, o)) in graphs.iter().zip(&options).enumerate() {
        let path = tmp.join(format!("{i}.mmd"));
        std::fs::write(&path, render(&Selection::all(g), Format::Mermaid, o)).unwrap();
        files.push(path);
    }
    let out = Command::new("node")
        .arg(&script)
        .arg(&dir)
        .args(&files)
        .output()
        .expect("cannot run node");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "node failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), graphs.len(), "{stdout}");
    for ((line, g), path) in lines.iter().zip(&graphs).zip(&files) {
        let want = format!("OK {} {}", g.node_count(), g.link_count());
        assert_eq!(*line, want, "{}", path.display());
    }
    std::fs::remove_dir_all(&tmp).unwrap();
}
