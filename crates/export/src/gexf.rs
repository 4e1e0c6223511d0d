//! Dynamic GEXF 1.2draft, for Gephi's timeline and NetworkX `read_gexf`.
//!
//! The graph is `mode="dynamic"` with `timeformat="date"`: every node and
//! link that has dates gets `start` and `end` days, so Gephi can filter by
//! time. A partial date stands for its whole interval, so `start` is the
//! first day of `since` (or of a dated node's `date`) and `end` the last day
//! of `until` (or of the `date` of a node dated without `since`, such as an
//! event); a missing bound stays open.
//!
//! Typed static attributes carry the model's fields (kind, family, name,
//! aliases, the dates as written, description, sources; relation,
//! `link_key`, role...), lists and citations as JSON text; each name in `attributes`
//! gets a `long`, `double` or `string` attribute of its own. `viz` colours
//! and shapes follow the DOT palette (`style.rs`). Links keep distinct ids
//! (`e` and the link's index in the graph), so parallel links stay apart.
//! Escaping is that of [`crate::xml`].

use std::io::{self, BufWriter, Write};

use partnership_core::{Attributes, Day, Link, Node, PartialDate};

use crate::Selection;
use crate::style::{Line, link_style, node_style, rgb};
use crate::text::UniqueIds;
use crate::xml::{Attr, AttrKeys, Content, json, sanitise};

const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
"#;

/// The fixed node attributes: (id, title, type).
const NODE_ATTRS: &[(&str, &str, &str)] = &[
    ("n_kind", "kind", "string"),
    ("n_family", "family", "string"),
    ("n_name", "name", "string"),
    ("n_aliases", "aliases", "string"),
    ("n_since", "since", "string"),
    ("n_until", "until", "string"),
    ("n_date", "date", "string"),
    ("n_description", "description", "string"),
    ("n_sources", "sources", "string"),
];

/// The fixed link attributes: (id, title, type).
const EDGE_ATTRS: &[(&str, &str, &str)] = &[
    ("e_relation", "relation", "string"),
    ("e_key", "link_key", "long"),
    ("e_since", "since", "string"),
    ("e_until", "until", "string"),
    ("e_role", "role", "string"),
    ("e_description", "description", "string"),
    ("e_sources", "sources", "string"),
];

/// Names that GEXF readers give a meaning of their own (NetworkX stores the
/// label, the interval, the viz data and a multigraph key under them, and
/// passes attributes as keyword arguments next to `key`), so an attribute of
/// the data with one of these names is declared with a `_2`-style suffix.
/// The model's own `key` is declared as `link_key` for the same reason.
const READER_NAMES: &[&str] = &[
    "id",
    "label",
    "start",
    "end",
    "pid",
    "viz",
    "spells",
    "weight",
    "key",
    "networkx_key",
    "node_for_adding",
    "u_for_edge",
    "v_for_edge",
];

