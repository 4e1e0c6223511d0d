//! Graphviz reads what the DOT writer writes: the whole graph and several
//! selections render with `dot -Tsvg` without a single error or warning.
//!
//! Without Graphviz these tests print a notice and pass, except under
//! `CI=true`, where a missing `dot` is a failure.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Missing, dot_to_svg, graphviz, render, sample};
use partnership_core::{Graph, Kind, Link, Node, Relation, Source};
use partnership_export::{
    ExportOptions, Format, Layout, LinkDirection, Selection, SelectionOptions,
};

/// Renders `selection` with each option set; panics with Graphviz's
/// complaint and the offending DOT on any error or warning.
fn assert_renders(dot: &std::path::Path, what: &str, selection: &Selection<'_>) -> Vec<String> {
    let option_sets = [
        ExportOptions::default(),
        ExportOptions {
            clusters: true,
            ..ExportOptions::default()
        },
        ExportOptions {
            layout: Layout::TopToBottom,
            legend: false,
            clusters: true,
            wrap: 0,
            title: Some(format!("{what} \"quoted\" \\ & more")),
            ..ExportOptions::default()
        },
    ];
    option_sets
        .iter()
        .map(|options| {
            let text = render(selection, Format::Dot, options);
            let svg = dot_to_svg(dot, &text)
                .unwrap_or_else(|e| panic!("{what} ({options:?}) did not render: {e}\n{text}"));
            common::parse_svg(&svg)
                .unwrap_or_else(|e| panic!("{what}: Graphviz wrote malformed SVG: {e}"));
            svg
        })
        .collect()
}

fn selections(g: &Graph) -> Vec<(String, Selection<'_>)> {
    let funds: Vec<String> = g
        .nodes()
        .filter(|(_, n)| n.kind == Kind::Fund)
        .map(|(_, n)| n.id.clone())
        .collect();
    let mut out = vec![("whole graph".to_owned(), Selection::all(g))];
    let mut add = |what: &str, options: SelectionOptions| {
        if let Ok(s) = Selection::new(g, &options) {
            out.push((what.to_owned(), s));
        }
    };
    add("around NATO", SelectionOptions::new().around(["NATO"], 1));
    add(
        "around Ukraine, depth 2",
        SelectionOptions::new().around(["Ukraine"], 2),
    );
    add(
        "who leads the trust funds",
        SelectionOptions::new()
            .around(funds, 1)
            .direction(LinkDirection::Incoming)
            .relations([Relation::Leads, Relation::Executes]),
    );
    add(
        "as of 2010",
        SelectionOptions::new().as_of("2010".parse().unwrap()),
    );
    add(
        "states, bodies and funds",
        SelectionOptions::new().kinds([Kind::State, Kind::Body, Kind::Fund]),
    );
    add(
        "structure only",
        SelectionOptions::new()
            .relations([Relation::PartOf, Relation::MemberOf])
            .hide_isolated(true),
    );
    out.push((
        "empty".to_owned(),
        Selection::from_view(g.view().filter_nodes(|_, _| false)),
    ));
    out
}

#[test]
fn the_dataset_and_its_selections_render_without_warnings() {
    let Some(dot) = graphviz() else { return };
    let g = partnership_core::dataset();
    let all = selections(g);
    assert!(all.len() >= 8, "a selection of the dataset failed to build");
    for (what, selection) in &all {
        assert_renders(&dot, what, selection);
    }
}

#[test]
fn the_sample_and_its_selections_render_without_warnings() {
    let Some(dot) = graphviz() else { return };
    let g = sample();
    let all = selections(&g);
    assert_eq!(all.len(), 8, "a selection of the sample failed to build");
    for (what, selection) in &all {
        assert_renders(&dot, what, selection);
    }
}

/// Names Graphviz could misread: quotes, backslashes (also at the end and
/// before `N`, which Graphviz expands to the node's name), entities, line
/// breaks, NUL and other controls, keywords, markup, any script.
const NASTY: &[&str] = &[
    "quote\"inside",
    "ends\\",
    "\\N\\G\\E\\L",
    "&amp;&lt;&#45;",
    "&;",
    "&bogus;",
    "a&b",
    "<b>bold</b>",
    "line\nbreak",
    "nul\u{0}bell\u{7}esc\u{1b}",
    "non\u{FFFE}char\u{FFFF}",
    "node",
    "subgraph",
    "--",
    "->",
    "Київ",
    "שלום",
    "🙂🇺🇦",
    "a\"b\\\"c",
    "legend_state",
    "cluster_x",
];

