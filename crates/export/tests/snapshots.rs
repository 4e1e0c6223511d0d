//! Snapshot tests: the sample fixture in every format, compared with the
//! `insta` snapshots in `tests/snapshots/`.
//!
//! The snapshots are regression records, not oracles: they were reviewed
//! by eye when written and show that nothing changed since, while the
//! consumer checks (`graphviz.rs`, `networkx.rs`, `mermaid_js.rs`) show
//! that the outputs are right. After a deliberate change, review and accept
//! the new outputs with `cargo insta review` (or rerun with
//! `INSTA_UPDATE=always`) and commit the `.snap` files.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{assert_snapshot, render, sample};
use partnership_core::json::LinksKey;
use partnership_core::{Kind, Relation};
use partnership_export::{
    ExportOptions, Format, Layout, LinkDirection, Selection, SelectionOptions,
};

fn diagram_options() -> ExportOptions {
    ExportOptions {
        clusters: true,
        ..ExportOptions::default()
    }
}

#[test]
fn whole_sample_as_dot() {
    let g = sample();
    let text = render(&Selection::all(&g), Format::Dot, &diagram_options());
    assert_snapshot("sample.dot", &text);
}

#[test]
fn leaders_of_a_fund_as_dot_top_to_bottom_without_legend() {
    let g = sample();
    let options = SelectionOptions::new()
        .around(["C4 Trust Fund"], 1)
        .direction(LinkDirection::Incoming)
        .relations([Relation::Leads, Relation::Executes]);
    let selection = Selection::new(&g, &options).unwrap();
    let export = ExportOptions {
        layout: Layout::TopToBottom,
        legend: false,
        title: Some("Who leads the \"C4\" Trust Fund".into()),
        ..ExportOptions::default()
    };
    assert_snapshot("c4-leaders.dot", &render(&selection, Format::Dot, &export));
}

#[test]
fn whole_sample_as_mermaid() {
    let g = sample();
    let text = render(&Selection::all(&g), Format::Mermaid, &diagram_options());
    assert_snapshot("sample.mmd", &text);
}

#[test]
fn whole_sample_as_graphml() {
    let g = sample();
    let text = render(&Selection::all(&g), Format::GraphMl, &diagram_options());
    assert_snapshot("sample.graphml", &text);
}

#[test]
fn states_and_funds_as_compact_json_with_links_key() {
    let g = sample();
    let options = SelectionOptions::new().kinds([Kind::State, Kind::Fund]);
    let selection = Selection::new(&g, &options).unwrap();
    let export = ExportOptions {
        links_key: LinksKey::Links,
        pretty: false,
        ..ExportOptions::default()
    };
    assert_snapshot(
        "states-and-funds.json",
        &render(&selection, Format::Json, &export),
    );
}

#[test]
fn exporting_the_loaded_fixture_and_loading_it_again_gives_the_same_graph() {
    let g = sample();
    for links_key in [LinksKey::Edges, LinksKey::Links] {
        let options = ExportOptions {
            links_key,
            ..ExportOptions::default()
        };
        let text = render(&Selection::all(&g), Format::Json, &options);
        assert_eq!(partnership_core::Graph::from_json_str(&text).unwrap(), g);
        assert!(text.contains(&format!("\"{}\": [", links_key.as_str())));
    }
}

#[test]
fn every_format_is_byte_identical_run_after_run() {
    let g = sample();
    let options = SelectionOptions::new().around(["nato-ukraine-commission"], 2);
    for format in Format::ALL {
        let first = render(
            &Selection::new(&g, &options).unwrap(),
            format,
            &diagram_options(),
        );
        for _ in 0..3 {
            let again = render(
                &Selection::new(&g, &options).unwrap(),
                format,
                &diagram_options(),
            );
            assert_eq!(first, again, "{format}");
        }
    }
}

#[test]
fn an_empty_selection_is_a_valid_empty_file_in_every_format() {
    let g = sample();
    // Both funds began in 2014.
    let options = SelectionOptions::new()
        .kinds([Kind::Fund])
        .as_of("1900".parse().unwrap());
    let selection = Selection::new(&g, &options).unwrap();
    assert!(selection.is_empty());
    let dot = render(&selection, Format::Dot, &diagram_options());
    assert!(dot.starts_with("digraph ") && dot.ends_with("}\n"), "{dot}");
    assert!(!dot.contains("->"));
    assert_eq!(
        render(&selection, Format::Mermaid, &diagram_options()),
        "flowchart LR\n"
    );
    let graphml = render(&selection, Format::GraphMl, &diagram_options());
    let doc = roxmltree::Document::parse(&graphml).unwrap();
    assert_eq!(
        doc.descendants().filter(|n| n.has_tag_name("node")).count(),
        0
    );
    let json = render(&selection, Format::Json, &diagram_options());
    let back = partnership_core::Graph::from_json_str(&json).unwrap();
    assert_eq!(back.node_count(), 0);
    assert_eq!(back.meta(), g.meta());
}

#[test]
fn writer_errors_are_returned() {
    struct Broken;
    impl std::io::Write for Broken {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("disk full"))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Err(std::io::Error::other("disk full"))
        }
    }
    let g = sample();
    for format in Format::ALL {
        let err =
            partnership_export::export(Broken, &Selection::all(&g), format, &diagram_options())
                .unwrap_err();
        assert_eq!(err.to_string(), "disk full", "{format}");
    }
}
