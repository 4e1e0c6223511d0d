//! GraphML, for Gephi, yEd, Cytoscape and NetworkX.
//!
//! Every attribute has a typed `<key>`: the model's fields are strings
//! (lists and citations as JSON text, dates in ISO 8601), a link's `key` is a
//! `long`, and each name in `attributes` is a `long`, `double` or `string`
//! key depending on the values it takes in the selection. Nodes and links
//! also carry `label` (the name, the relation in words), which Gephi and
//! Cytoscape show.
//!
//! Text is escaped for XML 1.0: `&`, `<`, `>` and, in attributes, `"` and
//! white space other than the space; characters XML 1.0 cannot carry at all
//! (control characters other than tab, line feed and carriage return, and
//! U+FFFE, U+FFFF) become U+FFFD. A node id that this changes, or that
//! clashes with another once changed, gets a `_2`-style suffix so that ids
//! stay unique.

use std::io::{self, BufWriter, Write};

use partnership_core::{Attributes, PartialDate};

use crate::Selection;
use crate::text::UniqueIds;
use crate::xml::{Attr, AttrKeys, Content, json, sanitise};

const HEADER: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
"#;

/// The fixed keys: (id, domain, attr.name, attr.type).
const FIXED_KEYS: &[(&str, &str, &str, &str)] = &[
    ("g_name", "graph", "name", "string"),
    ("g_description", "graph", "description", "string"),
    ("n_label", "node", "label", "string"),
    ("n_kind", "node", "kind", "string"),
    ("n_family", "node", "family", "string"),
    ("n_name", "node", "name", "string"),
    ("n_aliases", "node", "aliases", "string"),
    ("n_since", "node", "since", "string"),
    ("n_until", "node", "until", "string"),
    ("n_date", "node", "date", "string"),
    ("n_description", "node", "description", "string"),
    ("n_sources", "node", "sources", "string"),
    ("e_label", "edge", "label", "string"),
    ("e_relation", "edge", "relation", "string"),
    ("e_key", "edge", "key", "long"),
    ("e_since", "edge", "since", "string"),
    ("e_until", "edge", "until", "string"),
    ("e_role", "edge", "role", "string"),
    ("e_description", "edge", "description", "string"),
    ("e_sources", "edge", "sources", "string"),
];

/// Writes `selection` as a GraphML document.
pub(crate) fn write<W: Write>(writer: W, selection: &Selection<'_>) -> io::Result<()> {
    let mut w = BufWriter::new(writer);
    let graph = selection.graph();
    let reserved = |domain: &str| -> Vec<&str> {
        FIXED_KEYS
            .iter()
            .filter(|k| k.1 == domain)
            .map(|k| k.2)
            .collect()
    };
    let node_attrs = AttrKeys::new(
        "n_attr",
        &reserved("node"),
        selection.nodes().map(|(_, n)| &n.attributes),
    );
    let link_attrs = AttrKeys::new(
        "e_attr",
        &reserved("edge"),
        selection.links().map(|l| &l.weight.attributes),
    );

    w.write_all(HEADER.as_bytes())?;
    for &(id, domain, name, ty) in FIXED_KEYS {
        writeln!(
            w,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{name}\" attr.type=\"{ty}\"/>"
        )?;
    }
    for (domain, keys) in [("node", &node_attrs), ("edge", &link_attrs)] {
        for key in keys.iter() {
            writeln!(
                w,
                "  <key id=\"{}\" for=\"{domain}\" attr.name={} attr.type=\"{}\"/>",
                key.id,
                Attr(&key.name),
                key.ty.as_str()
            )?;
        }
    }

    writeln!(w, "  <graph id=\"G\" edgedefault=\"directed\">")?;
    let meta = graph.meta();
    data(&mut w, 2, "g_name", meta.name.as_deref())?;
    data(&mut w, 2, "g_description", meta.description.as_deref())?;

    let mut ids = UniqueIds::default();
    let mut xml_ids: Vec<Option<String>> = vec![None; graph.node_count()];
    for (index, node) in selection.nodes() {
        let id = ids.fresh(&sanitise(&node.id));
        writeln!(w, "    <node id={}>", Attr(&id))?;
        xml_ids[index.index()] = Some(id);
        data(&mut w, 3, "n_label", Some(&node.name))?;
        data(&mut w, 3, "n_kind", Some(node.kind.as_str()))?;
        data(&mut w, 3, "n_family", Some(node.kind.family().as_str()))?;
        data(&mut w, 3, "n_name", Some(&node.name))?;
        if !node.aliases.is_empty() {
            data(&mut w, 3, "n_aliases", Some(&json(&node.aliases)?))?;
        }
        data(&mut w, 3, "n_since", date(node.since).as_deref())?;
        data(&mut w, 3, "n_until", date(node.until).as_deref())?;
        data(&mut w, 3, "n_date", date(node.date).as_deref())?;
        data(&mut w, 3, "n_description", node.description.as_deref())?;
        data(&mut w, 3, "n_sources", Some(&json(&node.sources)?))?;
        write_attributes(&mut w, &node_attrs, &node.attributes)?;
        writeln!(w, "    </node>")?;
    }
    for (n, l) in selection.links().enumerate() {
        let (Some(source), Some(target)) = (
            xml_ids.get(l.source.index()).and_then(Option::as_ref),
            xml_ids.get(l.target.index()).and_then(Option::as_ref),
        ) else {
            continue; // a selection never shows a link without its ends
        };
        writeln!(
            w,
            "    <edge id=\"e{n}\" source={} target={}>",
            Attr(source),
            Attr(target)
        )?;
        let link = l.weight;
        data(&mut w, 3, "e_label", Some(link.relation.phrase()))?;
        data(&mut w, 3, "e_relation", Some(link.relation.as_str()))?;
        data(&mut w, 3, "e_key", Some(&link.key.unwrap_or(0).to_string()))?;
        data(&mut w, 3, "e_since", date(link.since).as_deref())?;
        data(&mut w, 3, "e_until", date(link.until).as_deref())?;
        data(&mut w, 3, "e_role", link.role.as_deref())?;
        data(&mut w, 3, "e_description", link.description.as_deref())?;
        data(&mut w, 3, "e_sources", Some(&json(&link.sources)?))?;
        write_attributes(&mut w, &link_attrs, &link.attributes)?;
        writeln!(w, "    </edge>")?;
    }
    writeln!(w, "  </graph>")?;
    writeln!(w, "</graphml>")?;
    w.flush()
}

fn date(d: Option<PartialDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// Writes `<data key="key">value</data>` when there is a value.
fn data<W: Write>(w: &mut W, depth: usize, key: &str, value: Option<&str>) -> io::Result<()> {
    match value {
        Some(value) => writeln!(
            w,
            "{:indent$}<data key=\"{key}\">{}</data>",
            "",
            Content(value),
            indent = 2 * depth
        ),
        None => Ok(()),
    }
}

/// Writes one `<data>` per attribute that has a key.
fn write_attributes<W: Write>(
    w: &mut W,
    keys: &AttrKeys,
    attributes: &Attributes,
) -> io::Result<()> {
    for (id, value) in keys.values(attributes) {
        data(w, 3, id, Some(&value))?;
    }
    Ok(())
}