/// Writes `selection` as a dynamic GEXF 1.2draft document.
pub(crate) fn write<W: Write>(writer: W, selection: &Selection<'_>) -> io::Result<()> {
    let mut w = BufWriter::new(writer);
    let graph = selection.graph();
    let reserved = |fixed: &[(&str, &'static str, &str)]| -> Vec<&'static str> {
        fixed
            .iter()
            .map(|a| a.1)
            .chain(READER_NAMES.iter().copied())
            .collect()
    };
    let node_attrs = AttrKeys::new(
        "n_attr",
        &reserved(NODE_ATTRS),
        selection.nodes().map(|(_, n)| &n.attributes),
    );
    let link_attrs = AttrKeys::new(
        "e_attr",
        &reserved(EDGE_ATTRS),
        selection.links().map(|l| &l.weight.attributes),
    );

    w.write_all(HEADER.as_bytes())?;
    let meta = graph.meta();
    writeln!(w, "  <meta>")?;
    writeln!(w, "    <creator>partnership</creator>")?;
    if let Some(name) = &meta.name {
        writeln!(w, "    <keywords>{}</keywords>", Content(name))?;
    }
    if let Some(description) = &meta.description {
        writeln!(w, "    <description>{}</description>", Content(description))?;
    }
    writeln!(w, "  </meta>")?;
    writeln!(
        w,
        "  <graph mode=\"dynamic\" defaultedgetype=\"directed\" timeformat=\"date\">"
    )?;
    for (class, fixed, keys) in [
        ("node", NODE_ATTRS, &node_attrs),
        ("edge", EDGE_ATTRS, &link_attrs),
    ] {
        writeln!(w, "    <attributes class=\"{class}\" mode=\"static\">")?;
        for &(id, title, ty) in fixed {
            writeln!(
                w,
                "      <attribute id=\"{id}\" title=\"{title}\" type=\"{ty}\"/>"
            )?;
        }
        for key in keys.iter() {
            writeln!(
                w,
                "      <attribute id=\"{}\" title={} type=\"{}\"/>",
                key.id,
                Attr(&key.name),
                key.ty.as_str()
            )?;
        }
        writeln!(w, "    </attributes>")?;
    }

    let mut ids = UniqueIds::default();
    let mut xml_ids: Vec<Option<String>> = vec![None; graph.node_count()];
    writeln!(w, "    <nodes count=\"{}\">", selection.node_count())?;
    for (index, node) in selection.nodes() {
        let id = ids.fresh(&sanitise(&node.id));
        write_node(&mut w, &id, node, &node_attrs)?;
        xml_ids[index.index()] = Some(id);
    }
    writeln!(w, "    </nodes>")?;
    writeln!(w, "    <edges count=\"{}\">", selection.link_count())?;
    for l in selection.links() {
        let (Some(source), Some(target)) = (
            xml_ids.get(l.source.index()).and_then(Option::as_ref),
            xml_ids.get(l.target.index()).and_then(Option::as_ref),
        ) else {
            continue; // a selection never shows a link without its ends
        };
        write_link(
            &mut w,
            l.index.index(),
            (source, target),
            l.weight,
            &link_attrs,
        )?;
    }
    writeln!(w, "    </edges>")?;
    writeln!(w, "  </graph>")?;
    writeln!(w, "</gexf>")?;
    w.flush()
}

/// ` start="..." end="..."` for the bounds that are known.
fn interval(start: Option<Day>, end: Option<Day>) -> String {
    let mut out = String::new();
    if let Some(start) = start {
        out.push_str(&format!(" start=\"{start}\""));
    }
    if let Some(end) = end {
        out.push_str(&format!(" end=\"{end}\""));
    }
    out
}

fn write_node<W: Write>(w: &mut W, id: &str, node: &Node, keys: &AttrKeys) -> io::Result<()> {
    let (since, until) = node.span();
    writeln!(
        w,
        "      <node id={} label={}{}>",
        Attr(id),
        Attr(&node.name),
        interval(since.map(|d| d.start()), until.map(|d| d.end()))
    )?;
    writeln!(w, "        <attvalues>")?;
    attvalue(w, "n_kind", Some(node.kind.as_str()))?;
    attvalue(w, "n_family", Some(node.kind.family().as_str()))?;
    attvalue(w, "n_name", Some(&node.name))?;
    if !node.aliases.is_empty() {
        attvalue(w, "n_aliases", Some(&json(&node.aliases)?))?;
    }
    attvalue(w, "n_since", date(node.since).as_deref())?;
    attvalue(w, "n_until", date(node.until).as_deref())?;
    attvalue(w, "n_date", date(node.date).as_deref())?;
    attvalue(w, "n_description", node.description.as_deref())?;
    attvalue(w, "n_sources", Some(&json(&node.sources)?))?;
    write_attributes(w, keys, &node.attributes)?;
    writeln!(w, "        </attvalues>")?;
    let style = node_style(node.kind);
    let (r, g, b) = rgb(style.fill);
    writeln!(w, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>")?;
    writeln!(w, "        <viz:shape value=\"{}\"/>", style.gexf)?;
    writeln!(w, "      </node>")
}

fn write_link<W: Write>(
    w: &mut W,
    index: usize,
    (source, target): (&str, &str),
    link: &Link,
    keys: &AttrKeys,
) -> io::Result<()> {
    writeln!(
        w,
        "      <edge id=\"e{index}\" source={} target={} label={}{}>",
        Attr(source),
        Attr(target),
        Attr(link.relation.phrase()),
        interval(link.since.map(|d| d.start()), link.until.map(|d| d.end()))
    )?;
    writeln!(w, "        <attvalues>")?;
    attvalue(w, "e_relation", Some(link.relation.as_str()))?;
    attvalue(w, "e_key", Some(&link.key.unwrap_or(0).to_string()))?;
    attvalue(w, "e_since", date(link.since).as_deref())?;
    attvalue(w, "e_until", date(link.until).as_deref())?;
    attvalue(w, "e_role", link.role.as_deref())?;
    attvalue(w, "e_description", link.description.as_deref())?;
    attvalue(w, "e_sources", Some(&json(&link.sources)?))?;
    write_attributes(w, keys, &link.attributes)?;
    writeln!(w, "        </attvalues>")?;
    let style = link_style(link.relation);
    let (r, g, b) = rgb(style.colour);
    writeln!(w, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>")?;
    let thickness = if style.bold { "2.0" } else { "1.0" };
    writeln!(w, "        <viz:thickness value=\"{thickness}\"/>")?;
    let shape = match style.line {
        Line::Solid => "solid",
        Line::Dashed => "dashed",
        Line::Dotted => "dotted",
    };
    writeln!(w, "        <viz:shape value=\"{shape}\"/>")?;
    writeln!(w, "      </edge>")
}

fn date(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// Writes `<attvalue for="id" value="..."/>` when there is a value.
fn attvalue<W: Write>(w: &mut W, id: &str, value: Option<&str>) -> io::Result<()> {
    match value {
        Some(value) => writeln!(
            w,
            "          <attvalue for=\"{id}\" value={}/>",
            Attr(value)
        ),
        None => Ok(()),
    }
}

fn write_attributes<W: Write>(
    w: &mut W,
    keys: &AttrKeys,
    attributes: &Attributes,
) -> io::Result<()> {
    for (id, value) in keys.values(attributes) {
        attvalue(w, id, Some(&value))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_table_in_the_docs_is_the_style() {
        let docs = include_str!("../../../docs/formats.md");
        for &kind in partnership_core::Kind::ALL {
            let shape = crate::style::node_style(kind).gexf;
            let row = docs
                .lines()
                .find(|l| l.starts_with(&format!("| `{shape}` |")))
                .unwrap_or_else(|| panic!("no row for {shape}"));
            let kinds: Vec<&str> = row
                .trim_matches('|')
                .split('|')
                .nth(1)
                .unwrap()
                .split(',')
                .map(str::trim)
                .collect();
            assert!(
                kinds.contains(&kind.as_str()),
                "{kind} is not under {shape}"
            );
        }
    }

    #[test]
    fn intervals_run_from_first_to_last_day_and_stay_open_when_unknown() {
        let d = |s: &str| s.parse::<PartialDate>().unwrap();
        assert_eq!(
            interval(Some(d("2014-09").start()), Some(d("2016").end())),
            " start=\"2014-09-01\" end=\"2016-12-31\""
        );
        assert_eq!(
            interval(Some(d("1997-07-09").start()), None),
            " start=\"1997-07-09\""
        );
        assert_eq!(interval(None, None), "");
    }
}
