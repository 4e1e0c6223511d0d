//! The SVG charts checked by their consumers: `rsvg-convert` (Debian's
//! `librsvg2-bin`) must turn each into a PNG without a warning, and an XML
//! parser (roxmltree) must accept them whatever the labels hold.
//!
//! When `rsvg-convert` is missing the rendering test fails under `CI=true`
//! and otherwise skips with a notice.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::Command;

use partnership_core::Graph;
use partnership_export::{GanttOptions, LineChart, LineSeries, write_gantt, write_line_chart};
use proptest::prelude::*;

fn line_chart(labels: &[String]) -> LineChart {
    LineChart {
        title: labels.first().cloned().unwrap_or_default(),
        x_label: labels.get(1).cloned().unwrap_or_default(),
        y_label: labels.get(2).cloned().unwrap_or_default(),
        x: (2000..2010).map(|y| y.to_string()).collect(),
        series: labels
            .iter()
            .enumerate()
            .map(|(k, l)| LineSeries {
                label: l.clone(),
                values: (0..10)
                    .map(|i| (i % (k + 2) != 1).then_some((i * (k + 1)) as f64 / 50.0))
                    .collect(),
            })
            .collect(),
    }
}

/// A graph whose names are `names`: funds with spans, events linked to them.
fn graph(names: &[String]) -> Graph {
    let cite = serde_json::json!([{"document": "d", "section": "s"}]);
    let mut nodes = Vec::new();
    let mut edges = Vec::new();
    for (i, name) in names.iter().enumerate() {
        nodes.push(serde_json::json!({
            "id": format!("f{i}"), "kind": "fund", "name": name,
            "since": format!("{}", 2000 + i), "sources": cite
        }));
        nodes.push(serde_json::json!({
            "id": format!("e{i}"), "kind": "event", "name": name,
            "date": format!("{}-06", 2001 + i), "sources": cite
        }));
        edges.push(serde_json::json!({
            "source": format!("e{i}"), "target": format!("f{i}"), "relation": "establishes", "sources": cite
        }));
    }
    let doc = serde_json::json!({
        "directed": true, "multigraph": true,
        "graph": {"name": names.first().cloned().unwrap_or_default()},
        "nodes": nodes, "edges": edges
    });
    Graph::from_json_str(&doc.to_string()).unwrap()
}

fn hostile() -> Vec<String> {
    [
        "<script>alert(1)</script>",
        "Tom & Jerry's \"fund\"",
        "]]><!-- -->",
        "\u{0}\u{1}\u{1b}[31mred\u{7f}",
        "\u{fffe}\u{ffff} right-to-left \u{202e}abc",
        "emoji 🇺🇦 and CJK 北约",
        "a very long name that goes on and on well past any label width the chart could give it",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect()
}

fn svgs() -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let g = partnership_core::dataset();
    let mut gantt = Vec::new();
    write_gantt(&mut gantt, g, &GanttOptions::default()).unwrap();
    out.push(("dataset timeline".to_owned(), gantt));
    let mut narrow = Vec::new();
    let options = GanttOptions {
        from: Some("2010".parse().unwrap()),
        to: Some("2016".parse().unwrap()),
        ..GanttOptions::default()
    };
    write_gantt(&mut narrow, g, &options).unwrap();
    out.push(("dataset timeline 2010-2016".to_owned(), narrow));
    let mut line = Vec::new();
    write_line_chart(&mut line, &line_chart(&hostile())).unwrap();
    out.push(("line chart, hostile labels".to_owned(), line));
    let mut gantt = Vec::new();
    write_gantt(&mut gantt, &graph(&hostile()), &GanttOptions::default()).unwrap();
    out.push(("gantt, hostile labels".to_owned(), gantt));
    let mut empty = Vec::new();
    write_line_chart(&mut empty, &LineChart::default()).unwrap();
    out.push(("empty line chart".to_owned(), empty));
    let mut empty = Vec::new();
    write_gantt(&mut empty, &Graph::new(), &GanttOptions::default()).unwrap();
    out.push(("empty gantt".to_owned(), empty));
    out
}

#[test]
fn rsvg_convert_renders_every_chart_without_warnings() {
    let found = Command::new("rsvg-convert")
        .arg("--version")
        .output()
        .is_ok();
    if !found {
        if std::env::var("CI").as_deref() == Ok("true") {
            panic!("rsvg-convert is missing (apt-get install librsvg2-bin)");
        }
        eprintln!("notice: rsvg-convert not found; skipping the rendering check");
        return;
    }
    let dir: PathBuf =
        std::env::temp_dir().join(format!("partnership-rsvg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (i, (name, svg)) in svgs().into_iter().enumerate() {
        let input = dir.join(format!("{i}.svg"));
        let output = dir.join(format!("{i}.png"));
        std::fs::write(&input, &svg).unwrap();
        let run = Command::new("rsvg-convert")
            .arg(&input)
            .arg("-o")
            .arg(&output)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(run.status.success(), "{name}: {stderr}");
        assert!(
            stderr.trim().is_empty(),
            "{name}: rsvg-convert warned: {stderr}"
        );
        let png = std::fs::read(&output).unwrap();
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 1000,
            "{name}: no PNG"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn hostile_labels_survive_as_text() {
    let labels = hostile();
    let mut svg = Vec::new();
    write_line_chart(&mut svg, &line_chart(&labels)).unwrap();
    let text = String::from_utf8(svg).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let texts: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text().map(str::to_owned))
        .collect();
    assert!(texts.iter().any(|t| t == "<script>alert(1)</script>"));
    assert!(texts.iter().any(|t| t == "Tom & Jerry's \"fund\""));
    assert!(!doc.descendants().any(|n| n.has_tag_name("script")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_labels_give_well_formed_xml(labels in proptest::collection::vec("\\PC{0,30}|[\\x00-\\x7f]{0,20}", 1..9)) {
        let mut svg = Vec::new();
        write_line_chart(&mut svg, &line_chart(&labels)).unwrap();
        let text = String::from_utf8(svg).unwrap();
        prop_assert!(roxmltree::Document::parse(&text).is_ok(), "{text}");

        let names: Vec<String> = labels
            .iter()
            .map(|l| if l.trim().is_empty() || l.trim() != l { format!("x{}x", l.trim()) } else { l.clone() })
            .collect();
        let mut svg = Vec::new();
        write_gantt(&mut svg, &graph(&names), &GanttOptions::default()).unwrap();
        let text = String::from_utf8(svg).unwrap();
        prop_assert!(roxmltree::Document::parse(&text).is_ok(), "{text}");
    }
}
