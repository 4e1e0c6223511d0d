//! NetworkX reads what the JSON, GraphML and GEXF writers write, with the
//! same nodes, links and attribute types: `node_link_graph` on the `edges`
//! form (NetworkX 3.6 and later) and on the `links` form, `read_graphml`,
//! and `read_gexf`, on the sample, a selection, the dataset and random
//! graphs with arbitrary strings from the property-test generator.
//!
//! Runs when `python3` can import `networkx`. Without it the test fails
//! under `CI=true` (`.ci/run` installs it) and otherwise prints a notice and
//! passes. The fuller comparison, value by value, is
//! `scripts/check_formats.py`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::process::Command;

use common::graphs::graph;
use common::{render, sample};
use partnership_core::json::LinksKey;
use partnership_core::{Graph, Kind};
use partnership_export::{ExportOptions, Format, Selection, SelectionOptions};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

/// Loads each (kind, path) pair and prints `nodes links` for each, after
/// checking directedness, multigraph-ness and a few attribute types.
const CHECK: &str = r#"
import json, sys
import networkx as nx
args = sys.argv[1:]
for kind, path in zip(args[::2], args[1::2]):
    if kind == "graphml":
        g = nx.read_graphml(path, force_multigraph=True)
        for _, _, k, d in g.edges(keys=True, data=True):
            assert isinstance(d["key"], int), d
    elif kind == "gexf":
        g = nx.read_gexf(path)
        if not g.is_multigraph():
            g = nx.MultiDiGraph(g)
        assert g.graph["mode"] == "dynamic", g.graph
        for _, _, k, d in g.edges(keys=True, data=True):
            assert isinstance(d["link_key"], int), d
    else:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        g = nx.node_link_graph(data, edges=kind)
        for _, _, k in g.edges(keys=True):
            assert isinstance(k, int), k
    assert g.is_directed() and g.is_multigraph()
    for n, d in g.nodes(data=True):
        assert isinstance(d["kind"], str) and isinstance(d["name"], str), (n, d)
        for a in ("initial_projects",):
            if a in d:
                assert isinstance(d[a], int), (n, a, d[a])
    print(g.number_of_nodes(), g.number_of_edges())
"#;

fn networkx() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import networkx"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        common::missing_consumer("python3 with networkx", "pip install networkx");
    }
    ok
}

fn check(selection: &Selection<'_>) {
    static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let tmp = std::env::temp_dir().join(format!(
        "partnership-networkx-{}-{}",
        std::process::id(),
        RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&tmp).unwrap();
    let mut args = Vec::new();
    for (kind, format, links_key) in [
        ("edges", Format::Json, LinksKey::Edges),
        ("links", Format::Json, LinksKey::Links),
        ("graphml", Format::GraphMl, LinksKey::Edges),
        ("gexf", Format::Gexf, LinksKey::Edges),
    ] {
        let options = ExportOptions {
            links_key,
            ..ExportOptions::default()
        };
        let path = tmp.join(format!("{kind}.{}", format.extension()));
        std::fs::write(&path, render(selection, format, &options)).unwrap();
        args.push(kind.to_owned());
        args.push(path.to_string_lossy().into_owned());
    }
    let out = Command::new("python3")
        .args(["-c", CHECK])
        .args(&args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let want = format!("{} {}", selection.node_count(), selection.link_count());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines, [want.as_str(); 4]);
    std::fs::remove_dir_all(&tmp).unwrap();
}

#[test]
fn networkx_reads_json_and_graphml() {
    if !networkx() {
        return;
    }
    let g = sample();
    check(&Selection::all(&g));
    let funds = SelectionOptions::new().kinds([Kind::State, Kind::Fund, Kind::Body]);
    check(&Selection::new(&g, &funds).unwrap());
    let dataset = partnership_core::dataset();
    check(&Selection::all(dataset));
}

#[test]
fn networkx_reads_random_graphs_with_arbitrary_strings() {
    if !networkx() {
        return;
    }
    let mut runner = TestRunner::deterministic();
    for _ in 0..24 {
        let g = graph().new_tree(&mut runner).unwrap().current();
        check(&Selection::all(&g));
    }
}

/// Issue 11, #16: an integer attribute above `i64::MAX` is typed `long` in
/// GraphML, which NetworkX reads as a Python `int`, exactly; as `double`
/// it came back rounded to 18446744073709551616.0.
#[test]
fn networkx_reads_big_integers_exactly() {
    use partnership_core::{AttrValue, Node, Source};
    if !networkx() {
        return;
    }
    let cite = Source {
        document: "d".into(),
        section: "s".into(),
    };
    let mut g = Graph::new();
    for (id, value) in [
        ("big", serde_json::Number::from(u64::MAX)),
        ("small", serde_json::Number::from(i64::MIN)),
    ] {
        let mut node = Node::new(id, Kind::State, id, cite.clone());
        node.attributes
            .insert("count".to_owned(), AttrValue::Number(value));
        g.add_node(node).unwrap();
    }
    let text = render(
        &Selection::all(&g),
        Format::GraphMl,
        &ExportOptions::default(),
    );
    let path = std::env::temp_dir().join(format!("partnership-big-{}.graphml", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let out = Command::new("python3")
        .args([
            "-c",
            r#"
import sys, networkx as nx
g = nx.read_graphml(sys.argv[1])
for n in ("big", "small"):
    v = g.nodes[n]["count"]
    print(n, type(v).__name__, v)
"#,
        ])
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout.lines().collect::<Vec<_>>(),
        [
            "big int 18446744073709551615",
            "small int -9223372036854775808"
        ]
    );
}