fn nasty_graph() -> Graph {
    let cite = Source {
        document: "d".into(),
        section: "s".into(),
    };
    let mut g = Graph::new();
    for (i, name) in NASTY.iter().enumerate() {
        let kind = Kind::ALL[i % Kind::ALL.len()];
        let mut node = Node::new(*name, kind, *name, cite.clone());
        node.description = Some(format!("{name} described: \"{name}\"\r\n\\"));
        node.aliases = if i % 3 == 0 {
            vec![format!("{name}\\")]
        } else {
            vec![]
        };
        g.add_node(node).unwrap();
    }
    // Supports joins any two kinds but place; part_of inside a family.
    for (i, a) in NASTY.iter().enumerate() {
        let b = NASTY[(i + 1) % NASTY.len()];
        let (ka, kb) = (g.node_by_id(a).unwrap().kind, g.node_by_id(b).unwrap().kind);
        for relation in [Relation::Supports, Relation::PartOf] {
            if relation.allows(ka, kb) {
                let mut link = Link::new(*a, relation, b, cite.clone());
                link.description = Some(format!("{a} -> {b}"));
                g.add_link(link).unwrap();
            }
        }
    }
    g
}

#[test]
fn nasty_names_render_and_come_out_as_written() {
    let g = nasty_graph();
    let selection = Selection::all(&g);
    // Whatever Graphviz does, the DOT text itself never holds a raw control
    // character or an unpaired quote.
    let text = render(&selection, Format::Dot, &ExportOptions::default());
    assert!(!text.contains('\0'));
    let Some(dot) = graphviz() else { return };
    for svg in assert_renders(&dot, "nasty names", &selection) {
        let doc = common::parse_svg(&svg).unwrap();
        let nodes = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("node"))
            .count();
        // No two ids merged into one node (the legend adds its own).
        assert!(nodes >= g.node_count(), "{nodes} nodes drawn");
        let texts: Vec<String> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text().map(str::to_owned))
            .collect();
        for name in NASTY.iter().filter(|n| !n.contains(char::is_whitespace)) {
            let shown: String = name
                .chars()
                .map(|c| {
                    if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' {
                        '\u{FFFD}'
                    } else {
                        c
                    }
                })
                .collect();
            assert!(
                texts.contains(&shown),
                "{name:?} is not shown as {shown:?}; texts: {texts:?}"
            );
        }
    }
}

#[test]
fn a_missing_graphviz_is_reported_clearly() {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    match common::graphviz_at("/nonexistent/dot".as_ref()) {
        Err(Missing::Fail(message)) if ci => assert!(message.contains("CI=true"), "{message}"),
        Err(Missing::Skip(message)) if !ci => {
            assert!(message.contains("not installed"), "{message}");
            assert!(message.contains("apt-get install -y graphviz"), "{message}");
        }
        other => panic!("with CI={ci}, a missing dot gave {other:?}"),
    }
}

/// Issue 11, #8: ids that start with `%` are Graphviz-internal names; the
/// SVG must still show the real names, with no two nodes merged.
#[test]
fn percent_ids_keep_their_names_in_graphviz() {
    let cite = Source {
        document: "d".into(),
        section: "s".into(),
    };
    let ids = ["%3", "%5", "%7", "\u{200B}%3"];
    let mut g = Graph::new();
    for id in ids {
        g.add_node(Node::new(id, Kind::State, id, cite.clone()))
            .unwrap();
    }
    for (a, b) in [("%3", "%5"), ("%5", "%7"), ("%7", "\u{200B}%3")] {
        g.add_link(Link::new(a, Relation::Supports, b, cite.clone()))
            .unwrap();
    }
    let Some(dot) = graphviz() else { return };
    let options = ExportOptions {
        legend: false,
        ..ExportOptions::default()
    };
    let text = render(&Selection::all(&g), Format::Dot, &options);
    let svg = dot_to_svg(&dot, &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let doc = common::parse_svg(&svg).unwrap();
    let titles = |class: &str| -> Vec<String> {
        let mut titles: Vec<String> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some(class))
            .filter_map(|n| n.children().find(|c| c.has_tag_name("title")))
            .filter_map(|t| t.text())
            // The zero-width guard shows as nothing; drop one to compare.
            .map(|t| t.replacen('\u{200B}', "", 1).replace(">\u{200B}", ">"))
            .collect();
        titles.sort();
        titles
    };
    assert_eq!(titles("node"), ["%3", "%5", "%7", "\u{200B}%3"], "{svg}");
    assert_eq!(
        titles("edge"),
        ["%3->%5", "%5->%7", "%7->\u{200B}%3"],
        "{svg}"
    );
}
